"""An Atom feed of newly published agreements, for journalists' and watchdogs' feed readers."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cooperation.selectors import newest_public_agreements

from .templatetags.public_text import localized_summary, localized_title


class NewlyPublishedFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, *, page):
        super().__init__()
        self.page = page

    def title(self):
        return _("Naskah kerja sama terbaru — Pemerintah Kota Malang")

    def subtitle(self):
        return _("Naskah kerja sama daerah yang baru dipublikasikan di katalog Si Mbois Ker.")

    def link(self):
        return self.page.url

    def items(self):
        return newest_public_agreements(limit=50)

    def item_title(self, item):
        return localized_title(item)

    def item_description(self, item):
        return localized_summary(item) or item.scope

    def item_link(self, item):
        return self.page.agreement_url(item)

    def item_guid(self, item):
        return f"tag:simboisker,{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publication.first_published_at

    def item_updateddate(self, item):
        return item.publication.last_published_at or item.publication.first_published_at

    def item_categories(self, item):
        return [item.document_type.code, item.kind.code]
