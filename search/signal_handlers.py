"""Thin handlers: whatever changes what an agreement's index entry holds notes the agreement in the outbox."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import published, unpublished

from cooperation.models import (
    Agency,
    Agreement,
    AgreementDocument,
    AgreementParty,
    DocumentPage,
    Partner,
    Publication,
)

from .indexing import schedule_reindex


def on_agreement_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_reindex([instance.pk])


def on_child_changed(sender, instance, raw=False, **kwargs):
    """A party, a publication or a document: its agreement's entry changes."""
    if not raw:
        schedule_reindex([getattr(instance, "agreement_id", None)])


def on_page_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    agreement_id = AgreementDocument.objects.filter(pk=instance.document_id).values_list("agreement_id", flat=True)
    schedule_reindex(list(agreement_id))


def on_relation_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    """Sectors and implementing agencies (written when a ParentalManyToManyField is committed)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        schedule_reindex([instance.pk])
    elif pk_set:
        schedule_reindex(pk_set)


def on_partner_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    ids = AgreementParty.objects.filter(partner=instance).values_list("agreement_id", flat=True)
    schedule_reindex(list(ids))


def on_agency_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    implemented = Agreement.implementing_agencies.through.objects.filter(agency=instance).values("agreement_id")
    ids = (
        Agreement.objects.filter(initiating_agency=instance)
        .values_list("pk", flat=True)
        .union(
            implemented.values_list("agreement_id", flat=True),
            AgreementParty.objects.filter(agency=instance).values_list("agreement_id", flat=True),
        )
    )
    schedule_reindex(list(ids))


def on_publication_published(sender, instance, **kwargs):
    if isinstance(instance, Publication):
        schedule_reindex([instance.agreement_id])


def register() -> None:
    post_save.connect(on_agreement_changed, sender=Agreement, dispatch_uid="search_agreement_saved")
    post_delete.connect(on_agreement_changed, sender=Agreement, dispatch_uid="search_agreement_deleted")
    for model in (AgreementParty, Publication, AgreementDocument):
        name = model._meta.model_name
        post_save.connect(on_child_changed, sender=model, dispatch_uid=f"search_{name}_saved")
        post_delete.connect(on_child_changed, sender=model, dispatch_uid=f"search_{name}_deleted")
    post_save.connect(on_page_changed, sender=DocumentPage, dispatch_uid="search_documentpage_saved")
    post_delete.connect(on_page_changed, sender=DocumentPage, dispatch_uid="search_documentpage_deleted")
    m2m_changed.connect(on_relation_changed, sender=Agreement.sectors.through, dispatch_uid="search_sectors")
    m2m_changed.connect(
        on_relation_changed, sender=Agreement.implementing_agencies.through, dispatch_uid="search_implementers"
    )
    post_save.connect(on_partner_changed, sender=Partner, dispatch_uid="search_partner_saved")
    post_save.connect(on_agency_changed, sender=Agency, dispatch_uid="search_agency_saved")
    published.connect(on_publication_published, dispatch_uid="search_publication_published")
    unpublished.connect(on_publication_published, dispatch_uid="search_publication_unpublished")
