"""Admin forms that hold the user's scope: agency staff can only file for their own agency."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .selectors import agencies_selectable_by


class AgreementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sectors" in self.fields:
            self.fields["sectors"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["sectors"].choices
            )
        if self.for_user is not None and "initiating_agency" in self.fields:
            # The queryset is also what the field validates a POST against.
            self.fields["initiating_agency"].queryset = agencies_selectable_by(user=self.for_user)
