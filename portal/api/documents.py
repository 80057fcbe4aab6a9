"""Public documents of public agreements: metadata, and the extracted text page by page.

A restricted document (Dikecualikan), or any document of an agreement that is not public, is
not found whatever id is tried: every query starts from `open_data_documents()`. The files
themselves are served by the site's permission-checked download (`download_url`).
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import pgettext
from ninja import Path, Query, Router

from cooperation.models import AgreementDocument
from cooperation.selectors.open_data import (
    document_text_pages,
    newest_document_modification,
    open_data_document,
    open_data_documents,
)

from ..open_data.links import PublicLinks
from .common import ERRORS, Page, list_page, reject_unknown_parameters, serializer, set_last_modified
from .errors import not_found
from .schemas import DocumentFilters, DocumentOut, DocumentPageOut, Id, PageParams, code_label

router = Router()


def serialize_document(document: AgreementDocument, links: PublicLinks) -> dict:
    """A public document's public fields; the restriction fields are never read."""
    category = document.category
    return {
        "id": document.pk,
        "agreement_id": document.agreement_id,
        "title": document.title,
        "category": {"code": category.code, "name": category.name, "name_en": category.name_en} if category else None,
        "language": code_label(document.language, document.get_language_display()),
        "version": document.version,
        "page_count": document.page_count,
        "format": document.file_extension.lower(),
        "media_type": document.content_type,
        "url": links.document_viewer(document.agreement_id, document.pk),
        "download_url": links.absolute(document.url),
        "text_url": links.api("document_text", document_id=document.pk),
        "api_url": links.api("document", document_id=document.pk),
        "modified_at": document.updated_at,
    }


@router.get(
    "",
    response={200: Page[DocumentOut], **ERRORS},
    url_name="documents",
    summary="Public documents of public agreements",
)
def list_documents(
    request: HttpRequest,
    response: HttpResponse,
    params: Query[DocumentFilters],
):
    """Documents classified public (signed agreements, annexes, …), oldest first; restricted ones never appear."""
    reject_unknown_parameters(request, DocumentFilters.model_fields)
    documents = open_data_documents(modified_since=params.modified_since, agreement_id=params.agreement)
    return list_page(
        request,
        response,
        params,
        documents,
        last_modified=newest_document_modification(documents),
        serialize=serializer(request, serialize_document),
    )


def _public_document(document_id: int) -> AgreementDocument:
    document = open_data_document(pk=document_id)
    if document is None:
        raise not_found(pgettext("api: the record not found", "Dokumen"))
    return document


@router.get(
    "/{document_id}",
    response={200: DocumentOut, **ERRORS},
    url_name="document",
    summary="One public document",
)
def get_document(request: HttpRequest, response: HttpResponse, document_id: Path[Id]):
    """A public document's metadata and links; a restricted one is a 404, as is one of an unpublished agreement."""
    reject_unknown_parameters(request, ())
    document = _public_document(document_id)
    set_last_modified(response, document.updated_at)
    return serialize_document(document, PublicLinks.for_request(request))


@router.get(
    "/{document_id}/text",
    response={200: Page[DocumentPageOut], **ERRORS},
    url_name="document_text",
    summary="The extracted text of a public document, page by page",
)
def document_text(
    request: HttpRequest,
    response: HttpResponse,
    document_id: Path[Id],
    params: Query[PageParams],
):
    """The text of each page as read from its text layer, or by OCR for scans (`ocr`)."""
    reject_unknown_parameters(request, PageParams.model_fields)
    document = _public_document(document_id)
    return list_page(
        request,
        response,
        params,
        document_text_pages(document=document),
        last_modified=document.text_extracted_at or document.updated_at,
        serialize=lambda pages: [{"number": p.number, "text": p.text, "ocr": p.ocr} for p in pages],
    )
