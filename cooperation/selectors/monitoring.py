"""Queries behind the secretariat's "Dasbor Monitoring": how long review stages take, what ends soon.

Everything here is region-wide: the dashboard is the secretariat's (and the other region-wide
roles') view of the whole register. Each function costs a fixed number of queries, however many
agreements or workflow rows there are.
"""

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import TaskState

from .. import roles
from ..models import Agreement, Proposal, ReviewStage, ReviewTaskState
from .agreements import agreements_ending_soon
from .proposals import proposals_visible_to

# A stage "finished" when a reviewer decided it: approved, sent back for changes, or declined.
# Cancelled and skipped stages say nothing about how long a review takes.
FINISHED_STAGE_STATUSES = [TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED]


def may_see_monitoring(user: roles.User) -> bool:
    """The dashboard and the upward reports are the region's view: region-wide roles only."""
    return roles.is_region_wide(user)


@dataclass
class StageDuration:
    """How long one review stage took on average, against the service standard in force at the time."""

    stage: str
    label: str
    count: int = 0
    average_days: Decimal | None = None
    median_days: Decimal | None = None
    standard_days: Decimal | None = None  # mean of the service days each stage was given
    over_standard: int = 0  # stages that finished after their due date

    @property
    def within_standard(self) -> bool | None:
        if self.average_days is None or self.standard_days is None:
            return None
        return self.average_days <= self.standard_days


def _days(delta: datetime.timedelta) -> float:
    return delta.total_seconds() / 86400


def _one_decimal(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"))


def review_stage_durations(*, user: roles.User, year: int | None = None) -> list[StageDuration]:
    """Average and median days per review stage, from the finished task states of the proposal workflow.

    The service standard of each stage is read from its own due date (set from the document type's
    days_* when the stage started), so a later change of the standard does not rewrite history.
    `year` keeps the stages that finished in that year. One query.
    """
    states = ReviewTaskState.objects.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Proposal),
        status__in=FINISHED_STAGE_STATUSES,
        finished_at__isnull=False,
    )
    if year:
        states = states.filter(finished_at__year=year)
    if not roles.is_region_wide(user):
        own = proposals_visible_to(user=user).values_list("pk", flat=True)
        states = states.filter(workflow_state__object_id__in=[str(pk) for pk in own])
    durations: dict[str, list[float]] = {stage: [] for stage in ReviewStage.values}
    standards: dict[str, list[float]] = {stage: [] for stage in ReviewStage.values}
    late: dict[str, int] = dict.fromkeys(ReviewStage.values, 0)
    for stage, started_at, finished_at, due_at in states.values_list(
        "task__reviewtask__stage", "started_at", "finished_at", "due_at"
    ):
        if stage not in durations:
            continue
        durations[stage].append(_days(finished_at - started_at))
        if due_at is not None:
            standards[stage].append(_days(due_at - started_at))
            late[stage] += finished_at > due_at
    rows = []
    for stage, label in ReviewStage.choices:
        values = durations[stage]
        rows.append(
            StageDuration(
                stage=stage,
                label=str(label),
                count=len(values),
                average_days=_one_decimal(statistics.fmean(values)) if values else None,
                median_days=_one_decimal(statistics.median(values)) if values else None,
                standard_days=_one_decimal(statistics.fmean(standards[stage])) if standards[stage] else None,
                over_standard=late[stage],
            )
        )
    return rows


@dataclass
class EndingSoon:
    agreement: Agreement
    days_left: int


def ending_soon_with_days_left(
    *, user: roles.User, months: int = 6, limit: int = 50, today: datetime.date | None = None
) -> list[EndingSoon]:
    """The agreements ending within `months`, soonest first, with the days they have left."""
    today = today or timezone.localdate()
    return [
        EndingSoon(agreement=agreement, days_left=(agreement.ends_on - today).days)
        for agreement in agreements_ending_soon(user=user, months=months, limit=limit)
    ]


def bar_percent(value: int | Decimal | float | None, largest: int | Decimal | float | None) -> int:
    """The width of a chart bar in percent of the largest value (0 when there is nothing to draw)."""
    if not value or not largest:
        return 0
    return max(1, min(100, round(float(value) / float(largest) * 100)))
