"""The public catalogue list and its downloads.

Both read the same `CatalogueFilterSet` over `public_agreements()`, so a download holds exactly
the filtered list the reader sees (all pages of it). Everything lives in the query string: a
filtered, sorted page is a link one can share, and the form works without JavaScript.
"""

import hashlib
from collections.abc import Iterator
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cooperation.selectors import public_agreements, with_public_card_relations
from cooperation.selectors.catalogue import (
    SORT_CHOICES,
    catalogue_facets,
    facet_options_from_counts,
    iter_public_export,
)
from cooperation.selectors.public import cached_public_result
from search import engines as search_engines
from search.engines.base import MAX_QUERY_LENGTH, Audience, QueryError, SearchRequest, SearchUnavailable
from search.engines.base import SORT_NEWEST as SORT_NEWEST_SEARCH
from search.query import parse_query

from ..filters import FACETS, KEYWORD, PAGE, SEARCH_SORT_CHOICES, SORT, CatalogueFilterSet, is_number
from ..open_data.tables import XLSX_TYPE, batched, csv_lines, json_lines, xlsx_file

PAGE_SIZE = 20
SNIPPETS_PER_RESULT = 3
RETRY_AFTER_SECONDS = 60  # what a 503 tells browsers and crawlers to wait before trying search again
SUGGESTION_LIMIT = 8
SUGGESTION_MIN_LENGTH = 2
SUGGESTION_CACHE_SECONDS = 60
DOWNLOAD_FORMATS = [("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("json", "JSON")]


# -- links that keep the reader's choices ---------------------------------------------------------


def _link(base: str, params: QueryDict) -> str:
    query = params.urlencode()
    return f"{base}?{query}" if query else base


def _without(params: QueryDict, name: str, value: str | None = None) -> QueryDict:
    """The same query without one parameter (or one of its values), back on the first page."""
    params = params.copy()
    params.pop(PAGE, None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [item for item in params.getlist(name) if item != value])
    return params


def _page_link(base: str, params: QueryDict, number: int) -> str:
    params = _without(params, PAGE)
    if number > 1:
        params[PAGE] = str(number)
    return _link(base, params)


def _page_number(raw: str | None, paginator: Paginator) -> tuple[int, str | None]:
    """The page asked for, or the nearest one that exists together with a note saying so."""
    raw = (raw or "").strip()
    if not raw:
        return 1, None
    if not is_number(raw) or int(raw) < 1:
        return 1, _("Nomor halaman “%(page)s” tidak dikenali, sehingga ditampilkan halaman pertama.") % {
            "page": raw[:20]
        }
    number = int(raw)
    if number > paginator.num_pages:
        return paginator.num_pages, _(
            "Halaman %(page)s tidak ada: hasil ini hanya %(pages)s halaman, sehingga ditampilkan halaman terakhir."
        ) % {"page": number, "pages": paginator.num_pages}
    return number, None


# -- the list -------------------------------------------------------------------------------------


def catalogue_index(request: HttpRequest, *, page) -> HttpResponse:
    """Browsing (no keyword) reads the database, cached; a keyword asks the search engine."""
    filterset = CatalogueFilterSet(request.GET, queryset=public_agreements())
    if filterset.keyword:
        return _search_results(request, page=page, filterset=filterset)
    return _browse(request, page=page, filterset=filterset)


def _browse(request: HttpRequest, *, page, filterset: CatalogueFilterSet) -> HttpResponse:
    params = request.GET
    # Counts over the whole register are cached per catalogue version; the page of results never is.
    cache_parts = (tuple(sorted((key, tuple(values)) for key, values in filterset.selected().items())),)
    paginator = Paginator(with_public_card_relations(filterset.qs), PAGE_SIZE)
    paginator.count = cached_public_result("count", cache_parts, filterset.qs.count)
    number, page_notice = _page_number(params.get(PAGE), paginator)
    results = paginator.page(number)
    agreements = list(results.object_list)
    for agreement in agreements:
        agreement.public_url = page.agreement_url(agreement)

    options = cached_public_result(
        "facets",
        cache_parts,
        lambda: catalogue_facets(bases=filterset.facet_bases(), selected=filterset.selected()),
    )
    notices = _filter_notices(filterset)
    if page_notice:
        notices.append(page_notice)
    context = _list_context(
        request,
        page=page,
        filterset=filterset,
        options=options,
        results=results,
        agreements=agreements,
        notices=notices,
        sort_options=SORT_CHOICES,
    )
    return TemplateResponse(request, "portal/catalogue/index.html", context)


def _search_results(request: HttpRequest, *, page, filterset: CatalogueFilterSet) -> HttpResponse:
    """The keyword goes to the search engine with the public audience; facets and order come back from it."""
    params = request.GET
    keyword = filterset.keyword
    parsed = parse_query(params.get(KEYWORD, ""))
    notices = _filter_notices(filterset)
    if parsed.truncated:
        notices.append(
            _("Kata kunci terlalu panjang: hanya %(length)s karakter pertama yang dicari.")
            % {"length": MAX_QUERY_LENGTH}
        )
    engine = search_engines.get_engine()

    def run(number: int):
        return engine.search(
            SearchRequest(
                text=keyword,
                audience=Audience.anonymous(),
                filters={key: values for key, values in filterset.selected().items() if values},
                sort=filterset.sort,
                page=number,
                page_size=PAGE_SIZE,
            )
        )

    raw_page = params.get(PAGE) or ""
    requested = _requested_page(raw_page)
    try:
        response = run(requested)
        paginator = Paginator(range(response.total), PAGE_SIZE)
        number, page_notice = _page_number(raw_page, paginator)
        if number != requested:  # past the end, or a page number that was not one
            response = run(number)
    except SearchUnavailable:
        return search_unavailable(request, page=page)
    except QueryError as error:
        notices.append(error.message)
        context = _list_context(
            request,
            page=page,
            filterset=filterset,
            options={},
            results=Paginator([], PAGE_SIZE).page(1),
            agreements=[],
            notices=notices,
            sort_options=SEARCH_SORT_CHOICES,
        )
        return TemplateResponse(request, "portal/catalogue/index.html", context)
    if page_notice:
        notices.append(page_notice)

    highlight = " ".join(parsed.words)
    agreements = _agreements_of_hits(response.hits, page=page, highlight=highlight)
    options = {
        facet.key: facet_options_from_counts(
            facet.key,
            [(count.value, count.count) for count in response.facets.get(facet.key, [])],
            filterset.selected()[facet.key],
        )
        for facet in FACETS
    }
    context = _list_context(
        request,
        page=page,
        filterset=filterset,
        options=options,
        results=paginator.page(number),
        agreements=agreements,
        notices=notices,
        sort_options=SEARCH_SORT_CHOICES,
    )
    context["corrected"] = response.corrected
    context["searching"] = True
    return TemplateResponse(request, "portal/catalogue/index.html", context)


def _requested_page(raw: str) -> int:
    """The page to ask the engine for first; `_page_number` then checks it against the total."""
    raw = raw.strip()
    return int(raw) if is_number(raw) and len(raw) < 7 and int(raw) > 0 else 1


def _agreements_of_hits(hits, *, page, highlight: str) -> list:
    """The engine's page of hits as catalogue cards, in the engine's order, each with its snippets.

    Cards are read back through `public_agreements()`: an agreement withdrawn a moment ago and not
    yet gone from the index is simply left out.
    """
    ids = [hit.agreement_id for hit in hits]
    by_id = {
        agreement.pk: agreement for agreement in with_public_card_relations(public_agreements().filter(pk__in=ids))
    }
    agreements = []
    for hit in hits:
        agreement = by_id.get(hit.agreement_id)
        if agreement is None:
            continue
        agreement.public_url = page.agreement_url(agreement)
        agreement.snippets = [
            {
                "page_number": snippet.page_number,
                "document_title": snippet.document_title,
                "html": mark_safe(snippet.html),  # the engine escapes the text and adds only <mark>
                "url": document_page_url(
                    page,
                    agreement_id=agreement.pk,
                    document_id=snippet.document_id,
                    page_number=snippet.page_number,
                    highlight=highlight,
                ),
            }
            for snippet in hit.snippets[:SNIPPETS_PER_RESULT]
        ]
        agreements.append(agreement)
    return agreements


def document_page_url(page, *, agreement_id: int, document_id: int, page_number: int, highlight: str = "") -> str:
    """The document viewer opened at one page, with the searched words to highlight."""
    path = page.url + page.reverse_subpage("document_route", kwargs={"pk": agreement_id, "document_pk": document_id})
    query = {"halaman": page_number}
    if highlight:
        query["sorot"] = highlight
    return f"{path}?{urlencode(query)}#page={page_number}"


def _filter_notices(filterset: CatalogueFilterSet) -> list[str]:
    notices = []
    ignored = filterset.ignored_parameters()
    if ignored:
        names = {facet.param: facet.legend for facet in FACETS} | {SORT: _("Urutkan")}
        notices.append(
            _("Sebagian nilai filter tidak dikenali dan diabaikan: %(filters)s.")
            % {"filters": ", ".join(str(names.get(name, name)) for name in ignored)}
        )
    return notices


def _list_context(
    request: HttpRequest, *, page, filterset, options, results, agreements, notices, sort_options
) -> dict[str, Any]:
    """What index.html shows, whether the list came from the database or from the search engine."""
    params = request.GET
    base = page.url
    paginator = results.paginator
    facets = [
        {"param": facet.param, "legend": facet.legend, "options": options[facet.key]}
        for facet in FACETS
        if options.get(facet.key)
    ]
    active_filters = []
    if filterset.keyword:
        url = _link(base, _without(_without(params, KEYWORD), SORT))
        active_filters.append({"legend": _("Kata kunci"), "label": f"“{filterset.keyword}”", "url": url})
    for facet in facets:
        for option in facet["options"]:
            if option.selected:
                url = _link(base, _without(params, facet["param"], option.value))
                active_filters.append({"legend": facet["legend"], "label": option.label, "url": url})

    download_params = _without(params, PAGE)
    return {
        "page": page,
        "keyword": filterset.keyword,
        "sort": filterset.sort,
        "sort_options": sort_options,
        "facets": facets,
        "selected_option_count": sum(option.selected for facet in facets for option in facet["options"]),
        "active_filters": active_filters,
        "clear_url": base,
        "notices": notices,
        "result_count": paginator.count,
        "results": results,
        "agreements": agreements,
        "page_links": [
            {"number": item, "url": _page_link(base, params, item) if isinstance(item, int) else None}
            for item in paginator.get_elided_page_range(results.number, on_each_side=2, on_ends=1)
        ]
        if paginator.num_pages > 1
        else [],
        "previous_url": _page_link(base, params, results.previous_page_number()) if results.has_previous() else None,
        "next_url": _page_link(base, params, results.next_page_number()) if results.has_next() else None,
        "downloads": [
            {
                "label": label,
                "format": fmt,
                "url": _link(base + page.reverse_subpage("download_route", kwargs={"fmt": fmt}), download_params),
            }
            for fmt, label in DOWNLOAD_FORMATS
        ],
        "suggest_url": base + page.reverse_subpage("suggest_route"),
    }


def search_unavailable(request: HttpRequest, *, page) -> HttpResponse:
    """A 503 that says what still works: browsing the catalogue without a keyword."""
    params = _without(_without(request.GET, KEYWORD), SORT)
    context = {
        "page": page,
        "keyword": (request.GET.get(KEYWORD) or "")[:MAX_QUERY_LENGTH],
        "browse_url": _link(page.url, params),
        "catalogue_url": page.url,
        "retry_after": RETRY_AFTER_SECONDS,
    }
    response = TemplateResponse(request, "portal/search_unavailable.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


# -- autocomplete ---------------------------------------------------------------------------------


def catalogue_suggestions(request: HttpRequest, *, page) -> HttpResponse:
    """Titles and partner names for the search box, as JSON; the public audience only.

    Without JavaScript nobody calls this: the search form just submits. Answers are cached for a
    minute per prefix and language, since every keystroke of every reader lands here.
    """
    prefix = " ".join("".join(c if c.isprintable() else " " for c in request.GET.get(KEYWORD, "")).split())[:100]
    if len(prefix) < SUGGESTION_MIN_LENGTH or parse_query(prefix).is_empty:
        return _suggestion_response([])
    key = (
        "catalogue-suggest:"
        + hashlib.sha256(repr((prefix.casefold(), translation.get_language(), page.pk)).encode()).hexdigest()
    )
    suggestions = cache.get(key)
    if suggestions is None:
        try:
            found = search_engines.get_engine().autocomplete(
                prefix=prefix, audience=Audience.anonymous(), limit=SUGGESTION_LIMIT
            )
        except SearchUnavailable:
            response = _suggestion_response([], status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        except QueryError:
            found = []
        suggestions = [_suggestion(page, item) for item in found[:SUGGESTION_LIMIT]]
        cache.set(key, suggestions, SUGGESTION_CACHE_SECONDS)
    return _suggestion_response(suggestions)


def _suggestion(page, item) -> dict[str, str]:
    if item.kind == "partner" and item.partner_id:
        url = page.url + page.reverse_subpage("partner_route", kwargs={"pk": item.partner_id})
    elif item.agreement_id:
        url = page.url + page.reverse_subpage("agreement_route", kwargs={"pk": item.agreement_id})
    else:
        url = f"{page.url}?{urlencode({KEYWORD: item.label})}"
    return {"label": item.label, "url": url, "kind": item.kind}


def _suggestion_response(suggestions: list[dict], *, status: int = 200) -> JsonResponse:
    response = JsonResponse({"suggestions": suggestions}, status=status, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = f"public, max-age={SUGGESTION_CACHE_SECONDS}" if status == 200 else "no-store"
    return response


# -- the downloads --------------------------------------------------------------------------------


def _in_language(language: str, chunks: Iterator[str]) -> Iterator[str]:
    """Streaming happens after the view returns: keep the reader's language for the labels."""
    with translation.override(language):
        yield from chunks


DOWNLOAD_SEARCH_LIMIT = 10_000


def _matching_ids(filterset: CatalogueFilterSet) -> list[int]:
    """The agreements the engine finds for the keyword and filters, so a download holds what the list shows."""
    engine = search_engines.get_engine()
    ids: list[int] = []
    number = 1
    while len(ids) < DOWNLOAD_SEARCH_LIMIT:
        response = engine.search(
            SearchRequest(
                text=filterset.keyword,
                audience=Audience.anonymous(),
                filters={key: values for key, values in filterset.selected().items() if values},
                sort=SORT_NEWEST_SEARCH,
                page=number,
                page_size=100,
                facets=False,
            )
        )
        ids += [hit.agreement_id for hit in response.hits]
        if not response.hits or len(ids) >= response.total:
            break
        number += 1
    return ids[:DOWNLOAD_SEARCH_LIMIT]


def catalogue_download(request: HttpRequest, *, page, fmt: str) -> HttpResponse:
    """The filtered list, every page of it, with the public fields only."""
    filterset = CatalogueFilterSet(request.GET, queryset=public_agreements())
    agreements = filterset.qs
    if filterset.keyword:
        try:
            agreements = agreements.filter(pk__in=_matching_ids(filterset))
        except SearchUnavailable:
            return search_unavailable(request, page=page)
        except QueryError:
            agreements = agreements.none()
    root = request.build_absolute_uri(page.url)
    filename = f"katalog-kerja-sama-{timezone.localdate():%Y%m%d}.{fmt}"
    language = translation.get_language()

    def records() -> Iterator[dict]:
        return iter_public_export(
            agreements, url_of=lambda pk: root + page.reverse_subpage("agreement_route", kwargs={"pk": pk})
        )

    if fmt == "xlsx":
        response: HttpResponse = FileResponse(
            xlsx_file(records()), as_attachment=True, filename=filename, content_type=XLSX_TYPE
        )
    else:
        if fmt == "csv":
            chunks, content_type = csv_lines(records()), "text/csv; charset=utf-8"
        else:
            chunks, content_type = json_lines(records(), count=agreements.count()), "application/json"
        response = StreamingHttpResponse(_in_language(language, batched(chunks)), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
