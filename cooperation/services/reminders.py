"""Reminders: monev reports due soon or overdue, and agreements about to end.

`send_reminders` is what `manage.py send_reminders` runs from cron, any number of times a day. Each
reminder has a key — (kind, agreement, reference date, months before) — held by a `SentReminder`
row under a unique constraint, and it goes out only with the row that records it:

* each reminder runs in its own `transaction.atomic()`: the row is inserted first (a second run, or
  a concurrent one, finds it and skips), then the mail is sent synchronously *inside* the same
  transaction. When the mail server refuses, the exception rolls the row back and the next run
  retries that reminder; reminders already sent in this run stay recorded.
* a run that crashes half-way therefore misses nothing and repeats nothing, with one tiny window
  left: if the process dies after the mail server accepted a message but before the COMMIT of its
  row, that one reminder goes out again on the next run. Closing that window would need the mail
  server to take part in the transaction; a rare duplicate is better than a lost reminder.

An overdue reminder goes out for a report that fell due within the last
`COOPERATION_MONEV_OVERDUE_REMINDER_WINDOW_DAYS` (90): a register imported with years of history
does not mail every period ever missed on its first run.

Recipients are the active staff of the agencies responsible for the agreement (its implementing
agencies, else the initiating agency) and the secretariat, minus whoever opted out of that kind.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .. import roles
from ..models import Agreement, AgreementStatus, NotificationKind, ReminderKind, SentReminder
from ..models.agreements import expiry_horizon
from ..selectors.monev import Obligation, ObligationState, monev_obligations, responsible_agencies
from . import notifications

logger = logging.getLogger(__name__)
User = get_user_model()

# Which opt-out a reminder kind honours (the values match, but say so explicitly).
NOTIFICATION_FOR = {
    ReminderKind.MONEV_DUE: NotificationKind.MONEV_DUE,
    ReminderKind.MONEV_OVERDUE: NotificationKind.MONEV_OVERDUE,
    ReminderKind.AGREEMENT_ENDING: NotificationKind.AGREEMENT_ENDING,
}
ENDING_STATES = [AgreementStatus.IN_FORCE, AgreementStatus.SIGNED]


@dataclass
class ReminderSummary:
    """How many reminders this run sent, per kind (a reminder already sent before is not counted)."""

    monev_due: int = 0
    monev_overdue: int = 0
    agreement_ending: int = 0

    @property
    def total(self) -> int:
        return self.monev_due + self.monev_overdue + self.agreement_ending

    def add(self, kind: str) -> None:
        setattr(self, str(kind), getattr(self, str(kind)) + 1)


def agreement_admin_url(agreement: Agreement) -> str:
    return notifications.admin_url(reverse("wagtailsnippets_cooperation_agreement:inspect", args=[agreement.pk]))


def reminder_recipients(agreement: Agreement, kind: str) -> list[str]:
    """Active staff of the responsible agencies and the secretariat, honouring opt-outs."""
    agencies = responsible_agencies(agreement)
    users = User.objects.filter(is_active=True).filter(
        Q(agency_membership__agency__in=agencies) | Q(groups__name=roles.SECRETARIAT)
    )
    return notifications.recipients(users.distinct(), NOTIFICATION_FOR[kind])


def _send_once(
    *,
    kind: str,
    agreement: Agreement,
    reference_date: datetime.date,
    months_before: int = 0,
    context: dict,
    covers: list[int] = (),
) -> bool:
    """Record and send one reminder in one transaction. True when a mail went out; False when the
    reminder had been recorded before, or nobody (after opt-outs) was left to receive it.

    `covers` lists wider ending thresholds the reminder stands for: they are recorded (with no
    recipients) in the same transaction so they never go out later.
    """
    with transaction.atomic():
        # The insert is the lock: a concurrent run inserting the same key waits for this transaction,
        # then finds the row (or, if this one rolled back, sends the reminder itself).
        reminder, created = SentReminder.objects.get_or_create(
            kind=kind, agreement=agreement, reference_date=reference_date, months_before=months_before
        )
        if not created:
            return False
        for wider in covers:
            SentReminder.objects.get_or_create(
                kind=kind, agreement=agreement, reference_date=reference_date, months_before=wider
            )
        to = reminder_recipients(agreement, kind)
        reminder.recipients = ", ".join(to)  # empty: nobody wanted it; recorded all the same, not retried
        reminder.save(update_fields=["recipients"])
        # Synchronous on purpose: a refused mail raises here and rolls the row back.
        notifications.send_now(
            kind,
            to,
            {
                "agreement": agreement,
                "agencies": responsible_agencies(agreement),
                "url": agreement_admin_url(agreement),
                "region": settings.COOPERATION_REGION_NAME,
                **context,
            },
        )
    return bool(to)


def _monev_context(obligation: Obligation, today: datetime.date) -> dict:
    return {
        "period": obligation.period,
        "days_left": (obligation.period.due_on - today).days,
        "days_late": (today - obligation.period.due_on).days,
        "reports_url": notifications.admin_url(reverse("wagtailsnippets_cooperation_monevreport:list")),
    }


def overdue_reminder_window_days() -> int:
    """How long after its due date a missing report still earns its (one) overdue reminder.

    Without a window, the first run on a register imported with years of history would send one
    mail for every period ever missed. Older gaps stay visible as Terlambat on the dashboards.
    """
    return int(getattr(settings, "COOPERATION_MONEV_OVERDUE_REMINDER_WINDOW_DAYS", 90))


def _send_monev_reminders(today: datetime.date, summary: ReminderSummary) -> None:
    kinds = {ObligationState.DUE_SOON: ReminderKind.MONEV_DUE, ObligationState.OVERDUE: ReminderKind.MONEV_OVERDUE}
    oldest_due = today - datetime.timedelta(days=overdue_reminder_window_days())
    for obligation in monev_obligations(agreements=Agreement.objects.all(), today=today):
        kind = kinds.get(obligation.state)
        if kind is None:
            continue
        if kind == ReminderKind.MONEV_OVERDUE and obligation.period.due_on < oldest_due:
            continue
        if _send_once(
            kind=kind,
            agreement=obligation.agreement,
            reference_date=obligation.period.starts_on,
            context=_monev_context(obligation, today),
        ):
            summary.add(kind)


def expiry_reminder_months() -> list[int]:
    """The configured thresholds, widest first (duplicates and non-positive values dropped)."""
    return sorted({int(m) for m in settings.COOPERATION_EXPIRY_REMINDER_MONTHS if int(m) > 0}, reverse=True)


def _send_ending_reminders(today: datetime.date, summary: ReminderSummary) -> None:
    thresholds = expiry_reminder_months()
    if not thresholds:
        return
    agreements = (
        Agreement.objects.filter(
            status__in=ENDING_STATES, ends_on__gte=today, ends_on__lte=expiry_horizon(today, thresholds[0])
        )
        .select_related("initiating_agency", "kind", "document_type")
        .prefetch_related("implementing_agencies")
        .order_by("ends_on", "pk")
    )
    for agreement in agreements:
        crossed = [m for m in thresholds if agreement.ends_on <= expiry_horizon(today, m)]
        tightest, wider = crossed[-1], crossed[:-1]
        context = {
            "months": tightest,
            "ends_on": agreement.ends_on,
            "days_left": (agreement.ends_on - today).days,
        }
        if _send_once(
            kind=ReminderKind.AGREEMENT_ENDING,
            agreement=agreement,
            reference_date=agreement.ends_on,
            months_before=tightest,
            context=context,
            covers=wider,
        ):
            summary.add(ReminderKind.AGREEMENT_ENDING)


def send_reminders(*, today: datetime.date | None = None) -> ReminderSummary:
    """Send every reminder due today that has not gone out yet; safe to run any number of times.

    A failing mail stops the run with its exception (cron reports it); what was sent before stays
    recorded and what was not is retried next time.
    """
    today = today or timezone.localdate()
    summary = ReminderSummary()
    _send_monev_reminders(today, summary)
    _send_ending_reminders(today, summary)
    logger.info(
        "Reminders sent: %s due, %s overdue, %s ending",
        summary.monev_due,
        summary.monev_overdue,
        summary.agreement_ending,
    )
    return summary
