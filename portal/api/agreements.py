"""The public register of agreements: a filterable, searchable list and one agreement in full.

The filters are the catalogue's (`cooperation.selectors.catalogue.filter_agreements`) under
English names, but strict: an id or a code nobody knows is a 400, so a script learns of its
mistake instead of silently receiving the unfiltered register. `q` goes to the search engine with
the public audience, as the catalogue's keyword does.
"""

from collections.abc import Sequence
from typing import Literal

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from ninja import Path, Query, Router, Schema
from pydantic import Field

from cooperation.languages import region_name
from cooperation.models import EXPIRING_SOON, Agreement
from cooperation.selectors.catalogue import (
    DOMESTIC,
    FOREIGN,
    PUBLIC_STATUS_VALUES,
    SORT_ENDING,
    SORT_NEWEST,
    SORT_TITLE,
    filter_agreements,
    order_catalogue,
)
from cooperation.selectors.open_data import (
    ids_among,
    newest_modification,
    open_data_agreement,
    open_data_agreements,
    open_data_agreements_among,
    open_data_agreements_in_order,
    open_data_monev_reports,
    unknown_reference_ids,
    with_open_data_relations,
)
from cooperation.selectors.public import public_agreement_chain, public_documents, restricted_document_count
from search import engines as search_engines
from search.engines.base import MAX_QUERY_LENGTH, Audience, QueryError, SearchRequest, SearchUnavailable
from search.engines.base import SORT_NEWEST as SEARCH_NEWEST
from search.engines.base import SORT_RELEVANCE as SEARCH_RELEVANCE

from ..open_data.links import PublicLinks
from .common import (
    ERRORS,
    ErrorOut,
    Page,
    paginate,
    reject_unknown_parameters,
    serializer,
    set_last_modified,
)
from .documents import serialize_document
from .errors import ApiError, error_response, not_found
from .monev import report_page, serialize_report
from .schemas import (
    AgreementDetailOut,
    AgreementOut,
    Id,
    Instant,
    MonevReportOut,
    PageParams,
    PartnerCategoryCode,
    Year,
    agency_ref,
    code_label,
    page_field,
    page_size_field,
    partner_ref,
    reference_ref,
)

router = Router()

RELEVANCE, NEWEST, ENDING, TITLE = "relevance", "newest", "ending", "title"
CATALOGUE_SORTS = {NEWEST: SORT_NEWEST, ENDING: SORT_ENDING, TITLE: SORT_TITLE}
RETRY_AFTER_SECONDS = 60
# The cluster engines page through at most this many hits; a page beyond it is refused, not guessed.
SEARCH_WINDOW = 10_000
SEARCH_BATCH = 100

StatusCode = Literal[tuple(str(value) for value in PUBLIC_STATUS_VALUES)]  # signed, in_force, expiring, …
ScopeCode = Literal[DOMESTIC, FOREIGN]


class AgreementFilters(Schema):
    """The list's query parameters. Repeat a filter to ask for several values: `?sector=1&sector=2`."""

    kind: list[Id] | None = Field(None, description="Kind of cooperation ids (see /kinds).")
    document_type: list[Id] | None = Field(None, description="Document type ids (see /document-types).")
    sector: list[Id] | None = Field(None, description="Sector (urusan) ids (see /sectors).")
    agency: list[Id] | None = Field(None, description="Initiating agency (OPD pemrakarsa) ids (see /agencies).")
    partner_category: list[PartnerCategoryCode] | None = Field(None, description="Partner category codes.")
    status: list[StatusCode] | None = Field(
        None, description="Status codes; `expiring` (Akan Berakhir): in force and ending within the warning window."
    )
    year: list[Year] | None = Field(None, description="Year of signing.")
    scope: list[ScopeCode] | None = Field(None, description="dalam-negeri (domestic) or luar-negeri (foreign).")
    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Words or a quoted phrase, searched in the agreements and the text of their public documents.",
    )
    sort: Literal["relevance", "newest", "ending", "title"] | None = Field(
        None,
        description="relevance (only with q; its default), newest signed (the default without q), "
        "ending (soonest end first) or title.",
    )
    modified_since: Instant | None = Field(None, description="Only agreements changed after this instant.")
    page: int = page_field()
    page_size: int = page_size_field()


FILTER_KEYS = ("kind", "document_type", "sector", "agency", "partner_category", "status", "year", "scope")
ID_FILTERS = ("kind", "document_type", "sector", "agency")


# -- serialising -----------------------------------------------------------------------------------


def serialize_agreement(agreement: Agreement, links: PublicLinks) -> dict:
    """An agreement's public fields, read from its prefetched relations (`with_open_data_relations`)."""
    parties = list(agreement.parties.all())
    expiring = agreement.is_expiring_soon
    return {
        "id": agreement.pk,
        "ocid": f"{settings.OPEN_DATA_OCID_PREFIX}-{agreement.pk}",
        "url": links.agreement(agreement.pk),
        "api_url": links.api("agreement", agreement_id=agreement.pk),
        "title": agreement.title,
        "title_en": agreement.title_en,
        "region_number": agreement.region_number,
        "partner_numbers": [party.number for party in parties if party.number],
        "document_type": reference_ref(agreement.document_type),
        "kind": reference_ref(agreement.kind),
        "status": code_label(EXPIRING_SOON if expiring else agreement.status, agreement.status_label),
        "signed_on": agreement.signed_on,
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
        "value": None if agreement.value is None else f"{agreement.value:.2f}",
        "currency": "IDR",
        "funding_source": code_label(agreement.funding_source, agreement.get_funding_source_display()),
        "partners": [partner_ref(party.partner) for party in parties if party.partner_id],
        "sectors": [reference_ref(sector) for sector in agreement.sectors.all()],
        "initiating_agency": agency_ref(agreement.initiating_agency),
        "implementing_agencies": [agency_ref(agency) for agency in agreement.implementing_agencies.all()],
        "modified_at": agreement.modified_at,
    }


def _parties(agreement: Agreement) -> list[dict]:
    """The region and each partner as the document names them; signatories' NIPs and contacts are not read."""
    parties = [
        {
            "role": code_label(agreement.region_party_role, agreement.get_region_party_role_display()),
            "is_region": True,
            "name": region_name(),
            "number": agreement.region_number,
            "signatory_name": agreement.signatory_name,
            "signatory_position": agreement.signatory_position,
            "partner": None,
            "agency": None,
        }
    ]
    for party in agreement.parties.all():
        if not (party.partner_id or party.agency_id):
            continue
        parties.append(
            {
                "role": code_label(party.role, party.get_role_display()),
                "is_region": False,
                "name": party.partner_name,
                "number": party.number,
                "signatory_name": party.signatory_name,
                "signatory_position": party.signatory_position,
                "partner": partner_ref(party.partner) if party.partner_id else None,
                "agency": agency_ref(party.agency) if party.agency_id else None,
            }
        )
    return sorted(parties, key=lambda party: party["role"]["code"])


def serialize_agreement_detail(agreement: Agreement, links: PublicLinks) -> dict:
    publication = agreement.publication
    reports = open_data_monev_reports(agreement_id=agreement.pk)
    return {
        **serialize_agreement(agreement, links),
        "scope": agreement.scope,
        "subject": agreement.subject,
        "aims": agreement.aims,
        "level": code_label(agreement.level, agreement.get_level_display()),
        "signed_at": agreement.signed_at,
        "term_years": agreement.term_years,
        "summary": publication.summary,
        "summary_en": publication.summary_en,
        "published_at": publication.first_published_at,
        "related": [
            {
                "relation": str(link["relation"]),
                "id": link["agreement"].pk,
                "title": link["agreement"].title,
                "url": links.agreement(link["agreement"].pk),
                "api_url": links.api("agreement", agreement_id=link["agreement"].pk),
            }
            for link in public_agreement_chain(agreement=agreement)
        ],
        "parties": _parties(agreement),
        "documents": [serialize_document(document, links) for document in public_documents(agreement=agreement)],
        "restricted_document_count": restricted_document_count(agreement=agreement),
        "monev": [serialize_report(report, links) for report in reports],
        "monev_url": links.api("agreement_monev", agreement_id=agreement.pk),
        "ocds_record_url": links.api("ocds_record", agreement_id=agreement.pk),
    }


# -- the list --------------------------------------------------------------------------------------


def _selected_filters(filters: AgreementFilters) -> dict[str, list[str]]:
    """The filters as the catalogue's selectors take them; an id that names nothing is a 400."""
    unknown = []
    for key in ID_FILTERS:
        ids = getattr(filters, key) or []
        missing = unknown_reference_ids(key, ids) if ids else []
        unknown += [{"parameter": key, "value": pk} for pk in missing]
    if unknown:
        names = ", ".join(f"{item['parameter']}={item['value']}" for item in unknown)
        raise ApiError(400, "unknown_value", _("Nilai filter tidak dikenal: %(values)s.") % {"values": names}, unknown)
    return {
        key: list(dict.fromkeys(str(value) for value in getattr(filters, key)))
        for key in FILTER_KEYS
        if getattr(filters, key)
    }


class _EnginePage(Sequence):
    """One page the search engine already cut, posing as the whole list for `paginate`."""

    def __init__(self, rows: list, total: int):
        self.rows, self.total = rows, total

    def __getitem__(self, index):
        return self.rows

    def __len__(self) -> int:
        return self.total


def _search_unavailable(request: HttpRequest) -> HttpResponse:
    response = error_response(
        request,
        ApiError(
            503,
            "search_unavailable",
            _("Pencarian sedang tidak tersedia. Daftar tanpa parameter q tetap dapat dibuka; coba lagi nanti."),
        ),
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _search_request(filters: AgreementFilters, selected: dict, *, sort: str, page: int, page_size: int):
    return SearchRequest(
        text=filters.q or "",
        audience=Audience.anonymous(),
        filters=selected,
        sort=sort,
        page=page,
        page_size=page_size,
        facets=False,
    )


def _matching_ids(filters: AgreementFilters, selected: dict, *, sort: str) -> list[int]:
    """Every agreement the engine finds (at most SEARCH_WINDOW), in its order, for a list the database orders."""
    engine = search_engines.get_engine()
    ids: list[int] = []
    number = 1
    while len(ids) < SEARCH_WINDOW:
        found = engine.search(_search_request(filters, selected, sort=sort, page=number, page_size=SEARCH_BATCH))
        ids += [hit.agreement_id for hit in found.hits]
        if not found.hits or len(ids) >= found.total:
            break
        number += 1
    return ids[:SEARCH_WINDOW]


def _searched(
    request: HttpRequest, response: HttpResponse, filters: AgreementFilters, selected: dict, agreements: QuerySet
) -> dict:
    """A list with `q`: the engine pages it itself when it can order it; else the database orders its hits."""
    sort = filters.sort or RELEVANCE
    serialize = serializer(request, serialize_agreement)
    page, page_size = filters.page, filters.page_size
    if page * page_size > SEARCH_WINDOW:
        raise ApiError(
            400,
            "search_window_exceeded",
            _("Hasil pencarian hanya dapat dibuka sampai hasil ke-%(limit)s. Persempit pencarian dengan filter.")
            % {"limit": SEARCH_WINDOW},
        )
    engine_sort = SEARCH_NEWEST if sort == NEWEST else SEARCH_RELEVANCE
    if sort in (RELEVANCE, NEWEST) and filters.modified_since is None:
        found = search_engines.get_engine().search(
            _search_request(filters, selected, sort=engine_sort, page=page, page_size=page_size)
        )
        rows = open_data_agreements_in_order(ids=[hit.agreement_id for hit in found.hits])
        return paginate(
            request,
            response,
            _EnginePage(rows, found.total),
            page=page,
            page_size=page_size,
            serialize=serialize,
            count=found.total,
        )
    if sort in CATALOGUE_SORTS:
        ids = _matching_ids(filters, selected, sort=SEARCH_NEWEST)
        ordered = order_catalogue(open_data_agreements_among(agreements, ids), sort=CATALOGUE_SORTS[sort])
        return paginate(request, response, ordered, page=page, page_size=page_size, serialize=serialize)
    # Relevance with modified_since: the engine's order, kept for the hits that changed.
    ids = _matching_ids(filters, selected, sort=engine_sort)
    changed = ids_among(agreements, ids)
    return paginate(
        request,
        response,
        [pk for pk in ids if pk in changed],
        page=page,
        page_size=page_size,
        serialize=lambda page_ids: serialize(open_data_agreements_in_order(ids=page_ids)),
    )


@router.get(
    "",
    response={200: Page[AgreementOut], **ERRORS, 503: ErrorOut},
    url_name="agreements",
    summary="Public agreements, filtered and searched",
)
def list_agreements(request: HttpRequest, response: HttpResponse, filters: Query[AgreementFilters]):
    """The public register: published, signed agreements. Without `q`, newest signed first.

    Filters combine as the catalogue's do: values of one filter are alternatives (OR), different
    filters all apply (AND). An unknown id or code is a 400. With `q` the search engine finds the
    agreements (in their fields and in the text of their public documents), best match first
    unless `sort` says otherwise; when it is down the answer is a 503 with Retry-After.
    """
    reject_unknown_parameters(request, AgreementFilters.model_fields)
    selected = _selected_filters(filters)
    q = (filters.q or "").strip()
    if filters.sort == RELEVANCE and not q:
        raise ApiError(400, "invalid_parameter", _("sort=relevance hanya dapat dipakai bersama q."))
    agreements = filter_agreements(open_data_agreements(modified_since=filters.modified_since), selected)
    set_last_modified(response, newest_modification(agreements))
    if q:
        try:
            return _searched(request, response, filters, selected, agreements)
        except SearchUnavailable:
            return _search_unavailable(request)
        except QueryError as error:
            raise ApiError(400, "invalid_query", error.message) from error
    ordered = order_catalogue(with_open_data_relations(agreements), sort=CATALOGUE_SORTS[filters.sort or NEWEST])
    return paginate(
        request,
        response,
        ordered,
        page=filters.page,
        page_size=filters.page_size,
        serialize=serializer(request, serialize_agreement),
    )


# -- one agreement ---------------------------------------------------------------------------------


def _public_agreement(agreement_id: int) -> Agreement:
    agreement = open_data_agreement(pk=agreement_id)
    if agreement is None:
        raise not_found(pgettext("api: the record not found", "Naskah kerja sama"))
    return agreement


@router.get(
    "/{agreement_id}",
    response={200: AgreementDetailOut, **ERRORS},
    url_name="agreement",
    summary="One public agreement in full",
)
def get_agreement(request: HttpRequest, response: HttpResponse, agreement_id: Path[Id]):
    """Everything the agreement's public page shows: parties, term, public documents, the number of
    withheld ones, verified monev reports and the public agreements it is linked to."""
    reject_unknown_parameters(request, ())
    agreement = _public_agreement(agreement_id)
    set_last_modified(response, agreement.modified_at)
    return serialize_agreement_detail(agreement, PublicLinks.for_request(request))


@router.get(
    "/{agreement_id}/monev",
    response={200: Page[MonevReportOut], **ERRORS},
    url_name="agreement_monev",
    summary="Verified monev reports of one public agreement",
)
def agreement_monev(
    request: HttpRequest,
    response: HttpResponse,
    agreement_id: Path[Id],
    params: Query[PageParams],
):
    """The agreement's verified monev reports, newest period first; a 404 when the agreement is not public."""
    reject_unknown_parameters(request, PageParams.model_fields)
    agreement = _public_agreement(agreement_id)
    return report_page(request, response, params, open_data_monev_reports(agreement_id=agreement.pk))
