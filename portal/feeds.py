"""An Atom feed of newly published agreements, for journalists' and watchdogs' feed readers.

Served by the catalogue page at `feed/` in each language: the English feed carries the English
titles and summaries where editors filled them in. Items come from the public selectors only,
so a draft or a withdrawn publication never reaches a feed reader.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cooperation.languages import region_name
from cooperation.selectors import newest_public_agreements

from .templatetags.public_text import localized_name, localized_summary, localized_title

FEED_LENGTH = 50


class NewlyPublishedFeed(Feed):
    """The newest published agreements, most recently published first; links are made absolute by Django."""

    feed_type = Atom1Feed

    def __init__(self, *, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        # The page URLs below are resolved for this request's site and language.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def _catalogue_path(self) -> str:
        return self.page.get_url(request=getattr(self, "request", None)) or "/"

    def title(self) -> str:
        return _("Naskah kerja sama terbaru — %(region)s") % {"region": region_name()}

    def subtitle(self) -> str:
        return _("Naskah kerja sama daerah yang baru dipublikasikan di katalog Si Mbois Ker.")

    def link(self) -> str:
        return self._catalogue_path()

    def author_name(self) -> str:
        return region_name()

    def items(self):
        return newest_public_agreements(limit=FEED_LENGTH)

    def item_title(self, item) -> str:
        return localized_title(item)

    def item_description(self, item) -> str:
        return localized_summary(item) or item.scope

    def item_link(self, item) -> str:
        return self._catalogue_path() + self.page.reverse_subpage("agreement_route", kwargs={"pk": item.pk})

    def item_pubdate(self, item):
        return item.publication.first_published_at

    def item_updateddate(self, item):
        return item.publication.last_published_at or item.publication.first_published_at

    def item_categories(self, item) -> list[str]:
        return [localized_name(item.document_type), localized_name(item.kind)]
