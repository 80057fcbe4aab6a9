"""The reporting period: a from/to date pair, by default the last full semester."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Longer periods make files nobody reads and queries nobody needs.
MAX_PERIOD_DAYS = 366 * 10


def last_full_semester(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """January to June when today is in the second half of the year, else July to December of last year."""
    today = today or timezone.localdate()
    if today.month >= 7:
        return datetime.date(today.year, 1, 1), datetime.date(today.year, 6, 30)
    return datetime.date(today.year - 1, 7, 1), datetime.date(today.year - 1, 12, 31)


class ReportPeriodForm(forms.Form):
    """GET form of the reports page; without input it stands at the last full semester."""

    FORMATS = [("xlsx", "XLSX"), ("pdf", "PDF"), ("csv", "CSV")]

    period_from = forms.DateField(
        label=_("Dari tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"required": _("Isi tanggal awal periode."), "invalid": _("Tanggal awal tidak valid.")},
    )
    period_to = forms.DateField(
        label=_("Sampai tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"required": _("Isi tanggal akhir periode."), "invalid": _("Tanggal akhir tidak valid.")},
    )

    @classmethod
    def from_query(cls, query, *, today: datetime.date | None = None) -> "ReportPeriodForm":
        """Bound to the query string when it names a period, else to the last full semester."""
        if "period_from" in query or "period_to" in query:
            return cls(query)
        start, end = last_full_semester(today)
        return cls({"period_from": start.isoformat(), "period_to": end.isoformat()})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("Tanggal awal periode harus sebelum atau sama dengan tanggal akhir."))
            if (end - start).days > MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Periode laporan paling lama 10 tahun."))
        return cleaned

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        return self.cleaned_data["period_from"], self.cleaned_data["period_to"]


def period_slug(period_from: datetime.date, period_to: datetime.date) -> str:
    """The period in file names: 2026-01-01_2026-06-30."""
    return f"{period_from.isoformat()}_{period_to.isoformat()}"
