"""Links the public templates need: the same page in the other language, the site's sections."""

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


def strip_language_prefix(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}/" or path.startswith(f"/{code}/")):
            return path[len(code) + 1 :] or "/"
    return path


@register.simple_tag(takes_context=True)
def path_in_language(context, language_code: str) -> str:
    """This page in another language: the paths are the same, only the prefix changes."""
    request = context.get("request")
    if request is None:
        return "/"
    path = strip_language_prefix(request.path)
    if language_code != settings.LANGUAGE_CODE:
        path = f"/{language_code}{path}"
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page without its query string, except the page number, which is a page of its own."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    return url


@register.inclusion_tag("portal/includes/site_nav.html", takes_context=True)
def site_nav(context):
    from wagtail.models import Locale

    from portal.models import CatalogueIndexPage, HomePage, StandardPage, StatisticsPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    request = context.get("request")
    sections = []
    if locale is not None:
        home = HomePage.objects.live().filter(locale=locale).first()
        if home:
            sections.append(home)
            sections += list(
                home.get_children()
                .live()
                .in_menu()
                .type(CatalogueIndexPage, StatisticsPage, StandardPage)
                .specific()
                .only("title", "url_path", "locale")
            )
    current = request.path if request else ""
    return {
        "sections": sections,
        "current_path": current,
        "request": request,
        "LANGUAGE_CODE": translation.get_language(),
    }
