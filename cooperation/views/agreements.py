"""Admin viewsets. They declare lists and forms; scoping comes from the selectors."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .. import roles, services
from ..filters import AgreementFilterSet
from ..forms import AgreementForm, StatusChangeForm
from ..models import (
    Agency,
    AgencyMembership,
    Agreement,
    AgreementStatus,
    CooperationKind,
    DocumentCategory,
    DocumentType,
    Partner,
    Publication,
    Sector,
)
from ..selectors import agreement_chain, agreements_changeable_by, agreements_visible_to
from ..selectors.monev import OBLIGATED_STATES, monev_obligations, reportable_agreements_for
from ..services import publication as publication_services
from .lifecycle import AmendmentView, ExtensionView, TerminationView, lifecycle_buttons
from .pages import ReadableInspectMixin, RecordFormPageMixin
from .publication import PreparePublicationView
from .scoping import scoped


def manual_transitions(status: str) -> set[str]:
    """What the "Ubah status" form offers. Diakhiri needs a reason and the berita acara (the "Akhiri
    lebih awal" form); Diperpanjang follows from signing the successor: neither is a bare change."""
    return services.ALLOWED_TRANSITIONS.get(status, set()) - {AgreementStatus.TERMINATED, AgreementStatus.EXTENDED}


class AgreementSaveMixin:
    """Create and edit save through the service layer's permission check, in one transaction."""

    def save_instance(self):
        with transaction.atomic():
            is_new = self.form.instance.pk is None
            services.ensure_can_change(user=self.request.user, agreement=self.form.instance)
            instance = super().save_instance()
            if is_new:
                services.record_new_agreement(agreement=instance, by=self.request.user)
            return instance


class AgreementIndexView(snippet_views.IndexView):
    def _get_title_column(self, field_name, *args, **kwargs):
        # Titles of agreements are long sentences: give them the room.
        return super()._get_title_column(field_name, *args, width="38%", **kwargs)


class AgreementInspectView(ReadableInspectMixin, snippet_views.InspectView):
    """Adds what a reader of the register needs beside the fields: files, history, the chain."""

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if roles.keeps_register(self.request.user) and manual_transitions(self.object.status):
            buttons.append(
                Button(
                    _("Ubah status"),
                    url=reverse("wagtailsnippets_cooperation_agreement:status", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=30,
                )
            )
        buttons += lifecycle_buttons(user=self.request.user, agreement=self.object)
        return buttons

    @property
    def can_prepare_publication(self) -> bool:
        return (
            self.request.user.has_perm(publication_services.PREPARE_PERMISSION)
            and self.object.status in AgreementStatus.signed_states()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["documents"] = self.object.documents.select_related("category")
        context["status_changes"] = self.object.status_changes.select_related("changed_by")
        context["chain"] = agreement_chain(agreement=self.object, user=user)
        context["publication"] = Publication.objects.filter(agreement=self.object).first()
        context["can_prepare_publication"] = self.can_prepare_publication
        context.update(monev_context(agreement=self.object, user=user))
        return context


def monev_context(*, agreement: Agreement, user) -> dict:
    """The agreement's monev periods and their reports, for those who follow its monev."""
    if agreement.status not in OBLIGATED_STATES:
        return {"monev_obligations": None}
    one = Agreement.objects.filter(pk=agreement.pk)
    return {
        "monev_obligations": monev_obligations(agreements=one, include_upcoming=True),
        "can_write_monev": reportable_agreements_for(user=user).filter(pk=agreement.pk).exists(),
    }


class AgreementStatusView(RecordFormPageMixin, FormView):
    """Records one lifecycle step through the services; the form only parses input."""

    url_namespace = "wagtailsnippets_cooperation_agreement"
    form_class = StatusChangeForm
    template_name = "cooperation/agreement/status.html"
    page_title = _("Ubah status")
    header_icon = "resubmit"
    model = Agreement

    def user_may_open(self, user) -> bool:
        return roles.keeps_register(user)

    def get_form_kwargs(self):
        choices = [
            (value, label)
            for value, label in AgreementStatus.choices
            if value in manual_transitions(self.object.status)
        ]
        return {**super().get_form_kwargs(), "choices": choices}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["to_status"] == AgreementStatus.SIGNED:
                services.record_signature(
                    agreement=self.object,
                    by=self.request.user,
                    signed_on=data["signed_on"],
                    signed_at=data["signed_at"],
                    region_number=data["region_number"],
                    partner_number=data["partner_number"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    signed_scan=data["signed_scan"],
                    note=data["note"],
                )
            else:
                services.change_agreement_status(
                    agreement=self.object, to_status=data["to_status"], by=self.request.user, note=data["note"]
                )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _('Status naskah "%(title)s" kini %(status)s.')
            % {"title": self.object.title, "status": self.object.get_status_display()},
        )
        return redirect("wagtailsnippets_cooperation_agreement:inspect", self.object.pk)


class AgreementCreateView(AgreementSaveMixin, snippet_views.CreateView):
    pass


class AgreementEditView(AgreementSaveMixin, snippet_views.EditView):
    pass


class ScopedChooseView(chooser_views.ChooseView):
    def get_object_list(self):
        return agreements_visible_to(user=self.request.user).select_related("document_type")


class ScopedChooseResultsView(chooser_views.ChooseResultsView):
    def get_object_list(self):
        return agreements_visible_to(user=self.request.user).select_related("document_type")


class ScopedChosenView(chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return agreements_visible_to(user=self.request.user).get(pk=pk)


class ScopedChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return agreements_visible_to(user=self.request.user).filter(pk__in=pks)


class AgreementChooserViewSet(chooser_views.SnippetChooserViewSet):
    """Choosing a parent or a predecessor never lists or reveals records outside the user's scope."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_action_label = None


class PartnersColumn(Column):
    def get_value(self, instance):
        return ", ".join(party.partner_name for party in instance.parties.all())


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.status_label


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full-inverse"
    menu_label = _("Naskah Kerja Sama")
    menu_name = "agreements"
    menu_order = 100
    add_to_admin_menu = True
    add_view_class = AgreementCreateView
    edit_view_class = AgreementEditView
    index_view_class = AgreementIndexView
    inspect_view_class = AgreementInspectView
    inspect_template_name = "cooperation/agreement/inspect.html"
    copy_view_enabled = False
    inspect_view_enabled = True
    chooser_viewset_class = AgreementChooserViewSet
    filterset_class = AgreementFilterSet
    list_per_page = 25
    # Plain database lookups: Wagtail's SQLite search index took two minutes per query at 100,000
    # agreements (bench/register.py). Full-text search inside documents is the search app's job.
    search_fields = ["title", "title_en", "region_number", "subject"]
    search_backend_name = None
    edit_handler = TabbedInterface(
        [
            ObjectList(Agreement.identity_panels, heading=_("Identitas")),
            ObjectList(Agreement.parties_panels, heading=_("Para Pihak")),
            ObjectList(Agreement.substance_panels, heading=_("Substansi")),
            ObjectList(Agreement.term_panels, heading=_("Jangka Waktu & Dana")),
            ObjectList(Agreement.responsibility_panels, heading=_("Penanggung Jawab")),
            ObjectList(Agreement.documents_panels, heading=_("Dokumen")),
        ],
        base_form_class=AgreementForm,
    )
    list_display = [
        "title",
        "region_number",
        Column(
            "document_type",
            label=_("Jenis"),
            accessor=lambda agreement: f"{agreement.document_type.code} · {agreement.kind.code}",
        ),
        PartnersColumn("partners", label=_("Mitra")),
        Column("initiating_agency", label=_("OPD pemrakarsa")),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        Column(
            "ends_on",
            label=_("Tanggal berakhir"),
            sort_key="ends_on",
            accessor=lambda agreement: date_format(agreement.ends_on) if agreement.ends_on else "—",
        ),
    ]
    list_export = [
        "id",
        "title",
        "title_en",
        "region_number",
        "partner_numbers",
        "document_type",
        "kind",
        "partner_names",
        "sector_names",
        "status_label",
        "signed_on",
        "signed_at",
        "starts_on",
        "ends_on",
        "value",
        "funding_source",
        "burdens_apbd",
        "dprd_approval_number",
        "initiating_agency",
        "implementing_agency_names",
    ]
    export_headings = {
        "id": "ID",
        "title": _("Judul"),
        "title_en": _("Judul (Inggris)"),
        "region_number": _("Nomor pihak daerah"),
        "partner_numbers": _("Nomor pihak mitra"),
        "document_type": _("Jenis naskah"),
        "kind": _("Jenis kerja sama"),
        "partner_names": _("Mitra"),
        "sector_names": _("Urusan"),
        "status_label": _("Status"),
        "signed_on": _("Tanggal penandatanganan"),
        "signed_at": _("Tempat penandatanganan"),
        "starts_on": _("Tanggal mulai"),
        "ends_on": _("Tanggal berakhir"),
        "value": _("Nilai (Rp)"),
        "funding_source": _("Sumber pendanaan"),
        "burdens_apbd": _("Membebani APBD"),
        "dprd_approval_number": _("Nomor persetujuan DPRD"),
        "initiating_agency": _("OPD pemrakarsa"),
        "implementing_agency_names": _("OPD pelaksana"),
    }
    export_filename = "register-naskah-kerja-sama"
    inspect_view_fields = [
        "title",
        "title_en",
        "document_type",
        "kind",
        "region_number",
        "partner_numbers",
        "partner_names",
        "parent",
        "replaces",
        "sector_names",
        "level",
        "subject",
        "aims",
        "scope",
        "signed_on",
        "signed_at",
        "starts_on",
        "ends_on",
        "term_years",
        "value",
        "funding_source",
        "burdens_apbd",
        "dprd_approval_number",
        "dprd_approval_date",
        "signatory_name",
        "signatory_position",
        "initiating_agency",
        "implementing_agency_names",
        "status_label",
    ]

    def get_queryset(self, request):
        return agreements_visible_to(user=request.user).with_list_relations()

    @property
    def status_view(self):
        return self.construct_view(AgreementStatusView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"status/<{self.pk_path_converter}:pk>/", self.status_view, name="status"),
            path(f"publish/<{self.pk_path_converter}:pk>/", PreparePublicationView.as_view(), name="publish"),
            path(f"extend/<{self.pk_path_converter}:pk>/", self.construct_view(ExtensionView), name="extend"),
            path(f"amend/<{self.pk_path_converter}:pk>/", self.construct_view(AmendmentView), name="amend"),
            path(f"terminate/<{self.pk_path_converter}:pk>/", self.construct_view(TerminationView), name="terminate"),
        ]

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            scoped(view_class, visible_to=agreements_visible_to, changeable_by=agreements_changeable_by),
            **kwargs,
        )


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Mitra")
    list_display = ["name", "category", "country", "province", "regency_city"]
    list_filter = ["category", "country"]
    list_export = ["name", "name_en", "category", "country", "province", "regency_city", "address"]
    export_filename = "mitra"
    inspect_view_enabled = True
    copy_view_enabled = False


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Perangkat Daerah")
    list_display = ["code", "name", "short_name", "is_active"]
    list_filter = ["is_active"]
    list_export = ["code", "name", "short_name", "is_active"]
    export_filename = "perangkat-daerah"
    copy_view_enabled = False


class AgencyMembershipViewSet(SnippetViewSet):
    model = AgencyMembership
    icon = "user"
    menu_label = _("Keanggotaan OPD")
    list_display = ["user", "agency", "position", "is_liaison"]
    list_filter = ["agency", "is_liaison"]
    copy_view_enabled = False


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Urusan Pemerintahan")
    list_display = ["code", "name", "name_en"]
    copy_view_enabled = False


class CooperationKindViewSet(SnippetViewSet):
    model = CooperationKind
    icon = "list-ul"
    menu_label = _("Jenis Kerja Sama")
    list_display = ["code", "name", "is_foreign", "max_term_years", "monev_interval_months"]
    copy_view_enabled = False


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-empty"
    menu_label = _("Jenis Naskah")
    list_display = ["code", "name", "role", "max_term_years", "service_days_total"]
    copy_view_enabled = False


class DocumentCategoryViewSet(SnippetViewSet):
    model = DocumentCategory
    icon = "folder-open-inverse"
    menu_label = _("Jenis Dokumen")
    list_display = ["code", "name", "restricted_by_default"]
    copy_view_enabled = False


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Data Referensi")
    menu_icon = "cogs"
    menu_name = "reference-data"
    menu_order = 110
    items = (
        PartnerViewSet,
        AgencyViewSet,
        AgencyMembershipViewSet,
        SectorViewSet,
        CooperationKindViewSet,
        DocumentTypeViewSet,
        DocumentCategoryViewSet,
    )
