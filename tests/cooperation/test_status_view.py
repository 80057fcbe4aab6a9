"""The secretariat records lifecycle steps from the admin; nobody else can."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from cooperation.models import AgreementStatus

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(info_agency):
    return AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.APPROVED, title="PKS Data")


def status_url(agreement) -> str:
    return reverse("wagtailsnippets_cooperation_agreement:status", args=[agreement.pk])


def test_the_inspect_page_offers_the_secretariat_a_status_change(client, users, approved):
    client.force_login(users["secretariat"])
    response = client.get(reverse("wagtailsnippets_cooperation_agreement:inspect", args=[approved.pk]))
    assert status_url(approved) in response.text


def test_the_form_offers_only_the_next_steps_of_the_lifecycle(client, users, approved):
    client.force_login(users["secretariat"])
    response = client.get(status_url(approved))
    assert response.status_code == 200
    choices = [value for value, _ in response.context["form"].fields["to_status"].choices]
    assert choices == [AgreementStatus.SIGNED]


def test_recording_a_signing_without_its_number_is_refused_with_a_message(client, users, approved):
    client.force_login(users["secretariat"])
    response = client.post(status_url(approved), {"to_status": "signed", "signed_on": "2025-04-01"})
    assert response.status_code == 200
    assert "Wajib diisi saat mencatat penandatanganan." in response.text
    approved.refresh_from_db()
    assert approved.status == AgreementStatus.APPROVED


@time_machine.travel(datetime.datetime(2024, 12, 1, 9, 0), tick=False)
def test_the_secretariat_records_a_signing_from_the_admin(client, users, approved):
    client.force_login(users["secretariat"])
    response = client.post(
        status_url(approved),
        {
            "to_status": "signed",
            "signed_on": "2025-04-01",
            "signed_at": "Balai Kota Malang",
            "region_number": "180/9/35.73.402/2025",
            "note": "Ditandatangani Wali Kota",
        },
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.status == AgreementStatus.SIGNED
    assert approved.signed_at == "Balai Kota Malang"
    inspect = client.get(response["Location"])
    assert "Ditandatangani Wali Kota" in inspect.text


def test_a_dprd_flagged_signing_without_approval_shows_the_rule(client, users, info_agency):
    agreement = AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.APPROVED, burdens_apbd=True)
    client.force_login(users["secretariat"])
    response = client.post(
        status_url(agreement),
        {"to_status": "signed", "signed_on": "2025-04-01", "signed_at": "Malang", "region_number": "1/2025"},
    )
    assert response.status_code == 200
    assert "persetujuan DPRD" in response.text
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.APPROVED


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "info_staff"])
def test_other_roles_cannot_change_a_status_by_post(client, users, role, approved):
    client.force_login(users[role])
    response = client.post(
        status_url(approved),
        {"to_status": "signed", "signed_on": "2025-04-01", "signed_at": "Malang", "region_number": "1/2025"},
    )
    assert response.status_code in (302, 403)
    approved.refresh_from_db()
    assert approved.status == AgreementStatus.APPROVED


def test_staff_of_another_agency_get_not_found(client, users, approved):
    client.force_login(users["health_staff"])
    assert client.get(status_url(approved)).status_code == 404


def test_a_malformed_status_is_refused_without_a_crash(client, users, approved):
    client.force_login(users["secretariat"])
    response = client.post(status_url(approved), {"to_status": "bogus"})
    assert response.status_code == 200
    assert response.context["form"].errors["to_status"]


def test_a_signed_scan_that_is_not_a_pdf_is_refused_and_nothing_changes(client, users, approved):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["secretariat"])
    fake = SimpleUploadedFile("naskah.pdf", b"<html><body>bukan pdf</body></html>", content_type="application/pdf")
    response = client.post(
        status_url(approved),
        {
            "to_status": "signed",
            "signed_on": "2025-04-01",
            "signed_at": "Malang",
            "region_number": "1/2025",
            "signed_scan": fake,
        },
    )
    assert response.status_code == 200
    assert "naskah.pdf" in response.text
    approved.refresh_from_db()
    assert approved.status == AgreementStatus.APPROVED
    assert not approved.documents.exists()
