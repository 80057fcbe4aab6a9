"""The register of cooperation agreements (naskah kerja sama) and what hangs off each record."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from .reference import Agency, CooperationKind, DocumentRole, DocumentType, Partner, Sector


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    VERIFIED = "verified", _("Diverifikasi")
    NEEDS_REVISION = "needs_revision", _("Perlu Perbaikan")
    REJECTED = "rejected", _("Ditolak")
    DELIBERATION = "deliberation", _("Dalam Pembahasan")
    AWAITING_DPRD = "awaiting_dprd", _("Menunggu Persetujuan DPRD")
    APPROVED = "approved", _("Disetujui")
    SIGNED = "signed", _("Ditandatangani")
    IN_FORCE = "in_force", _("Berlaku")
    EXPIRED = "expired", _("Berakhir")
    EXTENDED = "extended", _("Diperpanjang")
    TERMINATED = "terminated", _("Diakhiri")

    @classmethod
    def signed_states(cls) -> set[str]:
        """States in which the agreement has been signed (and so needs its DPRD approval)."""
        return {cls.SIGNED, cls.IN_FORCE, cls.EXPIRED, cls.EXTENDED, cls.TERMINATED}


# "Akan Berakhir" is derived from the end date, never stored: a filter value, not a status.
EXPIRING_SOON = "expiring"
EXPIRING_SOON_LABEL = _("Akan Berakhir")


class FundingSource(models.TextChoices):
    APBD = "apbd", _("APBD")
    APBN = "apbn", _("APBN")
    PARTNER = "partner", _("Dana mitra")
    GRANT = "grant", _("Hibah")
    MIXED = "mixed", _("Gabungan")
    NONE = "none", _("Tanpa pembiayaan")


class Level(models.TextChoices):
    LOCAL = "local", _("Lokal")
    NATIONAL = "national", _("Nasional")
    INTERNATIONAL = "international", _("Internasional")


class PartyRole(models.TextChoices):
    FIRST = "1", _("Pihak Kesatu")
    SECOND = "2", _("Pihak Kedua")
    THIRD = "3", _("Pihak Ketiga")
    FOURTH = "4", _("Pihak Keempat")


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expiry_horizon(today: datetime.date, months: int | None = None) -> datetime.date:
    """The last end date that still counts as "Akan Berakhir" (ending soon)."""
    months = settings.COOPERATION_EXPIRY_WARNING_MONTHS if months is None else months
    month_index = today.month - 1 + months
    year, month = today.year + month_index // 12, month_index % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return today.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def ending_soon_condition(*, months: int | None = None, today: datetime.date | None = None) -> Q:
    """The one definition of "Akan Berakhir": signed or in force, ending within the warning window."""
    today = today or timezone.localdate()
    return Q(
        status__in=[AgreementStatus.IN_FORCE, AgreementStatus.SIGNED],
        ends_on__gte=today,
        ends_on__lte=expiry_horizon(today, months),
    )


class AgreementQuerySet(models.QuerySet):
    def expiring_within(self, *, months: int | None = None, today: datetime.date | None = None):
        return self.filter(ending_soon_condition(months=months, today=today))

    def with_list_relations(self):
        """What every list row shows, fetched in a fixed number of queries."""
        return self.select_related("document_type", "kind", "initiating_agency").prefetch_related(
            models.Prefetch("parties", queryset=AgreementParty.objects.select_related("partner", "agency")),
            "sectors",
            "implementing_agencies",
        )


class Agreement(index.Indexed, LockableMixin, RevisionMixin, ClusterableModel):
    """One naskah kerja sama: a KSB/MoU, a PKS, an LoI or an adendum, with both parties' numbers."""

    document_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("jenis naskah")
    )
    kind = models.ForeignKey(
        CooperationKind, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("jenis kerja sama")
    )
    title = models.CharField(_("judul"), max_length=500)
    title_en = models.CharField(_("judul (Inggris)"), max_length=500, blank=True)
    region_number = models.CharField(
        _("nomor naskah pihak daerah"),
        max_length=120,
        blank=True,
        help_text=_("Nomor yang diberikan Pemerintah Daerah."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("naskah induk"),
        help_text=_("KSB untuk PKS; naskah yang diubah untuk adendum."),
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("memperpanjang naskah"),
        help_text=_("Naskah lama yang diperpanjang oleh naskah ini."),
    )

    sectors = ParentalManyToManyField(Sector, blank=True, related_name="agreements", verbose_name=_("urusan"))
    scope = models.TextField(_("ruang lingkup"), blank=True)
    subject = models.TextField(_("objek kerja sama"), blank=True)
    aims = models.TextField(_("maksud dan tujuan"), blank=True)
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices, default=Level.LOCAL)

    signed_on = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    signed_at = models.CharField(_("tempat penandatanganan"), max_length=150, blank=True)
    starts_on = models.DateField(_("tanggal mulai"), null=True, blank=True)
    ends_on = models.DateField(_("tanggal berakhir"), null=True, blank=True)

    value = models.DecimalField(
        _("nilai (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    funding_source = models.CharField(
        _("sumber pendanaan"), max_length=20, choices=FundingSource.choices, default=FundingSource.NONE
    )
    burdens_apbd = models.BooleanField(
        _("membebani APBD / masyarakat"),
        default=False,
        help_text=_("Memerlukan persetujuan DPRD bila membebani masyarakat/APBD atau belum dianggarkan."),
    )
    dprd_approval_number = models.CharField(_("nomor persetujuan DPRD"), max_length=120, blank=True)
    dprd_approval_date = models.DateField(_("tanggal persetujuan DPRD"), null=True, blank=True)

    region_party_role = models.CharField(
        _("kedudukan pihak daerah"), max_length=2, choices=PartyRole.choices, default=PartyRole.FIRST
    )
    signatory_name = models.CharField(_("nama penandatangan daerah"), max_length=150, blank=True)
    signatory_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    signatory_position = models.CharField(_("jabatan penandatangan"), max_length=150, blank=True)
    power_of_attorney_number = models.CharField(_("nomor surat kuasa"), max_length=120, blank=True)

    initiating_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="initiated_agreements", verbose_name=_("OPD pemrakarsa")
    )
    implementing_agencies = ParentalManyToManyField(
        Agency, blank=True, related_name="implemented_agreements", verbose_name=_("OPD pelaksana")
    )
    contact_name = models.CharField(_("narahubung"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telepon narahubung"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mail narahubung"), blank=True)
    internal_notes = models.TextField(_("catatan internal"), blank=True, help_text=_("Tidak pernah dipublikasikan."))

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
        editable=False,
        db_index=True,
    )
    terminated_on = models.DateField(_("tanggal pengakhiran"), null=True, blank=True, editable=False)
    termination_reason = models.TextField(_("alasan pengakhiran"), blank=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=5),
        index.SearchField("title_en", boost=3),
        index.SearchField("region_number", boost=4),
        index.SearchField("scope"),
        index.SearchField("subject"),
        index.AutocompleteField("title"),
        index.RelatedFields("parties", [index.SearchField("number"), index.SearchField("partner_name")]),
        index.FilterField("id"),
        index.FilterField("initiating_agency"),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.FilterField("document_type"),
        index.FilterField("signed_on"),
        index.FilterField("starts_on"),
        index.FilterField("ends_on"),
    ]

    identity_panels = [
        FieldRowPanel([FieldPanel("document_type"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("region_number"),
        FieldRowPanel([FieldPanel("parent"), FieldPanel("replaces")]),
    ]
    parties_panels = [
        MultiFieldPanel(
            [
                FieldPanel("region_party_role"),
                FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_nip")]),
                FieldPanel("signatory_position"),
                FieldPanel("power_of_attorney_number"),
            ],
            heading=_("Pihak daerah"),
        ),
        InlinePanel("parties", heading=_("Mitra"), label=_("Mitra"), min_num=1),
    ]
    substance_panels = [
        FieldPanel("sectors"),
        FieldPanel("level"),
        FieldPanel("subject"),
        FieldPanel("aims"),
        FieldPanel("scope"),
    ]
    term_panels = [
        FieldRowPanel([FieldPanel("signed_on"), FieldPanel("signed_at")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("value"), FieldPanel("funding_source")]),
                FieldPanel("burdens_apbd"),
                FieldRowPanel([FieldPanel("dprd_approval_number"), FieldPanel("dprd_approval_date")]),
            ],
            heading=_("Pendanaan"),
        ),
    ]
    responsibility_panels = [
        FieldPanel("initiating_agency"),
        FieldPanel("implementing_agencies"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")]),
        FieldPanel("internal_notes"),
    ]
    documents_panels = [InlinePanel("documents", heading=_("Dokumen"), label=_("Dokumen"))]

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("naskah kerja sama")
        verbose_name_plural = _("naskah kerja sama")
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="agreement_newest_idx"),
            models.Index(fields=["ends_on"], name="agreement_ends_on_idx"),
            models.Index(fields=["signed_on"], name="agreement_signed_on_idx"),
            models.Index(fields=["region_number"], name="agreement_region_number_idx"),
            models.Index(fields=["updated_at"], name="agreement_updated_at_idx"),
        ]
        permissions = [("view_restricted_agreementdocument", "Can view restricted documents")]

    def __str__(self) -> str:
        return self.title

    # -- derived facts ---------------------------------------------------------------------

    @property
    @admin.display(description=_("tahun"))
    def year(self) -> int | None:
        day = self.signed_on or self.starts_on
        return day.year if day else None

    @property
    @admin.display(description=_("jangka waktu (tahun)"))
    def term_years(self) -> float | None:
        if not (self.starts_on and self.ends_on):
            return None
        return round((self.ends_on - self.starts_on).days / 365.25, 1)

    @property
    def is_expiring_soon(self) -> bool:
        if self.status not in (AgreementStatus.IN_FORCE, AgreementStatus.SIGNED) or not self.ends_on:
            return False
        today = timezone.localdate()
        return today <= self.ends_on <= expiry_horizon(today)

    @property
    @admin.display(description=_("status"))
    def status_label(self) -> str:
        return str(EXPIRING_SOON_LABEL) if self.is_expiring_soon else self.get_status_display()

    # Joined names for lists, exports and the inspect view; they read prefetched relations.
    @property
    @admin.display(description=_("mitra"))
    def partner_names(self) -> str:
        return "; ".join(party.partner_name for party in self.parties.all())

    @property
    @admin.display(description=_("nomor naskah pihak mitra"))
    def partner_numbers(self) -> str:
        return "; ".join(party.number for party in self.parties.all() if party.number)

    @property
    @admin.display(description=_("urusan"))
    def sector_names(self) -> str:
        return "; ".join(sector.name for sector in self.sectors.all())

    @property
    @admin.display(description=_("OPD pelaksana"))
    def implementing_agency_names(self) -> str:
        return "; ".join(str(agency) for agency in self.implementing_agencies.all())

    @property
    def max_term_years(self) -> int | None:
        limits = [
            limit
            for limit in (
                self.document_type.max_term_years if self.document_type_id else None,
                self.kind.max_term_years if self.kind_id else None,
            )
            if limit
        ]
        return min(limits) if limits else None

    # -- invariants --------------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}

        def fail(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            fail("ends_on", _("Tanggal berakhir tidak boleh sebelum tanggal mulai."))
        elif self.starts_on and self.ends_on and self.max_term_years:
            latest_end = add_years(self.starts_on, self.max_term_years)
            if self.ends_on > latest_end:
                fail(
                    "ends_on",
                    _("Jangka waktu melebihi batas %(years)s tahun untuk jenis ini (paling lambat %(date)s).")
                    % {"years": self.max_term_years, "date": latest_end.strftime("%d-%m-%Y")},
                )
        if self.value is not None and self.value < 0:
            fail("value", _("Nilai kerja sama tidak boleh negatif."))
        self._clean_chain(fail)
        self._clean_region_number(fail)
        if (
            self.burdens_apbd
            and self.status in AgreementStatus.signed_states()
            and not (self.dprd_approval_number and self.dprd_approval_date)
        ):
            fail(
                "dprd_approval_number",
                _(
                    "Naskah yang membebani APBD harus memiliki nomor dan tanggal persetujuan DPRD "
                    "sebelum ditandatangani."
                ),
            )
        if errors:
            raise ValidationError(errors)

    def _clean_chain(self, fail) -> None:
        if not self.document_type_id:
            return
        document_type = self.document_type
        needs_parent = document_type.role in (DocumentRole.AMENDMENT,)
        if self.parent_id is None:
            if needs_parent:
                fail("parent", _("Adendum harus menunjuk naskah yang diubahnya."))
            return
        if self.pk and self.parent_id == self.pk:
            fail("parent", _("Naskah tidak boleh menjadi induk dirinya sendiri."))
            return
        allowed = list(document_type.allowed_parent_types.all()) if document_type.pk else []
        if allowed and self.parent.document_type_id not in {t.pk for t in allowed}:
            fail(
                "parent",
                _("%(type)s hanya dapat berinduk pada %(allowed)s, bukan %(parent)s.")
                % {
                    "type": document_type.code,
                    "allowed": ", ".join(t.code for t in allowed),
                    "parent": self.parent.document_type.code,
                },
            )

    def _clean_region_number(self, fail) -> None:
        if not self.region_number or not self.year:
            return
        same_year = Q(signed_on__year=self.year) | Q(signed_on__isnull=True, starts_on__year=self.year)
        clash = Agreement.objects.filter(same_year, region_number__iexact=self.region_number.strip())
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if clash.exists():
            fail(
                "region_number",
                _("Nomor %(number)s sudah dipakai pihak daerah pada tahun %(year)s.")
                % {"number": self.region_number, "year": self.year},
            )


class AgreementParty(Orderable):
    """A partner's seat at the table: its role, its own number for the document, its signatory."""

    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
        verbose_name=_("mitra"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
        verbose_name=_("OPD (kerja sama antar-OPD)"),
        help_text=_("Untuk kerja sama internal antar perangkat daerah, pilih OPD sebagai pihak, bukan mitra."),
    )
    role = models.CharField(_("kedudukan"), max_length=2, choices=PartyRole.choices, default=PartyRole.SECOND)
    number = models.CharField(_("nomor naskah pihak mitra"), max_length=120, blank=True)
    signatory_name = models.CharField(_("nama penandatangan mitra"), max_length=150, blank=True)
    signatory_position = models.CharField(_("jabatan penandatangan mitra"), max_length=150, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("partner"), FieldPanel("agency"), FieldPanel("role")]),
        FieldPanel("number"),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_position")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("pihak mitra")
        verbose_name_plural = _("pihak mitra")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.partner_name}"

    @property
    def partner_name(self) -> str:
        """The party's name, whether an outside partner or one of the region's own agencies."""
        if self.partner_id:
            return self.partner.name
        return self.agency.name if self.agency_id else ""

    def clean(self) -> None:
        super().clean()
        if bool(self.partner_id) == bool(self.agency_id):
            raise ValidationError(_("Pilih satu pihak: mitra, atau OPD untuk kerja sama antar-OPD."))
        if not (self.number and self.partner_id and self.agreement_id):
            return
        year = self.agreement.year
        if not year:
            return
        clash = AgreementParty.objects.filter(
            Q(agreement__signed_on__year=year) | Q(agreement__signed_on__isnull=True, agreement__starts_on__year=year),
            partner_id=self.partner_id,
            number__iexact=self.number.strip(),
        )
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        clash = clash.exclude(agreement_id=self.agreement_id)
        if clash.exists():
            raise ValidationError(
                {
                    "number": _("Nomor %(number)s sudah dipakai %(partner)s pada tahun %(year)s.")
                    % {"number": self.number, "partner": self.partner, "year": year}
                }
            )


class AgreementStatusChange(models.Model):
    """One step in an agreement's life: written only by the services, never edited."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("naskah")
    )
    from_status = models.CharField(_("dari"), max_length=20, choices=AgreementStatus.choices, blank=True)
    to_status = models.CharField(_("menjadi"), max_length=20, choices=AgreementStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    changed_at = models.DateTimeField(_("waktu"), default=timezone.now)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")

    def __str__(self) -> str:
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
