"""The public catalogue list and its downloads.

Both read the same `CatalogueFilterSet` over `public_agreements()`, so a download holds exactly
the filtered list the reader sees (all pages of it). Everything lives in the query string: a
filtered, sorted page is a link one can share, and the form works without JavaScript.
"""

import csv
import datetime
import json
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cooperation.selectors import public_agreements, with_public_card_relations
from cooperation.selectors.catalogue import (
    EXPORT_COLUMNS,
    SORT_CHOICES,
    catalogue_facets,
    iter_public_export,
)
from cooperation.selectors.public import cached_public_result

from ..filters import FACETS, KEYWORD, PAGE, SORT, CatalogueFilterSet, is_number

PAGE_SIZE = 20
DOWNLOAD_FORMATS = [("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("json", "JSON")]
STREAM_BATCH = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    params = request.GET
    filterset = CatalogueFilterSet(params, queryset=public_agreements())
    base = page.url

    # Counts over the whole register are cached per catalogue version; the page of results never is.
    cache_parts = (
        tuple(sorted((key, tuple(values)) for key, values in filterset.selected().items())),
        filterset.keyword,
    )
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
    facets = [
        {"param": facet.param, "legend": facet.legend, "options": options[facet.key]}
        for facet in FACETS
        if options[facet.key]
    ]
    active_filters = []
    if filterset.keyword:
        url = _link(base, _without(params, KEYWORD))
        active_filters.append({"legend": _("Kata kunci"), "label": f"“{filterset.keyword}”", "url": url})
    for facet in facets:
        for option in facet["options"]:
            if option.selected:
                url = _link(base, _without(params, facet["param"], option.value))
                active_filters.append({"legend": facet["legend"], "label": option.label, "url": url})

    notices = []
    ignored = filterset.ignored_parameters()
    if ignored:
        names = {facet.param: facet.legend for facet in FACETS} | {SORT: _("Urutkan")}
        notices.append(
            _("Sebagian nilai filter tidak dikenali dan diabaikan: %(filters)s.")
            % {"filters": ", ".join(str(names.get(name, name)) for name in ignored)}
        )
    if page_notice:
        notices.append(page_notice)

    download_params = _without(params, PAGE)
    context = {
        "page": page,
        "keyword": filterset.keyword,
        "sort": filterset.sort,
        "sort_options": SORT_CHOICES,
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
    }
    return TemplateResponse(request, "portal/catalogue/index.html", context)


# -- the downloads --------------------------------------------------------------------------------


class _Echo:
    """A file-like object that hands back what `csv.writer` writes, so rows can be streamed."""

    def write(self, value: str) -> str:
        return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: str) -> str:
    """Spreadsheets run a cell that starts like a formula: prefix an apostrophe so text stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return _text_cell("; ".join(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return _text_cell(value)
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _batched(lines: Iterable[str]) -> Iterator[str]:
    """A few hundred rows per chunk: fewer, larger writes than one per row."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= STREAM_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _csv_lines(records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    keys = [key for key, _heading in EXPORT_COLUMNS]
    # The byte order mark makes Excel read the file as UTF-8 (Indonesian names, dashes, quotes).
    yield "\ufeff" + writer.writerow([str(heading) for _key, heading in EXPORT_COLUMNS])
    for record in records:
        yield writer.writerow([_csv_cell(record[key]) for key in keys])


def _json_lines(records: Iterable[dict], *, count: int) -> Iterator[str]:
    generated_at = timezone.localtime().isoformat(timespec="seconds")
    yield f'{{"count": {count}, "generated_at": {json.dumps(generated_at)}, "results": ['
    separator = "\n"
    for record in records:
        yield separator + json.dumps({key: _json_value(value) for key, value in record.items()}, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def _in_language(language: str, chunks: Iterator[str]) -> Iterator[str]:
    """Streaming happens after the view returns: keep the reader's language for the labels."""
    with translation.override(language):
        yield from chunks


def _xlsx_file(records: Iterable[dict]):
    """A write-only workbook: rows go to disk as they come, not into a tree held in memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Katalog"))
    sheet.freeze_panes = "A2"
    for index, width in enumerate([8, 40, 24, 24, 60, 60, 24, 32, 40, 30, 36, 36, 16, 14, 14, 14, 18, 18]):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for _key, heading in EXPORT_COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(heading))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    keys = [key for key, _heading in EXPORT_COLUMNS]
    for record in records:
        row = []
        for key in keys:
            value = record[key]
            if isinstance(value, list):
                value = "; ".join(value)
            if isinstance(value, str) and value.startswith("="):
                # openpyxl would store it as a formula: say it is text.
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            row.append(value)
        sheet.append(row)
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    workbook.save(file)
    file.seek(0)
    return file


def catalogue_download(request: HttpRequest, *, page, fmt: str) -> HttpResponse:
    """The filtered list, every page of it, with the public fields only."""
    filterset = CatalogueFilterSet(request.GET, queryset=public_agreements())
    agreements = filterset.qs
    root = request.build_absolute_uri(page.url)
    filename = f"katalog-kerja-sama-{timezone.localdate():%Y%m%d}.{fmt}"
    language = translation.get_language()

    def records() -> Iterator[dict]:
        return iter_public_export(
            agreements, url_of=lambda pk: root + page.reverse_subpage("agreement_route", kwargs={"pk": pk})
        )

    if fmt == "xlsx":
        response: HttpResponse = FileResponse(
            _xlsx_file(records()), as_attachment=True, filename=filename, content_type=XLSX_TYPE
        )
    else:
        if fmt == "csv":
            chunks, content_type = _csv_lines(records()), "text/csv; charset=utf-8"
        else:
            chunks, content_type = _json_lines(records(), count=agreements.count()), "application/json"
        response = StreamingHttpResponse(_in_language(language, _batched(chunks)), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
