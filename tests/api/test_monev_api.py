"""GET /api/v1/monev and /agreements/{id}/monev: verified monev reports only, never drafts or unverified edits."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from cooperation.models import MonevReport, VerificationStatus
from cooperation.services.monev import act_on_report, submit_report

from ..factories import monev_report
from .helpers import API, NOW, SECRETS, error_code, ids, verified_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

MONEV = f"{API}/monev"


def report_in_workflow(agreement, agency, *, starts_on, ends_on, benefits: str) -> MonevReport:
    """A report as the agency saves it before submitting: a draft with one revision."""
    report = monev_report(
        agreement,
        agency,
        starts_on=starts_on,
        ends_on=ends_on,
        indicators=[("Warga terlayani", "orang", 10, 5)],
        activities="Layanan puskesmas keliling.",
        benefits=benefits,
        budget_planned=Decimal("100"),
        budget_realised=Decimal("50"),
        live=False,
    )
    report.save_revision(user=None)
    return report


def test_the_list_holds_verified_reports_of_public_agreements_with_their_figures(client, register):
    report = MonevReport.objects.verified().get()
    response = client.get(MONEV)
    assert ids(response) == [report.pk]
    item = response.json()["results"][0]
    assert item == {
        "id": report.pk,
        "agreement_id": register["clinic"].pk,
        "agreement_api_url": f"http://testserver/api/v1/agreements/{register['clinic'].pk}",
        "period": {"label": "Semester I 2025", "starts_on": "2025-02-01", "ends_on": "2025-06-30"},
        "realisation_percent": 87.5,
        "budget_percent": 75.0,
        "recommendation": {"code": "extend", "label": "Diperpanjang"},
        "benefits": "Kunjungan balita naik dua kali lipat.",
        "indicators": [
            {"name": "Warga terlayani", "unit": "orang", "target": 1200, "realisation": 900, "percent": 75},
            {"name": "Kelurahan terjangkau", "unit": "kelurahan", "target": 12, "realisation": 12, "percent": 100},
        ],
        "verified_at": "2026-03-02T03:00:00Z",
        "modified_at": "2026-03-02T03:00:00Z",
    }


def test_drafts_internal_notes_and_the_reporter_never_show(client, register):
    response = client.get(MONEV)
    for secret in ("monev_draft", "verification_note", "obstacles"):
        assert SECRETS[secret] not in response.text
    assert "Layanan keliling di 12 kelurahan." not in response.text  # activities stay internal
    assert register["draft_report"].pk not in ids(response)


def test_submitted_sent_back_and_unverified_edits_never_show(client, register, users):
    clinic, health = register["clinic"], register["health"]
    register["draft_report"].delete()
    submitted = report_in_workflow(
        clinic,
        health,
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 12, 31),
        benefits="Manfaat menunggu verifikasi",
    )
    submit_report(report=submitted, by=users["health_staff"])
    verified = report_in_workflow(
        clinic,
        health,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
        benefits="Versi terverifikasi",
    )
    submit_report(report=verified, by=users["health_staff"])
    act_on_report(report=verified, by=users["secretariat"], action="approve")
    verified.refresh_from_db()
    assert verified.verification_status == VerificationStatus.VERIFIED and verified.live
    edit = verified.get_latest_revision_as_object()
    edit.benefits = "Versi perubahan belum diverifikasi"
    submit_report(report=edit, by=users["health_staff"])

    texts = [client.get(MONEV).text, client.get(f"{API}/agreements/{clinic.pk}/monev").text]
    texts.append(client.get(f"{API}/agreements/{clinic.pk}").text)
    for text in texts:
        assert "Manfaat menunggu verifikasi" not in text
        assert "Versi perubahan belum diverifikasi" not in text


def test_the_list_filters_by_agreement_year_and_modified_since(client, register):
    first = MonevReport.objects.verified().get()
    with time_machine.travel(NOW + datetime.timedelta(days=5), tick=False):
        register["draft_report"].delete()
        later = verified_report(
            register["clinic"],
            register["health"],
            starts_on=datetime.date(2025, 7, 1),
            ends_on=datetime.date(2025, 12, 31),
            benefits="Semester kedua",
        )
        other = verified_report(
            register["water"],
            register["public_works"],
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2024, 6, 30),
            benefits="Pipa terpasang",
        )
    assert ids(client.get(MONEV)) == [later.pk, first.pk, other.pk]  # newest period first
    assert ids(client.get(MONEV, {"agreement": register["water"].pk})) == [other.pk]
    assert ids(client.get(MONEV, {"year": 2024})) == [other.pk]
    assert ids(client.get(MONEV, {"modified_since": "2026-03-05"})) == [later.pk, other.pk]
    assert client.get(MONEV, {"year": 20}).status_code == 400


def test_reports_of_an_agreement_that_is_withdrawn_from_publication_disappear(client, register):
    publication = register["clinic"].publication
    publication.live = False
    publication.save()
    assert ids(client.get(MONEV)) == []
    response = client.get(f"{API}/agreements/{register['clinic'].pk}/monev")
    assert response.status_code == 404 and error_code(response) == "not_found"


def test_the_agreement_monev_endpoint_pages_its_verified_reports(client, register):
    response = client.get(f"{API}/agreements/{register['clinic'].pk}/monev", {"page_size": 1})
    assert response.status_code == 200 and response.json()["count"] == 1
    assert client.get(f"{API}/agreements/{register['water'].pk}/monev").json()["count"] == 0
    assert client.get(f"{API}/agreements/abc/monev").status_code == 400
    assert client.get(f"{API}/agreements/{register['clinic'].pk}/monev", {"year": 2025}).status_code == 400
