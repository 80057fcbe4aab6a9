"""Every change of an agreement's state: one function each, one transaction, audited."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import roles
from ..models import Agreement, AgreementStatus, AgreementStatusChange
from ..selectors import agreements_changeable_by

STATUS_CHANGE_ACTION = "cooperation.status_change"

# The lifecycle after data entry. Review moves (Diajukan … Disetujui) are driven by the
# approval workflow; the register keepers may also record them for paper-era agreements.
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    AgreementStatus.DRAFT: {AgreementStatus.SUBMITTED, AgreementStatus.APPROVED, AgreementStatus.SIGNED},
    AgreementStatus.SUBMITTED: {
        AgreementStatus.VERIFIED,
        AgreementStatus.NEEDS_REVISION,
        AgreementStatus.REJECTED,
    },
    AgreementStatus.NEEDS_REVISION: {AgreementStatus.SUBMITTED},
    AgreementStatus.VERIFIED: {
        AgreementStatus.DELIBERATION,
        AgreementStatus.NEEDS_REVISION,
        AgreementStatus.REJECTED,
    },
    AgreementStatus.DELIBERATION: {
        AgreementStatus.AWAITING_DPRD,
        AgreementStatus.APPROVED,
        AgreementStatus.NEEDS_REVISION,
        AgreementStatus.REJECTED,
    },
    AgreementStatus.AWAITING_DPRD: {AgreementStatus.APPROVED, AgreementStatus.REJECTED},
    AgreementStatus.APPROVED: {AgreementStatus.SIGNED},
    AgreementStatus.SIGNED: {AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED},
    AgreementStatus.IN_FORCE: {
        AgreementStatus.EXPIRED,
        AgreementStatus.EXTENDED,
        AgreementStatus.TERMINATED,
    },
    AgreementStatus.EXPIRED: {AgreementStatus.EXTENDED},
    AgreementStatus.REJECTED: set(),
    AgreementStatus.EXTENDED: set(),
    AgreementStatus.TERMINATED: set(),
}


def ensure_can_change(*, user: roles.User, agreement: Agreement) -> None:
    """Raise PermissionDenied unless the user may change this very record."""
    if agreement.pk is None:
        return
    if not agreements_changeable_by(user=user).filter(pk=agreement.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang mengubah naskah ini."))


def change_agreement_status(*, agreement: Agreement, to_status: str, by: roles.User, note: str = "") -> Agreement:
    """Move an agreement along its lifecycle, keeping the history and the audit log."""
    if not roles.keeps_register(by):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat mengubah status naskah."))
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        from_status = locked.status
        if to_status not in ALLOWED_TRANSITIONS.get(from_status, set()):
            raise ValidationError(
                _("Status tidak dapat diubah dari %(from)s menjadi %(to)s.")
                % {
                    "from": AgreementStatus(from_status).label,
                    "to": AgreementStatus(to_status).label,
                }
            )
        locked.status = to_status
        locked.full_clean()
        locked.save(update_fields=["status", "updated_at"])
        AgreementStatusChange.objects.create(
            agreement=locked, from_status=from_status, to_status=to_status, changed_by=by, note=note
        )
        log(
            locked,
            STATUS_CHANGE_ACTION,
            user=by,
            data={"from": from_status, "to": to_status, "note": note},
        )
    agreement.refresh_from_db()
    return agreement


def record_signature(
    *,
    agreement: Agreement,
    by: roles.User,
    signed_on: datetime.date,
    signed_at: str,
    region_number: str,
    note: str = "",
) -> Agreement:
    """Record the signing (date, place, the region's number) and move the record to Ditandatangani."""
    if not roles.keeps_register(by):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat mencatat penandatanganan."))
    with transaction.atomic():
        agreement.signed_on = signed_on
        agreement.signed_at = signed_at
        agreement.region_number = region_number
        agreement.full_clean(exclude=["status"])
        agreement.save(update_fields=["signed_on", "signed_at", "region_number", "updated_at"])
        return change_agreement_status(agreement=agreement, to_status=AgreementStatus.SIGNED, by=by, note=note)


def record_new_agreement(*, agreement: Agreement, by: roles.User) -> None:
    """Open an agreement's status history when a record is first entered."""
    AgreementStatusChange.objects.create(
        agreement=agreement,
        from_status="",
        to_status=agreement.status,
        changed_by=by,
        note=_("Naskah dicatat dalam register."),
    )
