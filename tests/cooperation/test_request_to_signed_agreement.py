"""The whole journey: a partner's request from the public form to a signed agreement in the register."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation import services
from cooperation.models import AgreementDocument, AgreementStatus, DocumentCategory, ExternalRequest, ProposalStatus
from cooperation.services import requests as request_services
from portal.forms.requests import HONEYPOT_FIELD

from ..factories import framework_type

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%surat penawaran\n"


def test_an_outside_request_travels_from_the_public_form_to_a_signed_agreement(
    client, users, health_agency, checklist, review
):
    form = {
        "organisation": "PT Surya Energi Nusantara",
        "category": "swasta",
        "country": "Indonesia",
        "region": "Kota Surabaya, Jawa Timur",
        "address": "Jl. Pahlawan 1, Surabaya",
        "contact_name": "Dewi Lestari",
        "contact_position": "Manajer Kemitraan",
        "contact_email": "dewi@surya.example.com",
        "contact_phone": "0812-3333-4444",
        "title": "Kerja sama panel surya di puskesmas",
        "aims": "Menurunkan biaya listrik puskesmas.",
        "scope": "Survei, pemasangan dan pemeliharaan panel surya.",
        "attachments": [SimpleUploadedFile("penawaran.pdf", PDF, content_type="application/pdf")],
        HONEYPOT_FIELD: "",
    }
    receipt = client.post(reverse("external_request_form"), form, follow=True)
    assert receipt.status_code == 200
    number = receipt.context["receipt"]["number"]
    token = receipt.context["receipt"]["token"]
    request = ExternalRequest.objects.get(number=number)
    framework_type()

    proposal = request_services.triage_external_request(
        request=request, agency=health_agency, by=users["secretariat"], kind=checklist["kind"]
    )
    assert proposal.status == ProposalStatus.DRAFT
    # The agency completes the checklist the kind asks for, then submits as its own proposal.
    offer, terms = checklist["categories"]
    proposal.documents.update(category=offer)
    AgreementDocument.objects.create(
        title="KAK panel surya", proposal=proposal, category=terms, file=ContentFile(PDF, name="kak.pdf")
    )
    review.submit(proposal, users["health_staff"])
    for reviewer in ["secretariat", "legal", "tkksd", "leadership"]:
        review.act(proposal, users[reviewer], "approve")
    assert proposal.status == ProposalStatus.APPROVED

    status_page = client.post(reverse("external_request_status"), {"number": number, "token": token})
    assert "Disetujui" in status_page.text

    DocumentCategory.objects.get_or_create(code="naskah-ditandatangani", defaults={"name": "Naskah ditandatangani"})
    agreement = services.record_signature(
        agreement=proposal.agreement,
        by=users["secretariat"],
        signed_on=datetime.date(2026, 5, 4),
        signed_at="Balai Kota Malang",
        region_number="180/41/35.73.402/2026",
        partner_number="017/SEN/V/2026",
        starts_on=datetime.date(2099, 1, 1),
        ends_on=datetime.date(2101, 12, 31),
        signed_scan=ContentFile(PDF, name="naskah-ttd.pdf"),
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.parties.get().partner.name == "PT Surya Energi Nusantara"
    assert agreement.parties.get().number == "017/SEN/V/2026"
    assert agreement.documents.filter(title="Naskah ditandatangani").exists()
