"""Public search in a real browser: search, a snippet, the page of the document it leads to.

A visitor searches for a word that appears only inside a document, sees the snippet with the
word marked, follows it to the document viewer at that page with the word highlighted, and both
pages pass axe-core's WCAG 2.1 A/AA audit. The suggestions under the search box work with the
keyboard, and without JavaScript the form simply submits.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, Register

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD = "ambulans"


@pytest.fixture
def searchable(register: Register) -> Register:
    """Page text for the public PDF and its restricted annex, indexed as the outbox task would."""
    from cooperation.models import DocumentPage

    from ..factories import index_for_search

    # Text extraction may already have read the PDFs (transactional tests run on-commit tasks): set the text.
    for document, number, text in [
        (register.public_document, 1, "Kesepakatan Bersama."),
        (register.public_document, 2, "Pasal 3\nPihak Kedua menyediakan ambulans desa untuk rujukan ibu hamil."),
        (register.restricted_document, 1, "Harga ambulans rahasia."),
    ]:
        DocumentPage.objects.update_or_create(document=document, number=number, defaults={"text": text})
    index_for_search()
    return register


def search_from_the_catalogue(page: Page, base: str, register: Register) -> None:
    page.goto(base + register.catalogue())
    page.get_by_label("Kata kunci").fill(WORD)
    page.get_by_label("Kata kunci").press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]q={WORD}(&|$)"))
    expect(page.locator("ol.results > li")).to_have_count(1)
    expect(page.get_by_role("link", name=register.framework.title, exact=True)).to_be_visible()
    expect(page.get_by_text("Lampiran harga")).to_have_count(0)


def test_a_visitor_searches_follows_a_snippet_to_the_highlighted_page_and_both_pages_pass_the_audit(
    live_server, page, audit, searchable
):
    register = searchable
    base = live_server.url
    search_from_the_catalogue(page, base, register)
    snippet = page.locator(".result-snippets li").first
    expect(snippet.locator("mark")).to_have_text(WORD)
    assert audit(page) == []

    link_name = f"Halaman 2 — {register.public_document.title}"
    snippet.get_by_role("link", name=link_name).click()
    expect(page).to_have_url(re.compile(rf"/dokumen/{register.public_document.pk}/\?halaman=2&sorot={WORD}#page=2$"))
    expect(page.get_by_role("heading", level=2, name="Teks halaman 2 dari 2")).to_be_visible()
    expect(page.locator(".page-text-body mark")).to_have_text(WORD)
    expect(page.get_by_role("link", name=re.compile("Halaman sebelumnya"))).to_be_visible()
    assert audit(page) == []


def test_search_inside_the_document_lists_pages_and_passes_the_audit(live_server, page, audit, searchable):
    register = searchable
    page.goto(live_server.url + register.document(register.public_document))
    page.get_by_label("Kata atau frasa").fill(WORD)
    page.get_by_role("button", name="Cari", exact=True).click()
    hits = page.locator("ol.page-hits > li")
    expect(hits).to_have_count(1)
    expect(hits.first.locator("mark")).to_have_text(WORD)
    assert audit(page) == []
    hits.first.get_by_role("link", name="Halaman 2").click()
    expect(page.locator(".page-text-body mark")).to_have_text(WORD)


@pytest.mark.parametrize("language", ["id", "en"])
def test_search_results_and_the_viewer_page_pass_the_audit_in_both_languages(
    live_server, page, audit, searchable, language
):
    register = searchable
    response = page.goto(f"{live_server.url}{register.catalogue(language)}?q={WORD}")
    assert response.status == 200
    assert audit(page) == []
    viewer = register.document(register.public_document, language)
    response = page.goto(f"{live_server.url}{viewer}?halaman=2&sorot={WORD}&cari={WORD}")
    assert response.status == 200
    assert audit(page) == []


def test_suggestions_appear_under_the_search_box_and_work_with_the_keyboard(live_server, page, audit, searchable):
    register = searchable
    page.goto(live_server.url + register.catalogue())
    box = page.get_by_role("combobox", name="Kata kunci")
    box.press_sequentially("Telemed", delay=30)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Telemedisin")
    assert audit(page) == []
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/katalog/naskah/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Telemedisin")


def test_without_javascript_the_search_box_just_submits(live_server, browser, searchable):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        search_from_the_catalogue(page, live_server.url, searchable)
        expect(page.get_by_role("listbox")).to_have_count(0)
    finally:
        context.close()
