"""Publishing agreements to the public catalogue: the Editor/PPID's decision, through Wagtail's publish.

The admin's own publish, unpublish, preview and workflow buttons act on the `Publication`
snippet directly; these functions are the same acts for code (the demo seed, the "Publikasikan"
button on an agreement, tests), each in one transaction with Wagtail's own audit entries.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Agreement, AgreementStatus, Publication

PUBLISH_PERMISSION = "cooperation.publish_publication"
PREPARE_PERMISSION = "cooperation.add_publication"


def ensure_publishable(agreement: Agreement) -> None:
    if agreement.status not in AgreementStatus.signed_states():
        raise ValidationError(
            _("Naskah berstatus %(status)s belum ditandatangani, sehingga belum dapat dipublikasikan.")
            % {"status": agreement.get_status_display()}
        )


@transaction.atomic
def prepare_publication(*, agreement: Agreement, by) -> Publication:
    """The draft publication of an agreement, created once; the editor previews and publishes it."""
    if not by.has_perm(PREPARE_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat menyiapkan publikasi."))
    ensure_publishable(agreement)
    publication, created = Publication.objects.get_or_create(agreement=agreement, defaults={"live": False})
    if created:
        publication.save_revision(user=by, log_action=True)
    return publication


@transaction.atomic
def publish_agreement(
    *, agreement: Agreement, by, summary: str | None = None, summary_en: str | None = None
) -> Publication:
    """Publish now, bypassing any publication workflow: for people who hold the publish permission."""
    if not by.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat mempublikasikan naskah."))
    publication = prepare_publication(agreement=agreement, by=by)
    if summary is not None:
        publication.summary = summary
    if summary_en is not None:
        publication.summary_en = summary_en
    publication.full_clean()
    publication.save_revision(user=by).publish(user=by)
    return publication


@transaction.atomic
def unpublish_agreement(*, agreement: Agreement, by) -> None:
    if not by.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat menarik publikasi."))
    publication = Publication.objects.filter(agreement=agreement, live=True).first()
    if publication:
        publication.unpublish(user=by)
