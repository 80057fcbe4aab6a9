"""E-mail from templates, Indonesian first with English below; each kind can be refused per user.

Mail leaves only after the surrounding transaction commits, so a refused action sends nothing.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .. import roles
from ..models import DigestRun, NotificationKind, NotificationOptOut, Proposal

User = get_user_model()


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def proposal_url(proposal: Proposal) -> str:
    return admin_url(reverse("wagtailsnippets_cooperation_proposal:inspect", args=[proposal.pk]))


def recipients(users, kind: str) -> list[str]:
    """Active users with an address who have not opted out of this kind."""
    opted_out = set(NotificationOptOut.objects.filter(kind=kind).values_list("user_id", flat=True))
    return sorted({user.email for user in users if user.is_active and user.email and user.pk not in opted_out})


def send(kind: str, to: list[str], context: dict) -> None:
    if not to:
        return
    # Indonesian first whoever's action sent it; the templates switch to English for their second half.
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"cooperation/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"cooperation/email/{kind}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False))


def submitter_of(proposal: Proposal):
    state = proposal.workflow_states.order_by("-created_at").first()
    return (state.requested_by if state else None) or proposal.created_by


def stage_assigned(*, proposal: Proposal, task, task_state) -> None:
    reviewers = User.objects.filter(groups__in=task.groups.all()).distinct()
    send(
        NotificationKind.STAGE_ASSIGNED,
        recipients(reviewers, NotificationKind.STAGE_ASSIGNED),
        {"proposal": proposal, "stage": task, "due_at": task_state.due_at, "url": proposal_url(proposal)},
    )


def _to_submitter(kind: str, proposal: Proposal, context: dict) -> None:
    submitter = submitter_of(proposal)
    if submitter is None:
        return
    send(kind, recipients([submitter], kind), {"proposal": proposal, "url": proposal_url(proposal), **context})


def changes_requested(*, proposal: Proposal, stage, comment: str) -> None:
    _to_submitter(NotificationKind.CHANGES_REQUESTED, proposal, {"stage": stage, "comment": comment})


def declined(*, proposal: Proposal, stage, reason: str) -> None:
    _to_submitter(NotificationKind.DECLINED, proposal, {"stage": stage, "reason": reason})


def approved(*, proposal: Proposal, agreement) -> None:
    _to_submitter(NotificationKind.APPROVED, proposal, {"agreement": agreement})


def send_overdue_digest(*, today: datetime.date | None = None) -> int:
    """Once a day at most: the secretariat's list of overdue stages. Returns how many were mailed."""
    from ..selectors.proposals import all_overdue_stages

    today = today or timezone.localdate()
    with transaction.atomic():
        run, created = DigestRun.objects.select_for_update().get_or_create(day=today)
        if not created:
            return 0
        secretariat = User.objects.filter(groups__name=roles.SECRETARIAT).distinct()
        overdue = list(all_overdue_stages())
        if not overdue:
            return 0
        proposals = {state.pk: Proposal.objects.filter(pk=state.workflow_state.object_id).first() for state in overdue}
        to = recipients(secretariat, NotificationKind.OVERDUE_DIGEST)
        send(
            NotificationKind.OVERDUE_DIGEST,
            to,
            {
                "rows": [{"state": state, "proposal": proposals[state.pk]} for state in overdue],
                "today": today,
                "url": admin_url(reverse("wagtailsnippets_cooperation_proposal:list")),
            },
        )
        run.recipients = len(to)
        run.save(update_fields=["recipients"])
        return len(to)


def set_notification_choices(*, user, receive: set[str]) -> None:
    """Keep an opt-out row for every kind the user no longer wants, and none for the rest."""
    with transaction.atomic():
        NotificationOptOut.objects.filter(user=user, kind__in=receive).delete()
        for kind in set(NotificationKind.values) - receive:
            NotificationOptOut.objects.get_or_create(user=user, kind=kind)


def render_message(kind: str, context: dict) -> tuple[str, str]:
    """Subject and body of one e-mail, Indonesian first, from the kind's two templates."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"cooperation/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"cooperation/email/{kind}.txt", context)
    return subject, body


def send_now(kind: str, to: list[str], context: dict) -> None:
    """Send at once, inside the caller's transaction, and raise when the mail server refuses.

    For the reminder run: its record of a sent reminder must roll back when the mail fails, so the
    next run retries it. Everything else uses `send`, which waits for the commit.
    """
    if not to:
        return
    subject, body = render_message(kind, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
