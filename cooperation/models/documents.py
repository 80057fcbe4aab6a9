"""Agreement documents: Wagtail documents with a type, a version and an information classification.

The classification decides the collection: a restricted file is always moved into the
restricted collection, which carries a view restriction for staff, so it can never sit in a
public collection whatever the uploader picked.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents.models import AbstractDocument
from wagtail.models import Collection
from wagtail.search import index

from ..storage import document_storage
from ..uploads import safe_stored_name, validate_document_upload
from .agreements import Agreement
from .proposals import Proposal
from .reference import DocumentCategory

PUBLIC_COLLECTION_NAME = "Dokumen Publik"
RESTRICTED_COLLECTION_NAME = "Dokumen Dikecualikan"


class Classification(models.TextChoices):
    PUBLIC = "public", _("Terbuka")
    RESTRICTED = "restricted", _("Dikecualikan")


class RestrictionGround(models.TextChoices):
    """The UU 14/2008 art. 17 grounds a PPID may cite when withholding a document."""

    NEGOTIATION = "17i", _("Pasal 17 huruf i: memorandum/surat antar badan publik yang belum selesai")
    PERSONAL = "17h", _("Pasal 17 huruf h: mengungkap rahasia pribadi")
    ECONOMIC = "17e", _("Pasal 17 huruf e: merugikan ketahanan ekonomi nasional")
    FOREIGN_RELATIONS = "17f", _("Pasal 17 huruf f: merugikan kepentingan hubungan luar negeri")
    BUSINESS = "17b", _("Pasal 17 huruf b: mengganggu perlindungan HKI / persaingan usaha")
    OTHER = "other", _("Lainnya (jelaskan)")


class TextStatus(models.TextChoices):
    """Where the extraction of a document's text stands (cooperation/services/document_text.py)."""

    PENDING = "pending", _("Menunggu")
    PROCESSING = "processing", _("Diproses")
    DONE = "done", _("Selesai")
    NEEDS_OCR = "needs_ocr", _("Perlu OCR")
    FAILED = "failed", _("Gagal")


def collection_named(name: str) -> Collection:
    existing = Collection.objects.filter(name=name).first()
    if existing:
        return existing
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    return root.add_child(name=name)


class AgreementDocument(AbstractDocument):
    agreement = ParentalKey(
        Agreement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("naskah"),
    )
    proposal = ParentalKey(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("usulan"),
    )
    monev_report = ParentalKey(
        "cooperation.MonevReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name=_("laporan monev"),
    )
    external_request = models.ForeignKey(
        "cooperation.ExternalRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("permohonan dari luar"),
    )
    file = models.FileField(upload_to="documents", storage=document_storage, verbose_name=_("berkas"))
    category = models.ForeignKey(
        DocumentCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("jenis dokumen"),
    )
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    language = models.CharField(
        _("bahasa"), max_length=5, choices=[("id", _("Bahasa Indonesia")), ("en", _("Bahasa Inggris"))], default="id"
    )
    classification = models.CharField(
        _("klasifikasi informasi"), max_length=20, choices=Classification.choices, default=Classification.PUBLIC
    )
    restriction_ground = models.CharField(
        _("dasar pengecualian"), max_length=10, choices=RestrictionGround.choices, blank=True
    )
    restriction_reason = models.TextField(
        _("alasan pengecualian"),
        blank=True,
        help_text=_("Wajib bila dokumen dikecualikan: uji konsekuensi oleh PPID."),
    )
    sort_order = models.IntegerField(null=True, blank=True, editable=False)
    # Filled by the extraction task, never by a form: the text of each page lives in DocumentPage.
    text_status = models.CharField(
        _("status teks"), max_length=20, choices=TextStatus.choices, default=TextStatus.PENDING, editable=False
    )
    text_error = models.TextField(_("catatan ekstraksi teks"), blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True, editable=False)
    text_extracted_at = models.DateTimeField(_("teks terakhir diproses"), null=True, blank=True, editable=False)
    # When the record last changed (title, classification, file): open-data harvesters ask for what changed since.
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "tags",
        "category",
        "version",
        "language",
        "classification",
        "restriction_ground",
        "restriction_reason",
    )
    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("version"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("classification"), FieldPanel("restriction_ground")]),
        FieldPanel("restriction_reason"),
    ]
    search_fields = [*AbstractDocument.search_fields, index.FilterField("classification")]
    sort_order_field = "sort_order"

    class Meta(AbstractDocument.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        permissions = [("choose_agreementdocument", "Can choose document")]

    @property
    def is_restricted(self) -> bool:
        return self.classification == Classification.RESTRICTED

    def clean(self) -> None:
        upload = getattr(self.file, "file", None) if self.file else None  # no file: FieldFile.file raises
        fresh = isinstance(upload, UploadedFile)
        # Monev evidence may be a photo. The monev form links each evidence row to its report before
        # validation (even an unsaved report), so the relation is known here.
        as_evidence = self.monev_report_id is not None or self.monev_report is not None
        if not as_evidence:
            super().clean()  # Wagtail's extension list (pdf, docx); evidence is judged by its content alone
        if fresh:
            # A fresh upload, from any form: PDF, or DOCX for drafts, or a photo as evidence, judged by content.
            try:
                validate_document_upload(upload, allow_docx=True, allow_images=as_evidence)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
            if as_evidence:
                # The extension of what the file holds, so a photo is served as an image whatever its name.
                self.file.name = safe_stored_name(upload)
        if self.is_restricted and not (self.restriction_ground and self.restriction_reason.strip()):
            raise ValidationError(
                {"restriction_reason": _("Dokumen yang dikecualikan wajib menyebut dasar dan alasan pengecualiannya.")}
            )

    def save(self, *args, **kwargs) -> None:
        # Invariant, not workflow: the file's collection always matches its classification.
        self.collection = collection_named(RESTRICTED_COLLECTION_NAME if self.is_restricted else PUBLIC_COLLECTION_NAME)
        super().save(*args, **kwargs)


class DocumentPage(models.Model):
    """The text of one page of a document, from its text layer or from OCR: what page-level search hits point to."""

    document = models.ForeignKey(
        AgreementDocument, on_delete=models.CASCADE, related_name="pages", verbose_name=_("dokumen")
    )
    number = models.PositiveIntegerField(_("nomor halaman"), help_text=_("Dimulai dari 1."))
    text = models.TextField(_("teks"), blank=True)
    ocr = models.BooleanField(_("hasil OCR"), default=False)

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("halaman dokumen")
        verbose_name_plural = _("halaman dokumen")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_page_unique_number")]

    def __str__(self) -> str:
        return f"{self.document} — {_('halaman')} {self.number}"
