"""The database engine: SQLite FTS5 by default, PostgreSQL full-text search in production.

Text is stemmed in Python (search.analysis) before it is stored, so both databases only compare
stems: FTS5 with the plain `unicode61` tokenizer, PostgreSQL with the 'simple' configuration.
Field boosts: title > numbers and names > summary, scope, subject > document pages (bm25 column
weights on SQLite, setweight A/B/C/D with ts_rank_cd on PostgreSQL).

Permission filtering happens in the SQL: the public audience is joined to `public_agreements()`
and never matches restricted pages (a column filter on SQLite, a separate tsvector on
PostgreSQL); staff are held to their agency scope. Every match expression is built here from
the parsed words, each quoted, and passed as a parameter: user syntax never reaches the database.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from ..analysis import STOP_WORDS, fold, query_stems, stem, tokens
from ..query import ParsedQuery, parse_query
from ..snippets import Highlighter, highlight_all, snippet
from .base import (
    SORT_NEWEST,
    SORT_OLDEST,
    AgreementRecord,
    Audience,
    FacetCount,
    Hit,
    PageHit,
    QueryError,
    SearchEngine,
    SearchRequest,
    SearchResponse,
    Snippet,
    Suggestion,
)

# bm25 weights of search_agreement_fts's columns, in their order (title, meta, summary, public body, restricted body).
BM25_WEIGHTS = (10.0, 5.0, 2.0, 1.0, 1.0)
PUBLIC_COLUMNS = "{title_terms meta_terms summary_terms body_public_terms}"
MAX_SNIPPETS = 3
MAX_PAGE_SIZE = 100
MAX_DOCUMENT_HITS = 500
VOCABULARY_MIN_LENGTH = 3
MAX_CORRECTION_CANDIDATES = 20_000
INDEX_BATCH = 200


@dataclass(frozen=True)
class _Match:
    """A parsed query as stems: every part must match (AND)."""

    stems: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not self.stems and not self.phrases

    def highlighter(self) -> Highlighter:
        return Highlighter(stems=frozenset(self.stems), phrases=self.phrases)


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in (fold(w) for w in phrase.split()) if word not in STOP_WORDS)


def _match_of(parsed: ParsedQuery, replacements: dict[str, str] | None = None) -> _Match:
    replacements = replacements or {}
    stems = list(query_stems([replacements.get(term, term) for term in parsed.terms]))
    phrases = []
    for phrase in parsed.phrases:
        words = _phrase_stems(phrase)
        if len(words) == 1:
            if words[0] not in stems:
                stems.append(words[0])
        elif words and words not in phrases:
            phrases.append(words)
    return _Match(stems=tuple(stems), phrases=tuple(phrases))


def _fts_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self):
        self._known_words: set[str] = set()

    @property
    def vendor(self) -> str:
        return connection.vendor

    # -- index upkeep ----------------------------------------------------------------------------

    def index(self, records: Iterable[AgreementRecord], *, progress=None) -> int:
        written = 0
        batch: list[AgreementRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) >= INDEX_BATCH:
                written += self._index_batch(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            written += self._index_batch(batch)
            if progress:
                progress(len(batch))
        return written

    def _index_batch(self, records: list[AgreementRecord]) -> int:
        from ..models import SearchAgreement, SearchPage

        now = timezone.now()
        rows, pages, words = [], [], {}
        for record in records:
            public_body, restricted_body = [], []
            for page in record.pages:
                terms = self._analyze(page.text, words)
                (restricted_body if page.restricted else public_body).append(terms)
                pages.append(
                    SearchPage(
                        agreement_id=record.id,
                        document_id=page.document_id,
                        document_title=page.document_title[:255],
                        page_number=page.page_number,
                        restricted=page.restricted,
                        text=page.text,
                        terms=terms,
                    )
                )
            meta = " ".join(
                [record.region_number, *record.partner_numbers, *record.partner_names, *record.agency_names]
            )
            rows.append(
                SearchAgreement(
                    agreement_id=record.id,
                    title=record.title,
                    signed_on=record.signed_on,
                    title_terms=self._analyze(f"{record.title}\n{record.title_en}", words),
                    meta_terms=self._analyze(meta, words),
                    summary_terms=self._analyze(f"{record.summary}\n{record.scope}\n{record.subject}", words),
                    body_public_terms="\n".join(public_body),
                    body_restricted_terms="\n".join(restricted_body),
                    indexed_at=now,
                )
            )
        ids = [record.id for record in records]
        with transaction.atomic():
            SearchPage.objects.filter(agreement_id__in=ids).delete()
            SearchAgreement.objects.filter(agreement_id__in=ids).delete()
            SearchAgreement.objects.bulk_create(rows, batch_size=100)
            SearchPage.objects.bulk_create(pages, batch_size=200)
            self._remember_words(words)
        return len(rows)

    @staticmethod
    def _analyze(text: str, words: dict[str, str]) -> str:
        """Stemmed text; the alphabetic words met on the way go into `words` (word -> stem) for the vocabulary."""
        stems = []
        for _start, _end, word in tokens(text):
            if word in STOP_WORDS:
                continue
            stemmed = stem(word)
            stems.append(stemmed)
            if len(word) >= VOCABULARY_MIN_LENGTH and word.isalpha():
                words[word] = stemmed
        return " ".join(stems)

    def _remember_words(self, words: dict[str, str]) -> None:
        from ..models import SearchTerm

        new = [word for word in words if word not in self._known_words]
        for start in range(0, len(new), 500):
            chunk = new[start : start + 500]
            existing = set(SearchTerm.objects.filter(word__in=chunk).values_list("word", flat=True))
            SearchTerm.objects.bulk_create(
                [SearchTerm(word=w, stem=words[w][:64], length=len(w)) for w in chunk if w not in existing],
                batch_size=500,
                ignore_conflicts=True,
            )
        if len(self._known_words) > 500_000:
            self._known_words.clear()
        self._known_words.update(new)

    def delete(self, agreement_ids: Iterable[int]) -> None:
        from ..models import SearchAgreement, SearchPage

        ids = list(agreement_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            with transaction.atomic():
                SearchPage.objects.filter(agreement_id__in=chunk).delete()
                SearchAgreement.objects.filter(agreement_id__in=chunk).delete()

    def rebuild(self, records: Iterator[AgreementRecord], *, total: int, progress=None) -> int:
        """Replace entries batch by batch, then drop what was not rewritten: searches keep working throughout."""
        from ..models import SearchAgreement, SearchPage

        started = timezone.now()
        written = self.index(records, progress=progress)
        stale = list(SearchAgreement.objects.filter(indexed_at__lt=started).values_list("agreement_id", flat=True))
        self.delete(stale)
        SearchPage.objects.exclude(agreement_id__in=SearchAgreement.objects.values("agreement_id")).delete()
        if self.vendor == "sqlite":
            # Every batch left its own FTS5 segments and delete markers (bench: 285 MB, queries 3x slower);
            # merging them into one costs ~8 s at 200,000 pages.
            with connection.cursor() as cursor:
                for table in ("search_agreement_fts", "search_page_fts"):
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        return written

    def clear(self) -> None:
        from ..models import SearchAgreement, SearchPage, SearchTerm

        with transaction.atomic():
            SearchPage.objects.all().delete()
            SearchAgreement.objects.all().delete()
            SearchTerm.objects.all().delete()
        self._known_words.clear()

    def refresh(self) -> None:
        """Writes are visible as soon as they are committed."""

    def ping(self) -> bool:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except DatabaseError:
            return False

    # -- who may see what ------------------------------------------------------------------------

    @staticmethod
    def _visible(audience: Audience) -> QuerySet:
        from cooperation.models import Agreement
        from cooperation.selectors.public import public_agreements

        if audience.public:
            # The join itself, not `pk IN (subquery)`: SQLite would build the list of every public id
            # again for each count, facet and ranking query (~25 ms each at 20,000 agreements).
            return public_agreements()
        if audience.agency_ids is None:
            return Agreement.objects.all()
        if not audience.agency_ids:
            return Agreement.objects.none()
        agency_ids = sorted(audience.agency_ids)
        implemented = Agreement.implementing_agencies.through.objects.filter(agency_id__in=agency_ids).values(
            "agreement_id"
        )
        return Agreement.objects.filter(Q(initiating_agency_id__in=agency_ids) | Q(pk__in=implemented))

    @staticmethod
    def _sees_restricted(audience: Audience) -> bool:
        return not audience.public and audience.restricted_documents

    # -- match expressions -----------------------------------------------------------------------

    def _sqlite_expression(self, match: _Match, *, any_part: bool = False) -> str:
        parts = [_fts_quote(s) for s in match.stems] + [_fts_quote(" ".join(p)) for p in match.phrases]
        return (" OR " if any_part else " AND ").join(parts)

    def _pg_tsquery(self, match: _Match, *, any_part: bool = False) -> tuple[str, list[str]]:
        """A tsquery built from plain text only (plainto/phraseto_tsquery): no user syntax is ever parsed."""
        sql, params = [], []
        if any_part:
            for part in match.stems:
                sql.append("plainto_tsquery('simple'::regconfig, %s)")
                params.append(part)
        elif match.stems:
            sql.append("plainto_tsquery('simple'::regconfig, %s)")
            params.append(" ".join(match.stems))
        for phrase in match.phrases:
            sql.append("phraseto_tsquery('simple'::regconfig, %s)")
            params.append(" ".join(phrase))
        return "(" + (" || " if any_part else " && ").join(sql) + ")", params

    def _matched(self, match: _Match, audience: Audience) -> RawSQL:
        """The matching ids, as what the count, the ranking and every facet count filter on.

        On PostgreSQL the match runs once and goes in as one array parameter: left as a subquery
        inside each facet's count, a planner with stale statistics re-ran it for every row (seen in
        CI: a 2,000-agreement catalogue search took over ten minutes). SQLite keeps the subquery, which
        it runs once per query anyway; a long id list there was slower (bench: 550 ms -> 1.6 s).
        """
        ids_sql, ids_params = self._matching_ids_sql(match, audience)
        if self.vendor != "postgresql":
            return RawSQL(ids_sql, ids_params)
        with connection.cursor() as cursor:
            cursor.execute(ids_sql, ids_params)
            ids = [row[0] for row in cursor.fetchall()]
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])

    def _matching_ids_sql(self, match: _Match, audience: Audience) -> tuple[str, list]:
        """SQL selecting the ids of agreements matching `match` in what `audience` may search."""
        restricted = self._sees_restricted(audience)
        if self.vendor == "sqlite":
            expression = self._sqlite_expression(match)
            if not restricted:
                expression = f"{PUBLIC_COLUMNS} : ({expression})"
            return "SELECT rowid FROM search_agreement_fts WHERE search_agreement_fts MATCH %s", [expression]
        tsquery, params = self._pg_tsquery(match)
        column = "doc_all" if restricted else "doc_public"
        # Positions in a tsvector stop at 16,383: a phrase deep inside a long document is still
        # found through its page.
        page_filter = "" if restricted else " AND NOT p.restricted"
        sql = (
            f"SELECT s.agreement_id FROM agreement_search_searchagreement s WHERE s.{column} @@ {tsquery} "
            f"UNION SELECT p.agreement_id FROM agreement_search_searchpage p WHERE p.body @@ {tsquery}{page_filter}"
        )
        return sql, params + params

    # -- typo tolerance --------------------------------------------------------------------------

    def _corrections(self, parsed: ParsedQuery) -> dict[str, str]:
        """Query words whose stem the index has never seen, mapped to the nearest indexed word."""
        from ..models import SearchTerm

        candidates = {}
        for term in parsed.terms:
            word = fold(term)
            if word in STOP_WORDS or len(word) < 4 or not word.isalpha():
                continue
            candidates[term] = word
        if not candidates:
            return {}
        stems = {word: stem(word) for word in candidates.values()}
        known = set(SearchTerm.objects.filter(stem__in=set(stems.values())).values_list("stem", flat=True))
        corrections = {}
        for term, word in candidates.items():
            if stems[word] in known:
                continue
            limit = 2 if len(word) >= 8 else 1
            rows = (
                SearchTerm.objects.filter(
                    length__gte=len(word) - limit, length__lte=len(word) + limit, word__startswith=word[0]
                )
                .order_by()
                .values_list("word", flat=True)[:MAX_CORRECTION_CANDIDATES]
            )
            best, best_distance = None, limit + 1
            for candidate in rows:
                distance = _edit_distance(word, candidate, limit)
                if distance < best_distance or (
                    distance == best_distance and best is not None and (len(candidate), candidate) < (len(best), best)
                ):
                    best, best_distance = candidate, distance
            if best is not None and best_distance <= limit:
                corrections[term] = best
        return corrections

    # -- search ----------------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        parsed = parse_query(request.text)
        match = _match_of(parsed)
        try:
            with transaction.atomic():
                response = self._search(request, match)
                corrected = ""
                if response.total == 0 and not match.is_empty:
                    replacements = self._corrections(parsed)
                    if replacements:
                        fixed = _match_of(parsed, replacements)
                        retry = self._search(request, fixed)
                        if retry.total:
                            response = retry
                            corrected = ParsedQuery(
                                terms=[replacements.get(term, term) for term in parsed.terms],
                                phrases=parsed.phrases,
                            ).text
        except DatabaseError as error:
            raise QueryError(_("Pencarian ini tidak dapat dijalankan. Coba kata kunci lain.")) from error
        took = (time.perf_counter() - started) * 1000
        return SearchResponse(
            total=response.total, hits=response.hits, facets=response.facets, took_ms=took, corrected=corrected
        )

    def _search(self, request: SearchRequest, match: _Match) -> SearchResponse:
        from cooperation.selectors.catalogue import catalogue_facets, filter_agreements

        visible = self._visible(request.audience)
        if not match.is_empty:
            visible = visible.filter(pk__in=self._matched(match, request.audience))
        filters = {key: list(values) for key, values in (request.filters or {}).items() if values}
        filtered = filter_agreements(visible, filters, today=request.today)
        total = filtered.count()
        page_size = max(1, min(request.page_size, MAX_PAGE_SIZE))
        offset = (max(1, request.page) - 1) * page_size
        ranked = self._ranked(filtered, match, request, offset, page_size) if total > offset else []
        facets = {}
        if request.facets:
            from .base import FILTER_KEYS

            bases = {key: filter_agreements(visible, filters, skip=key, today=request.today) for key in FILTER_KEYS}
            facets = {
                key: [FacetCount(option.value, option.count) for option in options]
                for key, options in catalogue_facets(
                    bases=bases, selected=filters, staff=not request.audience.public
                ).items()
            }
        hits = self._hits(ranked, match, request.audience)
        return SearchResponse(total=total, hits=hits, facets=facets, took_ms=0.0)

    def _ranked(
        self, filtered: QuerySet, match: _Match, request: SearchRequest, offset: int, limit: int
    ) -> list[tuple[int, float]]:
        from django.db.models import F

        if match.is_empty or request.sort in (SORT_NEWEST, SORT_OLDEST):
            if request.sort == SORT_OLDEST:
                order = (F("signed_on").asc(nulls_last=True), "pk")
            else:
                order = (F("signed_on").desc(nulls_last=True), "-pk")
            ids = filtered.order_by(*order).values_list("pk", flat=True)[offset : offset + limit]
            return [(pk, 0.0) for pk in ids]
        inner_sql, inner_params = filtered.order_by().values("pk").query.sql_with_params()
        restricted = self._sees_restricted(request.audience)
        if self.vendor == "sqlite":
            expression = self._sqlite_expression(match)
            if not restricted:
                expression = f"{PUBLIC_COLUMNS} : ({expression})"
            weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
            sql = (
                f"SELECT f.rowid, -bm25(search_agreement_fts, {weights}) AS score "
                "FROM search_agreement_fts f JOIN cooperation_agreement a ON a.id = f.rowid "
                # "+f.rowid": the IN list must not reach FTS5 as rowid=? lookups, one full match each.
                f"WHERE search_agreement_fts MATCH %s AND +f.rowid IN ({inner_sql}) "
                "ORDER BY score DESC, a.signed_on IS NULL, a.signed_on DESC, a.id DESC LIMIT %s OFFSET %s"
            )
            params = [expression, *inner_params, limit, offset]
        else:
            tsquery, tsparams = self._pg_tsquery(match)
            column = "doc_all" if restricted else "doc_public"
            # Agreements found only through a page (see _matching_ids_sql) rank as 0, after the rest.
            sql = (
                f"SELECT a.id, COALESCE(ts_rank_cd(s.{column}, {tsquery}), 0) AS score "
                "FROM cooperation_agreement a LEFT JOIN agreement_search_searchagreement s ON s.agreement_id = a.id "
                f"WHERE a.id IN ({inner_sql}) "
                "ORDER BY score DESC, a.signed_on DESC NULLS LAST, a.id DESC LIMIT %s OFFSET %s"
            )
            params = [*tsparams, *inner_params, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], float(row[1] or 0)) for row in cursor.fetchall()]

    def _best_pages(
        self, match: _Match, audience: Audience, *, agreement_ids: list[int], per_agreement: int
    ) -> dict[int, list[tuple]]:
        """The best pages of each agreement for `match` (any of its words), best first."""
        if not agreement_ids or match.is_empty:
            return {}
        placeholders = ", ".join(["%s"] * len(agreement_ids))
        restricted_filter = "" if self._sees_restricted(audience) else " AND NOT p.restricted"
        if self.vendor == "sqlite":
            from django.db.models import Max, Min

            from ..models import SearchPage

            # An agreement's pages are written together, so their ids form one range: FTS5 then
            # ranks only the pages of these agreements, however common the words are elsewhere.
            ranges = (
                SearchPage.objects.filter(agreement_id__in=agreement_ids)
                .values("agreement_id")
                .annotate(low=Min("id"), high=Max("id"))
                .order_by()
                .values_list("low", "high")
            )
            expression = self._sqlite_expression(match, any_part=True)
            selects, params = [], []
            for low, high in ranges:
                selects.append(
                    "SELECT rowid AS page_id, -bm25(search_page_fts) AS score FROM search_page_fts "
                    "WHERE search_page_fts MATCH %s AND rowid BETWEEN %s AND %s"
                )
                params += [expression, low, high]
            if not selects:
                return {}
            matched = " UNION ALL ".join(selects)
        else:
            tsquery, params = self._pg_tsquery(match, any_part=True)
            matched = (
                f"SELECT id AS page_id, ts_rank_cd(body, {tsquery}) AS score FROM agreement_search_searchpage "
                f"WHERE agreement_id IN ({placeholders}) AND body @@ {tsquery}"
            )
            params = [*params, *agreement_ids, *params]
        sql = (
            "SELECT agreement_id, document_id, document_title, page_number, text FROM ("
            " SELECT p.agreement_id, p.document_id, p.document_title, p.page_number, p.text,"
            " ROW_NUMBER() OVER (PARTITION BY p.agreement_id ORDER BY m.score DESC, p.document_id, p.page_number) AS rn"
            f" FROM ({matched}) m JOIN agreement_search_searchpage p ON p.id = m.page_id"
            f" WHERE p.agreement_id IN ({placeholders}){restricted_filter}"
            ") ranked WHERE rn <= %s ORDER BY agreement_id, rn"
        )
        params = [*params, *agreement_ids, per_agreement]
        pages: dict[int, list[tuple]] = defaultdict(list)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for agreement_id, document_id, document_title, page_number, text in cursor.fetchall():
                pages[agreement_id].append((document_id, document_title, page_number, text))
        return pages

    def _hits(self, ranked: list[tuple[int, float]], match: _Match, audience: Audience) -> list[Hit]:
        from ..models import SearchAgreement

        if not ranked:
            return []
        ids = [pk for pk, _score in ranked]
        highlighter = match.highlighter()
        titles = dict(SearchAgreement.objects.filter(agreement_id__in=ids).values_list("agreement_id", "title"))
        pages = self._best_pages(match, audience, agreement_ids=ids, per_agreement=MAX_SNIPPETS * 2)
        hits = []
        for pk, score in ranked:
            snippets = []
            for document_id, document_title, page_number, text in pages.get(pk, []):
                html, _weight = snippet(text, highlighter)
                if html:
                    snippets.append(Snippet(document_id, document_title, page_number, html))
                if len(snippets) == MAX_SNIPPETS:
                    break
            title_html = highlight_all(titles.get(pk, ""), highlighter) if not match.is_empty else ""
            hits.append(Hit(agreement_id=pk, score=score, snippets=snippets, title_html=title_html))
        return hits

    # -- within one document ---------------------------------------------------------------------

    def search_document(self, *, agreement_id: int, document_id: int, text: str, audience: Audience) -> list[PageHit]:
        from ..models import SearchPage

        match = _match_of(parse_query(text))
        if match.is_empty or not self._visible(audience).filter(pk=agreement_id).exists():
            return []
        pages = SearchPage.objects.filter(agreement_id=agreement_id, document_id=document_id)
        if not self._sees_restricted(audience):
            pages = pages.filter(restricted=False)
        try:
            with transaction.atomic():
                if self.vendor == "sqlite":
                    matched = RawSQL(
                        "SELECT rowid FROM search_page_fts WHERE search_page_fts MATCH %s",
                        [self._sqlite_expression(match)],
                    )
                    pages = pages.filter(pk__in=matched)
                else:
                    tsquery, params = self._pg_tsquery(match)
                    pages = pages.extra(where=[f"body @@ {tsquery}"], params=params)
                rows = list(pages.order_by("page_number").values_list("page_number", "text")[:MAX_DOCUMENT_HITS])
        except DatabaseError as error:
            raise QueryError(_("Pencarian ini tidak dapat dijalankan. Coba kata kunci lain.")) from error
        highlighter = match.highlighter()
        hits = []
        for page_number, page_text in rows:
            html, _score = snippet(page_text, highlighter)
            if html:
                hits.append(PageHit(page_number=page_number, html=html))
        return hits

    # -- autocomplete ----------------------------------------------------------------------------

    def autocomplete(self, *, prefix: str, audience: Audience, limit: int = 8) -> list[Suggestion]:
        from django.db.models import Case, IntegerField, Value, When

        from cooperation.models import Partner

        words = parse_query(prefix).words
        prefix = " ".join(words)[:100]
        if len(prefix) < 2:
            return []
        visible = self._visible(audience)
        starts_first = Case(
            When(title__istartswith=prefix, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        agreements = (
            visible.filter(Q(title__icontains=prefix) | Q(title_en__icontains=prefix))
            .annotate(rank=starts_first)
            .order_by("rank", "title", "pk")
            .values_list("pk", "title")[:limit]
        )
        suggestions = [Suggestion(label=title, kind="agreement", agreement_id=pk) for pk, title in agreements]
        partner_first = Case(
            When(name__istartswith=prefix, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        partners = (
            Partner.objects.filter(
                Q(name__icontains=prefix) | Q(name_en__icontains=prefix),
                pk__in=visible.filter(parties__partner__isnull=False).values("parties__partner_id"),
            )
            .annotate(rank=partner_first)
            .order_by("rank", "name", "pk")
            .values_list("pk", "name")[:limit]
        )
        suggestions += [Suggestion(label=name, kind="partner", partner_id=pk) for pk, name in partners]
        return sorted(suggestions, key=lambda s: (not s.label.casefold().startswith(prefix.casefold()), s.kind))[:limit]
