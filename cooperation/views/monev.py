"""Admin screens for monev: the reports (write, submit, verify), and the schedule of reports owed."""

import datetime
from functools import partial

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import roles
from ..forms import ReviewActionForm
from ..forms_monev import DUPLICATE_MESSAGE, MonevReportForm
from ..models import Agency, MonevIndicator, MonevReport, VerificationStatus
from ..selectors.agreements import agency_of
from ..selectors.monev import (
    ObligationState,
    monev_reports_changeable_by,
    monev_reports_visible_to,
    obligations_for,
    reportable_agreements_for,
)
from ..services import monev as monev_services
from .pages import AdminPageMixin, ReadableInspectMixin, RecordFormPageMixin
from .refusals import REFUSALS, RefusalOnFormMixin, RefusalRedirectMixin, SubmitThroughServiceMixin
from .scoping import scoped

NAMESPACE = "wagtailsnippets_cooperation_monevreport"


def _year_choices():
    this_year = datetime.date.today().year
    return [(str(year), str(year)) for year in range(this_year + 1, this_year - 10, -1)]


class MonevReportFilterSet(WagtailFilterSet):
    verification_status = django_filters.ChoiceFilter(
        label=_("Status verifikasi"), choices=VerificationStatus.choices, empty_label=_("Semua")
    )
    reporting_agency = django_filters.ModelChoiceFilter(
        label=_("OPD pelapor"), queryset=Agency.objects.filter(is_active=True), empty_label=_("Semua")
    )
    year = django_filters.ChoiceFilter(
        label=_("Tahun periode"), choices=_year_choices, method="filter_year", empty_label=_("Semua")
    )

    class Meta:
        model = MonevReport
        fields = ["verification_status", "reporting_agency"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(period_ends_on__year=int(value)) if value else queryset


# -- editing ---------------------------------------------------------------------------------------


class MonevSaveMixin(SubmitThroughServiceMixin):
    """Edits and submissions go through the service's checks; refusals become messages, never 500s.

    Verification happens only through the workflow, so the form offers no direct "publish".
    """

    refusal_url_name = f"{NAMESPACE}:edit"
    refusal_warning = _("Laporan tersimpan sebagai draf, tetapi belum dapat diajukan.")

    def get_available_actions(self):
        return [action for action in super().get_available_actions() if action != "publish"]

    def save_instance(self):
        is_new = self.form.instance.pk is None
        monev_services.prepare_report_edit(report=self.form.instance, by=self.request.user)
        try:
            with transaction.atomic():
                instance = super().save_instance()
        except IntegrityError as error:
            # Two people filed the same period at once: the constraint caught the second.
            raise PermissionDenied(DUPLICATE_MESSAGE) from error
        if is_new:
            monev_services.record_report_author(report=instance, by=self.request.user)
        return instance

    def submit(self) -> None:
        monev_services.submit_report(report=self.object, by=self.request.user, save_revision=False)


class MonevReportCreateView(MonevSaveMixin, snippet_views.CreateView):
    """Opened from the schedule with ?agreement=<pk>&period=<start>: the period and agency are filled in."""

    def dispatch(self, request, *args, **kwargs):
        if not monev_services.may_write_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or MonevReport()
        user = self.request.user
        instance.reporting_agency = agency_of(user=user)
        agreement_pk = self.request.GET.get("agreement", "")
        if agreement_pk.isdigit():
            agreement = reportable_agreements_for(user=user).select_related("kind").filter(pk=agreement_pk).first()
            if agreement is not None:
                instance.agreement = agreement
                if instance.reporting_agency is None:
                    instance.reporting_agency = agreement.implementing_agencies.first() or agreement.initiating_agency
                period = self._period(agreement, self.request.GET.get("period", ""))
                if period is not None:
                    instance.period_starts_on, instance.period_ends_on = period.starts_on, period.ends_on
        return instance

    @staticmethod
    def _period(agreement, value: str):
        from ..models import agreement_monev_periods

        try:
            starts_on = datetime.date.fromisoformat(value)
        except ValueError:
            return None
        return next((p for p in agreement_monev_periods(agreement) if p.starts_on == starts_on), None)


class MonevReportEditView(MonevSaveMixin, snippet_views.EditView):
    pass


class KeepServiceFieldsOnRevert:
    """Restoring an old revision restores its content, never its verification status or reporter."""

    def save_instance(self):
        monev_services.prepare_report_edit(report=self.form.instance, by=self.request.user)
        return super().save_instance()


class MonevWorkflowActionView(RefusalRedirectMixin, snippet_views.WorkflowActionView):
    refusal_url_name = f"{NAMESPACE}:inspect"

    def post(self, request, *args, **kwargs):
        return self.refused_as_message(partial(super().post, request, *args, **kwargs))


# -- reading ---------------------------------------------------------------------------------------


def verification_history(report: MonevReport) -> list[dict]:
    """Each submission and each decision, oldest first, from Wagtail's workflow records."""
    rows = []
    states = report.workflow_states.select_related("requested_by").prefetch_related("task_states__finished_by")
    for state in states.order_by("created_at"):
        rows.append(
            {"when": state.created_at, "who": state.requested_by, "what": _("Diajukan untuk verifikasi"), "note": ""}
        )
        for task_state in sorted(state.task_states.all(), key=lambda t: t.started_at):
            if task_state.finished_at is None:
                continue
            what = {
                "approved": _("Diverifikasi"),
                "rejected": _("Dikembalikan untuk perbaikan"),
                "cancelled": _("Dibatalkan"),
            }.get(task_state.status, task_state.status)
            rows.append(
                {
                    "when": task_state.finished_at,
                    "who": task_state.finished_by,
                    "what": what,
                    "note": task_state.comment,
                }
            )
    return sorted(rows, key=lambda row: row["when"])


class MonevReportInspectView(ReadableInspectMixin, snippet_views.InspectView):
    """The report as the secretariat reads it: indicators with %, budget %, evidence, verification history."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        user = self.request.user
        context.update(
            {
                "report": report,
                "indicators": list(report.indicators.all()),
                "evidence": report.evidence.select_related("category"),
                "history": verification_history(report),
                "can_verify": monev_services.can_verify(user=user, report=report),
                "can_edit": monev_reports_changeable_by(user=user).filter(pk=report.pk).exists()
                and monev_services.may_write_reports(user),
                "has_draft_changes": report.live and report.has_unpublished_changes,
            }
        )
        return context

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if monev_services.can_verify(user=self.request.user, report=self.object):
            buttons.append(
                Button(
                    _("Verifikasi"),
                    url=reverse(f"{NAMESPACE}:verify", args=[self.object.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class VerifyReportView(RefusalOnFormMixin, RecordFormPageMixin, FormView):
    """Verify or request changes: a plain form, no script needed."""

    url_namespace = NAMESPACE
    form_class = ReviewActionForm
    template_name = "cooperation/monev/verify.html"
    page_title = _("Verifikasi laporan monev")
    header_icon = "tasks"
    model = MonevReport

    def dispatch(self, request, *args, **kwargs):
        if not monev_services.can_verify(user=request.user, report=self.object):
            messages.error(request, _("Laporan ini tidak sedang menunggu verifikasi Anda."))
            return redirect(f"{NAMESPACE}:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        actions = [("approve", _("Verifikasi laporan")), ("reject", _("Minta perbaikan"))]
        return {**super().get_form_kwargs(), "actions": actions}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object}

    def form_valid(self, form):
        try:
            monev_services.act_on_report(
                report=self.object,
                by=self.request.user,
                action=form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
            )
        except REFUSALS as error:
            return self.refused(form, error)
        self.object.refresh_from_db()
        messages.success(
            self.request,
            _("Tindakan tercatat. Status laporan kini: %(status)s.")
            % {"status": self.object.get_verification_status_display()},
        )
        return redirect(f"{NAMESPACE}:inspect", self.object.pk)


SCHEDULE_PER_PAGE = 50


class ScheduleFilterForm(forms.Form):
    """The schedule's GET filters; a value that does not validate is shown as an error and ignored."""

    NOT_REPORTED = ""  # the default: every period whose report is not in yet, the running one included
    DUE = "due"  # only the periods whose report can be written now (the home panel's list)
    ALL = "all"
    STATES = {
        NOT_REPORTED: ObligationState.OUTSTANDING | {ObligationState.UPCOMING},
        DUE: ObligationState.OUTSTANDING,
        **{state: {state} for state in ObligationState.LABELS},
    }

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (NOT_REPORTED, _("Belum dilaporkan")),
            (DUE, _("Harus dilaporkan sekarang")),
            *ObligationState.LABELS.items(),
            (ALL, _("Semua")),
        ],
    )
    agency = forms.ModelChoiceField(
        label=_("OPD Pelaksana"), queryset=Agency.objects.none(), required=False, empty_label=_("Semua OPD")
    )
    year = forms.TypedChoiceField(label=_("Tahun periode"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, years: list[int], region_wide: bool):
        super().__init__(data)
        self.fields["year"].choices = [("", _("Semua tahun")), *((year, str(year)) for year in years)]
        if region_wide:
            self.fields["agency"].queryset = Agency.objects.order_by("name")
        else:
            del self.fields["agency"]

    def filter(self, obligations: list) -> list:
        """Keep the obligations matching the valid filters; an invalid one filters nothing."""
        self.is_valid()
        values = self.cleaned_data
        status = values.get("status", self.NOT_REPORTED)
        if status != self.ALL:
            states = self.STATES.get(status, self.STATES[self.NOT_REPORTED])
            obligations = [o for o in obligations if o.state in states]
        if agency := values.get("agency"):
            obligations = [o for o in obligations if agency in o.responsible_agencies]
        if year := values.get("year"):
            obligations = [o for o in obligations if o.period.ends_on.year == year]
        return obligations


class ScheduleView(AdminPageMixin, TemplateView):
    """ "Jadwal Monev": the periods the user's agency (or the region) must report on, overdue first,
    filtered by status (not reported yet by default), OPD and year, 50 a page."""

    template_name = "cooperation/monev/schedule.html"
    page_title = _("Jadwal Monev")
    header_icon = "date"
    breadcrumbs_items = [
        *AdminPageMixin.breadcrumbs_items,
        {"url": reverse_lazy(f"{NAMESPACE}:list"), "label": _("Laporan Monev")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not roles.works_with_register(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        obligations = obligations_for(user=user)
        form = ScheduleFilterForm(
            self.request.GET,
            years=sorted({o.period.ends_on.year for o in obligations}, reverse=True),
            region_wide=roles.is_region_wide(user),
        )
        filtered = form.filter(obligations)
        page = Paginator(filtered, SCHEDULE_PER_PAGE).get_page(self.request.GET.get("p"))
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "obligations": page.object_list,
            "page_obj": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "can_write": monev_services.may_write_reports(user),
        }


class PeriodColumn(Column):
    def get_value(self, instance):
        return instance.period_label


class StatusColumn(Column):
    def get_value(self, instance):
        label = instance.get_verification_status_display()
        if instance.live and instance.has_unpublished_changes:
            return f"{label} · {_('ada perubahan draf')}"
        return label


class PercentColumn(Column):
    def get_value(self, instance):
        percent = instance.realisation_percent
        return "—" if percent is None else f"{number_format(percent, 1)} %"


class MonevReportViewSet(SnippetViewSet):
    model = MonevReport
    icon = "clipboard-list"
    menu_label = _("Laporan Monev")
    menu_name = "monev_reports"
    menu_order = 101
    add_to_admin_menu = True
    add_view_class = MonevReportCreateView
    edit_view_class = MonevReportEditView
    inspect_view_class = MonevReportInspectView
    workflow_action_view_class = MonevWorkflowActionView
    inspect_template_name = "cooperation/monev/inspect.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = MonevReportFilterSet
    list_per_page = 25
    edit_handler = ObjectList(MonevReport.panels, base_form_class=MonevReportForm)
    list_display = [
        # A field name first: Wagtail makes it the title column, linked to the report, with its buttons.
        "agreement",
        PeriodColumn("period", label=_("Periode"), sort_key="period_starts_on"),
        Column("reporting_agency", label=_("OPD pelapor")),
        StatusColumn("verification_status", label=_("Status"), sort_key="verification_status"),
        PercentColumn("realisation", label=_("Realisasi")),
        Column("submitted_at", label=_("Diajukan"), sort_key="submitted_at"),
    ]
    list_export = [
        "agreement",
        "period_starts_on",
        "period_ends_on",
        "reporting_agency",
        "verification_status",
        "realisation_percent",
        "submitted_at",
        "verified_at",
    ]
    export_filename = "laporan-monev"
    inspect_view_fields = [
        "agreement",
        "period_starts_on",
        "period_ends_on",
        "reporting_agency",
        "activities",
        "benefits",
        "regional_income",
        "obstacles",
        "follow_up",
        "recommendation",
        "recommendation_note",
    ]

    def get_queryset(self, request):
        return (
            monev_reports_visible_to(user=request.user)
            .select_related("agreement__kind", "reporting_agency", "latest_revision")
            .prefetch_related(Prefetch("indicators", queryset=MonevIndicator.objects.order_by("sort_order", "pk")))
        )

    @property
    def revisions_revert_view_class(self):
        return type(
            "MonevRevisionsRevertView",
            (KeepServiceFieldsOnRevert, generic.RevisionsRevertMixin, self.edit_view_class),
            {"view_name": "revisions_revert"},
        )

    @property
    def verify_view(self):
        return self.construct_view(VerifyReportView)

    @property
    def schedule_view(self):
        return ScheduleView.as_view()

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"verify/<{conv}:pk>/", self.verify_view, name="verify"),
            path("schedule/", self.schedule_view, name="schedule"),
        ]

    def construct_view(self, view_class, **kwargs):
        readable = view_class in (VerifyReportView,)
        return super().construct_view(
            scoped(
                view_class,
                visible_to=monev_reports_visible_to,
                changeable_by=monev_reports_visible_to if readable else monev_reports_changeable_by,
            ),
            **kwargs,
        )


__all__ = ["MonevReportViewSet", "ScheduleView"]
