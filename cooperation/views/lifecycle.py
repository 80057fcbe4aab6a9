"""Admin form pages to extend, amend or terminate an agreement: they parse input, call
cooperation/services/lifecycle.py and turn its refusals into messages."""

from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button

from .. import roles
from ..forms_lifecycle import AmendmentForm, ExtensionForm, TerminationForm
from ..models import Agreement, DocumentType, Proposal, ProposalStatus
from ..selectors import missing_required_documents
from ..selectors.proposals import required_document_categories
from ..services import lifecycle
from .pages import RecordFormPageMixin
from .refusals import REFUSALS, RefusalOnFormMixin

AGREEMENT_URLS = "wagtailsnippets_cooperation_agreement"
PROPOSAL_URLS = "wagtailsnippets_cooperation_proposal"


class LifecycleFormView(RefusalOnFormMixin, RecordFormPageMixin, FormView):
    """One agreement, one form; a step the agreement's status does not allow sends the user back."""

    url_namespace = AGREEMENT_URLS
    template_name = "cooperation/lifecycle/form.html"
    model = Agreement
    intro = ""
    submit_label = ""

    def step_allowed(self) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.step_allowed():
            messages.error(
                request,
                _("Tindakan ini tidak tersedia untuk naskah berstatus %(status)s.")
                % {"status": self.object.get_status_display()},
            )
            return redirect(f"{AGREEMENT_URLS}:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "object": self.object,
            "intro": self.intro,
            "submit_label": self.submit_label,
        }


class FollowUpView(LifecycleFormView):
    """Extension and amendment: a new proposal linked to the agreement, into review when complete."""

    def user_may_open(self, user) -> bool:
        # Runs before the record is loaded (RecordFormPageMixin.setup); the scoping already found it.
        agreement = Agreement.objects.get(pk=unquote(str(self.kwargs["pk"])))
        return lifecycle.may_start_follow_up(user=user, agreement=agreement)

    def document_type(self) -> DocumentType | None:
        raise NotImplementedError

    def get_form_kwargs(self):
        document_type = self.document_type()
        categories = (
            required_document_categories(Proposal(kind=self.object.kind, document_type=document_type))
            if document_type
            else []
        )
        return {**super().get_form_kwargs(), "categories": categories}

    def start(self, form) -> Proposal:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            proposal = self.start(form)
        except REFUSALS as error:
            return self.refused(form, error)
        if proposal.status == ProposalStatus.DRAFT:
            missing = ", ".join(category.name for category in missing_required_documents(proposal=proposal))
            messages.warning(
                self.request,
                _("Usulan %(number)s dibuat sebagai draf. Lengkapi dokumen wajib lalu ajukan: %(missing)s.")
                % {"number": proposal.number, "missing": missing},
            )
            return redirect(f"{PROPOSAL_URLS}:edit", proposal.pk)
        messages.success(
            self.request,
            _("Usulan %(number)s diajukan dan kini %(status)s.")
            % {"number": proposal.number, "status": proposal.get_status_display()},
        )
        return redirect(f"{PROPOSAL_URLS}:inspect", proposal.pk)


class ExtensionView(FollowUpView):
    form_class = ExtensionForm
    page_title = gettext_lazy("Perpanjang naskah")
    header_icon = "resubmit"
    intro = gettext_lazy(
        "Perpanjangan dibuat sebagai usulan baru yang ditinjau seperti usulan lain. Naskah lama menjadi "
        "Diperpanjang setelah naskah pengganti ditandatangani."
    )
    submit_label = gettext_lazy("Ajukan perpanjangan")

    def step_allowed(self) -> bool:
        return self.object.status in lifecycle.EXTENDABLE_STATES

    def document_type(self) -> DocumentType | None:
        return self.object.document_type

    def start(self, form) -> Proposal:
        return lifecycle.start_extension(
            agreement=self.object,
            by=self.request.user,
            term_years=form.cleaned_data["term_years"],
            title=form.cleaned_data["title"],
            documents=form.documents(),
        )


class AmendmentView(FollowUpView):
    form_class = AmendmentForm
    page_title = gettext_lazy("Buat adendum")
    header_icon = "edit"
    intro = gettext_lazy(
        "Adendum dibuat sebagai usulan baru yang ditinjau seperti usulan lain. Naskah asli tetap Berlaku."
    )
    submit_label = gettext_lazy("Ajukan adendum")

    def step_allowed(self) -> bool:
        return self.object.status in lifecycle.AMENDABLE_STATES

    def document_type(self) -> DocumentType | None:
        return lifecycle.amendment_document_type(agreement=self.object)

    def start(self, form) -> Proposal:
        return lifecycle.start_amendment(
            agreement=self.object, by=self.request.user, title=form.cleaned_data["title"], documents=form.documents()
        )


class TerminationView(LifecycleFormView):
    form_class = TerminationForm
    page_title = gettext_lazy("Akhiri lebih awal")
    header_icon = "cross"
    intro = gettext_lazy(
        "Pengakhiran sebelum jangka waktu berakhir memerlukan alasan dan berita acara pengakhiran yang "
        "ditandatangani para pihak. Status naskah menjadi Diakhiri."
    )
    submit_label = gettext_lazy("Akhiri naskah")

    def user_may_open(self, user) -> bool:
        return roles.keeps_register(user)

    def step_allowed(self) -> bool:
        return self.object.status in lifecycle.TERMINABLE_STATES

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "earliest": lifecycle.earliest_termination_date(self.object)}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            lifecycle.terminate_agreement(
                agreement=self.object,
                by=self.request.user,
                terminated_on=data["terminated_on"],
                reason=data["reason"],
                minutes_file=data["minutes_file"],
            )
        except REFUSALS as error:
            return self.refused(form, error)
        messages.success(self.request, _('Naskah "%(title)s" kini Diakhiri.') % {"title": self.object.title})
        return redirect(f"{AGREEMENT_URLS}:inspect", self.object.pk)


def lifecycle_buttons(*, user, agreement: Agreement) -> list[Button]:
    """The inspect page's "Perpanjang", "Buat adendum" and "Akhiri lebih awal", for those who may."""
    offered = [
        (lifecycle.may_extend, _("Perpanjang"), "extend", "resubmit"),
        (lifecycle.may_amend, _("Buat adendum"), "amend", "edit"),
        (lifecycle.may_terminate, _("Akhiri lebih awal"), "terminate", "cross"),
    ]
    return [
        Button(label, url=reverse(f"{AGREEMENT_URLS}:{name}", args=[agreement.pk]), icon_name=icon, priority=40 + order)
        for order, (may, label, name, icon) in enumerate(offered)
        if may(user=user, agreement=agreement)
    ]
