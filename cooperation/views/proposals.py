"""Admin screens for proposals: the register of submissions, the review actions, the timeline."""

from functools import partial

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .. import roles
from ..filters import ProposalFilterSet
from ..forms import ClearanceForm, ProposalForm, ReviewActionForm
from ..models import Proposal, ProposalStatus
from ..selectors import (
    missing_clearances,
    missing_required_documents,
    proposal_timeline,
    proposals_changeable_by,
    proposals_visible_to,
)
from ..selectors.proposals import current_stage, required_clearances, required_document_categories
from ..services import proposals as proposal_services
from .pages import ReadableInspectMixin, RecordFormPageMixin
from .refusals import REFUSALS, RefusalOnFormMixin, RefusalRedirectMixin, SubmitThroughServiceMixin
from .scoping import scoped


class ProposalSaveMixin(SubmitThroughServiceMixin):
    """Edits and submissions go through the service's permission check; refusals become messages."""

    refusal_url_name = "wagtailsnippets_cooperation_proposal:inspect"

    def save_instance(self):
        is_new = self.form.instance.pk is None
        proposal_services.prepare_proposal_edit(proposal=self.form.instance, by=self.request.user)
        instance = super().save_instance()
        if is_new:
            proposal_services.record_proposal_author(proposal=instance, by=self.request.user)
        return instance

    def submit(self) -> None:
        proposal_services.submit_proposal(proposal=self.object, by=self.request.user, save_revision=False)


class ProposalCreateView(ProposalSaveMixin, snippet_views.CreateView):
    pass


class ProposalEditView(ProposalSaveMixin, snippet_views.EditView):
    def dispatch(self, request, *args, **kwargs):
        if self.live_object.status in ProposalStatus.closed():
            messages.warning(request, _("Usulan ini sudah diputuskan dan tidak dapat diubah lagi."))
            return redirect("wagtailsnippets_cooperation_proposal:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class ProposalWorkflowActionView(RefusalRedirectMixin, snippet_views.WorkflowActionView):
    refusal_url_name = "wagtailsnippets_cooperation_proposal:inspect"

    def post(self, request, *args, **kwargs):
        return self.refused_as_message(partial(super().post, request, *args, **kwargs))


class ProposalInspectView(ReadableInspectMixin, snippet_views.InspectView):
    """The proposal at a glance: where it stands, who holds it since when, and what is missing."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        user = self.request.user
        stage = current_stage(proposal=proposal)
        context.update(
            {
                "proposal": proposal,
                "stage": stage,
                "timeline": proposal_timeline(proposal=proposal),
                "checklist": [
                    {"category": category, "missing": category in missing}
                    for missing in [missing_required_documents(proposal=proposal)]
                    for category in required_document_categories(proposal)
                ],
                "clearances": proposal.clearances.all(),
                "required_clearances": required_clearances(proposal),
                "missing_clearances": missing_clearances(proposal=proposal),
                "documents": proposal.documents.select_related("category"),
                "can_act": bool(stage and stage.task.specific.get_actions(proposal, user)),
                "can_record_clearance": roles.keeps_register(user) and proposal.status not in ProposalStatus.closed(),
            }
        )
        return context

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        stage = current_stage(proposal=self.object)
        if stage and stage.task.specific.get_actions(self.object, self.request.user):
            buttons.append(
                Button(
                    _("Tindak lanjut"),
                    url=reverse("wagtailsnippets_cooperation_proposal:act", args=[self.object.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class ProposalActionView(RefusalOnFormMixin, RecordFormPageMixin, FormView):
    """Approve, approve with a comment, request changes or decline: a plain form, no script needed."""

    url_namespace = "wagtailsnippets_cooperation_proposal"
    form_class = ReviewActionForm
    template_name = "cooperation/proposal/act.html"
    page_title = _("Tindak lanjut usulan")
    header_icon = "tasks"

    model = Proposal

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.stage = current_stage(proposal=self.object)
        self.actions = self.stage.task.specific.get_actions(self.object, request.user) if self.stage else []

    def dispatch(self, request, *args, **kwargs):
        if not self.actions:
            messages.error(request, _("Tidak ada tahap yang menunggu tindakan Anda pada usulan ini."))
            return redirect("wagtailsnippets_cooperation_proposal:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        labels = {}
        for name, label, _needs_comment in self.actions:
            labels.setdefault(name, label)
        return {**super().get_form_kwargs(), "actions": list(labels.items())}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object, "stage": self.stage}

    def form_valid(self, form):
        try:
            proposal_services.act_on_stage(
                task_state=self.stage,
                user=self.request.user,
                action=form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
            )
        except REFUSALS as error:
            return self.refused(form, error)
        self.object.refresh_from_db()
        messages.success(
            self.request,
            _("Tindakan tercatat. Status usulan kini: %(status)s.") % {"status": self.object.get_status_display()},
        )
        return redirect("wagtailsnippets_cooperation_proposal:inspect", self.object.pk)


class ClearanceView(RefusalOnFormMixin, RecordFormPageMixin, FormView):
    """The secretariat records a DPRD approval, an LoI, a Kemendagri consultation or Full Powers."""

    url_namespace = "wagtailsnippets_cooperation_proposal"
    form_class = ClearanceForm
    template_name = "cooperation/proposal/clearance.html"
    page_title = _("Catat persyaratan tambahan")
    header_icon = "doc-full"
    model = Proposal

    def user_may_open(self, user) -> bool:
        return roles.keeps_register(user)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            proposal_services.record_clearance(
                proposal=self.object,
                kind=data["kind"],
                letter_number=data["letter_number"],
                completed_on=data["completed_on"],
                requested_on=data["requested_on"],
                note=data["note"],
                by=self.request.user,
            )
        except REFUSALS as error:
            return self.refused(form, error)
        messages.success(self.request, _("Persyaratan tambahan tercatat."))
        return redirect("wagtailsnippets_cooperation_proposal:inspect", self.object.pk)


class StageColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "form"
    menu_label = _("Usulan Kerja Sama")
    menu_name = "proposals"
    menu_order = 90
    add_to_admin_menu = True
    add_view_class = ProposalCreateView
    edit_view_class = ProposalEditView
    inspect_view_class = ProposalInspectView
    workflow_action_view_class = ProposalWorkflowActionView
    inspect_template_name = "cooperation/proposal/inspect.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ProposalFilterSet
    list_per_page = 25
    edit_handler = ObjectList(Proposal.panels, base_form_class=ProposalForm)
    list_display = [
        "title",
        "number",
        Column("initiating_agency", label=_("OPD pemrakarsa")),
        StageColumn("status", label=_("Status"), sort_key="status"),
        Column("submitted_at", label=_("Diajukan"), sort_key="submitted_at"),
    ]
    list_export = ["number", "title", "kind", "document_type", "initiating_agency", "status", "submitted_at"]
    export_filename = "usulan-kerja-sama"
    inspect_view_fields = [
        "number",
        "title",
        "title_en",
        "document_type",
        "kind",
        "purpose",
        "parent_agreement",
        "initiating_agency",
        "aims",
        "scope",
        "subject",
        "term_years",
        "value",
        "funding_source",
        "burdens_apbd",
        "is_budgeted",
        "is_foreign",
        "status",
        "submitted_at",
        "decided_at",
        "decision_note",
        "agreement",
    ]

    def get_queryset(self, request):
        return proposals_visible_to(user=request.user).with_list_relations()

    @property
    def act_view(self):
        return self.construct_view(ProposalActionView)

    @property
    def clearance_view(self):
        return self.construct_view(ClearanceView)

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"act/<{conv}:pk>/", self.act_view, name="act"),
            path(f"clearance/<{conv}:pk>/", self.clearance_view, name="clearance"),
        ]

    def construct_view(self, view_class, **kwargs):
        readable = view_class in (ProposalActionView,)
        return super().construct_view(
            scoped(
                view_class,
                visible_to=proposals_visible_to,
                changeable_by=proposals_visible_to if readable else proposals_changeable_by,
            ),
            **kwargs,
        )
