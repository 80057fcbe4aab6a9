"""GET /api/v1/agreements and /agreements/{id}: the public register as JSON, filtered, searched and paged."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import Agreement, AgreementStatus
from search import engines

from ..factories import AgencyFactory, PartnerFactory, SectorFactory, bulk_publish, index_for_search
from ..portal.test_search_page import RefusingEngine, UnreachableEngine
from .helpers import API, NOW, SECRETS, error_code, ids

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

AGREEMENTS = f"{API}/agreements"


# -- the list ----------------------------------------------------------------------------------------


def test_the_list_holds_only_published_signed_agreements_newest_signed_first(client, register):
    response = client.get(AGREEMENTS)
    assert ids(response) == [register["clinic"].pk, register["twin"].pk, register["water"].pk]
    assert response.json()["count"] == 3
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_an_item_carries_the_public_fields_with_ocid_links_and_value_as_a_decimal_string(client, register):
    water = register["water"]
    item = next(item for item in client.get(AGREEMENTS).json()["results"] if item["id"] == water.pk)
    assert item["ocid"] == f"ocds-simker-{water.pk}"
    assert item["url"] == f"http://testserver/katalog/naskah/{water.pk}/"
    assert item["api_url"] == f"http://testserver/api/v1/agreements/{water.pk}"
    assert item["title"] == "Penyediaan Air Bersih Kelurahan" and item["title_en"] == "Clean water for the wards"
    assert item["region_number"] == "180/12/35.73.112/2023"
    assert item["partner_numbers"] == ["PKS/TIRTA/2023/01"]
    assert item["document_type"] == {
        "id": register["ksb"].pk,
        "code": "KSB",
        "name": "Kesepakatan Bersama",
        "name_en": "Memorandum of Understanding",
    }
    assert item["kind"]["code"] == "KSDPK"
    assert item["status"] == {"code": "in_force", "label": "Berlaku"}
    assert (item["signed_on"], item["starts_on"], item["ends_on"]) == ("2023-05-01", "2023-05-01", "2028-04-30")
    assert item["value"] == "150000000.00" and item["currency"] == "IDR"
    assert item["funding_source"] == {"code": "apbd", "label": "APBD"}
    assert item["partners"] == [
        {
            "id": register["tirta"].pk,
            "name": "PT Tirta Nusantara",
            "name_en": "",
            "category": {"code": "swasta", "label": "Badan Usaha Swasta"},
            "country": "Indonesia",
        }
    ]
    assert [sector["code"] for sector in item["sectors"]] == ["PU"]
    assert item["initiating_agency"]["code"] == "PUPR"
    assert [agency["code"] for agency in item["implementing_agencies"]] == ["DINKES", "PUPR"]
    assert item["modified_at"].startswith("2026-03-02T03:00:00")


def test_an_agreement_ending_within_the_warning_window_has_the_derived_status(client, register):
    item = next(item for item in client.get(AGREEMENTS).json()["results"] if item["id"] == register["clinic"].pk)
    assert item["status"] == {"code": "expiring", "label": "Akan Berakhir"}


@pytest.mark.parametrize(
    ("parameter", "value_key", "expected"),
    [
        ("kind", "foreign", ["twin"]),
        ("document_type", "pks", ["clinic"]),
        ("sector", "health_sector", ["clinic", "twin"]),
        ("agency", "public_works", ["water"]),
    ],
)
def test_each_id_filter_narrows_the_list(client, register, parameter, value_key, expected):
    response = client.get(AGREEMENTS, {parameter: register[value_key].pk})
    assert ids(response) == [register[name].pk for name in expected]


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("partner_category", "swasta", ["water"]),
        ("partner_category", "pemda_ln", ["twin"]),
        ("status", "expiring", ["clinic"]),
        ("status", "in_force", ["clinic", "water"]),
        ("status", "expired", ["twin"]),
        ("year", "2024", ["twin"]),
        ("scope", "luar-negeri", ["twin"]),
        ("scope", "dalam-negeri", ["clinic", "water"]),
    ],
)
def test_each_code_filter_narrows_the_list(client, register, parameter, value, expected):
    assert ids(client.get(AGREEMENTS, {parameter: value})) == [register[name].pk for name in expected]


def test_values_of_one_filter_are_alternatives_and_different_filters_all_apply(client, register):
    either = client.get(AGREEMENTS, {"sector": [register["water_sector"].pk, register["education"].pk]})
    assert ids(either) == [register["twin"].pk, register["water"].pk]
    both = client.get(AGREEMENTS, {"sector": register["health_sector"].pk, "scope": "dalam-negeri"})
    assert ids(both) == [register["clinic"].pk]


@pytest.mark.parametrize("parameter", ["kind", "document_type", "sector", "agency"])
def test_an_id_that_names_nothing_is_a_400_not_an_unfiltered_list(client, register, parameter):
    response = client.get(AGREEMENTS, {parameter: 999_999})
    assert response.status_code == 400
    assert error_code(response) == "unknown_value"
    assert response.json()["error"]["details"] == [{"parameter": parameter, "value": 999_999}]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("partner_category", "alien"),
        ("status", "draft"),
        ("status", "akan_berakhir"),
        ("scope", "abroad"),
        ("year", "1066"),
        ("year", "dua ribu"),
        ("kind", "abc"),
        ("sector", "0"),
        ("agency", "99999999999"),
        ("sort", "random"),
    ],
)
def test_a_code_or_value_out_of_its_list_is_a_400(client, register, parameter, value):
    response = client.get(AGREEMENTS, {parameter: value})
    assert response.status_code == 400
    assert error_code(response) == "invalid_parameter"
    assert parameter in response.json()["error"]["message"]


def test_an_unpublished_a_draft_publication_and_an_unsigned_agreement_never_appear(client, register):
    response = client.get(AGREEMENTS, {"page_size": 100})
    listed = set(ids(response))
    assert not listed & {register["hidden"].pk, register["draft"].pk, register["unsigned"].pk}
    for name in ("hidden_title", "draft_title", "unsigned_title"):
        assert SECRETS[name] not in response.text


ENDING = ["clinic", "water", "twin"]  # still running (soonest end first), then the ones already ended
BY_TITLE = ["twin", "clinic", "water"]
NEWEST = ["clinic", "twin", "water"]


@pytest.mark.parametrize(("sort", "expected"), [("ending", ENDING), ("title", BY_TITLE)])
def test_the_list_sorts_by_end_date_or_title(client, register, sort, expected):
    assert ids(client.get(AGREEMENTS, {"sort": sort})) == [register[name].pk for name in expected]


# -- pages ---------------------------------------------------------------------------------------


def test_pages_link_to_their_neighbours_in_the_body_and_the_link_header(client, register):
    first = client.get(AGREEMENTS, {"page_size": 2, "status": ["in_force", "expired"]})
    body = first.json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["previous"] is None
    assert body["next"].startswith("http://testserver/api/v1/agreements?")
    assert "page=2" in body["next"] and "page_size=2" in body["next"] and "status=expired" in body["next"]
    assert first["Link"] == f'<{body["next"]}>; rel="next"'
    second = client.get(body["next"])
    assert ids(second) == [register["water"].pk]
    assert second.json()["next"] is None
    assert second["Link"] == f'<{second.json()["previous"]}>; rel="prev"'


def test_a_page_past_the_end_is_empty_and_says_how_many_there_are(client, register):
    body = client.get(AGREEMENTS, {"page": 50}).json()
    assert body["results"] == [] and body["count"] == 3 and body["next"] is None


@pytest.mark.parametrize(
    "params", [{"page_size": 101}, {"page_size": 0}, {"page": 0}, {"page": 100_001}, {"page": "x"}, {"page": "9" * 30}]
)
def test_page_and_page_size_out_of_range_are_a_400(client, register, params):
    response = client.get(AGREEMENTS, params)
    assert response.status_code == 400
    assert error_code(response) == "invalid_parameter"


def test_an_unknown_parameter_is_a_400_that_names_it_and_the_accepted_ones(client, register):
    response = client.get(AGREEMENTS, {"sektor": 1})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unknown_parameter"
    assert "sektor" in error["message"] and "sector" in error["message"]
    assert error["details"] == [{"parameter": "sektor"}]


# -- modified_since -------------------------------------------------------------------------------


def test_modified_since_returns_only_the_agreements_changed_after_it(client, register):
    later = NOW + datetime.timedelta(days=3)
    with time_machine.travel(later, tick=False):
        water = Agreement.objects.get(pk=register["water"].pk)
        water.scope = "Ruang lingkup diperbarui."
        water.save()
    changed = client.get(AGREEMENTS, {"modified_since": "2026-03-03T00:00:00+07:00"})
    assert ids(changed) == [register["water"].pk]
    assert changed.json()["results"][0]["modified_at"].startswith("2026-03-05T03:00:00")
    # A date alone means its midnight in WIB; a time without a zone is WIB too.
    assert ids(client.get(AGREEMENTS, {"modified_since": "2026-03-04"})) == [register["water"].pk]
    assert ids(client.get(AGREEMENTS, {"modified_since": "2026-03-05T09:59:59"})) == [register["water"].pk]
    assert ids(client.get(AGREEMENTS, {"modified_since": "2026-03-05T10:00:00"})) == []
    assert len(ids(client.get(AGREEMENTS, {"modified_since": "2026-03-01"}))) == 3


def test_a_newly_verified_monev_report_or_changed_public_document_counts_as_a_change(client, register):
    from .helpers import verified_report

    with time_machine.travel(NOW + datetime.timedelta(days=10), tick=False):
        verified_report(
            register["twin"],
            register["info"],
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2025, 6, 30),
            benefits="Pertukaran pelajar.",
        )
        register["signed"].title = "Naskah Kesepakatan Air Bersih (perbaikan)"
        register["signed"].save()
    changed = client.get(AGREEMENTS, {"modified_since": "2026-03-10"})
    assert set(ids(changed)) == {register["twin"].pk, register["water"].pk}


@pytest.mark.parametrize(
    "value", ["yesterday", "2025", "1700000000", "2025-13-01", "2025-02-30", "0001-01-01", "0001-01-01T00:00:00+23:59"]
)
def test_modified_since_that_is_not_an_iso_date_in_range_is_a_400(client, register, value):
    response = client.get(AGREEMENTS, {"modified_since": value})
    assert response.status_code == 400
    assert error_code(response) == "invalid_parameter"
    assert "modified_since" in response.json()["error"]["message"]


# -- q: the search engine -------------------------------------------------------------------------


@pytest.fixture
def indexed(register):
    index_for_search()
    return register


def test_q_finds_agreements_by_the_text_of_their_public_documents(client, indexed):
    assert ids(client.get(AGREEMENTS, {"q": "pipa distribusi"})) == [indexed["water"].pk]


def test_q_never_finds_restricted_text_or_unpublished_agreements(client, indexed):
    assert ids(client.get(AGREEMENTS, {"q": "oksigenator"})) == []
    response = client.get(AGREEMENTS, {"q": "puskesmas"})
    assert ids(response) == [indexed["clinic"].pk]
    assert SECRETS["hidden_title"] not in response.text


def test_q_combines_with_the_filters(client, indexed):
    assert ids(client.get(AGREEMENTS, {"q": "kembar", "scope": "luar-negeri"})) == [indexed["twin"].pk]
    assert ids(client.get(AGREEMENTS, {"q": "kembar", "scope": "dalam-negeri"})) == []
    health = ids(client.get(AGREEMENTS, {"q": "warga", "sector": indexed["health_sector"].pk}))
    assert set(health) == {indexed["clinic"].pk, indexed["twin"].pk}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [("newest", NEWEST), ("title", BY_TITLE), ("ending", ENDING)],
)
def test_q_orders_as_sort_says(client, indexed, sort, expected):
    assert ids(client.get(AGREEMENTS, {"q": "warga", "sort": sort})) == [indexed[name].pk for name in expected]


def test_q_orders_by_relevance_by_default(client, indexed):
    relevance = ids(client.get(AGREEMENTS, {"q": "air bersih"}))
    assert relevance == [indexed["water"].pk]
    assert set(ids(client.get(AGREEMENTS, {"q": "warga"}))) == {indexed[n].pk for n in ("water", "clinic", "twin")}


def test_q_pages_with_the_engine_and_counts_every_hit(client, indexed):
    first = client.get(AGREEMENTS, {"q": "warga", "sort": "newest", "page_size": 2})
    assert first.json()["count"] == 3 and ids(first) == [indexed["clinic"].pk, indexed["twin"].pk]
    assert ids(client.get(first.json()["next"])) == [indexed["water"].pk]
    by_title = client.get(AGREEMENTS, {"q": "warga", "sort": "title", "page_size": 2, "page": 2})
    assert by_title.json()["count"] == 3 and ids(by_title) == [indexed["water"].pk]


def test_q_with_modified_since_keeps_only_the_changed_hits(client, indexed):
    with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
        clinic = Agreement.objects.get(pk=indexed["clinic"].pk)
        clinic.subject = "Layanan kesehatan"
        clinic.save()
    response = client.get(AGREEMENTS, {"q": "warga", "modified_since": "2026-03-04"})
    assert ids(response) == [indexed["clinic"].pk] and response.json()["count"] == 1


def test_q_made_of_control_characters_or_symbols_is_harmless(client, indexed):
    assert client.get(AGREEMENTS, {"q": "air\x00bersih"}).status_code == 200
    assert client.get(AGREEMENTS, {"q": "\x00"}).status_code == 200
    assert client.get(AGREEMENTS, {"q": "' OR 1=1 --"}).status_code == 200
    too_long = client.get(AGREEMENTS, {"q": "a" * 501})
    assert too_long.status_code == 400 and error_code(too_long) == "invalid_parameter"


def test_sort_by_relevance_needs_q(client, register):
    response = client.get(AGREEMENTS, {"sort": "relevance"})
    assert response.status_code == 400 and "q" in response.json()["error"]["message"]


def test_search_results_end_where_the_engines_window_ends(client, indexed):
    response = client.get(AGREEMENTS, {"q": "air", "page": 101, "page_size": 100})
    assert response.status_code == 400 and error_code(response) == "search_window_exceeded"


def test_when_the_engine_is_down_q_is_a_503_with_retry_after_and_browsing_still_works(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get(AGREEMENTS, {"q": "air"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert error_code(response) == "search_unavailable"
    assert client.get(AGREEMENTS).status_code == 200


def test_a_query_the_engine_cannot_run_is_a_400_with_its_message(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", RefusingEngine)
    response = client.get(AGREEMENTS, {"q": "air"})
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "invalid_query",
        "message": "Kueri ini tidak dapat dijalankan.",
        "details": [],
    }


# -- one agreement --------------------------------------------------------------------------------


def test_the_detail_holds_the_public_page_in_full(client, register):
    water = register["water"]
    response = client.get(f"{AGREEMENTS}/{water.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["scope"] == "Pemasangan pipa dan sambungan rumah."
    assert body["subject"] == "Jaringan air bersih" and body["aims"] == "Air bersih untuk warga."
    assert body["level"] == {"code": "local", "label": "Lokal"}
    assert body["signed_at"] == "Balai Kota Malang"
    assert body["term_years"] == 5.0
    assert body["summary"] == "Ringkasan untuk warga." and body["published_at"]
    assert body["parties"] == [
        {
            "role": {"code": "1", "label": "Pihak Kesatu"},
            "is_region": True,
            "name": "Pemerintah Kota Malang",
            "number": "180/12/35.73.112/2023",
            "signatory_name": "Wali Kota Malang",
            "signatory_position": "Wali Kota",
            "partner": None,
            "agency": None,
        },
        {
            "role": {"code": "2", "label": "Pihak Kedua"},
            "is_region": False,
            "name": "PT Tirta Nusantara",
            "number": "PKS/TIRTA/2023/01",
            "signatory_name": "Direktur Utama",
            "signatory_position": "Direktur",
            "partner": body["partners"][0],
            "agency": None,
        },
    ]
    assert body["ocds_record_url"] == f"http://testserver/api/v1/ocds/records/{water.pk}"
    assert body["monev_url"] == f"http://testserver/api/v1/agreements/{water.pk}/monev"
    assert response["Last-Modified"] == "Mon, 02 Mar 2026 03:00:00 GMT"


def test_the_detail_lists_public_documents_only_and_counts_the_withheld_ones(client, register):
    water, signed = register["water"], register["signed"]
    body = client.get(f"{AGREEMENTS}/{water.pk}").json()
    assert body["documents"] == [
        {
            "id": signed.pk,
            "agreement_id": water.pk,
            "title": "Naskah Kesepakatan Air Bersih",
            "category": {"code": "naskah-ditandatangani", "name": "Naskah ditandatangani", "name_en": ""},
            "language": {"code": "id", "label": "Bahasa Indonesia"},
            "version": 1,
            "page_count": 2,
            "format": "pdf",
            "media_type": "application/pdf",
            "url": f"http://testserver/katalog/naskah/{water.pk}/dokumen/{signed.pk}/",
            "download_url": f"http://testserver{signed.url}",
            "text_url": f"http://testserver/api/v1/documents/{signed.pk}/text",
            "api_url": f"http://testserver/api/v1/documents/{signed.pk}",
            "modified_at": body["documents"][0]["modified_at"],
        }
    ]
    assert body["restricted_document_count"] == 1


def test_the_detail_links_only_the_public_agreements_of_its_chain(client, register):
    water_links = client.get(f"{AGREEMENTS}/{register['water'].pk}").json()["related"]
    assert [(link["id"], link["relation"]) for link in water_links] == [(register["clinic"].pk, "Naskah turunan")]
    clinic_links = client.get(f"{AGREEMENTS}/{register['clinic'].pk}").json()["related"]
    assert [(link["id"], link["relation"]) for link in clinic_links] == [(register["water"].pk, "Naskah induk")]
    assert clinic_links[0]["api_url"] == f"http://testserver/api/v1/agreements/{register['water'].pk}"


def test_the_detail_carries_the_verified_monev_summary(client, register):
    monev = client.get(f"{AGREEMENTS}/{register['clinic'].pk}").json()["monev"]
    assert len(monev) == 1
    assert monev[0]["benefits"] == "Kunjungan balita naik dua kali lipat."
    assert monev[0]["realisation_percent"] == 87.5 and monev[0]["budget_percent"] == 75.0


@pytest.mark.parametrize("name", ["hidden", "draft", "unsigned"])
def test_an_agreement_that_is_not_public_is_a_json_404(client, register, name):
    response = client.get(f"{AGREEMENTS}/{register[name].pk}")
    assert response.status_code == 404
    assert error_code(response) == "not_found"
    assert SECRETS[f"{name}_title"] not in response.text


def test_an_agreement_that_does_not_exist_is_a_404(client, register):
    assert client.get(f"{AGREEMENTS}/987654").status_code == 404


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "99999999999", "1.5", "%00"])
def test_a_malformed_agreement_id_is_a_400(client, register, raw):
    response = client.get(f"{AGREEMENTS}/{raw}")
    assert response.status_code == 400
    assert error_code(response) == "invalid_parameter"


def test_the_detail_accepts_no_parameters(client, register):
    response = client.get(f"{AGREEMENTS}/{register['water'].pk}", {"expand": "all"})
    assert response.status_code == 400 and error_code(response) == "unknown_parameter"


# -- queries ------------------------------------------------------------------------------------------


def _more_agreements(size: int, *, batch: str) -> None:
    """`size` more public agreements, each with its own partners, sectors and implementing agency."""
    agency = AgencyFactory(code=f"BIG{batch}", name=f"Dinas Besar {batch}")
    partners = [PartnerFactory(name=f"Mitra {batch}{n}") for n in range(3)]
    sectors = [SectorFactory(code=f"S{batch}{n}", name=f"Urusan {batch}{n}") for n in range(3)]
    existing = Agreement.objects.count()
    bulk_publish(
        [
            Agreement(
                title=f"Naskah {existing + n}",
                document_type=Agreement.objects.first().document_type,
                kind=Agreement.objects.first().kind,
                initiating_agency=agency,
                status=AgreementStatus.IN_FORCE,
                signed_on=datetime.date(2025, 1, 1),
            )
            for n in range(size)
        ],
        partners=partners,
        sectors=sectors,
        implementing_agency=agency,
    )


def test_the_number_of_queries_does_not_grow_with_the_page(client, register):
    def queries(params: dict) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(AGREEMENTS, params).status_code == 200
        return len(captured)

    params = {"page_size": 100}
    Agreement.objects.filter(pk=register["twin"].pk).delete()
    client.get(AGREEMENTS, params)  # warm the caches of the site and locale, filled once per process
    few = queries(params)  # 2 public agreements
    _more_agreements(10, batch="A")
    many = queries(params)  # 12
    assert many == few <= 10
    assert len(ids(client.get(AGREEMENTS, params))) == 12


# -- what must never leak -------------------------------------------------------------------------


def test_no_answer_ever_carries_contact_data_nips_internal_notes_or_withheld_content(client, indexed):
    water, clinic, signed = indexed["water"], indexed["clinic"], indexed["signed"]
    paths = [
        "agreements?page_size=100",
        "agreements?q=air",
        "agreements?q=rahasia",
        "agreements?q=oksigenator",
        f"agreements/{water.pk}",
        f"agreements/{clinic.pk}",
        f"agreements/{clinic.pk}/monev",
        f"agreements/{indexed['hidden'].pk}",
        "documents?page_size=100",
        f"documents/{signed.pk}",
        f"documents/{signed.pk}/text",
        f"documents/{indexed['annex'].pk}",
        f"documents/{indexed['annex'].pk}/text",
        "monev",
        "partners",
        f"partners/{indexed['tirta'].pk}",
        f"partners/{indexed['hidden_partner'].pk}",
        "agencies",
        "sectors",
        "kinds",
        "document-types",
    ]
    for path in paths:
        text = client.get(f"{API}/{path}").content.decode()
        for name, secret in SECRETS.items():
            assert secret not in text, f"{name} leaked in /{path}"
        assert "signatory_nip" not in text and "internal_notes" not in text and "contact" not in text
