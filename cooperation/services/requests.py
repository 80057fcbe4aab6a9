"""Requests for cooperation from outside: received from the public form, then forwarded or declined.

A partner without an account submits a request and gets a number and a secret token (only its
hash is kept). The secretariat then forwards it to an initiating agency as a draft proposal,
which the agency's staff continue as their own, or declines it with a reason.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import roles
from ..models import (
    Agency,
    AgreementDocument,
    Classification,
    CooperationKind,
    DocumentCategory,
    DocumentType,
    ExternalRequest,
    ExternalRequestStatus,
    Partner,
    PartnerCategory,
    PartyRole,
    Proposal,
    ProposalParty,
    RestrictionGround,
)
from ..models.proposals import next_number
from ..uploads import display_name, safe_stored_name, validate_document_upload

RECEIVE_ACTION = "cooperation.external_request_received"
TRIAGE_ACTION = "cooperation.external_request_triaged"
DECLINE_ACTION = "cooperation.external_request_declined"

# What the applicant may fill in; everything else (status, number, triage) is the system's.
REQUEST_FIELDS = (
    "organisation",
    "category",
    "country",
    "region",
    "address",
    "contact_name",
    "contact_position",
    "contact_email",
    "contact_phone",
    "title",
    "aims",
    "scope",
)
ATTACHMENT_CATEGORY_CODE = "surat-penawaran"
FRAMEWORK_DOCUMENT_TYPE_CODE = "KSB"
# The kind a request from each category of partner usually becomes; the secretariat may choose another.
KIND_BY_PARTNER_CATEGORY = {
    PartnerCategory.REGIONAL_GOVERNMENT: "KSDD",
    PartnerCategory.MINISTRY: "K/L",
    PartnerCategory.FOREIGN_GOVERNMENT: "KSDPL",
    PartnerCategory.FOREIGN_INSTITUTION: "KSDLL",
}
THIRD_PARTY_KIND_CODE = "KSDPK"
TRIAGE_ROLES = {roles.ADMINISTRATOR, roles.SECRETARIAT}


class RateLimited(ValidationError):
    """Too many requests from one address or one contact e-mail."""


def may_triage(user: roles.User) -> bool:
    """Intake is the secretariat's work: Administrator and Sekretariat, not the other register keepers."""
    return bool(user.is_authenticated and (user.is_superuser or roles.role_names(user) & TRIAGE_ROLES))


def _ensure_may_triage(user: roles.User) -> None:
    if not may_triage(user):
        raise PermissionDenied(_("Hanya Sekretariat yang dapat menindaklanjuti permohonan dari luar."))


def ensure_within_rate_limit(*, ip: str | None, email: str, now: datetime.datetime | None = None) -> None:
    """At most COOPERATION_REQUESTS_PER_HOUR per address per hour and
    COOPERATION_REQUESTS_PER_EMAIL_PER_DAY per contact e-mail per day, counted in the database."""
    now = now or timezone.now()
    recent = ExternalRequest.objects.filter
    per_hour = settings.COOPERATION_REQUESTS_PER_HOUR
    if ip and recent(submitted_from=ip, received_at__gt=now - datetime.timedelta(hours=1)).count() >= per_hour:
        raise RateLimited(
            _(
                "Terlalu banyak permohonan dari alamat jaringan Anda: paling banyak %(limit)s permohonan per jam. "
                "Silakan coba lagi nanti."
            ),
            code="rate_limited",
            params={"limit": per_hour},
        )
    per_day = settings.COOPERATION_REQUESTS_PER_EMAIL_PER_DAY
    if (
        email
        and recent(contact_email__iexact=email, received_at__gt=now - datetime.timedelta(days=1)).count() >= per_day
    ):
        raise RateLimited(
            _(
                "Alamat e-mail ini sudah mengirim %(limit)s permohonan dalam 24 jam terakhir, batas per hari. "
                "Silakan coba lagi besok, atau hubungi Sekretariat bila mendesak."
            ),
            code="rate_limited",
            params={"limit": per_day},
        )


def submit_external_request(
    *, data: dict, attachments: list[UploadedFile], ip: str | None
) -> tuple[ExternalRequest, str]:
    """Store a request and its attachments, all or nothing; return it with its one-time token."""
    errors = []
    for upload in attachments:
        try:
            validate_document_upload(upload, allow_docx=True)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    max_files = settings.COOPERATION_MAX_ATTACHMENTS
    if len(attachments) > max_files:
        raise ValidationError(
            _("Paling banyak %(limit)s berkas per permohonan."), code="too_many_files", params={"limit": max_files}
        )

    request = ExternalRequest(**{field: data[field] for field in REQUEST_FIELDS if field in data}, submitted_from=ip)
    ensure_within_rate_limit(ip=ip, email=request.contact_email)
    token = request.issue_token()
    request.full_clean()

    storage = AgreementDocument._meta.get_field("file").storage
    stored: list[str] = []
    try:
        with transaction.atomic():
            _save_with_fresh_number(request)
            category = DocumentCategory.objects.filter(code=ATTACHMENT_CATEGORY_CODE).first()
            with translation.override(settings.LANGUAGE_CODE):
                # Stored data, so in the region's language whatever language the visitor reads.
                restriction_reason = _(
                    "Lampiran permohonan dari luar: belum ditelaah dan dapat memuat data pribadi pemohon."
                )
            for upload in attachments:
                document = AgreementDocument(
                    title=display_name(upload)[:255],
                    external_request=request,
                    category=category,
                    classification=Classification.RESTRICTED,
                    restriction_ground=RestrictionGround.PERSONAL,
                    restriction_reason=restriction_reason,
                )
                document.file.save(safe_stored_name(upload), upload, save=False)
                stored.append(document.file.name)
                document._set_document_file_metadata()
                document.file.close()
                document.save()
            log(request, RECEIVE_ACTION, data={"attachments": len(attachments)})
    except BaseException:
        # The rows went with the transaction; the files are not in it and must go by hand.
        for name in stored:
            storage.delete(name)
        raise
    return request, token


def _save_with_fresh_number(request: ExternalRequest, attempts: int = 3) -> None:
    """Two requests at the same moment may pick the same running number: take the next one."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                request.save()
            return
        except IntegrityError:
            if attempt == attempts - 1:
                raise
            request.number = next_number(ExternalRequest, "REG")


def find_request(*, number: str, token: str) -> ExternalRequest | None:
    """The request with this number, only if the token matches; None alike for either mismatch."""
    request = ExternalRequest.objects.filter(number=(number or "").strip().upper()).first()
    if request is None:
        # Spend the same work as a real comparison, so the answer time does not reveal valid numbers.
        ExternalRequest(token_hash="0" * 64).token_matches(token or "-")
        return None
    return request if request.token_matches((token or "").strip()) else None


def suggested_kind(*, request: ExternalRequest) -> CooperationKind | None:
    code = KIND_BY_PARTNER_CATEGORY.get(request.category, THIRD_PARTY_KIND_CODE)
    return CooperationKind.objects.filter(code=code).first() or CooperationKind.objects.first()


def _locked_received(request: ExternalRequest) -> ExternalRequest:
    locked = ExternalRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != ExternalRequestStatus.RECEIVED:
        raise ValidationError(
            _("Permohonan %(number)s sudah ditindaklanjuti (%(status)s)."),
            code="already_handled",
            params={"number": locked.number, "status": locked.get_status_display()},
        )
    return locked


def _partner_for(request: ExternalRequest) -> Partner:
    existing = Partner.objects.filter(name__iexact=request.organisation, country__iexact=request.country).first()
    if existing:
        return existing
    return Partner.objects.create(
        name=request.organisation,
        category=request.category,
        country=request.country,
        regency_city=request.region[:100],
        address=request.address,
        contact_name=request.contact_name,
        contact_email=request.contact_email,
        contact_phone=request.contact_phone,
    )


def triage_external_request(
    *, request: ExternalRequest, agency: Agency, by, kind: CooperationKind | None = None
) -> Proposal:
    """Forward a request to an initiating agency as a draft proposal, with its documents moved over."""
    _ensure_may_triage(by)
    if not agency.is_active:
        raise ValidationError(_("OPD %(agency)s tidak aktif."), code="inactive_agency", params={"agency": agency})
    with transaction.atomic():
        locked = _locked_received(request)
        kind = kind or suggested_kind(request=locked)
        document_type = (
            DocumentType.objects.filter(code=FRAMEWORK_DOCUMENT_TYPE_CODE).first() or DocumentType.objects.first()
        )
        if kind is None or document_type is None:
            raise ValidationError(
                _("Isi dahulu data referensi Jenis Kerja Sama dan Jenis Naskah."), code="missing_reference_data"
            )
        partner = _partner_for(locked)
        proposal = Proposal(
            document_type=document_type,
            kind=kind,
            title=locked.title,
            aims=locked.aims,
            scope=locked.scope,
            initiating_agency=agency,
            is_foreign=locked.category in PartnerCategory.foreign() or kind.is_foreign,
            created_by=by,
            live=False,
        )
        proposal.save()
        ProposalParty.objects.create(proposal=proposal, partner=partner, role=PartyRole.SECOND, sort_order=0)
        # Before the first revision, so the draft the agency opens already holds the parties and files.
        locked.documents.update(proposal=proposal)
        revision = proposal.save_revision(user=by, clean=False, log_action=False)
        log(proposal, "wagtail.create", user=by, revision=revision, content_changed=True)
        triage_data = {"request": locked.number, "agency": agency.pk, "agency_name": str(agency)}
        log(proposal, TRIAGE_ACTION, user=by, data=triage_data)

        locked.status = ExternalRequestStatus.TRIAGED
        locked.assigned_agency = agency
        locked.triaged_at = timezone.now()
        locked.triaged_by = by
        locked.proposal = proposal
        locked.save(update_fields=["status", "assigned_agency", "triaged_at", "triaged_by", "proposal"])
        log(locked, TRIAGE_ACTION, user=by, data={**triage_data, "proposal": proposal.number})
    request.refresh_from_db()
    return proposal


def decline_external_request(*, request: ExternalRequest, reason: str, by) -> ExternalRequest:
    """Close a request that cannot be taken up; the reason stays in the internal record."""
    _ensure_may_triage(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Penolakan wajib disertai alasan."), code="reason_required")
    with transaction.atomic():
        locked = _locked_received(request)
        locked.status = ExternalRequestStatus.DECLINED
        locked.decline_reason = reason
        locked.triaged_at = timezone.now()
        locked.triaged_by = by
        locked.save(update_fields=["status", "decline_reason", "triaged_at", "triaged_by"])
        log(locked, DECLINE_ACTION, user=by, data={"reason": reason})
    request.refresh_from_db()
    return request
