"""Figures for the statistics page: selector rows turned into chart rows in the reader's language.

Each row links into the catalogue with the filter that lists the same agreements, where the
catalogue has such a filter (year, kind, sector, partner category, agency, status).
"""

from collections.abc import Callable
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intword
from django.http import Http404
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from cooperation.languages import localized
from cooperation.models import EXPIRING_SOON, EXPIRING_SOON_LABEL, AgreementStatus, PartnerCategory
from cooperation.selectors import public_register_figures
from cooperation.selectors import statistics as selectors
from cooperation.selectors.public import cached_public_result
from portal.models import catalogue_for
from portal.templatetags.charts import ChartRow

Link = Callable[..., str]


def statistics_context(*, request) -> dict:
    """Headline figures and one list of chart rows per statistic, for `statistics_page.html`."""
    catalogue_url = _catalogue_url(request)

    def link(**params) -> str:
        return f"{catalogue_url}?{urlencode(params)}" if catalogue_url else ""

    return cached_public_result("statistics", (catalogue_url,), lambda: _statistics(catalogue_url, link))


def _statistics(catalogue_url: str, link: "Link") -> dict:
    figures = public_register_figures()
    figures.update(selectors.public_value_figures())
    return {
        "figures": figures,
        "value_total_text": number_format(figures["value_total"], 0, force_grouping=True),
        "value_total_words": _amount_in_words(figures["value_total"]),
        "catalogue_url": catalogue_url,
        "expiring_url": link(status=EXPIRING_SOON),
        "expiry_months": settings.COOPERATION_EXPIRY_WARNING_MONTHS,
        "charts": {
            "year": _year_rows(link),
            "kind": _kind_rows(link),
            "sector": _sector_rows(link),
            "partner_category": _partner_category_rows(link),
            "agency": _agency_rows(link),
            "status": _status_rows(link),
            "province": _province_rows(),
            "country": _country_rows(),
        },
    }


def _catalogue_url(request) -> str:
    """The catalogue page in the active language, or "" when the site has none yet."""
    try:
        page = catalogue_for(Locale.get_active())
    except (Http404, Locale.DoesNotExist):
        return ""
    return page.get_url(request=request) or ""


def _amount_in_words(amount: Decimal) -> str:
    """A large rupiah sum as people say it ("97,5 miliar"), short enough for a headline figure on a phone."""
    if amount >= 1_000_000:
        return intword(int(amount))
    return number_format(amount, 0, force_grouping=True)


def _year_rows(link: Link) -> list[ChartRow]:
    return [
        ChartRow(label=str(row["year"]), value=row["count"], url=link(tahun=row["year"]))
        if row["year"] is not None
        else ChartRow(label=_("Tanpa tanggal penandatanganan"), value=row["count"])
        for row in selectors.agreements_by_year()
    ]


def _kind_rows(link: Link) -> list[ChartRow]:
    return [
        ChartRow(
            label=f"{localized(row['kind__name'], row['kind__name_en'])} ({row['kind__code']})",
            value=row["count"],
            url=link(jenis=row["kind_id"]),
        )
        for row in selectors.agreements_by_kind()
    ]


def _sector_rows(link: Link) -> list[ChartRow]:
    return [
        ChartRow(
            label=localized(row["sector__name"], row["sector__name_en"]),
            value=row["count"],
            url=link(urusan=row["sector_id"]),
        )
        for row in selectors.agreements_by_sector()
    ]


def _partner_category_rows(link: Link) -> list[ChartRow]:
    labels = dict(PartnerCategory.choices)
    return [
        ChartRow(
            label=str(labels.get(row["partner__category"], row["partner__category"])),
            value=row["count"],
            url=link(mitra=row["partner__category"]),
        )
        for row in selectors.agreements_by_partner_category()
    ]


def _agency_rows(link: Link) -> list[ChartRow]:
    rows = []
    for row in selectors.agreements_by_initiating_agency(limit=15):
        if row["initiating_agency_id"] is None:
            label = ngettext("Lainnya (%(count)s OPD)", "Lainnya (%(count)s OPD)", row["agencies"]) % {
                "count": row["agencies"]
            }
            rows.append(ChartRow(label=label, value=row["count"]))
        else:
            rows.append(
                ChartRow(
                    label=row["initiating_agency__name"],
                    value=row["count"],
                    url=link(opd=row["initiating_agency_id"]),
                )
            )
    return rows


def _status_rows(link: Link) -> list[ChartRow]:
    """In force (Berlaku, Ditandatangani, of which "Akan Berakhir") against ended (Berakhir, Diperpanjang, Diakhiri)."""
    counts = selectors.agreements_by_status()
    in_force, ended = _("Masih berlaku"), _("Sudah berakhir")
    rows = [
        ChartRow(str(AgreementStatus.IN_FORCE.label), counts["in_force"], link(status="in_force"), in_force),
        ChartRow(str(AgreementStatus.SIGNED.label), counts["signed"], link(status="signed"), in_force),
        ChartRow(
            _("di antaranya %(status)s") % {"status": EXPIRING_SOON_LABEL},
            counts[EXPIRING_SOON],
            link(status=EXPIRING_SOON),
            in_force,
            within=True,
        ),
    ]
    rows += [
        ChartRow(str(status.label), counts[status.value], link(status=status.value), ended)
        for status in selectors.ENDED_STATES
    ]
    return rows


def _province_rows() -> list[ChartRow]:
    return [
        ChartRow(label=row["partner__province"] or _("Provinsi tidak tercatat"), value=row["count"])
        for row in selectors.domestic_partners_by_province()
    ]


def _country_rows() -> list[ChartRow]:
    return [
        ChartRow(label=row["partner__country"] or _("Negara tidak tercatat"), value=row["count"])
        for row in selectors.foreign_partners_by_country()
    ]
