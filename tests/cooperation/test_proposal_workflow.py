"""A proposal down every path of the review chain, and who hears about each step."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from cooperation.models import AgreementStatus, ClearanceKind, NotificationOptOut, ProposalStatus
from cooperation.selectors import proposal_timeline
from cooperation.selectors.proposals import current_stage
from cooperation.services import proposals as proposal_services

from ..factories import PartnerFactory

pytestmark = pytest.mark.django_db

REVIEWERS = ["secretariat", "legal", "tkksd", "leadership"]
STAGE_STATUSES = [
    ProposalStatus.SUBMITTED,
    ProposalStatus.VERIFIED,
    ProposalStatus.DELIBERATION,
    ProposalStatus.AWAITING_APPROVAL,
]


def recipients_of(subject_part: str) -> list[str]:
    return sorted(address for message in mail.outbox if subject_part in message.subject for address in message.to)


def test_a_proposal_approved_at_every_stage_becomes_an_approved_agreement(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    for reviewer, expected_status in zip(REVIEWERS, STAGE_STATUSES, strict=True):
        assert proposal.status == expected_status
        review.act(proposal, users[reviewer], "approve", comment="Lengkap" if reviewer == "legal" else "")
    assert proposal.status == ProposalStatus.APPROVED
    agreement = proposal.agreement
    assert agreement.status == AgreementStatus.APPROVED
    assert agreement.title == proposal.title
    assert [party.partner.name for party in agreement.parties.all()] == ["Universitas Brawijaya"]
    assert agreement.documents.count() == 2
    assert agreement.status_changes.get().note.startswith("Dibuat dari usulan")
    timeline = proposal_timeline(proposal=proposal)
    assert [row["status"] for row in timeline] == ["approved"] * 4
    assert timeline[1]["comment"] == "Lengkap"
    assert timeline[1]["finished_by"] == users["legal"]


def test_each_stage_notifies_its_reviewers_and_the_submitter_hears_of_the_approval(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    for reviewer in REVIEWERS:
        review.act(proposal, users[reviewer], "approve")
    assert recipients_of("Verifikasi Berkas") == ["sekretariat@example.org"]
    assert recipients_of("Telaah Hukum") == ["hukum@example.org"]
    assert recipients_of("Pembahasan TKKSD") == ["tkksd@example.org"]
    assert recipients_of("Persetujuan Pimpinan") == ["pimpinan@example.org"]
    assert recipients_of("disetujui / approved") == ["opd-dinkes@example.org"]
    approval = next(message for message in mail.outbox if "disetujui" in message.subject)
    assert "telah disetujui pimpinan" in approval.body
    assert "has been approved by the leadership" in approval.body


def test_changes_requested_return_to_the_submitter_and_review_resumes_at_the_same_stage(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "approve")
    review.act(proposal, users["legal"], "reject", comment="Pasal penyelesaian sengketa belum ada.")
    assert proposal.status == ProposalStatus.NEEDS_REVISION
    assert recipients_of("perlu perbaikan") == ["opd-dinkes@example.org"]
    changes = next(message for message in mail.outbox if "perlu perbaikan" in message.subject)
    assert "Pasal penyelesaian sengketa belum ada." in changes.body

    mail.outbox.clear()
    review.submit(proposal, users["health_staff"])
    assert proposal.status == ProposalStatus.VERIFIED
    assert current_stage(proposal=proposal).task.specific.stage == "legal_review"
    assert recipients_of("Telaah Hukum") == ["hukum@example.org"]
    assert recipients_of("Verifikasi Berkas") == []


def test_a_request_for_changes_needs_a_comment(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    with pytest.raises(ValidationError, match="perlu diperbaiki"):
        review.act(proposal, users["secretariat"], "reject", comment="  ")
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("declining_stage", range(4))
def test_a_proposal_declined_at_any_stage_is_final_and_the_submitter_is_told_why(
    make_proposal, review, users, declining_stage
):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    for reviewer in REVIEWERS[:declining_stage]:
        review.act(proposal, users[reviewer], "approve")
    review.act(proposal, users[REVIEWERS[declining_stage]], "decline", comment="Tidak sejalan dengan RPJMD.")
    assert proposal.status == ProposalStatus.REJECTED
    assert proposal.decision_note == "Tidak sejalan dengan RPJMD."
    assert proposal.agreement is None
    assert current_stage(proposal=proposal) is None
    declined = next(message for message in mail.outbox if "ditolak / declined" in message.subject)
    assert declined.to == ["opd-dinkes@example.org"]
    assert "Tidak sejalan dengan RPJMD." in declined.body
    with pytest.raises(PermissionDenied):
        review.submit(proposal, users["health_staff"])


def test_a_decline_needs_a_reason(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    with pytest.raises(ValidationError, match="wajib disertai alasan"):
        review.act(proposal, users["secretariat"], "decline")
    assert proposal.status == ProposalStatus.SUBMITTED


def walk_to_approval_stage(proposal, review, users):
    review.submit(proposal, users["health_staff"])
    for reviewer in REVIEWERS[:3]:
        review.act(proposal, users[reviewer], "approve")


def test_a_proposal_burdening_the_apbd_waits_for_the_dprd_before_final_approval(make_proposal, review, users):
    proposal = make_proposal(burdens_apbd=True)
    walk_to_approval_stage(proposal, review, users)
    assert proposal.status == ProposalStatus.AWAITING_DPRD
    with pytest.raises(ValidationError, match="Persetujuan DPRD"):
        review.act(proposal, users["leadership"], "approve")
    proposal_services.record_clearance(
        proposal=proposal,
        kind=ClearanceKind.DPRD_APPROVAL,
        letter_number="170/12/35.73.201/2026",
        completed_on=datetime.date(2026, 2, 3),
        by=users["secretariat"],
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_APPROVAL
    review.act(proposal, users["leadership"], "approve")
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.agreement.dprd_approval_number == "170/12/35.73.201/2026"
    assert proposal.agreement.dprd_approval_date == datetime.date(2026, 2, 3)


def test_an_unbudgeted_proposal_also_needs_the_dprd(make_proposal, review, users):
    proposal = make_proposal(is_budgeted=False)
    walk_to_approval_stage(proposal, review, users)
    assert proposal.status == ProposalStatus.AWAITING_DPRD


def test_a_foreign_proposal_needs_the_dprd_loi_kemendagri_and_full_powers_before_approval(make_proposal, review, users):
    proposal = make_proposal(is_foreign=True)
    walk_to_approval_stage(proposal, review, users)
    with pytest.raises(ValidationError) as caught:
        review.act(proposal, users["leadership"], "approve")
    message = " ".join(caught.value.messages)
    assert "Letter of Intent" in message
    assert "Kemendagri" in message
    assert "Full Powers" in message
    assert "Persetujuan DPRD" in message
    for kind, number in [
        (ClearanceKind.DPRD_APPROVAL, "170/2/35.73.201/2026"),
        (ClearanceKind.LETTER_OF_INTENT, "LoI/2026/01"),
        (ClearanceKind.KEMENDAGRI_CONSULTATION, "100.4.6/123/SJ"),
        (ClearanceKind.FULL_POWERS, "FP/KEMLU/2026/07"),
    ]:
        proposal_services.record_clearance(
            proposal=proposal,
            kind=kind,
            letter_number=number,
            completed_on=datetime.date(2026, 3, 1),
            by=users["secretariat"],
        )
    review.act(proposal, users["leadership"], "approve")
    assert proposal.status == ProposalStatus.APPROVED
    assert proposal.agreement.level == "international"


def test_a_submission_missing_a_required_document_is_refused_with_the_list(make_proposal, review, users):
    proposal = make_proposal(with_documents=False)
    with pytest.raises(ValidationError) as caught:
        review.submit(proposal, users["health_staff"])
    assert "Kerangka acuan kerja (KAK), Surat penawaran" in " ".join(caught.value.messages)
    assert proposal.status == ProposalStatus.DRAFT
    assert current_stage(proposal=proposal) is None


@pytest.mark.parametrize("outsider", ["legal", "tkksd", "leadership", "editor", "health_staff", "info_staff"])
def test_only_the_stages_group_can_act_on_it(make_proposal, review, users, outsider):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    with pytest.raises(PermissionDenied):
        review.act(proposal, users[outsider], "approve")
    assert proposal.status == ProposalStatus.SUBMITTED


def test_a_second_action_on_a_decided_stage_is_refused_with_a_clear_message(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    stage = current_stage(proposal=proposal)
    proposal_services.act_on_stage(task_state=stage, user=users["secretariat"], action="approve")
    with pytest.raises(ValidationError, match="sudah ditindaklanjuti oleh"):
        proposal_services.act_on_stage(task_state=stage, user=users["secretariat"], action="decline", comment="x")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VERIFIED


def test_each_stage_gets_its_due_date_from_the_document_types_service_days(make_proposal, review, users):
    proposal = make_proposal()
    proposal.document_type.days_verification = 5
    proposal.document_type.save()
    review.submit(proposal, users["health_staff"])
    stage = current_stage(proposal=proposal)
    assert stage.due_at - stage.started_at == datetime.timedelta(days=5)


def test_a_reviewer_who_opted_out_gets_no_stage_e_mail(make_proposal, review, users):
    NotificationOptOut.objects.create(user=users["secretariat"], kind="stage_assigned")
    review.submit(make_proposal(), users["health_staff"])
    assert recipients_of("Verifikasi Berkas") == []


def test_withdrawing_a_submission_makes_the_proposal_a_draft_again(make_proposal, review, users):
    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    proposal.current_workflow_state.cancel(user=users["health_staff"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_a_decline_reads_as_a_decline_in_the_history(make_proposal, review, users):
    from wagtail.models import ModelLogEntry

    proposal = make_proposal()
    review.submit(proposal, users["health_staff"])
    review.act(proposal, users["secretariat"], "decline", comment="Di luar kewenangan daerah.")
    actions = list(ModelLogEntry.objects.filter(object_id=str(proposal.pk)).values_list("action", flat=True))
    assert "cooperation.proposal_declined" in actions
    assert "wagtail.workflow.cancel" not in actions


def test_an_agreement_with_a_ministry_is_national(make_proposal, review, users):
    from cooperation.models import PartnerCategory

    proposal = make_proposal()
    proposal.parties.update(partner=PartnerFactory(name="Kementerian Kesehatan", category=PartnerCategory.MINISTRY))
    review.submit(proposal, users["health_staff"])
    for reviewer in REVIEWERS:
        review.act(proposal, users[reviewer], "approve")
    assert proposal.agreement.level == "national"


def test_the_english_half_of_an_e_mail_names_the_stage_in_english(make_proposal, review, users):
    review.submit(make_proposal(), users["health_staff"])
    message = next(message for message in mail.outbox if "Verifikasi Berkas" in message.subject)
    indonesian, english = message.body.split("---", 1)
    assert "Verifikasi Berkas" in indonesian
    assert "Document check" in english
