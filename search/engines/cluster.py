"""What the OpenSearch and Elasticsearch engines share: index upkeep with an alias swap, and search.

Indices are named `<prefix>-agreements-<timestamp>` and read through the alias `<prefix>-agreements`.
`rebuild` fills a new index, then moves the alias in one `update_aliases` call and drops the old
index, so searches never meet an empty or half-built index. While a rebuild runs, `index()` and
`delete()` write to the building index as well, so an edit made meanwhile is not lost by the swap.

Subclasses only adapt their client (`_create_index`, `_search`, `_bulk`, ...) and map its errors.
"""

from __future__ import annotations

import abc
import datetime
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ..query import ParsedQuery, parse_query, words_of
from . import dsl
from .base import (
    DEFAULT_INDEX_PREFIX,
    AgreementRecord,
    Audience,
    EngineSettings,
    PageHit,
    QueryError,
    SearchEngine,
    SearchRequest,
    SearchResponse,
    SearchUnavailable,
    Suggestion,
)

logger = logging.getLogger(__name__)

REQUEST_TIMEOUT = 5  # seconds: a search that waits longer is better answered with the 503 page
BULK_TIMEOUT = 120  # seconds for one bulk chunk, a refresh or an index creation
BULK_CHUNK_DOCS = 100
BULK_CHUNK_BYTES = 20 * 1024 * 1024
AUTOCOMPLETE_MAX_CHARS = 100


def query_error() -> QueryError:
    return QueryError(_("Pencarian ini tidak dapat dijalankan. Ubah kata kuncinya lalu coba lagi."))


def unavailable(error: Exception) -> SearchUnavailable:
    return SearchUnavailable(_("Mesin pencarian sedang tidak dapat dihubungi.") + f" ({type(error).__name__})")


class ClusterEngine(SearchEngine, abc.ABC):
    """One engine over an OpenSearch or Elasticsearch cluster."""

    def __init__(
        self,
        config: EngineSettings | None = None,
        *,
        hosts: list[str] | None = None,
        index_prefix: str = DEFAULT_INDEX_PREFIX,
        http_auth: tuple[str, str] | None = None,
        use_ssl: bool = False,
        verify_certs: bool = True,
    ):
        if config is not None:
            hosts = list(config.hosts)
            index_prefix = config.index_prefix
            http_auth = (config.username, config.password) if config.username else None
            verify_certs = config.verify_certs
        if not hosts:
            raise ValueError("a cluster engine needs at least one host")
        if use_ssl:
            hosts = [host.replace("http://", "https://", 1) for host in hosts]
        self.hosts = hosts
        self.index_prefix = index_prefix or DEFAULT_INDEX_PREFIX
        self.alias = f"{self.index_prefix}-agreements"
        self.http_auth = http_auth
        self.verify_certs = verify_certs
        self.client = self._make_client()

    @classmethod
    def from_url(cls, url: str) -> ClusterEngine:
        """An engine for a SEARCH_URL such as "opensearch://user:pass@host:9200?index=name"."""
        from . import parse_search_url

        return cls(parse_search_url(url))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {','.join(self.hosts)} alias={self.alias}>"

    # -- the client adapter (one per engine) -------------------------------------------------------
    @abc.abstractmethod
    def _make_client(self) -> Any: ...

    @abc.abstractmethod
    def _create_index(self, name: str, *, aliases: dict[str, Any] | None = None) -> None:
        """Create `name` with dsl.index_settings()/index_mappings(); an existing index is left alone."""

    @abc.abstractmethod
    def _indices(self, pattern: str) -> list[str]:
        """Names of the indices matching `pattern` (none: [])."""

    @abc.abstractmethod
    def _alias_indices(self) -> list[str]:
        """The indices behind the alias (none: [])."""

    @abc.abstractmethod
    def _update_aliases(self, actions: list[dict[str, Any]]) -> None: ...

    @abc.abstractmethod
    def _delete_indices(self, names: list[str]) -> None: ...

    @abc.abstractmethod
    def _put_settings(self, name: str, settings: dict[str, Any]) -> None: ...

    @abc.abstractmethod
    def _refresh(self, name: str) -> None: ...

    @abc.abstractmethod
    def _bulk(self, actions: Iterable[dict[str, Any]]) -> Iterator[bool]:
        """Send bulk actions in chunks; yields once per action (True when it was applied)."""

    @abc.abstractmethod
    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        """Run `body` on the alias; the raw response as a dict. Missing alias: raise _Missing."""

    @abc.abstractmethod
    def _ping(self) -> bool: ...

    # -- index upkeep ------------------------------------------------------------------------------
    def _new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"

    def _initial_index_name(self) -> str:
        # A fixed name, so two processes creating the first index at once create only one.
        return f"{self.alias}-initial"

    def ensure_index(self) -> list[str]:
        """The indices behind the alias, creating a first (empty) one when there is none."""
        current = self._alias_indices()
        if not current:
            self._create_index(self._initial_index_name(), aliases={self.alias: {}})
            current = self._alias_indices()
        return current

    def _write_targets(self) -> list[str]:
        """The live index and any index a rebuild is filling right now."""
        live = self.ensure_index()
        return sorted(set(live) | set(self._indices(f"{self.alias}-*")))

    def index(self, records: Iterable[AgreementRecord]) -> int:
        targets = self._write_targets()
        actions = (
            {"_op_type": "index", "_index": target, "_id": str(record.id), "_source": source}
            for record in records
            for source in [dsl.document(record)]
            for target in targets
        )
        written = sum(1 for ok in self._bulk(actions) if ok)
        return written // max(1, len(targets))

    def delete(self, agreement_ids: Iterable[int]) -> None:
        ids = sorted({int(pk) for pk in agreement_ids})
        if not ids:
            return
        targets = self._write_targets()
        actions = ({"_op_type": "delete", "_index": target, "_id": str(pk)} for pk in ids for target in targets)
        for _ok in self._bulk(actions):
            pass

    def rebuild(self, records: Iterator[AgreementRecord], *, total: int, progress=None) -> int:
        name = self._new_index_name()
        self._create_index(name)
        try:
            # No refreshes while loading; replicas follow once the index is complete.
            self._put_settings(name, {"index": {"refresh_interval": "-1"}})
            written = 0

            def actions() -> Iterator[dict[str, Any]]:
                for record in records:
                    yield {"_op_type": "index", "_index": name, "_id": str(record.id), "_source": dsl.document(record)}

            for ok in self._bulk(actions()):
                if ok:
                    written += 1
                    if progress is not None:
                        progress(1)
            self._put_settings(name, {"index": {"refresh_interval": None}})
            self._refresh(name)
            old = self._alias_indices()
            swap = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            swap.append({"add": {"index": name, "alias": self.alias}})
            self._update_aliases(swap)
        except BaseException:
            self._delete_indices([name])
            raise
        # Everything else under the alias's name is gone now: the previous index, and any
        # half-built one a crashed rebuild left behind.
        stale = [index for index in self._indices(f"{self.alias}-*") if index != name]
        if stale:
            self._delete_indices(stale)
        logger.info("search index %s rebuilt with %s of %s agreements", name, written, total)
        return written

    def clear(self) -> None:
        names = self._indices(f"{self.alias}-*")
        if names:
            self._delete_indices(names)
        self._create_index(self._initial_index_name(), aliases={self.alias: {}})

    def refresh(self) -> None:
        for name in self._write_targets():
            self._refresh(name)

    def ping(self) -> bool:
        try:
            return bool(self._ping())
        except Exception:  # any failure to answer means "down"
            return False

    # -- queries -----------------------------------------------------------------------------------
    def _search_or_empty(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The response, or None when the alias does not exist yet (nothing was ever indexed)."""
        try:
            return self._search(body)
        except _Missing:
            return None

    def search(self, request: SearchRequest) -> SearchResponse:
        parsed = parse_query(request.text)
        today = request.today or timezone.localdate()
        response = self._run(parsed, request, today)
        if response is None:
            return SearchResponse(total=0, hits=[], facets={}, took_ms=0.0)
        took = float(response.get("took", 0))
        corrected = ""
        terms = dsl.searchable_terms(parsed)
        if dsl.total_of(response) == 0 and terms:
            fixed = self._corrected(parsed, terms)
            if fixed is not None:
                retry = self._run(fixed, request, today)
                if retry is not None:
                    took += float(retry.get("took", 0))
                    if dsl.total_of(retry):
                        response, corrected = retry, fixed.text
        return SearchResponse(
            total=dsl.total_of(response),
            hits=dsl.hits_of(response),
            facets=dsl.facets_of(response),
            took_ms=took,
            corrected=corrected,
        )

    def _run(self, parsed: ParsedQuery, request: SearchRequest, today: datetime.date) -> dict[str, Any] | None:
        body = dsl.search_body(
            parsed,
            audience=request.audience,
            filters=request.filters,
            sort=request.sort,
            page=request.page,
            page_size=request.page_size,
            facets=request.facets,
            today=today,
        )
        return self._search_or_empty(body)

    def _corrected(self, parsed: ParsedQuery, terms: list[str]) -> ParsedQuery | None:
        """The query with each unknown word replaced by its nearest indexed word; None if none changed."""
        response = self._search_or_empty(dsl.suggest_body(terms))
        if response is None:
            return None
        corrections = dsl.corrections_of(response)
        replaced = [corrections.get(dsl.fold(term), term) for term in parsed.terms]
        if replaced == parsed.terms:
            return None
        return ParsedQuery(terms=replaced, phrases=parsed.phrases, truncated=parsed.truncated)

    def search_document(self, *, agreement_id: int, document_id: int, text: str, audience: Audience) -> list[PageHit]:
        parsed = parse_query(text)
        if not dsl.searchable_terms(parsed) and not parsed.phrases:
            return []
        body = dsl.document_body(agreement_id=agreement_id, document_id=document_id, parsed=parsed, audience=audience)
        response = self._search_or_empty(body)
        return dsl.page_hits_of(response) if response else []

    def autocomplete(self, *, prefix: str, audience: Audience, limit: int = 8) -> list[Suggestion]:
        words = words_of((prefix or "")[:AUTOCOMPLETE_MAX_CHARS])[:8]
        if not words or len(" ".join(words)) < 2:
            return []
        response = self._search_or_empty(dsl.autocomplete_body(words, audience=audience, limit=limit))
        if response is None:
            return []
        agreements: list[Suggestion] = []
        partner_names: dict[str, None] = {}
        for hit in response["hits"]["hits"]:
            source = hit.get("_source") or {}
            title = source.get("title") or ""
            if title and dsl.starts_a_word(title, words):
                agreements.append(Suggestion(label=title, kind="agreement", agreement_id=int(hit["_id"])))
            for name in source.get("partner_names") or []:
                if dsl.starts_a_word(name, words):
                    partner_names.setdefault(name)
        suggestions = agreements[:limit] + self._partners(list(partner_names))[:limit]
        typed = " ".join(words)
        return sorted(suggestions, key=lambda s: (not dsl.fold(s.label).startswith(typed), s.kind))[:limit]

    @staticmethod
    def _partners(names: list[str]) -> list[Suggestion]:
        """Partner suggestions for names found on agreements the audience may see.

        The index holds partner names (and the names of agencies that are parties); the partner's id
        that the suggestion links to comes from the register, for those names only.
        """
        if not names:
            return []
        from django.db.models import Q

        from cooperation.models import Partner

        found: dict[int, str] = {}
        rows = Partner.objects.filter(Q(name__in=names) | Q(name_en__in=names)).values_list("pk", "name", "name_en")
        for pk, name, name_en in rows.order_by("name", "pk"):
            found.setdefault(pk, name if name in names else name_en)
        return [Suggestion(label=label, kind="partner", partner_id=pk) for pk, label in found.items()]


class _Missing(Exception):
    """The alias (hence the index) does not exist yet."""
