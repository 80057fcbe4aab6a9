"""Documents as staff see them in the admin, scoped to the records (and classifications) they may see."""

from django.db.models import F, Q, QuerySet

from .. import roles
from ..models import AgreementDocument, Classification, TextStatus
from .agreements import agreements_visible_to
from .proposals import proposals_visible_to

RESTRICTED_DOCUMENTS_PERMISSION = "cooperation.view_restricted_agreementdocument"
# Everything but "done": what staff still have to look at (a failed file, a scan waiting for OCR, a stuck task).
TEXT_NOT_DONE = [TextStatus.FAILED, TextStatus.NEEDS_OCR, TextStatus.PENDING, TextStatus.PROCESSING]


def documents_visible_to(*, user: roles.User) -> QuerySet[AgreementDocument]:
    """The documents of the agreements and proposals the user may see; restricted ones only with the permission.

    The same rule as ``document_visible_to`` for one document, as one query for a list. Documents of
    neither an agreement nor a proposal (attached to a request from outside) are for region-wide roles.
    """
    if not user.is_authenticated:
        return AgreementDocument.objects.none()
    belongs = Q(agreement__in=agreements_visible_to(user=user).values("pk")) | Q(
        agreement__isnull=True, proposal__in=proposals_visible_to(user=user).values("pk")
    )
    if roles.is_region_wide(user):
        belongs |= Q(agreement__isnull=True, proposal__isnull=True)
    documents = AgreementDocument.objects.filter(belongs)
    if not user.has_perm(RESTRICTED_DOCUMENTS_PERMISSION):
        documents = documents.exclude(classification=Classification.RESTRICTED)
    return documents


def documents_needing_text(*, user: roles.User, statuses: list[str] | None = None) -> QuerySet[AgreementDocument]:
    """Visible documents whose text is not (yet) searchable, the latest attempt first, with what a list shows."""
    wanted = [status for status in (statuses or TEXT_NOT_DONE) if status in TEXT_NOT_DONE]
    return (
        documents_visible_to(user=user)
        .filter(text_status__in=wanted)
        .select_related("agreement", "proposal", "external_request")
        .order_by(F("text_extracted_at").desc(nulls_last=True), "-pk")
    )
