"""The JSON shapes of the API's resources (agreements, reference data, documents, monev), and its input types.

Each output schema names the public fields one by one; the endpoints build plain dicts of
exactly these keys, so a field added to a model never reaches the API by accident. Contact
data, addresses, NIPs, internal notes, restricted documents and unverified monev have no field.

Money (`value`) is a decimal string such as "150000000.00": JSON numbers cannot carry 18 digits
exactly. Percentages and monev indicator figures are plain numbers.
"""

import datetime
import re
from typing import Annotated, Literal

from django.conf import settings
from django.utils import timezone
from ninja import Schema
from pydantic import BeforeValidator, Field, WithJsonSchema

from cooperation.models import PartnerCategory

from .common import DEFAULT_PAGE_SIZE, MAX_PAGE

MAX_ID = 2_147_483_647  # the largest primary key the databases hold; a larger id is a 400, not a 500
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2200)]
PartnerCategoryCode = Literal[tuple(str(value) for value in PartnerCategory.values)]  # pemda, kl, bumn, …

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$")
EARLIEST_YEAR = 1900
LATEST_YEAR = 9999


def parse_instant(value: object) -> datetime.datetime:
    """An ISO 8601 date or date-time as an aware instant; a date means its midnight in the region's zone.

    Stricter than pydantic's own parsing, which takes "2025" for 2025 seconds after 1970: a
    harvester that sends a year, a timestamp or a date out of range learns of it from a 400.
    """
    text = value.isoformat() if isinstance(value, datetime.datetime | datetime.date) else str(value).strip()
    try:
        if _ISO_DATE.match(text):
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time.min)
        elif _ISO_DATETIME.match(text):
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        else:
            raise ValueError("expected an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS+07:00)")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        in_utc = moment.astimezone(datetime.UTC)
    except OverflowError as error:
        raise ValueError("date out of range") from error
    if not EARLIEST_YEAR <= in_utc.year <= LATEST_YEAR:
        raise ValueError(f"expected a year between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return moment


Instant = Annotated[
    datetime.datetime,
    BeforeValidator(parse_instant),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}],
            "description": "ISO 8601 date or date-time; a date means midnight in the region's time zone (WIB).",
        }
    ),
]


# -- query parameters (endpoints take them as `params: Query[...]`) ---------------------------------


def page_field():
    return Field(1, ge=1, le=MAX_PAGE, description="1 is the first page.")


def page_size_field():
    return Field(DEFAULT_PAGE_SIZE, ge=1, le=settings.OPEN_DATA_MAX_PAGE_SIZE, description="Items per page.")


class PageParams(Schema):
    page: int = page_field()
    page_size: int = page_size_field()


class DocumentFilters(Schema):
    agreement: Id | None = Field(None, description="Only the documents of this agreement.")
    modified_since: Instant | None = Field(None, description="Only documents changed after this instant.")
    page: int = page_field()
    page_size: int = page_size_field()


class MonevFilters(Schema):
    agreement: Id | None = Field(None, description="Only the reports on this agreement.")
    year: Year | None = Field(None, description="Only periods ending in this year.")
    modified_since: Instant | None = Field(None, description="Only reports verified after this instant.")
    page: int = page_field()
    page_size: int = page_size_field()


# -- shared pieces ---------------------------------------------------------------------------------


class CodeLabel(Schema):
    code: str
    label: str = Field(description="In the reader's language (Indonesian by default).")


class ReferenceRef(Schema):
    """A kind of cooperation, a document type or a sector, as an agreement refers to it."""

    id: int
    code: str
    name: str
    name_en: str


class AgencyRef(Schema):
    id: int
    code: str
    name: str
    short_name: str


class PartnerRef(Schema):
    id: int
    name: str
    name_en: str
    category: CodeLabel
    country: str


# -- agreements ------------------------------------------------------------------------------------


class AgreementOut(Schema):
    id: int
    ocid: str = Field(description="Open Contracting ID: the OCDS identifier of this agreement.")
    url: str = Field(description="The agreement's public page.")
    api_url: str
    title: str
    title_en: str
    region_number: str = Field(description="The region's number of the document.")
    partner_numbers: list[str] = Field(description="The partners' numbers of the same document.")
    document_type: ReferenceRef
    kind: ReferenceRef
    status: CodeLabel = Field(description="`expiring` (Akan Berakhir) is derived from the end date.")
    signed_on: datetime.date | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    value: str | None = Field(description='Value in rupiah as a decimal string, e.g. "150000000.00"; null if none.')
    currency: str = "IDR"
    funding_source: CodeLabel
    partners: list[PartnerRef]
    sectors: list[ReferenceRef]
    initiating_agency: AgencyRef
    implementing_agencies: list[AgencyRef]
    modified_at: datetime.datetime = Field(
        description="The latest change to the agreement, its publication, its public documents or its verified monev."
    )


class AgreementLink(Schema):
    relation: str = Field(description="Naskah induk, Adendum, Naskah turunan, Memperpanjang, Diperpanjang oleh.")
    id: int
    title: str
    url: str
    api_url: str


class PartyOut(Schema):
    role: CodeLabel = Field(description="Pihak Kesatu, Pihak Kedua, …: as the document names the party.")
    is_region: bool
    name: str
    number: str
    signatory_name: str
    signatory_position: str
    partner: PartnerRef | None
    agency: AgencyRef | None = Field(description="For agreements between the region's own agencies (antar-OPD).")


class DocumentCategoryOut(Schema):
    code: str
    name: str
    name_en: str


class DocumentOut(Schema):
    id: int
    agreement_id: int
    title: str
    category: DocumentCategoryOut | None
    language: CodeLabel
    version: int
    page_count: int | None
    format: str = Field(description="The file's extension, e.g. pdf.")
    media_type: str
    url: str = Field(description="The document viewer on the public site.")
    download_url: str
    text_url: str = Field(description="The extracted text, page by page, from this API.")
    api_url: str
    modified_at: datetime.datetime


class MonevIndicatorOut(Schema):
    name: str
    unit: str
    target: float
    realisation: float
    percent: float | None = Field(description="Realisation as a share of the target, capped at 100.")


class MonevPeriodOut(Schema):
    label: str
    starts_on: datetime.date
    ends_on: datetime.date


class MonevReportOut(Schema):
    id: int
    agreement_id: int
    agreement_api_url: str
    period: MonevPeriodOut
    realisation_percent: float | None = Field(description="Mean achievement of the indicators, each capped at 100.")
    budget_percent: float | None
    recommendation: CodeLabel
    benefits: str
    indicators: list[MonevIndicatorOut]
    verified_at: datetime.datetime | None
    modified_at: datetime.datetime | None = Field(description="When this version was verified and published.")


class AgreementDetailOut(AgreementOut):
    scope: str
    subject: str
    aims: str
    level: CodeLabel
    signed_at: str = Field(description="Where it was signed.")
    term_years: float | None
    summary: str = Field(description="The plain-language summary published for citizens.")
    summary_en: str
    published_at: datetime.datetime | None
    related: list[AgreementLink] = Field(description="Parent, children, predecessor and successors that are public.")
    parties: list[PartyOut]
    documents: list[DocumentOut] = Field(description="Public documents only.")
    restricted_document_count: int = Field(description="How many documents are withheld (UU 14/2008 art. 17).")
    monev: list[MonevReportOut] = Field(description="Verified monev reports, newest period first.")
    monev_url: str
    ocds_record_url: str


# -- reference data --------------------------------------------------------------------------------


class PartnerOut(Schema):
    id: int
    name: str
    name_en: str
    category: CodeLabel
    country: str
    province: str
    regency_city: str
    website: str
    agreement_count: int = Field(description="Public agreements this partner is party to.")
    url: str
    api_url: str


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    agreement_count: int = Field(description="Public agreements it initiates, implements or signs as a party.")
    initiated_count: int
    implemented_count: int
    url: str
    api_url: str


class SectorOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    agreement_count: int


class KindOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    description: str
    is_foreign: bool
    agreement_count: int


class DocumentTypeOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    role: CodeLabel
    agreement_count: int


class DocumentPageOut(Schema):
    number: int
    text: str
    ocr: bool = Field(description="True when the text was read by OCR from a scan.")


# -- builders of the small shared pieces -----------------------------------------------------------


def code_label(code: str, label: object) -> dict:
    return {"code": str(code), "label": str(label)}


def reference_ref(item) -> dict:
    """A CooperationKind, DocumentType or Sector as `ReferenceRef`."""
    return {"id": item.pk, "code": item.code, "name": item.name, "name_en": item.name_en}


def agency_ref(agency) -> dict:
    return {"id": agency.pk, "code": agency.code, "name": agency.name, "short_name": agency.short_name}


def partner_ref(partner) -> dict:
    """Name, category and country only: never the contact person, e-mail, phone or address."""
    return {
        "id": partner.pk,
        "name": partner.name,
        "name_en": partner.name_en,
        "category": code_label(partner.category, partner.get_category_display()),
        "country": partner.country,
    }


def decimal_number(value) -> float | None:
    return None if value is None else float(value)
