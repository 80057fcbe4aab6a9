"""An agreement's words in the reader's language: the English field when it is filled in."""

from django import template
from django.utils import translation

register = template.Library()


def _in_english() -> bool:
    return (translation.get_language() or "").startswith("en")


@register.filter
def localized_title(agreement) -> str:
    return (agreement.title_en if _in_english() and agreement.title_en else agreement.title) or ""


@register.filter
def localized_summary(agreement) -> str:
    publication = getattr(agreement, "publication", None)
    if publication is None:
        return ""
    return (publication.summary_en if _in_english() and publication.summary_en else publication.summary) or ""


@register.filter
def localized_name(obj) -> str:
    """Reference data (sector, kind, document type, partner) with an optional `name_en`."""
    english = getattr(obj, "name_en", "")
    return (english if _in_english() and english else getattr(obj, "name", str(obj))) or ""
