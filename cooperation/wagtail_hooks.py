from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from . import roles
from .dashboard import (
    AwaitingMyActionPanel,
    EndingSoonPanel,
    OverdueStagesPanel,
    PublicationPanel,
    StatusCountsPanel,
)
from .forms import NotificationChoicesForm
from .models import AgreementStatus
from .selectors import document_visible_to
from .services import STATUS_CHANGE_ACTION
from .views import AgreementViewSet, ReferenceDataGroup
from .views.proposals import ProposalViewSet
from .views.publication import PublicationViewSet

register_snippet(ProposalViewSet)
register_snippet(AgreementViewSet)
register_snippet(PublicationViewSet)
register_snippet(ReferenceDataGroup)


class MenuItemFor(MenuItem):
    """A menu entry shown only to the users ``shown_to`` admits, the same rule its page enforces."""

    def __init__(self, shown_to: Callable[[roles.User], bool], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)


# -- Monev reports: the register of reports, the schedule page, the agency's home panel -------------
from .views.monev import MonevReportViewSet  # noqa: E402

register_snippet(MonevReportViewSet)


@hooks.register("construct_homepage_panels")
def add_monev_due_panel(request, panels):
    from .dashboard import MonevDuePanel
    from .selectors.monev import keeps_monev

    if keeps_monev(request.user) or roles.AGENCY_STAFF in roles.role_names(request.user):
        panels.append(MonevDuePanel(request.user))


@hooks.register("construct_snippet_action_menu")
def hide_monev_publish_button(menu_items, request, context):
    """A monev report goes live only through the secretariat's verification, never a direct "Publish"."""
    if context.get("model") is MonevReportViewSet.model:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("register_admin_menu_item")
def register_monev_schedule_menu_item():
    return MenuItemFor(
        roles.works_with_register,
        _("Jadwal Monev"),
        reverse_lazy("wagtailsnippets_cooperation_monevreport:schedule"),
        icon_name="date",
        order=102,
    )


@hooks.register("construct_homepage_panels")
def add_register_panels(request, panels):
    # "Menunggu tindakan saya" below replaces Wagtail's generic list, adding the stage and due date.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    if roles.works_with_register(request.user):
        panels.append(AwaitingMyActionPanel(request.user))
        panels.append(OverdueStagesPanel(request.user))
        panels.append(StatusCountsPanel(request.user))
        panels.append(EndingSoonPanel(request.user))
    if request.user.has_perm("cooperation.publish_publication"):
        panels.append(PublicationPanel(request.user))


@hooks.register("register_log_actions")
def register_status_change_action(actions):
    @actions.register_action(STATUS_CHANGE_ACTION)
    class StatusChangeFormatter(LogFormatter):
        label = _("Ubah status")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            labels = dict(AgreementStatus.choices)
            message = _("Status diubah dari %(from)s menjadi %(to)s") % {
                "from": labels.get(data.get("from"), "—"),
                "to": labels.get(data.get("to"), "—"),
            }
            return f"{message}: {data['note']}" if data.get("note") else message


@hooks.register("before_serve_document")
def refuse_restricted_documents(document, request):
    """The serve view is the only way to a file; restricted ones need an entitled user."""
    if not document_visible_to(user=request.user, document=document):
        raise PermissionDenied


@hooks.register("register_account_settings_panel")
class CooperationNotificationsPanel(BaseSettingsPanel):
    name = "cooperation_notifications"
    title = _("Pemberitahuan e-mail Si Mbois Ker")
    tab = notifications_tab
    order = 110
    form_class = NotificationChoicesForm
    form_object = "user"


@hooks.register("register_log_actions")
def register_proposal_actions(actions):
    from .services import proposals

    actions.register_action(proposals.DECLINE_ACTION, _("Tolak usulan"), _("Usulan ditolak"))
    actions.register_action(proposals.APPROVE_ACTION, _("Setujui usulan"), _("Usulan disetujui; naskah dicatat"))
    actions.register_action(proposals.CLEARANCE_ACTION, _("Catat persyaratan"), _("Persyaratan tambahan dicatat"))


@hooks.register("register_log_actions")
def register_lifecycle_actions(actions):
    from .services import lifecycle

    actions.register_action(lifecycle.EXTENSION_ACTION, _("Ajukan perpanjangan"), _("Usulan perpanjangan dibuat"))
    actions.register_action(lifecycle.AMENDMENT_ACTION, _("Ajukan adendum"), _("Usulan adendum dibuat"))
    actions.register_action(lifecycle.TERMINATION_ACTION, _("Akhiri naskah"), _("Naskah diakhiri lebih awal"))


# --- Requests for cooperation from outside (cooperation/views/requests.py, services/requests.py) ---
from .services import requests as external_request_services  # noqa: E402
from .views.requests import ExternalRequestViewSet  # noqa: E402

register_snippet(ExternalRequestViewSet)


@hooks.register("register_log_actions")
def register_external_request_actions(actions):
    actions.register_action(
        external_request_services.RECEIVE_ACTION,
        _("Permohonan diterima"),
        _("Permohonan diterima dari formulir publik"),
    )
    actions.register_action(
        external_request_services.TRIAGE_ACTION, _("Teruskan ke OPD"), _("Permohonan dari luar diteruskan ke OPD")
    )
    actions.register_action(
        external_request_services.DECLINE_ACTION, _("Tolak permohonan"), _("Permohonan dari luar ditolak")
    )


# --- Document text (services/document_text.py): the "Proses ulang teks" action ---
from django.urls import path  # noqa: E402

from .views.documents import rerun_document_text  # noqa: E402


@hooks.register("register_admin_urls")
def register_document_text_urls():
    return [path("dokumen/<int:pk>/proses-ulang-teks/", rerun_document_text, name="cooperation_document_text_rerun")]


# --- Report "Teks Dokumen" (views/document_report.py): documents whose text is not searchable yet ---
from .views.document_report import DocumentTextReportView, may_see_document_text_report  # noqa: E402


@hooks.register("register_admin_urls")
def register_document_text_report_urls():
    return [
        path("laporan/teks-dokumen/", DocumentTextReportView.as_view(), name="cooperation_document_text_report"),
        path(
            "laporan/teks-dokumen/hasil/",
            DocumentTextReportView.as_view(results_only=True),
            name="cooperation_document_text_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_document_text_report_menu_item():
    return MenuItemFor(
        may_see_document_text_report,
        _("Teks Dokumen"),
        reverse_lazy("cooperation_document_text_report"),
        name="teks-dokumen",
        icon_name="doc-full",
        order=900,
    )


# --- "Dasbor Monitoring" and the upward reports (views/monitoring.py, reporting/) ---
from .views import monitoring as monitoring_views  # noqa: E402


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    return [
        path(
            "monitoring/", monitoring_views.MonitoringDashboardView.as_view(), name="cooperation_monitoring_dashboard"
        ),
        path("monitoring/laporan/", monitoring_views.UpwardReportsView.as_view(), name="cooperation_upward_reports"),
    ]


@hooks.register("register_admin_menu_item")
def register_monitoring_dashboard_menu_item():
    return MenuItemFor(
        monitoring_views.may_see_monitoring,
        _("Dasbor Monitoring"),
        reverse_lazy("cooperation_monitoring_dashboard"),
        icon_name="table",
        order=97,
    )


@hooks.register("register_reports_menu_item")
def register_upward_reports_menu_item():
    return MenuItemFor(
        monitoring_views.may_download_reports,
        _("Laporan Pelaksanaan & Register"),
        reverse_lazy("cooperation_upward_reports"),
        name="laporan-kerja-sama",
        icon_name="doc-full",
        order=100,
    )


@hooks.register("construct_homepage_panels")
def add_monitoring_link_panel(request, panels):
    if monitoring_views.may_see_monitoring(request.user):
        panels.append(monitoring_views.MonitoringLinkPanel())
