"""One public agreement, its document viewer, and the partner and agency pages (to be completed)."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from cooperation.selectors import public_agreement_detail


def agreement_page_context(*, request, agreement, publication, catalogue=None) -> dict:
    return {"agreement": agreement, "publication": publication, "page": catalogue}


def agreement_detail(request, *, page, pk: int) -> HttpResponse:
    agreement = public_agreement_detail(pk=pk)
    if agreement is None:
        raise Http404
    context = agreement_page_context(
        request=request, agreement=agreement, publication=agreement.publication, catalogue=page
    )
    return TemplateResponse(request, "portal/catalogue/agreement.html", context)


def document_viewer(request, *, page, pk: int, document_pk: int) -> HttpResponse:
    raise Http404


def partner_detail(request, *, page, pk: int) -> HttpResponse:
    raise Http404


def agency_detail(request, *, page, pk: int) -> HttpResponse:
    raise Http404
