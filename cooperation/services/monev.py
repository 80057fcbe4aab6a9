"""Monev reports through their verification: editing rights, submission, and the secretariat's decision.

The workflow itself is Wagtail's ("Verifikasi Laporan Monev", one group-approval task for the
secretariat). What a step means for the report (its verification status, who and when, the mail
to the reporter) is decided here; thin signal handlers in cooperation/signal_handlers.py call in.

A report's live version is its verified version. Editing a verified report makes a draft revision;
the public keeps reading the live one until the secretariat verifies the change.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from .. import roles
from ..models import REPORTABLE_STATES, MonevReport, NotificationKind, VerificationStatus
from ..selectors.agreements import agencies_selectable_by
from ..selectors.monev import keeps_monev, monev_reports_changeable_by, reportable_agreements_for
from . import notifications


class ReportAlreadyDecided(ValidationError):
    """Someone else verified or sent back this report first."""


# -- editing ---------------------------------------------------------------------------------------


def may_write_reports(user: roles.User) -> bool:
    """Agency staff write their agency's reports; the secretariat and administrators any report."""
    return bool(user.is_authenticated and (keeps_monev(user) or roles.AGENCY_STAFF in roles.role_names(user)))


def ensure_can_edit_report(*, user: roles.User, report: MonevReport) -> None:
    """Refuse anyone outside the report's scope, and an agreement or agency the user may not report for."""
    if not may_write_reports(user):
        raise PermissionDenied(_("Anda tidak berwenang menulis laporan monev."))
    if report.pk is not None and not monev_reports_changeable_by(user=user).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang mengubah laporan monev ini."))
    if (
        report.pk is None
        and report.agreement_id
        and not reportable_agreements_for(user=user).filter(pk=report.agreement_id).exists()
    ):
        raise PermissionDenied(_("Anda tidak dapat membuat laporan monev untuk naskah ini."))
    selectable = agencies_selectable_by(user=user)
    if report.reporting_agency_id and not selectable.filter(pk=report.reporting_agency_id).exists():
        # The stored agency stays valid when the secretariat edits an agency's report.
        stored = MonevReport.objects.filter(pk=report.pk).values_list("reporting_agency_id", flat=True).first()
        if stored != report.reporting_agency_id:
            raise PermissionDenied(_("Anda hanya dapat melapor atas nama OPD Anda sendiri."))


def prepare_report_edit(*, report: MonevReport, by: roles.User) -> None:
    """Before the edit form saves: check the user may, and take the service-owned fields from the
    row, since the form edits the latest revision and must not roll them back."""
    ensure_can_edit_report(user=by, report=report)
    if report.pk is None:
        return
    current = MonevReport.objects.get(pk=report.pk)
    for field in MonevReport.SERVICE_FIELDS:
        setattr(report, field, getattr(current, field))


def record_report_author(*, report: MonevReport, by: roles.User) -> None:
    """The person who first saved a report is its author."""
    MonevReport.objects.filter(pk=report.pk, created_by=None).update(created_by=by)


def _set_fields(report: MonevReport, **fields) -> None:
    """Write service fields straight to the row: a published revision must never roll them back."""
    MonevReport.objects.filter(pk=report.pk).update(**fields)
    for name, value in fields.items():
        setattr(report, name, value)


# -- submission ----------------------------------------------------------------------------------


def validate_for_submission(report: MonevReport) -> None:
    """Everything the model checks, for the report and each indicator, as one list of messages."""
    messages: list[str] = []
    if report.agreement_id and report.agreement.status not in REPORTABLE_STATES:
        raise ValidationError(
            _("Laporan monev hanya dapat diajukan untuk naskah yang berlaku; status naskah ini %(status)s.")
            % {"status": report.agreement.get_status_display()}
        )
    try:
        report.full_clean(exclude=list(MonevReport.SERVICE_FIELDS))
    except ValidationError as error:
        messages += error.messages
    indicators = list(report.indicators.all())
    if not indicators:
        messages.append(_("Isi paling sedikit satu indikator dengan target dan realisasinya."))
    for indicator in indicators:
        try:
            indicator.full_clean(exclude=["report"])
        except ValidationError as error:
            messages += [f"{indicator.name}: {message}" for message in error.messages]
    if messages:
        raise ValidationError(messages)


def submit_report(*, report: MonevReport, by: roles.User, save_revision: bool = True) -> None:
    """Send a draft (or a report sent back for changes) to the secretariat for verification.

    With `save_revision`, the given object is what is submitted; without, its latest saved revision
    (the edit view has just saved it).
    """
    ensure_can_edit_report(user=by, report=report)
    if report.pk is None:
        raise ValidationError(_("Simpan laporan sebagai draf terlebih dahulu."))
    candidate = report if save_revision else report.get_latest_revision_as_object()
    validate_for_submission(candidate)
    workflow = report.get_workflow()
    if workflow is None:
        raise ValidationError(_("Alur verifikasi laporan monev belum diatur. Hubungi administrator."))
    with transaction.atomic():
        locked = MonevReport.objects.select_for_update().get(pk=report.pk)
        workflow_state = locked.current_workflow_state
        if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            raise ValidationError(_("Laporan ini sudah diajukan dan sedang menunggu verifikasi."))
        if save_revision:
            report.save_revision(user=by)
        if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(by)
            report_submitted(report=report, by=by)  # Wagtail signals nothing on resume.
        else:
            workflow.start(report, by)  # workflow_submitted → report_submitted


def report_submitted(*, report: MonevReport, by: roles.User | None) -> None:
    """The report is in: it counts as reported from now on. A verified report keeps its status
    while a change waits, so the public summary keeps showing the verified version."""
    live = MonevReport.objects.filter(pk=report.pk).values_list("live", flat=True).first()
    _set_fields(
        report,
        verification_status=VerificationStatus.VERIFIED if live else VerificationStatus.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=by,
    )


def submission_withdrawn(*, report: MonevReport, by: roles.User | None) -> None:
    """The reporter (or an administrator) cancelled the verification: back to draft, or to verified."""
    live = MonevReport.objects.filter(pk=report.pk).values_list("live", flat=True).first()
    _set_fields(report, verification_status=VerificationStatus.VERIFIED if live else VerificationStatus.DRAFT)


# -- the secretariat's decision ------------------------------------------------------------------


def current_task_state(*, report: MonevReport) -> TaskState | None:
    workflow_state = report.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return workflow_state.current_task_state


def can_verify(*, user: roles.User, report: MonevReport) -> bool:
    """Only members of the verification task's groups act on it; the reporter's agency never does."""
    task_state = current_task_state(report=report)
    if task_state is None or not user.is_authenticated:
        return False
    return bool(task_state.task.specific.get_actions(report, user))


def act_on_report(*, report: MonevReport, by: roles.User, action: str, comment: str = "") -> None:
    """Verify ("approve") or request changes ("reject") at the current task; one decision wins."""
    if action not in ("approve", "reject"):
        raise ValidationError(_("Tindakan tidak dikenal."))
    if action == "reject" and not comment.strip():
        raise ValidationError(_("Tuliskan apa yang perlu diperbaiki."))
    task_state = current_task_state(report=report)
    if task_state is None:
        raise ReportAlreadyDecided(_("Laporan ini tidak sedang menunggu verifikasi."))
    with transaction.atomic():
        locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if locked.status != TaskState.STATUS_IN_PROGRESS:
            raise ReportAlreadyDecided(
                _("Laporan ini sudah ditindaklanjuti. Muat ulang halaman untuk melihat statusnya.")
            )
        task = locked.task.specific
        if not task.get_actions(report, by):
            raise PermissionDenied(_("Hanya Sekretariat yang dapat memverifikasi laporan monev."))
        task.on_action(locked.specific, by, action, comment=comment)


def publish_verified_revision(*, workflow_state: WorkflowState, user: roles.User | None) -> None:
    """The verification publishes the submitted revision; the verifier needs no publish permission
    beyond being in the task's group. Service fields are kept from the row, not the revision."""
    report = workflow_state.content_object
    kept = MonevReport.objects.filter(pk=report.pk).values(*MonevReport.SERVICE_FIELDS).first() or {}
    kept = {(f"{name}_id" if name.endswith("_by") else name): value for name, value in kept.items()}
    report.get_latest_revision().publish(user=user, skip_permission_checks=True)
    MonevReport.objects.filter(pk=report.pk).update(**kept)


def report_changes_requested(*, report: MonevReport, by: roles.User | None, comment: str) -> None:
    """Sent back: the reporter gets the secretariat's note by mail and in the report."""
    live = MonevReport.objects.filter(pk=report.pk).values_list("live", flat=True).first()
    _set_fields(
        report,
        verification_status=VerificationStatus.VERIFIED if live else VerificationStatus.NEEDS_CHANGES,
        verification_note=comment,
    )
    _mail_reporter(NotificationKind.MONEV_CHANGES_REQUESTED, report, {"comment": comment, "verifier": by})


def report_verified(*, report: MonevReport, by: roles.User | None, comment: str = "") -> None:
    """Verified: the live version is what the public summary and the upward reports read."""
    _set_fields(
        report,
        verification_status=VerificationStatus.VERIFIED,
        verified_at=timezone.now(),
        verified_by=by,
        verification_note=comment,
    )
    _mail_reporter(NotificationKind.MONEV_VERIFIED, report, {"comment": comment, "verifier": by})


def report_url(report: MonevReport) -> str:
    return notifications.admin_url(reverse("wagtailsnippets_cooperation_monevreport:inspect", args=[report.pk]))


def reporter_of(report: MonevReport):
    report = MonevReport.objects.select_related("submitted_by", "created_by").get(pk=report.pk)
    return report.submitted_by or report.created_by


def _mail_reporter(kind: str, report: MonevReport, context: dict) -> None:
    reporter = reporter_of(report)
    if reporter is None:
        return
    report = MonevReport.objects.select_related("agreement", "reporting_agency").get(pk=report.pk)
    notifications.send(
        kind,
        notifications.recipients([reporter], kind),
        {"report": report, "agreement": report.agreement, "url": report_url(report), **context},
    )
