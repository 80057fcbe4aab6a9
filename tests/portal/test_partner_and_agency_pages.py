"""The partner and agency pages: who they are and which public agreements they are in."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import AgreementParty, AgreementStatus, PartnerCategory, PartyRole, Publication

from ..factories import AgencyFactory, AgreementFactory, PartnerFactory, SectorFactory, published_agreement
from .test_agreement_page import publish_in_bulk

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return PartnerFactory(
        name="Pemerintah Kota Gwangmyeong",
        name_en="Gwangmyeong City Government",
        category=PartnerCategory.FOREIGN_GOVERNMENT,
        country="Korea Selatan",
        province="Gyeonggi",
        regency_city="Gwangmyeong",
        address="1 Cheolsan-ro, Gwangmyeong-si",
        contact_name="Kim Narahubung",
        contact_email="kim.private@example.kr",
        contact_phone="+82-10-5555-0101",
        website="https://www.gm.go.kr/",
    )


def agreement_titles(text: str) -> list[str]:
    return re.findall(r'<a class="agreement-link" href="[^"]+">([^<]+)</a>', text)


def test_a_partner_page_shows_who_the_partner_is_and_its_public_agreements(client, site_pages, partner):
    older = published_agreement(title="Sister City Pendidikan", partners=[partner], signed_on=datetime.date(2021, 3, 1))
    newer = published_agreement(title="Sister City Pariwisata", partners=[partner], signed_on=datetime.date(2024, 9, 9))
    AgreementFactory(title="Naskah Belum Terbit", partners=[partner], status=AgreementStatus.IN_FORCE)
    response = client.get(f"/katalog/mitra/{partner.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Pemerintah Kota Gwangmyeong</h1>" in text
    for fragment in [
        "Pemerintah Daerah Luar Negeri",
        "Korea Selatan",
        "Gyeonggi",
        "1 Cheolsan-ro",
        "https://www.gm.go.kr/",
    ]:
        assert fragment in text, fragment
    assert "2 naskah kerja sama dipublikasikan" in text
    assert agreement_titles(text) == ["Sister City Pariwisata", "Sister City Pendidikan"]
    assert f'href="/katalog/naskah/{newer.pk}/"' in text and f'href="/katalog/naskah/{older.pk}/"' in text
    assert "Naskah Belum Terbit" not in text


def test_a_partner_page_never_shows_the_contact_persons_details(client, site_pages, partner):
    published_agreement(partners=[partner])
    text = client.get(f"/katalog/mitra/{partner.pk}/").text
    for secret in ["Kim Narahubung", "kim.private@example.kr", "+82-10-5555-0101"]:
        assert secret not in text


def test_a_partner_without_a_public_agreement_has_no_page(client, site_pages):
    unpublished = PartnerFactory()
    AgreementFactory(partners=[unpublished], status=AgreementStatus.IN_FORCE)
    withdrawn = PartnerFactory()
    agreement = published_agreement(partners=[withdrawn])
    Publication.objects.filter(agreement=agreement).update(live=False)
    assert client.get(f"/katalog/mitra/{unpublished.pk}/").status_code == 404
    assert client.get(f"/katalog/mitra/{withdrawn.pk}/").status_code == 404
    assert client.get(f"/katalog/mitra/{PartnerFactory().pk}/").status_code == 404


def test_the_english_partner_page_uses_the_english_name(client, site_pages, partner):
    published_agreement(partners=[partner])
    response = client.get(f"/en/katalog/mitra/{partner.pk}/")
    assert response.status_code == 200
    assert "<h1>Gwangmyeong City Government</h1>" in response.text
    assert '<html lang="en">' in response.text


def test_a_partners_agreements_come_twenty_to_a_page_newest_first(client, site_pages, info_agency):
    partner, sector = PartnerFactory(), SectorFactory()
    publish_in_bulk(45, partner=partner, sector=sector, agency=info_agency)
    first = client.get(f"/katalog/mitra/{partner.pk}/").text
    assert "45 naskah kerja sama dipublikasikan" in first
    assert len(agreement_titles(first)) == 20
    assert agreement_titles(first)[0] == "Kesepakatan Bersama Massal 44"
    assert "Halaman 1 dari 3" in first
    assert 'href="?halaman=2" rel="next"' in first
    last = client.get(f"/katalog/mitra/{partner.pk}/?halaman=3").text
    assert len(agreement_titles(last)) == 5
    assert agreement_titles(last)[-1] == "Kesepakatan Bersama Massal 0"
    assert 'aria-current="page"><span class="visually-hidden">Halaman </span>3</a>' in last
    assert client.get(f"/katalog/mitra/{partner.pk}/?halaman=bukan-angka").status_code == 200


def test_the_partner_page_needs_as_many_queries_at_2000_agreements_as_at_100(client, site_pages, info_agency):
    partner, sector = PartnerFactory(), SectorFactory()
    publish_in_bulk(100, partner=partner, sector=sector, agency=info_agency)
    url = f"/katalog/mitra/{partner.pk}/"
    client.get(url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as at_100:
        assert client.get(url).status_code == 200
    publish_in_bulk(1900, partner=partner, sector=sector, agency=info_agency, start=100)
    with CaptureQueriesContext(connection) as at_2000:
        response = client.get(url)
    assert response.status_code == 200
    assert "2000 naskah kerja sama dipublikasikan" in response.text.replace(".", "")
    assert len(at_2000) == len(at_100), [query["sql"] for query in at_2000.captured_queries]


def test_an_agency_page_lists_the_agreements_it_initiates_or_implements(client, site_pages, info_agency):
    initiated = published_agreement(title="Naskah Prakarsa Diskominfo", initiating_agency=info_agency)
    implemented = published_agreement(title="Naskah Pelaksanaan Diskominfo", initiating_agency=AgencyFactory())
    implemented.implementing_agencies.set([info_agency])
    implemented.save()
    published_agreement(title="Naskah OPD Lain", initiating_agency=AgencyFactory())
    AgreementFactory(title="Naskah Diskominfo Belum Terbit", initiating_agency=info_agency)
    response = client.get(f"/katalog/opd/{info_agency.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Dinas Komunikasi dan Informatika</h1>" in text
    assert "KOMINFO" in text and "Diskominfo" in text
    assert sorted(agreement_titles(text)) == ["Naskah Pelaksanaan Diskominfo", "Naskah Prakarsa Diskominfo"]
    rows = dict(re.findall(r'class="agreement-link" href="[^"]+">([^<]+)</a>.*?Peran: ([^<]+)</span>', text, re.S))
    assert rows["Naskah Prakarsa Diskominfo"].strip() == "OPD Pemrakarsa"
    assert rows["Naskah Pelaksanaan Diskominfo"].strip() == "OPD Pelaksana"
    assert f'href="/katalog/naskah/{initiated.pk}/"' in text


def test_an_agency_party_to_an_internal_agreement_lists_it(client, site_pages, info_agency, health_agency):
    agreement = published_agreement(
        title="Kerja Sama Antar-OPD Data Kesehatan", initiating_agency=info_agency, partners=[]
    )
    AgreementParty.objects.create(agreement=agreement, agency=health_agency, role=PartyRole.SECOND)
    text = client.get(f"/katalog/opd/{health_agency.pk}/").text
    assert agreement_titles(text) == ["Kerja Sama Antar-OPD Data Kesehatan"]
    assert "Pihak (kerja sama antar-OPD)" in text
    agreement_page = client.get(f"/katalog/naskah/{agreement.pk}/").text
    assert f'Pihak Kedua: <a href="/katalog/opd/{health_agency.pk}/">Dinas Kesehatan</a>' in agreement_page


def test_an_agency_without_a_public_agreement_has_no_page(client, site_pages, info_agency):
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    assert client.get(f"/katalog/opd/{info_agency.pk}/").status_code == 404
    assert client.get("/katalog/opd/999999/").status_code == 404


def test_the_agency_page_needs_as_many_queries_at_2000_agreements_as_at_100(client, site_pages, info_agency):
    partner, sector = PartnerFactory(), SectorFactory()
    publish_in_bulk(100, partner=partner, sector=sector, agency=info_agency)
    url = f"/katalog/opd/{info_agency.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as at_100:
        assert client.get(url).status_code == 200
    publish_in_bulk(1900, partner=partner, sector=sector, agency=info_agency, start=100)
    with CaptureQueriesContext(connection) as at_2000:
        assert client.get(url).status_code == 200
    assert len(at_2000) == len(at_100)
