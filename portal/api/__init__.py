"""The public, read-only open-data API at /api/v1/ (django-ninja, OpenAPI 3.1).

Every endpoint reads through `cooperation.selectors.open_data`, which starts from
`public_agreements()`: drafts, unpublished records, restricted documents and restricted fields
cannot reach a response. Errors are JSON (`errors.py`); conditional GET is handled by
`middleware.ApiConditionalGetMiddleware`.
"""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .errors import ApiError, error_response

api = NinjaAPI(
    title="Si Mbois Ker Open Data API",
    version="1.0.0",
    description=(
        "Read-only access to the public register of regional cooperation agreements (kerja sama daerah): "
        "agreements, partners, agencies, sectors, public documents and monev summaries, with OCDS and DCAT "
        "publications. No authentication. Lists page with `page` and `page_size`; `modified_since` returns "
        'only what changed after an instant. Errors are JSON: `{"error": {"code", "message", "details"}}`.'
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, error: ApiError) -> JsonResponse:
    return error_response(request, error)


def _problem(item: dict) -> str:
    """Pydantic's complaint about one parameter, said in the reader's language for the usual cases."""
    context = item.get("ctx") or {}
    messages = {
        "less_than_equal": _("paling besar %(limit)s"),
        "greater_than_equal": _("paling kecil %(limit)s"),
        "int_parsing": _("harus bilangan bulat"),
        "int_type": _("harus bilangan bulat"),
        "literal_error": _("harus salah satu dari %(expected)s"),
        "string_too_long": _("paling panjang %(limit)s karakter"),
        "missing": _("wajib diisi"),
    }
    message = messages.get(item.get("type", ""))
    if message is None:
        return str(item.get("msg", "")).removeprefix("Value error, ")
    limit = context.get("le", context.get("ge", context.get("max_length", "")))
    return message % {"limit": limit, "expected": context.get("expected", "")}


@api.exception_handler(ValidationError)
def _invalid_input(request: HttpRequest, error: ValidationError) -> JsonResponse:
    details = [
        {"parameter": ".".join(str(part) for part in item.get("loc", [])[1:]), "message": _problem(item)}
        for item in error.errors
    ]
    problems = "; ".join(f"{detail['parameter']}: {detail['message']}" for detail in details)
    message = _("Nilai parameter tidak sah: %(problems)s.") % {"problems": problems}
    return error_response(request, ApiError(400, "invalid_parameter", message, details))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> JsonResponse:
    return error_response(request, ApiError(error.status_code, "http_error", str(error)))


def not_found_view(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other path under /api/: a JSON 404 rather than the site's HTML page."""
    return error_response(request, ApiError(404, "not_found", _("Alamat API ini tidak ada. Lihat /api/v1/docs.")))


from . import routes  # noqa: E402,F401  - registers the routers on `api`
