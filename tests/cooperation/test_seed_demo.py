"""seed_demo: every status of the register, proposals at every review stage, requests from outside; twice is once."""

import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Revision, Workflow, WorkflowContentType

from cooperation.models import (
    Agreement,
    AgreementDocument,
    AgreementStatus,
    Classification,
    ExternalRequest,
    ExternalRequestStatus,
    Proposal,
    ProposalStatus,
    Publication,
    ReviewTaskState,
)
from cooperation.selectors import public_agreements
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
    )
    before = {model.__name__: model.objects.count() for model in counted}

    output = seed()

    assert {model.__name__: model.objects.count() for model in counted} == before
    assert public_agreements().count() == Publication.objects.filter(live=True).count()
    assert "publikasi katalog: 0 dibuat" in output
    assert "usulan kerja sama: 0 dibuat, 14 sudah ada" in output
    assert "naskah kerja sama: 0 dibuat, 40 sudah ada" in output
    assert not ISSUED.search(output)
    assert output.count("sudah ada; token hanya tampil saat dibuat") == 3
