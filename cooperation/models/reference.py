"""Reference data every region edits for itself: agencies, partners, sectors, kinds and rules."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Agency(index.Indexed, models.Model):
    """An OPD (perangkat daerah) of the region: initiates and implements agreements."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=255, unique=True)
    short_name = models.CharField(_("singkatan"), max_length=60, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("short_name"), FieldPanel("is_active")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("is_active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("perangkat daerah (OPD)")
        verbose_name_plural = _("perangkat daerah (OPD)")

    def __str__(self) -> str:
        return self.short_name or self.name


class AgencyMembership(models.Model):
    """Ties a staff account to the agency whose records it may see and change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_membership",
        verbose_name=_("pengguna"),
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("OPD"))
    position = models.CharField(_("jabatan"), max_length=150, blank=True)
    is_liaison = models.BooleanField(_("PPKSD (pejabat penghubung)"), default=False)

    panels = [FieldPanel("user"), FieldPanel("agency"), FieldPanel("position"), FieldPanel("is_liaison")]

    class Meta:
        verbose_name = _("keanggotaan OPD")
        verbose_name_plural = _("keanggotaan OPD")

    def __str__(self) -> str:
        return f"{self.user} — {self.agency}"


class Sector(models.Model):
    """An urusan pemerintahan (government affair) an agreement serves."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=150, unique=True)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150, blank=True)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("name_en")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("urusan pemerintahan")
        verbose_name_plural = _("urusan pemerintahan")

    def __str__(self) -> str:
        return self.name


class PartnerCategory(models.TextChoices):
    REGIONAL_GOVERNMENT = "pemda", _("Pemerintah Daerah")
    MINISTRY = "kl", _("Kementerian/Lembaga")
    STATE_ENTERPRISE = "bumn", _("BUMN")
    REGIONAL_ENTERPRISE = "bumd", _("BUMD")
    COMPANY = "swasta", _("Badan Usaha Swasta")
    UNIVERSITY = "pt", _("Perguruan Tinggi")
    NGO = "ormas", _("Organisasi Kemasyarakatan / LSM")
    INDIVIDUAL = "perorangan", _("Perorangan")
    FOREIGN_GOVERNMENT = "pemda_ln", _("Pemerintah Daerah Luar Negeri")
    FOREIGN_INSTITUTION = "lembaga_ln", _("Lembaga Luar Negeri")

    @classmethod
    def foreign(cls) -> set[str]:
        return {cls.FOREIGN_GOVERNMENT, cls.FOREIGN_INSTITUTION}


class Partner(index.Indexed, models.Model):
    """A mitra: another region, a ministry, a company, a university, a foreign city, …"""

    name = models.CharField(_("nama mitra"), max_length=255)
    name_en = models.CharField(_("nama (Inggris)"), max_length=255, blank=True)
    category = models.CharField(_("kategori"), max_length=20, choices=PartnerCategory.choices)
    country = models.CharField(_("negara"), max_length=100, default="Indonesia")
    province = models.CharField(_("provinsi"), max_length=100, blank=True)
    regency_city = models.CharField(_("kabupaten/kota"), max_length=100, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    contact_name = models.CharField(_("narahubung"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail narahubung"), blank=True)
    contact_phone = models.CharField(_("telepon narahubung"), max_length=50, blank=True)
    website = models.URLField(_("situs web"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("province")]),
                FieldPanel("regency_city"),
                FieldPanel("address"),
            ],
            heading=_("Lokasi"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("website"),
            ],
            heading=_("Kontak (data pribadi: tidak dipublikasikan)"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
        index.FilterField("category"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("mitra")
        verbose_name_plural = _("mitra")
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="unique_partner_name_country")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_foreign(self) -> bool:
        return self.category in PartnerCategory.foreign()


class DocumentCategory(models.Model):
    """A kind of file kept with an agreement: draft, signed scan, KAK, study, DPRD approval, …"""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150, blank=True)
    restricted_by_default = models.BooleanField(
        _("dikecualikan secara bawaan"),
        default=False,
        help_text=_("Misalnya draf yang masih dirundingkan atau catatan internal."),
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("name_en"), FieldPanel("restricted_by_default")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("jenis dokumen")
        verbose_name_plural = _("jenis dokumen")

    def __str__(self) -> str:
        return self.name


class CooperationKind(models.Model):
    """KSDD, KSDPK, KSDPL, KSDLL, K/L, Internal — with the rules a Perda/Perwali sets for each."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    is_foreign = models.BooleanField(_("luar negeri"), default=False)
    max_term_years = models.PositiveSmallIntegerField(
        _("jangka waktu maksimum (tahun)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila tidak dibatasi."),
    )
    monev_interval_months = models.PositiveSmallIntegerField(
        _("interval monev (bulan)"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("6 berarti dua kali setahun."),
    )
    required_documents = models.ManyToManyField(
        DocumentCategory,
        blank=True,
        related_name="required_by_kinds",
        verbose_name=_("dokumen wajib"),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("description"),
        FieldPanel("is_foreign"),
        MultiFieldPanel(
            [FieldPanel("max_term_years"), FieldPanel("monev_interval_months"), FieldPanel("required_documents")],
            heading=_("Aturan"),
        ),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("jenis kerja sama")
        verbose_name_plural = _("jenis kerja sama")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class DocumentRole(models.TextChoices):
    FRAMEWORK = "framework", _("Naskah induk (kesepakatan)")
    IMPLEMENTING = "implementing", _("Naskah pelaksanaan (perjanjian)")
    AMENDMENT = "amendment", _("Perubahan (adendum)")
    PRELIMINARY = "preliminary", _("Naskah pendahuluan (LoI)")


class DocumentType(models.Model):
    """KSB/MoU, PKS, LoI, MSP, Adendum — with its chain rule, term limit and service days."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150, blank=True)
    role = models.CharField(_("peran dalam rantai naskah"), max_length=20, choices=DocumentRole.choices)
    allowed_parent_types = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="allowed_child_types",
        verbose_name=_("jenis naskah induk yang diizinkan"),
    )
    max_term_years = models.PositiveSmallIntegerField(
        _("jangka waktu maksimum (tahun)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk mengikuti jenis kerja sama."),
    )
    required_documents = models.ManyToManyField(
        DocumentCategory,
        blank=True,
        related_name="required_by_document_types",
        verbose_name=_("dokumen wajib"),
    )
    days_verification = models.PositiveSmallIntegerField(_("hari layanan: verifikasi berkas"), default=7)
    days_legal_review = models.PositiveSmallIntegerField(_("hari layanan: telaah hukum"), default=7)
    days_deliberation = models.PositiveSmallIntegerField(_("hari layanan: pembahasan TKKSD"), default=10)
    days_approval = models.PositiveSmallIntegerField(_("hari layanan: persetujuan"), default=6)
    warning_days = models.PositiveSmallIntegerField(_("peringatan sebelum tenggat (hari)"), default=2)

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("role"),
        FieldPanel("allowed_parent_types"),
        FieldPanel("max_term_years"),
        FieldPanel("required_documents"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("days_verification"), FieldPanel("days_legal_review")]),
                FieldRowPanel([FieldPanel("days_deliberation"), FieldPanel("days_approval")]),
                FieldPanel("warning_days"),
            ],
            heading=_("Standar waktu layanan"),
        ),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("jenis naskah")
        verbose_name_plural = _("jenis naskah")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def service_days_total(self) -> int:
        return self.days_verification + self.days_legal_review + self.days_deliberation + self.days_approval
