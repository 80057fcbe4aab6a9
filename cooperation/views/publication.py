"""Admin screens for publishing agreements: Wagtail's own publish, preview, schedule and workflow."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Publication
from ..selectors import agreements_visible_to
from ..services import publication as publication_services


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "globe"
    menu_label = _("Publikasi Katalog")
    menu_name = "publications"
    menu_order = 110
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_filter = ["live"]
    search_fields = ["agreement__title", "agreement__region_number", "summary"]
    search_backend_name = None
    list_display = [
        "agreement",
        Column("agreement__region_number", label=_("Nomor"), accessor=lambda p: p.agreement.region_number or "—"),
        "status_string",
        Column("first_published_at", label=_("Pertama dipublikasikan"), sort_key="first_published_at"),
    ]

    def get_queryset(self, request):
        return Publication.objects.select_related("agreement")


class PreparePublicationView(View):
    """The "Publikasikan ke katalog" button on an agreement: open (or create) its draft publication."""

    def post(self, request, pk: int):
        agreement = get_object_or_404(agreements_visible_to(user=request.user), pk=pk)
        try:
            publication = publication_services.prepare_publication(agreement=agreement, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            for message in getattr(error, "messages", None) or [str(error)]:
                messages.error(request, message)
            return redirect("wagtailsnippets_cooperation_agreement:inspect", agreement.pk)
        return redirect("wagtailsnippets_cooperation_publication:edit", publication.pk)
