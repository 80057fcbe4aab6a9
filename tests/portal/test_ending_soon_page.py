"""The public "Akan Berakhir" page: public agreements ending within the warning window, soonest first."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import AgreementStatus, Publication

from ..factories import AgencyFactory, AgreementFactory, PartnerFactory, published_agreement

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
URL = "/katalog/akan-berakhir/"


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield


def ending(days: int, *, agencies=(), **fields):
    fields.setdefault("title", f"Naskah berakhir dalam {days} hari")
    agreement = published_agreement(
        starts_on=datetime.date(2024, 1, 1), ends_on=TODAY + datetime.timedelta(days=days), **fields
    )
    if agencies:
        agreement.implementing_agencies.set(agencies)
        agreement.save()
    return agreement


def titles(text: str) -> list[str]:
    return re.findall(r'<a class="agreement-link" href="[^"]+">([^<]+)</a>', text)


def test_the_page_lists_public_agreements_ending_within_six_months_soonest_first(client, site_pages):
    ending(150)
    ending(20)
    ending(0, title="Naskah berakhir hari ini")
    ending(80)

    response = client.get(URL)

    assert response.status_code == 200
    assert titles(response.text) == [
        "Naskah berakhir hari ini",
        "Naskah berakhir dalam 20 hari",
        "Naskah berakhir dalam 80 hari",
        "Naskah berakhir dalam 150 hari",
    ]
    assert "4 naskah akan berakhir" in response.text


def test_the_page_leaves_out_what_is_not_public_not_ending_soon_or_already_over(client, site_pages):
    ending(30, title="Tampil")
    ending(214, title="Berakhir dalam tujuh bulan")
    ending(-1, title="Sudah lewat")
    ending(30, title="Sudah diakhiri", status=AgreementStatus.TERMINATED)
    ending(30, title="Sudah diperpanjang", status=AgreementStatus.EXTENDED)
    AgreementFactory(title="Belum dipublikasikan", status=AgreementStatus.IN_FORCE, ends_on=TODAY.replace(month=4))
    AgreementFactory(title="Masih draf", status=AgreementStatus.DRAFT, ends_on=TODAY.replace(month=4))
    withdrawn = ending(30, title="Publikasi ditarik")
    Publication.objects.filter(agreement=withdrawn).update(live=False)

    assert titles(client.get(URL).text) == ["Tampil"]


def test_each_row_says_how_long_is_left_the_partner_the_implementing_agency_and_links_the_agreement(client, site_pages):
    agency = AgencyFactory(name="Dinas Kesehatan")
    agreement = ending(45, partners=[PartnerFactory(name="Universitas Negeri Malang")], agencies=[agency])

    text = client.get(URL).text

    assert f'href="/katalog/naskah/{agreement.pk}/"' in text
    assert f'href="/katalog/opd/{agency.pk}/"' in text
    assert "Universitas Negeri Malang" in text and "Dinas Kesehatan" in text
    assert "Berakhir 24 April 2026" in text
    assert "45 hari lagi" in text and "(± 1 bulan)" in text
    assert "1 s.d. 3 bulan" in text


def test_the_page_is_paginated_without_javascript(client, site_pages):
    for days in range(1, 23):
        ending(days)

    first = client.get(URL)
    second = client.get(URL, {"halaman": 2})

    assert len(titles(first.text)) == 20 and titles(first.text)[0] == "Naskah berakhir dalam 1 hari"
    assert titles(second.text) == ["Naskah berakhir dalam 21 hari", "Naskah berakhir dalam 22 hari"]
    assert 'href="?halaman=2" rel="next"' in first.text
    assert 'aria-current="page"' in second.text
    assert client.get(URL, {"halaman": "abc"}).status_code == 200


def test_an_empty_list_says_so(client, site_pages):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Tidak ada naskah kerja sama yang dipublikasikan yang akan berakhir" in response.text


def test_the_english_page_exists_and_the_catalogue_links_to_the_page(client, site_pages):
    ending(10, title_en="Agreement ending in ten days")

    english = client.get("/en" + URL)
    catalogue = client.get("/katalog/")

    assert english.status_code == 200
    assert "Agreement ending in ten days" in english.text
    assert '<html lang="en"' in english.text
    assert f'href="{URL}"' in catalogue.text


def test_the_query_count_does_not_grow_with_the_page(client, site_pages):
    ending(10, agencies=[AgencyFactory()])
    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for days in range(11, 25):
        ending(days, partners=[PartnerFactory(), PartnerFactory()], agencies=[AgencyFactory(), AgencyFactory()])
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(one)


def test_the_sitemap_lists_the_page_in_both_languages(client, site_pages):
    text = client.get("/sitemap-akan-berakhir.xml").text
    assert "<loc>http://testserver/katalog/akan-berakhir/</loc>" in text
    assert "<loc>http://testserver/en/katalog/akan-berakhir/</loc>" in text
    assert 'hreflang="x-default" href="http://testserver/katalog/akan-berakhir/"' in text
