"""The portal's front page shows the register's headline figures and never counts drafts."""

import datetime

import pytest
from bs4 import BeautifulSoup

from cooperation.models import AgreementStatus

from ..factories import AgreementFactory, PartnerFactory, PublicationFactory, published_agreement

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_published_agreements_but_not_drafts_or_unpublished_ones(client, info_agency):
    published_agreement(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    published_agreement(initiating_agency=info_agency, status=AgreementStatus.EXPIRED)
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.DRAFT)
    response = client.get("/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["total"] == 2
    assert figures["in_force"] == 1
    assert "Naskah ditandatangani" in response.text


def test_the_home_page_is_in_indonesian_and_names_its_language(client):
    response = client.get("/")
    assert '<html lang="id">' in response.text
    assert "Langsung ke isi" in response.text


def test_an_english_browser_still_gets_indonesian_and_english_lives_under_en(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="id">' in response.text
    client.cookies["django_language"] = "en"
    assert '<html lang="id">' in client.get("/").text
    response = client.get("/en/")
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text


def _newest_section(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser").find("section", attrs={"aria-labelledby": "newest-heading"})


def test_the_home_page_lists_the_newest_published_agreements_with_link_partner_and_date(client, site_pages):
    partner = PartnerFactory(name="Universitas Brawijaya")
    agreement = published_agreement(title="Kesepakatan Bersama Beasiswa Kota", partners=[partner])
    agreement.publication.first_published_at = datetime.datetime(2025, 3, 14, 9, 0, tzinfo=datetime.UTC)
    agreement.publication.save()
    newest = _newest_section(client.get("/").text)
    link = newest.find("a", string="Kesepakatan Bersama Beasiswa Kota")
    assert link["href"] == f"/katalog/naskah/{agreement.pk}/"
    card = link.find_parent("li")
    assert "Universitas Brawijaya" in card.text
    assert card.find("time")["datetime"] == "2025-03-14"


def test_the_home_page_never_lists_an_unpublished_or_unsigned_agreement(client, site_pages):
    published_agreement(title="Naskah yang dipublikasikan")
    PublicationFactory(agreement=AgreementFactory(title="Naskah masih draf", status=AgreementStatus.DRAFT))
    withdrawn = published_agreement(title="Naskah yang ditarik dari katalog")
    withdrawn.publication.live = False
    withdrawn.publication.save()
    AgreementFactory(title="Naskah tanpa publikasi", status=AgreementStatus.IN_FORCE)
    newest = _newest_section(client.get("/").text)
    assert "Naskah yang dipublikasikan" in newest.text
    assert "Naskah masih draf" not in newest.text
    assert "Naskah yang ditarik dari katalog" not in newest.text
    assert "Naskah tanpa publikasi" not in newest.text


def test_the_home_page_shows_newest_first_and_at_most_six(client, site_pages):
    agreements = [published_agreement(title=f"Naskah nomor {n}") for n in range(8)]
    for n, agreement in enumerate(agreements):
        agreement.publication.first_published_at = datetime.datetime(2025, 1, n + 1, tzinfo=datetime.UTC)
        agreement.publication.save()
    titles = [h3.text.strip() for h3 in _newest_section(client.get("/").text).find_all("h3")]
    assert titles == [f"Naskah nomor {n}" for n in range(7, 1, -1)]


def test_the_english_home_shows_english_titles_and_links_under_en(client, site_pages):
    agreement = published_agreement(title="Kesepakatan Bersama Kota Kembar", title_en="Sister City Agreement")
    response = client.get("/en/")
    assert response.status_code == 200
    newest = _newest_section(response.text)
    link = newest.find("a", string="Sister City Agreement")
    assert link["href"] == f"/en/katalog/naskah/{agreement.pk}/"
    assert "Kesepakatan Bersama Kota Kembar" not in newest.text


def test_the_home_page_search_box_is_labelled_and_searches_the_catalogue(client, site_pages):
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    form = soup.find("form", attrs={"role": "search"})
    assert form["action"] == "/katalog/"
    assert form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).text.strip() == "Cari naskah kerja sama"
    english = BeautifulSoup(client.get("/en/").text, "html.parser")
    assert english.find("form", attrs={"role": "search"})["action"] == "/en/katalog/"


def test_the_home_page_offers_quick_links_into_the_catalogue(client, site_pages):
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    hrefs = {a.text.strip(): a["href"] for a in soup.find("nav", class_="quick-links").find_all("a")}
    assert hrefs["Akan Berakhir"] == "/katalog/?status=expiring"
    assert hrefs["Mitra luar negeri"] == "/katalog/?lingkup=luar-negeri"


def test_the_home_page_explains_how_to_propose_cooperation_with_the_form_and_status_links(client, site_pages):
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    propose = soup.find("section", attrs={"aria-labelledby": "propose-heading"})
    assert "tanpa membuat akun" in propose.text
    hrefs = [a["href"] for a in propose.find_all("a")]
    assert hrefs == ["/ajukan-kerja-sama/", "/ajukan-kerja-sama/status/"]
    english = BeautifulSoup(client.get("/en/").text, "html.parser")
    propose = english.find("section", attrs={"aria-labelledby": "propose-heading"})
    assert "without an account" in propose.text
    assert [a["href"] for a in propose.find_all("a")] == ["/en/ajukan-kerja-sama/", "/en/ajukan-kerja-sama/status/"]


def test_the_home_page_links_to_the_statistics_and_the_procedures(client, site_pages):
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    more = soup.find("section", attrs={"aria-labelledby": "more-heading"})
    hrefs = {a.text.strip(): a["href"] for a in more.find_all("a")}
    assert hrefs["Statistik"] == "/statistik/"
    assert hrefs["Prosedur dan Standar Layanan"] == "/prosedur/"
    assert hrefs["Tanya Jawab"] == "/tanya-jawab/"


def test_the_home_page_has_one_h1_and_its_figures(client, site_pages):
    published_agreement()
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    assert len(soup.find_all("h1")) == 1
    figures = soup.find("dl", class_="figures")
    values = {dt.text.strip(): dt.find_next_sibling("dd").text.strip() for dt in figures.find_all("dt")}
    assert values["Naskah ditandatangani"] == "1"
    assert values["Mitra"] == "1"
