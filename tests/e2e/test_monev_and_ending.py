"""The public monev summary and the "Akan Berakhir" list in a real browser: axe-clean, phone-wide, no JS needed."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import DESKTOP, Register

# serialized_rollback: each test gets back the groups, collections and workflow the migrations made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["id", "en"]
PAGE_AND_VIEWPORT_WIDTH = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture
def ending_register(register: Register) -> Register:
    """The register plus agreements ending in 10 and 100 days, and a verified monev report on the KSB."""
    from cooperation import roles
    from cooperation.models import MonevIndicator, MonevReport
    from cooperation.services.monev import act_on_report, submit_report
    from tests.factories import make_user, published_agreement

    today = timezone.localdate()
    for days, title in ((10, "Perjanjian Kerja Sama Parkir Elektronik"), (100, "Kesepakatan Bersama Bank Sampah")):
        agreement = published_agreement(
            title=title,
            starts_on=today - datetime.timedelta(days=700),
            ends_on=today + datetime.timedelta(days=days),
            initiating_agency=register.health_agency,
            partners=[register.university],
        )
        agreement.implementing_agencies.set([register.health_agency])
        agreement.save()

    framework = register.framework
    framework.implementing_agencies.set([register.health_agency])
    framework.save()
    staff = make_user("opd-e2e", role=roles.AGENCY_STAFF, agency=register.health_agency)
    secretariat = make_user("sekretariat-e2e", role=roles.SECRETARIAT)
    report = MonevReport(
        agreement=framework,
        period_starts_on=datetime.date(2024, 3, 4),
        period_ends_on=datetime.date(2024, 6, 30),
        reporting_agency=register.health_agency,
        activities="Pendidikan klinik mahasiswa di puskesmas.",
        benefits="Antrean puskesmas lebih pendek.",
        budget_planned=Decimal("100000000"),
        budget_realised=Decimal("80000000"),
        live=False,
    )
    report.indicators = [
        MonevIndicator(name="Mahasiswa praktik klinik", unit="orang", target=Decimal(60), realisation=Decimal(48))
    ]
    report.save()
    submit_report(report=report, by=staff)
    act_on_report(report=report, by=secretariat, action="approve")
    return register


def ending_soon(register: Register, language: str) -> str:
    return f"{register.catalogue(language)}akan-berakhir/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ending_soon_list_and_the_monev_summary_pass_the_accessibility_audit(
    live_server, page, audit, ending_register, language
):
    response = page.goto(live_server.url + ending_soon(ending_register, language))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("ol.ending-list > li")).to_have_count(2)
    assert audit(page) == []
    width, viewport = page.evaluate(PAGE_AND_VIEWPORT_WIDTH)
    assert width <= viewport

    page.goto(live_server.url + ending_register.agreement(ending_register.framework, language))
    expect(page.locator("section.monev table")).to_have_count(1)
    assert audit(page) == []
    width, viewport = page.evaluate(PAGE_AND_VIEWPORT_WIDTH)
    assert width <= viewport


def test_a_visitor_finds_the_ending_soon_list_from_the_catalogue_without_javascript(
    live_server, browser, ending_register
):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + ending_register.catalogue())
        page.get_by_role("link", name="Akan Berakhir: naskah yang berakhir dalam 6 bulan").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Naskah kerja sama yang akan berakhir")
        links = page.locator("ol.ending-list a.agreement-link")
        expect(links).to_have_text(["Perjanjian Kerja Sama Parkir Elektronik", "Kesepakatan Bersama Bank Sampah"])
        links.first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Perjanjian Kerja Sama Parkir Elektronik")
    finally:
        context.close()
