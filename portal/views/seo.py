"""robots.txt and the sitemaps: what search engines may crawl, and every public URL in both languages."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from ..sitemaps import SITEMAPS


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ajukan-kerja-sama/status/",
        "Disallow: /en/ajukan-kerja-sama/status/",
        "Disallow: /*unduh.",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")


def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SITEMAPS:
        raise Http404
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)
