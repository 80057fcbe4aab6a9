"""Builds the portal's page tree in Indonesian and English: idempotent, for new sites and the demo."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from . import models as page_models
from .site_content import HOME, SECTIONS


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _apply(page: Page, fields: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    page.draft_title = page.title


@transaction.atomic
def ensure_site_pages() -> page_models.HomePage:
    """The home page, catalogue, statistics and information pages, each with its English translation."""
    indonesian = Locale.get_default()
    english, _ = Locale.objects.get_or_create(language_code="en")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not home.propose_text:
        _apply(home, {k: v for k, v in HOME["id"].items() if k != "title"})
        _publish(home)
    english_home = home.get_translation_or_none(english)
    if english_home is None:
        english_home = home.copy_for_translation(english)
        _apply(english_home, HOME["en"])
        _publish(english_home)

    for model_name, slug, content in SECTIONS:
        model = getattr(page_models, model_name)
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, show_in_menus=True, locale=indonesian)
            _apply(page, content["id"])
            home.add_child(instance=page)
            _publish(page)
        if page.get_translation_or_none(english) is None:
            translation = page.copy_for_translation(english)
            _apply(translation, content["en"])
            _publish(translation)
    return home
