"""Proposals through their review: submission checks, stage actions, clearances, approval."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from .. import roles
from ..models import (
    STAGE_STATUS,
    Agreement,
    AgreementParty,
    AgreementStatus,
    ClearanceKind,
    Level,
    PartnerCategory,
    Proposal,
    ProposalClearance,
    ProposalPurpose,
    ProposalStatus,
    ReviewStage,
    ReviewTask,
    ReviewTaskState,
)
from ..models.agreements import add_years
from ..selectors import missing_clearances, missing_required_documents, proposals_visible_to
from . import notifications
from .agreements import in_register_language, record_new_agreement

DECLINE_ACTION = "cooperation.proposal_declined"
APPROVE_ACTION = "cooperation.proposal_approved"
CLEARANCE_ACTION = "cooperation.clearance_recorded"


class StageAlreadyDecided(ValidationError):
    """Someone else acted on this stage first."""


def _set_status(proposal: Proposal, status: str, **fields) -> None:
    """Write the status straight to the row: a published revision must never roll it back."""
    Proposal.objects.filter(pk=proposal.pk).update(status=status, **fields)
    proposal.status = status
    for name, value in fields.items():
        setattr(proposal, name, value)


def stage_started(*, task_state: ReviewTaskState, task: ReviewTask, proposal: Proposal, user=None) -> None:
    """A stage took the proposal: give it its due date, its status, and tell the reviewers."""
    proposal = Proposal.objects.get(pk=proposal.pk)
    task_state.due_at = task_state.started_at + datetime.timedelta(days=task.service_days_for(proposal))
    task_state.save(update_fields=["due_at"])
    status = STAGE_STATUS[task.stage]
    if task.stage == ReviewStage.APPROVAL and ClearanceKind.DPRD_APPROVAL in missing_clearances(proposal=proposal):
        status = ProposalStatus.AWAITING_DPRD
    fields = {}
    if proposal.submitted_at is None:
        fields["submitted_at"] = timezone.now()
    _set_status(proposal, status, **fields)
    notifications.stage_assigned(proposal=proposal, task=task, task_state=task_state)


def act_on_stage(*, task_state: TaskState, user, action: str, comment: str = "") -> None:
    """Approve, request changes or decline at the current stage. Exactly one reviewer's action
    takes effect: the task state is locked, and an already decided stage is refused."""
    with transaction.atomic():
        locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if locked.status != TaskState.STATUS_IN_PROGRESS:
            finished_by = (
                (locked.finished_by.get_full_name() or locked.finished_by.get_username()) if locked.finished_by else "—"
            )
            raise StageAlreadyDecided(
                _("Tahap ini sudah ditindaklanjuti oleh %(user)s. Muat ulang halaman untuk melihat statusnya.")
                % {"user": finished_by}
            )
        task = locked.task.specific
        if not (user.is_superuser or task._user_in_groups(user)):
            raise PermissionDenied(_("Anda bukan peninjau tahap ini."))
        proposal = Proposal.objects.get(pk=locked.workflow_state.object_id)
        state = locked.specific
        if action == "approve":
            _approve(state=state, task=task, proposal=proposal, user=user, comment=comment)
        elif action == "reject":
            if not comment.strip():
                raise ValidationError(_("Tuliskan apa yang perlu diperbaiki."))
            state.reject(user=user, comment=comment)
            _set_status(proposal, ProposalStatus.NEEDS_REVISION)
            notifications.changes_requested(proposal=proposal, stage=task, comment=comment)
        elif action == "decline":
            _decline(state=state, task=task, proposal=proposal, user=user, reason=comment)
        else:
            raise ValidationError(_("Tindakan tidak dikenal."))


def _approve(*, state: ReviewTaskState, task: ReviewTask, proposal: Proposal, user, comment: str) -> None:
    if task.stage == ReviewStage.APPROVAL and (missing := missing_clearances(proposal=proposal)):
        labels = ", ".join(str(ClearanceKind(kind).label) for kind in missing)
        raise ValidationError(
            _("Usulan belum dapat disetujui: persyaratan berikut belum lengkap: %(missing)s.") % {"missing": labels}
        )
    workflow_state = state.workflow_state
    submitted_at = proposal.submitted_at
    state.approve(user=user, comment=comment)
    workflow_state.refresh_from_db()
    if workflow_state.status == workflow_state.STATUS_APPROVED:
        # Wagtail publishes the submitted revision on completion; put back what it overwrote.
        _finish_approval(proposal=proposal, user=user, comment=comment, submitted_at=submitted_at)


def _decline(*, state: ReviewTaskState, task: ReviewTask, proposal: Proposal, user, reason: str) -> None:
    if not reason.strip():
        raise ValidationError(_("Penolakan wajib disertai alasan."))
    # Close the workflow without Wagtail's "cancel": the history should read "declined by the
    # reviewer", not "review cancelled".
    now = timezone.now()
    ReviewTaskState.objects.filter(pk=state.pk).update(
        status=TaskState.STATUS_REJECTED, finished_by=user, finished_at=now, comment=reason
    )
    WorkflowState.objects.filter(pk=state.workflow_state_id).update(
        status=WorkflowState.STATUS_CANCELLED, current_task_state=None
    )
    _set_status(proposal, ProposalStatus.REJECTED, decided_at=timezone.now(), decision_note=reason)
    log(proposal, DECLINE_ACTION, user=user, data={"stage": task.stage, "reason": reason})
    notifications.declined(proposal=proposal, stage=task, reason=reason)


def _finish_approval(*, proposal: Proposal, user, comment: str, submitted_at) -> None:
    proposal = Proposal.objects.get(pk=proposal.pk)
    agreement = create_agreement_from_proposal(proposal=proposal, by=user)
    _set_status(
        proposal,
        ProposalStatus.APPROVED,
        decided_at=timezone.now(),
        decision_note=comment,
        agreement=agreement,
        submitted_at=submitted_at,
    )
    log(proposal, APPROVE_ACTION, user=user, data={"agreement": agreement.pk})
    notifications.approved(proposal=proposal, agreement=agreement)


def create_agreement_from_proposal(*, proposal: Proposal, by) -> Agreement:
    """The register record of an approved proposal, with status Disetujui and its documents.

    An extension's successor replaces the old agreement and sits under the old one's parent (a
    renewed PKS stays under its KSB); an addendum hangs under the agreement it amends.
    """
    agreement = Agreement.objects.create(
        document_type=proposal.document_type,
        kind=proposal.kind,
        title=proposal.title,
        title_en=proposal.title_en,
        **_chain_fields(proposal),
        aims=proposal.aims,
        scope=proposal.scope,
        subject=proposal.subject,
        value=proposal.value,
        funding_source=proposal.funding_source,
        burdens_apbd=proposal.burdens_apbd,
        initiating_agency=proposal.initiating_agency,
        level=_level_of(proposal),
        status=AgreementStatus.APPROVED,
        **_dprd_fields(proposal),
    )
    agreement.sectors.set(proposal.sectors.all())
    agreement.implementing_agencies.set([proposal.initiating_agency])
    agreement.save()
    for order, party in enumerate(proposal.parties.all()):
        AgreementParty.objects.create(agreement=agreement, partner=party.partner, role=party.role, sort_order=order)
    proposal.documents.update(agreement=agreement)
    record_new_agreement(agreement=agreement, by=by)
    note = in_register_language(gettext_noop("Dibuat dari usulan %(number)s yang disetujui.")) % {
        "number": proposal.number
    }
    agreement.status_changes.update(note=note)
    return agreement


def _chain_fields(proposal: Proposal) -> dict:
    """Where the new record sits in the chain: parent, and for an extension the one it replaces."""
    old = proposal.parent_agreement
    if proposal.purpose == ProposalPurpose.EXTENSION and old is not None:
        fields = {"parent": old.parent, "replaces": old}
        if proposal.term_years and old.ends_on and old.ends_on >= timezone.localdate():
            # Continuous cover: the successor starts the day after the old one ends.
            starts_on = old.ends_on + datetime.timedelta(days=1)
            ends_on = add_years(starts_on, proposal.term_years) - datetime.timedelta(days=1)
            fields.update(starts_on=starts_on, ends_on=ends_on)
        return fields
    if proposal.purpose == ProposalPurpose.AMENDMENT:
        return {"parent": old}
    return {"parent": old if proposal.document_type.role != "framework" else None}


def _level_of(proposal: Proposal) -> str:
    if proposal.foreign:
        return Level.INTERNATIONAL
    national = {PartnerCategory.MINISTRY, PartnerCategory.STATE_ENTERPRISE}
    if proposal.parties.filter(partner__category__in=national).exists():
        return Level.NATIONAL
    return Level.LOCAL


def _dprd_fields(proposal: Proposal) -> dict:
    clearance = proposal.clearances.filter(kind=ClearanceKind.DPRD_APPROVAL).first()
    if not clearance:
        return {}
    return {"dprd_approval_number": clearance.letter_number, "dprd_approval_date": clearance.completed_on}


def record_clearance(
    *,
    proposal: Proposal,
    kind: str,
    letter_number: str,
    completed_on: datetime.date,
    by,
    requested_on: datetime.date | None = None,
    note: str = "",
) -> ProposalClearance:
    """The secretariat records a DPRD approval, an LoI, a Kemendagri consultation or Full Powers."""
    if not roles.keeps_register(by):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat mencatat persyaratan tambahan."))
    if proposal.status in ProposalStatus.closed():
        raise ValidationError(_("Usulan ini sudah selesai diproses."))
    with transaction.atomic():
        clearance, _created = ProposalClearance.objects.update_or_create(
            proposal=proposal,
            kind=kind,
            defaults={
                "letter_number": letter_number,
                "completed_on": completed_on,
                "requested_on": requested_on,
                "note": note,
                "recorded_by": by,
            },
        )
        if kind == ClearanceKind.DPRD_APPROVAL and proposal.status == ProposalStatus.AWAITING_DPRD:
            _set_status(proposal, ProposalStatus.AWAITING_APPROVAL)
        log(proposal, CLEARANCE_ACTION, user=by, data={"kind": kind, "letter_number": letter_number})
    return clearance


def submit_proposal(*, proposal: Proposal, by, save_revision: bool = True) -> None:
    """Send a draft (or a corrected proposal) into review; it resumes at the stage that asked for changes."""
    ensure_can_edit_proposal(user=by, proposal=proposal)
    if proposal.status not in ProposalStatus.editable_by_submitter():
        raise ValidationError(_("Usulan ini sedang ditinjau dan tidak dapat diajukan lagi."))
    missing = missing_required_documents(proposal=proposal)
    if missing:
        raise ValidationError(
            _("Usulan belum dapat diajukan. Dokumen wajib yang belum diunggah: %(missing)s.")
            % {"missing": ", ".join(category.name for category in missing)}
        )
    with transaction.atomic():
        if save_revision:
            proposal.save_revision(user=by)
        workflow_state = proposal.current_workflow_state
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            workflow_state.resume(by)
        else:
            proposal.get_workflow().start(proposal, by)


def prepare_proposal_edit(*, proposal: Proposal, by) -> None:
    """Before the edit form saves: check the user may, and take the service-owned fields from the
    row, since the form edits the latest revision and must not roll them back."""
    ensure_can_edit_proposal(user=by, proposal=proposal)
    if proposal.pk is None:
        return
    current = Proposal.objects.get(pk=proposal.pk)
    for field in Proposal.SERVICE_FIELDS:
        setattr(proposal, field, getattr(current, field))


def record_proposal_author(*, proposal: Proposal, by) -> None:
    """The person who first saved a proposal is its submitter, unless triage already named one."""
    Proposal.objects.filter(pk=proposal.pk, created_by=None).update(created_by=by)


def ensure_can_edit_proposal(*, user, proposal: Proposal) -> None:
    """Agency staff edit drafts and proposals sent back for changes, for their own agency only."""
    if proposal.pk is None:
        return
    if not proposals_visible_to(user=user).filter(pk=proposal.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang mengubah usulan ini."))
    if proposal.status in ProposalStatus.closed():
        raise PermissionDenied(_("Usulan yang sudah diputuskan tidak dapat diubah."))


def submission_withdrawn(*, proposal: Proposal, by) -> None:
    """The submitter (or an administrator) cancelled the review: the proposal is a draft again."""
    current = Proposal.objects.filter(pk=proposal.pk).values_list("status", flat=True).first()
    if current not in ProposalStatus.closed():
        _set_status(proposal, ProposalStatus.DRAFT)
