"""What every API endpoint shares: strict parameters, pagination, `modified_since` and public URLs.

The API is read-only and public. Its lists page with `page` and `page_size`, never more than
OPEN_DATA_MAX_PAGE_SIZE rows; `modified_since` keeps what changed after an instant, so a
harvester fetches only the difference. A parameter the endpoint does not know is an error, not
silently ignored: a typo in a script must not return the whole register as if it were filtered.
"""

import datetime
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import http_date, urlencode
from django.utils.translation import gettext as _
from ninja import Schema

from ..open_data.links import PublicLinks
from .errors import ApiError

T = TypeVar("T")

PAGE = "page"
PAGE_SIZE = "page_size"
MODIFIED_SINCE = "modified_since"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 100_000
CACHE_SECONDS = 300


class Page(Schema, Generic[T]):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[T]


class PageChoice(Protocol):
    """The query parameters of a list endpoint that say which page: `PageParams` and the filters built on it."""

    page: int
    page_size: int


class ErrorDetail(Schema):
    code: str
    message: str
    details: list[dict[str, Any]]


class ErrorOut(Schema):
    error: ErrorDetail


# The error answers every endpoint may give, for the OpenAPI schema.
ERRORS = {400: ErrorOut, 404: ErrorOut}


def reject_unknown_parameters(request: HttpRequest, allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    unknown = sorted(name for name in request.GET if name not in allowed)
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            _("Parameter tidak dikenal: %(names)s. Parameter yang diterima: %(allowed)s.")
            % {"names": ", ".join(unknown), "allowed": ", ".join(sorted(allowed)) or "-"},
            [{"parameter": name} for name in unknown],
        )


def aware(moment: datetime.datetime | datetime.date | None) -> datetime.datetime | None:
    """A date means its midnight, and a time without a zone is the region's local time."""
    if moment is None:
        return None
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time.min)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def page_url(request: HttpRequest, *, page: int, page_size: int) -> str:
    """The request's own address, other parameters kept, for page `page` of `page_size` items."""
    params = request.GET.copy()
    params[PAGE] = str(page)
    params[PAGE_SIZE] = str(page_size)
    return request.build_absolute_uri(request.path) + "?" + params.urlencode()


def page_links(request: HttpRequest, *, page: int, page_size: int, count: int) -> tuple[str | None, str | None]:
    def link(number: int) -> str:
        return page_url(request, page=number, page_size=page_size)

    last = max(1, -(-count // page_size))
    return (link(page + 1) if page < last else None, link(page - 1) if page > 1 else None)


def check_page_size(page_size: int) -> None:
    """A page larger than OPEN_DATA_MAX_PAGE_SIZE is a 400, whatever the endpoint's own bounds."""
    if page_size > settings.OPEN_DATA_MAX_PAGE_SIZE:
        raise ApiError(
            400,
            "page_size_too_large",
            _("page_size paling besar %(max)s.") % {"max": settings.OPEN_DATA_MAX_PAGE_SIZE},
        )


def paginate(
    request: HttpRequest,
    response: HttpResponse,
    items: QuerySet | list,
    *,
    page: int,
    page_size: int,
    serialize: Callable[[list], list],
    count: int | None = None,
) -> dict:
    """One page of `items`, with links to its neighbours in the body and in a `Link` header."""
    check_page_size(page_size)
    if count is None:
        count = items.count() if isinstance(items, QuerySet) else len(items)
    start = (page - 1) * page_size
    rows = list(items[start : start + page_size])
    next_url, previous_url = page_links(request, page=page, page_size=page_size, count=count)
    links = [f'<{url}>; rel="{rel}"' for url, rel in ((next_url, "next"), (previous_url, "prev")) if url]
    if links:
        response["Link"] = ", ".join(links)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": next_url,
        "previous": previous_url,
        "results": serialize(rows),
    }


def list_page(
    request: HttpRequest,
    response: HttpResponse,
    params: PageChoice,
    items: QuerySet | list,
    *,
    last_modified: datetime.datetime | None,
    serialize: Callable[[list], list],
) -> dict:
    """The answer of a list endpoint: its Last-Modified, and the page of `items` that `params` ask for.

    The endpoint rejects unknown parameters itself, first: before anything it looks up can be a 404.
    """
    set_last_modified(response, last_modified)
    return paginate(request, response, items, page=params.page, page_size=params.page_size, serialize=serialize)


def serializer(request: HttpRequest, serialize: Callable[[T, PublicLinks], dict]) -> Callable[[list[T]], list[dict]]:
    """`serialize` for every row of a page, with the request's public links resolved once for all of them."""
    links = PublicLinks.for_request(request)
    return lambda rows: [serialize(row, links) for row in rows]


def set_last_modified(response: HttpResponse, moment: datetime.datetime | None) -> None:
    """Last-Modified for conditional GET; the ETag is added from the body by the middleware."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"


def query_string(**params: Any) -> str:
    return urlencode({key: value for key, value in params.items() if value not in (None, "")}, doseq=True)
