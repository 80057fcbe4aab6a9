"""The monev schedule and what each agency owes: computed from the term and the kind's cadence."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cooperation import roles
from cooperation.models import (
    Agreement,
    AgreementStatus,
    MonevIndicator,
    MonevReport,
    VerificationStatus,
    agreement_monev_periods,
    monev_periods,
)
from cooperation.selectors.monev import (
    ObligationState,
    compliance_by_agency,
    monev_obligations,
    monev_reports_changeable_by,
    monev_reports_visible_to,
    obligations_for,
    reportable_agreements_for,
)

from ..factories import AgreementFactory, CooperationKindFactory

D = datetime.date


def test_a_twice_yearly_cadence_follows_the_calendar_semesters_cut_to_the_term():
    periods = monev_periods(starts_on=D(2025, 3, 15), ends_on=D(2027, 3, 14), interval_months=6, due_days=30)

    assert [p.label for p in periods] == [
        "Semester I 2025",
        "Semester II 2025",
        "Semester I 2026",
        "Semester II 2026",
        "Semester I 2027",
    ]
    assert (periods[0].starts_on, periods[0].ends_on) == (D(2025, 3, 15), D(2025, 6, 30))
    assert (periods[-1].starts_on, periods[-1].ends_on) == (D(2027, 1, 1), D(2027, 3, 14))
    assert periods[1].due_on == D(2026, 1, 30)


def test_quarterly_and_yearly_cadences_name_their_periods():
    quarters = monev_periods(starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31), interval_months=3, due_days=0)
    years = monev_periods(starts_on=D(2026, 1, 1), ends_on=D(2027, 12, 31), interval_months=12, due_days=0)

    assert [p.label for p in quarters] == [
        "Triwulan I 2026",
        "Triwulan II 2026",
        "Triwulan III 2026",
        "Triwulan IV 2026",
    ]
    assert [p.label for p in years] == ["Tahun 2026", "Tahun 2027"]


def test_a_cadence_that_does_not_divide_the_year_counts_from_the_start_date():
    periods = monev_periods(starts_on=D(2025, 3, 15), ends_on=D(2026, 3, 14), interval_months=5, due_days=30)

    assert [(p.starts_on, p.ends_on) for p in periods] == [
        (D(2025, 3, 15), D(2025, 8, 14)),
        (D(2025, 8, 15), D(2026, 1, 14)),
        (D(2026, 1, 15), D(2026, 3, 14)),
    ]


def test_an_agreement_without_dates_has_no_schedule():
    assert monev_periods(starts_on=None, ends_on=D(2026, 1, 1), interval_months=6) == []
    assert monev_periods(starts_on=D(2026, 1, 1), ends_on=D(2025, 1, 1), interval_months=6) == []


@pytest.mark.django_db
def test_an_agreement_ended_early_owes_no_report_after_its_termination():
    agreement = AgreementFactory(
        status=AgreementStatus.TERMINATED,
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 12, 31),
        terminated_on=D(2025, 9, 30),
    )

    assert [p.label for p in agreement_monev_periods(agreement)] == ["Semester I 2025", "Semester II 2025"]
    assert agreement_monev_periods(agreement)[-1].ends_on == D(2025, 9, 30)


def _report(agreement, period, *, status=VerificationStatus.SUBMITTED, submitted_on=None, agency=None):
    report = MonevReport.objects.create(
        agreement=agreement,
        period_starts_on=period.starts_on,
        period_ends_on=period.ends_on,
        reporting_agency=agency or agreement.initiating_agency,
        activities="Pelaksanaan kegiatan.",
        verification_status=status,
        submitted_at=(
            datetime.datetime.combine(submitted_on, datetime.time(9), tzinfo=datetime.UTC) if submitted_on else None
        ),
        live=status == VerificationStatus.VERIFIED,
    )
    MonevIndicator.objects.create(report=report, name="Peserta pelatihan", target=100, realisation=80)
    return report


@pytest.mark.django_db
def test_an_obligation_moves_from_running_to_due_soon_to_overdue_until_a_report_is_in(health_agency):
    kind = CooperationKindFactory(monev_interval_months=6)
    agreement = AgreementFactory(
        kind=kind,
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2026, 1, 1),
        ends_on=D(2026, 12, 31),
    )
    agreements = Agreement.objects.filter(pk=agreement.pk)

    def first_state(today):
        rows = monev_obligations(agreements=agreements, today=today, include_upcoming=True)
        return rows[0].state if rows else None

    assert first_state(D(2026, 3, 1)) == ObligationState.UPCOMING
    assert monev_obligations(agreements=agreements, today=D(2026, 3, 1)) == []
    assert first_state(D(2026, 7, 5)) == ObligationState.OPEN
    assert first_state(D(2026, 7, 20)) == ObligationState.DUE_SOON  # due 30 July, within 14 days
    assert first_state(D(2026, 7, 31)) == ObligationState.OVERDUE

    first_period = agreement_monev_periods(agreement)[0]
    _report(agreement, first_period, status=VerificationStatus.DRAFT)
    assert first_state(D(2026, 7, 31)) == ObligationState.OVERDUE, "a draft does not fulfil the obligation"

    MonevReport.objects.update(verification_status=VerificationStatus.SUBMITTED)
    assert first_state(D(2026, 7, 31)) == ObligationState.SUBMITTED


@pytest.mark.django_db
def test_compliance_is_the_share_of_due_reports_that_are_in(health_agency, info_agency):
    kind = CooperationKindFactory(monev_interval_months=6)
    term = {"starts_on": D(2025, 1, 1), "ends_on": D(2027, 12, 31), "status": AgreementStatus.IN_FORCE, "kind": kind}
    reporting = AgreementFactory(initiating_agency=health_agency, **term)
    AgreementFactory(initiating_agency=info_agency, **term)  # reports nothing
    periods = agreement_monev_periods(reporting)
    _report(reporting, periods[0], submitted_on=D(2025, 7, 10))  # on time
    _report(reporting, periods[1], submitted_on=D(2026, 3, 1))  # late: due 30 January

    from tests.factories import make_user

    secretariat = make_user("sekretariat-monev", role=roles.SECRETARIAT)
    rows = {row.agency.code: row for row in compliance_by_agency(user=secretariat, today=D(2026, 3, 15))}

    # By 15 March 2026 two periods (Semester I and II 2025) are due for each agreement.
    assert (rows[health_agency.code].due, rows[health_agency.code].reported) == (2, 2)
    assert rows[health_agency.code].reported_late == 1
    assert rows[health_agency.code].percent == Decimal("100.0")
    assert (rows[info_agency.code].due, rows[info_agency.code].overdue) == (2, 2)
    assert rows[info_agency.code].percent == Decimal("0.0")


@pytest.mark.django_db
def test_agency_staff_see_and_owe_only_their_own_agencys_reports(users, health_agency, info_agency):
    term = {"starts_on": D(2025, 1, 1), "ends_on": D(2027, 12, 31), "status": AgreementStatus.IN_FORCE}
    ours = AgreementFactory(initiating_agency=health_agency, **term)
    theirs = AgreementFactory(initiating_agency=info_agency, **term)
    our_report = _report(ours, agreement_monev_periods(ours)[0])
    their_report = _report(theirs, agreement_monev_periods(theirs)[0])
    staff = users["health_staff"]

    assert set(monev_reports_visible_to(user=staff)) == {our_report}
    assert set(monev_reports_changeable_by(user=staff)) == {our_report}
    assert {o.agreement for o in obligations_for(user=staff, today=D(2026, 3, 1))} == {ours}
    assert set(reportable_agreements_for(user=staff)) == {ours}
    assert set(monev_reports_visible_to(user=users["secretariat"])) == {our_report, their_report}
    assert set(monev_reports_changeable_by(user=users["secretariat"])) == {our_report, their_report}


@pytest.mark.django_db
def test_reviewers_and_editors_read_reports_but_change_none(users, health_agency):
    agreement = AgreementFactory(
        initiating_agency=health_agency, status=AgreementStatus.IN_FORCE, starts_on=D(2025, 1, 1)
    )
    report = _report(agreement, agreement_monev_periods(agreement)[0])

    for role in ("legal", "tkksd", "leadership", "editor"):
        assert set(monev_reports_visible_to(user=users[role])) == {report}, role
        assert not monev_reports_changeable_by(user=users[role]).exists(), role
        assert not reportable_agreements_for(user=users[role]).exists(), role
    assert not monev_reports_visible_to(user=users["no_role"]).exists()


@pytest.mark.django_db
def test_a_report_is_refused_for_an_agreement_not_in_force_or_a_period_outside_its_term(health_agency):
    draft = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.SIGNED)
    in_force = AgreementFactory(
        initiating_agency=health_agency, status=AgreementStatus.IN_FORCE, starts_on=D(2025, 1, 1)
    )

    def report_for(agreement, start, end):
        return MonevReport(
            agreement=agreement,
            period_starts_on=start,
            period_ends_on=end,
            reporting_agency=health_agency,
            activities="Kegiatan.",
        )

    with pytest.raises(ValidationError, match="hanya dapat dibuat untuk naskah yang berlaku"):
        report_for(draft, D(2025, 1, 1), D(2025, 6, 30)).full_clean()
    with pytest.raises(ValidationError, match="di luar jangka waktu naskah"):
        report_for(in_force, D(2024, 7, 1), D(2024, 12, 31)).full_clean()
    with pytest.raises(ValidationError, match="sesuai jadwal monev"):
        report_for(in_force, D(2025, 2, 1), D(2025, 6, 30)).full_clean()
    report_for(in_force, D(2025, 1, 1), D(2025, 6, 30)).full_clean()


@pytest.mark.django_db
def test_an_indicator_refuses_a_realisation_above_its_target_and_negative_numbers():
    with pytest.raises(ValidationError, match="tidak boleh melebihi target"):
        MonevIndicator(name="Peserta", target=Decimal(10), realisation=Decimal(12)).clean()
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        MonevIndicator(name="Peserta", target=Decimal(10), realisation=Decimal(-1)).clean()
    assert MonevIndicator(name="Peserta", target=Decimal(8), realisation=Decimal(6)).percent == Decimal("75.0")


@pytest.mark.django_db
def test_a_report_refuses_negative_money_and_spending_above_the_budget(health_agency):
    agreement = AgreementFactory(
        initiating_agency=health_agency, status=AgreementStatus.IN_FORCE, starts_on=D(2025, 1, 1)
    )
    report = MonevReport(
        agreement=agreement,
        period_starts_on=D(2025, 1, 1),
        period_ends_on=D(2025, 6, 30),
        reporting_agency=health_agency,
        activities="Kegiatan.",
        budget_planned=Decimal(100),
        budget_realised=Decimal(150),
        regional_income=Decimal(-5),
    )
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert "budget_realised" in refused.value.message_dict
    assert "regional_income" in refused.value.message_dict
