"""Status changes happen only through the services, which keep the history and the audit log."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cooperation import services
from cooperation.models import AgreementStatus

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved_agreement(info_agency):
    return AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.APPROVED)


@time_machine.travel(datetime.datetime(2024, 12, 1, 9, 0), tick=False)
def test_the_secretariat_records_a_signing_and_the_agreement_becomes_signed(users, approved_agreement):
    services.record_signature(
        agreement=approved_agreement,
        by=users["secretariat"],
        signed_on=datetime.date(2025, 3, 3),
        signed_at="Balai Kota Malang",
        region_number="180/7/35.73.402/2025",
    )
    approved_agreement.refresh_from_db()
    assert approved_agreement.status == AgreementStatus.SIGNED
    assert approved_agreement.region_number == "180/7/35.73.402/2025"
    change = approved_agreement.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        AgreementStatus.APPROVED,
        AgreementStatus.SIGNED,
        users["secretariat"],
    )


def test_every_status_change_writes_an_audit_log_entry_shown_in_the_history(client, users, approved_agreement):
    services.change_agreement_status(
        agreement=approved_agreement, to_status=AgreementStatus.SIGNED, by=users["secretariat"], note="TTD"
    )
    entry = ModelLogEntry.objects.get(action=services.STATUS_CHANGE_ACTION)
    assert entry.user == users["secretariat"]
    assert entry.data["to"] == AgreementStatus.SIGNED
    client.force_login(users["secretariat"])
    history = client.get(reverse("wagtailsnippets_cooperation_agreement:history", args=[approved_agreement.pk]))
    assert "Status diubah dari Disetujui menjadi Ditandatangani" in history.text


def test_a_dprd_flagged_agreement_cannot_be_signed_without_dprd_approval(users, info_agency):
    agreement = AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.APPROVED, burdens_apbd=True)
    with pytest.raises(ValidationError) as caught:
        services.record_signature(
            agreement=agreement,
            by=users["secretariat"],
            signed_on=datetime.date(2025, 3, 3),
            signed_at="Balai Kota Malang",
            region_number="180/8/35.73.402/2025",
        )
    assert "persetujuan DPRD" in str(caught.value)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.APPROVED
    assert agreement.region_number == ""
    assert not agreement.status_changes.exists()


def test_a_status_cannot_skip_the_lifecycle(users, approved_agreement):
    with pytest.raises(ValidationError) as caught:
        services.change_agreement_status(
            agreement=approved_agreement, to_status=AgreementStatus.EXPIRED, by=users["secretariat"]
        )
    assert "tidak dapat diubah dari Disetujui menjadi Berakhir" in str(caught.value)


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "health_staff", "info_staff", "no_role"])
def test_only_the_register_keepers_change_a_status(users, role, approved_agreement):
    with pytest.raises(PermissionDenied):
        services.change_agreement_status(agreement=approved_agreement, to_status=AgreementStatus.SIGNED, by=users[role])
    approved_agreement.refresh_from_db()
    assert approved_agreement.status == AgreementStatus.APPROVED


def test_agency_staff_may_not_change_another_agencys_record_through_the_service(users, approved_agreement):
    with pytest.raises(PermissionDenied):
        services.ensure_can_change(user=users["health_staff"], agreement=approved_agreement)
    services.ensure_can_change(user=users["info_staff"], agreement=approved_agreement)


@time_machine.travel(datetime.datetime(2024, 12, 1, 9, 0), tick=False)
def test_a_signed_agreement_comes_into_force_on_its_start_date_once(users, approved_agreement):
    from django.core.files.base import ContentFile

    services.record_signature(
        agreement=approved_agreement,
        by=users["secretariat"],
        signed_on=datetime.date(2024, 12, 1),
        signed_at="Balai Kota Malang",
        region_number="180/11/35.73.402/2024",
        partner_number="UN10/KS/2024/77",
        signed_scan=ContentFile(b"%PDF-1.4\n%scan\n", name="scan.pdf"),
    )
    approved_agreement.refresh_from_db()
    assert approved_agreement.status == AgreementStatus.SIGNED
    assert approved_agreement.parties.get().number == "UN10/KS/2024/77"
    assert approved_agreement.documents.get().title == "Naskah ditandatangani"
    assert services.bring_agreements_into_force(today=datetime.date(2024, 12, 31)) == 0
    assert services.bring_agreements_into_force(today=datetime.date(2025, 1, 1)) == 1
    assert services.bring_agreements_into_force(today=datetime.date(2025, 1, 2)) == 0
    approved_agreement.refresh_from_db()
    assert approved_agreement.status == AgreementStatus.IN_FORCE
    assert approved_agreement.status_changes.last().note == "Mulai berlaku pada 01-01-2025."


def test_a_signing_recorded_after_the_start_date_is_in_force_at_once(users, approved_agreement):
    services.record_signature(
        agreement=approved_agreement,
        by=users["secretariat"],
        signed_on=datetime.date(2025, 1, 2),
        signed_at="Balai Kota Malang",
        region_number="180/12/35.73.402/2025",
    )
    approved_agreement.refresh_from_db()
    assert approved_agreement.status == AgreementStatus.IN_FORCE
    assert [change.to_status for change in approved_agreement.status_changes.all()] == ["signed", "in_force"]
