"""Sitemap sections: editors' pages, and every public agreement and partner in both languages."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from cooperation.models import Partner
from cooperation.selectors import public_agreements

from .models import CatalogueIndexPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class CatalogueSubpageSitemap(Sitemap):
    """Pages served by the catalogue's routes: one URL per item and language, with alternates."""

    i18n = True
    languages = LANGUAGE_CODES
    alternates = True
    x_default = True
    limit = 5000
    route_name = ""

    def __init__(self):
        self._catalogue_urls: dict[str, str] = {}

    def catalogue_url(self) -> str:
        language = translation.get_language()
        if language not in self._catalogue_urls:
            pages = CatalogueIndexPage.objects.live()
            page = pages.filter(locale__language_code=language).first() or pages.first()
            self._catalogue_urls[language] = page.get_url() if page else ""
        return self._catalogue_urls[language]

    def location(self, item) -> str:
        page = CatalogueIndexPage()
        return self.catalogue_url() + page.reverse_subpage(self.route_name, kwargs={"pk": item.pk})


class AgreementSitemap(CatalogueSubpageSitemap):
    route_name = "agreement_route"
    changefreq = "monthly"

    def items(self):
        return public_agreements().order_by("pk").only("pk", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PartnerSitemap(CatalogueSubpageSitemap):
    route_name = "partner_route"

    def items(self):
        return Partner.objects.filter(agreement_parties__agreement__in=public_agreements()).distinct().order_by("pk")


SITEMAPS = {"halaman": PageSitemap, "naskah": AgreementSitemap, "mitra": PartnerSitemap}
