"""What the public may see: published agreements in a signed state, and their public documents.

Every public page, export, feed and sitemap starts from `public_agreements()`; nothing public
reads `Agreement.objects` directly, so a draft or an unpublished record cannot leak by accident.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from ..models import (
    Agency,
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    Classification,
    Partner,
    ending_soon_condition,
)


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
    """One public agreement with everything its page shows, or None when it is not public."""
    return (
        with_public_card_relations(public_agreements())
        .prefetch_related("implementing_agencies", Prefetch("documents", queryset=public_documents_queryset()))
        .filter(pk=pk)
        .first()
    )


def public_documents_queryset() -> QuerySet[AgreementDocument]:
    return AgreementDocument.objects.filter(classification=Classification.PUBLIC).select_related("category")


def public_documents(*, agreement: Agreement) -> QuerySet[AgreementDocument]:
    """Public documents of a public agreement; none at all for anything else."""
    return public_documents_queryset().filter(agreement__in=public_agreements().filter(pk=agreement.pk))


def public_document(*, pk: int) -> AgreementDocument | None:
    return public_documents_queryset().filter(pk=pk, agreement__in=public_agreements()).first()


def is_public_document(document: AgreementDocument) -> bool:
    return (
        not document.is_restricted
        and document.agreement_id is not None
        and public_agreements().filter(pk=document.agreement_id).exists()
    )


def public_agreement_chain(*, agreement: Agreement) -> list[dict]:
    """Parent, children (PKS, addenda), predecessor and successors, as far as they are public."""
    from django.utils.translation import gettext_lazy as _

    public = public_agreements().select_related("document_type")
    related = public.filter(
        Q(pk=agreement.parent_id) | Q(parent=agreement) | Q(pk=agreement.replaces_id) | Q(replaces=agreement)
    ).order_by("signed_on", "pk")
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


def related_public_agreements(*, agreement: Agreement, limit: int = 5) -> QuerySet[Agreement]:
    """Other public agreements with the same partner or in the same sector, newest first."""
    partner_ids = [party.partner_id for party in agreement.parties.all() if party.partner_id]
    sector_ids = [sector.pk for sector in agreement.sectors.all()]
    same_partner = AgreementParty.objects.filter(partner_id__in=partner_ids).values("agreement_id")
    same_sector = Agreement.sectors.through.objects.filter(sector_id__in=sector_ids).values("agreement_id")
    return (
        public_agreements()
        .filter(Q(pk__in=same_partner) | Q(pk__in=same_sector))
        .exclude(pk=agreement.pk)
        .select_related("document_type")
        .order_by("-signed_on", "-pk")[:limit]
    )


def public_agreements_of_partner(*, partner: Partner) -> QuerySet[Agreement]:
    return public_agreements().filter(pk__in=AgreementParty.objects.filter(partner=partner).values("agreement_id"))


def public_agreements_of_agency(*, agency: Agency) -> QuerySet[Agreement]:
    implemented = Agreement.implementing_agencies.through.objects.filter(agency=agency).values("agreement_id")
    return public_agreements().filter(Q(initiating_agency=agency) | Q(pk__in=implemented))


def public_partner(*, pk: int) -> Partner | None:
    """A partner is public once it is party to at least one public agreement."""
    return Partner.objects.filter(pk=pk, agreement_parties__agreement__in=public_agreements()).distinct().first()


def public_agency(*, pk: int) -> Agency | None:
    return Agency.objects.filter(pk=pk).first()


def public_register_figures() -> dict[str, int]:
    """Headline figures of the public catalogue: published, signed agreements only."""
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


def newest_public_agreements(*, limit: int = 6) -> QuerySet[Agreement]:
    """Most recently published first: what the home page and the feed show."""
    return with_public_card_relations(public_agreements()).order_by("-publication__first_published_at", "-pk")[:limit]
