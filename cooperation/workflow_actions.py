"""What happens when a review workflow completes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION)."""

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state, user=None):
    """Approval by the last stage is the decision itself: the approver needs no publish permission.

    The proposal's revision is published (it becomes "live" = approved); the agreement record is
    created by the service that handled the approval. Other models keep Wagtail's behaviour.
    """
    from .models import MonevReport, Proposal

    content_object = workflow_state.content_object
    if isinstance(content_object, Proposal):
        content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    if isinstance(content_object, MonevReport):
        from .services.monev import publish_verified_revision

        publish_verified_revision(workflow_state=workflow_state, user=user)
        return
    publish_workflow_state(workflow_state, user=user)
