"""An agreement's words in the reader's language: the English field when it is filled in."""

from django import template

from cooperation.languages import localized

register = template.Library()


@register.filter
def localized_title(agreement) -> str:
    return localized(agreement.title, agreement.title_en)


@register.filter
def localized_summary(agreement) -> str:
    publication = getattr(agreement, "publication", None)
    if publication is None:
        return ""
    return localized(publication.summary, publication.summary_en)


@register.filter
def localized_name(obj) -> str:
    """Reference data (sector, kind, document type, partner) with an optional `name_en`."""
    return localized(getattr(obj, "name", str(obj)), getattr(obj, "name_en", ""))
