"""Figures for the public statistics page, counted over published, signed agreements only.

Every selector starts from `public_agreements()` and runs exactly one GROUP BY query, so the
statistics page costs the same number of queries with 20 agreements as with 100,000. Rows carry
raw names (and `name_en` where the reference data has one); the view picks the reader's language.
"""

from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from ..models import Agreement, AgreementParty, AgreementStatus, PartnerCategory, ending_soon_condition
from .public import public_agreements

Row = dict[str, Any]

IN_FORCE_STATES = (AgreementStatus.IN_FORCE, AgreementStatus.SIGNED)
ENDED_STATES = (AgreementStatus.EXPIRED, AgreementStatus.EXTENDED, AgreementStatus.TERMINATED)


def public_value_figures() -> dict[str, Decimal | int]:
    """The summed value (Rp) of the public agreements that state one, and how many state one."""
    figures = public_agreements().aggregate(
        value_total=Sum("value", filter=Q(value__isnull=False)),
        with_value=Count("pk", filter=Q(value__isnull=False)),
    )
    figures["value_total"] = figures["value_total"] or Decimal("0")
    return figures


def agreements_by_year() -> list[Row]:
    """Agreements per year signed, oldest first; `year` is None for those without a signing date."""
    rows = list(
        public_agreements()
        .annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    # Undated agreements (NULL year) sort first on some databases and last on others: put them last.
    dated = [row for row in rows if row["year"] is not None]
    return dated + [row for row in rows if row["year"] is None]


def agreements_by_kind() -> list[Row]:
    """Agreements per kind of cooperation (KSDD, KSDPK, …), most first."""
    return list(
        public_agreements()
        .values("kind_id", "kind__code", "kind__name", "kind__name_en")
        .annotate(count=Count("pk"))
        .order_by("-count", "kind__code")
    )


def agreements_by_sector() -> list[Row]:
    """Agreements per government affair (urusan); one agreement may count under several."""
    through = Agreement.sectors.through
    return list(
        through.objects.filter(agreement__in=public_agreements())
        .values("sector_id", "sector__name", "sector__name_en")
        .annotate(count=Count("agreement_id", distinct=True))
        .order_by("-count", "sector__name")
    )


def agreements_by_partner_category() -> list[Row]:
    """Agreements per partner category (university, company, foreign city, …), each counted once per category."""
    return list(
        AgreementParty.objects.filter(agreement__in=public_agreements(), partner__isnull=False)
        .values("partner__category")
        .annotate(count=Count("agreement_id", distinct=True))
        .order_by("-count", "partner__category")
    )


def agreements_by_initiating_agency(*, limit: int = 15) -> list[Row]:
    """The `limit` agencies that initiated the most agreements, then one row for all the others.

    The others' row has `initiating_agency_id` None and says in `agencies` how many agencies it folds.
    """
    rows = list(
        public_agreements()
        .values("initiating_agency_id", "initiating_agency__name", "initiating_agency__short_name")
        .annotate(count=Count("pk"))
        .order_by("-count", "initiating_agency__name")
    )
    top, rest = rows[:limit], rows[limit:]
    if rest:
        top.append(
            {
                "initiating_agency_id": None,
                "initiating_agency__name": "",
                "initiating_agency__short_name": "",
                "count": sum(row["count"] for row in rest),
                "agencies": len(rest),
            }
        )
    return top


def agreements_by_status() -> dict[str, int]:
    """Agreements per stored status, plus `expiring`: those in force or signed that end soon.

    "Akan Berakhir" is derived from the end date, so it is a part of the in-force and signed
    counts, not a status beside them: the same counts the catalogue's status facet shows.
    """
    rows = (
        public_agreements()
        .values("status")
        .annotate(count=Count("pk"), expiring=Count("pk", filter=ending_soon_condition()))
        .order_by()
    )
    counts = {status.value: 0 for status in (*IN_FORCE_STATES, *ENDED_STATES)}
    counts["expiring"] = 0
    for row in rows:
        counts[row["status"]] = row["count"]
        counts["expiring"] += row["expiring"]
    return counts


def domestic_partners_by_province() -> list[Row]:
    """Agreements per province of their Indonesian partners; `province` is "" when not recorded."""
    return list(
        AgreementParty.objects.filter(agreement__in=public_agreements(), partner__isnull=False)
        .exclude(partner__category__in=PartnerCategory.foreign())
        .values("partner__province")
        .annotate(count=Count("agreement_id", distinct=True))
        .order_by("-count", "partner__province")
    )


def foreign_partners_by_country() -> list[Row]:
    """Agreements per country of their foreign partners."""
    return list(
        AgreementParty.objects.filter(
            agreement__in=public_agreements(), partner__category__in=PartnerCategory.foreign()
        )
        .values("partner__country")
        .annotate(count=Count("agreement_id", distinct=True))
        .order_by("-count", "partner__country")
    )
