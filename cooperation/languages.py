"""The one rule for bilingual data: the English field on English pages when it is filled in."""

from django.utils import translation


def in_english() -> bool:
    return (translation.get_language() or "").startswith("en")


def localized(text: str | None, text_en: str | None) -> str:
    return (text_en if in_english() and text_en else text) or ""


def region_name() -> str:
    """The region's own name on Indonesian pages, its English name (when configured) on English ones."""
    from django.conf import settings

    return localized(settings.COOPERATION_REGION_NAME, getattr(settings, "COOPERATION_REGION_NAME_EN", ""))
