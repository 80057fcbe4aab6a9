"""robots.txt and the sitemaps: what search engines may crawl, and every public URL in both languages."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from ..models import CatalogueIndexPage
from ..sitemaps import SITEMAPS, sitemaps_for

DEFAULT_DOWNLOAD_PATHS = ["/katalog/unduh/", "/en/katalog/unduh/"]


def _download_paths(request: HttpRequest) -> list[str]:
    """The catalogue's bulk-download routes in every language: heavy to serve, and no news to a crawler."""
    route = CatalogueIndexPage().reverse_subpage("download_route", kwargs={"fmt": "csv"}).split("/")[0] + "/"
    paths = []
    for page in CatalogueIndexPage.objects.live().order_by("path"):
        parts = page.get_url_parts(request=request)
        if parts and parts[2]:
            paths.append(parts[2] + route)
    return sorted(set(paths)) or DEFAULT_DOWNLOAD_PATHS


def _status_paths() -> list[str]:
    """The request status page: it answers for one applicant's number and token, never for the public."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("external_request_status"))
    return paths


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines += [f"Disallow: {path}" for path in _status_paths()]
    lines += [f"Disallow: {path}" for path in _download_paths(request)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, sitemaps=sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SITEMAPS:
        raise Http404
    return sitemap_views.sitemap(request, sitemaps=sitemaps_for(request), section=section)
