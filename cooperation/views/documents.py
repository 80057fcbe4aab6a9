"""Admin action on a document's text: read it again (after installing Tesseract, or for a repaired file)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from ..models import AgreementDocument, TextStatus
from ..selectors import document_visible_to
from ..services.document_text import rerun_extraction


@require_POST
def rerun_document_text(request: HttpRequest, pk: int) -> HttpResponse:
    """POST only; a document the user may not see is a 404, one they may not change a 403."""
    document = get_object_or_404(AgreementDocument, pk=pk)
    if not document_visible_to(user=request.user, document=document):
        raise Http404
    rerun_extraction(document=document, by=request.user)  # PermissionDenied (403) unless the user may change it
    document.refresh_from_db(fields=["text_status", "text_error"])
    if document.text_status in (TextStatus.PENDING, TextStatus.PROCESSING):
        messages.success(request, _("Teks dokumen “%(title)s” dijadwalkan untuk diproses ulang.") % {"title": document})
    elif document.text_status == TextStatus.DONE:
        messages.success(request, _("Teks dokumen “%(title)s” selesai diproses ulang.") % {"title": document})
    else:
        messages.warning(
            request,
            _("Teks dokumen “%(title)s” diproses ulang: %(status)s. %(reason)s")
            % {"title": document, "status": document.get_text_status_display(), "reason": document.text_error},
        )
    # Wagtail's edit form posts its own (often empty) "next"; the button adds ours to the URL.
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = reverse("wagtaildocs:edit", args=[document.pk])
    return redirect(next_url)
