"""Every change of an agreement's state: one function each, one transaction, audited."""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from .. import roles
from ..models import Agreement, AgreementDocument, AgreementStatus, AgreementStatusChange, DocumentCategory
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


def in_register_language(message: str) -> str:
    """Text kept in the register is written in the region's language, whoever's screen recorded it."""
    with translation.override(settings.LANGUAGE_CODE):
        return _(message)


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
    partner_number: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    signed_scan: File | None = None,
    note: str = "",
) -> Agreement:
    """Record the signing: both parties' numbers, date, place and the signed scan; then Ditandatangani,
    and Berlaku straight away when the agreement's start date has already come. Signing an extension
    makes the agreement it replaces Diperpanjang."""
    if not roles.keeps_register(by):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat mencatat penandatanganan."))
    with transaction.atomic():
        agreement.signed_on = signed_on
        agreement.signed_at = signed_at
        agreement.region_number = region_number
        agreement.starts_on = starts_on or agreement.starts_on or signed_on
        agreement.ends_on = ends_on or agreement.ends_on
        agreement.full_clean(exclude=["status"])
        agreement.save(update_fields=["signed_on", "signed_at", "region_number", "starts_on", "ends_on", "updated_at"])
        if partner_number and (first_party := agreement.parties.order_by("sort_order", "pk").first()):
            first_party.number = partner_number
            first_party.full_clean()
            first_party.save(update_fields=["number"])
        if signed_scan is not None:
            AgreementDocument.objects.create(
                title=_("Naskah ditandatangani"),
                agreement=agreement,
                category=DocumentCategory.objects.filter(code="naskah-ditandatangani").first(),
                file=signed_scan,
                uploaded_by_user=by,
            )
        change_agreement_status(agreement=agreement, to_status=AgreementStatus.SIGNED, by=by, note=note)
        if agreement.replaces_id:
            from .lifecycle import successor_signed  # lifecycle builds on this module

            successor_signed(successor=agreement, by=by)
        if agreement.starts_on <= timezone.localdate():
            change_agreement_status(
                agreement=agreement,
                to_status=AgreementStatus.IN_FORCE,
                by=by,
                note=in_register_language(gettext_noop("Mulai berlaku.")),
            )
    return agreement


def bring_agreements_into_force(*, today: datetime.date | None = None) -> int:
    """Signed agreements whose start date has come become Berlaku; safe to run any number of times."""
    today = today or timezone.localdate()
    return move_due_agreements(
        from_status=AgreementStatus.SIGNED,
        to_status=AgreementStatus.IN_FORCE,
        due=Q(starts_on__lte=today),
        note=lambda agreement: (
            in_register_language(gettext_noop("Mulai berlaku pada %(date)s."))
            % {"date": agreement.starts_on.strftime("%d-%m-%Y")}
        ),
    )


def move_due_agreements(*, from_status: str, to_status: str, due: Q, note: Callable[[Agreement], str]) -> int:
    """The clock's status changes (Berlaku, Berakhir): every agreement in ``from_status`` matching
    ``due`` moves to ``to_status`` with a history row and an audit entry, one transaction each.

    Each is checked again under a row lock, so two runs at once, or a run beside a user's change,
    never move an agreement twice or from a status it has already left. Returns how many moved.
    """
    count = 0
    for agreement in Agreement.objects.filter(due, status=from_status).iterator():
        with transaction.atomic():
            locked = Agreement.objects.select_for_update().filter(due, pk=agreement.pk, status=from_status).first()
            if locked is None:
                continue
            locked.status = to_status
            locked.save(update_fields=["status", "updated_at"])
            AgreementStatusChange.objects.create(
                agreement=locked, from_status=from_status, to_status=to_status, note=note(locked)
            )
            log(locked, STATUS_CHANGE_ACTION, data={"from": from_status, "to": to_status})
            count += 1
    return count


def record_new_agreement(*, agreement: Agreement, by: roles.User) -> None:
    """Open an agreement's status history when a record is first entered."""
    AgreementStatusChange.objects.create(
        agreement=agreement,
        from_status="",
        to_status=agreement.status,
        changed_by=by,
        note=in_register_language(gettext_noop("Naskah dicatat dalam register.")),
    )
