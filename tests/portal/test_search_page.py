"""Public search in the catalogue: a keyword goes to the search engine, browsing stays on the database.

Data is indexed through the public API (`records_for` + `get_engine().index`), as the outbox task
does; the engine is the database engine (SEARCH_URL unset). Faults are faked only at the edge: an
engine whose every call says it cannot be reached.
"""

import datetime
import importlib.util
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from cooperation.models import Agreement, Classification, DocumentPage, PartnerCategory
from search import engines
from search.engines.base import QueryError, SearchEngine, SearchUnavailable

from ..factories import (
    AgreementDocumentFactory,
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    SectorFactory,
    index_for_search,
    published_agreement,
)

pytestmark = pytest.mark.django_db

CATALOGUE = "/katalog/"


def add_pages(document, *texts: str) -> None:
    for number, text in enumerate(texts, start=1):
        DocumentPage.objects.create(document=document, number=number, text=text)


class UnreachableEngine(SearchEngine):
    """A cluster that does not answer: every call raises SearchUnavailable."""

    name = "unreachable"

    def _down(self, *args, **kwargs):
        raise SearchUnavailable("connection refused")

    index = delete = rebuild = clear = refresh = search = search_document = autocomplete = _down

    def ping(self) -> bool:
        return False


class RefusingEngine(UnreachableEngine):
    """An engine that answers but cannot run the query as typed."""

    def search(self, request):
        raise QueryError("Kueri ini tidak dapat dijalankan.")


@pytest.fixture
def register(site_pages, health_agency, info_agency):
    return build_register(health_agency=health_agency, info_agency=info_agency)


def build_register(*, health_agency, info_agency) -> dict:
    """Public agreements with document text, a restricted annex, and an unpublished agreement, indexed."""
    kind = CooperationKindFactory(code="KSDPK", name="Kerja Sama Daerah dengan Pihak Ketiga")
    health = SectorFactory(code="KES", name="Kesehatan")
    university = PartnerFactory(name="Universitas Brawijaya", category=PartnerCategory.UNIVERSITY)
    water = published_agreement(
        title="Penyediaan Air Bersih Kelurahan",
        kind=kind,
        initiating_agency=health_agency,
        partners=[PartnerFactory(name="PT Tirta Nusantara", category=PartnerCategory.COMPANY)],
        signed_on=datetime.date(2023, 5, 1),
    )
    clinic = published_agreement(
        title="Layanan Puskesmas Keliling",
        kind=kind,
        initiating_agency=health_agency,
        partners=[university],
        signed_on=datetime.date(2025, 2, 1),
    )
    clinic.sectors.set([health])
    clinic.save()
    school = published_agreement(
        title="Beasiswa Vokasi Puskesmas Sehat",
        kind=kind,
        initiating_agency=info_agency,
        partners=[university],
        signed_on=datetime.date(2024, 7, 1),
    )
    hidden = AgreementFactory(
        title="Kesepakatan Puskesmas Rahasia", status="in_force", signed_on=datetime.date(2025, 1, 1)
    )
    signed = AgreementDocumentFactory(title="Naskah PKS Puskesmas", agreement=clinic)
    add_pages(
        signed,
        "Para pihak sepakat bekerja sama.",
        "Pasal 4\nPihak Kedua menyediakan ambulans desa untuk rujukan ibu hamil.",
    )
    annex = AgreementDocumentFactory(
        title="Lampiran harga",
        agreement=clinic,
        classification=Classification.RESTRICTED,
        restriction_ground="17b",
        restriction_reason="Rahasia dagang mitra.",
    )
    add_pages(annex, "Harga satuan oksigenator rahasia sebesar dua juta rupiah.")
    add_pages(AgreementDocumentFactory(title="Naskah rahasia", agreement=hidden), "ambulans desa milik mitra")
    index_for_search()
    return {"water": water, "clinic": clinic, "school": school, "hidden": hidden, "signed": signed, "health": health}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def result_titles(response) -> list[str]:
    return [link.get_text(strip=True) for link in soup(response).select("ol.results > li > h3 a")]


# -- results from the engine ------------------------------------------------------------------------


def test_a_word_that_appears_only_inside_a_document_finds_its_agreement_with_a_snippet(client, register):
    response = client.get(CATALOGUE, {"q": "ambulans"})
    assert response.status_code == 200
    assert result_titles(response) == ["Layanan Puskesmas Keliling"]
    snippet = soup(response).select_one(".result-snippets li")
    link = snippet.find("a")
    assert link.get_text(" ", strip=True) == "Halaman 2 — Naskah PKS Puskesmas"
    document = register["signed"]
    assert link["href"] == (
        f"{CATALOGUE}naskah/{register['clinic'].pk}/dokumen/{document.pk}/?halaman=2&sorot=ambulans#page=2"
    )
    assert snippet.find("mark").get_text() == "ambulans"


def test_snippet_text_is_escaped_and_only_marks_are_html(client, register):
    DocumentPage.objects.create(
        document=register["signed"], number=3, text="<script>alert(1)</script> ambulans <b>tebal</b>"
    )
    index_for_search()
    response = client.get(CATALOGUE, {"q": "tebal"})
    snippet = soup(response).select_one(".result-snippets .snippet-text")
    assert "<script>" not in response.text.split("<main", 1)[1]
    assert snippet.find("script") is None and snippet.find("b") is None
    assert "alert(1)</script> ambulans <b>tebal" in snippet.get_text()
    assert [mark.get_text() for mark in snippet.find_all("mark")] == ["tebal"]


def test_public_search_never_returns_restricted_pages_or_unpublished_agreements(client, register):
    assert result_titles(client.get(CATALOGUE, {"q": "oksigenator"})) == []
    response = client.get(CATALOGUE, {"q": "ambulans desa"})
    assert register["hidden"].title not in response.text
    assert "Naskah rahasia" not in response.text
    assert "Lampiran harga" not in response.text


def test_search_results_show_facets_counted_by_the_engine_and_a_facet_narrows_them(client, register):
    response = client.get(CATALOGUE, {"q": "puskesmas"})
    assert set(result_titles(response)) == {"Layanan Puskesmas Keliling", "Beasiswa Vokasi Puskesmas Sehat"}
    facets = {facet["param"]: facet for facet in response.context["facets"]}
    agency_counts = {option.label: option.count for option in facets["opd"]["options"]}
    assert agency_counts == {"Dinas Kesehatan": 1, "Dinas Komunikasi dan Informatika": 1}
    narrowed = client.get(CATALOGUE, {"q": "puskesmas", "urusan": register["health"].pk})
    assert result_titles(narrowed) == ["Layanan Puskesmas Keliling"]
    assert "Urusan: Kesehatan" in soup(narrowed).select_one(".active-filters").get_text(" ", strip=True)


def test_a_search_offers_relevance_newest_and_oldest_and_orders_by_date_when_asked(client, register):
    response = client.get(CATALOGUE, {"q": "puskesmas"})
    options = [option.get_text(strip=True) for option in soup(response).select("#catalogue-sort option")]
    assert options == ["Relevansi", "Terbaru", "Terlama"]
    assert soup(response).select_one("#catalogue-sort option[selected]")["value"] == "relevansi"
    newest = result_titles(client.get(CATALOGUE, {"q": "puskesmas", "urutan": "terbaru"}))
    assert newest == ["Layanan Puskesmas Keliling", "Beasiswa Vokasi Puskesmas Sehat"]
    oldest = result_titles(client.get(CATALOGUE, {"q": "puskesmas", "urutan": "terlama"}))
    assert oldest == list(reversed(newest))


def test_browsing_without_a_keyword_keeps_the_catalogue_orders_and_never_asks_the_engine(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get(CATALOGUE, {"urutan": "judul"})
    assert response.status_code == 200
    assert result_titles(response)[0] == "Beasiswa Vokasi Puskesmas Sehat"
    options = [option["value"] for option in soup(response).select("#catalogue-sort option")]
    assert options == ["terbaru", "berakhir", "judul"]


def test_a_typo_is_corrected_and_the_page_says_what_was_searched(client, register):
    response = client.get(CATALOGUE, {"q": "ambulanz"})
    assert result_titles(response) == ["Layanan Puskesmas Keliling"]
    assert "Menampilkan hasil untuk" in soup(response).select_one(".catalogue-corrected").get_text()
    assert "ambulans" in soup(response).select_one(".catalogue-corrected").get_text()


def test_a_quoted_phrase_matches_only_the_words_in_that_order(client, register):
    assert result_titles(client.get(CATALOGUE, {"q": '"ambulans desa"'})) == ["Layanan Puskesmas Keliling"]
    assert result_titles(client.get(CATALOGUE, {"q": '"desa ambulans"'})) == []


def test_a_query_longer_than_the_limit_is_cut_and_the_page_says_so(client, register):
    response = client.get(CATALOGUE, {"q": "ambulans " + "x" * 2000})
    assert response.status_code == 200
    notice = soup(response).select_one(".catalogue-notice").get_text(" ", strip=True)
    assert "Kata kunci terlalu panjang: hanya 500 karakter pertama yang dicari." in notice


@pytest.mark.parametrize(
    "keyword",
    [
        '"',
        '"ambulans',
        "ambulans\"'",
        "AND OR NOT",
        "ambulans AND (desa OR kota) -rahasia +wajib",
        "title:ambulans^10 AND _exists_:id",
        '{"query": {"match_all": {}}}',
        '{"script": {"source": "ctx._source"}}',
        "ambulans' OR '1'='1",
        "'; DROP TABLE cooperation_agreement; --",
        "ambulans\x00desa",
        "*",
        "?~^\\/[]{}<>=!&|:",
        "NEAR(ambulans desa)",
        "ambulans* desa~2",
        "العربية 中文 日本語 Ελληνικά",
        "🚑🚑 ambulans",
        "é" * 600,
        "x" * 2000,
        "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 10,
        "\u202eambulans",
    ],
)
def test_bad_input_returns_results_or_a_message_never_a_500(client, register, keyword):
    response = client.get(CATALOGUE, {"q": keyword})
    assert response.status_code == 200
    assert Agreement.objects.filter(pk=register["clinic"].pk).exists()  # nothing was dropped
    assert register["hidden"].title not in response.text


def test_a_query_the_engine_cannot_run_shows_its_message_on_the_page(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", RefusingEngine)
    response = client.get(CATALOGUE, {"q": "ambulans"})
    assert response.status_code == 200
    assert "Kueri ini tidak dapat dijalankan." in soup(response).select_one(".catalogue-notice").get_text()
    assert result_titles(response) == []


def test_a_page_number_past_the_end_of_the_search_shows_the_last_page(client, register):
    response = client.get(CATALOGUE, {"q": "puskesmas", "halaman": 99})
    assert response.status_code == 200
    assert len(result_titles(response)) == 2
    assert "Halaman 99 tidak ada" in response.text


# -- the engine is down ---------------------------------------------------------------------------


def test_when_the_engine_is_down_search_answers_a_friendly_503_and_browsing_still_works(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get(CATALOGUE, {"q": "ambulans", "urusan": register["health"].pk})
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Pencarian sedang tidak tersedia"
    links = {link.get_text(" ", strip=True): link["href"] for link in page.select("main a")}
    browse = links["Jelajahi katalog tanpa kata kunci, dengan filter yang sudah Anda pilih"]
    assert browse == f"{CATALOGUE}?urusan={register['health'].pk}"
    assert client.get(browse).status_code == 200
    assert client.get(CATALOGUE).status_code == 200
    assert client.get(f"{CATALOGUE}naskah/{register['clinic'].pk}/").status_code == 200
    assert client.get("/").status_code == 200


def test_the_503_page_speaks_english_on_the_english_site(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get("/en/katalog/", {"q": "ambulance"})
    assert response.status_code == 503
    assert 'lang="en"' in response.text


@pytest.mark.skipif(
    importlib.util.find_spec("search.engines.opensearch") is None, reason="the OpenSearch engine is not written yet"
)
def test_a_cluster_url_pointing_at_a_closed_port_gives_the_503_page(client, register):
    engines.reset_engine_cache()
    try:
        with override_settings(SEARCH_URL="opensearch://127.0.0.1:9"):
            response = client.get(CATALOGUE, {"q": "ambulans"})
            assert response.status_code == 503
            assert "Pencarian sedang tidak tersedia" in response.text
            assert client.get(CATALOGUE).status_code == 200
    finally:
        engines.reset_engine_cache()


# -- autocomplete ---------------------------------------------------------------------------------


def test_suggestions_list_public_titles_and_partner_names_with_links(client, register):
    response = client.get(f"{CATALOGUE}saran/", {"q": "pusk"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    labels = [item["label"] for item in suggestions]
    assert "Layanan Puskesmas Keliling" in labels
    assert register["hidden"].title not in labels
    assert len(suggestions) <= 8
    clinic = next(item for item in suggestions if item["label"] == "Layanan Puskesmas Keliling")
    assert clinic["url"] == f"{CATALOGUE}naskah/{register['clinic'].pk}/"
    partners = client.get(f"{CATALOGUE}saran/", {"q": "brawi"}).json()["suggestions"]
    assert [item["label"] for item in partners] == ["Universitas Brawijaya"]
    assert re.fullmatch(rf"{CATALOGUE}mitra/\d+/", partners[0]["url"])


@pytest.mark.parametrize("prefix", ["", "p", "  ", "\x00\x00", '"', "*" * 50, "x" * 3000, "'; DROP TABLE x; --"])
def test_suggestions_for_short_or_odd_input_are_an_empty_list_not_an_error(client, register, prefix):
    response = client.get(f"{CATALOGUE}saran/", {"q": prefix})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_suggestions_when_the_engine_is_down_are_an_empty_503(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    response = client.get(f"{CATALOGUE}saran/", {"q": "puskesmas"})
    assert response.status_code == 503
    assert response.json() == {"suggestions": []}


def test_search_boxes_announce_suggestions_and_still_work_without_javascript(client, register):
    catalogue = soup(client.get(CATALOGUE))
    field = catalogue.select_one("form.catalogue-form input[name=q]")
    assert field["data-suggest-url"] == f"{CATALOGUE}saran/"
    assert catalogue.select_one("form.catalogue-form")["method"] == "get"
    assert catalogue.find("script", src=re.compile(r"portal/autocomplete\.js"))
    home = soup(client.get("/"))
    assert home.select_one("#home-search")["data-suggest-url"] == f"{CATALOGUE}saran/"


# -- downloads of a search ------------------------------------------------------------------------


def test_a_download_with_a_keyword_holds_what_the_search_found_including_matches_inside_documents(client, register):
    response = client.get(CATALOGUE + "unduh/json/", {"q": "ambulans"})
    assert response.status_code == 200
    body = json.loads(b"".join(response.streaming_content))
    assert body["count"] == 1
    assert [row["title"] for row in body["results"]] == ["Layanan Puskesmas Keliling"]


def test_a_download_with_a_keyword_answers_503_when_the_engine_is_down(client, register, monkeypatch):
    monkeypatch.setattr(engines, "get_engine", lambda: UnreachableEngine())
    response = client.get(CATALOGUE + "unduh/csv/", {"q": "ambulans"})
    assert response.status_code == 503
