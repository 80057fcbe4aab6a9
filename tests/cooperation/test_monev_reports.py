"""A monev report through its verification, acted through the services: who may, and what each step leaves."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from cooperation.models import AgreementStatus, MonevIndicator, MonevReport, VerificationStatus
from cooperation.selectors.monev import ObligationState, obligations_for, public_monev_summary
from cooperation.services import monev as monev_services

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db

# Semester I 2025 closed on 30 June; its report is due 30 July.
AFTER_SEMESTER = datetime.datetime(2025, 7, 10, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _after_the_first_semester():
    with time_machine.travel(AFTER_SEMESTER, tick=False):
        yield


@pytest.fixture
def agreement_in_force(health_agency):
    agreement = AgreementFactory(
        initiating_agency=health_agency,
        title="Kesepakatan Bersama Layanan Puskesmas Keliling",
        status=AgreementStatus.IN_FORCE,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    agreement.implementing_agencies.set([health_agency])
    return agreement


def make_report(
    agreement,
    agency,
    author,
    *,
    starts_on=datetime.date(2025, 1, 1),
    ends_on=datetime.date(2025, 6, 30),
    indicators=(("Warga terlayani", "1000", "800"),),
    **fields,
) -> MonevReport:
    """A saved draft, as the admin's create view leaves it: a row and one revision."""
    report = MonevReport(
        agreement=agreement,
        period_starts_on=starts_on,
        period_ends_on=ends_on,
        reporting_agency=agency,
        activities="Layanan puskesmas keliling di lima kelurahan.",
        budget_planned=Decimal("100000000"),
        budget_realised=Decimal("60000000"),
        created_by=author,
        live=False,
        **fields,
    )
    report.indicators = [
        MonevIndicator(name=name, target=Decimal(target), realisation=Decimal(realisation))
        for name, target, realisation in indicators
    ]
    report.save()
    # Not cleaned: the bad-input tests need rows the admin form would have refused.
    report.save_revision(user=author, clean=False)
    return report


@pytest.fixture
def draft(agreement_in_force, health_agency, users):
    return make_report(agreement_in_force, health_agency, users["health_staff"])


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """Submit and decide through the services, delivering the mail each step commits."""

    class Act:
        @staticmethod
        def submit(report, user, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                monev_services.submit_report(report=report, by=user, **kwargs)
            report.refresh_from_db()

        @staticmethod
        def decide(report, user, action, comment=""):
            with django_capture_on_commit_callbacks(execute=True):
                monev_services.act_on_report(report=report, by=user, action=action, comment=comment)
            report.refresh_from_db()

    return Act


def test_agency_staff_submit_their_report_and_it_counts_as_reported(draft, users, act):
    act.submit(draft, users["health_staff"])
    assert draft.verification_status == VerificationStatus.SUBMITTED
    assert draft.submitted_by == users["health_staff"]
    assert draft.submitted_at is not None
    obligation = next(o for o in obligations_for(user=users["health_staff"]) if o.report == draft)
    assert obligation.state == ObligationState.SUBMITTED


def test_the_whole_verification_round_trip_mails_the_reporter_and_publishes_the_report(draft, users, act):
    act.submit(draft, users["health_staff"])

    act.decide(draft, users["secretariat"], "reject", "Lampirkan berita acara kegiatan.")
    assert draft.verification_status == VerificationStatus.NEEDS_CHANGES
    assert draft.verification_note == "Lampirkan berita acara kegiatan."
    assert not draft.live
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [users["health_staff"].email]
    assert "perlu perbaikan" in mail.outbox[0].subject
    assert "Lampirkan berita acara kegiatan." in mail.outbox[0].body

    draft.obstacles = "Cuaca buruk pada bulan Februari."
    act.submit(draft, users["health_staff"])
    assert draft.verification_status == VerificationStatus.SUBMITTED

    act.decide(draft, users["secretariat"], "approve")
    assert draft.verification_status == VerificationStatus.VERIFIED
    assert draft.verified_by == users["secretariat"]
    assert draft.live
    # The publication of the revision did not roll back who submitted it.
    assert draft.submitted_by == users["health_staff"]
    assert draft.obstacles == "Cuaca buruk pada bulan Februari."
    assert len(mail.outbox) == 2
    assert "terverifikasi" in mail.outbox[1].subject
    assert MonevReport.objects.verified().get() == draft
    [summary] = public_monev_summary(agreement=draft.agreement)
    assert summary["realisation"] == Decimal("80.0")


def test_agency_staff_cannot_verify_their_own_report(draft, users, act):
    act.submit(draft, users["health_staff"])
    staff = users["health_staff"]
    assert not staff.has_perm("cooperation.publish_monevreport")
    assert not monev_services.can_verify(user=staff, report=draft)
    with pytest.raises(PermissionDenied):
        monev_services.act_on_report(report=draft, by=staff, action="approve")
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.SUBMITTED
    assert not draft.live


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor", "info_staff"])
def test_roles_outside_the_secretariat_cannot_verify_a_report(draft, users, act, role):
    act.submit(draft, users["health_staff"])
    assert not monev_services.can_verify(user=users[role], report=draft)
    with pytest.raises(PermissionDenied):
        monev_services.act_on_report(report=draft, by=users[role], action="approve")


def test_requesting_changes_without_a_note_is_refused(draft, users, act):
    act.submit(draft, users["health_staff"])
    with pytest.raises(ValidationError, match="perlu diperbaiki"):
        monev_services.act_on_report(report=draft, by=users["secretariat"], action="reject", comment=" ")


def test_a_report_already_waiting_cannot_be_submitted_twice(draft, users, act):
    act.submit(draft, users["health_staff"])
    with pytest.raises(ValidationError, match="menunggu verifikasi"):
        monev_services.submit_report(report=draft, by=users["health_staff"])


def test_a_report_cannot_be_submitted_for_an_agreement_not_in_force(draft, users):
    type(draft.agreement).objects.filter(pk=draft.agreement_id).update(status=AgreementStatus.SIGNED)
    draft.refresh_from_db()
    with pytest.raises(ValidationError, match="hanya dapat diajukan untuk naskah yang berlaku"):
        monev_services.submit_report(report=draft, by=users["health_staff"])
    assert MonevReport.objects.get().verification_status == VerificationStatus.DRAFT


def test_realisation_above_the_target_is_refused_at_submission(agreement_in_force, health_agency, users):
    report = make_report(
        agreement_in_force, health_agency, users["health_staff"], indicators=[("Warga terlayani", "100", "120")]
    )
    with pytest.raises(ValidationError, match="tidak boleh melebihi target"):
        monev_services.submit_report(report=report, by=users["health_staff"])
    assert not report.workflow_states.exists()


def test_negative_budget_is_refused_at_submission(agreement_in_force, health_agency, users):
    report = make_report(agreement_in_force, health_agency, users["health_staff"])
    report.regional_income = Decimal("-5")
    with pytest.raises(ValidationError, match="negatif"):
        monev_services.submit_report(report=report, by=users["health_staff"])


def test_a_period_outside_the_term_is_refused_at_submission(agreement_in_force, health_agency, users):
    report = make_report(
        agreement_in_force,
        health_agency,
        users["health_staff"],
        starts_on=datetime.date(2024, 7, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError, match="di luar jangka waktu"):
        monev_services.submit_report(report=report, by=users["health_staff"])


def test_a_report_without_indicators_is_refused_at_submission(agreement_in_force, health_agency, users):
    report = make_report(agreement_in_force, health_agency, users["health_staff"], indicators=())
    with pytest.raises(ValidationError, match="paling sedikit satu indikator"):
        monev_services.submit_report(report=report, by=users["health_staff"])


def test_another_agencys_staff_cannot_edit_or_submit_the_report(draft, users):
    with pytest.raises(PermissionDenied):
        monev_services.prepare_report_edit(report=draft, by=users["info_staff"])
    with pytest.raises(PermissionDenied):
        monev_services.submit_report(report=draft, by=users["info_staff"])


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor", "no_role"])
def test_reviewers_and_editors_cannot_edit_a_report(draft, users, role):
    with pytest.raises(PermissionDenied):
        monev_services.prepare_report_edit(report=draft, by=users[role])


def test_the_secretariat_may_correct_and_submit_any_agencys_report(draft, users, act):
    monev_services.prepare_report_edit(report=draft, by=users["secretariat"])
    act.submit(draft, users["secretariat"])
    assert draft.verification_status == VerificationStatus.SUBMITTED


def test_agency_staff_cannot_file_a_report_for_another_agencys_agreement(info_agency, users, health_agency):
    foreign = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.IN_FORCE)
    report = MonevReport(
        agreement=foreign,
        reporting_agency=info_agency,
        period_starts_on=datetime.date(2025, 1, 1),
        period_ends_on=datetime.date(2025, 6, 30),
    )
    with pytest.raises(PermissionDenied):
        monev_services.prepare_report_edit(report=report, by=users["info_staff"])


def test_editing_a_verified_report_keeps_the_verified_version_public_until_verified_again(draft, users, act):
    act.submit(draft, users["health_staff"])
    act.decide(draft, users["secretariat"], "approve")

    edited = draft.get_latest_revision_as_object()
    edited.activities = "Kegiatan diperluas ke tujuh kelurahan."
    edited.save_revision(user=users["health_staff"])
    draft.refresh_from_db()
    assert draft.activities == "Layanan puskesmas keliling di lima kelurahan."
    assert draft.has_unpublished_changes
    assert public_monev_summary(agreement=draft.agreement)[0]["report"].activities.startswith("Layanan")

    act.submit(draft, users["health_staff"], save_revision=False)
    # Still verified while the change waits: the public summary does not disappear.
    assert draft.verification_status == VerificationStatus.VERIFIED
    assert len(public_monev_summary(agreement=draft.agreement)) == 1

    act.decide(draft, users["secretariat"], "approve", "Perubahan sesuai.")
    assert draft.activities == "Kegiatan diperluas ke tujuh kelurahan."
    assert draft.verification_note == "Perubahan sesuai."


def test_cancelling_a_submission_makes_the_report_a_draft_again(draft, users, act):
    act.submit(draft, users["health_staff"])
    draft.current_workflow_state.cancel(user=users["health_staff"])
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.DRAFT
