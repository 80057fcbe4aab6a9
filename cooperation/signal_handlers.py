"""Thin handlers: Wagtail tells us a workflow was cancelled; the service decides what that means."""

from wagtail.signals import workflow_cancelled

from .models import Proposal


def on_workflow_cancelled(sender, instance, user, **kwargs):
    content_object = instance.content_object
    if isinstance(content_object, Proposal):
        from .services.proposals import submission_withdrawn

        submission_withdrawn(proposal=content_object, by=user)


def register() -> None:
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="cooperation_proposal_workflow_cancelled")
