"""Every API failure is JSON: `{"error": {"code", "message", "details"}}`, in the reader's language."""

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _


class ApiError(Exception):
    """A client mistake or a missing record, answered with its status and a message people can read."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []


def error_response(request: HttpRequest, error: ApiError) -> JsonResponse:
    body = {"error": {"code": error.code, "message": str(error.message), "details": error.details}}
    response = JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", _("%(what)s tidak ditemukan atau tidak dipublikasikan.") % {"what": what})
