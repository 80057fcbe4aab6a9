"""Partners, agencies, sectors, kinds of cooperation and document types: who and what the register names.

Partners and agencies appear once they are party to (or initiate, implement) a public agreement;
a partner's contact person, e-mail, phone and address are never part of the answer. Sectors,
kinds and document types are listed whole, each with its count of public agreements: their ids
are what the filters of /agreements take.
"""

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import pgettext
from ninja import Path, Query, Router, Schema
from pydantic import Field

from cooperation.models import Agency, CooperationKind, DocumentType, Partner, Sector
from cooperation.selectors.open_data import (
    newest_modification,
    open_data_agencies,
    open_data_agency,
    open_data_agreements,
    open_data_agreements_of_agency,
    open_data_agreements_of_partner,
    open_data_document_types,
    open_data_kinds,
    open_data_partner,
    open_data_partners,
    open_data_sectors,
)

from ..open_data.links import PublicLinks
from .common import ERRORS, Page, PageChoice, list_page, reject_unknown_parameters, set_last_modified
from .errors import not_found
from .schemas import (
    AgencyOut,
    DocumentTypeOut,
    Id,
    KindOut,
    PageParams,
    PartnerCategoryCode,
    PartnerOut,
    SectorOut,
    agency_ref,
    code_label,
    page_field,
    page_size_field,
    partner_ref,
    reference_ref,
)

router = Router()

M = TypeVar("M", bound=Model)


class PartnerFilters(Schema):
    category: list[PartnerCategoryCode] | None = Field(None, description="Partner category codes.")
    page: int = page_field()
    page_size: int = page_size_field()


def serialize_partner(partner: Partner, links: PublicLinks) -> dict:
    """The public fields of a partner, named one by one (here and in `partner_ref`): never its contact person,
    e-mail, phone or address."""
    return {
        **partner_ref(partner),
        "province": partner.province,
        "regency_city": partner.regency_city,
        "website": partner.website,
        "agreement_count": partner.agreement_count,
        "url": links.partner(partner.pk),
        "api_url": links.api("partner", partner_id=partner.pk),
    }


def serialize_agency(agency: Agency, links: PublicLinks) -> dict:
    return {
        **agency_ref(agency),
        "agreement_count": agency.agreement_count,
        "initiated_count": agency.initiated_count,
        "implemented_count": agency.implemented_count,
        "url": links.agency(agency.pk),
        "api_url": links.api("agency", agency_id=agency.pk),
    }


def serialize_sector(sector: Sector) -> dict:
    return {**reference_ref(sector), "agreement_count": sector.agreement_count}


def serialize_kind(kind: CooperationKind) -> dict:
    return {
        **reference_ref(kind),
        "description": kind.description,
        "is_foreign": kind.is_foreign,
        "agreement_count": kind.agreement_count,
    }


def serialize_document_type(document_type: DocumentType) -> dict:
    return {
        **reference_ref(document_type),
        "role": code_label(document_type.role, document_type.get_role_display()),
        "agreement_count": document_type.agreement_count,
    }


def _reference_page(
    request: HttpRequest, response: HttpResponse, params: PageChoice, items: QuerySet, serialize: Callable[[Any], dict]
) -> dict:
    """A page of a reference list. Reference lists change with the public register: its newest change
    is their Last-Modified."""
    return list_page(
        request,
        response,
        params,
        items,
        last_modified=newest_modification(open_data_agreements()),
        serialize=lambda rows: [serialize(row) for row in rows],
    )


def _reference_item(
    request: HttpRequest,
    response: HttpResponse,
    item: M | None,
    *,
    missing: str,
    agreements_of: Callable[[M], QuerySet],
    serialize: Callable[[M, PublicLinks], dict],
) -> dict:
    """A partner or an agency found among the public ones (else a 404 naming `missing`); its
    Last-Modified is the newest change of its public agreements."""
    if item is None:
        raise not_found(missing)
    set_last_modified(response, newest_modification(agreements_of(item)))
    return serialize(item, PublicLinks.for_request(request))


# -- partners --------------------------------------------------------------------------------------


@router.get(
    "/partners",
    response={200: Page[PartnerOut], **ERRORS},
    url_name="partners",
    summary="Partners of public agreements",
)
def list_partners(request: HttpRequest, response: HttpResponse, params: Query[PartnerFilters]):
    """Every partner (mitra) party to at least one public agreement, by name, with how many."""
    reject_unknown_parameters(request, PartnerFilters.model_fields)
    serialize = partial(serialize_partner, links=PublicLinks.for_request(request))
    return _reference_page(request, response, params, open_data_partners(categories=params.category), serialize)


@router.get(
    "/partners/{partner_id}",
    response={200: PartnerOut, **ERRORS},
    url_name="partner",
    summary="One partner of public agreements",
)
def get_partner(request: HttpRequest, response: HttpResponse, partner_id: Path[Id]):
    """A partner party to a public agreement; any other partner is a 404."""
    reject_unknown_parameters(request, ())
    return _reference_item(
        request,
        response,
        open_data_partner(pk=partner_id),
        missing=pgettext("api: the record not found", "Mitra"),
        agreements_of=lambda partner: open_data_agreements_of_partner(partner=partner),
        serialize=serialize_partner,
    )


# -- agencies --------------------------------------------------------------------------------------


@router.get(
    "/agencies",
    response={200: Page[AgencyOut], **ERRORS},
    url_name="agencies",
    summary="Agencies (OPD) with public agreements",
)
def list_agencies(request: HttpRequest, response: HttpResponse, params: Query[PageParams]):
    """Agencies that initiate, implement or (antar-OPD) sign a public agreement, by name; ids for `agency`."""
    reject_unknown_parameters(request, PageParams.model_fields)
    serialize = partial(serialize_agency, links=PublicLinks.for_request(request))
    return _reference_page(request, response, params, open_data_agencies(), serialize)


@router.get(
    "/agencies/{agency_id}",
    response={200: AgencyOut, **ERRORS},
    url_name="agency",
    summary="One agency (OPD) with public agreements",
)
def get_agency(request: HttpRequest, response: HttpResponse, agency_id: Path[Id]):
    """An agency with at least one public agreement; any other agency is a 404."""
    reject_unknown_parameters(request, ())
    return _reference_item(
        request,
        response,
        open_data_agency(pk=agency_id),
        missing=pgettext("api: the record not found", "Perangkat daerah"),
        agreements_of=lambda agency: open_data_agreements_of_agency(agency=agency),
        serialize=serialize_agency,
    )


# -- sectors, kinds, document types ----------------------------------------------------------------


@router.get(
    "/sectors",
    response={200: Page[SectorOut], **ERRORS},
    url_name="sectors",
    summary="Sectors (urusan pemerintahan)",
)
def list_sectors(request: HttpRequest, response: HttpResponse, params: Query[PageParams]):
    """Every government affair an agreement may serve, with its count of public agreements; ids for `sector`."""
    reject_unknown_parameters(request, PageParams.model_fields)
    return _reference_page(request, response, params, open_data_sectors(), serialize_sector)


@router.get(
    "/kinds",
    response={200: Page[KindOut], **ERRORS},
    url_name="kinds",
    summary="Kinds of cooperation (KSDD, KSDPK, …)",
)
def list_kinds(request: HttpRequest, response: HttpResponse, params: Query[PageParams]):
    """Every kind of cooperation, with its count of public agreements; ids for `kind`."""
    reject_unknown_parameters(request, PageParams.model_fields)
    return _reference_page(request, response, params, open_data_kinds(), serialize_kind)


@router.get(
    "/document-types",
    response={200: Page[DocumentTypeOut], **ERRORS},
    url_name="document_types",
    summary="Document types (KSB/MoU, PKS, adendum, …)",
)
def list_document_types(request: HttpRequest, response: HttpResponse, params: Query[PageParams]):
    """Every document type, with its place in the chain and its count of public agreements; ids for `document_type`."""
    reject_unknown_parameters(request, PageParams.model_fields)
    return _reference_page(request, response, params, open_data_document_types(), serialize_document_type)
