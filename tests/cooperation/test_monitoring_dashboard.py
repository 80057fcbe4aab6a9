"""The secretariat's "Dasbor Monitoring": status, monev compliance, ending soon, days per review stage."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine

from cooperation.models import AgreementStatus, MonevIndicator, MonevReport, Partner, VerificationStatus
from cooperation.selectors.monitoring import review_stage_durations

from ..factories import AgreementFactory, CooperationKindFactory

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/admin/monitoring/"


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def text_of(response) -> str:
    """The page's text without tags, whitespace folded: what a reader (or screen reader) gets."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def open_dashboard(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


@pytest.fixture
def half_reported(health_agency):
    """Dinas Kesehatan owes Semester I and II 2025 by 15 March 2026 and has handed in one of them."""
    agreement = AgreementFactory(
        kind=CooperationKindFactory(monev_interval_months=6),
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 12, 31),
    )
    report = MonevReport.objects.create(
        agreement=agreement,
        period_starts_on=D(2025, 1, 1),
        period_ends_on=D(2025, 6, 30),
        reporting_agency=health_agency,
        activities="Layanan puskesmas keliling.",
        verification_status=VerificationStatus.SUBMITTED,
        submitted_at=at(2025, 7, 10, 9),
    )
    MonevIndicator.objects.create(report=report, name="Warga terlayani", target=100, realisation=80)
    return agreement


def test_the_dashboard_shows_an_agencys_compliance_as_a_percentage(client, users, half_reported):
    with time_machine.travel(at(2026, 3, 15, 3), tick=False):
        response = open_dashboard(client, users["secretariat"])

    assert response.status_code == 200
    text = text_of(response)
    assert "Kepatuhan pelaporan monev per OPD" in text
    assert "Dinkes 2 1 1 0 50,0 %" in text, "agency, due, in, overdue, due soon, compliance"


def test_the_dashboard_counts_agreements_by_status(client, users, half_reported, info_agency):
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.SIGNED)
    with time_machine.travel(at(2026, 3, 15, 3), tick=False):
        text = text_of(open_dashboard(client, users["secretariat"]))

    assert "Naskah kerja sama menurut status" in text
    assert "Berlaku 1" in text
    assert "Ditandatangani 1" in text
    assert "Total 2" in text


def test_the_dashboard_lists_agreements_ending_within_six_months_with_days_left(client, users, info_agency):
    AgreementFactory(
        title="PKS Wifi Taman Kota",
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2024, 1, 1),
        ends_on=D(2026, 4, 14),
    )
    AgreementFactory(
        title="KSB Jauh Dari Berakhir",
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2024, 1, 1),
        ends_on=D(2029, 1, 1),
    )
    with time_machine.travel(at(2026, 3, 15, 3), tick=False):
        text = text_of(open_dashboard(client, users["secretariat"]))

    assert "PKS Wifi Taman Kota Diskominfo 14 Apr 2026 30 hari" in text
    assert "KSB Jauh Dari Berakhir" not in text


@pytest.fixture
def reviewed(make_proposal, review, users):
    """Two proposals whose stages took known times: verification 2 and 4 days, legal review 3 days."""
    first = make_proposal()
    Partner.objects.filter(name="Universitas Brawijaya").update(name="Universitas Negeri Malang")
    second = make_proposal(title="Kesepakatan Bersama Bank Sampah")
    first.document_type.days_verification = 5
    first.document_type.save()
    with time_machine.travel(at(2026, 2, 2, 2), tick=False):
        review.submit(first, users["health_staff"])
        review.submit(second, users["health_staff"])
    with time_machine.travel(at(2026, 2, 4, 2), tick=False):
        review.act(first, users["secretariat"], "approve")
    with time_machine.travel(at(2026, 2, 6, 2), tick=False):
        review.act(second, users["secretariat"], "approve")
    with time_machine.travel(at(2026, 2, 7, 2), tick=False):
        review.act(first, users["legal"], "approve")
    return first, second


def test_average_days_per_stage_come_from_finished_stages_with_the_service_standard(users, reviewed):
    rows = {row.stage: row for row in review_stage_durations(user=users["secretariat"])}

    verification = rows["verification"]
    assert (verification.count, verification.average_days, verification.median_days) == (
        2,
        Decimal("3.0"),
        Decimal("3.0"),
    )
    assert verification.standard_days == Decimal("5.0")
    assert verification.over_standard == 0
    legal = rows["legal_review"]
    assert (legal.count, legal.average_days, legal.standard_days) == (1, Decimal("3.0"), Decimal("7.0"))
    assert rows["deliberation"].count == 0, "a stage still in progress is not finished"
    assert rows["deliberation"].average_days is None


def test_the_dashboard_shows_the_stage_averages_and_filters_them_by_year(client, users, reviewed):
    with time_machine.travel(at(2026, 3, 15, 3), tick=False):
        text = text_of(open_dashboard(client, users["secretariat"]))
        other_year = text_of(open_dashboard(client, users["secretariat"], year="2025"))

    assert "Rata-rata hari per tahap peninjauan" in text
    assert "Verifikasi Berkas 2 3,0 3,0 5,0 0" in text
    assert "Telaah Hukum 1 3,0 3,0 7,0 0" in text
    assert "Verifikasi Berkas 0 — — — 0" in other_year


def test_a_stage_finished_after_its_due_date_counts_as_over_the_standard(make_proposal, review, users):
    proposal = make_proposal()
    with time_machine.travel(at(2026, 2, 2, 2), tick=False):
        review.submit(proposal, users["health_staff"])
    with time_machine.travel(at(2026, 2, 20, 2), tick=False):
        review.act(proposal, users["secretariat"], "reject", comment="Lengkapi KAK")

    row = review_stage_durations(user=users["secretariat"])[0]

    assert (row.count, row.average_days, row.over_standard) == (1, Decimal("18.0"), 1)
    assert row.within_standard is False


def test_a_bad_year_is_refused_with_a_message_not_an_error_page(client, users):
    response = open_dashboard(client, users["secretariat"], year="dua ribu")

    assert response.status_code == 400
    assert "Tahun harus berupa angka" in response.content.decode()


@pytest.mark.parametrize("role", ["secretariat", "administrator", "leadership", "legal", "tkksd", "editor"])
def test_region_wide_roles_open_the_dashboard_and_see_it_in_the_menu(client, users, role):
    response = open_dashboard(client, users[role])

    assert response.status_code == 200
    breadcrumbs = re.search(r'aria-label="Breadcrumb"(.*?)</nav>', response.content.decode(), re.S).group(1)
    assert "Dasbor Monitoring" in breadcrumbs, "the header names the page, not only Beranda"
    home = client.get("/admin/").content.decode()
    assert 'href="/admin/monitoring/"' in home
    assert "Monitoring dan pelaporan" in home, "the home page panel links the dashboard and the reports"


@pytest.mark.parametrize("role", ["health_staff", "info_staff"])
def test_agency_staff_cannot_open_the_region_wide_dashboard(client, users, role):
    response = open_dashboard(client, users[role])

    # The admin turns a refusal into a return to its home page with "no permission".
    assert (response.status_code, response.url) == (302, "/admin/")
    home = client.get("/admin/").content.decode()
    assert "Dasbor Monitoring" not in home
    assert 'href="/admin/monitoring/"' not in home


def test_an_account_without_a_role_cannot_open_the_dashboard(client, users):
    response = open_dashboard(client, users["no_role"])

    assert response.status_code in (302, 403)


def _fill_register(count: int, agency) -> None:
    kind = CooperationKindFactory(monev_interval_months=6)
    for number in range(count):
        agreement = AgreementFactory(
            kind=kind,
            initiating_agency=agency,
            status=AgreementStatus.IN_FORCE,
            starts_on=D(2025, 1, 1),
            ends_on=D(2026, 5, 1) if number % 2 else D(2027, 12, 31),
        )
        agreement.implementing_agencies.add(agency)
        report = MonevReport.objects.create(
            agreement=agreement,
            period_starts_on=D(2025, 1, 1),
            period_ends_on=D(2025, 6, 30),
            reporting_agency=agency,
            activities="Kegiatan.",
            verification_status=VerificationStatus.SUBMITTED,
            submitted_at=at(2025, 7, 1, 9),
        )
        MonevIndicator.objects.create(report=report, name="Indikator", target=10, realisation=5)


def test_the_dashboard_query_count_does_not_grow_with_the_register(
    client, users, health_agency, info_agency, reviewed, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["secretariat"])
    _fill_register(5, health_agency)
    with time_machine.travel(at(2026, 3, 15, 3), tick=False):
        client.get(URL)  # warm the session, content types and site caches
        with CaptureQueriesContext(connection) as five:
            assert client.get(URL).status_code == 200
    _fill_register(20, info_agency)

    with time_machine.travel(at(2026, 3, 15, 3), tick=False), django_assert_max_num_queries(len(five)):
        response = client.get(URL)
    assert response.status_code == 200
    assert text_of(response).count(" hari ") >= 10, "the 25 agreements are really on the page"
