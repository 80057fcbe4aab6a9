"""Admin for requests from outside: the secretariat reads them, forwards them to an agency, or declines.

Requests come only from the public form and change only through the services, so nobody (not even
a superuser) gets an add or edit form for them here.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ..filters import ExternalRequestFilterSet
from ..forms import DeclineForm, TriageForm
from ..models import ExternalRequest, ExternalRequestStatus
from ..selectors.requests import external_requests_triageable_by, external_requests_visible_to
from ..services import requests as request_services
from .pages import ReadableInspectMixin, RecordFormPageMixin
from .scoping import scoped

URL_NAMESPACE = "wagtailsnippets_cooperation_externalrequest"


class ExternalRequestPermissionPolicy(ModelPermissionPolicy):
    """Reading follows the model permissions; adding and editing are closed to everyone."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(ExternalRequest, ExternalRequestPermissionPolicy(ExternalRequest), exact_class=True)


# These two queries belong in cooperation/selectors/ with the others; they live here until that
# package is free to edit (see the report on the issue).
class ExternalRequestInspectView(ReadableInspectMixin, snippet_views.InspectView):
    # Fields whose model definition carries no Indonesian verbose_name (yet).
    labels = {"triaged_by": _("Ditindaklanjuti oleh")}

    def get_field_label(self, field_name, field):
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.status == ExternalRequestStatus.RECEIVED and request_services.may_triage(self.request.user):
            buttons += [
                Button(
                    _("Teruskan ke OPD"),
                    url=reverse(f"{URL_NAMESPACE}:triage", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=30,
                ),
                Button(
                    _("Tolak"),
                    url=reverse(f"{URL_NAMESPACE}:decline", args=[self.object.pk]),
                    icon_name="cross",
                    priority=40,
                ),
            ]
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = self.object.documents.select_related("category")
        context["proposal_url"] = _proposal_url(self.object.proposal) if self.object.proposal_id else None
        context["may_triage"] = request_services.may_triage(self.request.user)
        return context


def _proposal_url(proposal) -> str | None:
    for name in ("edit", "inspect"):
        try:
            return reverse(f"wagtailsnippets_cooperation_proposal:{name}", args=[proposal.pk])
        except NoReverseMatch:
            continue
    return None


class RequestActionView(RecordFormPageMixin, FormView):
    """The shared frame of "Teruskan ke OPD" and "Tolak": the secretariat only, on received requests."""

    template_name = "cooperation/external_request/action.html"
    url_namespace = URL_NAMESPACE
    model = ExternalRequest
    submit_label = ""

    def user_may_open(self, user) -> bool:
        return request_services.may_triage(user)

    def dispatch(self, request, *args, **kwargs):
        if self.object.status != ExternalRequestStatus.RECEIVED:
            messages.warning(
                request,
                _("Permohonan %(number)s sudah ditindaklanjuti (%(status)s).")
                % {"number": self.object.number, "status": self.object.get_status_display()},
            )
            return redirect(f"{URL_NAMESPACE}:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object, "submit_label": self.submit_label}

    def refused(self, form, error: Exception):
        for message in error.messages if isinstance(error, ValidationError) else [str(error)]:
            form.add_error(None, message)
        return self.form_invalid(form)


class TriageView(RequestActionView):
    form_class = TriageForm
    page_title = _("Teruskan ke OPD")
    header_icon = "resubmit"
    submit_label = _("Teruskan dan buat draf usulan")

    def get_initial(self):
        return {"kind": request_services.suggested_kind(request=self.object)}

    def form_valid(self, form):
        try:
            proposal = request_services.triage_external_request(
                request=self.object,
                agency=form.cleaned_data["agency"],
                kind=form.cleaned_data["kind"],
                by=self.request.user,
            )
        except (ValidationError, PermissionDenied) as error:
            return self.refused(form, error)
        messages.success(
            self.request,
            _("Permohonan %(number)s diteruskan ke %(agency)s sebagai draf usulan %(proposal)s.")
            % {"number": self.object.number, "agency": form.cleaned_data["agency"], "proposal": proposal.number},
        )
        return redirect(_proposal_url(proposal) or reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk]))


class DeclineView(RequestActionView):
    form_class = DeclineForm
    page_title = _("Tolak permohonan")
    header_icon = "cross"
    submit_label = _("Tolak permohonan")

    def form_valid(self, form):
        try:
            request_services.decline_external_request(
                request=self.object, reason=form.cleaned_data["reason"], by=self.request.user
            )
        except (ValidationError, PermissionDenied) as error:
            return self.refused(form, error)
        messages.success(self.request, _("Permohonan %(number)s ditolak.") % {"number": self.object.number})
        return redirect(f"{URL_NAMESPACE}:inspect", self.object.pk)


class ExternalRequestViewSet(SnippetViewSet):
    model = ExternalRequest
    icon = "mail"
    menu_label = _("Permohonan dari Luar")
    menu_name = "external-requests"
    menu_order = 105
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = ExternalRequestInspectView
    inspect_template_name = "cooperation/external_request/inspect.html"
    copy_view_enabled = False
    filterset_class = ExternalRequestFilterSet
    search_fields = ["number", "organisation", "title", "contact_name", "contact_email"]
    list_per_page = 25
    list_display = [
        "number",
        "organisation",
        Column("category", label=_("Kategori"), accessor="get_category_display"),
        Column("title", label=_("Judul usulan")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column(
            "received_at",
            label=_("Diterima"),
            sort_key="received_at",
            accessor=lambda request: date_format(request.received_at, "SHORT_DATETIME_FORMAT"),
        ),
    ]
    list_export = [
        "number",
        "organisation",
        "category",
        "country",
        "region",
        "title",
        "status",
        "received_at",
        "assigned_agency",
        "triaged_at",
    ]
    export_filename = "permohonan-kerja-sama-dari-luar"
    inspect_view_fields = [
        "number",
        "status",
        "received_at",
        *request_services.REQUEST_FIELDS,
        "assigned_agency",
        "triaged_at",
        "triaged_by",
        "decline_reason",
        "submitted_from",
    ]

    def get_queryset(self, request):
        return external_requests_visible_to(user=request.user).select_related("assigned_agency", "proposal")

    @property
    def triage_view(self):
        return self.construct_view(TriageView)

    @property
    def decline_view(self):
        return self.construct_view(DeclineView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"triage/<{self.pk_path_converter}:pk>/", self.triage_view, name="triage"),
            path(f"decline/<{self.pk_path_converter}:pk>/", self.decline_view, name="decline"),
        ]

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            scoped(view_class, visible_to=external_requests_visible_to, changeable_by=external_requests_triageable_by),
            **kwargs,
        )
