"""What the public may see: published agreements in a signed state, and their public documents.

Every public page, export, feed and sitemap starts from `public_agreements()`; nothing public
reads `Agreement.objects` directly, so a draft or an unpublished record cannot leak by accident.
"""

import datetime
import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..models import (
    Agency,
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    Classification,
    Partner,
    Publication,
    ending_soon_condition,
)

# Newest signing first; an agreement without a signing date goes last on every database.
NEWEST_SIGNED_FIRST = (F("signed_on").desc(nulls_last=True), "-pk")

T = TypeVar("T")


def public_agreements() -> QuerySet[Agreement]:
    """Live publications of signed agreements: the one door to everything public."""
    return Agreement.objects.filter(publication__live=True, status__in=AgreementStatus.signed_states())


def with_public_card_relations(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """What a public list row shows, in a fixed number of queries whatever the page size."""
    return agreements.select_related("document_type", "kind", "initiating_agency", "publication").prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.select_related("partner", "agency")),
        "sectors",
    )


def public_agreement_detail(*, pk: int) -> Agreement | None:
    """One public agreement with everything its page shows, or None when it is not public.

    Its documents are not prefetched: the page asks `public_documents()`, so a restricted file
    can never ride along on `agreement.documents`.
    """
    return (
        with_public_card_relations(public_agreements()).prefetch_related("implementing_agencies").filter(pk=pk).first()
    )


def public_documents_queryset() -> QuerySet[AgreementDocument]:
    return AgreementDocument.objects.filter(classification=Classification.PUBLIC).select_related("category")


def public_documents(*, agreement: Agreement) -> QuerySet[AgreementDocument]:
    """Public documents of a public agreement; none at all for anything else."""
    return public_documents_queryset().filter(agreement__in=public_agreements().filter(pk=agreement.pk))


def documents_cleared_for_publication(*, agreement: Agreement) -> QuerySet[AgreementDocument]:
    """The documents classified public of one agreement, published or not.

    Only for the editor's preview of a publication that is not live yet: it shows what the
    public will get once it is. Public pages use `public_documents()`.
    """
    return public_documents_queryset().filter(agreement=agreement)


def restricted_document_count(*, agreement: Agreement) -> int:
    """How many documents the PPID withheld: the public page states the number, never the titles."""
    return AgreementDocument.objects.filter(agreement=agreement, classification=Classification.RESTRICTED).count()


def public_document(*, pk: int) -> AgreementDocument | None:
    return public_documents_queryset().filter(pk=pk, agreement__in=public_agreements()).first()


def public_document_of_agreement(*, agreement_pk: int, document_pk: int) -> AgreementDocument | None:
    """A public document reached through its own public agreement; a mismatched pair is not found."""
    return (
        public_documents_queryset()
        .select_related("agreement__document_type")
        .filter(pk=document_pk, agreement_id=agreement_pk, agreement__in=public_agreements())
        .first()
    )


def is_public_document(document: AgreementDocument) -> bool:
    return (
        not document.is_restricted
        and document.agreement_id is not None
        and public_agreements().filter(pk=document.agreement_id).exists()
    )


def public_agreement_chain(*, agreement: Agreement) -> list[dict]:
    """Parent, children (PKS, addenda), predecessor and successors, as far as they are public."""
    # Ids first, each through its own index: one OR across four columns scans the whole register.
    linked = {pk for pk in (agreement.parent_id, agreement.replaces_id) if pk}
    linked |= set(Agreement.objects.filter(parent=agreement).values_list("pk", flat=True))
    linked |= set(Agreement.objects.filter(replaces=agreement).values_list("pk", flat=True))
    related = public_agreements().select_related("document_type").filter(pk__in=linked).order_by("signed_on", "pk")
    chain = []
    for other in related:
        if other.pk == agreement.parent_id:
            relation = _("Naskah induk")
        elif other.parent_id == agreement.pk:
            relation = _("Adendum") if other.document_type.role == "amendment" else _("Naskah turunan")
        elif other.pk == agreement.replaces_id:
            relation = _("Memperpanjang")
        else:
            relation = _("Diperpanjang oleh")
        chain.append({"relation": relation, "agreement": other})
    return chain


def public_timeline(*, agreement: Agreement, today: datetime.date | None = None) -> list[dict]:
    """The dated events of an agreement's life the public may know, oldest first.

    Signing, start, extension (the status change and each public renewal), termination and
    the end of the term. Only the date and the kind of event: who changed a status and the
    note they wrote are internal.
    """
    today = today or timezone.localdate()
    events: list[tuple[datetime.date, int, dict]] = []

    def add(day: datetime.date | None, order: int, label, other: Agreement | None = None) -> None:
        if day:
            events.append((day, order, {"date": day, "label": label, "agreement": other}))

    add(agreement.signed_on, 0, _("Ditandatangani"))
    add(agreement.starts_on, 1, _("Mulai berlaku"))
    changes = AgreementStatusChange.objects.filter(
        agreement=agreement, to_status__in=[AgreementStatus.EXTENDED, AgreementStatus.TERMINATED]
    ).values_list("to_status", "changed_at")
    for to_status, changed_at in changes:
        day = timezone.localdate(changed_at) if timezone.is_aware(changed_at) else changed_at.date()
        add(day, 2, _("Diperpanjang") if to_status == AgreementStatus.EXTENDED else _("Diakhiri"))
    renewals = public_agreements().filter(replaces=agreement).only("pk", "title", "title_en", "signed_on", "starts_on")
    for renewal in renewals.order_by("signed_on", "pk"):
        add(renewal.signed_on or renewal.starts_on, 3, _("Diperpanjang dengan naskah baru"), renewal)
    if agreement.ends_on:
        add(agreement.ends_on, 4, _("Berakhir") if agreement.ends_on < today else _("Dijadwalkan berakhir"))
    return [event for _day, _order, event in sorted(events, key=lambda item: (item[0], item[1]))]


def related_public_agreements(*, agreement: Agreement, limit: int = 5) -> QuerySet[Agreement]:
    """Other public agreements with the same partner or in the same sector, newest first.

    Which ones is cached per catalogue version: at 100,000 agreements a sector holds thousands.
    """
    related_ids = cached_public_result("related", (agreement.pk, limit), lambda: _related_ids(agreement, limit))
    return with_public_card_relations(public_agreements().filter(pk__in=related_ids).order_by(*NEWEST_SIGNED_FIRST))


def _related_ids(agreement: Agreement, limit: int) -> list[int]:
    partner_ids = [party.partner_id for party in agreement.parties.all() if party.partner_id]
    sector_ids = [sector.pk for sector in agreement.sectors.all()]
    same_partner = AgreementParty.objects.filter(partner_id__in=partner_ids).values("agreement_id")
    same_sector = Agreement.sectors.through.objects.filter(sector_id__in=sector_ids).values("agreement_id")
    return list(
        public_agreements()
        .filter(Q(pk__in=same_partner) | Q(pk__in=same_sector))
        .exclude(pk=agreement.pk)
        .order_by(*NEWEST_SIGNED_FIRST)
        .values_list("pk", flat=True)[:limit]
    )


def public_agreements_of_partner(*, partner: Partner) -> QuerySet[Agreement]:
    """A partner's public agreements, newest first, with what a list row shows."""
    return with_public_card_relations(
        public_agreements().filter(pk__in=AgreementParty.objects.filter(partner=partner).values("agreement_id"))
    ).order_by(*NEWEST_SIGNED_FIRST)


def _agreement_ids_of_agency(agency: Agency) -> Q:
    implemented = Agreement.implementing_agencies.through.objects.filter(agency=agency).values("agreement_id")
    party = AgreementParty.objects.filter(agency=agency).values("agreement_id")
    return Q(initiating_agency=agency) | Q(pk__in=implemented) | Q(pk__in=party)


def public_agreements_of_agency(*, agency: Agency) -> QuerySet[Agreement]:
    """Public agreements an agency initiates, implements or (antar-OPD) signs as a party, newest first.

    Each row carries `agency_initiates` and `agency_implements`, so the page can say which role
    the agency plays without a query per row.
    """
    implements = Agreement.implementing_agencies.through.objects.filter(agreement_id=OuterRef("pk"), agency=agency)
    return (
        with_public_card_relations(public_agreements().filter(_agreement_ids_of_agency(agency)))
        .annotate(
            agency_initiates=ExpressionWrapper(Q(initiating_agency=agency), output_field=BooleanField()),
            agency_implements=Exists(implements),
        )
        .order_by(*NEWEST_SIGNED_FIRST)
    )


def public_partner(*, pk: int) -> Partner | None:
    """A partner is public once it is party to at least one public agreement."""
    return Partner.objects.filter(pk=pk, agreement_parties__agreement__in=public_agreements()).distinct().first()


def public_agency(*, pk: int) -> Agency | None:
    """An agency has a public page once it initiates, implements or is party to a public agreement."""
    agency = Agency.objects.filter(pk=pk).first()
    if agency is None or not public_agreements().filter(_agreement_ids_of_agency(agency)).exists():
        return None
    return agency


def public_register_figures() -> dict[str, int]:
    """Headline figures of the public catalogue: published, signed agreements only."""
    return cached_public_result("figures", (), _register_figures)


def _register_figures() -> dict[str, int]:
    public = public_agreements()
    figures = public.aggregate(
        total=Count("pk"),
        in_force=Count("pk", filter=Q(status__in=[AgreementStatus.IN_FORCE, AgreementStatus.SIGNED])),
        expiring=Count("pk", filter=ending_soon_condition()),
    )
    figures["partners"] = (
        AgreementParty.objects.filter(agreement__in=public, partner__isnull=False).values("partner").distinct().count()
    )
    return figures


def newest_public_agreements(*, limit: int = 6) -> list[Agreement]:
    """Most recently published first: what the home page and the feed show.

    The newest publications come from the publication index alone; a signed agreement never
    becomes unsigned again, so all but a handful of them are public. The whole query runs only
    when too few are.
    """
    newest_first = ("-publication__first_published_at", "-pk")
    candidates = list(
        Publication.objects.filter(live=True)
        .order_by("-first_published_at", "-agreement_id")
        .values_list("agreement_id", flat=True)[: limit * 2]
    )
    public = with_public_card_relations(public_agreements()).order_by(*newest_first)
    chosen = list(public.filter(pk__in=candidates)[:limit])
    if len(chosen) == limit or len(candidates) < limit * 2:
        return chosen
    return list(public[:limit])


# -- cached figures -------------------------------------------------------------------------------


def public_catalogue_version() -> str:
    """Changes whenever anything public could: a publish, a withdrawal, an edit, a new day.

    Read from the database on each request (two indexed aggregates), so every worker process sees
    a change at once, whatever cache backend is configured.
    """
    publications = Publication.objects.filter(live=True).aggregate(n=Count("pk"), last=Max("last_published_at"))
    edited = Agreement.objects.aggregate(last=Max("updated_at"))["last"]
    return f"{publications['n']}|{publications['last']}|{edited}|{timezone.localdate()}"


def cached_public_result(name: str, parts: Iterable, compute: Callable[[], T]) -> T:
    """`compute()` once per catalogue version, language and `parts`: for counts over the whole register.

    Facet counts, statistics and headline figures are aggregates over every public agreement;
    they change only when the version does, so at 100,000 agreements they are read from the cache.
    Labels of reference data (a renamed sector) follow within `PUBLIC_CACHE_SECONDS`.
    """
    raw = repr((name, tuple(parts), public_catalogue_version(), translation.get_language()))
    key = "public-catalogue:" + hashlib.sha256(raw.encode()).hexdigest()
    return cache.get_or_set(key, compute, timeout=settings.PUBLIC_CACHE_SECONDS)


def public_agreements_ending_soon(*, today: datetime.date | None = None) -> QuerySet[Agreement]:
    """Public agreements in force (or signed) ending within COOPERATION_EXPIRY_WARNING_MONTHS, soonest first."""
    today = today or timezone.localdate()
    return (
        with_public_card_relations(public_agreements().filter(ending_soon_condition(today=today)))
        .prefetch_related("implementing_agencies")
        .order_by("ends_on", "pk")
    )
