"""The monev report's admin form: scoped choices, a friendly duplicate message, evidence kept on drafts."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Agreement, MonevReport
from .selectors.agreements import agencies_selectable_by
from .selectors.monev import reportable_agreements_for

DUPLICATE_MESSAGE = _(
    "Laporan monev untuk naskah dan periode ini sudah ada. Buka laporan tersebut dari daftar Laporan Monev "
    "untuk melanjutkannya."
)

NOT_REPORTABLE_MESSAGE = _(
    "Naskah ini tidak dapat dilaporkan: laporan monev hanya untuk naskah yang berlaku dan menjadi tanggung "
    "jawab OPD Anda."
)


class MonevReportForm(WagtailAdminModelForm):
    """Limits the agreement to those the user may report on and the agency to the user's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link_evidence_to_report(self)
        user = self.for_user
        if user is None:
            return
        if "agreement" in self.fields:
            agreements = reportable_agreements_for(user=user)
            if self.instance.agreement_id:
                agreements = agreements | Agreement.objects.filter(pk=self.instance.agreement_id)
            self.fields["agreement"].queryset = agreements.select_related("document_type").order_by("title")
            self.fields["agreement"].error_messages["invalid_choice"] = NOT_REPORTABLE_MESSAGE
        if "reporting_agency" in self.fields:
            agencies = agencies_selectable_by(user=user)
            if self.instance.reporting_agency_id:
                agencies = agencies | agencies.model.objects.filter(pk=self.instance.reporting_agency_id)
            self.fields["reporting_agency"].queryset = agencies.distinct()

    def clean(self):
        cleaned = super().clean()
        agreement, starts_on = cleaned.get("agreement"), cleaned.get("period_starts_on")
        if agreement is not None and starts_on is not None:
            duplicate = MonevReport.objects.filter(agreement=agreement, period_starts_on=starts_on)
            if self.instance.pk:
                duplicate = duplicate.exclude(pk=self.instance.pk)
            if duplicate.exists():
                self.add_error("period_starts_on", DUPLICATE_MESSAGE)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # The unique constraint repeats the duplicate in a generic sentence: keep only ours.
        if self.has_error("period_starts_on") and NON_FIELD_ERRORS in self._errors:
            kept = [m for m in self._errors[NON_FIELD_ERRORS] if "sudah ada" not in m and "already exists" not in m]
            if kept:
                self._errors[NON_FIELD_ERRORS] = self.error_class(kept)
            else:
                del self._errors[NON_FIELD_ERRORS]

    def save(self, commit: bool = True):
        instance = super().save(commit=commit)
        if not commit:
            # A verified report's edit is only a revision: store new evidence files now, or they are lost.
            store_uncommitted_files(self)
        return instance


def link_evidence_to_report(form: WagtailAdminModelForm) -> None:
    """Modelcluster sets the report on a new evidence row only when saving: set it now, so the document's
    own validation knows it is evidence (which may be a photo) even on a report not saved yet."""
    formset = form.formsets.get("evidence")
    if formset is None:
        return
    for child in formset.forms:
        if child.instance.monev_report_id is None:
            child.instance.monev_report = form.instance


def store_uncommitted_files(form: WagtailAdminModelForm) -> None:
    formset = form.formsets.get("evidence")
    if formset is None:
        return
    for child in formset.forms:
        document = child.instance
        file: FieldFile | None = getattr(document, "file", None)
        if file and not getattr(file, "_committed", True):
            file.save(file.name, file.file, save=False)
