"""The public catalogue in a real browser, on a desktop and on a phone.

A visitor walks from the home page to a public document; every public page passes axe-core's
WCAG 2.1 A/AA audit in Indonesian and English and fits a phone's width; the language switch
keeps the reader on the same agreement.
"""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, Register

# serialized_rollback: each test gets back the groups, collections and workflow the migrations made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["id", "en"]

# The pages the audit covers: a name for the test id and the path in a language.
PUBLIC_PAGES: dict[str, Callable[[Register, str], str]] = {
    "home": lambda r, lang: f"{r.prefix(lang)}/",
    "catalogue-filtered": lambda r, lang: f"{r.catalogue(lang)}?urusan={r.health.pk}&lingkup=dalam-negeri",
    "agreement": lambda r, lang: r.agreement(r.framework, lang),
    "foreign-agreement": lambda r, lang: r.agreement(r.foreign, lang),
    "document-viewer": lambda r, lang: r.document(r.public_document, lang),
    "partner": lambda r, lang: r.partner(r.foreign_partner, lang),
    "agency": lambda r, lang: r.agency(r.health_agency, lang),
    "statistics": lambda r, lang: f"{r.prefix(lang)}/statistik/",
    "procedures": lambda r, lang: f"{r.prefix(lang)}/prosedur/",
    "questions": lambda r, lang: f"{r.prefix(lang)}/tanya-jawab/",
    "open-data": lambda r, lang: f"{r.catalogue(lang)}data-terbuka/",
    "publication-policy": lambda r, lang: f"{r.catalogue(lang)}data-terbuka/kebijakan-publikasi/",
}


def open_facets(page: Page) -> None:
    """On a phone the facets are folded under a <details>; on a wide screen CSS shows them already."""
    summary = page.locator("details.catalogue-facets > summary")
    if summary.is_visible():
        summary.click()


def walk_to_a_public_download(page: Page, base: str, register: Register) -> None:
    """Home → catalogue → the health sector facet → the KSB → the download of its signed text."""
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_count(1)
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Katalog Kerja Sama").click()
    expect(page).to_have_url(base + register.catalogue())
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog Kerja Sama")

    results = page.locator("ol.results > li")
    expect(results).to_have_count(5)
    expect(page.get_by_text(register.unpublished.title)).to_have_count(0)
    expect(page.get_by_role("link", name=register.foreign.title)).to_be_visible()

    open_facets(page)
    page.get_by_role("group", name="Urusan").get_by_label(re.compile(r"^Kesehatan")).check()
    page.locator("details.catalogue-facets").get_by_role("button", name="Terapkan").click()
    expect(page).to_have_url(re.compile(rf"[?&]urusan={register.health.pk}(&|$)"))
    expect(results).to_have_count(3)
    expect(page.get_by_role("link", name=register.foreign.title)).to_have_count(0)
    expect(page.get_by_role("link", name=register.education.title)).to_have_count(0)

    page.get_by_role("link", name=register.framework.title, exact=True).click()
    expect(page).to_have_url(base + register.agreement(register.framework))
    expect(page.get_by_role("heading", level=1)).to_have_text(register.framework.title)
    expect(page.get_by_text(register.restricted_document.title)).to_have_count(0)
    expect(page.locator(f'a[href*="/dokumen/{register.restricted_document.pk}/"]')).to_have_count(0)
    expect(page.get_by_text("1 dokumen dikecualikan")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Unduh {register.public_document.title} (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes() == register.pdf


def test_a_visitor_walks_from_home_through_a_filter_to_an_agreement_and_downloads_its_public_document(
    live_server, page, register
):
    walk_to_a_public_download(page, live_server.url, register)


def test_the_same_walk_works_with_javascript_switched_off(live_server, browser, register):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        walk_to_a_public_download(context.new_page(), live_server.url, register)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_public_page_passes_the_accessibility_audit_in_both_languages(
    live_server, page, audit, register, name, language
):
    response = page.goto(live_server.url + PUBLIC_PAGES[name](register, language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    if name == "catalogue-filtered":
        open_facets(page)  # audit the facet checkboxes too, not only what a folded phone page shows
    assert audit(page) == []


# The layout viewport's width, not `window.innerWidth`: a mobile browser zooms out to fit content
# that is too wide, and innerWidth then grows with it, so it would hide the very overflow we look for.
PAGE_AND_VIEWPORT_WIDTH = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_scrolls_sideways(live_server, page, register, language):
    too_wide = {}
    for name, path in PUBLIC_PAGES.items():
        page.goto(live_server.url + path(register, language))
        if name == "catalogue-filtered":
            open_facets(page)
        page_width, viewport_width = page.evaluate(PAGE_AND_VIEWPORT_WIDTH)
        if page_width > viewport_width:
            too_wide[name] = (page_width, viewport_width)
    assert too_wide == {}


def test_the_language_switch_leads_to_the_english_page_of_the_same_agreement(live_server, page, register):
    page.goto(live_server.url + register.agreement(register.foreign))
    expect(page.get_by_role("heading", level=1)).to_have_text(register.foreign.title)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server.url + register.agreement(register.foreign, "en"))
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text(register.foreign.title_en)
    expect(page.get_by_text(register.foreign.publication.summary_en)).to_be_visible()
    expect(page.get_by_role("link", name="City of Kobe")).to_be_visible()
