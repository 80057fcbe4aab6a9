"""The frame of every public page: the menu, the language switch, and what search engines and link previews read."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import HomePage, StandardPage

from ..factories import published_agreement

pytestmark = pytest.mark.django_db


def _soup(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.text, "html.parser")


def _switch(soup: BeautifulSoup):
    return soup.find(class_="language-switch").find("a")


def _current_menu_items(soup: BeautifulSoup) -> list[str]:
    menu = soup.find("nav", attrs={"aria-label": ["Menu utama", "Main menu"]})
    return [a.text for a in menu.find_all("a", attrs={"aria-current": "page"})]


def _head(soup: BeautifulSoup, **attrs) -> str:
    tag = soup.head.find(attrs=attrs)
    return tag["href"] if tag.name == "link" else tag["content"]


def test_the_language_switch_leads_to_the_same_page_in_english_keeping_the_query(client, site_pages):
    soup = _soup(client, "/tanya-jawab/?q=air+bersih&halaman=2")
    link = _switch(soup)
    assert link["href"] == "/en/tanya-jawab/?q=air+bersih&halaman=2"
    assert link["lang"] == "en" and link.text == "English"
    english = _soup(client, link["href"])
    assert english.html["lang"] == "en"
    assert english.find("h1").text == "Questions and Answers"


def test_the_language_switch_leads_back_from_english_to_indonesian(client, site_pages):
    assert _switch(_soup(client, "/en/"))["href"] == "/"
    assert _switch(_soup(client, "/"))["href"] == "/en/"
    link = _switch(_soup(client, "/en/prosedur/?tab=ksdd"))
    assert link["href"] == "/prosedur/?tab=ksdd"
    assert link["lang"] == "id" and link.text == "Bahasa Indonesia"


def test_the_language_switch_works_on_the_request_form_too(client, site_pages):
    assert _switch(_soup(client, "/ajukan-kerja-sama/"))["href"] == "/en/ajukan-kerja-sama/"
    assert _switch(_soup(client, "/en/ajukan-kerja-sama/status/"))["href"] == "/ajukan-kerja-sama/status/"


def test_the_menu_lists_the_sections_in_the_page_language(client, site_pages):
    links = _soup(client, "/en/").find("nav", class_="site-nav").find_all("a")
    assert [a["href"] for a in links] == [
        "/en/",
        "/en/katalog/",
        "/en/statistik/",
        "/en/prosedur/",
        "/en/tanya-jawab/",
        "/en/ajukan-kerja-sama/",
    ]
    assert [a.text for a in links[1:5]] == [
        "Agreement Catalogue",
        "Statistics",
        "Procedures and Service Standards",
        "Questions and Answers",
    ]


def test_the_menu_marks_the_page_being_read_and_only_that_one(client, site_pages):
    assert _current_menu_items(_soup(client, "/")) == ["Beranda"]
    assert _current_menu_items(_soup(client, "/tanya-jawab/")) == ["Tanya Jawab"]
    assert _current_menu_items(_soup(client, "/ajukan-kerja-sama/status/")) == ["Ajukan Kerja Sama"]


def test_the_menu_marks_the_catalogue_while_reading_one_of_its_agreements(client, site_pages):
    agreement = published_agreement()
    assert _current_menu_items(_soup(client, f"/katalog/naskah/{agreement.pk}/")) == ["Katalog Kerja Sama"]


def test_the_menu_marks_the_section_of_a_sub_page(client, site_pages):
    procedures = StandardPage.objects.get(slug="prosedur", locale__language_code="id")
    procedures.add_child(instance=StandardPage(title="Kerja Sama Luar Negeri", slug="luar-negeri"))
    assert _current_menu_items(_soup(client, "/prosedur/luar-negeri/")) == ["Prosedur dan Standar Layanan"]


def test_the_menu_costs_the_same_queries_however_many_sections_it_lists(client, site_pages):
    def queries() -> int:
        client.get("/tanya-jawab/")  # warm the per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/tanya-jawab/").status_code == 200
        return len(captured)

    before = queries()
    home = HomePage.objects.get(locale__language_code="id")
    for n in range(4):
        page = StandardPage(title=f"Halaman tambahan {n}", slug=f"tambahan-{n}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    soup = _soup(client, "/tanya-jawab/")
    assert len(soup.find("nav", class_="site-nav").find_all("a")) == 10
    assert queries() == before


def test_the_canonical_url_is_absolute_and_drops_every_parameter_but_the_page_number(client, site_pages):
    soup = _soup(client, "/tanya-jawab/?utm_source=wa&q=air&halaman=2")
    assert _head(soup, rel="canonical") == "http://testserver/tanya-jawab/?halaman=2"
    assert _head(soup, property="og:url") == "http://testserver/tanya-jawab/?halaman=2"
    first_page = _soup(client, "/tanya-jawab/?halaman=1&urut=judul")
    assert _head(first_page, rel="canonical") == "http://testserver/tanya-jawab/"


def test_every_page_names_its_language_versions_with_absolute_hreflang_links(client, site_pages):
    soup = _soup(client, "/en/prosedur/")
    assert _head(soup, rel="alternate", hreflang="id") == "http://testserver/prosedur/"
    assert _head(soup, rel="alternate", hreflang="en") == "http://testserver/en/prosedur/"
    assert _head(soup, rel="alternate", hreflang="x-default") == "http://testserver/prosedur/"
    assert _head(soup, rel="canonical") == "http://testserver/en/prosedur/"


def test_a_shared_link_previews_with_the_page_title_intro_and_locale(client, site_pages):
    soup = _soup(client, "/tanya-jawab/")
    assert _head(soup, property="og:title") == "Tanya Jawab"
    assert _head(soup, property="og:description") == "Pertanyaan yang sering diajukan tentang kerja sama daerah."
    assert _head(soup, name="description") == "Pertanyaan yang sering diajukan tentang kerja sama daerah."
    assert _head(soup, property="og:locale") == "id_ID"
    assert _head(soup, property="og:locale:alternate") == "en_GB"
    assert _head(soup, property="og:site_name").startswith("Si Mbois Ker")
    assert _head(soup, name="twitter:card") == "summary"
    english = _soup(client, "/en/tanya-jawab/")
    assert _head(english, property="og:locale") == "en_GB"
    assert _head(english, property="og:title") == "Questions and Answers"


def test_the_editors_search_description_wins_over_the_intro_in_previews(client, site_pages):
    page = StandardPage.objects.get(slug="tanya-jawab", locale__language_code="id")
    page.search_description = "Jawaban singkat tentang keterbukaan naskah kerja sama."
    page.save_revision().publish()
    soup = _soup(client, "/tanya-jawab/")
    assert _head(soup, property="og:description") == "Jawaban singkat tentang keterbukaan naskah kerja sama."


def test_every_page_links_the_atom_feed_of_its_language(client, site_pages):
    feed = {"type": "application/atom+xml", "rel": "alternate"}
    assert _head(_soup(client, "/tanya-jawab/"), **feed) == "/katalog/feed/"
    assert _head(_soup(client, "/en/tanya-jawab/"), **feed) == "/en/katalog/feed/"


def test_every_page_offers_a_skip_link_to_its_main_content(client, site_pages):
    soup = _soup(client, "/prosedur/")
    skip = soup.body.find("a")
    assert skip["href"] == "#main"
    assert soup.find("main")["id"] == "main"
    assert soup.find("header") and soup.find("footer")
