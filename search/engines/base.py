"""The one search interface. Every engine (database, OpenSearch, Elasticsearch) implements it.

Views and selectors only ever talk to `get_engine()` (search.engines) with a `SearchRequest`; the
engine does matching, permission filtering, facets, sorting, highlighting and paging inside its own
query, so what a user may not see never leaves the engine.
"""

from __future__ import annotations

import abc
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# Filter and facet keys: the catalogue's facet keys (cooperation.selectors.catalogue.FACET_COUNTERS).
FILTER_KEYS = ("kind", "document_type", "partner_category", "sector", "agency", "status", "year", "scope")
EXPIRING_SOON = "expiring"  # the derived status value, same as cooperation.models.EXPIRING_SOON

SORT_RELEVANCE = "relevansi"
SORT_NEWEST = "terbaru"
SORT_OLDEST = "terlama"
SORT_CHOICES = (SORT_RELEVANCE, SORT_NEWEST, SORT_OLDEST)

MAX_QUERY_LENGTH = 500  # characters kept of what the user typed; the rest is dropped, with a notice


DEFAULT_INDEX_PREFIX = "simboisker"


@dataclass(frozen=True)
class EngineSettings:
    """SEARCH_URL taken apart (search.engines.parse_search_url); a cluster engine is built as `Engine(settings)`."""

    engine: str  # "database", "opensearch" or "elasticsearch"
    hosts: tuple[str, ...] = ()  # "http://host:9200" / "https://host:9200", without credentials
    username: str = ""
    password: str = ""
    index_prefix: str = DEFAULT_INDEX_PREFIX  # `?index=name`; the cluster engines name their indices and alias after it
    verify_certs: bool = True  # `?verify_certs=false` for a self-signed test cluster


class SearchUnavailable(Exception):
    """The engine cannot be reached. Public search answers 503; the rest of the site keeps working."""


class QueryError(ValueError):
    """The query cannot be run as typed; `message` is for the user (translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Audience:
    """Who is searching, reduced to what the engine filters on.

    public=True: anonymous catalogue: live publications of signed agreements, public documents only.
    public=False: staff archive: every agreement in `agency_ids` (None = the whole register, an
    empty set = nothing), restricted document pages only with `restricted_documents`.
    """

    public: bool = True
    agency_ids: frozenset[int] | None = frozenset()
    restricted_documents: bool = False

    @classmethod
    def anonymous(cls) -> Audience:
        return cls(public=True)


@dataclass(frozen=True)
class PageRecord:
    """One page of one document, as indexed."""

    document_id: int
    document_title: str
    page_number: int  # 1-based
    text: str
    restricted: bool  # Dikecualikan: never shown to the public audience


@dataclass(frozen=True)
class AgreementRecord:
    """Everything an engine indexes about one agreement (built by search.records, never by engines)."""

    id: int
    title: str
    title_en: str
    region_number: str
    partner_numbers: list[str]
    partner_names: list[str]
    agency_names: list[str]
    scope: str
    subject: str
    summary: str  # the publication's summary (Indonesian and English joined)
    # Filters and facets
    kind_id: int | None
    document_type_id: int | None
    partner_categories: list[str]
    sector_ids: list[int]
    initiating_agency_id: int | None
    agency_ids: list[int]  # initiating + implementing: what agency staff scoping uses
    status: str
    signed_on: datetime.date | None
    ends_on: datetime.date | None
    is_foreign: bool
    is_public: bool  # a live publication of a signed agreement
    updated_at: datetime.datetime | None
    pages: list[PageRecord] = field(default_factory=list)


@dataclass(frozen=True)
class SearchRequest:
    text: str  # as typed; engines parse it with search.query.parse_query
    audience: Audience
    filters: dict[str, list[str]] = field(default_factory=dict)  # FILTER_KEYS -> selected values (as strings)
    sort: str = SORT_RELEVANCE
    page: int = 1  # 1-based
    page_size: int = 20
    facets: bool = True
    today: datetime.date | None = None  # for the derived "expiring" status; None = timezone.localdate()


@dataclass(frozen=True)
class Snippet:
    document_id: int
    document_title: str
    page_number: int
    html: str  # escaped text with the matched words in <mark>…</mark>; safe to mark_safe


@dataclass(frozen=True)
class Hit:
    agreement_id: int
    score: float
    snippets: list[Snippet]  # best first, at most 3, only from pages the audience may see
    title_html: str = ""  # highlighted title when the title matched, else ""


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResponse:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]  # disjunctive: each facet counted with the other filters applied
    took_ms: float  # the engine's own time (OpenSearch/Elasticsearch `took`; measured for the database)
    corrected: str = ""  # the query after typo correction, when it changed what was searched


@dataclass(frozen=True)
class PageHit:
    page_number: int
    html: str


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str  # "agreement" or "partner"
    agreement_id: int | None = None
    partner_id: int | None = None


class SearchEngine(abc.ABC):
    """One backend. Instances are cheap; `search.engines.get_engine()` builds one from SEARCH_URL."""

    name: str = ""

    # -- index upkeep ----------------------------------------------------------------------------
    @abc.abstractmethod
    def index(self, records: Iterable[AgreementRecord]) -> int:
        """Add or replace these agreements (with their pages). Returns how many were written."""

    @abc.abstractmethod
    def delete(self, agreement_ids: Iterable[int]) -> None:
        """Remove agreements from the index; unknown ids are ignored."""

    @abc.abstractmethod
    def rebuild(self, records: Iterator[AgreementRecord], *, total: int, progress=None) -> int:
        """Build a fresh index from everything and switch to it at the end (alias swap on the
        cluster engines, so searches keep working meanwhile). `progress(n)` is called as records go in."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Drop everything (tests and reindex)."""

    @abc.abstractmethod
    def refresh(self) -> None:
        """Make what was just written searchable (a no-op where writes are visible at once)."""

    @abc.abstractmethod
    def ping(self) -> bool:
        """True when the engine answers."""

    # -- queries ---------------------------------------------------------------------------------
    @abc.abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse:
        """Raises SearchUnavailable when the engine is down, QueryError for a query it cannot run."""

    @abc.abstractmethod
    def search_document(self, *, agreement_id: int, document_id: int, text: str, audience: Audience) -> list[PageHit]:
        """Pages of one document matching `text`, in page order, with highlighted snippets."""

    @abc.abstractmethod
    def autocomplete(self, *, prefix: str, audience: Audience, limit: int = 8) -> list[Suggestion]:
        """Titles and partner names starting with (or containing a word starting with) `prefix`."""
