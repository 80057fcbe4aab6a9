"""Secretariat dashboard panels on the Wagtail admin home page."""

from wagtail.admin.ui.components import Component

from .selectors import agreements_ending_soon, status_counts


class StatusCountsPanel(Component):
    name = "cooperation_status_counts"
    order = 50
    template_name = "cooperation/dashboard/status_counts.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        rows = status_counts(user=self.user)
        return {"rows": rows, "total": sum(r["count"] for r in rows if r["status"] != "expiring")}


class EndingSoonPanel(Component):
    name = "cooperation_ending_soon"
    order = 60
    template_name = "cooperation/dashboard/ending_soon.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"agreements": agreements_ending_soon(user=self.user, months=6)}
