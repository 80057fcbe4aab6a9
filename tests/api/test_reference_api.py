"""Partners, agencies, sectors, kinds and document types: the names and ids behind the agreement filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import AgencyFactory, PartnerFactory, published_agreement
from .helpers import API, SECRETS, error_code, ids

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


# -- partners ---------------------------------------------------------------------------------------


def test_partners_are_listed_once_party_to_a_public_agreement_by_name(client, register):
    response = client.get(f"{API}/partners")
    assert ids(response) == [register["sister"].pk, register["tirta"].pk, register["university"].pk]
    assert register["hidden_partner"].pk not in ids(response)


def test_a_partner_carries_its_public_fields_and_never_its_contacts_or_address(client, register):
    tirta = register["tirta"]
    response = client.get(f"{API}/partners/{tirta.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "id": tirta.pk,
        "name": "PT Tirta Nusantara",
        "name_en": "",
        "category": {"code": "swasta", "label": "Badan Usaha Swasta"},
        "country": "Indonesia",
        "province": "Jawa Timur",
        "regency_city": "Kota Malang",
        "website": "https://tirta.example.com",
        "agreement_count": 1,
        "url": f"http://testserver/katalog/mitra/{tirta.pk}/",
        "api_url": f"http://testserver/api/v1/partners/{tirta.pk}",
    }
    for secret in ("partner_address", "partner_contact", "partner_email", "partner_phone"):
        assert SECRETS[secret] not in response.text
        assert SECRETS[secret] not in client.get(f"{API}/partners").text


def test_a_partner_counts_only_its_public_agreements(client, register):
    published_agreement(title="Kerja sama kedua", partners=[register["university"]])
    published_agreement(title="Belum ditandatangani", partners=[register["university"]], status="deliberation")
    body = client.get(f"{API}/partners/{register['university'].pk}").json()
    assert body["agreement_count"] == 2


def test_partners_filter_by_category_and_refuse_an_unknown_one(client, register):
    assert ids(client.get(f"{API}/partners", {"category": "pemda_ln"})) == [register["sister"].pk]
    both = client.get(f"{API}/partners", {"category": ["pemda_ln", "pt"]})
    assert ids(both) == [register["sister"].pk, register["university"].pk]
    response = client.get(f"{API}/partners", {"category": "alien"})
    assert response.status_code == 400 and error_code(response) == "invalid_parameter"


def test_a_partner_only_of_unpublished_agreements_is_a_404(client, register):
    response = client.get(f"{API}/partners/{register['hidden_partner'].pk}")
    assert response.status_code == 404 and error_code(response) == "not_found"
    assert client.get(f"{API}/partners/{PartnerFactory(name='Tanpa naskah').pk}").status_code == 404


# -- agencies ---------------------------------------------------------------------------------------


def test_agencies_with_a_public_agreement_are_listed_with_their_counts(client, register):
    body = client.get(f"{API}/agencies").json()
    rows = {row["code"]: row for row in body["results"]}
    assert list(rows) == ["DINKES", "KOMINFO", "PUPR"]  # by name; SATPOL has only an unpublished one
    assert (rows["DINKES"]["agreement_count"], rows["DINKES"]["initiated_count"]) == (2, 1)
    assert rows["DINKES"]["implemented_count"] == 2
    assert (rows["PUPR"]["agreement_count"], rows["PUPR"]["initiated_count"], rows["PUPR"]["implemented_count"]) == (
        1,
        1,
        1,
    )
    assert rows["KOMINFO"]["url"] == f"http://testserver/katalog/opd/{register['info'].pk}/"


def test_an_agency_without_a_public_agreement_is_a_404(client, register):
    lonely = AgencyFactory(code="LONELY", name="Dinas Sepi")
    assert client.get(f"{API}/agencies/{lonely.pk}").status_code == 404
    detail = client.get(f"{API}/agencies/{register['health'].pk}")
    assert detail.status_code == 200 and detail.json()["short_name"] == "Dinkes"


# -- sectors, kinds, document types -----------------------------------------------------------------


def test_sectors_kinds_and_document_types_list_every_row_with_public_counts(client, register):
    sectors = {row["code"]: row["agreement_count"] for row in client.get(f"{API}/sectors").json()["results"]}
    assert sectors == {"DIK": 1, "KES": 2, "PU": 1}
    kinds = {row["code"]: row for row in client.get(f"{API}/kinds").json()["results"]}
    assert {code: row["agreement_count"] for code, row in kinds.items()} == {"KL": 0, "KSDPK": 2, "KSDPL": 1}
    assert kinds["KSDPL"]["is_foreign"] is True
    types = {row["code"]: row for row in client.get(f"{API}/document-types").json()["results"]}
    assert {code: row["agreement_count"] for code, row in types.items()} == {"KSB": 2, "PKS": 1}
    assert types["PKS"]["role"] == {"code": "implementing", "label": "Naskah pelaksanaan (perjanjian)"}


def test_the_ids_of_the_reference_lists_are_what_the_agreement_filters_take(client, register):
    kind = next(row for row in client.get(f"{API}/kinds").json()["results"] if row["code"] == "KSDPL")
    assert ids(client.get(f"{API}/agreements", {"kind": kind["id"]})) == [register["twin"].pk]


@pytest.mark.parametrize("path", ["partners", "agencies", "sectors", "kinds", "document-types"])
def test_reference_lists_page_and_refuse_unknown_parameters(client, register, path):
    first = client.get(f"{API}/{path}", {"page_size": 1})
    assert first.status_code == 200 and len(first.json()["results"]) == 1
    assert first.json()["next"] and 'rel="next"' in first["Link"]
    assert first["Last-Modified"] and first["Cache-Control"] == "public, max-age=300"
    assert client.get(f"{API}/{path}", {"modified_since": "2026-01-01"}).status_code == 400
    assert client.get(f"{API}/{path}", {"page_size": 1000}).status_code == 400


@pytest.mark.parametrize("path", ["partners", "agencies"])
@pytest.mark.parametrize("raw", ["abc", "0", "99999999999"])
def test_a_malformed_partner_or_agency_id_is_a_400(client, register, path, raw):
    response = client.get(f"{API}/{path}/{raw}")
    assert response.status_code == 400 and error_code(response) == "invalid_parameter"


@pytest.mark.parametrize("path", ["partners", "agencies", "sectors"])
def test_reference_lists_cost_the_same_queries_for_more_rows(client, register, path):
    client.get(f"{API}/{path}")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{API}/{path}").status_code == 200
        return len(captured)

    before = queries()
    for n in range(5):
        agency = AgencyFactory(code=f"X{n}", name=f"Dinas Tambahan {n}")
        published_agreement(title=f"Tambahan {n}", initiating_agency=agency, partners=[PartnerFactory(name=f"M{n}")])
    assert queries() == before
