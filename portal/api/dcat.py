"""The DCAT-AP 3 catalogue of the register, in JSON-LD and Turtle, for CKAN and other harvesters.

Both serialisations hold the same graph (`portal.open_data.dcat`): the catalogue, the API as a
data service, the register dataset with the bulk files, and one page of agreement datasets,
paged with Hydra and a `Link` header.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field
from rdflib import Graph

from ..open_data.dcat import as_jsonld, as_turtle, catalog_page
from ..open_data.links import PublicLinks
from .common import ERRORS, MAX_PAGE, aware, check_page_size, page_url, reject_unknown_parameters, set_last_modified
from .schemas import Instant

router = Router()

# Harvesters fetch the whole catalogue: the largest page by default.
DCAT_DEFAULT_PAGE_SIZE = settings.OPEN_DATA_MAX_PAGE_SIZE


class CatalogParameters(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(DCAT_DEFAULT_PAGE_SIZE, ge=1, description="Agreement datasets per page.")
    modified_since: Instant | None = Field(
        None, description="Only agreement datasets changed after this instant (the register dataset is always there)."
    )


def _catalog(
    request: HttpRequest, parameters: CatalogParameters, serialize: Callable[[Graph], str], content_type: str
) -> HttpResponse:
    reject_unknown_parameters(request, CatalogParameters.model_fields)
    page_size = parameters.page_size
    check_page_size(page_size)
    catalog = catalog_page(
        links=PublicLinks.for_request(request),
        page=parameters.page,
        page_size=page_size,
        modified_since=aware(parameters.modified_since),
        page_url=lambda number: page_url(request, page=number, page_size=page_size),
    )
    response = HttpResponse(serialize(catalog.graph), content_type=content_type)
    response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in catalog.links.items())
    set_last_modified(response, catalog.last_modified)
    return response


def _documented(content_type: str, body_type: str) -> dict:
    content = {content_type: {"schema": {"type": body_type}}}
    return {"responses": {"200": {"description": "DCAT-AP 3 catalogue.", "content": content}}}


@router.get(
    "/catalog.jsonld",
    response=ERRORS,
    url_name="dcat_catalog_jsonld",
    summary="DCAT-AP 3 catalogue in JSON-LD",
    openapi_extra=_documented("application/ld+json", "object"),
)
def catalog_jsonld(request: HttpRequest, parameters: Query[CatalogParameters]):
    """The catalogue with the register dataset and one page of agreement datasets (oldest first)."""
    return _catalog(request, parameters, as_jsonld, "application/ld+json")


@router.get(
    "/catalog.ttl",
    response=ERRORS,
    url_name="dcat_catalog_ttl",
    summary="DCAT-AP 3 catalogue in Turtle",
    openapi_extra=_documented("text/turtle", "string"),
)
def catalog_turtle(request: HttpRequest, parameters: Query[CatalogParameters]):
    """The same catalogue as `catalog.jsonld`, in Turtle."""
    return _catalog(request, parameters, as_turtle, "text/turtle; charset=utf-8")
