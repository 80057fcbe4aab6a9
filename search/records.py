"""What the engines index, read from the register: one `AgreementRecord` per agreement.

Engines never read models; they get these records. A batch of agreements costs the same eight
queries whatever its size (agreements, publications, parties, sectors, implementing agencies,
public ids, documents, pages), so a full reindex grows with the number of batches only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from cooperation.models import Agreement, AgreementDocument, AgreementParty, Classification, DocumentPage, Publication
from cooperation.selectors.public import public_agreements

from .engines.base import AgreementRecord, PageRecord

DEFAULT_BATCH_SIZE = 200


def _batches(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def records_for(agreement_ids: Iterable[int]) -> Iterator[AgreementRecord]:
    """Records of these agreements (ids that no longer exist are skipped), in id order."""
    ids = sorted(set(agreement_ids))
    for batch in _batches(ids, DEFAULT_BATCH_SIZE):
        yield from _batch_records(batch)


def all_records(batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[AgreementRecord]:
    """Every agreement of the register, `batch_size` at a time."""
    ids = Agreement.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=5000)
    for batch in _batches(ids, batch_size):
        yield from _batch_records(batch)


def record_count() -> int:
    return Agreement.objects.count()


def _batch_records(ids: list[int]) -> Iterator[AgreementRecord]:
    rows = (
        Agreement.objects.filter(pk__in=ids)
        .order_by("pk")
        .values(
            "pk",
            "title",
            "title_en",
            "region_number",
            "scope",
            "subject",
            "kind_id",
            "kind__is_foreign",
            "document_type_id",
            "initiating_agency_id",
            "initiating_agency__name",
            "status",
            "signed_on",
            "ends_on",
            "updated_at",
        )
    )
    summaries = {
        agreement_id: "\n".join(part for part in (summary, summary_en) if part)
        for agreement_id, summary, summary_en in Publication.objects.filter(agreement_id__in=ids).values_list(
            "agreement_id", "summary", "summary_en"
        )
    }
    parties: dict[int, list[dict]] = defaultdict(list)
    for party in (
        AgreementParty.objects.filter(agreement_id__in=ids)
        .order_by("sort_order", "pk")
        .values("agreement_id", "number", "partner__name", "partner__name_en", "partner__category", "agency__name")
    ):
        parties[party["agreement_id"]].append(party)
    sectors: dict[int, list[int]] = defaultdict(list)
    for agreement_id, sector_id in Agreement.sectors.through.objects.filter(agreement_id__in=ids).values_list(
        "agreement_id", "sector_id"
    ):
        sectors[agreement_id].append(sector_id)
    implementing: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for agreement_id, agency_id, name in Agreement.implementing_agencies.through.objects.filter(
        agreement_id__in=ids
    ).values_list("agreement_id", "agency_id", "agency__name"):
        implementing[agreement_id].append((agency_id, name))
    public_ids = set(public_agreements().filter(pk__in=ids).values_list("pk", flat=True))
    documents = {
        row["pk"]: row
        for row in AgreementDocument.objects.filter(agreement_id__in=ids).values(
            "pk", "agreement_id", "title", "classification"
        )
    }
    pages: dict[int, list[PageRecord]] = defaultdict(list)
    for document_id, number, text in (
        DocumentPage.objects.filter(document_id__in=list(documents))
        .order_by("document_id", "number")
        .values_list("document_id", "number", "text")
        .iterator(chunk_size=2000)
    ):
        if not text or not text.strip():
            continue
        document = documents[document_id]
        pages[document["agreement_id"]].append(
            PageRecord(
                document_id=document_id,
                document_title=document["title"],
                page_number=number,
                text=text,
                restricted=document["classification"] == Classification.RESTRICTED,
            )
        )
    for row in rows:
        pk = row["pk"]
        own_parties = parties[pk]
        partner_names: list[str] = []
        for party in own_parties:
            for name in (party["partner__name"], party["partner__name_en"], party["agency__name"]):
                if name and name not in partner_names:
                    partner_names.append(name)
        agency_ids = [row["initiating_agency_id"]] if row["initiating_agency_id"] else []
        agency_names = [row["initiating_agency__name"]] if row["initiating_agency__name"] else []
        for agency_id, name in implementing[pk]:
            if agency_id not in agency_ids:
                agency_ids.append(agency_id)
                agency_names.append(name)
        yield AgreementRecord(
            id=pk,
            title=row["title"],
            title_en=row["title_en"],
            region_number=row["region_number"],
            partner_numbers=[party["number"] for party in own_parties if party["number"]],
            partner_names=partner_names,
            agency_names=agency_names,
            scope=row["scope"],
            subject=row["subject"],
            summary=summaries.get(pk, ""),
            kind_id=row["kind_id"],
            document_type_id=row["document_type_id"],
            partner_categories=sorted(
                {party["partner__category"] for party in own_parties if party["partner__category"]}
            ),
            sector_ids=sorted(sectors[pk]),
            initiating_agency_id=row["initiating_agency_id"],
            agency_ids=agency_ids,
            status=row["status"],
            signed_on=row["signed_on"],
            ends_on=row["ends_on"],
            is_foreign=bool(row["kind__is_foreign"]),
            is_public=pk in public_ids,
            updated_at=row["updated_at"],
            pages=pages[pk],
        )
