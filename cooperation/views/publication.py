"""Admin screens for publishing agreements: Wagtail's own publish, preview, schedule and workflow.

The form differs between adding and editing. On "Tambah" the editor chooses the agreement from a
chooser that offers only signed agreements they may see and that have no publication yet. On
"Ubah" the agreement is shown read-only: a publication belongs to one agreement for life, so its
revisions, log and public URL always describe the same naskah (to publish another agreement,
prepare another publication).
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, PublishingPanel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.viewsets import viewsets
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ..filters import PublicationFilterSet
from ..models import Agreement, Publication
from ..selectors import agreements_awaiting_publication, agreements_visible_to
from ..services import publication as publication_services

# -- choosing the agreement: only what is signed, visible to the user and not yet prepared -------


class AwaitingPublicationChooseView(chooser_views.ChooseView):
    def get_object_list(self) -> QuerySet[Agreement]:
        return agreements_awaiting_publication(user=self.request.user).select_related("document_type")


class AwaitingPublicationChooseResultsView(chooser_views.ChooseResultsView):
    def get_object_list(self) -> QuerySet[Agreement]:
        return agreements_awaiting_publication(user=self.request.user).select_related("document_type")


class AwaitingPublicationChosenView(chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return agreements_awaiting_publication(user=self.request.user).get(pk=pk)


class AwaitingPublicationChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return agreements_awaiting_publication(user=self.request.user).filter(pk__in=pks)


class AwaitingPublicationChooserViewSet(chooser_views.SnippetChooserViewSet):
    """The publication form's own agreement chooser; the register's general chooser stays as it is."""

    model = Agreement
    icon = "doc-full"
    choose_one_text = _("Pilih naskah kerja sama")
    choose_another_text = _("Pilih naskah lain")
    page_title = _("Pilih naskah yang sudah ditandatangani")
    register_widget = False  # do not replace the Agreement chooser used by every other form
    create_action_label = None
    choose_view_class = AwaitingPublicationChooseView
    choose_results_view_class = AwaitingPublicationChooseResultsView
    chosen_view_class = AwaitingPublicationChosenView
    chosen_multiple_view_class = AwaitingPublicationChosenMultipleView


agreement_chooser = AwaitingPublicationChooserViewSet(
    "cooperation_publication_agreement_chooser", url_prefix="cooperation/publication-agreements"
)


# -- the form ----------------------------------------------------------------------------------


class PublicationForm(WagtailAdminModelForm):
    """Holds the chosen agreement to the user's scope; the model's own rules give the messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "agreement" in self.fields:
            # Any agreement the user may see is accepted here, so that a naskah that is not signed
            # yet is refused by Publication.clean() with its reason, not with "pilihan tidak valid".
            user = self.for_user
            self.fields["agreement"].queryset = (
                agreements_visible_to(user=user) if user is not None else Agreement.objects.none()
            )

    def _update_errors(self, errors: ValidationError) -> None:
        # On "Ubah" the agreement is read-only, so it has no form field; Publication.clean() still
        # reports a naskah that is not signed against "agreement". Show it above the form instead
        # of letting Django fail on an unknown field.
        if hasattr(errors, "error_dict"):
            stray = [name for name in errors.error_dict if name != NON_FIELD_ERRORS and name not in self.fields]
            if stray:
                moved = dict(errors.error_dict)
                top = [error for name in stray for error in moved.pop(name)]
                moved[NON_FIELD_ERRORS] = [*moved.get(NON_FIELD_ERRORS, []), *top]
                errors = ValidationError(moved)
        super()._update_errors(errors)


SUMMARY_PANELS = [FieldPanel("summary"), FieldPanel("summary_en"), PublishingPanel()]
ADD_PANELS = [FieldPanel("agreement", widget=agreement_chooser.widget_class), *SUMMARY_PANELS]
EDIT_PANELS = [
    FieldPanel(
        "agreement",
        read_only=True,
        help_text=_("Naskah sebuah publikasi tidak dapat diganti. Untuk naskah lain, siapkan publikasi baru."),
    ),
    *SUMMARY_PANELS,
]


# -- the list -------------------------------------------------------------------------------------


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "globe"
    menu_label = _("Publikasi Katalog")
    menu_name = "publications"
    menu_order = 110
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = PublicationFilterSet
    search_fields = ["agreement__title", "agreement__title_en", "agreement__region_number", "summary"]
    search_backend_name = None
    list_display = [
        "agreement",
        Column("agreement__region_number", label=_("Nomor"), accessor=lambda p: p.agreement.region_number or "—"),
        Column("agreement_status", label=_("Status naskah"), accessor=lambda p: p.agreement.status_label),
        LiveStatusTagColumn(label=_("Status publikasi")),
        Column("first_published_at", label=_("Pertama dipublikasikan"), sort_key="first_published_at"),
    ]
    inspect_view_fields = ["agreement", "summary", "summary_en", "first_published_at", "last_published_at"]

    def get_queryset(self, request):
        return Publication.objects.select_related("agreement", "latest_revision")

    def get_edit_handler(self):
        """The "Tambah" form (Wagtail also uses it for comparing revisions)."""
        return ObjectList(ADD_PANELS, base_form_class=PublicationForm).bind_to_model(self.model)

    @cached_property
    def _update_handler(self):
        return ObjectList(EDIT_PANELS, base_form_class=PublicationForm).bind_to_model(self.model)

    def get_form_class(self, for_update: bool = False):
        return (self._update_handler if for_update else self._edit_handler).get_form_class()

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(**{"panel": self._update_handler, **kwargs})

    def on_register(self):
        super().on_register()
        viewsets.register(agreement_chooser)


class PreparePublicationView(View):
    """The "Siapkan publikasi ke katalog" button on an agreement: open (or create) its draft publication."""

    def post(self, request, pk: int):
        agreement = get_object_or_404(agreements_visible_to(user=request.user), pk=pk)
        try:
            publication = publication_services.prepare_publication(agreement=agreement, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", None) or [str(error)]:
                messages.error(request, message)
            return redirect("wagtailsnippets_cooperation_agreement:inspect", agreement.pk)
        return redirect("wagtailsnippets_cooperation_publication:edit", publication.pk)
