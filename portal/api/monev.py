"""Verified monitoring and evaluation (monev) reports of public agreements.

Only the live, verified version of a report is read (`MonevReport.objects.verified()`): a draft,
a report waiting for verification, one sent back, or an unverified later edit of a verified
report never appears. The reporter, the verifier, their notes, obstacles and evidence files are
internal: the summary holds what the agreement's public page shows.
"""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from cooperation.models import MonevReport
from cooperation.selectors.open_data import newest_monev_modification, open_data_monev_reports

from ..open_data.links import PublicLinks
from .common import ERRORS, Page, PageChoice, list_page, reject_unknown_parameters, serializer
from .schemas import MonevFilters, MonevReportOut, code_label, decimal_number

router = Router()


def serialize_report(report: MonevReport, links: PublicLinks) -> dict:
    return {
        "id": report.pk,
        "agreement_id": report.agreement_id,
        "agreement_api_url": links.api("agreement", agreement_id=report.agreement_id),
        "period": {
            "label": str(report.period_label),
            "starts_on": report.period_starts_on,
            "ends_on": report.period_ends_on,
        },
        "realisation_percent": decimal_number(report.realisation_percent),
        "budget_percent": decimal_number(report.budget_percent),
        "recommendation": code_label(report.recommendation, report.get_recommendation_display()),
        "benefits": report.benefits,
        "indicators": [
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "target": decimal_number(indicator.target),
                "realisation": decimal_number(indicator.realisation),
                "percent": decimal_number(indicator.percent),
            }
            for indicator in report.indicators.all()
        ],
        "verified_at": report.verified_at,
        "modified_at": report.last_published_at,
    }


def report_page(
    request: HttpRequest, response: HttpResponse, params: PageChoice, reports: QuerySet[MonevReport]
) -> dict:
    """A page of verified reports, for /monev and /agreements/{id}/monev: Last-Modified is the newest verification."""
    return list_page(
        request,
        response,
        params,
        reports,
        last_modified=newest_monev_modification(reports),
        serialize=serializer(request, serialize_report),
    )


@router.get(
    "",
    response={200: Page[MonevReportOut], **ERRORS},
    url_name="monev",
    summary="Verified monev reports of public agreements",
)
def list_monev_reports(
    request: HttpRequest,
    response: HttpResponse,
    params: Query[MonevFilters],
):
    """Realisation of the indicators and the budget, benefits and recommendation, newest period first."""
    reject_unknown_parameters(request, MonevFilters.model_fields)
    reports = open_data_monev_reports(
        agreement_id=params.agreement, year=params.year, modified_since=params.modified_since
    )
    return report_page(request, response, params, reports)
