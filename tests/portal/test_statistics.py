"""The public statistics page: published agreements only, charts a screen reader can use, a table beside each."""

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementStatus,
    CooperationKind,
    Partner,
    PartnerCategory,
)

from ..factories import (
    AgencyFactory,
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    PublicationFactory,
    SectorFactory,
    bulk_publish,
    framework_type,
    published_agreement,
)

pytestmark = pytest.mark.django_db


def in_sectors(agreement: Agreement, sectors: list) -> Agreement:
    """Sectors are a ParentalManyToManyField: they reach the database when the agreement is saved."""
    agreement.sectors.set(sectors)
    agreement.save()
    return agreement


def statistics_page(client, path: str = "/statistik/") -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table_of(soup: BeautifulSoup, chart_id: str) -> dict[str, tuple[str, str]]:
    """The data table of one chart as {row label: (count, percentage)}, total row included."""
    table = soup.select_one(f"#{chart_id} table")
    assert table is not None, f"chart {chart_id} has no data table"
    rows = {}
    for row in table.select("tbody tr, tfoot tr"):
        header = row.find("th")
        link = header.find("a")
        label = (link.contents[0] if link else header.get_text()).strip()
        count, percent = (cell.get_text(strip=True) for cell in row.find_all("td"))
        rows[label] = (count, percent)
    return rows


def row_link(soup: BeautifulSoup, chart_id: str, label: str) -> str:
    for link in soup.select(f"#{chart_id} table th a"):
        if link.contents[0].strip() == label:
            return link["href"]
    raise AssertionError(f"no link for {label!r} in {chart_id}")


def test_the_figures_count_only_published_agreements(client, site_pages, info_agency):
    published_agreement(initiating_agency=info_agency, signed_on=datetime.date(2024, 3, 1))
    published_agreement(
        initiating_agency=info_agency, signed_on=datetime.date(2024, 5, 1), status=AgreementStatus.EXPIRED
    )
    unpublished = AgreementFactory(
        initiating_agency=info_agency, status=AgreementStatus.IN_FORCE, signed_on=datetime.date(2024, 1, 1)
    )
    PublicationFactory(agreement=unpublished, live=False)
    AgreementFactory(
        initiating_agency=info_agency, status=AgreementStatus.IN_FORCE, signed_on=datetime.date(2024, 1, 1)
    )
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.DRAFT)

    soup = statistics_page(client)

    figures = soup.select_one(".stat-figures").get_text(" ", strip=True)
    assert "Naskah dipublikasikan 2" in figures
    assert "Sedang berlaku 1" in figures
    assert table_of(soup, "tahun") == {"2024": ("2", "100,0%"), "Jumlah": ("2", "100%")}
    assert table_of(soup, "opd")["Dinas Komunikasi dan Informatika"] == ("2", "100,0%")


def test_a_year_a_kind_and_a_sector_appear_with_their_counts_and_catalogue_links(client, site_pages):
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    education = SectorFactory(code="PDK", name="Pendidikan", name_en="Education")
    regions = CooperationKindFactory(code="KSDD", name="Kerja Sama Daerah dengan Daerah Lain")
    third_party = CooperationKindFactory(code="KSDPK", name="Kerja Sama Daerah dengan Pihak Ketiga")
    for signed_on, kind, sectors in [
        (datetime.date(2023, 2, 1), regions, [health]),
        (datetime.date(2023, 8, 1), third_party, [health, education]),
        (datetime.date(2024, 6, 1), third_party, [education]),
        (datetime.date(2024, 7, 1), third_party, []),
    ]:
        in_sectors(published_agreement(signed_on=signed_on, kind=kind), sectors)

    soup = statistics_page(client)

    assert table_of(soup, "tahun") == {"2023": ("2", "50,0%"), "2024": ("2", "50,0%"), "Jumlah": ("4", "100%")}
    kinds = table_of(soup, "jenis")
    assert kinds["Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)"] == ("3", "75,0%")
    assert kinds["Kerja Sama Daerah dengan Daerah Lain (KSDD)"] == ("1", "25,0%")
    sectors = table_of(soup, "urusan")
    assert sectors["Kesehatan"] == ("2", "50,0%")
    assert sectors["Pendidikan"] == ("2", "50,0%")
    assert sectors["Seluruh naskah yang dipublikasikan"] == ("4", "100%")
    assert row_link(soup, "urusan", "Kesehatan") == f"/katalog/?urusan={health.pk}"
    assert row_link(soup, "jenis", "Kerja Sama Daerah dengan Daerah Lain (KSDD)") == f"/katalog/?jenis={regions.pk}"
    assert row_link(soup, "tahun", "2024") == "/katalog/?tahun=2024"


def test_the_english_page_uses_english_sector_and_kind_names_when_filled(client, site_pages):
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    untranslated = SectorFactory(code="PRW", name="Pariwisata", name_en="")
    kind = CooperationKindFactory(code="KSDPL", name="Kerja Sama Daerah dengan Pemerintah Daerah Luar Negeri")
    CooperationKind.objects.filter(pk=kind.pk).update(name_en="Cooperation with a foreign regional government")
    in_sectors(published_agreement(kind=kind), [health, untranslated])

    english = statistics_page(client, "/en/statistik/")
    indonesian = statistics_page(client)

    assert set(table_of(english, "urusan")) >= {"Health", "Pariwisata"}
    assert "Cooperation with a foreign regional government (KSDPL)" in table_of(english, "jenis")
    assert row_link(english, "urusan", "Health") == f"/en/katalog/?urusan={health.pk}"
    assert "Kesehatan" in table_of(indonesian, "urusan")
    assert "Health" not in table_of(indonesian, "urusan")


def test_in_force_agreements_include_those_ending_soon_and_are_set_against_ended_ones(client, site_pages):
    today = timezone.localdate()
    published_agreement(status=AgreementStatus.IN_FORCE, ends_on=today + datetime.timedelta(days=400))
    published_agreement(status=AgreementStatus.IN_FORCE, ends_on=today + datetime.timedelta(days=30))
    published_agreement(status=AgreementStatus.EXPIRED, ends_on=today - datetime.timedelta(days=30))
    published_agreement(status=AgreementStatus.TERMINATED, ends_on=today + datetime.timedelta(days=30))

    soup = statistics_page(client)
    statuses = table_of(soup, "status")

    assert statuses["Masih berlaku"] == ("2", "50,0%")
    assert statuses["Berlaku"] == ("2", "50,0%")
    assert statuses["di antaranya Akan Berakhir"] == ("1", "25,0%")
    assert statuses["Sudah berakhir"] == ("2", "50,0%")
    assert statuses["Berakhir"] == ("1", "25,0%")
    assert statuses["Diakhiri"] == ("1", "25,0%")
    assert statuses["Jumlah"] == ("4", "100%")
    assert row_link(soup, "status", "di antaranya Akan Berakhir") == "/katalog/?status=expiring"


def test_partners_are_counted_by_province_at_home_and_by_country_abroad(client, site_pages):
    surabaya = PartnerFactory(name="Pemerintah Kota Surabaya", category=PartnerCategory.REGIONAL_GOVERNMENT)
    campus = PartnerFactory(name="Universitas Brawijaya", province="Jawa Timur")
    bandung = PartnerFactory(name="Pemerintah Kota Bandung", province="Jawa Barat")
    sister_city = PartnerFactory(
        name="Pemerintah Kota Sakai", category=PartnerCategory.FOREIGN_GOVERNMENT, country="Jepang", province=""
    )
    published_agreement(partners=[surabaya, campus])
    published_agreement(partners=[bandung])
    published_agreement(partners=[sister_city])

    soup = statistics_page(client)

    assert table_of(soup, "provinsi")["Jawa Timur"] == ("1", "33,3%")
    assert table_of(soup, "provinsi")["Jawa Barat"] == ("1", "33,3%")
    assert table_of(soup, "negara")["Jepang"] == ("1", "33,3%")
    assert "Jepang" not in table_of(soup, "provinsi")


def test_agencies_beyond_the_fifteen_busiest_are_folded_into_one_row(client, site_pages):
    for number in range(17):
        published_agreement(initiating_agency=AgencyFactory(name=f"Dinas Contoh {number:02d}"))

    agencies = table_of(statistics_page(client), "opd")

    assert len(agencies) == 15 + 1 + 1  # the fifteen, "Lainnya", the total
    assert agencies["Lainnya (2 OPD)"] == ("2", "11,8%")
    assert agencies["Jumlah"] == ("17", "100%")


def test_the_statistics_still_show_without_links_while_there_is_no_catalogue_page(client, site_pages):
    from portal.models import CatalogueIndexPage

    in_sectors(published_agreement(signed_on=datetime.date(2024, 1, 1)), [SectorFactory(name="Kesehatan")])
    CatalogueIndexPage.objects.update(live=False)

    soup = statistics_page(client)

    assert table_of(soup, "urusan")["Kesehatan"] == ("1", "100,0%")
    assert not soup.select("section.stat table a")


def test_every_chart_is_an_svg_image_with_a_title_and_a_data_table(client, site_pages):
    partner = PartnerFactory(category=PartnerCategory.FOREIGN_INSTITUTION, country="Belanda")
    in_sectors(published_agreement(partners=[partner, PartnerFactory()]), [SectorFactory()])

    soup = statistics_page(client)

    sections = soup.select("section.stat")
    assert len(sections) == 8
    for section in sections:
        svg = section.select_one("figure svg")
        assert svg["role"] == "img"
        title = svg.find("title")
        assert title.get_text(strip=True) == section.find("h2").get_text(strip=True)
        assert title["id"] in svg["aria-labelledby"].split()
        assert svg["viewbox"].startswith("0 0 400 ") and svg["width"] == "100%"
        assert section.select_one("figure figcaption")
        region = section.select_one("div.table-scroll")
        assert region["tabindex"] == "0" and region["role"] == "region" and region["aria-label"]
        table = region.find("table")
        assert table.find("caption")
        assert table.select("thead th[scope=col]")
        assert table.select("tbody th[scope=row]")
        assert table.select_one("tfoot th[scope=row]")
    assert len(soup.find_all("h1")) == 1


def test_a_chart_without_published_agreements_says_so_instead_of_drawing_nothing(client, site_pages):
    soup = statistics_page(client)
    assert not soup.select("svg")
    assert "Belum ada naskah yang dipublikasikan" in soup.select_one("#tahun").get_text()


def bulk_published_agreements(count: int, *, start: int) -> None:
    """Many published agreements in a few INSERTs; each batch adds kinds, agencies, sectors, partners and years."""
    kinds = [CooperationKindFactory(code=f"K{start}-{n}", name=f"Jenis {start}-{n}") for n in range(4)]
    agencies = [AgencyFactory(code=f"B{start}-{n}", name=f"Badan Uji {start}-{n}") for n in range(30)]
    sectors = [SectorFactory(code=f"S{start}-{n}", name=f"Urusan Uji {start}-{n}") for n in range(12)]
    partners = Partner.objects.bulk_create(
        Partner(name=f"Mitra {start}-{n}", category=PartnerCategory.COMPANY, province=f"Provinsi {start}-{n}")
        for n in range(20)
    ) + Partner.objects.bulk_create(
        Partner(
            name=f"Mitra Asing {start}-{n}", category=PartnerCategory.FOREIGN_INSTITUTION, country=f"Negara {start}-{n}"
        )
        for n in range(10)
    )
    statuses = itertools.cycle(sorted(AgreementStatus.signed_states()))
    document_type = framework_type()
    bulk_publish(
        [
            Agreement(
                document_type=document_type,
                kind=kinds[n % len(kinds)],
                title=f"Naskah massal {start + n}",
                initiating_agency=agencies[n % len(agencies)],
                status=next(statuses),
                signed_on=datetime.date(1990 + (start + n) % 36, 1 + n % 12, 1),
                starts_on=datetime.date(1990 + (start + n) % 36, 1 + n % 12, 1),
                ends_on=datetime.date(2030, 1, 1),
                value=1_000_000 * (n % 7) or None,
            )
            for n in range(count)
        ],
        partners=partners,
        sectors=sectors,
    )


def test_the_page_makes_as_many_queries_with_1000_agreements_as_with_20(client, site_pages):
    client.get("/statistik/")  # warm the site-root and content-type caches
    bulk_published_agreements(20, start=0)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/statistik/").status_code == 200
    bulk_published_agreements(980, start=20)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/statistik/")
    assert response.status_code == 200
    assert "1000" in BeautifulSoup(response.content, "html.parser").select_one(".stat-figures").get_text()
    assert len(many) == len(few)
