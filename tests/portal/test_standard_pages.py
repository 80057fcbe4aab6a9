"""Editors' information pages: procedures, service standards and questions, in both languages."""

import itertools

import pytest
from bs4 import BeautifulSoup

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def _main(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").find("main")


def _service_standard(main: BeautifulSoup, kind: str) -> BeautifulSoup:
    return main.find("h2", string=kind).find_parent("section", class_="service-standard")


def test_the_procedures_page_shows_each_service_standard_with_requirements_steps_time_and_output(client, site_pages):
    main = _main(client, "/prosedur/")
    assert main.find("h1").text == "Prosedur dan Standar Layanan"
    standard = _service_standard(main, "Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)")
    requirements = standard.find("h3", string="Persyaratan").find_next_sibling("ul")
    assert "Kerangka acuan kerja (KAK)" in [li.text for li in requirements.find_all("li")]
    steps = standard.find("h3", string="Prosedur").find_next_sibling("ol")
    assert [li.text for li in steps.find_all("li")][:2] == [
        "Pengajuan melalui OPD atau formulir daring",
        "Verifikasi Berkas",
    ]
    facts = {dt.text: dt.find_next_sibling("dd").text for dt in standard.find("dl").find_all("dt")}
    assert facts["Jangka waktu penyelesaian"] == "30 hari kerja sejak berkas lengkap"
    assert facts["Produk layanan"] == "Naskah Kesepakatan Bersama / Perjanjian Kerja Sama"


def test_the_english_procedures_page_shows_the_english_service_standard(client, site_pages):
    main = _main(client, "/en/prosedur/")
    assert main.find("h1").text == "Procedures and Service Standards"
    standard = _service_standard(main, "Cooperation with other regions (KSDD)")
    assert "45 working days from a complete file" in standard.text
    assert "Draft agreement" in standard.text
    assert "Kerja Sama Daerah dengan Daerah Lain" not in main.text


def test_the_headings_of_an_information_page_go_down_one_level_at_a_time(client, site_pages):
    main = _main(client, "/prosedur/")
    levels = [int(heading.name[1]) for heading in main.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_the_questions_page_answers_each_question_in_a_disclosure_that_works_without_javascript(client, site_pages):
    main = _main(client, "/tanya-jawab/")
    questions = main.find_all("details", class_="faq")
    assert [q.find("summary").text for q in questions] == [
        "Apakah semua naskah kerja sama terbuka untuk publik?",
        "Bagaimana mitra mengajukan kerja sama?",
    ]
    assert "UU 14/2008" in questions[0].text
    english = _main(client, "/en/tanya-jawab/")
    assert english.find("summary").text == "Is every agreement public?"


def test_an_information_page_lists_its_sub_pages_and_a_sub_page_shows_where_it_sits(client, site_pages):
    procedures = StandardPage.objects.get(slug="prosedur", locale__language_code="id")
    child = StandardPage(title="Kerja Sama Luar Negeri", slug="luar-negeri", intro="<p>Tahapan khusus.</p>")
    procedures.add_child(instance=child)
    child.save_revision().publish()
    hidden = StandardPage(title="Draf halaman", slug="draf", live=False)
    procedures.add_child(instance=hidden)

    main = _main(client, "/prosedur/")
    sub_pages = main.find("section", class_="child-pages")
    assert [(a.text, a["href"]) for a in sub_pages.find_all("a")] == [
        ("Kerja Sama Luar Negeri", "/prosedur/luar-negeri/")
    ]

    soup = BeautifulSoup(client.get("/prosedur/luar-negeri/").text, "html.parser")
    trail = soup.find("nav", class_="breadcrumbs")
    assert [(a.text, a["href"]) for a in trail.find_all("a")] == [
        ("Beranda", "/"),
        ("Prosedur dan Standar Layanan", "/prosedur/"),
    ]
    assert trail.find(attrs={"aria-current": "page"}).text == "Kerja Sama Luar Negeri"


def test_a_page_directly_under_home_has_no_sub_page_list_or_breadcrumb(client, site_pages):
    main = _main(client, "/tanya-jawab/")
    assert main.find("section", class_="child-pages") is None
    assert main.find("nav", class_="breadcrumbs") is None
