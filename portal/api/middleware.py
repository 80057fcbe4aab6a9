"""What every API answer gets beyond its endpoint: its language, JSON for a refused method, conditional GET."""

from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from .errors import ApiError, error_response

API_PREFIX = "/api/"


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """Django's own ConditionalGetMiddleware, limited to `/api/`, plus a JSON body for a 405.

    Endpoints set Last-Modified from the data; this adds the ETag (a hash of the body) and answers
    304 when the client already has it. HTML pages carry a CSRF token and keep their own caching.
    The API is read-only: a POST or DELETE gets ninja's bare 405, which becomes the API's JSON error.
    """

    def process_request(self, request: HttpRequest) -> None:
        """HEAD is a GET without its body (ninja routes GET only); a script asks for its language with
        Accept-Language, where pages use the /en/ prefix instead."""
        if not request.path.startswith(API_PREFIX):
            return
        if request.method == "HEAD":
            request.method = "GET"
            request.api_head = True
        if "HTTP_ACCEPT_LANGUAGE" in request.META:
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            refused = error_response(
                request,
                ApiError(405, "method_not_allowed", _("API ini hanya-baca: gunakan GET.")),
            )
            refused["Allow"] = "GET, HEAD, OPTIONS"
            return refused
        response = super().process_response(request, response)
        if getattr(request, "api_head", False):
            length = response.get("Content-Length") or (None if response.streaming else str(len(response.content)))
            if response.streaming:
                response.close()
                response.streaming_content = []
            else:
                response.content = b""
            if length is not None:
                response["Content-Length"] = length
        return response
