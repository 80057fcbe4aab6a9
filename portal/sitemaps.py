"""Sitemap sections: editors' pages, and every public agreement and partner, in both languages.

Each URL names all its language versions (`hreflang`) and the Indonesian one as `x-default`.
Sections are built per request (Wagtail needs the request to know its site) and paginated over
querysets, so a register of 100,000 agreements is read one sitemap page at a time.
"""

from abc import ABC, abstractmethod

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site

from cooperation.models import Partner
from cooperation.selectors import public_agreements

from .models import CatalogueIndexPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class BilingualSitemap(ABC, Sitemap):
    """One <url> per item and language version, each listing every version as an alternate."""

    # Two languages per item: 20,000 URLs per file, under the protocol's 50,000.
    limit = 10_000

    def __init__(self, request: HttpRequest | None = None):
        self.request = request

    def wagtail_site(self) -> Site | None:
        site = Site.find_for_request(self.request) if self.request is not None else None
        return site or Site.objects.filter(is_default_site=True).first()

    def prepare(self, items: list) -> None:
        """Load what `paths` needs for one sitemap page in a fixed number of queries."""

    @abstractmethod
    def paths(self, item) -> dict[str, str]:
        """The item's path (without scheme and host) in each language it exists in."""

    def listed_languages(self, item, paths: dict[str, str]) -> list[str]:
        """The versions this item contributes as <url> entries (all of them, unless overridden)."""
        return list(paths)

    def item_lastmod(self, item):
        return None

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        items = list(self.paginator.page(page).object_list)
        self.prepare(items)
        urls = []
        latest = None
        for item in items:
            paths = self.paths(item)
            alternates = [{"lang_code": code, "location": base + path} for code, path in paths.items()]
            if settings.LANGUAGE_CODE in paths:
                alternates.append({"lang_code": "x-default", "location": base + paths[settings.LANGUAGE_CODE]})
            lastmod = self.item_lastmod(item)
            if lastmod is not None and (latest is None or lastmod > latest):
                latest = lastmod
            for code in self.listed_languages(item, paths):
                urls.append(
                    {
                        "item": item,
                        "location": base + paths[code],
                        "lastmod": lastmod,
                        "changefreq": self.changefreq,
                        "priority": "",
                        "alternates": alternates,
                    }
                )
        if latest is not None:
            self.latest_lastmod = latest
        return urls


class PageSitemap(BilingualSitemap):
    """The editors' pages (home, catalogue, statistics, information pages) in every language's tree."""

    changefreq = "weekly"

    def _root_paths(self) -> list[str]:
        site = self.wagtail_site()
        if site is None:
            return []
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        return list(roots.values_list("path", flat=True))

    def items(self) -> QuerySet[Page]:
        condition = Q()
        for path in self._root_paths():
            condition |= Q(path__startswith=path)
        if not condition:
            return Page.objects.none()
        return Page.objects.live().public().filter(condition).select_related("locale").order_by("path")

    def prepare(self, items: list[Page]) -> None:
        keys = {page.translation_key for page in items}
        translations = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
        self._versions: dict = {}
        for page in translations:
            url = page.get_url_parts(request=self.request)
            if url and url[2]:
                self._versions.setdefault(page.translation_key, {})[page.locale.language_code] = url[2]

    def paths(self, item: Page) -> dict[str, str]:
        return self._versions.get(item.translation_key, {})

    def listed_languages(self, item: Page, paths: dict[str, str]) -> list[str]:
        code = item.locale.language_code
        return [code] if code in paths else []

    def item_lastmod(self, item: Page):
        return item.last_published_at or item.latest_revision_created_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class CatalogueSubpageSitemap(BilingualSitemap):
    """Pages served by the catalogue's routes: the same route under each language's catalogue."""

    route_name = ""

    def catalogue_paths(self) -> dict[str, str]:
        """The live catalogue's path per language (falling back to any catalogue), read once."""
        if not hasattr(self, "_catalogue_paths"):
            pages = list(CatalogueIndexPage.objects.live().select_related("locale").order_by("path"))
            by_language = {page.locale.language_code: page for page in pages}
            self._catalogue_paths = {}
            for code in LANGUAGE_CODES:
                page = by_language.get(code) or (pages[0] if pages else None)
                parts = page.get_url_parts(request=self.request) if page else None
                if parts and parts[2]:
                    self._catalogue_paths[code] = parts[2]
        return self._catalogue_paths

    def paths(self, item) -> dict[str, str]:
        route = CatalogueIndexPage().reverse_subpage(self.route_name, kwargs={"pk": item.pk})
        return {code: path + route for code, path in self.catalogue_paths().items()}


class AgreementSitemap(CatalogueSubpageSitemap):
    route_name = "agreement_route"
    changefreq = "monthly"

    def items(self):
        return public_agreements().order_by("pk").only("pk", "updated_at")

    def item_lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return public_agreements().aggregate(latest=Max("updated_at"))["latest"]


class PartnerSitemap(CatalogueSubpageSitemap):
    route_name = "partner_route"
    changefreq = "monthly"

    def items(self):
        partners_with_public_agreements = public_agreements().values("parties__partner")
        return Partner.objects.filter(pk__in=partners_with_public_agreements).order_by("pk").only("pk")


class EndingSoonSitemap(CatalogueSubpageSitemap):
    """The catalogue's "Akan Berakhir" list: one page per language that changes every day."""

    route_name = "ending_soon_route"
    changefreq = "daily"

    def items(self) -> list[str]:
        return [self.route_name]

    def paths(self, item) -> dict[str, str]:
        route = CatalogueIndexPage().reverse_subpage(self.route_name)
        return {code: path + route for code, path in self.catalogue_paths().items()}


class OpenDataSitemap(EndingSoonSitemap):
    """The catalogue's "Data Terbuka" page, in each language."""

    route_name = "open_data_route"
    changefreq = "weekly"


SITEMAPS: dict[str, type[BilingualSitemap]] = {
    "halaman": PageSitemap,
    "naskah": AgreementSitemap,
    "mitra": PartnerSitemap,
    "akan-berakhir": EndingSoonSitemap,
    "data-terbuka": OpenDataSitemap,
}


def sitemaps_for(request: HttpRequest) -> dict[str, BilingualSitemap]:
    """The sections bound to this request: Wagtail finds the site (and its page tree) from it."""
    return {name: sitemap_class(request) for name, sitemap_class in SITEMAPS.items()}
