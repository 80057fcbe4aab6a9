"""Thin handlers: they notice what happened and let a service decide what it means.

- Wagtail tells us a workflow was cancelled.
- A document got a new file, from any form, service or command: its text must be read again.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.signals import workflow_cancelled

from .models import AgreementDocument, Proposal, TextStatus


def on_workflow_cancelled(sender, instance, user, **kwargs):
    content_object = instance.content_object
    if isinstance(content_object, Proposal):
        from .services.proposals import submission_withdrawn

        submission_withdrawn(proposal=content_object, by=user)


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
    pre_save.connect(on_document_pre_save, sender=AgreementDocument, dispatch_uid="cooperation_document_file_check")
    post_save.connect(on_document_saved, sender=AgreementDocument, dispatch_uid="cooperation_document_text")
