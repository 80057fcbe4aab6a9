"""Extension, amendment, early termination and expiry, through the services."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from cooperation.models import (
    AgreementDocument,
    AgreementStatus,
    DocumentCategory,
    Proposal,
    ProposalPurpose,
    ProposalStatus,
)
from cooperation.services import record_signature
from cooperation.services.lifecycle import expire_agreements, start_amendment, start_extension, terminate_agreement

from ..factories import AgreementFactory, PartnerFactory, amendment_type, implementing_type

pytestmark = pytest.mark.django_db

REVIEWERS = ["secretariat", "legal", "tkksd", "leadership"]
PDF = b"%PDF-1.4\n%berita acara\n"
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
IN_2027 = datetime.datetime(2027, 6, 1, 9, 0, tzinfo=JAKARTA)


def pdf(name: str = "dokumen.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def in_force(health_agency, checklist):
    """A KSDPK agreement of the health agency, in force 2025 to 2027, with one partner."""
    return AgreementFactory(
        initiating_agency=health_agency,
        kind=checklist["kind"],
        status=AgreementStatus.IN_FORCE,
        title="Kesepakatan Bersama Layanan Kesehatan Keliling",
        aims="Meningkatkan jangkauan layanan.",
        scope="Puskesmas keliling.",
        partners=[PartnerFactory(name="Universitas Brawijaya")],
        signed_on=datetime.date(2024, 12, 20),
        region_number="180/1/35.73.402/2024",
    )


@pytest.fixture
def all_documents(checklist):
    return lambda: {category: pdf(f"{category.code}.pdf") for category in checklist["categories"]}


def extend(agreement, user, documents):
    return start_extension(agreement=agreement, by=user, term_years=3, documents=documents)


def approve_all_stages(proposal, review, users):
    for reviewer in REVIEWERS:
        review.act(proposal, users[reviewer], "approve")
    return proposal


def sign(agreement, user, *, number: str = "180/7/35.73.402/2027"):
    return record_signature(
        agreement=agreement,
        by=user,
        signed_on=datetime.date(2027, 6, 1),
        signed_at="Balai Kota Malang",
        region_number=number,
    )


# -- extension ---------------------------------------------------------------------------------


@time_machine.travel(IN_2027, tick=False)
def test_extending_an_agreement_in_force_opens_a_linked_proposal_and_starts_its_review(
    in_force, users, all_documents, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = start_extension(
            agreement=in_force, by=users["health_staff"], term_years=3, documents=all_documents()
        )
    assert proposal.purpose == ProposalPurpose.EXTENSION
    assert proposal.parent_agreement == in_force
    assert proposal.title == "Perpanjangan: Kesepakatan Bersama Layanan Kesehatan Keliling"
    assert proposal.term_years == 3
    assert proposal.document_type == in_force.document_type
    assert proposal.initiating_agency == in_force.initiating_agency
    assert [party.partner.name for party in proposal.parties.all()] == ["Universitas Brawijaya"]
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.documents.count() == 2
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE


def test_an_extension_missing_required_documents_stays_a_draft_for_the_user_to_complete(in_force, users):
    proposal = start_extension(agreement=in_force, by=users["secretariat"], term_years=2, title="Perpanjangan KSB")
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.title == "Perpanjangan KSB"
    assert proposal.current_workflow_state is None


def test_a_second_open_extension_of_the_same_agreement_is_refused(in_force, users):
    first = start_extension(agreement=in_force, by=users["health_staff"], term_years=2)
    with pytest.raises(ValidationError, match=first.number):
        start_extension(agreement=in_force, by=users["secretariat"], term_years=2)
    assert Proposal.objects.filter(parent_agreement=in_force).count() == 1


def test_an_extension_longer_than_the_kinds_term_limit_is_refused(in_force, users):
    with pytest.raises(ValidationError, match="paling lama 5 tahun"):
        start_extension(agreement=in_force, by=users["health_staff"], term_years=6)
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("user", ["info_staff", "legal", "tkksd", "leadership", "no_role"])
def test_staff_of_another_agency_and_reviewers_cannot_extend_or_amend_an_agreement(in_force, users, user):
    with pytest.raises(PermissionDenied):
        start_extension(agreement=in_force, by=users[user], term_years=2)
    with pytest.raises(PermissionDenied):
        start_amendment(agreement=in_force, by=users[user])
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("status", [AgreementStatus.APPROVED, AgreementStatus.SIGNED, AgreementStatus.TERMINATED])
def test_only_an_agreement_in_force_or_ended_can_be_extended(in_force, users, status):
    in_force.status = status
    in_force.save()
    with pytest.raises(ValidationError, match="Berlaku atau Berakhir"):
        start_extension(agreement=in_force, by=users["secretariat"], term_years=2)
    assert not Proposal.objects.exists()


def test_an_ended_agreement_can_still_be_extended(in_force, users):
    in_force.status = AgreementStatus.EXPIRED
    in_force.save()
    proposal = start_extension(agreement=in_force, by=users["secretariat"], term_years=2)
    assert proposal.parent_agreement == in_force


@time_machine.travel(IN_2027, tick=False)
def test_approving_an_extension_creates_the_successor_that_replaces_the_old_agreement(
    in_force, users, all_documents, review, django_capture_on_commit_callbacks
):
    framework = AgreementFactory(initiating_agency=in_force.initiating_agency, status=AgreementStatus.IN_FORCE)
    in_force.document_type = implementing_type()
    in_force.parent = framework
    in_force.save()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = extend(in_force, users["health_staff"], all_documents())
    approve_all_stages(proposal, review, users)
    assert proposal.status == ProposalStatus.APPROVED
    successor = proposal.agreement
    assert successor.status == AgreementStatus.APPROVED
    assert successor.replaces == in_force
    assert successor.parent == framework
    # Continuous cover: from the day after the old end date, for the term asked.
    assert successor.starts_on == datetime.date(2028, 1, 1)
    assert successor.ends_on == datetime.date(2030, 12, 31)
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE


@time_machine.travel(IN_2027, tick=False)
def test_signing_the_successor_marks_the_old_agreement_diperpanjang(
    in_force, users, all_documents, review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = extend(in_force, users["health_staff"], all_documents())
    successor = approve_all_stages(proposal, review, users).agreement
    sign(successor, users["secretariat"])
    successor.refresh_from_db()
    in_force.refresh_from_db()
    assert successor.status == AgreementStatus.SIGNED
    assert in_force.status == AgreementStatus.EXTENDED
    last = in_force.status_changes.last()
    assert (last.from_status, last.to_status) == (AgreementStatus.IN_FORCE, AgreementStatus.EXTENDED)
    assert "Perpanjangan: Kesepakatan Bersama Layanan Kesehatan Keliling" in last.note
    assert "180/7/35.73.402/2027" in last.note
    with pytest.raises(ValidationError):
        start_extension(agreement=in_force, by=users["secretariat"], term_years=1)


@time_machine.travel(IN_2027, tick=False)
def test_an_extension_already_approved_blocks_another_one(
    in_force, users, all_documents, review, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = extend(in_force, users["health_staff"], all_documents())
    approve_all_stages(proposal, review, users)
    with pytest.raises(ValidationError, match="sudah diperpanjang"):
        start_extension(agreement=in_force, by=users["health_staff"], term_years=3)


# -- amendment ---------------------------------------------------------------------------------


@time_machine.travel(IN_2027, tick=False)
def test_an_addendum_hangs_under_the_original_and_leaves_it_in_force(
    in_force, users, all_documents, review, django_capture_on_commit_callbacks
):
    addendum_type = amendment_type()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = start_amendment(agreement=in_force, by=users["health_staff"], documents=all_documents())
    assert proposal.purpose == ProposalPurpose.AMENDMENT
    assert proposal.document_type == addendum_type
    assert proposal.title == "Adendum: Kesepakatan Bersama Layanan Kesehatan Keliling"
    assert proposal.status == ProposalStatus.SUBMITTED
    addendum = approve_all_stages(proposal, review, users).agreement
    assert addendum.parent == in_force
    assert addendum.replaces is None
    sign(addendum, users["secretariat"])
    addendum.refresh_from_db()
    in_force.refresh_from_db()
    assert addendum.status == AgreementStatus.IN_FORCE
    assert in_force.status == AgreementStatus.IN_FORCE


def test_an_addendum_needs_an_addendum_document_type_in_the_reference_data(in_force, users):
    with pytest.raises(ValidationError, match="Jenis naskah adendum belum diatur"):
        start_amendment(agreement=in_force, by=users["secretariat"])
    assert not Proposal.objects.exists()


def test_an_addendum_cannot_be_made_for_an_ended_agreement(in_force, users):
    amendment_type()
    in_force.status = AgreementStatus.EXPIRED
    in_force.save()
    with pytest.raises(ValidationError, match="Ditandatangani atau Berlaku"):
        start_amendment(agreement=in_force, by=users["secretariat"])


# -- termination -------------------------------------------------------------------------------


@time_machine.travel(IN_2027, tick=False)
def test_terminating_with_a_reason_and_the_berita_acara_makes_the_agreement_diakhiri(in_force, users):
    terminate_agreement(
        agreement=in_force,
        by=users["secretariat"],
        terminated_on=datetime.date(2027, 5, 31),
        reason="Mitra tidak lagi memenuhi kewajiban.",
        minutes_file=pdf("berita-acara.pdf"),
    )
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.TERMINATED
    assert in_force.terminated_on == datetime.date(2027, 5, 31)
    assert in_force.termination_reason == "Mitra tidak lagi memenuhi kewajiban."
    document = in_force.documents.get()
    assert document.title == "Berita Acara Pengakhiran"
    assert document.category.code == "berita-acara"
    last = in_force.status_changes.last()
    assert (last.to_status, last.changed_by) == (AgreementStatus.TERMINATED, users["secretariat"])
    assert "Mitra tidak lagi memenuhi kewajiban." in last.note
    assert "31-05-2027" in last.note


@time_machine.travel(IN_2027, tick=False)
def test_termination_uses_the_existing_berita_acara_category(in_force, users):
    existing = DocumentCategory.objects.create(code="berita-acara", name="Berita Acara (daerah)")
    terminate_agreement(
        agreement=in_force,
        by=users["administrator"],
        terminated_on=datetime.date(2027, 6, 1),
        reason="Kesepakatan para pihak.",
        minutes_file=pdf(),
    )
    assert in_force.documents.get().category == existing


REFUSED_TERMINATIONS = {
    "no reason": ({"reason": "  "}, ValidationError, "Alasan pengakhiran wajib diisi"),
    "no file": ({"minutes_file": None}, ValidationError, "berita acara"),
    "not a pdf": (
        {"minutes_file": SimpleUploadedFile("berita-acara.pdf", b"<html>bukan pdf</html>")},
        ValidationError,
        "berita-acara.pdf",
    ),
    "in the future": ({"terminated_on": datetime.date(2027, 6, 2)}, ValidationError, "sesudah hari ini"),
    "before the start": ({"terminated_on": datetime.date(2024, 12, 31)}, ValidationError, "sebelum 01-01-2025"),
    "agency staff": ({"by": "health_staff"}, PermissionDenied, "Hanya Sekretariat"),
    "reviewer": ({"by": "legal"}, PermissionDenied, "Hanya Sekretariat"),
    "leadership": ({"by": "leadership"}, PermissionDenied, "Hanya Sekretariat"),
    "approved, not signed": ({"status": AgreementStatus.APPROVED}, ValidationError, "Ditandatangani atau Berlaku"),
    "already ended": ({"status": AgreementStatus.EXPIRED}, ValidationError, "Ditandatangani atau Berlaku"),
    "already terminated": ({"status": AgreementStatus.TERMINATED}, ValidationError, "Ditandatangani atau Berlaku"),
}


@time_machine.travel(IN_2027, tick=False)
@pytest.mark.parametrize("case", REFUSED_TERMINATIONS.values(), ids=REFUSED_TERMINATIONS.keys())
def test_a_refused_termination_leaves_nothing_changed(in_force, users, case):
    changes, error, message = case
    if "status" in changes:
        in_force.status = changes["status"]
        in_force.save()
    history_before = in_force.status_changes.count()
    arguments = {
        "agreement": in_force,
        "by": users[changes.get("by", "secretariat")],
        "terminated_on": changes.get("terminated_on", datetime.date(2027, 5, 31)),
        "reason": changes.get("reason", "Kesepakatan para pihak."),
        "minutes_file": changes.get("minutes_file", pdf()),
    }
    with pytest.raises(error, match=message):
        terminate_agreement(**arguments)
    in_force.refresh_from_db()
    assert in_force.status == changes.get("status", AgreementStatus.IN_FORCE)
    assert in_force.terminated_on is None
    assert in_force.termination_reason == ""
    assert in_force.status_changes.count() == history_before
    assert not AgreementDocument.objects.exists()


@time_machine.travel(IN_2027, tick=False)
def test_a_signed_agreement_whose_term_has_not_begun_can_be_terminated_from_its_signing_date(in_force, users):
    in_force.status = AgreementStatus.SIGNED
    in_force.signed_on = datetime.date(2027, 5, 2)
    in_force.starts_on = datetime.date(2027, 7, 1)
    in_force.save()
    arguments = {"agreement": in_force, "by": users["editor"], "reason": "Batal dilaksanakan."}
    with pytest.raises(ValidationError, match="tidak boleh sebelum 02-05-2027"):
        terminate_agreement(**arguments, terminated_on=datetime.date(2027, 5, 1), minutes_file=pdf())
    terminate_agreement(**arguments, terminated_on=datetime.date(2027, 5, 20), minutes_file=pdf())
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.TERMINATED
    assert in_force.terminated_on == datetime.date(2027, 5, 20)


# -- expiry ------------------------------------------------------------------------------------


def test_an_agreement_is_in_force_through_its_end_date_and_berakhir_from_the_next_day(in_force):
    # The region's calendar decides: the last minutes of 31 December, then the first of 1 January.
    with time_machine.travel(datetime.datetime(2027, 12, 31, 23, 59, tzinfo=JAKARTA), tick=False):
        assert expire_agreements() == 0
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.IN_FORCE
    with time_machine.travel(datetime.datetime(2028, 1, 1, 0, 1, tzinfo=JAKARTA), tick=False):
        assert expire_agreements() == 1
        assert expire_agreements() == 0
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.EXPIRED
    last = in_force.status_changes.get()
    assert (last.from_status, last.to_status) == (AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED)
    assert "31-12-2027" in last.note


def test_expiry_leaves_agreements_not_in_force_alone(health_agency):
    for status in (AgreementStatus.SIGNED, AgreementStatus.APPROVED, AgreementStatus.TERMINATED):
        AgreementFactory(initiating_agency=health_agency, status=status, ends_on=datetime.date(2020, 1, 1))
    open_ended = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.IN_FORCE, ends_on=None)
    assert expire_agreements(today=datetime.date(2030, 1, 1)) == 0
    open_ended.refresh_from_db()
    assert open_ended.status == AgreementStatus.IN_FORCE


def test_the_daily_command_brings_agreements_into_force_then_ends_those_past_their_end(health_agency, capsys):
    signed_long_ago = AgreementFactory(
        initiating_agency=health_agency,
        status=AgreementStatus.SIGNED,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    starting = AgreementFactory(
        initiating_agency=health_agency,
        status=AgreementStatus.SIGNED,
        starts_on=datetime.date(2028, 1, 1),
        ends_on=datetime.date(2029, 12, 31),
    )
    with time_machine.travel(datetime.datetime(2028, 1, 1, 1, 0, tzinfo=JAKARTA), tick=False):
        call_command("update_agreement_statuses")
        call_command("update_agreement_statuses")
    out = capsys.readouterr().out.splitlines()
    assert out == ["2 naskah mulai berlaku.", "1 naskah berakhir.", "0 naskah mulai berlaku.", "0 naskah berakhir."]
    signed_long_ago.refresh_from_db()
    starting.refresh_from_db()
    assert signed_long_ago.status == AgreementStatus.EXPIRED
    assert starting.status == AgreementStatus.IN_FORCE
