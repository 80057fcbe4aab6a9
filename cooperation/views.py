"""Admin viewsets. They declare lists and forms; scoping comes from the selectors."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .filters import AgreementFilterSet
from .forms import AgreementForm
from .models import (
    Agency,
    AgencyMembership,
    Agreement,
    CooperationKind,
    DocumentCategory,
    DocumentType,
    Partner,
    Sector,
)
from .selectors import agreements_changeable_by, agreements_visible_to

# Views that only read an agreement; any other view that names one changes it.
READ_ONLY_VIEWS = (
    generic.InspectView,
    HistoryView,
    UsageView,
    snippet_views.PreviewRevisionView,
    snippet_views.RevisionsCompareView,
    snippet_views.WorkflowHistoryView,
    snippet_views.WorkflowHistoryDetailView,
)


class AgreementScopeMixin:
    """Refuse, before anything is loaded or rendered, an agreement outside the user's scope.

    Records the user may not see answer 404, exactly like records that do not exist; records
    the user may see but not change answer 403 on every view that changes them.
    """

    read_only_view = False

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            from django.contrib.admin.utils import unquote

            pk = unquote(str(pk))
            if not agreements_visible_to(user=request.user).filter(pk=pk).exists():
                raise Http404
            if not self.read_only_view and not agreements_changeable_by(user=request.user).filter(pk=pk).exists():
                raise PermissionDenied
        super().setup(request, *args, **kwargs)


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
        return ", ".join(party.partner.name for party in instance.parties.all())


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
    copy_view_enabled = False
    inspect_view_enabled = True
    chooser_viewset_class = AgreementChooserViewSet
    filterset_class = AgreementFilterSet
    list_per_page = 25
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
        Column("document_type", label=_("Jenis naskah"), accessor="document_type.code"),
        Column("kind", label=_("Jenis kerja sama"), accessor="kind.code"),
        PartnersColumn("partners", label=_("Mitra")),
        Column("initiating_agency", label=_("OPD pemrakarsa")),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        DateColumn("ends_on", label=_("Berakhir"), sort_key="ends_on"),
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

    def construct_view(self, view_class, **kwargs):
        scoped_view_class = type(
            f"Scoped{view_class.__name__}",
            (AgreementScopeMixin, view_class),
            {"read_only_view": issubclass(view_class, READ_ONLY_VIEWS)},
        )
        return super().construct_view(scoped_view_class, **kwargs)


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
