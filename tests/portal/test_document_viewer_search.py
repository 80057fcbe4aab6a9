"""The document viewer: the text of one page with the searched words marked, and search inside a document."""

import pytest
from bs4 import BeautifulSoup

from search import engines

from ..factories import index_for_search
from .test_search_page import UnreachableEngine, build_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(site_pages, health_agency, info_agency):
    return build_register(health_agency=health_agency, info_agency=info_agency)


def viewer(register, document=None) -> str:
    document = document or register["signed"]
    return f"/katalog/naskah/{document.agreement_id}/dokumen/{document.pk}/"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def test_a_snippet_link_opens_the_page_text_with_the_searched_words_marked(client, register):
    response = client.get(viewer(register), {"halaman": 2, "sorot": "ambulans"})
    assert response.status_code == 200
    section = soup(response).select_one("section#teks-halaman")
    assert section.find("h2").get_text(" ", strip=True) == "Teks halaman 2 dari 2"
    body = section.select_one(".page-text-body")
    assert body.get_text() == "Pasal 4\nPihak Kedua menyediakan ambulans desa untuk rujukan ibu hamil."
    assert [mark.get_text() for mark in body.find_all("mark")] == ["ambulans"]
    pdf = soup(response).select_one("object.pdf-viewer")
    assert pdf["data"].endswith("#page=2&search=ambulans")


def test_words_are_marked_by_their_stem_like_the_search_matches_them(client, register):
    response = client.get(viewer(register), {"halaman": 2, "sorot": "penyediaan"})
    marks = [mark.get_text() for mark in soup(response).select(".page-text-body mark")]
    assert marks == ["menyediakan"]


def test_previous_and_next_links_walk_the_pages_and_keep_the_highlight(client, register):
    second = soup(client.get(viewer(register), {"halaman": 2, "sorot": "ambulans"}))
    previous = second.select_one("#teks-halaman a[rel=prev]")
    assert previous["href"] == f"{viewer(register)}?halaman=1&sorot=ambulans#page=1"
    assert second.select_one("#teks-halaman a[rel=next]") is None
    first = soup(client.get(viewer(register), {"halaman": 1}))
    assert first.select_one("#teks-halaman a[rel=next]")["href"] == f"{viewer(register)}?halaman=2#page=2"
    assert first.select_one("#teks-halaman a[rel=prev]") is None


def test_page_text_is_escaped_and_the_highlight_parameter_cannot_inject_markup(client, register):
    register["signed"].pages.filter(number=1).update(text="<img src=x onerror=alert(1)> pihak")
    response = client.get(viewer(register), {"halaman": 1, "sorot": "<script>alert(2)</script> pihak"})
    body = soup(response).select_one(".page-text-body")
    assert body.find("img") is None
    assert "<img src=x onerror=alert(1)>" in body.get_text()
    assert "<script>alert(2)" not in response.text
    assert [mark.get_text() for mark in body.find_all("mark")] == ["alert", "pihak"]


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("9", "Teks halaman 9 tidak tersedia. Dokumen ini memiliki 2 halaman teks."),
        ("999999999999", None),
        ("abc", None),
        ("-1", None),
        ("0", None),
    ],
)
def test_a_page_that_does_not_exist_says_so_and_odd_numbers_are_ignored(client, register, number, message):
    response = client.get(viewer(register), {"halaman": number})
    assert response.status_code == 200
    section = soup(response).select_one("#teks-halaman")
    if message:
        assert message in section.get_text(" ", strip=True)
        assert section.select_one("a[rel=prev]")["href"].startswith(f"{viewer(register)}?halaman=2")
    else:
        assert section is None


def test_a_document_without_extracted_text_says_so(client, register):
    from ..factories import AgreementDocumentFactory

    document = AgreementDocumentFactory(title="Pindaian belum dibaca", agreement=register["clinic"])
    response = client.get(viewer(register, document), {"halaman": 1})
    assert "Teks dokumen ini belum tersedia" in soup(response).select_one("#teks-halaman").get_text()


def test_search_inside_a_document_lists_the_matching_pages_with_links_to_them(client, register):
    response = client.get(viewer(register), {"cari": "ambulans"})
    assert response.status_code == 200
    hits = soup(response).select("ol.page-hits li")
    assert len(hits) == 1
    link = hits[0].find("a")
    assert link.get_text(strip=True) == "Halaman 2"
    assert link["href"] == f"{viewer(register)}?halaman=2&sorot=ambulans&cari=ambulans#page=2"
    assert hits[0].find("mark").get_text() == "ambulans"
    assert "1 halaman memuat “ambulans”." in soup(response).select_one(".document-search-count").get_text()


def test_search_inside_a_document_never_shows_a_restricted_document(client, register):
    annex = register["clinic"].documents.get(title="Lampiran harga")
    assert client.get(viewer(register, annex), {"cari": "oksigenator"}).status_code == 404
    assert client.get(viewer(register, annex), {"halaman": 1}).status_code == 404
    hidden = register["hidden"].documents.get()
    assert client.get(viewer(register, hidden), {"halaman": 1, "cari": "ambulans"}).status_code == 404


def test_search_inside_a_document_when_the_engine_is_down_still_shows_the_document(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get(viewer(register), {"cari": "ambulans", "halaman": 2})
    assert response.status_code == 200
    assert "Pencarian sedang tidak tersedia" in soup(response).select_one(".document-search-message").get_text()
    assert soup(response).select_one(".page-text-body") is not None


@pytest.mark.parametrize(
    "text", ['"', "AND OR", "*:*", '{"match_all":{}}', "' OR 1=1 --", "\x00", "🚑", "x" * 2000, "العربية"]
)
def test_odd_searches_inside_a_document_give_results_or_a_message(client, register, text):
    index_for_search()
    response = client.get(viewer(register), {"cari": text, "sorot": text, "halaman": "2"})
    assert response.status_code == 200


def test_the_viewer_is_labelled_for_assistive_technology(client, register):
    page = soup(client.get(viewer(register), {"halaman": 2, "sorot": "ambulans", "cari": "ambulans"}))
    field = page.select_one("#document-search-q")
    assert page.find("label", attrs={"for": "document-search-q"})
    assert field["name"] == "cari"
    assert page.select_one("form[role=search]")
    assert [h.get_text(" ", strip=True) for h in page.find_all("h2")][:3] == [
        "Cari di dalam dokumen ini",
        "Teks halaman 2 dari 2",
        "Isi dokumen",
    ]
    assert page.select_one("nav.pagination")["aria-label"] == "Halaman dokumen"
