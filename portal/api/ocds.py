"""OCDS 1.1 release and record packages of the public register, one agreement or all of them page by page.

The mapping is `portal.open_data.ocds` (documented on the publication-policy page); these
endpoints only choose which agreements and wrap them in a package whose `uri` is the
package's own address. Lists carry OCDS `links` ({"next", "prev"}) and a `Link` header.
"""

import datetime
from collections.abc import Callable
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import pgettext
from ninja import Router
from pydantic import Field

from cooperation.selectors.open_data import newest_modification, open_data_agreements
from portal.open_data import ocds
from portal.open_data.links import PublicLinks

from .common import (
    DEFAULT_PAGE_SIZE,
    ERRORS,
    MAX_PAGE,
    MODIFIED_SINCE,
    PAGE,
    PAGE_SIZE,
    aware,
    paginate,
    reject_unknown_parameters,
    set_last_modified,
)
from .errors import not_found
from .schemas import Id, Instant

router = Router()

OCDS_JSON = "application/json"
LIST_PARAMETERS = (PAGE, PAGE_SIZE, MODIFIED_SINCE)
Package = dict[str, Any]
PageNumber = Annotated[int, Field(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, Field(ge=1, description="At most OPEN_DATA_MAX_PAGE_SIZE (100 by default).")]


def _json(response: HttpResponse) -> None:
    response["Content-Type"] = OCDS_JSON


def _one(request: HttpRequest, response: HttpResponse, agreement_id: int, build: Callable[..., Package]) -> Package:
    reject_unknown_parameters(request, ())
    links = PublicLinks.for_request(request)
    releases = ocds.releases_for([agreement_id], links=links).get(agreement_id)
    if not releases:
        raise not_found(pgettext("api: the record not found", "Naskah kerja sama"))
    package = build(releases, uri=request.build_absolute_uri(request.path), links=links)
    set_last_modified(response, datetime.datetime.fromisoformat(package["publishedDate"]))
    _json(response)
    return package


def _page(
    request: HttpRequest,
    response: HttpResponse,
    *,
    build: Callable[..., Package],
    page: int,
    page_size: int,
    modified_since: datetime.datetime | None,
) -> Package:
    """One page of the register as the package `build` makes of the page's releases (grouped by agreement id)."""
    reject_unknown_parameters(request, LIST_PARAMETERS)
    agreements = open_data_agreements(modified_since=aware(modified_since))
    ids = agreements.order_by("pk").values_list("pk", flat=True)
    listing = paginate(request, response, ids, page=page, page_size=page_size, serialize=list)
    links = PublicLinks.for_request(request)
    releases = ocds.releases_for(listing["results"], links=links)
    paging = {rel: url for rel, url in (("next", listing["next"]), ("prev", listing["previous"])) if url}
    newest = newest_modification(agreements)
    package = build(releases, uri=request.build_absolute_uri(), links=links, published=newest, paging=paging)
    set_last_modified(response, newest)
    _json(response)
    return package


def _flat_release_package(found: dict[int, list[dict]], **package: Any) -> Package:
    """A release package of every release of the page's agreements (`build` of `_page` for /releases)."""
    return ocds.release_package([release for group in found.values() for release in group], **package)


@router.get(
    "/releases",
    response={200: Package, **ERRORS},
    url_name="ocds_releases",
    summary="OCDS release package of all public agreements, page by page",
)
def releases(
    request: HttpRequest,
    response: HttpResponse,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    modified_since: Instant | None = None,
):
    """Every release of the public agreements on this page (ordered by agreement id)."""
    return _page(
        request, response, build=_flat_release_package, page=page, page_size=page_size, modified_since=modified_since
    )


@router.get(
    "/records",
    response={200: Package, **ERRORS},
    url_name="ocds_records",
    summary="OCDS record package of all public agreements, page by page",
)
def records(
    request: HttpRequest,
    response: HttpResponse,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    modified_since: Instant | None = None,
):
    """One record per public agreement on this page: its releases and its compiled release."""
    return _page(
        request, response, build=ocds.record_package, page=page, page_size=page_size, modified_since=modified_since
    )


@router.get(
    "/releases/{agreement_id}",
    response={200: Package, **ERRORS},
    url_name="ocds_release",
    summary="OCDS release package of one public agreement",
)
def agreement_releases(request: HttpRequest, response: HttpResponse, agreement_id: Id):
    """Every release of one contracting process (one public agreement), oldest first."""
    return _one(request, response, agreement_id, ocds.release_package)


@router.get(
    "/records/{agreement_id}",
    response={200: Package, **ERRORS},
    url_name="ocds_record",
    summary="OCDS record package of one public agreement",
)
def agreement_record(request: HttpRequest, response: HttpResponse, agreement_id: Id):
    """The record of one contracting process: its releases embedded and its compiled release."""
    return _one(
        request,
        response,
        agreement_id,
        lambda releases, *, uri, links: ocds.record_package({agreement_id: releases}, uri=uri, links=links),
    )
