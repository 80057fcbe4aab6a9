"""The public catalogue list and its downloads (to be completed)."""

from django.http import HttpResponse
from django.template.response import TemplateResponse


def catalogue_index(request, *, page) -> HttpResponse:
    return TemplateResponse(request, "portal/catalogue/index.html", {"page": page})


def catalogue_download(request, *, page, fmt: str) -> HttpResponse:
    raise NotImplementedError
