"""Admin forms that hold the user's scope: agency staff can only file for their own agency."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import (
    Agency,
    AgreementStatus,
    CooperationKind,
    DocumentRole,
    NotificationKind,
    Proposal,
    ProposalClearance,
    ProposalPurpose,
)
from .selectors import agencies_selectable_by, missing_required_documents, notification_opt_outs
from .uploads import validate_document_upload


class AgreementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sectors" in self.fields:
            self.fields["sectors"].widget = forms.CheckboxSelectMultiple(choices=self.fields["sectors"].choices)
        if self.for_user is not None and "initiating_agency" in self.fields:
            # The queryset is also what the field validates a POST against.
            self.fields["initiating_agency"].queryset = agencies_selectable_by(user=self.for_user)


class StatusChangeForm(forms.Form):
    """The secretariat records a lifecycle step; signing also needs the date, place and number."""

    to_status = forms.ChoiceField(label=_("Status baru"))
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signed_on = forms.DateField(label=_("Tanggal penandatanganan"), required=False)
    signed_at = forms.CharField(label=_("Tempat penandatanganan"), required=False, max_length=150)
    region_number = forms.CharField(label=_("Nomor naskah pihak daerah"), required=False, max_length=120)
    partner_number = forms.CharField(label=_("Nomor naskah pihak mitra"), required=False, max_length=120)
    starts_on = forms.DateField(label=_("Tanggal mulai"), required=False)
    ends_on = forms.DateField(label=_("Tanggal berakhir"), required=False)
    signed_scan = forms.FileField(
        label=_("Pindaian naskah ditandatangani (PDF)"),
        required=False,
        validators=[lambda file: validate_document_upload(file, allow_docx=False)],
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("to_status") == AgreementStatus.SIGNED:
            for field in ("signed_on", "signed_at", "region_number"):
                if not cleaned.get(field):
                    self.add_error(field, _("Wajib diisi saat mencatat penandatanganan."))
        return cleaned


class ProposalForm(WagtailAdminModelForm):
    """Scopes the initiating agency to the user, and refuses a submission missing required documents."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sectors" in self.fields:
            self.fields["sectors"].widget = forms.CheckboxSelectMultiple(choices=self.fields["sectors"].choices)
        if self.for_user is not None and "initiating_agency" in self.fields:
            self.fields["initiating_agency"].queryset = agencies_selectable_by(user=self.for_user)
        if self.instance.purpose != ProposalPurpose.NEW and "parent_agreement" in self.fields:
            # An extension or addendum was opened from its agreement: re-pointing it would let the
            # successor replace some other agreement on approval.
            self.fields["parent_agreement"].disabled = True
            self.fields["parent_agreement"].help_text = _("Ditetapkan saat perpanjangan atau adendum dibuat.")

    @property
    def is_submission(self) -> bool:
        return bool(self.data.get("action-submit"))

    def clean(self):
        cleaned = super().clean()
        document_type = cleaned.get("document_type")
        parent = cleaned.get("parent_agreement")
        if document_type is not None:
            if document_type.role == DocumentRole.AMENDMENT and parent is None:
                self.add_error("parent_agreement", _("Adendum harus menunjuk naskah yang diubahnya."))
            allowed = list(document_type.allowed_parent_types.all())
            if parent is not None and allowed and parent.document_type_id not in {t.pk for t in allowed}:
                self.add_error(
                    "parent_agreement",
                    _("%(type)s hanya dapat berinduk pada %(allowed)s.")
                    % {"type": document_type.code, "allowed": ", ".join(t.code for t in allowed)},
                )
        return cleaned

    def is_valid(self) -> bool:
        # The checklist needs the document formset's cleaned data, which exists only after it validates.
        valid = super().is_valid()
        if valid and self.is_submission:
            missing = self._missing_documents()
            if missing:
                self.add_error(
                    None,
                    _("Usulan belum dapat diajukan. Dokumen wajib yang belum diunggah: %(missing)s.")
                    % {"missing": ", ".join(category.name for category in missing)},
                )
                return False
        return valid

    def _missing_documents(self):
        cleaned = self.cleaned_data
        present = set()
        for form in self.formsets["documents"].forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("category"):
                continue
            if data.get("file") or form.instance.pk:
                present.add(data["category"].pk)
        probe = Proposal(kind=cleaned.get("kind"), document_type=cleaned.get("document_type"))
        return missing_required_documents(proposal=probe, present_category_ids=present)


class ReviewActionForm(forms.Form):
    """The reviewer's decision at the current stage, for browsers without JavaScript too."""

    action = forms.ChoiceField(label=_("Tindakan"), widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Catatan / alasan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wajib untuk permintaan perbaikan dan penolakan."),
    )

    def __init__(self, *args, actions: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = actions

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in ("reject", "decline") and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tuliskan alasannya agar pengusul dapat menindaklanjuti."))
        return cleaned


class ClearanceForm(forms.ModelForm):
    class Meta:
        model = ProposalClearance
        fields = ["kind", "letter_number", "requested_on", "completed_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class NotificationChoicesForm(forms.Form):
    """One checkbox per kind of e-mail; unticking one opts the user out of it."""

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = instance
        opted_out = notification_opt_outs(user=instance)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.BooleanField(label=label, required=False, initial=kind not in opted_out)

    def save(self, commit: bool = True):
        from .services.notifications import set_notification_choices

        set_notification_choices(
            user=self.user, receive={kind for kind, _label in NotificationKind.choices if self.cleaned_data.get(kind)}
        )
        return self.user


class TriageForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("OPD pemrakarsa"),
        queryset=Agency.objects.filter(is_active=True),
        help_text=_("Staf OPD ini melanjutkan permohonan sebagai usulan mereka sendiri."),
    )
    kind = forms.ModelChoiceField(label=_("Jenis kerja sama"), queryset=CooperationKind.objects.all())


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Disimpan dalam catatan internal; halaman status pemohon hanya menampilkan tahap dan tanggal."),
    )
