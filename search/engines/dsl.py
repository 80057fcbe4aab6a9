"""Index settings, mappings, queries and aggregations for the cluster engines, as plain dicts.

OpenSearch 2/3 and Elasticsearch 8/9 read the same DSL for everything used here, so both engines
(search.engines.opensearch, search.engines.elasticsearch) send these bodies unchanged and read the
answers with the functions at the end of this module.

Index design: one document per agreement with its `AgreementRecord` fields; the pages of its documents
as `nested` objects, so a page-level hit (and its page number) comes back as an inner hit of the
agreement that holds it, and restricted pages are filtered inside the nested query. Text fields use the
`indonesian` analysis chain (the built-in stemmer, the project's stop list from search.analysis, ASCII
folding); `.exact` subfields keep the unstemmed words for the exact-form boost and for typo correction
(the term suggester); `.prefix` subfields (edge n-grams) serve autocomplete.

The user's text only ever reaches a query through `search.query.parse_query`: words become `match`
queries, quoted phrases `match_phrase` queries; nothing is parsed by the engine (no `query_string`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..analysis import STOP_WORDS, fold, stem
from ..query import ParsedQuery
from .base import (
    EXPIRING_SOON,
    FILTER_KEYS,
    SORT_NEWEST,
    SORT_OLDEST,
    AgreementRecord,
    Audience,
    FacetCount,
    Hit,
    PageHit,
    Snippet,
)

# The catalogue's URL values of the scope facet (cooperation.selectors.catalogue.DOMESTIC / FOREIGN).
DOMESTIC = "dalam-negeri"
FOREIGN = "luar-negeri"

MAX_RESULT_WINDOW = 10_000  # the engines' default index.max_result_window
MAX_INNER_HITS = 5_000  # pages of one document listed by search_document
NESTED_OBJECTS_LIMIT = 200_000  # pages per agreement (the default of 10,000 is too low for big scans)
SNIPPETS_PER_HIT = 3
FRAGMENT_SIZE = 200
FACET_SIZE = 500
AUTOCOMPLETE_MAX_GRAM = 20
MARK = ("<mark>", "</mark>")

# Metadata fields searched for each word, with their boosts.
META_FIELDS = [
    "title^5",
    "title_en^4",
    "region_number^4",
    "partner_names^3",
    "partner_numbers^3",
    "agency_names^2",
    "summary^2",
    "scope",
    "subject",
]
EXACT_FIELDS = ["title.exact^2", "partner_names.exact", "summary.exact", "subject.exact", "scope.exact"]

# Facet key -> the keyword field it counts and filters on.
FACET_FIELDS = {
    "kind": "kind_id",
    "document_type": "document_type_id",
    "partner_category": "partner_categories",
    "sector": "sector_ids",
    "agency": "initiating_agency_id",
    "status": "status",
    "year": "signed_year",
    "scope": "scope_value",
}
_ID_FACETS = {"kind", "document_type", "sector", "agency", "year"}
_MAX_VALUE_LENGTH = 64


# -- index --------------------------------------------------------------------------------------


def index_settings() -> dict[str, Any]:
    """Settings and analysis of a new agreements index."""
    return {
        "index": {
            "number_of_shards": 1,
            # One replica as soon as a second node is there; a single development node stays green.
            "auto_expand_replicas": "0-1",
            "mapping.nested_objects.limit": NESTED_OBJECTS_LIMIT,
            "max_inner_result_window": MAX_INNER_HITS,
            "highlight.max_analyzed_offset": 1_000_000,
        },
        "analysis": {
            "filter": {
                "id_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                "id_stemmer": {"type": "stemmer", "language": "indonesian"},
                "autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": AUTOCOMPLETE_MAX_GRAM},
                "autocomplete_truncate": {"type": "truncate", "length": AUTOCOMPLETE_MAX_GRAM},
            },
            "analyzer": {
                # The built-in `indonesian` analyzer's chain, with ASCII folding and the stop list the
                # database engine uses (Lucene's own list drops meaningful words such as "sama").
                "indonesian_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "decimal_digit", "asciifolding", "id_stop", "id_stemmer"],
                },
                "words": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                "autocomplete": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "autocomplete_edge"],
                },
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "autocomplete_truncate"],
                },
            },
        },
    }


def _text(*, exact: bool = False, prefix: bool = False, copy: bool = True) -> dict[str, Any]:
    field: dict[str, Any] = {"type": "text", "analyzer": "indonesian_text"}
    subfields: dict[str, Any] = {}
    if exact:
        subfields["exact"] = {"type": "text", "analyzer": "words"}
    if prefix:
        subfields["prefix"] = {"type": "text", "analyzer": "autocomplete", "search_analyzer": "autocomplete_search"}
    if subfields:
        field["fields"] = subfields
    if copy:
        field["copy_to"] = "spell"
    return field


def index_mappings() -> dict[str, Any]:
    keyword = {"type": "keyword"}
    return {
        "dynamic": "strict",
        "properties": {
            "id": {"type": "long"},
            "title": _text(exact=True, prefix=True),
            "title_en": {"type": "text", "analyzer": "english", "copy_to": "spell"},
            "region_number": {"type": "text", "analyzer": "words", "fields": {"raw": keyword}},
            "partner_numbers": {"type": "text", "analyzer": "words", "fields": {"raw": keyword}},
            "partner_names": _text(exact=True, prefix=True),
            "agency_names": _text(),
            "scope": _text(exact=True),
            "subject": _text(exact=True),
            "summary": _text(exact=True),
            # The vocabulary of the metadata, unstemmed: what typo correction picks from.
            "spell": {"type": "text", "analyzer": "words", "index_options": "freqs"},
            "kind_id": keyword,
            "document_type_id": keyword,
            "partner_categories": keyword,
            "sector_ids": keyword,
            "initiating_agency_id": keyword,
            "agency_ids": keyword,
            "status": keyword,
            "signed_on": {"type": "date", "format": "date"},
            "signed_year": keyword,
            "ends_on": {"type": "date", "format": "date"},
            "scope_value": keyword,
            "is_foreign": {"type": "boolean"},
            "is_public": {"type": "boolean"},
            "updated_at": {"type": "date"},
            "pages": {
                "type": "nested",
                "properties": {
                    "document_id": {"type": "long"},
                    "document_title": {"type": "keyword", "index": False},
                    "page_number": {"type": "integer"},
                    "restricted": {"type": "boolean"},
                    "text": {
                        "type": "text",
                        "analyzer": "indonesian_text",
                        # Unstemmed words without positions: the exact-form boost and typo correction.
                        "fields": {"exact": {"type": "text", "analyzer": "words", "index_options": "freqs"}},
                    },
                },
            },
        },
    }


def _ids(values: Iterable[int | None]) -> list[str]:
    return [str(value) for value in values if value is not None]


def document(record: AgreementRecord) -> dict[str, Any]:
    """The indexed form of one agreement; pages without text are left out."""
    return {
        "id": record.id,
        "title": record.title,
        "title_en": record.title_en,
        "region_number": record.region_number,
        "partner_numbers": list(record.partner_numbers),
        "partner_names": list(record.partner_names),
        "agency_names": list(record.agency_names),
        "scope": record.scope,
        "subject": record.subject,
        "summary": record.summary,
        "kind_id": _ids([record.kind_id]) or None,
        "document_type_id": _ids([record.document_type_id]) or None,
        "partner_categories": list(record.partner_categories),
        "sector_ids": _ids(record.sector_ids),
        "initiating_agency_id": _ids([record.initiating_agency_id]) or None,
        "agency_ids": _ids(record.agency_ids),
        "status": record.status,
        "signed_on": record.signed_on.isoformat() if record.signed_on else None,
        "signed_year": str(record.signed_on.year) if record.signed_on else None,
        "ends_on": record.ends_on.isoformat() if record.ends_on else None,
        "scope_value": FOREIGN if record.is_foreign else DOMESTIC,
        "is_foreign": record.is_foreign,
        "is_public": record.is_public,
        "updated_at": record.updated_at.isoformat() if record.updated_at else None,
        "pages": [
            {
                "document_id": page.document_id,
                "document_title": page.document_title,
                "page_number": page.page_number,
                "restricted": page.restricted,
                "text": page.text,
            }
            for page in record.pages
            if page.text and page.text.strip()
        ],
    }


# -- who may see what ---------------------------------------------------------------------------


def audience_filter(audience: Audience) -> list[dict[str, Any]]:
    """Agreement-level filter clauses: the public catalogue, or the staff member's agencies."""
    if audience.public:
        return [{"term": {"is_public": True}}]
    if audience.agency_ids is None:
        return []
    return [{"terms": {"agency_ids": sorted(str(pk) for pk in audience.agency_ids)}}]


def page_filter(audience: Audience) -> list[dict[str, Any]]:
    """Page-level filter clauses: restricted (Dikecualikan) pages only for staff with the permission."""
    if audience.public or not audience.restricted_documents:
        return [{"term": {"pages.restricted": False}}]
    return []


# -- matching -----------------------------------------------------------------------------------


def searchable_terms(parsed: ParsedQuery) -> list[str]:
    """The query's words less the stop words, which the index leaves out too."""
    return [term for term in parsed.terms if fold(term) not in STOP_WORDS]


def word_forms(term: str) -> list[str]:
    """The word, its Sastrawi root and the root's di- form, each analysed by the index's own stemmer.

    Lucene's Indonesian stemmer (a light, dictionary-free one) strips a nasal prefix without
    restoring the root's first letter, so "pengelolaan" becomes "elola" while "dikelola" becomes
    "kelola". Searching the dictionary-based root ("kelola") and its passive ("dikelola") as well
    finds the forms the stemmer splits apart; the database engine stems with Sastrawi throughout.
    """
    forms = [term]
    root = stem(fold(term))
    if root != fold(term) and root.isalpha():
        forms += [root, f"di{root}"]
    return forms


def _pages(query: dict[str, Any], audience: Audience, **options: Any) -> dict[str, Any]:
    return {
        "nested": {
            "path": "pages",
            "query": {"bool": {"must": [query], "filter": page_filter(audience)}},
            "score_mode": "max",
            **options,
        }
    }


def _word_clause(term: str, audience: Audience) -> dict[str, Any]:
    """One word, anywhere in the agreement: its metadata or one page the audience may see."""
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": " ".join(word_forms(term)), "fields": META_FIELDS, "type": "best_fields"}},
                _pages({"match": {"pages.text": {"query": " ".join(word_forms(term))}}}, audience),
            ],
            "minimum_should_match": 1,
        }
    }


def _phrase_clause(phrase: str, audience: Audience) -> dict[str, Any]:
    """A quoted phrase, its words next to each other in one field or on one page."""
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": phrase, "fields": META_FIELDS, "type": "phrase"}},
                _pages({"match_phrase": {"pages.text": {"query": phrase}}}, audience),
            ],
            "minimum_should_match": 1,
        }
    }


def _page_text_query(terms: list[str], phrases: list[str]) -> dict[str, Any]:
    """A page holding any of the words or phrases: what snippets and search within a document show."""
    should: list[dict[str, Any]] = []
    if terms:
        forms = [form for term in terms for form in word_forms(term)]
        should.append({"match": {"pages.text": {"query": " ".join(forms)}}})
        should.append({"match": {"pages.text.exact": {"query": " ".join(terms)}}})
    should += [{"match_phrase": {"pages.text": {"query": phrase}}} for phrase in phrases]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _page_highlight(number_of_fragments: int = 1) -> dict[str, Any]:
    return {
        "pre_tags": [MARK[0]],
        "post_tags": [MARK[1]],
        "encoder": "html",
        "fields": {
            "pages.text": {
                "type": "unified",
                "fragment_size": FRAGMENT_SIZE,
                "number_of_fragments": number_of_fragments,
                "no_match_size": FRAGMENT_SIZE,
            }
        },
    }


_PAGE_FIELDS = ["pages.document_id", "pages.document_title", "pages.page_number"]


def text_query(parsed: ParsedQuery, audience: Audience) -> dict[str, Any]:
    """Every word and phrase must match somewhere in an agreement the audience may see.

    Words are scored by the metadata field boosts or the best page; the unstemmed `.exact` fields add
    a little for the exact form. A last nested clause (adding no score) fetches the best pages the
    audience may see as inner hits, with highlights: the snippets.
    """
    terms = searchable_terms(parsed)
    filters = audience_filter(audience)
    if not terms and not parsed.phrases:
        return {"bool": {"filter": filters}} if filters else {"match_all": {}}
    must = [_word_clause(term, audience) for term in terms]
    must += [_phrase_clause(phrase, audience) for phrase in parsed.phrases]
    should: list[dict[str, Any]] = []
    if terms:
        should.append({"multi_match": {"query": " ".join(terms), "fields": EXACT_FIELDS, "type": "most_fields"}})
    should.append(
        _pages(
            _page_text_query(terms, parsed.phrases),
            audience,
            boost=0,
            inner_hits={
                "name": "pages",
                "size": SNIPPETS_PER_HIT,
                "_source": False,
                "docvalue_fields": _PAGE_FIELDS,
                "highlight": _page_highlight(),
            },
        )
    )
    return {"bool": {"must": must, "should": should, "filter": filters}}


# -- filters and facets -------------------------------------------------------------------------


def _clean_values(key: str, values: Iterable[Any]) -> list[str]:
    cleaned = []
    for value in values:
        value = str(value)[:_MAX_VALUE_LENGTH]
        if key in _ID_FACETS and not (value.isascii() and value.isdigit()):
            continue
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


def expiring_filter(today: datetime.date) -> dict[str, Any]:
    """ "Akan Berakhir": cooperation.models.ending_soon_condition, as a filter clause."""
    from cooperation.models import AgreementStatus, expiry_horizon

    return {
        "bool": {
            "filter": [
                {"terms": {"status": [AgreementStatus.IN_FORCE.value, AgreementStatus.SIGNED.value]}},
                {
                    "range": {
                        "ends_on": {
                            "gte": today.isoformat(),
                            "lte": expiry_horizon(today).isoformat(),
                            "format": "date",
                        }
                    }
                },
            ]
        }
    }


def filter_clause(key: str, values: Iterable[Any], today: datetime.date) -> dict[str, Any] | None:
    """One facet's selection (OR within the facet); None when nothing valid is selected."""
    if key not in FACET_FIELDS:
        return None
    values = _clean_values(key, values)
    if not values:
        return None
    if key == "status":
        stored = [value for value in values if value != EXPIRING_SOON]
        should = [{"terms": {"status": stored}}] if stored else []
        if EXPIRING_SOON in values:
            should.append(expiring_filter(today))
        return {"bool": {"should": should, "minimum_should_match": 1}}
    return {"terms": {FACET_FIELDS[key]: values}}


def _all_of(clauses: list[dict[str, Any]]) -> dict[str, Any]:
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def facet_aggregations(clauses: Mapping[str, dict[str, Any]], today: datetime.date) -> dict[str, Any]:
    """Disjunctive facets: each facet counted under every selected filter except its own."""
    aggregations = {}
    for key in FILTER_KEYS:
        others = [clause for other, clause in clauses.items() if other != key]
        inner: dict[str, Any] = {"values": {"terms": {"field": FACET_FIELDS[key], "size": FACET_SIZE}}}
        if key == "status":
            inner["expiring"] = {"filter": expiring_filter(today)}
        aggregations[f"facet_{key}"] = {"filter": _all_of(others), "aggs": inner}
    return aggregations


def sort_clause(sort: str, *, has_text: bool) -> list[Any]:
    """Relevance (the newest first among equals), newest or oldest by signing date; the id breaks ties."""
    if sort == SORT_OLDEST:
        return [{"signed_on": {"order": "asc", "missing": "_last"}}, {"id": {"order": "asc"}}]
    newest = [{"signed_on": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}]
    if sort == SORT_NEWEST or not has_text:
        return newest
    return ["_score", *newest]


def search_body(
    parsed: ParsedQuery,
    *,
    audience: Audience,
    filters: Mapping[str, Iterable[Any]],
    sort: str,
    page: int,
    page_size: int,
    facets: bool,
    today: datetime.date,
) -> dict[str, Any]:
    """The whole search request: query, post_filter, facet aggregations, sort, paging, highlight."""
    clauses = {}
    for key, values in (filters or {}).items():
        clause = filter_clause(key, values or (), today)
        if clause is not None:
            clauses[key] = clause
    page_size = max(1, min(page_size, 100))
    start = (max(1, page) - 1) * page_size
    start = min(start, MAX_RESULT_WINDOW - page_size)
    has_text = not parsed.is_empty
    body: dict[str, Any] = {
        "query": text_query(parsed, audience),
        "from": start,
        "size": page_size,
        "sort": sort_clause(sort, has_text=has_text),
        "track_total_hits": True,
        "track_scores": True,
        "_source": False,
    }
    if clauses:
        body["post_filter"] = _all_of(list(clauses.values()))
    if facets:
        body["aggs"] = facet_aggregations(clauses, today)
    if has_text:
        body["highlight"] = {
            "pre_tags": [MARK[0]],
            "post_tags": [MARK[1]],
            "encoder": "html",
            "fields": {"title": {"number_of_fragments": 0}},
        }
    return body


def suggest_body(terms: list[str]) -> dict[str, Any]:
    """Typo correction candidates for words the index has never seen (metadata and page words)."""
    text = " ".join(terms)
    options = {"suggest_mode": "missing", "min_word_length": 4, "prefix_length": 1, "max_edits": 2, "size": 3}
    return {
        "size": 0,
        "suggest": {
            "text": text,
            "meta": {"term": {"field": "spell", **options}},
            "pages": {"term": {"field": "pages.text.exact", **options}},
        },
    }


def document_body(*, agreement_id: int, document_id: int, parsed: ParsedQuery, audience: Audience) -> dict:
    """Pages of one document matching any word or phrase, in page order, with highlights."""
    terms = searchable_terms(parsed)
    nested = {
        "nested": {
            "path": "pages",
            "query": {
                "bool": {
                    "must": [_page_text_query(terms, parsed.phrases)],
                    "filter": [{"term": {"pages.document_id": document_id}}, *page_filter(audience)],
                }
            },
            "inner_hits": {
                "name": "pages",
                "size": MAX_INNER_HITS,
                "sort": [{"pages.page_number": {"order": "asc"}}],
                "_source": False,
                "docvalue_fields": _PAGE_FIELDS,
                "highlight": _page_highlight(),
            },
        }
    }
    return {
        "query": {"bool": {"must": [nested], "filter": [{"term": {"id": agreement_id}}, *audience_filter(audience)]}},
        "size": 1,
        "_source": False,
    }


def autocomplete_body(words: list[str], *, audience: Audience, limit: int) -> dict[str, Any]:
    text = " ".join(words)
    return {
        "query": {
            "bool": {
                "should": [
                    {"match": {"title.prefix": {"query": text, "operator": "and", "boost": 2}}},
                    {"match": {"partner_names.prefix": {"query": text, "operator": "and"}}},
                ],
                "minimum_should_match": 1,
                "filter": audience_filter(audience),
            }
        },
        "size": max(1, limit) * 3,
        "_source": ["title", "partner_names"],
        "sort": ["_score", {"id": {"order": "asc"}}],
    }


# -- reading the answers ------------------------------------------------------------------------


def _first(fields: Mapping[str, list], name: str, default: Any = None) -> Any:
    values = fields.get(name) or []
    return values[0] if values else default


def _page_hits(hit: Mapping[str, Any]) -> list[tuple[int, str, int, str]]:
    """(document id, document title, page number, html) of each inner page hit, in the order given."""
    pages = []
    for inner in (hit.get("inner_hits") or {}).get("pages", {}).get("hits", {}).get("hits", []):
        fields = inner.get("fields") or {}
        fragments = (inner.get("highlight") or {}).get("pages.text") or []
        pages.append(
            (
                int(_first(fields, "pages.document_id", 0)),
                str(_first(fields, "pages.document_title", "")),
                int(_first(fields, "pages.page_number", 0)),
                " \u2026 ".join(fragments),
            )
        )
    return pages


def hits_of(response: Mapping[str, Any]) -> list[Hit]:
    hits = []
    for hit in response["hits"]["hits"]:
        snippets = [
            Snippet(document_id=document_id, document_title=title, page_number=number, html=html)
            for document_id, title, number, html in _page_hits(hit)
            if html
        ]
        titles = (hit.get("highlight") or {}).get("title") or []
        hits.append(
            Hit(
                agreement_id=int(hit["_id"]),
                score=float(hit.get("_score") or 0.0),
                snippets=snippets[:SNIPPETS_PER_HIT],
                title_html=titles[0] if titles else "",
            )
        )
    return hits


def total_of(response: Mapping[str, Any]) -> int:
    total = response["hits"]["total"]
    return int(total["value"] if isinstance(total, Mapping) else total)


def facets_of(response: Mapping[str, Any]) -> dict[str, list[FacetCount]]:
    """Counts per facet, most frequent first; "expiring" joins the status facet."""
    aggregations = response.get("aggregations") or {}
    facets = {}
    for key in FILTER_KEYS:
        aggregation = aggregations.get(f"facet_{key}")
        if aggregation is None:
            continue
        counts = [
            FacetCount(value=str(bucket["key"]), count=int(bucket["doc_count"]))
            for bucket in aggregation["values"]["buckets"]
            if bucket["doc_count"]
        ]
        expiring = aggregation.get("expiring", {}).get("doc_count", 0)
        if expiring:
            counts.append(FacetCount(value=EXPIRING_SOON, count=int(expiring)))
        facets[key] = sorted(counts, key=lambda facet: (-facet.count, facet.value))
    return facets


def page_hits_of(response: Mapping[str, Any]) -> list[PageHit]:
    hits = response["hits"]["hits"]
    if not hits:
        return []
    pages = sorted(_page_hits(hits[0]), key=lambda page: page[2])
    return [PageHit(page_number=number, html=html) for _document, _title, number, html in pages]


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def starts_a_word(value: str, words: list[str]) -> bool:
    """Every typed word is the start of some word of `value` (accents and case folded)."""
    value_words = [fold(word) for word in _WORD_RE.findall(value)]
    return all(any(candidate.startswith(fold(word)) for candidate in value_words) for word in words)


def corrections_of(response: Mapping[str, Any]) -> dict[str, str]:
    """Query word -> the nearest indexed word, from the term suggester's answer.

    Within one edit for words under eight letters and two from eight on (as the database engine does),
    the closest (then most frequent) candidate of either vocabulary wins.
    """
    best: dict[str, tuple[float, int, str]] = {}
    for name in ("meta", "pages"):
        for entry in (response.get("suggest") or {}).get(name, []):
            word = entry["text"]
            limit = 2 if len(word) >= 8 else 1
            for option in entry.get("options", []):
                candidate = option["text"]
                if _distance(word, candidate) > limit:
                    continue
                key = (float(option.get("score", 0)), int(option.get("freq", 0)), candidate)
                if word not in best or key[:2] > best[word][:2]:
                    best[word] = key
    return {word: candidate for word, (_score, _freq, candidate) in best.items()}


def _distance(left: str, right: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    previous_previous: list[int] = []
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, right_char in enumerate(right, 1):
            cost = 0 if left_char == right_char else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and left_char == right[j - 2] and left[i - 2] == right_char:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]
