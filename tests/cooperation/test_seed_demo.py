"""seed_demo: every status of the register, proposals at every review stage, requests from outside; twice is once."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Revision, TaskState, Workflow, WorkflowContentType, WorkflowState

from cooperation.models import (
    Agreement,
    AgreementDocument,
    AgreementStatus,
    Classification,
    ExternalRequest,
    ExternalRequestStatus,
    MonevReport,
    Proposal,
    ProposalStatus,
    Publication,
    ReviewTaskState,
    VerificationStatus,
    ending_soon_condition,
)
from cooperation.selectors import public_agreements
from cooperation.selectors.monev import ObligationState, monev_obligations
from cooperation.selectors.proposals import all_overdue_stages, missing_required_documents

pytestmark = pytest.mark.django_db

# The planner's showcase puts every agreement status within the first 29 records.
ARGS = ("seed_demo", "--agreements", "40", "--no-progress")
ISSUED = re.compile(r"(REG-\d{4}-\d{5})\s+.+?\s+token ([\w-]{20,})")


def seed() -> str:
    out = io.StringIO()
    call_command(*ARGS, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _remove_seeded_files(db):
    """The document storage is shared by the suite: take the demo's files away again."""
    yield
    for document in AgreementDocument.objects.all():
        document.file.storage.delete(document.file.name)


def test_the_demo_has_every_status_and_a_believable_review_history():
    output = seed()

    assert set(Agreement.objects.values_list("status", flat=True)) == set(AgreementStatus.values)
    assert set(Proposal.objects.values_list("status", flat=True)) == set(ProposalStatus.values)
    by_agency = Proposal.objects.values_list("initiating_agency__code", "created_by__username")
    assert {("DINKES", "opd"), ("DISKOMINFO", "opd2")} <= set(by_agency)

    # Every proposal that went into review had its checklist complete; one draft still misses a document.
    for proposal in Proposal.objects.exclude(status=ProposalStatus.DRAFT):
        assert missing_required_documents(proposal=proposal) == [], proposal.number
    incomplete = [
        p for p in Proposal.objects.filter(status=ProposalStatus.DRAFT) if missing_required_documents(proposal=p)
    ]
    assert incomplete
    drafts = AgreementDocument.objects.filter(proposal__isnull=False, category__code="draf-naskah")
    assert drafts.exists()
    assert all(d.classification == Classification.RESTRICTED and d.restriction_ground == "17i" for d in drafts)

    # The services decided; the history lies in the past, and some stages are overdue ("Terlambat").
    now = timezone.now()
    assert not ReviewTaskState.objects.filter(started_at__gt=now).exists()
    assert not ModelLogEntry.objects.filter(timestamp__gt=now).exists()
    overdue = {int(state.workflow_state.object_id) for state in all_overdue_stages()}
    assert set(Proposal.objects.filter(pk__in=overdue).values_list("status", flat=True)) == {
        ProposalStatus.SUBMITTED,
        ProposalStatus.DELIBERATION,
    }
    rejected = Proposal.objects.filter(status=ProposalStatus.REJECTED)
    assert all(p.decision_note and p.decided_at < now for p in rejected)
    from_proposals = Agreement.objects.filter(proposal__isnull=False)
    assert set(from_proposals.values_list("status", flat=True)) == {AgreementStatus.APPROVED, AgreementStatus.IN_FORCE}
    signed = from_proposals.get(status=AgreementStatus.IN_FORCE)
    assert signed.region_number and signed.signed_on < timezone.localdate()
    assert signed.documents.filter(category__code="naskah-ditandatangani").exists()
    awaiting_dprd = Proposal.objects.get(status=ProposalStatus.AWAITING_DPRD)
    assert awaiting_dprd.burdens_apbd and not awaiting_dprd.clearances.exists()
    foreign = Proposal.objects.get(status=ProposalStatus.AWAITING_APPROVAL)
    assert {"loi", "kemendagri", "full_powers"} <= set(foreign.clearances.values_list("kind", flat=True))

    # Requests from outside: one of each outcome, and the printed tokens open the public status page.
    requests = {r.status: r for r in ExternalRequest.objects.all()}
    assert set(requests) == set(ExternalRequestStatus.values)
    assert requests[ExternalRequestStatus.TRIAGED].proposal.status == ProposalStatus.DRAFT
    assert requests[ExternalRequestStatus.DECLINED].decline_reason
    issued = dict(ISSUED.findall(output))
    assert set(issued) == {r.number for r in requests.values()}
    for number, token in issued.items():
        response = Client().post(reverse("external_request_status"), {"number": number, "token": token})
        assert response.status_code == 200
        assert response.context["tracked"]["number"] == number


def test_the_demo_has_a_public_catalogue_with_every_publication_state():
    output = seed()

    signed = Agreement.objects.filter(status__in=AgreementStatus.signed_states())
    public = public_agreements()
    assert public.count() >= signed.count() * 0.6
    assert "publikasi katalog:" in output
    # Some signed agreements wait for the PPID, one has a prepared draft; nothing unsigned is public.
    assert signed.filter(publication__isnull=True).exists()
    drafts = Publication.objects.filter(live=False)
    assert drafts.exists() and not drafts.filter(agreement__in=public).exists()
    assert not public.exclude(status__in=AgreementStatus.signed_states()).exists()

    # The showcase went through Wagtail's publish as the demo editor, on a day after signing.
    for publication in Publication.objects.filter(live=True).select_related("agreement")[:10]:
        entry = ModelLogEntry.objects.get(
            content_type=ContentType.objects.get_for_model(Publication),
            object_id=str(publication.pk),
            action="wagtail.publish",
        )
        assert entry.user.username == "editor"
        assert publication.agreement.signed_on <= timezone.localdate(publication.first_published_at)
        assert publication.first_published_at <= timezone.now()
        assert publication.summary.strip()

    # Foreign partners get an English summary and title; domestic ones need none.
    foreign = Publication.objects.filter(live=True, agreement__kind__is_foreign=True).select_related("agreement")
    assert foreign.exists()
    assert all(p.summary_en and p.agreement.title_en for p in foreign)
    assert not Publication.objects.filter(agreement__kind__is_foreign=False).exclude(summary_en="").exists()

    # The optional PPID approval is ready in Settings → Workflows, but not switched on.
    workflow = Workflow.objects.get(name="Persetujuan Publikasi PPID")
    assert workflow.active and workflow.workflow_tasks.count() == 1
    assert not WorkflowContentType.objects.filter(workflow=workflow).exists()


def test_the_demo_builds_the_portal_pages_in_both_languages():
    seed()

    urls = {page.get_url() for page in Page.objects.live()}
    sections = ["/katalog/", "/statistik/", "/prosedur/", "/tanya-jawab/"]
    assert {"/", "/en/", *sections, *(f"/en{section}" for section in sections)} <= urls


def test_a_second_run_adds_nothing():
    seed()
    counted = (
        Proposal,
        ExternalRequest,
        Agreement,
        AgreementDocument,
        ReviewTaskState,
        ModelLogEntry,
        Publication,
        Revision,
        Page,
        Workflow,
        MonevReport,
        WorkflowState,
    )
    before = {model.__name__: model.objects.count() for model in counted}

    output = seed()

    assert {model.__name__: model.objects.count() for model in counted} == before
    assert public_agreements().count() == Publication.objects.filter(live=True).count()
    assert "publikasi katalog: 0 dibuat" in output
    assert "usulan kerja sama: 0 dibuat, 14 sudah ada" in output
    assert "naskah kerja sama: 0 dibuat, 40 sudah ada" in output
    assert "laporan monev: 0 dibuat" in output
    assert not ISSUED.search(output)
    assert output.count("sudah ada; token hanya tampil saat dibuat") == 3


def test_the_demo_has_monev_reports_in_every_state_through_the_verification_workflow():
    output = seed()

    reports = MonevReport.objects.select_related("agreement", "created_by")
    assert set(reports.values_list("verification_status", flat=True)) == set(VerificationStatus.values)
    assert "laporan monev:" in output and "Perlu Perbaikan 1" in output

    # Submitted: waiting in the Sekretariat's queue. Sent back: the task was rejected with a note.
    submitted = reports.get(verification_status=VerificationStatus.SUBMITTED)
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not submitted.live
    sent_back = reports.get(verification_status=VerificationStatus.NEEDS_CHANGES)
    assert sent_back.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(workflow_state=sent_back.current_workflow_state, status=TaskState.STATUS_REJECTED)
    assert rejected.comment and sent_back.verification_note == rejected.comment
    draft = reports.get(verification_status=VerificationStatus.DRAFT)
    assert draft.current_workflow_state is None and not draft.live and draft.latest_revision_id

    # Verified reports are live, decided by the Sekretariat after they came in, all in the past.
    now = timezone.now()
    verified = reports.filter(verification_status=VerificationStatus.VERIFIED)
    assert verified.count() >= 4
    for report in verified:
        assert report.live and report.verified_by.username == "sekretariat"
        assert report.period_ends_on < timezone.localdate(report.submitted_at)
        assert report.submitted_at <= report.verified_at <= now
        assert report.created_at <= report.submitted_at
    assert not TaskState.objects.filter(started_at__gt=now).exists()

    # The Dinkes demo user reports on a public agreement whose page shows the verified summary only,
    # not the later draft edit of a verified report nor the report still waiting.
    showcase = verified.filter(created_by__username="opd", has_unpublished_changes=True).first()
    assert showcase is not None and public_agreements().filter(pk=showcase.agreement_id).exists()
    edit = showcase.get_latest_revision_as_object()
    assert edit.benefits != showcase.benefits
    text = Client().get(f"/katalog/naskah/{showcase.agreement_id}/").text
    assert "Ringkasan Monitoring dan Evaluasi (Monev)" in text
    assert showcase.benefits in text and edit.benefits not in text
    assert f"Laporan Monev {showcase.period_label}" in text
    if submitted.agreement_id == showcase.agreement_id:
        assert f"Laporan Monev {submitted.period_label}" not in text

    # A handful of recent reports are still owed: some obligations are overdue.
    obligations = monev_obligations(agreements=Agreement.objects.all())
    assert any(o.state == ObligationState.OVERDUE for o in obligations)


def test_the_demo_has_agreements_ending_within_one_three_and_six_months_and_every_ending():
    seed()

    public = public_agreements()
    within = {months: set(public.filter(ending_soon_condition(months=months))) for months in (1, 3, 6)}
    assert within[1]
    assert within[3] - within[1]
    assert within[6] - within[3]
    assert Client().get("/katalog/akan-berakhir/").text.count('class="agreement-link"') == len(within[6])

    # Extended: the old one Diperpanjang, the new one names it; ended by its term; ended early.
    renewal = Agreement.objects.filter(replaces__status=AgreementStatus.EXTENDED).select_related("replaces").first()
    assert renewal is not None and renewal.status == AgreementStatus.IN_FORCE
    assert renewal.starts_on > renewal.replaces.ends_on
    assert Agreement.objects.filter(status=AgreementStatus.EXPIRED, ends_on__lt=timezone.localdate()).exists()
    terminated = Agreement.objects.filter(status=AgreementStatus.TERMINATED)
    assert terminated.exists()
    for agreement in terminated:
        assert agreement.terminated_on and agreement.termination_reason
        assert agreement.starts_on <= agreement.terminated_on <= timezone.localdate()
        assert agreement.documents.filter(category__code="berita-acara").exists()


def test_the_demo_looks_like_a_mature_deployment_with_a_handful_of_reports_owed():
    output = seed()

    today = timezone.localdate()
    obligations = monev_obligations(agreements=Agreement.objects.all(), today=today)
    overdue = [o for o in obligations if o.state == ObligationState.OVERDUE]
    # The past is reported and verified; what is still owed is recent and few.
    assert 1 <= len(overdue) <= 8, [(o.agreement.pk, o.period.label, o.days_overdue) for o in overdue]
    assert all(o.days_overdue <= 365 for o in overdue)
    states = {o.state for o in obligations}
    assert {ObligationState.OVERDUE, ObligationState.SUBMITTED, ObligationState.VERIFIED} <= states
    assert set(MonevReport.objects.values_list("verification_status", flat=True)) == set(VerificationStatus.values)
    assert "laporan monev:" in output

    # Historic reports came in bulk, without a revision: their pages still render.
    historic = MonevReport.objects.filter(verification_status=VerificationStatus.VERIFIED, latest_revision=None)
    assert historic.count() > 10
    oldest = historic.order_by("period_starts_on").first()
    assert 1 <= oldest.indicators.count() <= 3
    assert all(i.realisation <= i.target for i in oldest.indicators.all())
    assert oldest.submitted_at <= oldest.verified_at <= timezone.now()
    assert oldest.period_ends_on < timezone.localdate(oldest.submitted_at)
    client = Client()
    client.force_login(get_user_model().objects.get(username="sekretariat"))
    inspect = client.get(reverse("wagtailsnippets_cooperation_monevreport:inspect", args=[oldest.pk]))
    assert inspect.status_code == 200
    assert client.get(reverse("wagtailsnippets_cooperation_monevreport:edit", args=[oldest.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_cooperation_monevreport:schedule")).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    public = public_agreements().filter(monev_reports__in=historic).first()
    if public is not None:
        page = Client().get(f"/katalog/naskah/{public.pk}/")
        assert page.status_code == 200 and "Ringkasan Monitoring dan Evaluasi (Monev)" in page.text
