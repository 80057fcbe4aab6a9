"""Monev queries: which reports are owed, by whom, and how each agency keeps up.

Obligations are computed from the schedule (cooperation/models/monev.py), not stored: one query
for the agreements in scope and one for their reports, however many periods there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import roles
from ..models import (
    REPORTABLE_STATES,
    Agency,
    Agreement,
    AgreementStatus,
    MonevIndicator,
    MonevPeriod,
    MonevReport,
    VerificationStatus,
    agreement_monev_periods,
)
from .agreements import agency_of, agreements_visible_to


class ObligationState:
    """Where one period's report stands on a given day."""

    UPCOMING = "upcoming"  # the period has not closed yet
    OPEN = "open"  # closed, report not in, due date more than the reminder window away
    DUE_SOON = "due_soon"  # report not in, due within COOPERATION_MONEV_REMINDER_DAYS
    OVERDUE = "overdue"  # report not in and the due date has passed
    SUBMITTED = "submitted"  # submitted (or sent back for changes), not verified yet
    VERIFIED = "verified"

    LABELS = {
        UPCOMING: _("Belum jatuh tempo"),
        OPEN: _("Menunggu laporan"),
        DUE_SOON: _("Segera jatuh tempo"),
        OVERDUE: _("Terlambat"),
        SUBMITTED: _("Sudah dilaporkan"),
        VERIFIED: _("Terverifikasi"),
    }
    OUTSTANDING = {OPEN, DUE_SOON, OVERDUE}


@dataclass
class Obligation:
    """One period's report owed by an agreement's implementing agency."""

    agreement: Agreement
    period: MonevPeriod
    report: MonevReport | None
    state: str
    today: datetime.date

    @property
    def state_label(self) -> str:
        return str(ObligationState.LABELS[self.state])

    @property
    def is_outstanding(self) -> bool:
        return self.state in ObligationState.OUTSTANDING

    @property
    def days_overdue(self) -> int:
        return max(0, (self.today - self.period.due_on).days) if self.state == ObligationState.OVERDUE else 0

    @property
    def responsible_agencies(self) -> list[Agency]:
        return responsible_agencies(self.agreement)


def responsible_agencies(agreement: Agreement) -> list[Agency]:
    """The implementing agencies report and are reminded; the initiating agency when none is recorded."""
    implementing = list(agreement.implementing_agencies.all())
    return implementing or [agreement.initiating_agency]


# Agreements that owe reports: in force, or ended by their term or early (for the periods they ran).
OBLIGATED_STATES = [
    AgreementStatus.IN_FORCE,
    AgreementStatus.EXPIRED,
    AgreementStatus.EXTENDED,
    AgreementStatus.TERMINATED,
]


def obligation_state(
    *, period: MonevPeriod, report: MonevReport | None, today: datetime.date, reminder_days: int | None = None
) -> str:
    reminder_days = settings.COOPERATION_MONEV_REMINDER_DAYS if reminder_days is None else reminder_days
    if report is not None and report.verification_status == VerificationStatus.VERIFIED:
        return ObligationState.VERIFIED
    if report is not None and report.verification_status != VerificationStatus.DRAFT:
        return ObligationState.SUBMITTED
    if today <= period.ends_on:
        return ObligationState.UPCOMING
    if today > period.due_on:
        return ObligationState.OVERDUE
    if (period.due_on - today).days <= reminder_days:
        return ObligationState.DUE_SOON
    return ObligationState.OPEN


def monev_obligations(
    *,
    agreements: QuerySet[Agreement],
    today: datetime.date | None = None,
    include_upcoming: bool = False,
    period_from: datetime.date | None = None,
    period_to: datetime.date | None = None,
) -> list[Obligation]:
    """Every scheduled period of these agreements with its report and state, oldest due first.

    Without a range, periods whose report is owed or done by `today`; `include_upcoming` adds the
    period still running. With `period_from`/`period_to`, the periods ending within the range.
    """
    today = today or timezone.localdate()
    agreements = (
        agreements.filter(status__in=OBLIGATED_STATES, starts_on__isnull=False, ends_on__isnull=False)
        .select_related("kind", "initiating_agency", "document_type")
        .prefetch_related("implementing_agencies")
        .order_by("pk")
    )
    agreement_list = list(agreements)
    reports: dict[tuple[int, datetime.date], MonevReport] = {
        (report.agreement_id, report.period_starts_on): report
        # No indicators: the states need only the status and dates, and at a region's scale
        # (tens of thousands of reports) building every indicator costs more than the rest.
        for report in MonevReport.objects.filter(agreement__in=[a.pk for a in agreement_list])
    }
    obligations = []
    for agreement in agreement_list:
        # An agreement that ended early owes nothing for the time after its termination.
        for period in agreement_monev_periods(agreement):
            if period_from and period.ends_on < period_from:
                continue
            if period_to and period.ends_on > period_to:
                continue
            if not (period_from or period_to) and period.starts_on > today:
                continue
            report = reports.get((agreement.pk, period.starts_on))
            state = obligation_state(period=period, report=report, today=today)
            if state == ObligationState.UPCOMING and not (include_upcoming or period_from or period_to):
                continue
            obligations.append(Obligation(agreement=agreement, period=period, report=report, state=state, today=today))
    obligations.sort(key=lambda o: (o.period.due_on, o.agreement.pk))
    return obligations


def monev_agreements_for(*, user: roles.User) -> QuerySet[Agreement]:
    """The agreements whose reports the user follows: every one for region-wide roles, their agency's otherwise."""
    return agreements_visible_to(user=user)


def obligations_for(*, user: roles.User, today: datetime.date | None = None) -> list[Obligation]:
    """What the user's agency owes (or the whole region, for the secretariat), outstanding first."""
    obligations = monev_obligations(agreements=monev_agreements_for(user=user), today=today, include_upcoming=True)
    order = {
        ObligationState.OVERDUE: 0,
        ObligationState.DUE_SOON: 1,
        ObligationState.OPEN: 2,
        ObligationState.UPCOMING: 3,
        ObligationState.SUBMITTED: 4,
        ObligationState.VERIFIED: 5,
    }
    return sorted(obligations, key=lambda o: (order[o.state], o.period.due_on, o.agreement.pk))


@dataclass
class AgencyCompliance:
    agency: Agency
    due: int = 0  # periods whose due date has passed
    reported_on_time: int = 0
    reported_late: int = 0
    overdue: int = 0  # due and still not reported
    due_soon: int = 0

    @property
    def reported(self) -> int:
        return self.reported_on_time + self.reported_late

    @property
    def percent(self) -> Decimal | None:
        """Share of the reports already due that are in: the compliance figure of the dashboard."""
        if not self.due:
            return None
        return (Decimal(self.reported) / self.due * 100).quantize(Decimal("0.1"))


def compliance_by_agency(
    *, user: roles.User, today: datetime.date | None = None, period_from: datetime.date | None = None
) -> list[AgencyCompliance]:
    """Per responsible agency: reports due by today, how many are in (on time or late), how many overdue."""
    today = today or timezone.localdate()
    rows: dict[int, AgencyCompliance] = {}
    for obligation in monev_obligations(agreements=monev_agreements_for(user=user), today=today):
        if period_from and obligation.period.ends_on < period_from:
            continue
        for agency in obligation.responsible_agencies:
            row = rows.setdefault(agency.pk, AgencyCompliance(agency=agency))
            if obligation.state == ObligationState.DUE_SOON:
                row.due_soon += 1
            if obligation.period.due_on >= today:
                # Not due yet: counts only when already reported early.
                if obligation.report is not None and not obligation.is_outstanding:
                    row.due += 1
                    row.reported_on_time += 1
                continue
            row.due += 1
            if obligation.state == ObligationState.OVERDUE:
                row.overdue += 1
            elif obligation.report is not None and obligation.report.submitted_at is not None:
                on_time = timezone.localdate(obligation.report.submitted_at) <= obligation.period.due_on
                if on_time:
                    row.reported_on_time += 1
                else:
                    row.reported_late += 1
            else:
                row.reported_on_time += 1
    return sorted(rows.values(), key=lambda r: (r.percent if r.percent is not None else Decimal(101), r.agency.name))


def monev_reports_visible_to(*, user: roles.User) -> QuerySet[MonevReport]:
    """Region-wide roles see every report; agency staff the reports on their agency's agreements."""
    reports = MonevReport.objects.all()
    if roles.is_region_wide(user):
        return reports
    if roles.AGENCY_STAFF in roles.role_names(user) and (agency := agency_of(user=user)):
        return reports.filter(Q(reporting_agency=agency) | Q(agreement__in=agreements_visible_to(user=user)))
    return reports.none()


def keeps_monev(user: roles.User) -> bool:
    """The secretariat (and administrators) keep every agency's reports and verify them."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or roles.role_names(user) & {roles.SECRETARIAT, roles.ADMINISTRATOR})
    )


def monev_reports_changeable_by(*, user: roles.User) -> QuerySet[MonevReport]:
    """The secretariat corrects any report; agency staff their agency's; reviewers and editors none."""
    if keeps_monev(user):
        return MonevReport.objects.all()
    if roles.is_region_wide(user):
        return MonevReport.objects.none()
    return monev_reports_visible_to(user=user)


def reports_awaiting_verification(*, user: roles.User, limit: int = 20) -> list[MonevReport]:
    """Reports whose verification waits for the secretariat, oldest submission first (home panel)."""
    if not keeps_monev(user):
        return []
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import WorkflowState

    report_type = ContentType.objects.get_for_model(MonevReport)
    ids = WorkflowState.objects.filter(
        base_content_type=report_type, status=WorkflowState.STATUS_IN_PROGRESS
    ).values_list("object_id", flat=True)
    return list(
        MonevReport.objects.filter(pk__in=[int(pk) for pk in ids])
        .select_related("agreement__kind", "reporting_agency")
        .order_by("submitted_at", "pk")[:limit]
    )


def reportable_agreements_for(*, user: roles.User) -> QuerySet[Agreement]:
    """Agreements the user may write a report for: in force (or closing) and in their scope."""
    if roles.is_region_wide(user) and not keeps_monev(user):
        return Agreement.objects.none()
    return agreements_visible_to(user=user).filter(status__in=REPORTABLE_STATES)


def public_monev_summary(*, agreement: Agreement) -> list[dict]:
    """The verified reports of one agreement for its public page, newest period first.

    Reads the live (verified) version only: a later draft of a verified report never shows.
    """
    reports = (
        MonevReport.objects.verified()
        .filter(agreement=agreement)
        .select_related("agreement__kind")
        .prefetch_related(Prefetch("indicators", queryset=MonevIndicator.objects.order_by("sort_order", "pk")))
        .order_by("-period_ends_on")
    )
    return [
        {
            "report": report,
            "period": report.period_label,
            "period_starts_on": report.period_starts_on,
            "period_ends_on": report.period_ends_on,
            "realisation": report.realisation_percent,
            "budget_percent": report.budget_percent,
            "recommendation": report.get_recommendation_display(),
            "benefits": report.benefits,
            "indicators": list(report.indicators.all()),
            "verified_at": report.verified_at,
        }
        for report in reports
    ]


def latest_verified_report(*, agreement: Agreement) -> MonevReport | None:
    return MonevReport.objects.verified().filter(agreement=agreement).order_by("-period_ends_on").first()


def reports_by_agreement(*, agreements: list[Agreement], period_from: datetime.date, period_to: datetime.date):
    """Verified reports whose period ends in the range, grouped by agreement id (for upward reports)."""
    grouped: dict[int, list[MonevReport]] = defaultdict(list)
    reports = (
        MonevReport.objects.verified()
        .filter(agreement__in=[a.pk for a in agreements])
        .filter(period_ends_on__gte=period_from, period_ends_on__lte=period_to)
        .prefetch_related(Prefetch("indicators", queryset=MonevIndicator.objects.order_by("sort_order", "pk")))
        .order_by("period_ends_on")
    )
    for report in reports:
        grouped[report.agreement_id].append(report)
    return grouped
