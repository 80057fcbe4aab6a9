"""Proposals ready for review, with the kind's checklist configured as a region would."""

import pytest
from django.core.files.base import ContentFile

from cooperation.models import AgreementDocument, Proposal, ProposalParty
from cooperation.selectors.proposals import current_stage
from cooperation.services import proposals as proposal_services

from ..factories import CooperationKindFactory, DocumentCategoryFactory, PartnerFactory, framework_type

PDF = b"%PDF-1.4\n%usulan\n"


@pytest.fixture
def checklist():
    """KSDPK asks for an offer letter and a KAK before anything can be submitted."""
    offer = DocumentCategoryFactory(code="surat-penawaran", name="Surat penawaran")
    terms = DocumentCategoryFactory(code="kak", name="Kerangka acuan kerja (KAK)")
    kind = CooperationKindFactory(code="KSDPK", max_term_years=5)
    kind.required_documents.set([offer, terms])
    return {"kind": kind, "categories": [offer, terms]}


@pytest.fixture
def make_proposal(checklist, health_agency, users):
    def build(*, with_documents: bool = True, **fields) -> Proposal:
        defaults = {
            "document_type": framework_type(),
            "kind": checklist["kind"],
            "title": "Kesepakatan Bersama Layanan Kesehatan Keliling",
            "aims": "Meningkatkan jangkauan layanan kesehatan.",
            "scope": "Layanan puskesmas keliling dan pelatihan kader.",
            "initiating_agency": health_agency,
            "created_by": users["health_staff"],
        }
        proposal = Proposal.objects.create(**{**defaults, **fields})
        ProposalParty.objects.create(proposal=proposal, partner=PartnerFactory(name="Universitas Brawijaya"))
        if with_documents:
            for category in checklist["categories"]:
                AgreementDocument.objects.create(
                    title=category.name,
                    proposal=proposal,
                    category=category,
                    file=ContentFile(PDF, name=f"{category.code}.pdf"),
                )
        return proposal

    return build


@pytest.fixture
def review(django_capture_on_commit_callbacks):
    """Submit and act through the services, delivering the mail each step commits."""

    class Review:
        @staticmethod
        def submit(proposal, user):
            with django_capture_on_commit_callbacks(execute=True):
                proposal_services.submit_proposal(proposal=proposal, by=user)
            proposal.refresh_from_db()

        @staticmethod
        def act(proposal, user, action, comment=""):
            with django_capture_on_commit_callbacks(execute=True):
                proposal_services.act_on_stage(
                    task_state=current_stage(proposal=proposal), user=user, action=action, comment=comment
                )
            proposal.refresh_from_db()

    return Review
