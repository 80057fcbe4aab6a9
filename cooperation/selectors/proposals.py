"""Queries about proposals and their review stages, scoped to the user."""

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import TaskState

from .. import roles
from ..models import (
    ClearanceKind,
    DocumentCategory,
    NotificationOptOut,
    Proposal,
    ReviewTask,
    ReviewTaskState,
)
from .agreements import agency_of


def proposals_visible_to(*, user: roles.User) -> QuerySet[Proposal]:
    """Region-wide roles see every proposal; agency staff their own agency's."""
    if roles.is_region_wide(user):
        return Proposal.objects.all()
    if roles.AGENCY_STAFF in roles.role_names(user) and (agency := agency_of(user=user)):
        return Proposal.objects.filter(initiating_agency=agency)
    return Proposal.objects.none()


def proposals_changeable_by(*, user: roles.User) -> QuerySet[Proposal]:
    """Who may open the edit form: the secretariat always, agency staff for their own agency,
    reviewers while a proposal waits at their stage (Wagtail's workflow lock does the rest)."""
    visible = proposals_visible_to(user=user)
    if roles.keeps_register(user):
        return visible
    if roles.is_region_wide(user):
        in_review = stages_awaiting(user=user).values("workflow_state__object_id")
        return visible.filter(pk__in=[int(pk) for pk in in_review])
    return visible


def _proposal_task_states() -> QuerySet[ReviewTaskState]:
    content_type = ContentType.objects.get_for_model(Proposal)
    return ReviewTaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, workflow_state__base_content_type=content_type
    ).select_related("task", "workflow_state")


def stages_awaiting(*, user: roles.User) -> QuerySet[ReviewTaskState]:
    """Stages in progress that this user's groups are responsible for ("menunggu tindakan saya")."""
    states = _proposal_task_states().order_by("due_at")
    if user.is_superuser:
        return states
    return states.filter(task__reviewtask__groups__in=user.groups.all()).distinct()


def overdue_stages(*, user: roles.User, now: datetime.datetime | None = None) -> QuerySet[ReviewTaskState]:
    """Stages past their due date among the proposals the user may see ("terlambat")."""
    if roles.is_region_wide(user):
        return all_overdue_stages(now=now)
    own = proposals_visible_to(user=user).values_list("pk", flat=True)
    return all_overdue_stages(now=now).filter(workflow_state__object_id__in=[str(pk) for pk in own])


def required_document_categories(proposal: Proposal) -> list[DocumentCategory]:
    """The checklist: what the kind and the document type both ask for, in a stable order."""
    by_code: dict[str, DocumentCategory] = {}
    for source in (proposal.kind, proposal.document_type):
        if source is not None and source.pk:
            for category in source.required_documents.all():
                by_code[category.code] = category
    return sorted(by_code.values(), key=lambda category: category.name)


def missing_required_documents(
    *, proposal: Proposal, present_category_ids: Iterable[int] | None = None
) -> list[DocumentCategory]:
    if present_category_ids is None:
        present_category_ids = proposal.documents.exclude(category=None).values_list("category_id", flat=True)
    present = set(present_category_ids)
    return [category for category in required_document_categories(proposal) if category.pk not in present]


def required_clearances(proposal: Proposal) -> list[str]:
    required = []
    # Foreign cooperation always needs the DPRD (Permendagri 25/2020); domestic only when it
    # burdens the APBD or is not yet budgeted.
    if proposal.needs_dprd_approval or proposal.foreign:
        required.append(ClearanceKind.DPRD_APPROVAL)
    if proposal.foreign:
        required += [
            ClearanceKind.LETTER_OF_INTENT,
            ClearanceKind.KEMENDAGRI_CONSULTATION,
            ClearanceKind.FULL_POWERS,
        ]
    return required


def missing_clearances(*, proposal: Proposal) -> list[str]:
    recorded = set(proposal.clearances.values_list("kind", flat=True))
    return [kind for kind in required_clearances(proposal) if kind not in recorded]


def proposal_timeline(*, proposal: Proposal) -> list[dict]:
    """Who did what, when, with which comment, and how long each stage took."""
    content_type = ContentType.objects.get_for_model(Proposal)
    states = (
        ReviewTaskState.objects.filter(
            workflow_state__base_content_type=content_type, workflow_state__object_id=str(proposal.pk)
        )
        .select_related("task", "finished_by")
        .order_by("started_at", "pk")
    )
    rows = []
    for state in states:
        finished = state.finished_at
        duration = (finished or timezone.now()) - state.started_at
        rows.append(
            {
                "stage": state.task.specific.get_stage_display(),
                "status": state.status,
                "status_label": state.get_status_display(),
                "started_at": state.started_at,
                "finished_at": finished,
                "finished_by": state.finished_by,
                "comment": state.comment,
                "due_at": state.due_at,
                "days": round(duration.total_seconds() / 86400, 1),
                "overdue": bool(state.due_at and (finished or timezone.now()) > state.due_at),
            }
        )
    return rows


def current_stage(*, proposal: Proposal) -> ReviewTaskState | None:
    """The review stage holding the proposal now, if any."""
    return (
        _proposal_task_states()
        .filter(workflow_state__object_id=str(proposal.pk))
        .select_related("task")
        .order_by("-started_at")
        .first()
    )


def all_overdue_stages(*, now: datetime.datetime | None = None) -> QuerySet[ReviewTaskState]:
    return _proposal_task_states().filter(due_at__lt=now or timezone.now()).order_by("due_at")


def stage_rows(states) -> list[dict]:
    """Pair each stage with its proposal in a fixed number of queries, flagging what is due soon or late."""
    states = list(states)
    proposals = Proposal.objects.select_related("initiating_agency", "document_type").in_bulk(
        [int(state.workflow_state.object_id) for state in states]
    )
    tasks = ReviewTask.objects.in_bulk([state.task_id for state in states])
    now = timezone.now()
    rows = []
    for state in states:
        proposal = proposals.get(int(state.workflow_state.object_id))
        if proposal is None:
            continue
        warning = datetime.timedelta(days=proposal.document_type.warning_days)
        rows.append(
            {
                "state": state,
                "stage": tasks[state.task_id].get_stage_display(),
                "proposal": proposal,
                "overdue": bool(state.due_at and state.due_at < now),
                "due_soon": bool(state.due_at and now <= state.due_at <= now + warning),
            }
        )
    return rows


def notification_opt_outs(*, user) -> set[str]:
    """The kinds of e-mail this user has switched off."""
    return set(NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True))
