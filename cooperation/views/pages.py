"""The frame shared by the admin's one-record form pages (status, review action, clearance, triage)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class RecordFormPageMixin(WagtailAdminTemplateMixin):
    """A form page about one record: who may open it, the record, and breadcrumbs back to it."""

    url_namespace = ""
    model: type[Model]

    def user_may_open(self, user) -> bool:
        return True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.user_may_open(request.user):
            raise PermissionDenied
        self.object = self.model.objects.get(pk=unquote(str(kwargs["pk"])))

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        model_meta = type(self.object)._meta
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{self.url_namespace}:list"), "label": capfirst(model_meta.verbose_name_plural)},
            {"url": reverse(f"{self.url_namespace}:inspect", args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_header_title(self):
        return self.get_page_title()


class ReadableInspectMixin:
    """Empty values read as a dash and booleans as Ya/Tidak, not "None" and "True"."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if value is True or value is False:
            return _("Ya") if value else _("Tidak")
        return value


class AdminPageMixin(WagtailAdminTemplateMixin):
    """A stand-alone admin page (not a viewset's): its own title in the header and breadcrumbs.

    Without it Wagtail's header falls back to the home breadcrumb ("Beranda").
    """

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
