"""Thin handlers: they notice what happened and let a service decide what it means.

- Wagtail tells us a workflow was cancelled, or a monev report was submitted, sent back or verified.
- A document got a new file, from any form, service or command: its text must be read again.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.signals import workflow_approved, workflow_cancelled, workflow_rejected, workflow_submitted

from .models import AgreementDocument, MonevReport, Proposal, TextStatus


def on_workflow_cancelled(sender, instance, user, **kwargs):
    content_object = instance.content_object
    if isinstance(content_object, Proposal):
        from .services.proposals import submission_withdrawn

        submission_withdrawn(proposal=content_object, by=user)
    elif isinstance(content_object, MonevReport):
        from .services import monev

        monev.submission_withdrawn(report=content_object, by=user)


def on_monev_submitted(sender, instance, user, **kwargs):
    if isinstance(report := instance.content_object, MonevReport):
        from .services import monev

        monev.report_submitted(report=report, by=user)


def on_monev_rejected(sender, instance, user, **kwargs):
    """Wagtail's "request changes": the comment sits on the task state that was rejected."""
    if isinstance(report := instance.content_object, MonevReport):
        from .services import monev

        task_state = instance.current_task_state
        monev.report_changes_requested(report=report, by=user, comment=task_state.comment if task_state else "")


def on_monev_approved(sender, instance, user, **kwargs):
    if isinstance(report := instance.content_object, MonevReport):
        from wagtail.models import TaskState

        from .services import monev

        last = instance.task_states.filter(status=TaskState.STATUS_APPROVED).order_by("-finished_at", "-pk").first()
        monev.report_verified(report=report, by=user, comment=last.comment if last else "")


def _file_changed(document: AgreementDocument) -> bool:
    if document._state.adding or document.pk is None:
        return bool(document.file)
    if document.file and not getattr(document.file, "_committed", True):
        return True  # a fresh upload assigned to an existing document
    stored = AgreementDocument.objects.filter(pk=document.pk).values_list("file", flat=True).first()
    return stored != document.file.name


def on_document_pre_save(sender, instance: AgreementDocument, raw: bool = False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "file" not in update_fields):
        instance._text_file_changed = False
        return
    instance._text_file_changed = _file_changed(instance)


def on_document_saved(sender, instance: AgreementDocument, raw: bool = False, **kwargs):
    if raw or not getattr(instance, "_text_file_changed", False):
        return
    from .services.document_text import enqueue_extraction, mark_pending

    instance._text_file_changed = False
    if instance.text_status != TextStatus.PENDING or instance.text_error:
        mark_pending(document_id=instance.pk)
    instance.text_status, instance.text_error = TextStatus.PENDING, ""
    enqueue_extraction(document_id=instance.pk)


def register() -> None:
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="cooperation_proposal_workflow_cancelled")
    workflow_submitted.connect(on_monev_submitted, dispatch_uid="cooperation_monev_submitted")
    workflow_rejected.connect(on_monev_rejected, dispatch_uid="cooperation_monev_rejected")
    workflow_approved.connect(on_monev_approved, dispatch_uid="cooperation_monev_approved")
    pre_save.connect(on_document_pre_save, sender=AgreementDocument, dispatch_uid="cooperation_document_file_check")
    post_save.connect(on_document_saved, sender=AgreementDocument, dispatch_uid="cooperation_document_text")
