"""The end of an agreement's life: extension (perpanjangan), amendment (adendum), early termination
(pengakhiran) and expiry (berakhir). One function each, one transaction, audited.

An extension or an amendment is not a status change of the old record: it is a new proposal that
goes through the same review as any other (domain.md, stage 11: "same path as signing"). The old
agreement only becomes Diperpanjang when its successor is signed.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from .. import roles
from ..models import (
    Agreement,
    AgreementDocument,
    AgreementStatus,
    DocumentCategory,
    DocumentRole,
    DocumentType,
    Level,
    Proposal,
    ProposalParty,
    ProposalPurpose,
    ProposalStatus,
)
from ..selectors import agency_of, agreements_changeable_by, missing_required_documents
from ..uploads import validate_document_upload
from .agreements import change_agreement_status, in_register_language, move_due_agreements

EXTENSION_ACTION = "cooperation.extension_started"
AMENDMENT_ACTION = "cooperation.amendment_started"
TERMINATION_ACTION = "cooperation.agreement_terminated"

MINUTES_CATEGORY_CODE = "berita-acara"
EXTENDABLE_STATES = {AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED}
AMENDABLE_STATES = {AgreementStatus.SIGNED, AgreementStatus.IN_FORCE}
TERMINABLE_STATES = {AgreementStatus.SIGNED, AgreementStatus.IN_FORCE}
TITLE_MAX_LENGTH = Proposal._meta.get_field("title").max_length


# -- who may ---------------------------------------------------------------------------------


def may_start_follow_up(*, user: roles.User, agreement: Agreement) -> bool:
    """The register keepers, and staff of an agency the agreement belongs to. Reviewers, who judge
    proposals, do not file them."""
    if not user.is_authenticated:
        return False
    if not (roles.keeps_register(user) or roles.AGENCY_STAFF in roles.role_names(user)):
        return False
    return agreements_changeable_by(user=user).filter(pk=agreement.pk).exists()


def may_extend(*, user: roles.User, agreement: Agreement) -> bool:
    return agreement.status in EXTENDABLE_STATES and may_start_follow_up(user=user, agreement=agreement)


def may_amend(*, user: roles.User, agreement: Agreement) -> bool:
    return agreement.status in AMENDABLE_STATES and may_start_follow_up(user=user, agreement=agreement)


def may_terminate(*, user: roles.User, agreement: Agreement) -> bool:
    return agreement.status in TERMINABLE_STATES and roles.keeps_register(user)


# -- extension and amendment -----------------------------------------------------------------


def amendment_document_type(*, agreement: Agreement) -> DocumentType | None:
    """The region's addendum type that may hang under this agreement's type (by code, first)."""
    candidates = DocumentType.objects.filter(role=DocumentRole.AMENDMENT).prefetch_related("allowed_parent_types")
    for candidate in candidates.order_by("code"):
        allowed = {parent.pk for parent in candidate.allowed_parent_types.all()}
        if not allowed or agreement.document_type_id in allowed:
            return candidate
    return None


def open_extension(*, agreement: Agreement) -> Proposal | None:
    """An extension of this agreement still under way: a proposal not yet decided."""
    return (
        Proposal.objects.filter(parent_agreement=agreement, purpose=ProposalPurpose.EXTENSION)
        .exclude(status__in=ProposalStatus.closed())
        .first()
    )


def start_extension(
    *,
    agreement: Agreement,
    by: roles.User,
    term_years: int,
    title: str = "",
    documents: Mapping[DocumentCategory, File] | None = None,
) -> Proposal:
    """Open the proposal for the successor of an agreement in force (or already ended), and send it
    into review when its required documents are there.

    The proposal comes back either under review or, when documents are missing, as a draft for the
    user to complete: check ``proposal.status`` (and ``missing_required_documents``).
    """
    return _start_follow_up(
        agreement=agreement,
        by=by,
        purpose=ProposalPurpose.EXTENSION,
        term_years=term_years,
        title=title,
        documents=documents,
    )


def start_amendment(
    *,
    agreement: Agreement,
    by: roles.User,
    title: str = "",
    term_years: int | None = None,
    documents: Mapping[DocumentCategory, File] | None = None,
) -> Proposal:
    """Open the proposal for an addendum to a signed agreement; it leaves the original in force.
    Like an extension, it starts its review straight away when nothing required is missing."""
    return _start_follow_up(
        agreement=agreement,
        by=by,
        purpose=ProposalPurpose.AMENDMENT,
        term_years=term_years,
        title=title,
        documents=documents,
    )


def _start_follow_up(
    *,
    agreement: Agreement,
    by: roles.User,
    purpose: str,
    term_years: int | None,
    title: str,
    documents: Mapping[DocumentCategory, File] | None,
) -> Proposal:
    from .proposals import submit_proposal

    extension = purpose == ProposalPurpose.EXTENSION
    if not may_start_follow_up(user=by, agreement=agreement):
        raise PermissionDenied(
            _("Anda tidak berwenang mengajukan perpanjangan naskah ini.")
            if extension
            else _("Anda tidak berwenang mengajukan adendum naskah ini.")
        )
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().select_related("document_type", "kind").get(pk=agreement.pk)
        if extension:
            _check_extendable(locked, term_years)
            document_type = locked.document_type
            prefix = in_register_language(gettext_noop("Perpanjangan"))
        else:
            _check_amendable(locked)
            document_type = amendment_document_type(agreement=locked)
            if document_type is None:
                raise ValidationError(
                    _("Jenis naskah adendum belum diatur. Minta administrator menambahkannya di Data Referensi.")
                )
            prefix = in_register_language(gettext_noop("Adendum"))
        title = (title or "").strip() or f"{prefix}: {locked.title}"[:TITLE_MAX_LENGTH]
        proposal = Proposal.objects.create(
            purpose=purpose,
            parent_agreement=locked,
            document_type=document_type,
            kind=locked.kind,
            title=title,
            title_en=locked.title_en,
            aims=locked.aims or locked.title,
            scope=locked.scope or locked.title,
            subject=locked.subject,
            term_years=term_years,
            value=locked.value,
            funding_source=locked.funding_source,
            burdens_apbd=locked.burdens_apbd,
            is_foreign=locked.level == Level.INTERNATIONAL,
            initiating_agency=_initiating_agency(locked, by),
            created_by=by,
        )
        proposal.sectors.set(locked.sectors.all())
        proposal.save()
        partners = [party for party in locked.parties.order_by("sort_order", "pk") if party.partner_id]
        for order, party in enumerate(partners):
            ProposalParty.objects.create(proposal=proposal, partner=party.partner, role=party.role, sort_order=order)
        for category, file in (documents or {}).items():
            validate_document_upload(file, allow_docx=True)
            AgreementDocument.objects.create(
                title=category.name, proposal=proposal, category=category, file=file, uploaded_by_user=by
            )
        log(
            locked,
            EXTENSION_ACTION if extension else AMENDMENT_ACTION,
            user=by,
            data={"proposal": proposal.pk, "number": proposal.number},
        )
        if not missing_required_documents(proposal=proposal):
            submit_proposal(proposal=proposal, by=by)
    proposal.refresh_from_db()
    return proposal


def _check_extendable(agreement: Agreement, term_years: int | None) -> None:
    if agreement.status not in EXTENDABLE_STATES:
        raise ValidationError(
            _("Hanya naskah yang Berlaku atau Berakhir yang dapat diperpanjang; naskah ini %(status)s.")
            % {"status": agreement.get_status_display()}
        )
    if not term_years or term_years < 1:
        raise ValidationError(_("Isi jangka waktu perpanjangan dalam tahun (paling sedikit 1)."))
    if agreement.max_term_years and term_years > agreement.max_term_years:
        raise ValidationError(
            _("Jangka waktu perpanjangan paling lama %(years)s tahun untuk jenis naskah ini.")
            % {"years": agreement.max_term_years}
        )
    if existing := open_extension(agreement=agreement):
        raise ValidationError(
            _("Perpanjangan naskah ini sudah diajukan dalam usulan %(number)s.") % {"number": existing.number}
        )
    if successor := agreement.renewals.exclude(status=AgreementStatus.REJECTED).first():
        raise ValidationError(
            _("Naskah ini sudah diperpanjang dengan naskah “%(title)s”.") % {"title": successor.title}
        )


def _check_amendable(agreement: Agreement) -> None:
    if agreement.status not in AMENDABLE_STATES:
        raise ValidationError(
            _("Adendum hanya dapat dibuat untuk naskah yang Ditandatangani atau Berlaku; naskah ini %(status)s.")
            % {"status": agreement.get_status_display()}
        )


def _initiating_agency(agreement: Agreement, by: roles.User):
    """The agreement's initiating agency, unless the proposal comes from an implementing agency's staff:
    they then initiate the follow-up themselves (and so can see and submit it)."""
    if roles.keeps_register(by) or roles.is_region_wide(by):
        return agreement.initiating_agency
    own = agency_of(user=by)
    return own or agreement.initiating_agency


def successor_signed(*, successor: Agreement, by: roles.User) -> Agreement | None:
    """Called by ``record_signature``: once an extension is signed, the agreement it replaces is
    Diperpanjang, with a note naming its successor. Returns the old agreement, if it changed."""
    if not successor.replaces_id:
        return None
    old = Agreement.objects.get(pk=successor.replaces_id)
    if old.status not in EXTENDABLE_STATES:
        return None
    note = in_register_language(gettext_noop("Diperpanjang dengan naskah “%(title)s” (nomor %(number)s).")) % {
        "title": successor.title,
        "number": successor.region_number or "—",
    }
    return change_agreement_status(agreement=old, to_status=AgreementStatus.EXTENDED, by=by, note=note)


# -- termination -----------------------------------------------------------------------------


def minutes_category() -> DocumentCategory:
    """The "Berita Acara" document category; created on first use in a region that lacks it."""
    category, _created = DocumentCategory.objects.get_or_create(
        code=MINUTES_CATEGORY_CODE, defaults={"name": "Berita Acara", "name_en": "Minutes"}
    )
    return category


def earliest_termination_date(agreement: Agreement, today: datetime.date | None = None) -> datetime.date | None:
    """Its start date; for a signed agreement whose term has not begun yet, its signing date."""
    today = today or timezone.localdate()
    if agreement.starts_on and agreement.starts_on > today:
        return agreement.signed_on
    return agreement.starts_on


def terminate_agreement(
    *,
    agreement: Agreement,
    by: roles.User,
    terminated_on: datetime.date,
    reason: str,
    minutes_file: File | None,
) -> Agreement:
    """End a signed agreement before its term (pengakhiran): only the register keepers, only with a
    reason and the signed berita acara. Everything or nothing is written."""
    if not roles.keeps_register(by):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat mencatat pengakhiran naskah."))
    reason = (reason or "").strip()
    errors: list[str] = []
    if not reason:
        errors.append(_("Alasan pengakhiran wajib diisi."))
    if minutes_file is None:
        errors.append(_("Unggah berita acara pengakhiran (PDF)."))
    else:
        try:
            validate_document_upload(minutes_file, allow_docx=False)
        except ValidationError as error:
            errors += error.messages
    today = timezone.localdate()
    if terminated_on is None:
        errors.append(_("Tanggal pengakhiran wajib diisi."))
    elif terminated_on > today:
        errors.append(_("Tanggal pengakhiran tidak boleh sesudah hari ini."))
    elif (earliest := earliest_termination_date(agreement, today)) and terminated_on < earliest:
        errors.append(_("Tanggal pengakhiran tidak boleh sebelum %(date)s.") % {"date": earliest.strftime("%d-%m-%Y")})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if locked.status not in TERMINABLE_STATES:
            raise ValidationError(
                _("Hanya naskah yang Ditandatangani atau Berlaku yang dapat diakhiri; naskah ini %(status)s.")
                % {"status": locked.get_status_display()}
            )
        AgreementDocument.objects.create(
            title=in_register_language(gettext_noop("Berita Acara Pengakhiran")),
            agreement=locked,
            category=minutes_category(),
            file=minutes_file,
            uploaded_by_user=by,
        )
        Agreement.objects.filter(pk=locked.pk).update(terminated_on=terminated_on, termination_reason=reason)
        note = in_register_language(gettext_noop("Diakhiri per %(date)s. Alasan: %(reason)s")) % {
            "date": terminated_on.strftime("%d-%m-%Y"),
            "reason": reason,
        }
        change_agreement_status(agreement=locked, to_status=AgreementStatus.TERMINATED, by=by, note=note)
        log(locked, TERMINATION_ACTION, user=by, data={"terminated_on": terminated_on.isoformat(), "reason": reason})
    agreement.refresh_from_db()
    return agreement


# -- expiry ----------------------------------------------------------------------------------


def expire_agreements(*, today: datetime.date | None = None) -> int:
    """Agreements in force whose end date has passed become Berakhir; safe to run any number of times.

    An agreement is in force through its end date (``ends_on`` is the last day of the term) and is
    Berakhir from the next day: on ``ends_on`` itself nothing changes.
    """
    today = today or timezone.localdate()
    return move_due_agreements(
        from_status=AgreementStatus.IN_FORCE,
        to_status=AgreementStatus.EXPIRED,
        due=Q(ends_on__lt=today),
        note=lambda agreement: (
            in_register_language(gettext_noop("Berakhir: jangka waktu habis pada %(date)s."))
            % {"date": agreement.ends_on.strftime("%d-%m-%Y")}
        ),
    )
