"""Requests from outside: stored all or nothing, forwarded by the secretariat, never shown in full to the public."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cooperation.models import (
    AgreementDocument,
    Classification,
    ExternalRequest,
    ExternalRequestStatus,
    Partner,
    PartnerCategory,
    ProposalStatus,
)
from cooperation.selectors import proposals_visible_to
from cooperation.services import requests as request_services
from cooperation.uploads import validate_document_upload

from ..factories import (
    AgencyFactory,
    CooperationKindFactory,
    DocumentCategoryFactory,
    DocumentTypeFactory,
    ExternalRequestFactory,
    PartnerFactory,
    framework_type,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%lampiran\n"
NOT_TRIAGERS = ["legal", "tkksd", "leadership", "editor", "health_staff", "no_role"]


def pdf(name: str = "surat-penawaran.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def request_data(**overrides) -> dict:
    return {
        "organisation": "Universitas Negeri Contoh",
        "category": PartnerCategory.UNIVERSITY,
        "country": "Indonesia",
        "region": "Kota Malang, Jawa Timur",
        "contact_name": "Dr. Rina",
        "contact_email": "rina@univ.example.ac.id",
        "title": "Kerja sama riset kualitas udara kota",
        "aims": "Data kualitas udara untuk kebijakan.",
        "scope": "Pemasangan sensor dan analisis data.",
        **overrides,
    }


@pytest.fixture
def kinds():
    return {
        "KSDPK": CooperationKindFactory(code="KSDPK", name="Pihak Ketiga"),
        "KSDD": CooperationKindFactory(code="KSDD", name="Antar Daerah"),
    }


@pytest.fixture
def received(kinds):
    """A request from a university, with its offer letter attached, waiting for the secretariat."""
    framework_type()
    external_request, token = request_services.submit_external_request(
        data=request_data(), attachments=[pdf()], ip="192.0.2.10"
    )
    external_request.token = token
    return external_request


# --- the upload check ---------------------------------------------------------------------------


def test_the_upload_check_reads_the_content_not_the_name():
    validate_document_upload(SimpleUploadedFile("scan", PDF), allow_docx=False)
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(SimpleUploadedFile("surat.pdf", b"<!doctype html><p>hi"), allow_docx=False)
    assert refused.value.error_list[0].code == "not_pdf"
    assert "surat.pdf" in refused.value.messages[0]


def test_a_docx_is_refused_where_only_pdf_is_allowed():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    docx = SimpleUploadedFile("draf.docx", buffer.getvalue())
    validate_document_upload(docx, allow_docx=True)
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(docx, allow_docx=False)
    assert refused.value.error_list[0].code == "docx_not_allowed"
    assert "draf.docx" in refused.value.messages[0]


def test_the_size_limit_comes_from_the_settings(settings):
    settings.COOPERATION_MAX_UPLOAD_MB = 1
    validate_document_upload(SimpleUploadedFile("pas.pdf", PDF.ljust(1024 * 1024, b"0")), allow_docx=False)
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(SimpleUploadedFile("lebih.pdf", PDF.ljust(1024 * 1024 + 1, b"0")), allow_docx=False)
    assert refused.value.error_list[0].code == "too_large"


# --- submitting ---------------------------------------------------------------------------------


def test_a_submitted_request_keeps_only_the_hash_of_its_token(received):
    stored = ExternalRequest.objects.get()
    assert stored.number.startswith("REG-")
    assert stored.token_matches(received.token)
    assert not stored.token_matches("tebakan")
    assert stored.submitted_from == "192.0.2.10"


def test_attachments_from_outside_are_restricted_until_reviewed(received):
    document = received.documents.get()
    assert document.classification == Classification.RESTRICTED
    assert document.restriction_ground == "17h"
    assert document.proposal is None


def stored_files_named(fragment: str) -> list[str]:
    """Other tests may write to the same folder at the same time: look only for our own names."""
    storage = AgreementDocument._meta.get_field("file").storage
    return [name for name in storage.listdir("documents")[1] if fragment in name] if storage.exists("documents") else []


def test_invalid_data_stores_neither_the_request_nor_its_files():
    name = f"tidak-sah-{uuid.uuid4().hex[:10]}"
    with pytest.raises(ValidationError) as refused:
        request_services.submit_external_request(
            data=request_data(category="bukan-kategori"), attachments=[pdf(f"{name}.pdf")], ip=None
        )
    assert "category" in refused.value.error_dict
    assert not ExternalRequest.objects.exists()
    assert not AgreementDocument.objects.exists()
    assert stored_files_named(name) == []


def test_a_storage_failure_halfway_leaves_no_request_row_and_no_file_behind(monkeypatch):
    """The disk is outside the code under test: fake it filling up on the second file."""
    storage = AgreementDocument._meta.get_field("file").storage
    real_save = storage._save
    calls = []

    def save_then_fail(name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("No space left on device")
        return real_save(name, content)

    monkeypatch.setattr(storage, "_save", save_then_fail)
    first, second = f"pertama-{uuid.uuid4().hex[:10]}", f"kedua-{uuid.uuid4().hex[:10]}"
    with pytest.raises(OSError):
        request_services.submit_external_request(
            data=request_data(), attachments=[pdf(f"{first}.pdf"), pdf(f"{second}.pdf")], ip=None
        )
    assert len(calls) == 2
    assert not ExternalRequest.objects.exists()
    assert not AgreementDocument.objects.exists()
    assert stored_files_named(first) == []
    assert stored_files_named(second) == []


def test_the_service_refuses_a_bad_file_even_without_the_form():
    with pytest.raises(ValidationError):
        request_services.submit_external_request(
            data=request_data(), attachments=[pdf(), SimpleUploadedFile("x.pdf", b"MZ\x90\x00")], ip=None
        )
    assert not ExternalRequest.objects.exists()


def test_the_rate_limit_counts_requests_per_address_in_the_database(settings):
    settings.COOPERATION_REQUESTS_PER_HOUR = 1
    request_services.submit_external_request(data=request_data(), attachments=[pdf()], ip="198.51.100.1")
    with pytest.raises(request_services.RateLimited):
        request_services.submit_external_request(
            data=request_data(contact_email="lain@univ.example.ac.id"), attachments=[pdf()], ip="198.51.100.1"
        )
    request_services.submit_external_request(
        data=request_data(contact_email="lain@univ.example.ac.id"), attachments=[pdf()], ip="198.51.100.2"
    )
    assert ExternalRequest.objects.count() == 2


def test_receiving_a_request_is_in_its_history(received):
    assert ModelLogEntry.objects.for_instance(received).filter(action=request_services.RECEIVE_ACTION).exists()


# --- triage -------------------------------------------------------------------------------------


def test_the_secretariat_forwards_a_request_as_a_draft_proposal_of_the_agency(received, users, health_agency, kinds):
    proposal = request_services.triage_external_request(
        request=received, agency=health_agency, kind=kinds["KSDPK"], by=users["secretariat"]
    )
    assert proposal.status == ProposalStatus.DRAFT
    assert not proposal.live
    assert proposal.initiating_agency == health_agency
    assert proposal.kind == kinds["KSDPK"]
    assert proposal.document_type.code == "KSB"
    assert (proposal.title, proposal.aims, proposal.scope) == (received.title, received.aims, received.scope)
    assert proposal.created_by == users["secretariat"]
    party = proposal.parties.get()
    assert party.partner.name == "Universitas Negeri Contoh"
    assert party.partner.category == PartnerCategory.UNIVERSITY
    assert list(proposal.documents.all()) == list(received.documents.all())
    assert proposal.latest_revision is not None

    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.TRIAGED
    assert received.assigned_agency == health_agency
    assert received.triaged_by == users["secretariat"]
    assert received.triaged_at is not None
    assert received.proposal == proposal


def test_the_initiating_agencys_staff_then_see_the_proposal_and_other_agencies_do_not(
    client, received, users, health_agency
):
    proposal = request_services.triage_external_request(request=received, agency=health_agency, by=users["secretariat"])
    assert proposals_visible_to(user=users["health_staff"]).filter(pk=proposal.pk).exists()
    assert not proposals_visible_to(user=users["info_staff"]).filter(pk=proposal.pk).exists()
    client.force_login(users["health_staff"])
    edit = client.get(reverse("wagtailsnippets_cooperation_proposal:edit", args=[proposal.pk]))
    assert edit.status_code == 200
    assert received.title in edit.text


def test_without_a_chosen_kind_the_partner_category_suggests_one(received, users, health_agency, kinds):
    regional = ExternalRequestFactory(category=PartnerCategory.REGIONAL_GOVERNMENT, organisation="Pemkab Contoh")
    assert request_services.suggested_kind(request=received) == kinds["KSDPK"]
    proposal = request_services.triage_external_request(request=regional, agency=health_agency, by=users["secretariat"])
    assert proposal.kind == kinds["KSDD"]


def test_a_known_partner_is_reused_rather_than_duplicated(received, users, health_agency):
    known = PartnerFactory(name="UNIVERSITAS NEGERI CONTOH", country="Indonesia")
    proposal = request_services.triage_external_request(request=received, agency=health_agency, by=users["secretariat"])
    assert proposal.parties.get().partner == known
    assert Partner.objects.count() == 1


def test_without_a_ksb_type_the_first_document_type_is_used(users, health_agency, kinds):
    pks = DocumentTypeFactory(code="PKS", name="Perjanjian Kerja Sama", role="implementing")
    proposal = request_services.triage_external_request(
        request=ExternalRequestFactory(), agency=health_agency, by=users["secretariat"]
    )
    assert proposal.document_type == pks


def test_a_request_is_forwarded_only_once(received, users, health_agency, info_agency):
    request_services.triage_external_request(request=received, agency=health_agency, by=users["secretariat"])
    with pytest.raises(ValidationError, match="sudah ditindaklanjuti"):
        request_services.triage_external_request(request=received, agency=info_agency, by=users["secretariat"])
    with pytest.raises(ValidationError, match="sudah ditindaklanjuti"):
        request_services.decline_external_request(request=received, reason="Ganda", by=users["secretariat"])


def test_an_inactive_agency_cannot_receive_a_request(received, users):
    closed = AgencyFactory(code="LAMA", name="Dinas Lama", is_active=False)
    with pytest.raises(ValidationError):
        request_services.triage_external_request(request=received, agency=closed, by=users["secretariat"])


def test_triage_is_in_the_history_of_the_proposal_and_of_the_request(received, users, health_agency):
    proposal = request_services.triage_external_request(request=received, agency=health_agency, by=users["secretariat"])
    proposal_log = ModelLogEntry.objects.for_instance(proposal)
    assert proposal_log.filter(action="wagtail.create", user=users["secretariat"]).exists()
    entry = proposal_log.get(action=request_services.TRIAGE_ACTION)
    assert entry.data["request"] == received.number
    assert entry.user == users["secretariat"]
    assert ModelLogEntry.objects.for_instance(received).filter(action=request_services.TRIAGE_ACTION).exists()


@pytest.mark.parametrize("role", NOT_TRIAGERS)
def test_only_the_secretariat_may_forward_a_request(received, users, health_agency, role):
    with pytest.raises(PermissionDenied):
        request_services.triage_external_request(request=received, agency=health_agency, by=users[role])
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.RECEIVED
    assert received.proposal is None


@pytest.mark.parametrize("role", NOT_TRIAGERS)
def test_only_the_secretariat_may_decline_a_request(received, users, role):
    with pytest.raises(PermissionDenied):
        request_services.decline_external_request(request=received, reason="Tidak relevan", by=users[role])
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.RECEIVED


def test_the_administrator_may_also_forward_a_request(received, users, health_agency):
    request_services.triage_external_request(request=received, agency=health_agency, by=users["administrator"])
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.TRIAGED


def test_declining_needs_a_reason_and_is_recorded(received, users):
    with pytest.raises(ValidationError):
        request_services.decline_external_request(request=received, reason="   ", by=users["secretariat"])
    request_services.decline_external_request(
        request=received, reason="Di luar kewenangan daerah.", by=users["secretariat"]
    )
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.DECLINED
    assert received.decline_reason == "Di luar kewenangan daerah."
    assert received.triaged_by == users["secretariat"]
    entry = ModelLogEntry.objects.for_instance(received).get(action=request_services.DECLINE_ACTION)
    assert entry.data["reason"] == "Di luar kewenangan daerah."


# --- the admin screens --------------------------------------------------------------------------


def admin_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cooperation_externalrequest:{name}", args=args)


def test_the_secretariat_lists_and_inspects_requests(client, received, users):
    client.force_login(users["secretariat"])
    listing = client.get(admin_url("list"))
    assert listing.status_code == 200
    assert received.number in listing.text
    assert "Universitas Negeri Contoh" in listing.text
    inspect = client.get(admin_url("inspect", received.pk))
    assert inspect.status_code == 200
    assert "surat-penawaran.pdf" in inspect.text
    assert admin_url("triage", received.pk) in inspect.text
    assert admin_url("decline", received.pk) in inspect.text


def test_the_list_filters_by_status(client, received, users):
    declined = ExternalRequestFactory(organisation="Lembaga Yang Ditolak")
    request_services.decline_external_request(request=declined, reason="Ganda", by=users["secretariat"])
    client.force_login(users["secretariat"])
    response = client.get(admin_url("list"), {"status": "declined"})
    assert response.status_code == 200
    assert "Lembaga Yang Ditolak" in response.text
    assert "Universitas Negeri Contoh" not in response.text


def test_nobody_gets_an_add_or_edit_form_for_requests(client, received, users):
    client.force_login(users["administrator"])
    assert client.get(admin_url("add")).status_code in (302, 403)
    assert client.get(admin_url("edit", received.pk)).status_code in (302, 403, 404)


def test_the_secretariat_forwards_a_request_from_the_admin_and_lands_on_the_draft(
    client, received, users, health_agency, kinds
):
    client.force_login(users["secretariat"])
    form = client.get(admin_url("triage", received.pk))
    assert form.status_code == 200
    assert form.context["form"].initial["kind"] == kinds["KSDPK"]
    response = client.post(admin_url("triage", received.pk), {"agency": health_agency.pk, "kind": kinds["KSDPK"].pk})
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.TRIAGED
    assert response["Location"] == reverse("wagtailsnippets_cooperation_proposal:edit", args=[received.proposal.pk])


def test_a_malformed_triage_form_is_answered_with_an_error(client, received, users):
    client.force_login(users["secretariat"])
    response = client.post(admin_url("triage", received.pk), {"agency": "bukan-angka", "kind": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["agency"]
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.RECEIVED


def test_the_secretariat_declines_a_request_from_the_admin_with_a_reason(client, received, users):
    client.force_login(users["secretariat"])
    empty = client.post(admin_url("decline", received.pk), {"reason": ""})
    assert empty.status_code == 200
    assert empty.context["form"].errors["reason"]
    response = client.post(admin_url("decline", received.pk), {"reason": "Bukan kewenangan kota."})
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.DECLINED


def test_a_handled_request_cannot_be_handled_again_from_the_admin(client, received, users, health_agency):
    request_services.decline_external_request(request=received, reason="Ganda", by=users["secretariat"])
    client.force_login(users["secretariat"])
    response = client.post(admin_url("triage", received.pk), {"agency": health_agency.pk})
    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", received.pk)
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.DECLINED


def test_the_leadership_reads_requests_but_cannot_forward_or_decline_them(client, received, users, health_agency):
    client.force_login(users["leadership"])
    inspect = client.get(admin_url("inspect", received.pk))
    assert inspect.status_code == 200
    assert admin_url("triage", received.pk) not in inspect.text
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    assert client.post(admin_url("triage", received.pk), {"agency": health_agency.pk}).status_code in (302, 403)
    assert client.post(admin_url("decline", received.pk), {"reason": "Tidak"}).status_code in (302, 403)
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.RECEIVED


@pytest.mark.parametrize("role", ["health_staff", "info_staff", "legal", "editor", "no_role"])
def test_roles_without_access_cannot_reach_requests_in_the_admin(client, received, users, role, health_agency):
    client.force_login(users[role])
    assert client.get(admin_url("list")).status_code in (302, 403)
    assert client.get(admin_url("inspect", received.pk)).status_code in (302, 403, 404)
    triage = client.post(admin_url("triage", received.pk), {"agency": health_agency.pk})
    assert triage.status_code in (302, 403, 404)
    decline = client.post(admin_url("decline", received.pk), {"reason": "Tidak"})
    assert decline.status_code in (302, 403, 404)
    received.refresh_from_db()
    assert received.status == ExternalRequestStatus.RECEIVED


# --- what the applicant sees as the proposal moves on -----------------------------------------


def test_the_status_page_follows_the_proposal_but_never_shows_comments_or_names(
    client, users, health_agency, checklist, review
):
    framework_type()
    external_request, token = request_services.submit_external_request(
        data=request_data(), attachments=[pdf()], ip=None
    )
    proposal = request_services.triage_external_request(
        request=external_request, agency=health_agency, kind=checklist["kind"], by=users["secretariat"]
    )
    AgreementDocument.objects.create(
        title="KAK",
        proposal=proposal,
        category=DocumentCategoryFactory(code="kak"),
        file=SimpleUploadedFile("kak.pdf", PDF),
    )
    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "reject", comment="Catatan internal: KAK belum ditandatangani")

    response = client.post("/ajukan-kerja-sama/status/", {"number": external_request.number, "token": token})
    assert response.status_code == 200
    assert "Perlu Perbaikan" in response.text
    assert "Verifikasi Berkas" in response.text
    stage = response.context["tracked"]["proposal"]["stages"][0]
    assert set(stage) == {"stage", "started_at", "finished_at", "status_label"}
    assert stage["finished_at"] is not None
    assert "KAK belum ditandatangani" not in response.text
    assert "sekretariat" not in response.text.lower().replace("hubungi sekretariat", "")
    assert "opd-dinkes" not in response.text
    assert health_agency.name not in response.text

    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "decline", comment="Alasan rahasia penolakan")
    response = client.post("/ajukan-kerja-sama/status/", {"number": external_request.number, "token": token})
    assert "Ditolak" in response.text
    assert response.context["tracked"]["proposal"]["decided_at"] is not None
    assert "Alasan rahasia penolakan" not in response.text
