"""Publication of an agreement to the public catalogue: a Wagtail snippet with publish, preview and workflow.

The register record is the internal truth and changes whenever the secretariat edits it; the
publication is the Editor/PPID's decision that the record is public, plus the plain-language
summary written for citizens. Keeping it apart from the agreement means saving a draft
publication never freezes or hides the register, and Wagtail's publish, unpublish, scheduled
publishing, preview, locking, revisions and (optional) workflow all come built in.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from .agreements import Agreement, AgreementStatus

PUBLIC_PAGE_HOOK = "public_agreement_page"


class Publication(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model):
    agreement = models.OneToOneField(
        Agreement,
        on_delete=models.CASCADE,
        related_name="publication",
        verbose_name=_("naskah kerja sama"),
        help_text=_("Hanya naskah yang sudah ditandatangani dapat dipublikasikan."),
    )
    summary = models.TextField(
        _("ringkasan untuk publik"),
        blank=True,
        help_text=_("Penjelasan singkat dengan bahasa sehari-hari: apa yang disepakati dan manfaatnya bagi warga."),
    )
    summary_en = models.TextField(_("ringkasan untuk publik (Inggris)"), blank=True)

    panels = [FieldPanel("agreement"), FieldPanel("summary"), FieldPanel("summary_en")]

    class Meta:
        verbose_name = _("publikasi katalog")
        verbose_name_plural = _("publikasi katalog")
        indexes = [
            models.Index(fields=["live", "first_published_at"], name="publication_live_idx"),
            models.Index(fields=["last_published_at"], name="publication_last_published_idx"),
        ]

    def __str__(self) -> str:
        return str(self.agreement) if self.agreement_id else str(_("publikasi baru"))

    def clean(self) -> None:
        super().clean()
        if self.agreement_id and self.agreement.status not in AgreementStatus.signed_states():
            raise ValidationError(
                {
                    "agreement": _(
                        "Naskah berstatus %(status)s belum ditandatangani, sehingga belum dapat dipublikasikan."
                    )
                    % {"status": self.agreement.get_status_display()}
                }
            )

    # -- preview: the public agreement page as it will look, draft summary included ----------

    # The site that shows the catalogue registers one "public_agreement_page" hook returning
    # (template, context); this app renders no public pages of its own.

    def get_preview_template(self, request, mode_name):
        return self._public_page(request)[0]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(self._public_page(request)[1])
        return context

    def _public_page(self, request) -> tuple[str, dict]:
        for build in hooks.get_hooks(PUBLIC_PAGE_HOOK):
            return build(request=request, agreement=self.agreement, publication=self)
        return "cooperation/publication/preview.html", {"publication": self}
