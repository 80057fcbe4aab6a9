"""The public catalogue list: facets with counts, keyword search, sorting, pagination, two languages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    PartnerCategory,
)

from ..factories import (
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    PublicationFactory,
    SectorFactory,
    bulk_publish,
    framework_type,
    implementing_type,
    index_for_search,
    published_agreement,
)

pytestmark = pytest.mark.django_db

CATALOGUE = "/katalog/"


def with_sectors(agreement: Agreement, *sectors) -> Agreement:
    agreement.sectors.set(sectors)
    agreement.save()
    return agreement


@pytest.fixture
def register(site_pages, health_agency, info_agency):
    """Four public agreements of different kinds, and three that must never show."""
    today = timezone.localdate()
    domestic = CooperationKindFactory(
        code="KSDPK", name="Kerja Sama Daerah dengan Pihak Ketiga", name_en="Cooperation with third parties"
    )
    foreign = CooperationKindFactory(
        code="KSDPL",
        name="Kerja Sama Daerah dengan Pemerintah Daerah Luar Negeri",
        name_en="Cooperation with foreign regional governments",
        is_foreign=True,
        max_term_years=None,
    )
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    education = SectorFactory(code="PEND", name="Pendidikan", name_en="Education")
    university = PartnerFactory(name="Universitas Brawijaya", category=PartnerCategory.UNIVERSITY)
    company = PartnerFactory(name="PT Air Bersih Nusantara", category=PartnerCategory.COMPANY)
    sister_city = PartnerFactory(
        name="Kota Kembar Contoh",
        name_en="Example Sister City",
        category=PartnerCategory.FOREIGN_GOVERNMENT,
        country="Jepang",
    )
    agreements = {
        "puskesmas": with_sectors(
            published_agreement(
                title="Layanan Puskesmas Keliling",
                region_number="180/11/35.73.112/2024",
                kind=domestic,
                initiating_agency=health_agency,
                partners=[university],
                signed_on=datetime.date(2024, 3, 1),
                starts_on=datetime.date(2024, 3, 1),
                ends_on=today + datetime.timedelta(days=700),
                scope="Pelayanan kesehatan ibu dan anak di kelurahan",
            ),
            health,
        ),
        "beasiswa": with_sectors(
            published_agreement(
                title="Beasiswa Mahasiswa Berprestasi",
                document_type=implementing_type(),
                kind=domestic,
                initiating_agency=info_agency,
                partners=[university],
                signed_on=datetime.date(2025, 6, 1),
                starts_on=datetime.date(2025, 6, 1),
                ends_on=today + datetime.timedelta(days=400),
            ),
            education,
        ),
        "air": with_sectors(
            published_agreement(
                title="Penyediaan Air Bersih",
                kind=domestic,
                status=AgreementStatus.EXPIRED,
                initiating_agency=info_agency,
                partners=[company],
                signed_on=datetime.date(2023, 1, 10),
                starts_on=datetime.date(2023, 1, 10),
                ends_on=datetime.date(2024, 12, 31),
            ),
            health,
            education,
        ),
        "kota_kembar": with_sectors(
            published_agreement(
                title="Kota Kembar Bidang Pendidikan",
                title_en="Sister City Partnership in Education",
                document_type=framework_type(),
                kind=foreign,
                initiating_agency=info_agency,
                partners=[sister_city],
                signed_on=datetime.date(2025, 2, 1),
                starts_on=datetime.date(2025, 2, 1),
                ends_on=today + datetime.timedelta(days=60),
            ),
            education,
        ),
    }
    hidden = [
        AgreementFactory(title="Naskah Draf Rahasia", kind=domestic, initiating_agency=health_agency),
        AgreementFactory(
            title="Naskah Belum Dipublikasikan",
            kind=domestic,
            status=AgreementStatus.IN_FORCE,
            signed_on=datetime.date(2024, 5, 5),
            initiating_agency=health_agency,
        ),
        PublicationFactory(
            live=False,
            agreement=AgreementFactory(
                title="Publikasi Ditarik",
                kind=domestic,
                status=AgreementStatus.IN_FORCE,
                signed_on=datetime.date(2024, 5, 5),
                initiating_agency=health_agency,
            ),
        ).agreement,
    ]
    for agreement in hidden:
        with_sectors(agreement, health)
    index_for_search()
    return {
        **agreements,
        "hidden": hidden,
        "kinds": {"domestic": domestic, "foreign": foreign},
        "sectors": {"health": health, "education": education},
    }


def titles(response) -> list[str]:
    return [agreement.title for agreement in response.context["agreements"]]


def facet(response, param: str) -> dict[str, tuple[int, bool]]:
    """A facet's options as {value: (count, selected)}."""
    for entry in response.context["facets"]:
        if entry["param"] == param:
            return {option.value: (option.count, option.selected) for option in entry["options"]}
    return {}


def counts(response, param: str) -> dict[str, int]:
    return {value: count for value, (count, _selected) in facet(response, param).items()}


# -- what is listed ---------------------------------------------------------------------------------


def test_the_catalogue_lists_published_signed_agreements_newest_first(client, register):
    response = client.get(CATALOGUE)
    assert response.status_code == 200
    assert titles(response) == [
        "Beasiswa Mahasiswa Berprestasi",
        "Kota Kembar Bidang Pendidikan",
        "Layanan Puskesmas Keliling",
        "Penyediaan Air Bersih",
    ]
    assert "4 naskah" in response.text
    assert response.text.count("<h1>") == 1


def test_drafts_and_unpublished_agreements_appear_neither_in_the_list_nor_in_any_count(client, register):
    response = client.get(CATALOGUE)
    for agreement in register["hidden"]:
        assert agreement.title not in response.text
    assert response.context["result_count"] == 4
    assert counts(response, "opd") == {
        str(register["puskesmas"].initiating_agency_id): 1,
        str(register["beasiswa"].initiating_agency_id): 3,
    }
    assert counts(response, "urusan")[str(register["sectors"]["health"].pk)] == 2
    assert sum(counts(response, "status").values()) == 4 + 1  # "Akan Berakhir" also counts as "Berlaku"
    searched = client.get(CATALOGUE, {"q": "Naskah"})
    assert searched.context["result_count"] == 0


def test_each_item_shows_its_type_partners_agency_status_and_dates(client, register):
    response = client.get(CATALOGUE)
    page = response.context["page"]
    item = register["kota_kembar"]
    assert f'href="{page.agreement_url(item)}"' in response.text
    assert "Kota Kembar Contoh" in response.text
    assert ">KSB</abbr>" in response.text
    assert "Dinas Kesehatan" in response.text
    assert "Akan Berakhir" in response.text
    assert "1 Februari 2025" in response.text
    assert "31 Desember 2024" in response.text


# -- facets ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda r: {"jenis": r["kinds"]["foreign"].pk}, {"kota_kembar"}),
        (lambda r: {"naskah": r["beasiswa"].document_type_id}, {"beasiswa"}),
        (lambda r: {"mitra": PartnerCategory.COMPANY}, {"air"}),
        (lambda r: {"urusan": r["sectors"]["health"].pk}, {"puskesmas", "air"}),
        (lambda r: {"opd": r["puskesmas"].initiating_agency_id}, {"puskesmas"}),
        (lambda r: {"status": AgreementStatus.EXPIRED}, {"air"}),
        (lambda r: {"status": "expiring"}, {"kota_kembar"}),
        (lambda r: {"tahun": 2025}, {"beasiswa", "kota_kembar"}),
        (lambda r: {"lingkup": "luar-negeri"}, {"kota_kembar"}),
        (lambda r: {"lingkup": "dalam-negeri"}, {"puskesmas", "beasiswa", "air"}),
        (lambda r: {"tahun": [2024, 2023]}, {"puskesmas", "air"}),
        (
            lambda r: {"tahun": 2025, "urusan": r["sectors"]["education"].pk, "jenis": r["kinds"]["domestic"].pk},
            {"beasiswa"},
        ),
    ],
)
def test_facets_narrow_the_list(client, register, params, expected):
    response = client.get(CATALOGUE, params(register))
    assert set(titles(response)) == {register[key].title for key in expected}
    assert response.context["result_count"] == len(expected)


def test_every_facet_count_is_the_number_of_agreements_that_ticking_it_lists(client, register):
    response = client.get(CATALOGUE)
    checked = 0
    for entry in response.context["facets"]:
        for option in entry["options"]:
            narrowed = client.get(CATALOGUE, {entry["param"]: option.value})
            assert narrowed.context["result_count"] == option.count, (entry["param"], option.label)
            checked += 1
    assert checked >= 15


def test_a_facet_keeps_counting_its_other_values_so_a_second_one_can_be_ticked(client, register):
    foreign = str(register["kinds"]["foreign"].pk)
    domestic = str(register["kinds"]["domestic"].pk)
    response = client.get(CATALOGUE, {"jenis": foreign})
    assert response.context["result_count"] == 1
    assert facet(response, "jenis") == {domestic: (3, False), foreign: (1, True)}
    # The other facets count within the foreign kind only.
    assert counts(response, "tahun") == {"2025": 1}
    assert counts(response, "mitra") == {PartnerCategory.FOREIGN_GOVERNMENT: 1}
    both = client.get(CATALOGUE, {"jenis": [foreign, domestic]})
    assert both.context["result_count"] == 4


def test_options_without_agreements_are_hidden_unless_ticked(client, register):
    response = client.get(CATALOGUE, {"lingkup": "luar-negeri"})
    assert counts(response, "mitra") == {PartnerCategory.FOREIGN_GOVERNMENT: 1}
    assert str(PartnerCategory.COMPANY.label) not in response.text
    ticked = client.get(CATALOGUE, {"lingkup": "luar-negeri", "mitra": PartnerCategory.COMPANY})
    assert ticked.context["result_count"] == 0
    assert facet(ticked, "mitra")[PartnerCategory.COMPANY] == (0, True)
    assert "Tidak ada naskah kerja sama yang cocok" in ticked.text


def test_the_facets_are_checkboxes_in_labelled_fieldsets_with_counts(client, register):
    response = client.get(CATALOGUE, {"tahun": 2025})
    html = response.text
    assert "<legend>Tahun penandatanganan</legend>" in html
    assert 'name="tahun" value="2025" checked' in html
    assert 'name="tahun" value="2024">' in html
    assert "Pendidikan <span" in html
    assert "Kesehatan <span" not in html  # no agreement of 2025 in this sector
    assert '<label for="catalogue-q">Kata kunci</label>' in html
    assert "Terapkan</button>" in html
    assert "<details" in html


def test_active_filters_are_links_that_remove_just_that_filter(client, register):
    health = register["sectors"]["health"].pk
    response = client.get(CATALOGUE, {"urusan": health, "tahun": [2023, 2024], "halaman": 1})
    active = {(str(item["legend"]), item["label"]): item["url"] for item in response.context["active_filters"]}
    assert active[("Tahun penandatanganan", "2023")] == f"{CATALOGUE}?urusan={health}&tahun=2024"
    assert active[("Urusan", "Kesehatan")] == f"{CATALOGUE}?tahun=2023&tahun=2024"
    assert f'href="{CATALOGUE}">Hapus semua filter</a>' in response.text
    assert set(titles(client.get(active[("Tahun penandatanganan", "2023")]))) == {"Layanan Puskesmas Keliling"}


# -- keyword search -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keyword", "expected"),
    [
        ("puskesmas", {"puskesmas"}),
        ("35.73.112", {"puskesmas"}),
        ("brawijaya", {"puskesmas", "beasiswa"}),
        ("ibu dan anak", {"puskesmas"}),
        ("Sister City", {"kota_kembar"}),
        ("Example Sister", {"kota_kembar"}),
        ("brawijaya beasiswa", {"beasiswa"}),
        ("tidak-ada-yang-cocok", set()),
    ],
)
def test_the_keyword_searches_titles_numbers_partners_and_scope(client, register, keyword, expected):
    response = client.get(CATALOGUE, {"q": keyword})
    assert set(titles(response)) == {register[key].title for key in expected}


def test_an_agreement_with_several_matching_partners_is_listed_once(client, register):
    agreement = register["puskesmas"]
    AgreementParty.objects.create(agreement=agreement, partner=PartnerFactory(name="Universitas Negeri Malang"))
    AgreementParty.objects.create(agreement=agreement, partner=PartnerFactory(name="Universitas Islam Malang"))
    response = client.get(CATALOGUE, {"q": "Universitas"})
    assert titles(response).count(agreement.title) == 1
    assert response.context["result_count"] == 2


# -- sorting and pagination ---------------------------------------------------------------------------


def test_the_list_can_be_sorted_by_end_date_or_by_title_whatever_the_case(client, register):
    ending = client.get(CATALOGUE, {"urutan": "berakhir"})
    # Still running, soonest end first; the one that already ended comes after them.
    assert titles(ending) == [
        "Kota Kembar Bidang Pendidikan",
        "Beasiswa Mahasiswa Berprestasi",
        "Layanan Puskesmas Keliling",
        "Penyediaan Air Bersih",
    ]
    published_agreement(title="akses internet kelurahan", signed_on=datetime.date(2020, 1, 1))
    by_title = client.get(CATALOGUE, {"urutan": "judul"})
    assert titles(by_title) == [
        "akses internet kelurahan",
        "Beasiswa Mahasiswa Berprestasi",
        "Kota Kembar Bidang Pendidikan",
        "Layanan Puskesmas Keliling",
        "Penyediaan Air Bersih",
    ]
    assert 'value="judul" selected' in by_title.text
    # In English the list sorts by the title it shows.
    english = client.get("/en/katalog/", {"urutan": "judul"})
    assert titles(english)[-1] == "Kota Kembar Bidang Pendidikan"  # shown as "Sister City Partnership ..."


def test_pages_of_twenty_keep_the_filters_in_every_link(client, register, info_agency):
    kind = register["kinds"]["domestic"]
    for number in range(23):
        published_agreement(title=f"Naskah Tambahan {number:02d}", kind=kind, initiating_agency=info_agency)
    params = {"jenis": kind.pk, "urutan": "judul"}
    first = client.get(CATALOGUE, params)
    assert first.context["result_count"] == 26
    assert len(titles(first)) == 20
    next_url = first.context["next_url"]
    assert next_url == f"{CATALOGUE}?jenis={kind.pk}&urutan=judul&halaman=2"
    assert f'href="{next_url}" rel="next"' in first.text.replace("&amp;", "&")
    second = client.get(next_url)
    assert len(titles(second)) == 6
    assert set(titles(first)).isdisjoint(titles(second))
    html = second.text.replace("&amp;", "&")
    assert f'href="{CATALOGUE}?jenis={kind.pk}&urutan=judul" rel="prev"' in html
    assert 'aria-current="page"><span class="visually-hidden">Halaman </span>2</a>' in html
    downloads = {item["format"]: item["url"] for item in second.context["downloads"]}
    assert downloads["csv"] == f"{CATALOGUE}unduh/csv/?jenis={kind.pk}&urutan=judul"


# -- bad input -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "jenis=abc",
        "jenis=999999",
        "jenis=99999999999999999999999",
        "jenis=%C2%B2",
        "naskah=-1",
        "opd=1.5",
        "urusan=",
        "tahun=20x5",
        "tahun=%C2%B2%C2%B2",
        "tahun=99999",
        "status=draft",
        "mitra=alien",
        "lingkup=mars",
        "urutan=DROP%20TABLE",
        "halaman=abc",
        "halaman=0",
        "halaman=-3",
        "halaman=99999",
        "halaman=99999999999999999999999999",
        "q=" + "x" * 5000,
        "q=%00",
        "jenis=1&jenis=1&jenis=",
    ],
)
def test_malformed_parameters_never_break_the_page(client, register, query):
    response = client.get(f"{CATALOGUE}?{query}")
    assert response.status_code == 200


def test_unknown_filter_values_are_ignored_with_a_message_and_the_known_ones_kept(client, register):
    foreign = register["kinds"]["foreign"].pk
    response = client.get(f"{CATALOGUE}?jenis={foreign}&jenis=abc&jenis=999999&tahun=20x5")
    assert titles(response) == ["Kota Kembar Bidang Pendidikan"]
    assert "Sebagian nilai filter tidak dikenali dan diabaikan: Jenis kerja sama, Tahun penandatanganan." in (
        response.text
    )


def test_a_page_number_past_the_end_shows_the_last_page_and_says_so(client, register):
    response = client.get(CATALOGUE, {"halaman": 99999})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert "Halaman 99999 tidak ada" in response.text
    letters = client.get(CATALOGUE, {"halaman": "abc"})
    assert "tidak dikenali" in letters.text
    assert len(titles(letters)) == 4


# -- two languages ----------------------------------------------------------------------------------------


def test_the_english_catalogue_shows_english_titles_and_names_when_filled_in(client, register):
    response = client.get("/en/katalog/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Sister City Partnership in Education" in response.text
    assert "Kota Kembar Bidang Pendidikan" not in response.text
    assert "Layanan Puskesmas Keliling" in response.text  # no English title: the Indonesian one
    assert "Example Sister City" in response.text
    labels = {option.label for entry in response.context["facets"] for option in entry["options"]}
    assert "Health" in labels
    assert "Cooperation with third parties (KSDPK)" in labels
    assert response.context["downloads"][0]["url"].startswith("/en/katalog/unduh/csv/")
    assert response.context["page"].agreement_url(register["puskesmas"]).startswith("/en/katalog/naskah/")


# -- query counts --------------------------------------------------------------------------------------------


def bulk_public_agreements(count: int, *, like: Agreement) -> None:
    """`count` more public agreements like `like`, inserted in a handful of queries."""
    bulk_publish(
        [
            Agreement(
                document_type_id=like.document_type_id,
                kind_id=like.kind_id,
                title=f"Naskah Massal {number:05d}",
                region_number=f"M/{number}",
                initiating_agency_id=like.initiating_agency_id,
                status=AgreementStatus.IN_FORCE,
                signed_on=datetime.date(2019 + number % 7, 1 + number % 12, 1 + number % 28),
                starts_on=datetime.date(2019 + number % 7, 1 + number % 12, 1 + number % 28),
                ends_on=datetime.date(2030, 1, 1) + datetime.timedelta(days=number),
                contact_email="narahubung.rahasia@example.org",
                internal_notes="CATATAN-INTERNAL-MASSAL",
                signatory_nip="197001011990031001",
            )
            for number in range(count)
        ],
        partners=[like.parties.first().partner],
        sectors=list(like.sectors.all()),
    )


def query_count(client, url: str) -> int:
    client.get(url)  # warm the caches (site root paths, content types) once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?tahun=2020&tahun=2021&urusan={sector}&opd={agency}&urutan=judul",
        "?q=Massal&status=in_force&status=expiring&mitra=pt&lingkup=dalam-negeri&jenis={kind}&halaman=2",
    ],
)
def test_the_catalogue_needs_as_many_queries_for_2000_agreements_as_for_100(client, site_pages, health_agency, query):
    sector = SectorFactory(code="KES", name="Kesehatan")
    like = with_sectors(published_agreement(initiating_agency=health_agency), sector)
    url = CATALOGUE + query.format(sector=sector.pk, agency=health_agency.pk, kind=like.kind_id)
    bulk_public_agreements(99, like=like)
    assert Agreement.objects.filter(publication__live=True).count() == 100
    index_for_search()
    at_100 = query_count(client, url)
    bulk_public_agreements(1900, like=like)
    index_for_search()
    response = client.get(url)
    assert response.context["result_count"] > 20
    at_2000 = query_count(client, url)
    assert at_100 == at_2000
    # A page of 20 rows, eight facets and the page tree; an N+1 would add 20. A keyword also asks the
    # engine (the database engine's match, its eight facet counts and the pages for the snippets).
    assert at_2000 <= (36 if "q=" in query else 30)
