"""Monitoring and evaluation (monev): the reporting schedule of an agreement in force, and its reports.

The schedule is not stored. It follows from the agreement's term and its kind's cadence
(`CooperationKind.monev_interval_months`), cut into calendar blocks (semesters for the default of
six months) so every agency reports on the same periods the secretariat reports upward. A report
is due `COOPERATION_MONEV_DUE_DAYS` after its period closes.

A report is a snippet under a Wagtail workflow: the agency saves drafts and submits, the
secretariat verifies or asks for changes. The live version of a report is its verified version,
so the public summary reads only live reports.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from .agreements import Agreement, AgreementStatus
from .reference import Agency

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}
# Agreement states in which a report may be written: in force, or ended by its own term (the
# closing report for the last period is due after the end date).
REPORTABLE_STATES = {AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED, AgreementStatus.EXTENDED}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class MonevPeriod:
    """One reporting period of one agreement: the block, cut to the agreement's term, and its due date."""

    starts_on: datetime.date
    ends_on: datetime.date
    due_on: datetime.date
    interval_months: int
    block_number: int  # 1-based position of the calendar block in its year

    @property
    def year(self) -> int:
        return self.ends_on.year

    @property
    def label(self) -> str:
        if self.interval_months == 12:
            return str(_("Tahun %(year)s") % {"year": self.year})
        names = {6: _("Semester"), 3: _("Triwulan"), 4: _("Caturwulan"), 2: _("Dwibulan"), 1: _("Bulan")}
        name = names.get(self.interval_months)
        if name is None:
            return str(
                _("Periode %(start)s s.d. %(end)s")
                % {"start": self.starts_on.strftime("%d-%m-%Y"), "end": self.ends_on.strftime("%d-%m-%Y")}
            )
        number = ROMAN.get(self.block_number, str(self.block_number))
        return f"{name} {number} {self.year}"

    def __str__(self) -> str:
        return self.label


def monev_periods(
    *,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    interval_months: int,
    due_days: int | None = None,
) -> list[MonevPeriod]:
    """Every reporting period of a term. Calendar-aligned when the cadence divides the year
    (6 → semesters, 3 → quarters, 12 → years); otherwise counted from the start date."""
    if not (starts_on and ends_on) or ends_on < starts_on or interval_months < 1:
        return []
    due_days = settings.COOPERATION_MONEV_DUE_DAYS if due_days is None else due_days
    aligned = 12 % interval_months == 0
    if aligned:
        block_start = datetime.date(starts_on.year, (starts_on.month - 1) // interval_months * interval_months + 1, 1)
    else:
        block_start = starts_on
    periods = []
    number = 1
    while block_start <= ends_on:
        block_end = add_months(block_start, interval_months) - datetime.timedelta(days=1)
        period_start, period_end = max(block_start, starts_on), min(block_end, ends_on)
        if aligned:
            number = (block_start.month - 1) // interval_months + 1
        periods.append(
            MonevPeriod(
                starts_on=period_start,
                ends_on=period_end,
                due_on=period_end + datetime.timedelta(days=due_days),
                interval_months=interval_months,
                block_number=number,
            )
        )
        block_start = block_end + datetime.timedelta(days=1)
        number += 1
    return periods


def agreement_monev_periods(agreement: Agreement) -> list[MonevPeriod]:
    """The schedule of one agreement, ending on the termination date when it was ended early."""
    ends_on = agreement.terminated_on or agreement.ends_on
    if agreement.terminated_on and agreement.ends_on:
        ends_on = min(agreement.terminated_on, agreement.ends_on)
    return monev_periods(
        starts_on=agreement.starts_on, ends_on=ends_on, interval_months=agreement.kind.monev_interval_months
    )


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("Dilanjutkan")
    EXTEND = "extend", _("Diperpanjang")
    AMEND = "amend", _("Diubah (adendum)")
    TERMINATE = "terminate", _("Diakhiri")


class VerificationStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Menunggu Verifikasi")
    NEEDS_CHANGES = "needs_changes", _("Perlu Perbaikan")
    VERIFIED = "verified", _("Terverifikasi")


class MonevReportQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verification_status=VerificationStatus.VERIFIED, live=True)

    def counted_as_reported(self):
        """A submitted or verified report fulfils its period's obligation; a draft does not."""
        return self.filter(
            verification_status__in=[
                VerificationStatus.SUBMITTED,
                VerificationStatus.NEEDS_CHANGES,
                VerificationStatus.VERIFIED,
            ]
        )


class MonevReport(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """Laporan monitoring dan evaluasi for one period of one agreement, by its implementing agency."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="monev_reports", verbose_name=_("naskah kerja sama")
    )
    period_starts_on = models.DateField(_("awal periode"))
    period_ends_on = models.DateField(_("akhir periode"))
    reporting_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="monev_reports", verbose_name=_("OPD pelapor")
    )
    activities = models.TextField(_("kegiatan yang dilaksanakan"))
    budget_planned = models.DecimalField(
        _("anggaran (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    budget_realised = models.DecimalField(
        _("realisasi anggaran (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    benefits = models.TextField(_("manfaat bagi masyarakat"), blank=True)
    regional_income = models.DecimalField(
        _("pendapatan daerah (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Kontribusi terhadap pendapatan asli daerah, bila ada."),
    )
    obstacles = models.TextField(_("kendala"), blank=True)
    follow_up = models.TextField(_("tindak lanjut"), blank=True)
    recommendation = models.CharField(
        _("rekomendasi"), max_length=20, choices=Recommendation.choices, default=Recommendation.CONTINUE
    )
    recommendation_note = models.TextField(_("alasan rekomendasi"), blank=True)

    verification_status = models.CharField(
        _("status verifikasi"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.DRAFT,
        editable=False,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("pelapor"),
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("verifikator"),
    )
    verification_note = models.TextField(_("catatan verifikasi"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("dibuat oleh"),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = MonevReportQuerySet.as_manager()

    # Written only by the services, never by the edit form or a restored revision.
    SERVICE_FIELDS = (
        "verification_status",
        "submitted_at",
        "submitted_by",
        "verified_at",
        "verified_by",
        "verification_note",
        "created_by",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("agreement"),
                FieldRowPanel([FieldPanel("period_starts_on"), FieldPanel("period_ends_on")]),
                FieldPanel("reporting_agency"),
            ],
            heading=_("Naskah dan periode"),
        ),
        FieldPanel("activities"),
        InlinePanel("indicators", heading=_("Indikator"), label=_("Indikator"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget_planned"), FieldPanel("budget_realised")]),
                FieldPanel("regional_income"),
                FieldPanel("benefits"),
            ],
            heading=_("Anggaran dan manfaat"),
        ),
        MultiFieldPanel(
            [FieldPanel("obstacles"), FieldPanel("follow_up")],
            heading=_("Kendala dan tindak lanjut"),
        ),
        MultiFieldPanel(
            [FieldPanel("recommendation"), FieldPanel("recommendation_note")],
            heading=_("Rekomendasi"),
        ),
        InlinePanel("evidence", heading=_("Bukti dukung"), label=_("Bukti")),
    ]

    class Meta:
        ordering = ["-period_ends_on", "-id"]
        verbose_name = _("laporan monev")
        verbose_name_plural = _("laporan monev")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "period_starts_on"], name="one_monev_report_per_period")
        ]
        indexes = [models.Index(fields=["verification_status", "period_ends_on"], name="monev_status_period_idx")]

    def __str__(self) -> str:
        return f"{self.period_label} — {self.agreement}" if self.agreement_id else str(self.period_label)

    # -- derived facts ---------------------------------------------------------------------

    @property
    def period(self) -> MonevPeriod | None:
        if not self.agreement_id:
            return None
        for period in agreement_monev_periods(self.agreement):
            if period.starts_on == self.period_starts_on:
                return period
        return None

    @property
    def period_label(self) -> str:
        period = self.period
        if period is not None:
            return period.label
        if self.period_starts_on and self.period_ends_on:
            return f"{self.period_starts_on:%d-%m-%Y} s.d. {self.period_ends_on:%d-%m-%Y}"
        return ""

    @property
    def realisation_percent(self) -> Decimal | None:
        """The mean of the indicators' achievement, each capped at 100 %."""
        percents = [p for p in (indicator.percent for indicator in self.indicators.all()) if p is not None]
        if not percents:
            return None
        return (sum(percents) / len(percents)).quantize(Decimal("0.1"))

    @property
    def budget_percent(self) -> Decimal | None:
        if not self.budget_planned or self.budget_realised is None:
            return None
        return (self.budget_realised / self.budget_planned * 100).quantize(Decimal("0.1"))

    # -- invariants --------------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}

        def fail(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        for field in ("budget_planned", "budget_realised", "regional_income"):
            value = getattr(self, field)
            if value is not None and value < 0:
                fail(field, _("Nilai tidak boleh negatif."))
        if (
            self.budget_planned is not None
            and self.budget_realised is not None
            and self.budget_realised > self.budget_planned
        ):
            fail("budget_realised", _("Realisasi anggaran tidak boleh melebihi anggaran."))
        if self.period_starts_on and self.period_ends_on and self.period_ends_on < self.period_starts_on:
            fail("period_ends_on", _("Akhir periode tidak boleh sebelum awal periode."))
        elif self.agreement_id and self.period_starts_on and self.period_ends_on:
            self._clean_period(fail)
        if errors:
            raise ValidationError(errors)

    def _clean_period(self, fail) -> None:
        agreement = self.agreement
        if agreement.status not in REPORTABLE_STATES:
            fail(
                "agreement",
                _("Laporan monev hanya dapat dibuat untuk naskah yang berlaku; status naskah ini %(status)s.")
                % {"status": agreement.get_status_display()},
            )
            return
        term_end = agreement.terminated_on or agreement.ends_on
        if not (agreement.starts_on and term_end):
            fail("agreement", _("Naskah ini belum memiliki tanggal mulai dan tanggal berakhir."))
            return
        if self.period_starts_on < agreement.starts_on or self.period_ends_on > term_end:
            fail(
                "period_starts_on",
                _("Periode di luar jangka waktu naskah (%(start)s s.d. %(end)s).")
                % {"start": agreement.starts_on.strftime("%d-%m-%Y"), "end": term_end.strftime("%d-%m-%Y")},
            )
            return
        periods = agreement_monev_periods(agreement)
        if not any(p.starts_on == self.period_starts_on and p.ends_on == self.period_ends_on for p in periods):
            fail(
                "period_starts_on",
                _("Periode harus sesuai jadwal monev naskah ini: %(periods)s.")
                % {
                    "periods": "; ".join(
                        f"{p.label} ({p.starts_on:%d-%m-%Y} s.d. {p.ends_on:%d-%m-%Y})" for p in periods
                    )
                },
            )


class MonevIndicator(Orderable):
    """One measurable indicator of the report, with its target and what was achieved."""

    report = ParentalKey(MonevReport, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=255)
    unit = models.CharField(_("satuan"), max_length=50, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    realisation = models.DecimalField(
        _("realisasi"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("unit"), FieldPanel("target"), FieldPanel("realisation")])]

    class Meta(Orderable.Meta):
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")

    def __str__(self) -> str:
        return self.name

    @property
    def percent(self) -> Decimal | None:
        if self.target is None or self.realisation is None or self.target <= 0:
            return None
        return min(Decimal("100"), self.realisation / self.target * 100).quantize(Decimal("0.1"))

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.target is not None and self.target < 0:
            errors["target"] = _("Target tidak boleh negatif.")
        if self.realisation is not None and self.realisation < 0:
            errors["realisation"] = _("Realisasi tidak boleh negatif.")
        elif self.target is not None and self.realisation is not None and self.realisation > self.target:
            errors["realisation"] = _("Realisasi (%(realisation)s) tidak boleh melebihi target (%(target)s).") % {
                "realisation": f"{self.realisation:n}",
                "target": f"{self.target:n}",
            }
        if errors:
            raise ValidationError(errors)


class ReminderKind(models.TextChoices):
    MONEV_DUE = "monev_due", _("Laporan monev segera jatuh tempo")
    MONEV_OVERDUE = "monev_overdue", _("Laporan monev terlambat")
    AGREEMENT_ENDING = "agreement_ending", _("Naskah akan berakhir")


class SentReminder(models.Model):
    """One reminder that went out. The unique key is what makes `send_reminders` send each once."""

    kind = models.CharField(_("jenis"), max_length=30, choices=ReminderKind.choices)
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="sent_reminders", verbose_name=_("naskah")
    )
    # The period's start date for monev reminders; the end date for ending reminders.
    reference_date = models.DateField(_("tanggal acuan"))
    # Months before the end for ending reminders (6, 3, 1); 0 for monev reminders.
    months_before = models.PositiveSmallIntegerField(_("bulan sebelum berakhir"), default=0)
    recipients = models.TextField(_("penerima"), blank=True)
    sent_at = models.DateTimeField(_("dikirim pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "agreement", "reference_date", "months_before"], name="each_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.agreement_id} {self.reference_date}"
