"""The staff archive search in the admin menu, shown to the users who may use it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ArchiveSearchView, may_search_archive


class ArchiveSearchMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_search_archive(request.user)


@hooks.register("register_admin_urls")
def register_archive_search_url():
    return [path("pencarian-arsip/", ArchiveSearchView.as_view(), name="agreement_search_archive")]


@hooks.register("register_admin_menu_item")
def register_archive_search_menu_item():
    return ArchiveSearchMenuItem(
        _("Pencarian Arsip"), reverse("agreement_search_archive"), icon_name="search", name="archive-search", order=250
    )
