"""The verified monev summary on an agreement's public page: only live, verified reports show."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import MonevIndicator, MonevReport, VerificationStatus
from cooperation.services.monev import act_on_report, submit_report

from ..factories import published_agreement

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))
SEMESTERS = [
    (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)),
    (datetime.date(2025, 7, 1), datetime.date(2025, 12, 31)),
    (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)),
    (datetime.date(2026, 7, 1), datetime.date(2026, 12, 31)),
]


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(datetime.datetime(2027, 2, 15, 10, tzinfo=WIB), tick=False):
        yield


@pytest.fixture
def agreement(health_agency):
    agreement = published_agreement(
        title="Kesepakatan Bersama Layanan Puskesmas Keliling",
        initiating_agency=health_agency,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    agreement.implementing_agencies.set([health_agency])
    agreement.save()
    return agreement


def make_report(agreement, agency, semester: int, *, benefits: str, indicators=None, **fields) -> MonevReport:
    starts_on, ends_on = SEMESTERS[semester]
    report = MonevReport(
        agreement=agreement,
        period_starts_on=starts_on,
        period_ends_on=ends_on,
        reporting_agency=agency,
        activities="Layanan puskesmas keliling di 12 kelurahan.",
        benefits=benefits,
        budget_planned=Decimal("200000000"),
        budget_realised=Decimal("150000000"),
        recommendation="extend",
        live=False,
        **fields,
    )
    report.indicators = [
        MonevIndicator(name=name, unit=unit, target=Decimal(target), realisation=Decimal(realised))
        for name, unit, target, realised in (indicators or [("Warga terlayani", "orang", 1200, 900)])
    ]
    report.save()
    report.save_revision(user=None)
    return report


def verified(report, users) -> MonevReport:
    submit_report(report=report, by=users["health_staff"])
    act_on_report(report=report, by=users["secretariat"], action="approve")
    report.refresh_from_db()
    assert report.live and report.verification_status == VerificationStatus.VERIFIED
    return report


def page(client, agreement, prefix: str = "") -> str:
    response = client.get(f"{prefix}/katalog/naskah/{agreement.pk}/")
    assert response.status_code == 200
    return response.text


def monev_section(text: str) -> str:
    match = re.search(r'<section class="monev".*?</section>', text, re.S)
    return match.group(0) if match else ""


def test_the_page_shows_each_verified_report_with_its_figures_and_indicators(
    client, site_pages, agreement, health_agency, users
):
    verified(
        make_report(
            agreement,
            health_agency,
            0,
            benefits="Angka kunjungan balita naik dua kali lipat.",
            indicators=[("Warga terlayani", "orang", 1200, 900), ("Kelurahan terjangkau", "kelurahan", 12, 12)],
        ),
        users,
    )

    section = monev_section(page(client, agreement))

    assert "Laporan Monev Semester I 2025" in section
    assert "Angka kunjungan balita naik dua kali lipat." in section
    assert "87,5%" in section  # (75 % + 100 %) / 2
    assert "75%" in section  # budget: 150 of 200 million
    assert "Diperpanjang" in section
    assert '<th scope="row">Warga terlayani</th>' in section
    assert "1.200 orang" in section and "900 orang" in section
    assert re.search(r"<caption[^>]*>Indikator Semester I 2025</caption>", section)
    assert section.count('<th scope="col">') == 4


def test_drafts_submitted_and_sent_back_reports_never_show(client, site_pages, agreement, health_agency, users):
    verified(make_report(agreement, health_agency, 0, benefits="Manfaat terverifikasi"), users)
    make_report(agreement, health_agency, 1, benefits="Manfaat draf")
    submitted = make_report(agreement, health_agency, 2, benefits="Manfaat menunggu verifikasi")
    submit_report(report=submitted, by=users["health_staff"])
    sent_back = make_report(agreement, health_agency, 3, benefits="Manfaat perlu perbaikan")
    submit_report(report=sent_back, by=users["health_staff"])
    act_on_report(report=sent_back, by=users["secretariat"], action="reject", comment="Lengkapi bukti foto.")

    section = monev_section(page(client, agreement))

    assert "Manfaat terverifikasi" in section
    for hidden in ("Manfaat draf", "Manfaat menunggu verifikasi", "Manfaat perlu perbaikan", "Lengkapi bukti"):
        assert hidden not in section
    assert section.count('class="monev-report"') == 1


def test_a_later_edit_of_a_verified_report_stays_hidden_until_it_is_verified(
    client, site_pages, agreement, health_agency, users
):
    report = verified(make_report(agreement, health_agency, 0, benefits="Versi terverifikasi"), users)
    edit = report.get_latest_revision_as_object()
    edit.benefits = "Versi perubahan belum diverifikasi"
    submit_report(report=edit, by=users["health_staff"])

    text = page(client, agreement)
    assert "Versi terverifikasi" in text and "Versi perubahan" not in text

    act_on_report(report=edit, by=users["secretariat"], action="approve")
    cache.clear()
    text = page(client, agreement)
    assert "Versi perubahan belum diverifikasi" in text and "Versi terverifikasi" not in text


def test_the_newest_period_comes_first_and_no_evidence_file_is_listed(
    client, site_pages, agreement, health_agency, users
):
    verified(make_report(agreement, health_agency, 0, benefits="Semester pertama"), users)
    verified(make_report(agreement, health_agency, 1, benefits="Semester kedua"), users)

    section = monev_section(page(client, agreement))

    assert section.index("Semester II 2025") < section.index("Semester I 2025")
    assert "Bukti" not in section and "/documents/" not in section


def test_without_a_verified_report_the_section_stays_away(client, site_pages, agreement, health_agency, users):
    submit_report(report=make_report(agreement, health_agency, 0, benefits="Belum"), by=users["health_staff"])
    assert monev_section(page(client, agreement)) == ""


def test_the_english_page_labels_the_summary_in_english(client, site_pages, agreement, health_agency, users):
    indicators = [("Warga terlayani", "orang", 1200, 900), ("Kelurahan terjangkau", "kelurahan", 12, 12)]
    verified(make_report(agreement, health_agency, 0, benefits="Manfaat", indicators=indicators), users)

    section = monev_section(page(client, agreement, "/en"))

    assert "Monitoring and evaluation summary (Monev)" in section
    assert "<dt>Period</dt>" in section and "<dt>Benefits</dt>" in section
    assert "87.5%" in section and "1,200 orang" in section  # English number format


def test_the_query_count_does_not_grow_with_the_reports_and_indicators(
    client, site_pages, agreement, health_agency, users
):
    verified(make_report(agreement, health_agency, 0, benefits="Satu"), users)
    client.get(f"/katalog/naskah/{agreement.pk}/")
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        page(client, agreement)
    many_indicators = [(f"Indikator {n}", "", 10, n) for n in range(1, 6)]
    for semester in (1, 2, 3):
        verified(make_report(agreement, health_agency, semester, benefits="Lagi", indicators=many_indicators), users)
    cache.clear()
    with CaptureQueriesContext(connection) as four:
        page(client, agreement)
    assert len(four) == len(one), [query["sql"] for query in four.captured_queries]
