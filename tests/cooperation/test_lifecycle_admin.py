"""Extending, amending and terminating from the agreement's admin page: who sees which button, what a
bad form says, and that a forbidden POST is refused without a trace."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.models import AgreementDocument, AgreementStatus, Proposal, ProposalStatus

from ..factories import AgreementFactory, PartnerFactory, amendment_type

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%berita acara\n"
TODAY = datetime.datetime(2027, 6, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def in_force(health_agency, checklist):
    return AgreementFactory(
        initiating_agency=health_agency,
        kind=checklist["kind"],
        status=AgreementStatus.IN_FORCE,
        title="Kesepakatan Bersama Layanan Kesehatan Keliling",
        aims="Meningkatkan jangkauan layanan.",
        scope="Puskesmas keliling.",
        partners=[PartnerFactory(name="Universitas Brawijaya")],
    )


def url(name: str, agreement) -> str:
    return reverse(f"wagtailsnippets_cooperation_agreement:{name}", args=[agreement.pk])


def pdf(name: str = "berita-acara.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


# -- buttons ----------------------------------------------------------------------------------


def test_the_secretariat_sees_extend_amend_and_terminate_on_an_agreement_in_force(client, users, in_force):
    amendment_type()
    client.force_login(users["secretariat"])
    page = client.get(url("inspect", in_force)).text
    for name, label in (("extend", "Perpanjang"), ("amend", "Buat adendum"), ("terminate", "Akhiri lebih awal")):
        assert url(name, in_force) in page
        assert label in page


def test_agency_staff_may_extend_and_amend_their_agreement_but_not_terminate_it(client, users, in_force):
    client.force_login(users["health_staff"])
    page = client.get(url("inspect", in_force)).text
    assert url("extend", in_force) in page
    assert url("amend", in_force) in page
    assert url("terminate", in_force) not in page


@pytest.mark.parametrize("user", ["legal", "tkksd", "leadership"])
def test_reviewers_see_no_lifecycle_buttons(client, users, in_force, user):
    client.force_login(users[user])
    page = client.get(url("inspect", in_force)).text
    for name in ("extend", "amend", "terminate"):
        assert url(name, in_force) not in page


def test_an_ended_agreement_offers_extension_only(client, users, in_force):
    in_force.status = AgreementStatus.EXPIRED
    in_force.save()
    client.force_login(users["secretariat"])
    page = client.get(url("inspect", in_force)).text
    assert url("extend", in_force) in page
    assert url("amend", in_force) not in page
    assert url("terminate", in_force) not in page


# -- extension and amendment -----------------------------------------------------------------


def test_extending_with_every_required_document_sends_the_proposal_into_review(client, users, in_force, checklist):
    client.force_login(users["health_staff"])
    form = client.get(url("extend", in_force))
    assert form.status_code == 200
    assert "Surat penawaran" in form.text
    data = {"term_years": "3"}
    data.update({f"document_{category.pk}": pdf(f"{category.code}.pdf") for category in checklist["categories"]})
    response = client.post(url("extend", in_force), data)
    proposal = Proposal.objects.get(parent_agreement=in_force)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_cooperation_proposal:inspect", args=[proposal.pk])
    assert proposal.status == ProposalStatus.SUBMITTED
    assert any(proposal.number in message for message in messages_of(response))


def test_extending_without_the_documents_leaves_a_draft_and_says_what_is_missing(client, users, in_force):
    client.force_login(users["health_staff"])
    response = client.post(url("extend", in_force), {"term_years": "2"}, follow=True)
    proposal = Proposal.objects.get(parent_agreement=in_force)
    assert proposal.status == ProposalStatus.DRAFT
    assert response.redirect_chain[0][0] == reverse("wagtailsnippets_cooperation_proposal:edit", args=[proposal.pk])
    assert "Kerangka acuan kerja (KAK)" in response.text
    assert "Surat penawaran" in response.text


def test_an_extension_proposal_cannot_be_pointed_at_another_agreement(client, users, in_force):
    client.force_login(users["health_staff"])
    client.post(url("extend", in_force), {"term_years": "2"})
    proposal = Proposal.objects.get(parent_agreement=in_force)
    edit_url = reverse("wagtailsnippets_cooperation_proposal:edit", args=[proposal.pk])

    form = client.get(edit_url).context["form"]

    assert form.fields["parent_agreement"].disabled
    assert "Ditetapkan saat perpanjangan atau adendum dibuat." in client.get(edit_url).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Isi jangka waktu perpanjangan dalam tahun."),
        ({"term_years": "0"}, "paling sedikit 1 tahun"),
        ({"term_years": "9"}, "paling lama 5 tahun"),
    ],
    ids=["no term", "zero years", "beyond the kind's limit"],
)
def test_a_bad_extension_form_shows_the_problem_and_creates_nothing(client, users, in_force, data, message):
    client.force_login(users["secretariat"])
    response = client.post(url("extend", in_force), data)
    assert response.status_code == 200
    assert message in response.text
    assert not Proposal.objects.exists()


def test_an_extension_upload_that_is_not_a_document_is_refused_by_name(client, users, in_force, checklist):
    client.force_login(users["secretariat"])
    category = checklist["categories"][0]
    fake = SimpleUploadedFile("penawaran.pdf", b"<html></html>")
    response = client.post(url("extend", in_force), {"term_years": "2", f"document_{category.pk}": fake})
    assert response.status_code == 200
    assert "penawaran.pdf" in response.text
    assert not Proposal.objects.exists()


def test_a_second_extension_from_the_form_is_refused_with_a_message(client, users, in_force):
    client.force_login(users["secretariat"])
    client.post(url("extend", in_force), {"term_years": "2"})
    response = client.post(url("extend", in_force), {"term_years": "2"})
    assert response.status_code == 200
    assert "sudah diajukan dalam usulan" in response.text
    assert Proposal.objects.count() == 1


def test_an_addendum_from_the_form_is_linked_to_the_original(client, users, in_force):
    addendum_type = amendment_type()
    client.force_login(users["health_staff"])
    response = client.post(url("amend", in_force), {"title": "Adendum Pertama"})
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert (proposal.title, proposal.parent_agreement, proposal.document_type) == (
        "Adendum Pertama",
        in_force,
        addendum_type,
    )


def test_amending_an_ended_agreement_sends_the_user_back_with_a_message(client, users, in_force):
    in_force.status = AgreementStatus.EXPIRED
    in_force.save()
    client.force_login(users["secretariat"])
    response = client.post(url("amend", in_force), {"title": "Adendum"})
    assert response.status_code == 302
    assert response["Location"] == url("inspect", in_force)
    assert any("tidak tersedia" in message for message in messages_of(response))
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("user", ["legal", "leadership", "no_role"])
def test_a_user_who_may_not_extend_is_refused_on_a_direct_post(client, users, in_force, user):
    client.force_login(users[user])
    response = client.post(url("extend", in_force), {"term_years": "2"})
    assert response.status_code in (302, 403, 404)
    assert not Proposal.objects.exists()


def test_staff_of_another_agency_cannot_even_find_the_extension_form(client, users, in_force):
    client.force_login(users["info_staff"])
    assert client.get(url("extend", in_force)).status_code == 404
    assert client.post(url("extend", in_force), {"term_years": "2"}).status_code == 404
    assert not Proposal.objects.exists()


# -- termination ------------------------------------------------------------------------------


def test_the_secretariat_terminates_an_agreement_and_the_page_shows_the_date_and_reason(client, users, in_force):
    client.force_login(users["secretariat"])
    response = client.post(
        url("terminate", in_force),
        {"terminated_on": "2027-05-31", "reason": "Mitra menghentikan kegiatan.", "minutes_file": pdf()},
    )
    assert response.status_code == 302
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.TERMINATED
    page = client.get(url("inspect", in_force)).text
    assert "Pengakhiran" in page
    assert "Mitra menghentikan kegiatan." in page
    assert "Berita Acara Pengakhiran" in page
    assert url("terminate", in_force) not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"terminated_on": "2027-05-31", "minutes_file": "pdf"}, "Alasan pengakhiran wajib diisi."),
        ({"terminated_on": "2027-05-31", "reason": "Alasan"}, "Unggah berita acara pengakhiran (PDF)."),
        ({"reason": "Alasan", "minutes_file": "pdf"}, "Tanggal pengakhiran wajib diisi."),
        ({"terminated_on": "2027-07-01", "reason": "Alasan", "minutes_file": "pdf"}, "sesudah hari ini"),
        ({"terminated_on": "2024-12-31", "reason": "Alasan", "minutes_file": "pdf"}, "tidak boleh sebelum 01-01-2025"),
        ({"terminated_on": "2027-05-31", "reason": "Alasan", "minutes_file": "html"}, "berita-acara.pdf"),
    ],
    ids=["no reason", "no file", "no date", "future date", "before start", "not a pdf"],
)
def test_a_bad_termination_form_shows_the_problem_and_changes_nothing(client, users, in_force, data, message):
    data = dict(data)
    if data.get("minutes_file") == "pdf":
        data["minutes_file"] = pdf()
    elif data.get("minutes_file") == "html":
        data["minutes_file"] = SimpleUploadedFile("berita-acara.pdf", b"<html>bukan pdf</html>")
    client.force_login(users["secretariat"])
    response = client.post(url("terminate", in_force), data)
    assert response.status_code == 200
    assert message in response.text
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE
    assert not AgreementDocument.objects.exists()


@pytest.mark.parametrize("user", ["health_staff", "legal", "tkksd", "leadership", "no_role"])
def test_a_user_who_may_not_terminate_is_refused_on_a_direct_post(client, users, in_force, user):
    client.force_login(users[user])
    response = client.post(
        url("terminate", in_force),
        {"terminated_on": "2027-05-31", "reason": "Coba-coba", "minutes_file": pdf()},
    )
    assert response.status_code in (302, 403, 404)
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE
    assert not AgreementDocument.objects.exists()


# -- the chain --------------------------------------------------------------------------------


def test_the_inspect_pages_link_the_old_agreement_and_its_successor(client, users, in_force):
    successor = AgreementFactory(
        initiating_agency=in_force.initiating_agency,
        title="Perpanjangan: Kesepakatan Bersama Layanan Kesehatan Keliling",
        replaces=in_force,
        status=AgreementStatus.APPROVED,
    )
    client.force_login(users["health_staff"])
    old_page = client.get(url("inspect", in_force)).text
    assert "Diperpanjang oleh" in old_page
    assert url("inspect", successor) in old_page
    new_page = client.get(url("inspect", successor)).text
    assert "Memperpanjang" in new_page
    assert url("inspect", in_force) in new_page


def test_the_plain_status_form_no_longer_offers_diakhiri_or_diperpanjang(client, users, in_force):
    client.force_login(users["secretariat"])
    response = client.get(url("status", in_force))
    choices = [value for value, _ in response.context["form"].fields["to_status"].choices]
    assert choices == [AgreementStatus.EXPIRED]
    refused = client.post(url("status", in_force), {"to_status": "terminated", "note": "tanpa berita acara"})
    assert refused.status_code == 200
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE


def test_an_ended_agreement_has_no_plain_status_change_left(client, users, in_force):
    in_force.status = AgreementStatus.EXPIRED
    in_force.save()
    client.force_login(users["secretariat"])
    assert url("status", in_force) not in client.get(url("inspect", in_force)).text
