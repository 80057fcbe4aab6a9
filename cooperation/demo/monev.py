"""Monev reports in every state, driven through the real services and the Wagtail workflow.

The register's agreements in force owe a report for each closed period (cooperation/models/monev.py).
This seeder writes a fixed set of reports on the first demo agreements that owe some, through
``submit_report`` and ``act_on_report`` (the "Verifikasi Laporan Monev" workflow of migration 0014):

- the showcase (a public agreement, reported by the demo user of its agency, ``opd`` for Dinkes when
  it can): its earlier periods verified (live, so the public page shows the summary), the first of
  them with a later draft edit the public never sees; its last closed period submitted and waiting
  for the Sekretariat;
- a second agreement whose last report was sent back for changes with the Sekretariat's note;
- a third with its last report still a draft;
- a few more with every recent period verified but the last, which is left owed;
- the history: a mature deployment has its past reports in, so every other closed period is
  verified, written in bulk (no revision, no workflow: nobody opens them in the workflow any more),
  except the periods closed in the last couple of weeks and the last closed period of LEFT_OWED more
  agreements, so the dashboard and the reminders have a handful of reports due or overdue.

As in proposals.py, the services stamp everything "now": each step runs inside ``DemoClock.at`` and
the timestamps it wrote are moved to planned moments after the period closed. Only timestamps move.

Idempotent: a report is keyed by its agreement and period (a unique constraint); a rerun skips the
periods that have one. Mail goes to the dummy backend.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from cooperation.models import (
    Agreement,
    AgreementStatus,
    MonevIndicator,
    MonevPeriod,
    MonevReport,
    Recommendation,
    VerificationStatus,
    agreement_monev_periods,
)
from cooperation.selectors import public_agreements
from cooperation.selectors.monev import OBLIGATED_STATES, ObligationState, monev_obligations, responsible_agencies
from cooperation.services.monev import act_on_report, record_report_author, submit_report

from .planner import AGENCY_USERS, DEMO_MARKER
from .proposals import QUIET_EMAIL_BACKEND, DemoClock

if TYPE_CHECKING:
    from .builder import DemoBuilder

VERIFIER = "sekretariat"
PREFERRED_AGENCIES = ("DINKES", "DISKOMINFO")  # the agencies of the demo users opd and opd2
FULLY_REPORTED = 4  # agreements after the three showcases whose recent reports are all verified
LEFT_OWED = 2  # more agreements whose last closed period is left owed (Terlambat or due soon)
MIN_DAYS_TO_REPORT = 15  # periods closed more recently are not in yet: "Menunggu laporan"

DRAFT = "draft"
SUBMITTED = "submitted"
NEEDS_CHANGES = "needs_changes"
VERIFIED = "verified"
VERIFIED_EDITED = "verified_edited"  # verified, then edited again: a draft revision over a live report

CHANGES_NOTE = "Lengkapi bukti dukung (foto kegiatan dan daftar hadir) dan jelaskan selisih realisasi indikator kedua."
VERIFIED_NOTE = "Laporan lengkap dan sesuai bukti dukung."
ACTIVITIES = (
    "Rapat koordinasi bersama mitra, penyusunan rencana kerja semester, dan pelaksanaan kegiatan inti "
    "sesuai ruang lingkup naskah.",
    "Pelaksanaan kegiatan bersama di lapangan, pendampingan teknis oleh mitra, dan evaluasi bulanan "
    "oleh OPD pelaksana.",
    "Sosialisasi program kepada masyarakat, pelatihan petugas, dan pemantauan capaian indikator.",
)
BENEFITS = (
    "Layanan kepada masyarakat lebih cepat; jumlah warga yang terlayani meningkat dibanding periode lalu.",
    "Kapasitas petugas OPD meningkat melalui pendampingan mitra; biaya layanan per warga turun.",
    "Masyarakat memperoleh akses layanan baru tanpa tambahan beban APBD.",
)
OBSTACLES = (
    "Jadwal kegiatan bergeser karena menyesuaikan agenda mitra.",
    "Data capaian dari kelurahan belum seragam formatnya.",
    "",
)
FOLLOW_UPS = (
    "Menyusun jadwal bersama untuk semester berikutnya sejak awal periode.",
    "Menyeragamkan format pelaporan capaian bersama kecamatan.",
    "Melanjutkan kegiatan sesuai rencana kerja.",
)
# name, unit, target: the realisation is drawn below the target.
INDICATORS = (
    ("Kegiatan terlaksana sesuai rencana kerja", "kegiatan", 6),
    ("Warga penerima manfaat", "orang", 800),
    ("Rapat koordinasi dengan mitra", "kali", 2),
    ("Petugas yang dilatih", "orang", 40),
)
EDIT_SUFFIX = " Perubahan: data penerima manfaat dari dua kelurahan ditambahkan."


@dataclass
class Scenario:
    agreement: Agreement
    reporter: str  # username
    outcomes: list[tuple[MonevPeriod, str]]


class MonevClock(DemoClock):
    """DemoClock over the rows a monev step writes."""

    RESTAMPED: list[tuple[type, tuple[str, ...]]] = [
        (
            MonevReport,
            ("created_at", "updated_at", "submitted_at", "verified_at", "first_published_at", "last_published_at"),
        ),
        (Revision, ("created_at",)),
        (WorkflowState, ("created_at",)),
        (TaskState, ("started_at", "finished_at")),
        (ModelLogEntry, ("timestamp",)),
    ]

    def restamp(self) -> None:
        if not self.windows:
            return
        since = self.windows[0][0]
        for model, fields in self.RESTAMPED:
            recent = Q()
            for name in fields:
                recent |= Q(**{f"{name}__gte": since})
            for row in model.objects.filter(recent).values("pk", *fields):
                changes = {name: self.map(row[name]) for name in fields if row[name] and row[name] >= since}
                model.objects.filter(pk=row["pk"]).update(**changes)


class MonevSeeder:
    """Adds the demo's monev reports that are missing; see the module docstring."""

    def __init__(self, builder: "DemoBuilder") -> None:
        self.b = builder
        self.report = builder.report
        self.users = builder.users
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.calendar = DemoClock(self.now)  # only for its office-hours moments
        self.left_owed: set[tuple[int, datetime.date]] = set()  # (agreement pk, period start) kept unreported

    def run(self) -> None:
        if MonevReport().get_workflow() is None:
            self.b.write("Alur 'Verifikasi Laporan Monev' belum ada (migrasi 0014): laporan monev demo dilewati.")
            return
        scenarios = self.scenarios()
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL_BACKEND):
            for scenario in scenarios:
                for period, outcome in scenario.outcomes:
                    if MonevReport.objects.filter(
                        agreement=scenario.agreement, period_starts_on=period.starts_on
                    ).exists():
                        continue
                    with transaction.atomic():
                        clock = MonevClock(self.now)
                        written = self._report(scenario, period, outcome, clock)
                        clock.restamp()
                        # Publishing restores the row from its revision, whose JSON keeps only milliseconds:
                        # the creation time may fall just before the clock's first window.
                        MonevReport.objects.filter(
                            agreement=scenario.agreement, period_starts_on=period.starts_on
                        ).update(created_at=written)
                    self.report.monev_created += 1
        with transaction.atomic():
            self.report.monev_created += self.history(scenarios)
        self.report.monev_states = self.tally()

    # -- which agreements get which reports ------------------------------------------------------------

    def scenarios(self) -> list[Scenario]:
        """The showcase, sent-back and draft agreements, then a few fully reported ones (see the docstring)."""
        candidates = list(
            Agreement.objects.filter(internal_notes__startswith=DEMO_MARKER, status=AgreementStatus.IN_FORCE)
            .select_related("kind", "initiating_agency")
            .prefetch_related("implementing_agencies")
            .order_by("pk")
        )
        public = set(public_agreements().filter(pk__in=[a.pk for a in candidates]).values_list("pk", flat=True))
        closed = {a.pk: [p for p in agreement_monev_periods(a) if p.ends_on < self.today] for a in candidates}
        candidates = [a for a in candidates if closed[a.pk]]

        taken: set[int] = set()

        def pick(*, min_periods: int, public_only: bool) -> Agreement | None:
            pool = [
                a
                for a in candidates
                if a.pk not in taken and len(closed[a.pk]) >= min_periods and (a.pk in public or not public_only)
            ]
            pool.sort(key=lambda a: (self._agency_rank(a), a.pk))
            if pool:
                taken.add(pool[0].pk)
                return pool[0]
            return None

        scenarios = []

        def add(agreement: Agreement | None, last: str, earlier: list[str]) -> None:
            if agreement is None:
                return
            periods = closed[agreement.pk][-(len(earlier) + 1) :]
            outcomes = list(zip(periods[:-1], earlier[: len(periods) - 1], strict=True))
            outcomes.append((periods[-1], last))
            scenarios.append(Scenario(agreement, self._reporter(agreement), outcomes))

        showcase = pick(min_periods=2, public_only=True) or pick(min_periods=1, public_only=True)
        add(showcase, SUBMITTED, [VERIFIED_EDITED, VERIFIED])
        sent_back = pick(min_periods=1, public_only=True) or pick(min_periods=1, public_only=False)
        add(sent_back, NEEDS_CHANGES, [VERIFIED, VERIFIED])
        add(pick(min_periods=1, public_only=False), DRAFT, [])
        for _ in range(FULLY_REPORTED):
            agreement = pick(min_periods=2, public_only=True)
            if agreement is None:
                break
            periods = closed[agreement.pk][-3:-1]  # the last closed period stays owed
            self.left_owed.add((agreement.pk, closed[agreement.pk][-1].starts_on))
            scenarios.append(Scenario(agreement, self._reporter(agreement), [(p, VERIFIED) for p in periods]))
        return scenarios

    # -- the history ---------------------------------------------------------------------------------

    def history(self, scenarios: list[Scenario]) -> int:
        """Verified reports for the closed periods still without one (see the docstring), in bulk: fast
        at any register size. Returns how many were written."""
        demo = (
            Agreement.objects.filter(
                internal_notes__startswith=DEMO_MARKER,
                status__in=OBLIGATED_STATES,
                starts_on__isnull=False,
                ends_on__isnull=False,
            )
            .select_related("kind", "initiating_agency")
            .prefetch_related("implementing_agencies")
            .order_by("pk")
        )
        existing = set(MonevReport.objects.filter(agreement__in=demo).values_list("agreement_id", "period_starts_on"))
        in_scenarios = {scenario.agreement.pk for scenario in scenarios}
        owed = set(self.left_owed)
        planned: list[tuple[Agreement, MonevPeriod]] = []
        # The demo agency's own agreements first, so the `opd` login has a report owed to try.
        for agreement in sorted(demo, key=lambda a: (self._agency_rank(a), a.pk)):
            reportable = [
                p for p in agreement_monev_periods(agreement) if (self.today - p.ends_on).days >= MIN_DAYS_TO_REPORT
            ]
            if not reportable:
                continue
            last = reportable[-1]
            recent = last.due_on >= self.today - datetime.timedelta(days=365)
            left = sum(1 for pk, _start in owed if pk not in in_scenarios)
            if agreement.pk not in in_scenarios and recent and left < LEFT_OWED:
                owed.add((agreement.pk, last.starts_on))
            planned += [
                (agreement, p)
                for p in reportable
                if (agreement.pk, p.starts_on) not in existing and (agreement.pk, p.starts_on) not in owed
            ]
        reports, indicators, stamps = [], [], []
        for agreement, period in planned:
            report, report_indicators, written = self._historic(agreement, period)
            reports.append(report)
            indicators.append(report_indicators)
            stamps.append(written)
        MonevReport.objects.bulk_create(reports, batch_size=500)
        # created_at/updated_at are auto_now: bulk_update does not touch them, bulk_create does.
        for report, written in zip(reports, stamps, strict=True):
            report.created_at, report.updated_at = written, report.verified_at
        MonevReport.objects.bulk_update(reports, ["created_at", "updated_at"], batch_size=500)
        for report, report_indicators in zip(reports, indicators, strict=True):
            for indicator in report_indicators:
                indicator.report_id = report.pk
        MonevIndicator.objects.bulk_create([i for group in indicators for i in group], batch_size=1000)
        return len(reports)

    def _historic(
        self, agreement: Agreement, period: MonevPeriod
    ) -> tuple[MonevReport, list[MonevIndicator], datetime.datetime]:
        """One verified past report, deterministic per agreement and period."""
        rng = random.Random(f"monev-history:{agreement.region_number}:{period.starts_on.isoformat()}")
        written, submitted, verified, _edited = self._moments(period, rng)
        agency = responsible_agencies(agreement)[0]
        reporter = self.users[AGENCY_USERS.get(agency.code, VERIFIER)]
        report = MonevReport(
            agreement=agreement,
            period_starts_on=period.starts_on,
            period_ends_on=period.ends_on,
            reporting_agency=agency,
            activities=rng.choice(ACTIVITIES),
            benefits=rng.choice(BENEFITS),
            obstacles=rng.choice(OBSTACLES),
            follow_up=rng.choice(FOLLOW_UPS),
            recommendation=rng.choice((Recommendation.CONTINUE,) * 5 + (Recommendation.AMEND,)),
            verification_status=VerificationStatus.VERIFIED,
            submitted_at=submitted,
            submitted_by=reporter,
            verified_at=verified,
            verified_by=self.users[VERIFIER],
            verification_note=VERIFIED_NOTE,
            created_by=reporter,
            live=True,
            has_unpublished_changes=False,
            first_published_at=verified,
            last_published_at=verified,
        )
        if agreement.value:
            planned = (agreement.value / max(1, len(agreement_monev_periods(agreement)))).quantize(Decimal("1000"))
            report.budget_planned = planned
            report.budget_realised = (planned * Decimal(rng.randint(55, 98)) / 100).quantize(Decimal("1000"))
        indicators = [
            MonevIndicator(
                name=name,
                unit=unit,
                target=Decimal(target),
                realisation=Decimal(max(1, round(target * rng.randint(60, 100) / 100))),
                sort_order=order,
            )
            for order, (name, unit, target) in enumerate(rng.sample(INDICATORS, rng.randint(1, 3)))
        ]
        return report, indicators, written

    @staticmethod
    def _agency_codes(agreement: Agreement) -> list[str]:
        return [agency.code for agency in agreement.implementing_agencies.all()] or [agreement.initiating_agency.code]

    def _agency_rank(self, agreement: Agreement) -> int:
        codes = self._agency_codes(agreement)
        return next((i for i, code in enumerate(PREFERRED_AGENCIES) if code in codes), len(PREFERRED_AGENCIES))

    def _reporter(self, agreement: Agreement) -> str:
        """The demo user of an implementing agency reports; the secretariat enters the others' paper reports."""
        for code in self._agency_codes(agreement):
            if code in AGENCY_USERS:
                return AGENCY_USERS[code]
        return VERIFIER

    # -- one report ------------------------------------------------------------------------------------

    def _report(self, scenario: Scenario, period: MonevPeriod, outcome: str, clock: MonevClock) -> datetime.datetime:
        """Write one report and take it as far as `outcome`; returns when it was first written."""
        agreement = scenario.agreement
        reporter = self.users[scenario.reporter]
        verifier = self.users[VERIFIER]
        rng = random.Random(f"monev:{agreement.region_number}:{period.starts_on.isoformat()}")
        moments = self._moments(period, rng)
        agency = self._reporting_agency(agreement, scenario.reporter)

        with clock.at(moments[0]):
            report = self._draft(agreement, period, agency, rng)
            record_report_author(report=report, by=reporter)
        if outcome == DRAFT:
            with clock.at(moments[0]):
                report.save_revision(user=reporter)
            return moments[0]
        with clock.at(moments[1]):
            submit_report(report=report, by=reporter)
        if outcome == SUBMITTED:
            return moments[0]
        with clock.at(moments[2]):
            if outcome == NEEDS_CHANGES:
                act_on_report(report=report, by=verifier, action="reject", comment=CHANGES_NOTE)
                return moments[0]
            act_on_report(report=report, by=verifier, action="approve", comment=VERIFIED_NOTE)
        if outcome == VERIFIED_EDITED:
            with clock.at(moments[3]):
                edit = report.get_latest_revision_as_object()
                edit.benefits += EDIT_SUFFIX
                edit.save_revision(user=reporter)
        return moments[0]

    def _draft(self, agreement: Agreement, period: MonevPeriod, agency, rng: random.Random) -> MonevReport:
        """A complete report as the agency writes it: indicators below target, budget partly spent."""
        ending_soon = agreement.ends_on and (agreement.ends_on - self.today).days <= 183
        report = MonevReport(
            agreement=agreement,
            period_starts_on=period.starts_on,
            period_ends_on=period.ends_on,
            reporting_agency=agency,
            activities=rng.choice(ACTIVITIES),
            benefits=rng.choice(BENEFITS),
            obstacles=rng.choice(OBSTACLES),
            follow_up=rng.choice(FOLLOW_UPS),
            recommendation=Recommendation.EXTEND if ending_soon else Recommendation.CONTINUE,
            recommendation_note=(
                "Kerja sama memberi manfaat nyata; diusulkan diperpanjang sebelum jangka waktunya berakhir."
                if ending_soon
                else ""
            ),
            live=False,
        )
        if agreement.value:
            planned = (agreement.value / max(1, len(agreement_monev_periods(agreement)))).quantize(Decimal("1000"))
            report.budget_planned = planned
            report.budget_realised = (planned * Decimal(rng.randint(55, 98)) / 100).quantize(Decimal("1000"))
        chosen = rng.sample(INDICATORS, 3)
        report.indicators = [
            MonevIndicator(
                name=name,
                unit=unit,
                target=Decimal(target),
                realisation=Decimal(max(1, round(target * rng.randint(60, 100) / 100))),
                sort_order=order,
            )
            for order, (name, unit, target) in enumerate(chosen)
        ]
        report.save()
        return report

    def _moments(self, period: MonevPeriod, rng: random.Random) -> list[datetime.datetime]:
        """Written after the period closed, submitted before its due date when there was time,
        verified some days later; never in the future."""
        days_ago = (self.today - period.ends_on).days  # at least 1: the period has closed
        written = max(1, days_ago - rng.randint(2, 12))
        submitted = max(1, min(written - 1, days_ago - rng.randint(10, 25)))
        verified = max(0, submitted - rng.randint(3, 9))
        edited = max(0, verified - rng.randint(5, 20))
        steps = [written, submitted, verified, edited]
        # Several steps may fall on the same day: the index keeps them in order.
        return [self.calendar.moment(days, index) for index, days in enumerate(steps)]

    def _reporting_agency(self, agreement: Agreement, username: str):
        codes = {agency.code: agency for agency in agreement.implementing_agencies.all()}
        for code, user in AGENCY_USERS.items():
            if user == username and code in codes:
                return codes[code]
        return next(iter(codes.values()), agreement.initiating_agency)

    # -- what the command prints ---------------------------------------------------------------------

    def tally(self) -> dict[str, int]:
        """Reports per verification status over the whole demo, and the periods overdue without one."""
        demo = Agreement.objects.filter(internal_notes__startswith=DEMO_MARKER)
        counts = Counter(MonevReport.objects.filter(agreement__in=demo).values_list("verification_status", flat=True))
        states = {str(label): counts.get(value, 0) for value, label in VerificationStatus.choices}
        edited = MonevReport.objects.filter(agreement__in=demo, live=True, has_unpublished_changes=True).count()
        states["terverifikasi dengan perubahan draf"] = edited
        overdue = [
            o for o in monev_obligations(agreements=demo, today=self.today) if o.state == ObligationState.OVERDUE
        ]
        states["terlambat (belum ada laporan)"] = len(overdue)
        return states
