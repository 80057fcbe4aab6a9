"""Forms for extending, amending and terminating an agreement. They parse input; the rules live in
cooperation/services/lifecycle.py, which checks everything again."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DocumentCategory
from .uploads import validate_document_upload

DOCUMENT_FIELD_PREFIX = "document_"


def _pdf_or_docx(file) -> None:
    validate_document_upload(file, allow_docx=True)


def _pdf_only(file) -> None:
    validate_document_upload(file, allow_docx=False)


class FollowUpForm(forms.Form):
    """A title (prefilled by the service when empty) and one optional upload per required document:
    with all of them the proposal goes straight into review, otherwise it stays a draft."""

    title = forms.CharField(
        label=_("Judul usulan"),
        required=False,
        max_length=500,
        help_text=_("Kosongkan untuk memakai judul naskah lama dengan awalan."),
    )

    def __init__(self, *args, categories: list[DocumentCategory], **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = categories
        for category in categories:
            self.fields[f"{DOCUMENT_FIELD_PREFIX}{category.pk}"] = forms.FileField(
                label=category.name,
                required=False,
                validators=[_pdf_or_docx],
                help_text=_("Dokumen wajib (PDF atau DOCX). Bisa juga diunggah nanti di halaman usulan."),
            )

    def documents(self) -> dict[DocumentCategory, object]:
        return {
            category: file
            for category in self.categories
            if (file := self.cleaned_data.get(f"{DOCUMENT_FIELD_PREFIX}{category.pk}"))
        }


class ExtensionForm(FollowUpForm):
    term_years = forms.IntegerField(
        label=_("Jangka waktu perpanjangan (tahun)"),
        min_value=1,
        max_value=99,
        error_messages={
            "required": _("Isi jangka waktu perpanjangan dalam tahun."),
            "min_value": _("Jangka waktu perpanjangan paling sedikit 1 tahun."),
            "max_value": _("Jangka waktu perpanjangan paling lama 99 tahun."),
        },
    )

    field_order = ["term_years", "title"]


class AmendmentForm(FollowUpForm):
    pass


class TerminationForm(forms.Form):
    terminated_on = forms.DateField(
        label=_("Tanggal pengakhiran"),
        error_messages={"required": _("Tanggal pengakhiran wajib diisi.")},
    )
    reason = forms.CharField(
        label=_("Alasan pengakhiran"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Alasan pengakhiran wajib diisi.")},
    )
    minutes_file = forms.FileField(
        label=_("Berita acara pengakhiran (PDF)"),
        validators=[_pdf_only],
        error_messages={"required": _("Unggah berita acara pengakhiran (PDF).")},
    )

    def __init__(self, *args, earliest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest = earliest

    def clean_terminated_on(self):
        day = self.cleaned_data["terminated_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal pengakhiran tidak boleh sesudah hari ini."))
        if self.earliest and day < self.earliest:
            raise forms.ValidationError(
                _("Tanggal pengakhiran tidak boleh sebelum %(date)s.") % {"date": self.earliest.strftime("%d-%m-%Y")}
            )
        return day

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Alasan pengakhiran wajib diisi."))
        return reason
