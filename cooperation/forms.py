"""Admin forms that hold the user's scope: agency staff can only file for their own agency."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import AgreementStatus
from .selectors import agencies_selectable_by


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
