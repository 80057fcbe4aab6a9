"""What the OCDS publication reads: public agreements and only their public parts, in a fixed number of queries.

`portal.open_data.ocds` turns this into OCDS releases and records. Everything starts from
`public_agreements()`: an unpublished agreement, a restricted document, a monev evidence file or
an unverified report cannot reach it. The number of queries does not depend on how many
agreements are asked for (the bulk files ask for 500 at a time).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..languages import localized
from ..models import (
    Agreement,
    AgreementDocument,
    AgreementParty,
    DocumentCategory,
    DocumentRole,
    MonevIndicator,
    MonevReport,
)
from .public import public_agreements, public_documents_queryset


@dataclass
class OcdsSource:
    """The public register as the OCDS mapping needs it, for a set of agreements."""

    agreements: list[Agreement] = field(default_factory=list)
    # Public addenda (document type role "amendment") by the id of the agreement they amend.
    addenda: dict[int, list[Agreement]] = field(default_factory=dict)
    # Titles of the public agreements the ones asked for point to (parent, the one they renew), by id.
    linked_titles: dict[int, str] = field(default_factory=dict)
    # Public documents by agreement id; monev evidence is never among them.
    documents: dict[int, list[AgreementDocument]] = field(default_factory=dict)
    # Live verified monev reports by agreement id, oldest period first, indicators prefetched.
    monev_reports: dict[int, list[MonevReport]] = field(default_factory=dict)


def ocds_source(agreement_ids: Iterable[int]) -> OcdsSource:
    """The public agreements among `agreement_ids`, oldest id first, and their public parts: eight queries."""
    ids = sorted({int(pk) for pk in agreement_ids})
    if not ids:
        return OcdsSource()
    agreements = list(
        public_agreements()
        .filter(pk__in=ids)
        .select_related("document_type", "kind", "initiating_agency", "publication")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=AgreementParty.objects.select_related("partner", "agency").order_by("sort_order", "pk"),
            ),
            "implementing_agencies",
        )
        .order_by("pk")
    )
    by_pk = {agreement.pk: agreement for agreement in agreements}
    public_ids = list(by_pk)
    source = OcdsSource(agreements=agreements)

    addenda = (
        public_agreements()
        .filter(parent_id__in=public_ids, document_type__role=DocumentRole.AMENDMENT)
        .select_related("document_type", "publication")
        .order_by("signed_on", "pk")
    )
    grouped: dict[int, list] = defaultdict(list)
    for addendum in addenda:
        grouped[addendum.parent_id].append(addendum)
    source.addenda = dict(grouped)

    linked = {pk for agreement in agreements for pk in (agreement.parent_id, agreement.replaces_id) if pk}
    source.linked_titles = dict(public_agreements().filter(pk__in=linked).values_list("pk", "title"))

    documents = (
        public_documents_queryset()
        .filter(agreement_id__in=public_ids, monev_report__isnull=True)
        .order_by("sort_order", "pk")
    )
    grouped = defaultdict(list)
    for document in documents:
        grouped[document.agreement_id].append(document)
    source.documents = dict(grouped)

    reports = (
        MonevReport.objects.verified()
        .filter(agreement_id__in=public_ids)
        .prefetch_related(Prefetch("indicators", queryset=MonevIndicator.objects.order_by("sort_order", "pk")))
        .order_by("period_starts_on", "pk")
    )
    grouped = defaultdict(list)
    for report in reports:
        report.agreement = by_pk[report.agreement_id]  # its kind is loaded: the period label needs no query
        grouped[report.agreement_id].append(report)
    source.monev_reports = dict(grouped)
    return source


def document_category_names() -> dict[str, str]:
    """Each document category's name by code, in the reader's language: for the publication-policy page."""
    return {
        code: localized(name, name_en)
        for code, name, name_en in DocumentCategory.objects.values_list("code", "name", "name_en")
    }
