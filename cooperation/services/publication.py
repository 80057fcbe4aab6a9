"""Publishing agreements to the public catalogue: the Editor/PPID's decision, through Wagtail's publish.

The admin's own publish, unpublish, preview, schedule and workflow buttons act on the
`Publication` snippet directly; these functions are the same acts for code (the demo seed, the
"Siapkan publikasi ke katalog" button on an agreement, tests), each in one transaction, checking
the permission itself and leaving Wagtail's own revisions and audit entries (``wagtail.publish``,
``wagtail.unpublish``) behind.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Agreement, AgreementStatus, Publication

PUBLISH_PERMISSION = "cooperation.publish_publication"
PREPARE_PERMISSION = "cooperation.add_publication"


def ensure_publishable(agreement: Agreement) -> None:
    """Only a signed naskah is information the public is owed (UU 14/2008 art. 11); drafts stay inside."""
    if agreement.status not in AgreementStatus.signed_states():
        raise ValidationError(
            _("Naskah berstatus %(status)s belum ditandatangani, sehingga belum dapat dipublikasikan.")
            % {"status": agreement.get_status_display()}
        )


def _draft_for(*, agreement: Agreement) -> tuple[Publication, bool]:
    """The agreement's publication as its latest revision (the editor's draft), created if missing."""
    publication = Publication.objects.filter(agreement=agreement).first()
    if publication is not None:
        return publication.get_latest_revision_as_object(), False
    publication = Publication(agreement=agreement, live=False)
    publication.full_clean()
    publication.save()
    return publication, True


@transaction.atomic
def prepare_publication(
    *, agreement: Agreement, by, summary: str | None = None, summary_en: str | None = None
) -> Publication:
    """The draft publication of an agreement, created once; the editor then previews and publishes it.

    Given a summary, it is saved as a new draft revision (nothing goes public).
    """
    if not by.has_perm(PREPARE_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat menyiapkan publikasi."))
    ensure_publishable(agreement)
    publication, created = _draft_for(agreement=agreement)
    changed = _apply_summaries(publication, summary=summary, summary_en=summary_en)
    if created or changed:
        publication.save_revision(user=by, log_action=True)
    return publication


@transaction.atomic
def publish_agreement(
    *, agreement: Agreement, by, summary: str | None = None, summary_en: str | None = None
) -> Publication:
    """Publish now, as Wagtail's "Publikasikan" button does for people who hold the publish permission.

    The latest draft is what goes out (with the given summaries, if any); an assigned publication
    workflow does not stop a holder of the permission, exactly as in the admin.
    """
    if not by.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat mempublikasikan naskah."))
    ensure_publishable(agreement)
    publication, _created = _draft_for(agreement=agreement)
    _apply_summaries(publication, summary=summary, summary_en=summary_en)
    publication.save_revision(user=by).publish(user=by)
    publication.refresh_from_db()
    return publication


@transaction.atomic
def unpublish_agreement(*, agreement: Agreement, by) -> Publication | None:
    """Withdraw the agreement from every public page; its publication stays as a draft to republish."""
    if not by.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(_("Hanya Editor/PPID yang dapat menarik publikasi."))
    publication = Publication.objects.filter(agreement=agreement, live=True).first()
    if publication is not None:
        publication.unpublish(user=by)
    return publication


def _apply_summaries(publication: Publication, *, summary: str | None, summary_en: str | None) -> bool:
    changed = False
    for name, value in (("summary", summary), ("summary_en", summary_en)):
        if value is not None and getattr(publication, name) != value:
            setattr(publication, name, value)
            changed = True
    return changed
