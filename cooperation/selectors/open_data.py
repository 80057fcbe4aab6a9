"""The open-data publication's queries: what the API, OCDS, DCAT and the bulk files may read.

Everything starts from `public_agreements()` and `public_documents_queryset()`; the other
modules of the open-data publication never touch `Agreement.objects`. Each agreement carries
`modified_at`: the latest of its own edit, its publication, its newest verified monev report and
its newest document change, which is what a harvester's `modified_since` compares with.
"""

import datetime
from collections import Counter

from django.db.models import (
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from ..models import (
    Agency,
    Agreement,
    AgreementDocument,
    AgreementParty,
    Classification,
    CooperationKind,
    DocumentPage,
    DocumentType,
    MonevIndicator,
    MonevReport,
    Partner,
    Sector,
)
from .public import public_agreements, public_documents_queryset

# Greatest() is NULL on SQLite as soon as one argument is: every part falls back to the agreement's own edit.
_EPOCH = Value(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC), output_field=DateTimeField())


def _newest(queryset: QuerySet, field: str) -> Subquery:
    return Subquery(
        queryset.filter(agreement=OuterRef("pk"))
        .order_by()
        .values("agreement")
        .annotate(newest=Max(field))
        .values("newest")[:1],
        output_field=DateTimeField(),
    )


def with_modified_at(agreements: QuerySet) -> QuerySet:
    own = Coalesce(F("updated_at"), _EPOCH)
    published = Coalesce(F("publication__last_published_at"), own)
    monev = Coalesce(_newest(MonevReport.objects.verified(), "last_published_at"), own)
    documents = Coalesce(
        _newest(AgreementDocument.objects.filter(classification=Classification.PUBLIC), "updated_at"), own
    )
    return agreements.annotate(modified_at=Greatest(own, published, monev, documents))


def open_data_agreements(*, modified_since: datetime.datetime | None = None) -> QuerySet:
    """Public agreements with `modified_at`, optionally only those changed after `modified_since`."""
    agreements = with_modified_at(public_agreements())
    if modified_since is not None:
        agreements = agreements.filter(modified_at__gt=modified_since)
    return agreements


def newest_modification(agreements: QuerySet) -> datetime.datetime | None:
    """When the newest of these agreements changed: the Last-Modified of a list."""
    return agreements.order_by().aggregate(newest=Max("modified_at"))["newest"]


def open_data_documents(
    *, modified_since: datetime.datetime | None = None, agreement_id: int | None = None
) -> QuerySet[AgreementDocument]:
    """Public documents of public agreements only, oldest first (a stable order for paging)."""
    documents = public_documents_queryset().filter(agreement__in=public_agreements()).order_by("pk")
    if agreement_id is not None:
        documents = documents.filter(agreement_id=agreement_id)
    if modified_since is not None:
        documents = documents.filter(updated_at__gt=modified_since)
    return documents


# -- the JSON API's resources (portal/api: agreements, reference, documents, monev) ---------------


class _SubqueryCount(Subquery):
    """How many rows a correlated subquery holds, without a GROUP BY (works on SQLite and PostgreSQL)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()


def with_open_data_relations(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """What an API agreement item shows, in a fixed number of queries whatever the page size."""
    return agreements.select_related("document_type", "kind", "initiating_agency", "publication").prefetch_related(
        Prefetch(
            "parties",
            queryset=AgreementParty.objects.select_related("partner", "agency").order_by("sort_order", "pk"),
        ),
        Prefetch("sectors", queryset=Sector.objects.order_by("name", "pk")),
        Prefetch("implementing_agencies", queryset=Agency.objects.order_by("name", "pk")),
    )


def open_data_agreement(*, pk: int) -> Agreement | None:
    """One public agreement with `modified_at` and its relations, or None when it is not public."""
    return with_open_data_relations(open_data_agreements()).filter(pk=pk).first()


def open_data_agreements_in_order(*, ids: list[int]) -> list[Agreement]:
    """Public agreements by id, in the order given (a search engine's page); ids no longer public are left out."""
    agreements = with_open_data_relations(open_data_agreements().filter(pk__in=ids))
    found = {agreement.pk: agreement for agreement in agreements}
    return [found[pk] for pk in ids if pk in found]


REFERENCE_MODELS = {"kind": CooperationKind, "document_type": DocumentType, "sector": Sector, "agency": Agency}


def unknown_reference_ids(key: str, ids: list[int]) -> list[int]:
    """The ids among `ids` that name no row of the reference table behind filter `key` (kind, sector, …)."""
    known = set(REFERENCE_MODELS[key].objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk not in known]


def _public_party_rows(**lookup) -> QuerySet[AgreementParty]:
    return AgreementParty.objects.filter(agreement__in=public_agreements(), **lookup)


def open_data_partners(*, categories: list[str] | None = None) -> QuerySet[Partner]:
    """Partners party to at least one public agreement, by name, each with how many public agreements.

    Contact data and the address are fields of the model, not of this API: the endpoint names
    the public fields one by one.
    """
    partners = Partner.objects.filter(Exists(_public_party_rows(partner=OuterRef("pk"))))
    if categories:
        partners = partners.filter(category__in=categories)
    counted = public_agreements().filter(
        pk__in=AgreementParty.objects.filter(partner=OuterRef(OuterRef("pk"))).values("agreement_id")
    )
    return partners.annotate(agreement_count=_SubqueryCount(counted.values("pk"))).order_by("name", "pk")


def open_data_partner(*, pk: int) -> Partner | None:
    return open_data_partners().filter(pk=pk).first()


def open_data_agreements_of_partner(*, partner: Partner) -> QuerySet[Agreement]:
    return open_data_agreements().filter(pk__in=AgreementParty.objects.filter(partner=partner).values("agreement_id"))


def _agency_roles(agency: Agency) -> Q:
    """Agreements an agency initiates, implements or signs as a party (antar-OPD)."""
    implemented = Agreement.implementing_agencies.through.objects.filter(agency=agency).values("agreement_id")
    party = AgreementParty.objects.filter(agency=agency).values("agreement_id")
    return Q(initiating_agency=agency) | Q(pk__in=implemented) | Q(pk__in=party)


def open_data_agencies(*, pk: int | None = None) -> list[Agency]:
    """Agencies that initiate, implement or (antar-OPD) sign a public agreement, by name, with counts.

    The three roles are gathered as distinct (agency, agreement) pairs in one UNION query and
    counted here: a correlated count per agency with an OR over two subqueries took 12 s at
    3,000 public agreements on SQLite; this takes one pass over the pairs.
    """
    public = public_agreements()
    initiated = public.values_list("initiating_agency_id", "pk")
    implemented = Agreement.implementing_agencies.through.objects.filter(agreement__in=public).values_list(
        "agency_id", "agreement_id"
    )
    signed = AgreementParty.objects.filter(agreement__in=public, agency__isnull=False).values_list(
        "agency_id", "agreement_id"
    )
    if pk is not None:
        initiated, implemented, signed = (
            initiated.filter(initiating_agency_id=pk),
            implemented.filter(agency_id=pk),
            signed.filter(agency_id=pk),
        )
    initiated_counts = Counter(agency_id for agency_id, _agreement in initiated.order_by())
    implemented_counts = Counter(agency_id for agency_id, _agreement in implemented.order_by())
    agreement_counts = Counter(
        agency_id for agency_id, _agreement in initiated.order_by().union(implemented.order_by(), signed.order_by())
    )
    agencies = list(Agency.objects.filter(pk__in=list(agreement_counts)).order_by("name", "pk"))
    for agency in agencies:
        agency.agreement_count = agreement_counts[agency.pk]
        agency.initiated_count = initiated_counts[agency.pk]
        agency.implemented_count = implemented_counts[agency.pk]
    return agencies


def open_data_agency(*, pk: int) -> Agency | None:
    found = open_data_agencies(pk=pk)
    return found[0] if found else None


def open_data_agreements_among(agreements: QuerySet[Agreement], ids: list[int]) -> QuerySet[Agreement]:
    """The agreements of `agreements` the search engine found, with what a list row shows."""
    return with_open_data_relations(agreements.filter(pk__in=ids))


def ids_among(agreements: QuerySet[Agreement], ids: list[int]) -> set[int]:
    """Which of `ids` are in `agreements` (a filtered, possibly `modified_since`, public list)."""
    return set(agreements.filter(pk__in=ids).values_list("pk", flat=True))


def open_data_agreements_of_agency(*, agency: Agency) -> QuerySet[Agreement]:
    return open_data_agreements().filter(_agency_roles(agency))


def open_data_sectors() -> QuerySet[Sector]:
    """Every sector (urusan), with how many public agreements serve it: the ids the `sector` filter takes."""
    tagged = Agreement.sectors.through.objects.filter(sector=OuterRef("pk"), agreement__in=public_agreements())
    return Sector.objects.annotate(agreement_count=_SubqueryCount(tagged.values("agreement_id"))).order_by("name", "pk")


def open_data_kinds() -> QuerySet[CooperationKind]:
    """Every kind of cooperation, with its count of public agreements: the ids the `kind` filter takes."""
    counted = public_agreements().filter(kind=OuterRef("pk")).values("pk")
    return CooperationKind.objects.annotate(agreement_count=_SubqueryCount(counted)).order_by("code", "pk")


def open_data_document_types() -> QuerySet[DocumentType]:
    """Every document type (KSB, PKS, …), with its count of public agreements: ids for `document_type`."""
    counted = public_agreements().filter(document_type=OuterRef("pk")).values("pk")
    return DocumentType.objects.annotate(agreement_count=_SubqueryCount(counted)).order_by("code", "pk")


def open_data_document(*, pk: int) -> AgreementDocument | None:
    """A public document of a public agreement; a restricted one, or one of an unpublished agreement, is None."""
    return open_data_documents().filter(pk=pk).first()


def newest_document_modification(documents: QuerySet[AgreementDocument]) -> datetime.datetime | None:
    """When the newest of these documents changed: the Last-Modified of a document list."""
    return documents.order_by().aggregate(newest=Max("updated_at"))["newest"]


def document_text_pages(*, document: AgreementDocument) -> QuerySet[DocumentPage]:
    """The extracted text of a (public) document, page by page."""
    return DocumentPage.objects.filter(document=document).order_by("number").only("number", "text", "ocr")


def open_data_monev_reports(
    *,
    agreement_id: int | None = None,
    year: int | None = None,
    modified_since: datetime.datetime | None = None,
) -> QuerySet[MonevReport]:
    """Verified monev reports (their live, verified version) of public agreements, newest period first.

    A draft, a report waiting for verification or sent back, and an unverified later edit of a
    verified report never appear: `verified()` reads the live row only.
    """
    reports = MonevReport.objects.verified().filter(agreement__in=public_agreements())
    if agreement_id is not None:
        reports = reports.filter(agreement_id=agreement_id)
    if year is not None:
        reports = reports.filter(period_ends_on__year=year)
    if modified_since is not None:
        reports = reports.filter(last_published_at__gt=modified_since)
    return (
        reports.select_related("agreement__kind")
        .prefetch_related(Prefetch("indicators", queryset=MonevIndicator.objects.order_by("sort_order", "pk")))
        .order_by("-period_ends_on", "-pk")
    )


def newest_monev_modification(reports: QuerySet[MonevReport]) -> datetime.datetime | None:
    """When the newest of these reports was verified (published): the Last-Modified of a monev list."""
    return reports.order_by().aggregate(newest=Max("last_published_at"))["newest"]
