"""Indonesian is the default language: the browser's Accept-Language does not override it.

A visitor picks English explicitly (the /en/ prefix, the language switcher's cookie, or the
admin account's language preference); an English-configured browser alone does not switch.
The API is the exception: a script asks for its messages' language with Accept-Language.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class IndonesianByDefaultMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
