"""Secretariat dashboard panels on the Wagtail admin home page."""

from wagtail.admin.ui.components import Component

from .models import Publication
from .selectors import agreements_ending_soon, overdue_stages, stage_rows, stages_awaiting, status_counts
from .selectors.agreements import publication_backlog_count, publications_awaiting


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


class AwaitingMyActionPanel(Component):
    """ "Menunggu tindakan saya": the stages this user's groups must act on, soonest due first."""

    name = "cooperation_awaiting_my_action"
    order = 30
    template_name = "cooperation/dashboard/awaiting_my_action.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"rows": stage_rows(stages_awaiting(user=self.user)[:20])}


class OverdueStagesPanel(Component):
    """ "Terlambat": review stages past their service-standard due date."""

    name = "cooperation_overdue_stages"
    order = 40
    template_name = "cooperation/dashboard/overdue_stages.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"rows": stage_rows(overdue_stages(user=self.user)[:20])}


class PublicationPanel(Component):
    """ "Publikasi katalog": what waits for the Editor/PPID, approvals included when a workflow is on."""

    name = "cooperation_publications"
    order = 35
    template_name = "cooperation/dashboard/publications.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        states = list(publications_awaiting(user=self.user)[:20])
        publications = Publication.objects.select_related("agreement").in_bulk(
            [int(state.workflow_state.object_id) for state in states]
        )
        return {
            "awaiting": [
                {"state": state, "publication": publications.get(int(state.workflow_state.object_id))}
                for state in states
            ],
            "backlog": publication_backlog_count(user=self.user),
        }


class MonevDuePanel(Component):
    """ "Laporan monev yang harus dibuat": the periods the user's agency still owes, overdue first;
    for the secretariat also the reports waiting for its verification (Wagtail's own list is hidden)."""

    name = "cooperation_monev_due"
    order = 25
    template_name = "cooperation/dashboard/monev_due.html"
    limit = 10  # the most urgent; the rest are one click away on the schedule

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from .selectors.monev import obligations_for, reports_awaiting_verification
        from .services.monev import may_write_reports

        outstanding = [obligation for obligation in obligations_for(user=self.user) if obligation.is_outstanding]
        return {
            "obligations": outstanding[: self.limit],
            "outstanding_count": len(outstanding),
            "can_write": may_write_reports(self.user),
            "awaiting": reports_awaiting_verification(user=self.user),
        }
