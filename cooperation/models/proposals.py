"""Proposals (pengajuan/usulan kerja sama) and their review: a Wagtail workflow on a snippet.

A proposal is its own record, not a draft agreement: approval by the leadership and
publication to the public catalogue are different acts by different people. When the
workflow's last stage approves, the agreement record is created from the proposal.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TaskState,
    WorkflowMixin,
)
from wagtail.search import index

from .agreements import Agreement, FundingSource, PartyRole
from .reference import Agency, CooperationKind, DocumentType, Partner, PartnerCategory, Sector

__all__ = ["PartnerCategory"]


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    VERIFIED = "verified", _("Diverifikasi")
    NEEDS_REVISION = "needs_revision", _("Perlu Perbaikan")
    REJECTED = "rejected", _("Ditolak")
    DELIBERATION = "deliberation", _("Dalam Pembahasan")
    AWAITING_DPRD = "awaiting_dprd", _("Menunggu Persetujuan DPRD")
    AWAITING_APPROVAL = "awaiting_approval", _("Menunggu Persetujuan Pimpinan")
    APPROVED = "approved", _("Disetujui")

    @classmethod
    def editable_by_submitter(cls) -> set[str]:
        return {cls.DRAFT, cls.NEEDS_REVISION}

    @classmethod
    def closed(cls) -> set[str]:
        return {cls.REJECTED, cls.APPROVED}


class ProposalPurpose(models.TextChoices):
    """Why the proposal exists: a new agreement, or the extension or amendment of one in the register."""

    NEW = "new", _("Kerja sama baru")
    EXTENSION = "extension", _("Perpanjangan")
    AMENDMENT = "amendment", _("Perubahan (adendum)")


class ReviewStage(models.TextChoices):
    VERIFICATION = "verification", _("Verifikasi Berkas")
    LEGAL_REVIEW = "legal_review", _("Telaah Hukum")
    DELIBERATION = "deliberation", _("Pembahasan TKKSD")
    APPROVAL = "approval", _("Persetujuan Pimpinan")


# The status a proposal shows while a stage holds it, and the document type's service days for it.
STAGE_STATUS = {
    ReviewStage.VERIFICATION: ProposalStatus.SUBMITTED,
    ReviewStage.LEGAL_REVIEW: ProposalStatus.VERIFIED,
    ReviewStage.DELIBERATION: ProposalStatus.DELIBERATION,
    ReviewStage.APPROVAL: ProposalStatus.AWAITING_APPROVAL,
}
STAGE_SERVICE_DAYS_FIELD = {
    ReviewStage.VERIFICATION: "days_verification",
    ReviewStage.LEGAL_REVIEW: "days_legal_review",
    ReviewStage.DELIBERATION: "days_deliberation",
    ReviewStage.APPROVAL: "days_approval",
}


class ProposalQuerySet(models.QuerySet):
    def with_list_relations(self):
        return self.select_related("document_type", "kind", "initiating_agency").prefetch_related(
            models.Prefetch("parties", queryset=ProposalParty.objects.select_related("partner"))
        )


class Proposal(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    number = models.CharField(_("nomor usulan"), max_length=30, unique=True, editable=False)
    document_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("jenis naskah")
    )
    kind = models.ForeignKey(
        CooperationKind, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("jenis kerja sama")
    )
    title = models.CharField(_("judul"), max_length=500)
    title_en = models.CharField(_("judul (Inggris)"), max_length=500, blank=True)
    parent_agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="child_proposals",
        verbose_name=_("naskah induk"),
        help_text=_("KSB untuk usulan PKS; naskah yang diubah atau diperpanjang."),
    )
    purpose = models.CharField(
        _("tujuan usulan"), max_length=20, choices=ProposalPurpose.choices, default=ProposalPurpose.NEW, editable=False
    )
    sectors = ParentalManyToManyField(Sector, blank=True, related_name="proposals", verbose_name=_("urusan"))
    aims = models.TextField(_("maksud dan tujuan"))
    scope = models.TextField(_("ruang lingkup"))
    subject = models.TextField(_("objek kerja sama"), blank=True)
    term_years = models.PositiveSmallIntegerField(
        _("usulan jangka waktu (tahun)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    value = models.DecimalField(
        _("perkiraan nilai (Rp)"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_source = models.CharField(
        _("sumber pendanaan"), max_length=20, choices=FundingSource.choices, default=FundingSource.NONE
    )
    burdens_apbd = models.BooleanField(_("membebani APBD / masyarakat"), default=False)
    is_budgeted = models.BooleanField(_("sudah dianggarkan"), default=True)
    is_foreign = models.BooleanField(_("melibatkan mitra luar negeri"), default=False)
    initiating_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("OPD pemrakarsa")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.DRAFT,
        editable=False,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True, editable=False)
    decision_note = models.TextField(_("alasan keputusan"), blank=True, editable=False)
    agreement = models.OneToOneField(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        editable=False,
        verbose_name=_("naskah kerja sama"),
    )
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

    objects = ProposalQuerySet.as_manager()

    # Written only by the services, never by the edit form or a revision being restored.
    SERVICE_FIELDS = ("number", "status", "submitted_at", "decided_at", "decision_note", "agreement", "created_by")

    search_fields = [
        index.SearchField("title", boost=5),
        index.SearchField("number", boost=5),
        index.SearchField("aims"),
        index.AutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("status"),
        index.FilterField("initiating_agency"),
        index.FilterField("kind"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("kind")]),
                FieldPanel("title"),
                FieldPanel("title_en"),
                FieldPanel("parent_agreement"),
                FieldPanel("initiating_agency"),
            ],
            heading=_("Usulan"),
        ),
        InlinePanel("parties", heading=_("Mitra"), label=_("Mitra"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("sectors"), FieldPanel("subject"), FieldPanel("aims"), FieldPanel("scope")],
            heading=_("Substansi"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("term_years"),
                FieldRowPanel([FieldPanel("value"), FieldPanel("funding_source")]),
                FieldRowPanel([FieldPanel("burdens_apbd"), FieldPanel("is_budgeted"), FieldPanel("is_foreign")]),
            ],
            heading=_("Jangka waktu dan pendanaan"),
        ),
        InlinePanel("documents", heading=_("Naskah dan dokumen pendukung"), label=_("Dokumen")),
    ]

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("usulan kerja sama")
        verbose_name_plural = _("usulan kerja sama")

    def __str__(self) -> str:
        return f"{self.number} — {self.title}" if self.number else self.title

    def save(self, *args, **kwargs):
        if not self.number:
            self.number = next_number(Proposal, "USL")
        super().save(*args, **kwargs)

    @property
    def needs_dprd_approval(self) -> bool:
        return self.burdens_apbd or not self.is_budgeted

    @property
    def foreign(self) -> bool:
        return self.is_foreign or self.kind.is_foreign if self.kind_id else self.is_foreign


def next_number(model: type[models.Model], prefix: str) -> str:
    """A readable running number per year; the unique constraint guards against races."""
    year = timezone.localdate().year
    stem = f"{prefix}-{year}-"
    last = model.objects.filter(number__startswith=stem).order_by("-number").values_list("number", flat=True).first()
    sequence = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{stem}{sequence:05d}"


class ProposalParty(Orderable):
    proposal = ParentalKey(Proposal, on_delete=models.CASCADE, related_name="parties")
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="proposal_parties", verbose_name=_("mitra")
    )
    role = models.CharField(_("kedudukan"), max_length=2, choices=PartyRole.choices, default=PartyRole.SECOND)

    panels = [FieldRowPanel([FieldPanel("partner"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pihak mitra")
        verbose_name_plural = _("pihak mitra")

    def __str__(self) -> str:
        return str(self.partner)


class ClearanceKind(models.TextChoices):
    """Conditional steps that must be complete before the final approval."""

    DPRD_APPROVAL = "dprd", _("Persetujuan DPRD")
    LETTER_OF_INTENT = "loi", _("Letter of Intent (LoI)")
    KEMENDAGRI_CONSULTATION = "kemendagri", _("Konsultasi dengan Kemendagri")
    FULL_POWERS = "full_powers", _("Surat Kuasa Penuh (Full Powers) dari Kemlu")


class ProposalClearance(models.Model):
    """A tracked conditional step, with its letter number and dates."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="clearances")
    kind = models.CharField(_("persyaratan"), max_length=20, choices=ClearanceKind.choices)
    letter_number = models.CharField(_("nomor surat"), max_length=120)
    requested_on = models.DateField(_("tanggal permohonan"), null=True, blank=True)
    completed_on = models.DateField(_("tanggal terbit/selesai"))
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("dicatat oleh")
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("persyaratan tambahan")
        verbose_name_plural = _("persyaratan tambahan")
        constraints = [models.UniqueConstraint(fields=["proposal", "kind"], name="one_clearance_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.letter_number}"


class ReviewTaskState(TaskState):
    """A stage's task state with its service-standard due date."""

    due_at = models.DateTimeField(_("tenggat"), null=True, blank=True)

    class Meta:
        verbose_name = _("tahap peninjauan")
        verbose_name_plural = _("tahap peninjauan")


class ReviewTask(AbstractGroupApprovalTask):
    """One review stage. Beside Wagtail's approve and request-changes it offers a final decline."""

    stage = models.CharField(_("tahap"), max_length=20, choices=ReviewStage.choices, unique=True)

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "stage"]
    task_state_class = ReviewTaskState

    class Meta:
        verbose_name = _("tahap peninjauan usulan")
        verbose_name_plural = _("tahap peninjauan usulan")

    @classmethod
    def get_description(cls):
        return _("Anggota grup dapat menyetujui, meminta perbaikan, atau menolak usulan pada tahap ini.")

    def service_days_for(self, proposal: Proposal) -> int:
        return getattr(proposal.document_type, STAGE_SERVICE_DAYS_FIELD[self.stage])

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        from ..services.proposals import stage_started

        stage_started(task_state=task_state, task=self, proposal=workflow_state.content_object, user=user)
        return task_state

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        return [
            ("reject", _("Minta perbaikan"), True),
            ("decline", _("Tolak"), True),
            ("approve", _("Setujui"), False),
            ("approve", _("Setujui dengan catatan"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..services.proposals import act_on_stage

        return act_on_stage(task_state=task_state, user=user, action=action_name, comment=kwargs.get("comment", ""))
