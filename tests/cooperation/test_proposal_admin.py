"""The proposal screens: submitting, acting, recording clearances, and what each role is refused."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.models import Proposal, ProposalStatus

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cooperation_proposal:{name}", args=args)


def proposal_form(checklist, agency, partner, *, documents=()) -> dict:
    data = {
        "document_type": checklist["document_type"].pk,
        "kind": checklist["kind"].pk,
        "title": "Kesepakatan Bersama Pengembangan Puskesmas Digital",
        "title_en": "",
        "parent_agreement": "",
        "initiating_agency": agency.pk,
        "parties-TOTAL_FORMS": "1",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "1",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-partner": partner.pk,
        "parties-0-role": "2",
        "parties-0-id": "",
        "parties-0-ORDER": "1",
        "subject": "",
        "aims": "Digitalisasi layanan puskesmas.",
        "scope": "Rekam medis elektronik dan telekonsultasi.",
        "term_years": "3",
        "value": "",
        "funding_source": "none",
        "is_budgeted": "on",
        "documents-TOTAL_FORMS": str(len(documents)),
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    for index, category in enumerate(documents):
        prefix = f"documents-{index}"
        data.update(
            {
                f"{prefix}-id": "",
                f"{prefix}-ORDER": str(index + 1),
                f"{prefix}-title": category.name,
                f"{prefix}-file": SimpleUploadedFile(f"{category.code}.pdf", b"%PDF-1.4\n%x\n", "application/pdf"),
                f"{prefix}-category": category.pk,
                f"{prefix}-version": "1",
                f"{prefix}-language": "id",
                f"{prefix}-classification": "restricted",
                f"{prefix}-restriction_ground": "17i",
                f"{prefix}-restriction_reason": "Draf masih dirundingkan.",
            }
        )
    return data


@pytest.fixture
def form_setup(checklist):
    from ..factories import PartnerFactory, framework_type

    return {**checklist, "document_type": framework_type(), "partner": PartnerFactory()}


def test_agency_staff_submit_a_proposal_with_its_documents_from_the_admin(client, users, health_agency, form_setup):
    client.force_login(users["health_staff"])
    data = proposal_form(form_setup, health_agency, form_setup["partner"], documents=form_setup["categories"])
    response = client.post(url("add"), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.documents.count() == 2
    assert proposal.created_by == users["health_staff"]


def test_a_submission_without_the_required_documents_is_refused_and_lists_them(
    client, users, health_agency, form_setup
):
    client.force_login(users["health_staff"])
    data = proposal_form(form_setup, health_agency, form_setup["partner"], documents=form_setup["categories"][:1])
    response = client.post(url("add"), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 200
    assert "Dokumen wajib yang belum diunggah: Kerangka acuan kerja (KAK)" in response.text
    assert not Proposal.objects.exists()


def test_a_draft_can_be_saved_without_the_required_documents_and_resumed(client, users, health_agency, form_setup):
    client.force_login(users["health_staff"])
    response = client.post(url("add"), proposal_form(form_setup, health_agency, form_setup["partner"]))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.DRAFT
    assert client.get(url("edit", proposal.pk)).status_code == 200


def test_agency_staff_cannot_see_or_edit_another_agencys_proposal(client, users, make_proposal):
    proposal = make_proposal()
    client.force_login(users["info_staff"])
    assert proposal.title not in client.get(url("list")).text
    for view in ("inspect", "edit", "act", "history"):
        assert client.get(url(view, proposal.pk)).status_code == 404


def test_the_secretariat_verifies_a_proposal_from_the_action_page(client, users, make_proposal, review):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    client.force_login(users["secretariat"])
    page = client.get(url("act", proposal.pk))
    assert page.status_code == 200
    assert "Verifikasi Berkas" in page.text
    response = client.post(url("act", proposal.pk), {"action": "approve", "comment": ""})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VERIFIED


def test_requesting_changes_without_a_comment_is_refused_on_the_action_page(client, users, make_proposal, review):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    client.force_login(users["secretariat"])
    response = client.post(url("act", proposal.pk), {"action": "reject", "comment": ""})
    assert response.status_code == 200
    assert "Tuliskan alasannya" in response.text
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor", "health_staff"])
def test_a_user_outside_the_stages_group_cannot_act_by_post(client, users, make_proposal, review, role):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    client.force_login(users[role])
    response = client.post(url("act", proposal.pk), {"action": "approve"})
    assert response.status_code in (302, 404)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_a_decided_proposal_cannot_be_edited(client, users, make_proposal, review):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "decline", comment="Duplikat usulan lain.")
    client.force_login(users["health_staff"])
    response = client.get(url("edit", proposal.pk))
    assert response.status_code == 302
    assert response["Location"] == url("inspect", proposal.pk)


def test_only_the_secretariat_records_a_dprd_approval(client, users, make_proposal):
    proposal = make_proposal(burdens_apbd=True)
    data = {"kind": "dprd", "letter_number": "170/3/2026", "completed_on": "2026-02-01", "note": ""}
    client.force_login(users["leadership"])
    client.post(url("clearance", proposal.pk), data)
    assert not proposal.clearances.exists()
    client.force_login(users["secretariat"])
    response = client.post(url("clearance", proposal.pk), data)
    assert response.status_code == 302
    assert proposal.clearances.get().letter_number == "170/3/2026"


def test_the_inspect_page_shows_where_the_proposal_stands_and_its_timeline(client, users, make_proposal, review):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "approve", comment="Berkas lengkap")
    client.force_login(users["health_staff"])
    text = client.get(url("inspect", proposal.pk)).text
    assert "Telaah Hukum" in text
    assert "Berkas lengkap" in text
    assert "Linimasa peninjauan" in text


def test_the_dashboard_shows_what_awaits_me_and_what_is_overdue(client, users, make_proposal, review):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        proposal = make_proposal()
        review.submit(proposal, users["health_staff"])
    client.force_login(users["secretariat"])
    with time_machine.travel(datetime.datetime(2026, 3, 8, 9, 0, tzinfo=datetime.UTC), tick=False):
        text = client.get("/admin/").text
        assert "Menunggu tindakan saya" in text
        assert proposal.number in text
        assert "Segera jatuh tempo" in text
    with time_machine.travel(datetime.datetime(2026, 3, 20, 9, 0, tzinfo=datetime.UTC), tick=False):
        text = client.get("/admin/").text
        assert "Terlambat" in text
        assert text.count(proposal.number) == 2
    client.force_login(users["legal"])
    assert proposal.number not in client.get("/admin/").text.split("Terlambat")[0]


def test_an_html_file_named_pdf_is_refused_in_the_proposal_form_and_nothing_is_stored(
    client, users, health_agency, form_setup
):
    client.force_login(users["health_staff"])
    data = proposal_form(form_setup, health_agency, form_setup["partner"], documents=form_setup["categories"])
    data["documents-0-file"] = SimpleUploadedFile("kak.pdf", b"<html>bukan pdf</html>", "application/pdf")
    response = client.post(url("add"), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 200
    assert "bukan PDF atau DOCX" in response.text
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor"])
def test_reviewers_and_editors_cannot_create_proposals(client, users, health_agency, form_setup, role):
    client.force_login(users[role])
    data = proposal_form(form_setup, health_agency, form_setup["partner"])
    response = client.post(url("add"), data)
    assert response.status_code in (302, 403)
    assert not Proposal.objects.exists()
