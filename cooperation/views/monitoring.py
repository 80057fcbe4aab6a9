"""Admin pages of the secretariat's monitoring: "Dasbor Monitoring" and the reports for upward reporting.

Who may open what:
- the dashboard is the region's view: region-wide roles only (agency staff get 403; their own
  obligations are on the home page and "Jadwal Monev");
- the reports: region-wide roles get every agreement; agency staff get a file scoped to their own
  agency (agreements_visible_to), which is what their agency reports to the secretariat; accounts
  without a role get 403.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component

from .. import roles
from ..reporting.implementation import implementation_report
from ..reporting.pdf import implementation_pdf
from ..reporting.periods import ReportPeriodForm, period_slug
from ..reporting.register import REGISTER_COLUMNS, agreement_register
from ..reporting.spreadsheets import XLSX_CONTENT_TYPE, implementation_xlsx, register_csv, register_xlsx
from ..selectors.agreements import status_counts
from ..selectors.monev import compliance_by_agency
from ..selectors.monitoring import bar_percent, ending_soon_with_days_left, may_see_monitoring, review_stage_durations
from .pages import AdminPageMixin


def may_download_reports(user: roles.User) -> bool:
    """Region-wide roles (everything) and agency staff (their agency's agreements)."""
    return roles.works_with_register(user)


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Tahun"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Tahun harus berupa angka, misalnya 2026.")},
    )


class MonitoringDashboardView(AdminPageMixin, TemplateView):
    """ "Dasbor Monitoring": status, monev compliance per agency, ending soon, days per review stage."""

    template_name = "cooperation/monitoring/dashboard.html"
    page_title = _("Dasbor Monitoring")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_monitoring(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=400 if context["year_form"].errors else 200)

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        year_form = YearForm(self.request.GET or None)
        year = year_form.cleaned_data.get("year") if year_form.is_valid() else None
        compliance_today = min(today, datetime.date(year, 12, 31)) if year else today
        compliance = compliance_by_agency(
            user=user, today=compliance_today, period_from=datetime.date(year, 1, 1) if year else None
        )
        statuses = status_counts(user=user)
        most_status = max((row["count"] for row in statuses), default=0)
        stages = review_stage_durations(user=user, year=year)
        longest_stage = max(
            (float(value) for row in stages for value in (row.average_days, row.standard_days) if value is not None),
            default=0,
        )
        return {
            **super().get_context_data(**kwargs),
            "year_form": year_form,
            "year": year,
            "today": today,
            "status_rows": [{**row, "bar": bar_percent(row["count"], most_status)} for row in statuses],
            "status_total": sum(row["count"] for row in statuses if row["status"] != "expiring"),
            "compliance_rows": [{"row": row, "bar": bar_percent(row.percent, 100)} for row in compliance],
            "compliance_as_of": compliance_today,
            "ending_soon": ending_soon_with_days_left(user=user, months=6, today=today),
            "stage_rows": [
                {
                    "row": row,
                    "average_bar": bar_percent(row.average_days, longest_stage),
                    "standard_bar": bar_percent(row.standard_days, longest_stage),
                }
                for row in stages
            ],
        }


DOWNLOADS = {
    "pelaksanaan-xlsx": ("laporan-pelaksanaan-kerja-sama", "xlsx"),
    "pelaksanaan-pdf": ("laporan-pelaksanaan-kerja-sama", "pdf"),
    "register-xlsx": ("register-kerja-sama", "xlsx"),
    "register-csv": ("register-kerja-sama", "csv"),
}
CONTENT_TYPES = {"xlsx": XLSX_CONTENT_TYPE, "pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}


class UpwardReportsView(AdminPageMixin, TemplateView):
    """ "Laporan Kerja Sama": choose a period, download the implementation report or the register."""

    template_name = "cooperation/monitoring/reports.html"
    page_title = _("Laporan Kerja Sama")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not may_download_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = ReportPeriodForm.from_query(request.GET)
        download = request.GET.get("unduh", "")
        if download and download not in DOWNLOADS:
            form.add_error(None, _("Jenis unduhan tidak dikenal."))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if download:
            return self.download(download, *form.period)
        return self.render_to_response(self.get_context_data(form=form))

    def download(self, download: str, period_from: datetime.date, period_to: datetime.date) -> HttpResponse:
        name, extension = DOWNLOADS[download]
        user = self.request.user
        if name == "register-kerja-sama":
            register = agreement_register(user=user, period_from=period_from, period_to=period_to)
            content = register_xlsx(register) if extension == "xlsx" else register_csv(register)
        else:
            report = implementation_report(user=user, period_from=period_from, period_to=period_to)
            content = implementation_xlsx(report) if extension == "xlsx" else implementation_pdf(report)
        response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
        filename = f"{name}-{period_slug(period_from, period_to)}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.is_valid():
            period_from, period_to = form.period
            context["report"] = implementation_report(
                user=self.request.user, period_from=period_from, period_to=period_to
            )
        context["register_columns"] = [str(column.heading) for column in REGISTER_COLUMNS]
        context["scoped_to_agency"] = not roles.is_region_wide(self.request.user)
        return context


class MonitoringLinkPanel(Component):
    """A small home-page panel pointing the secretariat to the dashboard and the reports."""

    name = "cooperation_monitoring_link"
    order = 55
    template_name = "cooperation/monitoring/home_panel.html"
