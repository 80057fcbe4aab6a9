"""Queries of the bulk files and the DCAT catalogue: the register's version, ids in order, documents' text.

Everything starts from `open_data_agreements()` / `open_data_documents()` (hence from
`public_agreements()` and the PUBLIC classification): a draft, an unpublished agreement or a
restricted document cannot reach a bulk file or a DCAT distribution. Lists are read in chunks
of ids, so a register of 100,000 agreements never sits in memory and the number of queries
grows with the number of chunks, never with the number of rows.
"""

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count, Max, QuerySet

from ..models import Agreement, AgreementDocument, DocumentPage, MonevReport
from .open_data import open_data_agreements, open_data_documents
from .public import public_agreements, public_catalogue_version

# What each family of bulk files is made of; a file is rebuilt when its family's version changes.
REGISTER = "register"  # the public columns: agreements and their reference data
OCDS = "ocds"  # agreements, their public documents and verified monev reports
DOCUMENTS = "documents"  # public documents of public agreements and their extracted text


def open_data_versions() -> dict[str, str]:
    """The public register's state per family of bulk files, as short stable strings.

    `public_catalogue_version()` (publications, edits, today's date: "Akan Berakhir" is derived
    from it) extended with the newest verified monev report and the newest document change
    (any document of an agreement, so a document reclassified as restricted changes it too),
    plus the counts, so a withdrawal or a deletion is seen as well. Five aggregates.
    """
    catalogue = public_catalogue_version()
    monev = MonevReport.objects.verified().aggregate(
        n=Count("pk"), published=Max("last_published_at"), verified=Max("verified_at")
    )
    documents = AgreementDocument.objects.filter(agreement__isnull=False).aggregate(
        changed=Max("updated_at"), text=Max("text_extracted_at")
    )
    public_documents = open_data_documents().order_by().count()
    monev_part = f"{monev['n']}|{monev['published']}|{monev['verified']}"
    documents_part = f"{public_documents}|{documents['changed']}"
    raw = {
        REGISTER: catalogue,
        OCDS: f"{catalogue}|{monev_part}|{documents_part}",
        DOCUMENTS: f"{catalogue}|{documents_part}|{documents['text']}",
    }
    return {family: hashlib.sha256(value.encode()).hexdigest()[:32] for family, value in raw.items()}


def open_data_agreement_count() -> int:
    return public_agreements().order_by().count()


def open_data_agreement_id_chunks(*, size: int = 500) -> Iterator[list[int]]:
    """Ids of every public agreement, oldest first, `size` at a time (one query a chunk, keyset paging)."""
    last = 0
    while True:
        ids = list(public_agreements().filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def open_data_export_agreements() -> QuerySet[Agreement]:
    """What the register's CSV, XLSX and JSON hold: every public agreement, oldest first."""
    return public_agreements().order_by("pk")


def open_data_document_count() -> int:
    return open_data_documents().order_by().count()


def open_data_document_chunks(*, size: int = 200) -> Iterator[list[AgreementDocument]]:
    """Public documents of public agreements, by id, `size` at a time, with what an index row shows."""
    last = 0
    fields = ("pk", "agreement_id", "title", "file", "page_count", "text_status", "language")
    while True:
        documents = list(open_data_documents().select_related(None).filter(pk__gt=last).only(*fields)[:size])
        if not documents:
            return
        yield documents
        last = documents[-1].pk


def open_data_document_pages(document_ids: list[int]) -> Iterator[tuple[int, int, str]]:
    """(document id, page number, text) of these documents, in order, one page at a time from a cursor."""
    return (
        DocumentPage.objects.filter(document_id__in=document_ids)
        .order_by("document_id", "number")
        .values_list("document_id", "number", "text")
        .iterator(chunk_size=200)
    )


# -- the DCAT catalogue -----------------------------------------------------------------------------


def dcat_agreements(*, modified_since: datetime.datetime | None = None) -> QuerySet[Agreement]:
    """Public agreements with `modified_at`, what a DCAT dataset shows, oldest first (a stable order for paging)."""
    return (
        open_data_agreements(modified_since=modified_since)
        .select_related("publication")
        .prefetch_related("sectors")
        .only(
            "pk",
            "title",
            "title_en",
            "scope",
            "subject",
            "publication__summary",
            "publication__summary_en",
            "publication__first_published_at",
            "publication__last_published_at",
        )
        .order_by("pk")
    )


def public_documents_by_agreement(agreement_ids: list[int]) -> dict[int, list[AgreementDocument]]:
    """The public documents of these (public) agreements, one query, in their shown order."""
    found: dict[int, list[AgreementDocument]] = defaultdict(list)
    documents = (
        open_data_documents().select_related(None).filter(agreement_id__in=agreement_ids).order_by("sort_order", "pk")
    )
    for document in documents.only("pk", "agreement_id", "title", "file", "updated_at", "language"):
        found[document.agreement_id].append(document)
    return found
