"""Restricted documents are served only to staff entitled to the agreement, whatever URL is tried."""

import pytest
from django.urls import reverse

from cooperation.models import (
    PUBLIC_COLLECTION_NAME,
    RESTRICTED_COLLECTION_NAME,
    AgreementStatus,
    Classification,
    RestrictionGround,
)

from ..factories import AgreementDocumentFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_draft(info_agreement):
    return AgreementDocumentFactory(
        agreement=info_agreement,
        title="Draf naskah yang masih dirundingkan",
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.NEGOTIATION,
        restriction_reason="Masih dalam perundingan dengan mitra.",
    )


@pytest.fixture
def public_scan(info_agreement):
    return AgreementDocumentFactory(agreement=info_agreement, title="Naskah ditandatangani")


def serve_url(document) -> str:
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def test_a_restricted_document_always_sits_in_the_restricted_collection(restricted_draft):
    assert restricted_draft.collection.name == RESTRICTED_COLLECTION_NAME


def test_reclassifying_a_document_as_public_moves_it_to_the_public_collection(restricted_draft):
    restricted_draft.classification = Classification.PUBLIC
    restricted_draft.save()
    assert restricted_draft.collection.name == PUBLIC_COLLECTION_NAME


def test_documents_are_stored_outside_the_public_media_folder(settings, public_scan):
    assert not public_scan.file.path.startswith(str(settings.MEDIA_ROOT))


def test_anyone_can_download_a_public_document_of_a_published_agreement(client, public_scan):
    PublicationFactory(agreement=public_scan.agreement)
    public_scan.agreement.status = AgreementStatus.IN_FORCE
    public_scan.agreement.save()
    response = client.get(serve_url(public_scan))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_public_document_of_an_unpublished_agreement_is_not_served_to_anonymous_visitors(client, public_scan):
    response = client.get(serve_url(public_scan))
    assert response.status_code in (302, 403, 404)


def test_an_anonymous_visitor_cannot_download_a_restricted_document(client, restricted_draft):
    response = client.get(serve_url(restricted_draft))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "login" in response["Location"]


def test_a_guessed_filename_does_not_unlock_a_restricted_document(client, restricted_draft):
    response = client.get(reverse("wagtaildocs_serve", args=[restricted_draft.pk, "naskah.pdf"]))
    assert response.status_code in (302, 403, 404)


def test_staff_of_another_agency_cannot_download_a_restricted_document(client, users, restricted_draft):
    client.force_login(users["health_staff"])
    assert client.get(serve_url(restricted_draft)).status_code in (403, 404)


def test_staff_of_the_agreements_agency_can_download_its_restricted_document(client, users, restricted_draft):
    client.force_login(users["info_staff"])
    assert client.get(serve_url(restricted_draft)).status_code == 200


@pytest.mark.parametrize("role", ["secretariat", "legal", "tkksd", "leadership", "editor"])
def test_region_wide_roles_can_download_a_restricted_document(client, users, role, restricted_draft):
    client.force_login(users[role])
    assert client.get(serve_url(restricted_draft)).status_code == 200


def test_the_documents_storage_has_no_public_url_route(client, public_scan):
    response = client.get(f"/media/{public_scan.file.name}")
    assert response.status_code == 404


def document_form(prefix: str = "documents-0", **fields) -> dict:
    return {
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        f"{prefix}-id": "",
        f"{prefix}-ORDER": "1",
        f"{prefix}-title": "Draf PKS",
        f"{prefix}-version": "1",
        f"{prefix}-language": "id",
        f"{prefix}-category": "",
        f"{prefix}-restriction_ground": "",
        f"{prefix}-restriction_reason": "",
        **{f"{prefix}-{key}": value for key, value in fields.items()},
    }


def upload(name: str = "draf.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4\n%draf\n", content_type="application/pdf")


def test_a_restricted_upload_without_a_reason_is_refused_in_the_agreement_form(client, users, info_agreement):
    from .test_admin_permissions import edit_payload, url

    client.force_login(users["secretariat"])
    data = edit_payload(info_agreement)
    data.update(document_form(classification="restricted", file=upload()))
    response = client.post(url("edit", info_agreement.pk), data)
    assert response.status_code == 200
    assert "wajib menyebut dasar dan alasan pengecualiannya" in response.text
    assert not info_agreement.documents.exists()


def test_a_restricted_upload_with_its_reason_is_stored_in_the_restricted_collection(client, users, info_agreement):
    from .test_admin_permissions import edit_payload, url

    client.force_login(users["secretariat"])
    data = edit_payload(info_agreement)
    data.update(
        document_form(
            classification="restricted",
            restriction_ground="17i",
            restriction_reason="Masih dirundingkan.",
            file=upload(),
        )
    )
    response = client.post(url("edit", info_agreement.pk), data)
    assert response.status_code == 302, response.text[:500]
    document = info_agreement.documents.get()
    assert document.collection.name == RESTRICTED_COLLECTION_NAME
    assert client.get(serve_url(document)).status_code == 200
    client.logout()
    assert client.get(serve_url(document)).status_code in (302, 403, 404)


def test_a_restricted_proposal_document_is_served_to_the_proposals_agency_only(client, users, make_proposal):
    proposal = make_proposal()
    document = proposal.documents.first()
    document.classification = Classification.RESTRICTED
    document.restriction_ground = RestrictionGround.NEGOTIATION
    document.restriction_reason = "Draf usulan."
    document.save()
    client.force_login(users["health_staff"])
    assert client.get(serve_url(document)).status_code == 200
    client.force_login(users["info_staff"])
    assert client.get(serve_url(document)).status_code in (403, 404)
