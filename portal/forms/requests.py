"""The public forms for requests from outside: submitting one, and looking up its status."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cooperation.models import ExternalRequest
from cooperation.services.requests import REQUEST_FIELDS
from cooperation.uploads import validate_document_upload

# A field people never see; bots that fill every input give themselves away. The name is one that
# browsers' autofill has no reason to recognise.
HONEYPOT_FIELD = "kolom_kosong"
ACCEPTED_TYPES = ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of uploaded files. Empty files pass here so that the upload check names them."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in data if item] if isinstance(data, list | tuple) else ([data] if data else [])
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ExternalRequestForm(forms.ModelForm):
    required_css_class = "required"

    attachments = MultipleFileField(
        label=_("Lampiran"),
        widget=MultipleFileInput(attrs={"accept": ACCEPTED_TYPES}),
    )

    class Meta:
        model = ExternalRequest
        fields = list(REQUEST_FIELDS)
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "aims": forms.Textarea(attrs={"rows": 5}),
            "scope": forms.Textarea(attrs={"rows": 5}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
        }
        labels = {"contact_name": _("Nama narahubung")}
        help_texts = {
            "region": _(
                "Untuk mitra dalam negeri: provinsi dan kabupaten/kota. Untuk mitra luar negeri: kota/negara bagian."
            ),
            "contact_email": _("Kami menghubungi Anda melalui alamat ini. Data kontak tidak dipublikasikan."),
            "title": _("Misalnya: Kerja sama pengembangan layanan kesehatan berbasis data."),
            "scope": _("Bidang-bidang kegiatan yang akan dikerjasamakan."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_mb = settings.COOPERATION_MAX_UPLOAD_MB
        self.fields["attachments"].help_text = _(
            "PDF atau DOCX, paling besar %(limit)s MB per berkas, paling banyak %(count)s berkas. "
            "Lampirkan surat penawaran/permohonan kerja sama; boleh ditambah profil lembaga, KAK atau kajian."
        ) % {"limit": limit_mb, "count": settings.COOPERATION_MAX_ATTACHMENTS}

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        limit = settings.COOPERATION_MAX_ATTACHMENTS
        if len(files) > limit:
            raise ValidationError(_("Paling banyak %(limit)s berkas per permohonan."), params={"limit": limit})
        errors = []
        for upload in files:
            try:
                validate_document_upload(upload, allow_docx=True)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return files

    def request_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in REQUEST_FIELDS if field in self.cleaned_data}


class RequestStatusForm(forms.Form):
    required_css_class = "required"

    number = forms.CharField(
        label=_("Nomor Registrasi"),
        max_length=30,
        help_text=_("Contoh: REG-2025-00001"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
    token = forms.CharField(
        label=_("Token"),
        max_length=64,
        help_text=_("Kode rahasia yang ditampilkan satu kali saat permohonan dikirim."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
