"""Links the public templates need: the same page in the other language, the site's sections, the SEO tags.

The site's sections (home, menu pages, catalogue) are read once per request and language, so the
header, the feed link and the home page's links cost a fixed number of queries on every page.
"""

from dataclasses import dataclass, field
from html import unescape

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from cooperation.languages import region_name as localized_region_name

register = template.Library()

PAGE_NUMBER_PARAMETER = "halaman"
DESCRIPTION_LENGTH = 200
OG_LOCALES = {"id": "id_ID", "en": "en_GB"}


# -- paths in the two languages ------------------------------------------------------------------


def strip_language_prefix(path: str) -> str:
    """The path as the default language serves it: `/en/katalog/` -> `/katalog/`, `/en` -> `/`."""
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        if path == f"/{code}":
            return "/"
        if path.startswith(f"/{code}/"):
            return path[len(code) + 1 :]
    return path


def path_for_language(path: str, language_code: str) -> str:
    """The same path under another language's prefix (none for the default language)."""
    path = strip_language_prefix(path)
    if language_code != settings.LANGUAGE_CODE:
        path = f"/{language_code}{path}"
    return path


def page_number(request: HttpRequest) -> str:
    """The catalogue's page number when it names a page after the first, else ''."""
    value = request.GET.get(PAGE_NUMBER_PARAMETER, "")
    return value if value.isdigit() and int(value) > 1 else ""


def canonical_path(request: HttpRequest, language_code: str | None = None) -> str:
    """The path without its query string, except the page number: page 3 of a list is a page of its own."""
    path = request.path if language_code is None else path_for_language(request.path, language_code)
    number = page_number(request)
    return f"{path}?{PAGE_NUMBER_PARAMETER}={number}" if number else path


@register.simple_tag(takes_context=True)
def path_in_language(context, language_code: str) -> str:
    """This page in another language, with the same query: the paths are the same, only the prefix changes."""
    request = context.get("request")
    if request is None:
        return "/"
    path = path_for_language(request.path, language_code)
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The absolute URL search engines should index for this page (filters and sorting dropped)."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(canonical_path(request))


@register.simple_tag(takes_context=True)
def alternate_url(context, language_code: str) -> str:
    """The canonical URL of this page in a language, for `hreflang` alternates."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(canonical_path(request, language_code))


@register.simple_tag
def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag
def og_locale_alternates(language_code: str) -> list[str]:
    return [locale for code, locale in OG_LOCALES.items() if code != language_code]


@register.simple_tag
def page_description(page) -> str:
    """What a search result or a shared link says about a page: the editor's description, else its intro."""
    if not page:
        return ""
    intro = str(getattr(page, "intro", "") or "").replace("<", " <")  # keep words of adjacent blocks apart
    text = getattr(page, "search_description", "") or unescape(strip_tags(intro))
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def region_name() -> str:
    """The government running the portal: configuration, so another region needs no code change."""
    return localized_region_name()


# -- the site's sections ------------------------------------------------------------------------


@dataclass
class SiteSections:
    """The home page in the active language, the pages under it shown in menus, and the catalogue."""

    home: Page | None = None
    sections: list[Page] = field(default_factory=list)
    catalogue: Page | None = None


def _active_content_language() -> str:
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def _load_site_sections(request: HttpRequest | None) -> SiteSections:
    from portal.models import CatalogueIndexPage

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return SiteSections()
    language = _active_content_language()
    root_translations = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    homes = Page.objects.live().filter(translation_key__in=root_translations)
    home = homes.filter(locale__language_code=language).first() or homes.filter(pk=site.root_page_id).first()
    if home is None:
        return SiteSections()
    sections = list(home.get_children().live().in_menu())
    catalogue_type = ContentType.objects.get_for_model(CatalogueIndexPage).pk
    catalogue = next((page for page in sections if page.content_type_id == catalogue_type), None)
    if catalogue is None:
        catalogue = CatalogueIndexPage.objects.live().descendant_of(home).first()
    return SiteSections(home=home, sections=sections, catalogue=catalogue)


def site_sections(request: HttpRequest | None) -> SiteSections:
    """The sections for the active language, read once per request."""
    if request is None:
        return _load_site_sections(None)
    cache = request.__dict__.setdefault("_portal_site_sections", {})
    language = translation.get_language()
    if language not in cache:
        cache[language] = _load_site_sections(request)
    return cache[language]


def _page_url(page: Page, request: HttpRequest | None) -> str:
    return page.get_url(request=request) or ""


@register.simple_tag(takes_context=True)
def section_pages(context, model_name: str) -> list[dict]:
    """The menu pages of one type (e.g. "StandardPage") with title, URL and description, in one query."""
    from portal import models as page_models

    request = context.get("request")
    model = getattr(page_models, model_name)
    content_type = ContentType.objects.get_for_model(model).pk
    pages = [page for page in site_sections(request).sections if page.content_type_id == content_type]
    if not pages:
        return []
    specific = model.objects.in_bulk([page.pk for page in pages])
    return [
        {
            "title": page.title,
            "url": _page_url(page, request),
            "description": page_description(specific.get(page.pk, page)),
        }
        for page in pages
    ]


@register.simple_tag(takes_context=True)
def catalogue_feed_url(context) -> str:
    """The Atom feed of the catalogue in the active language, or '' while no catalogue is published."""
    from portal.models import CatalogueIndexPage

    request = context.get("request")
    catalogue = site_sections(request).catalogue
    if catalogue is None:
        return ""
    return _page_url(catalogue, request) + CatalogueIndexPage().reverse_subpage("feed_route")


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    home = site_sections(request).home
    if home is not None:
        return _page_url(home, request)
    return path_for_language("/", translation.get_language() or settings.LANGUAGE_CODE)


def _is_within(path: str, url: str) -> bool:
    return bool(url) and (path == url or path.startswith(url.rstrip("/") + "/"))


@register.inclusion_tag("portal/includes/site_nav.html", takes_context=True)
def site_nav(context):
    """The main menu: home, the menu pages, the request form; the section being read is marked current."""
    request = context.get("request")
    current = request.path if request is not None else ""
    structure = site_sections(request)
    items = []
    if structure.home is not None:
        url = _page_url(structure.home, request)
        items.append({"title": _("Beranda"), "url": url, "current": current == url})
    for page in structure.sections:
        url = _page_url(page, request)
        items.append({"title": page.title, "url": url, "current": _is_within(current, url)})
    request_form = reverse("external_request_form")
    items.append({"title": _("Ajukan Kerja Sama"), "url": request_form, "current": _is_within(current, request_form)})
    return {"items": items}


@register.simple_tag
def agreement_url(catalogue, agreement) -> str:
    """An agreement's public page under the catalogue (the model method, callable from a template)."""
    return catalogue.agreement_url(agreement)


@register.simple_tag(takes_context=True)
def child_pages(context, page) -> list[dict]:
    """The live, public pages under an information page, as title and URL, in menu order."""
    request = context.get("request")
    children = page.get_children().live().public()
    return [{"title": child.title, "url": _page_url(child, request)} for child in children]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[dict]:
    """The pages above this one, from the home page down (the site root's parent is left out)."""
    request = context.get("request")
    home = site_sections(request).home
    if home is None or page.depth <= home.depth + 1:
        return []
    ancestors = page.get_ancestors().filter(depth__gt=home.depth)
    trail = [{"title": _("Beranda"), "url": _page_url(home, request)}]
    return trail + [{"title": ancestor.title, "url": _page_url(ancestor, request)} for ancestor in ancestors]
