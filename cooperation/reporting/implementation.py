"""'Laporan Pelaksanaan Kerja Sama Daerah': every agreement in force during a period, with its monev results.

An agreement counts when it was in force at any time in the period: signed (or later), started on
or before the period's end, and not ended (by its term or early) before the period's start. Its
monev results are the periods of its schedule that end inside the reporting period: the verified
report's figures, or "Terlambat" / "Menunggu verifikasi" / "Belum dilaporkan".
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import roles
from ..models import EXPIRING_SOON_LABEL, Agreement, AgreementParty, AgreementStatus, MonevReport
from ..selectors.agreements import agreements_visible_to
from ..selectors.monev import ObligationState, monev_obligations, reports_by_agreement


def rupiah(value: Decimal | int | None) -> str:
    """Rp1.250.000 — Indonesian thousands separator, no decimals."""
    if value is None:
        return "—"
    return "Rp" + f"{int(value):,}".replace(",", ".")


def percent(value: Decimal | None) -> str:
    """80,5 % — Indonesian decimal comma."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + " %"


def agency_names(agreement: Agreement) -> str:
    """The implementing agencies' full names; the initiating agency when none is recorded."""
    names = [agency.name for agency in agreement.implementing_agencies.all()]
    return "; ".join(names) or agreement.initiating_agency.name


def day(value: datetime.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "—"


def agreements_in_force_during(
    *, user: roles.User, period_from: datetime.date, period_to: datetime.date
) -> QuerySet[Agreement]:
    """The agreements the user may see that were in force at any time between the two dates."""
    return (
        agreements_visible_to(user=user)
        .filter(status__in=AgreementStatus.signed_states())
        .filter(Q(starts_on__lte=period_to) | Q(starts_on__isnull=True, signed_on__lte=period_to))
        .filter(Q(ends_on__gte=period_from) | Q(ends_on__isnull=True))
        .exclude(terminated_on__lt=period_from)
        .select_related("document_type", "kind", "initiating_agency", "parent", "replaces")
        .prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("partner", "agency")),
            "implementing_agencies",
            Prefetch("children", queryset=Agreement.objects.select_related("document_type").order_by("pk")),
            Prefetch("renewals", queryset=Agreement.objects.order_by("pk")),
        )
        .order_by("starts_on", "pk")
    )


@dataclass
class MonevLine:
    """One scheduled period of one agreement, as the report prints it."""

    period_label: str
    state: str
    report: MonevReport | None = None

    @property
    def realisation(self) -> Decimal | None:
        return self.report.realisation_percent if self.report else None

    @property
    def text(self) -> str:
        if self.report is None:
            if self.state == ObligationState.OVERDUE:
                return _("%(period)s: Terlambat") % {"period": self.period_label}
            if self.state == ObligationState.SUBMITTED:
                return _("%(period)s: Menunggu verifikasi") % {"period": self.period_label}
            return _("%(period)s: Belum dilaporkan") % {"period": self.period_label}
        report = self.report
        parts = [_("realisasi %(percent)s") % {"percent": percent(report.realisation_percent)}]
        if report.budget_realised is not None:
            budget = rupiah(report.budget_realised)
            if report.budget_percent is not None:
                budget += f" ({percent(report.budget_percent)})"
            parts.append(_("anggaran %(budget)s") % {"budget": budget})
        parts.append(_("rekomendasi %(recommendation)s") % {"recommendation": report.get_recommendation_display()})
        return f"{self.period_label}: " + "; ".join(parts)


@dataclass
class ImplementationRow:
    number: int
    agreement: Agreement
    monev: list[MonevLine] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return f"{self.agreement.document_type.name} ({self.agreement.kind.code})"

    @property
    def implementing_agency(self) -> str:
        return agency_names(self.agreement)

    @property
    def term(self) -> str:
        return f"{day(self.agreement.starts_on)} s.d. {day(self.agreement.ends_on)}"

    @property
    def monev_text(self) -> str:
        return "\n".join(line.text for line in self.monev) or _("Tidak ada periode monev dalam periode laporan")


@dataclass
class ImplementationSummary:
    status_counts: list[tuple[str, int]]
    agreement_count: int
    total_value: Decimal
    reports_due: int  # scheduled periods ending in the period
    reports_verified: int
    reports_awaiting_verification: int
    reports_overdue: int
    average_realisation: Decimal | None


@dataclass
class ImplementationReport:
    region_name: str
    period_from: datetime.date
    period_to: datetime.date
    generated_on: datetime.date
    rows: list[ImplementationRow]
    summary: ImplementationSummary

    @property
    def title(self) -> str:
        return _("Laporan Pelaksanaan Kerja Sama Daerah")

    @property
    def period_text(self) -> str:
        return _("Periode %(start)s s.d. %(end)s") % {"start": day(self.period_from), "end": day(self.period_to)}


def implementation_report(
    *,
    user: roles.User,
    period_from: datetime.date,
    period_to: datetime.date,
    today: datetime.date | None = None,
) -> ImplementationReport:
    """Rows and summary of the implementation report, in a fixed number of queries."""
    today = today or timezone.localdate()
    agreements = agreements_in_force_during(user=user, period_from=period_from, period_to=period_to)
    agreement_list = list(agreements)
    by_pk = {agreement.pk: agreement for agreement in agreement_list}
    verified = reports_by_agreement(agreements=agreement_list, period_from=period_from, period_to=period_to)
    verified_by_period: dict[tuple[int, datetime.date], MonevReport] = {}
    for agreement_id, reports in verified.items():
        for report in reports:
            report.agreement = by_pk[agreement_id]  # its period label reads the agreement: no query per report
            verified_by_period[(agreement_id, report.period_starts_on)] = report

    lines: dict[int, list[MonevLine]] = defaultdict(list)
    obligations = monev_obligations(
        agreements=Agreement.objects.filter(pk__in=list(by_pk)),
        today=today,
        period_from=period_from,
        period_to=period_to,
    )
    for obligation in obligations:
        report = verified_by_period.get((obligation.agreement.pk, obligation.period.starts_on))
        if report is None and obligation.state == ObligationState.VERIFIED:
            report = obligation.report
        state = ObligationState.VERIFIED if report else obligation.state
        lines[obligation.agreement.pk].append(
            MonevLine(period_label=obligation.period.label, state=state, report=report)
        )

    rows = [
        ImplementationRow(number=index, agreement=agreement, monev=lines[agreement.pk])
        for index, agreement in enumerate(agreement_list, start=1)
    ]
    all_lines = [line for row in rows for line in row.monev]
    realisations = [line.realisation for line in all_lines if line.realisation is not None]
    statuses = Counter(agreement.status_label for agreement in agreement_list)
    summary = ImplementationSummary(
        status_counts=sorted(statuses.items(), key=lambda item: _status_order().index(item[0])),
        agreement_count=len(agreement_list),
        total_value=sum((agreement.value or Decimal(0) for agreement in agreement_list), Decimal(0)),
        reports_due=len(all_lines),
        reports_verified=sum(line.state == ObligationState.VERIFIED for line in all_lines),
        reports_awaiting_verification=sum(line.state == ObligationState.SUBMITTED for line in all_lines),
        reports_overdue=sum(line.state == ObligationState.OVERDUE for line in all_lines),
        average_realisation=(
            (sum(realisations) / len(realisations)).quantize(Decimal("0.1")) if realisations else None
        ),
    )
    return ImplementationReport(
        region_name=settings.COOPERATION_REGION_NAME,
        period_from=period_from,
        period_to=period_to,
        generated_on=today,
        rows=rows,
        summary=summary,
    )


def _status_order() -> list[str]:
    labels = [str(label) for value, label in AgreementStatus.choices]
    labels.insert(labels.index(str(AgreementStatus.IN_FORCE.label)) + 1, str(EXPIRING_SOON_LABEL))
    return labels
