"""Headless Debian Chromium driven by Playwright, and axe-core for the accessibility audit.

A machine without Chromium or axe-core skips these tests with the reason; in CI (CI=true) that
is a failure, so nothing is silently skipped there.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Django's async-unsafe guard trips over Playwright's event loop in the same process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        missing(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(params=["desktop", "phone"])
def page(request, browser):
    viewport = DESKTOP if request.param == "desktop" else PHONE
    context = browser.new_context(viewport=viewport, is_mobile=request.param == "phone", java_script_enabled=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def audit():
    """Run axe-core in the page and return the WCAG 2.1 A/AA violations it finds."""
    if not AXE.exists():
        missing(f"axe-core not found at {AXE}; run `npm ci`")
    script = AXE.read_text()

    def run(page) -> list[dict]:
        page.add_script_tag(content=script)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            {"id": violation["id"], "help": violation["help"], "nodes": [n["target"] for n in violation["nodes"]]}
            for violation in result["violations"]
        ]

    return run


@pytest.fixture(autouse=True)
def _root_collection(transactional_db):
    """A transactional test may start on a flushed database: Wagtail needs its root collection."""
    from wagtail.models import Collection

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
