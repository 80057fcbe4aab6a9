"""Restricted documents are served only to staff entitled to the agreement, whatever URL is tried."""

import pytest
from django.urls import reverse

from cooperation.models import (
    PUBLIC_COLLECTION_NAME,
    RESTRICTED_COLLECTION_NAME,
    Classification,
    RestrictionGround,
)

from ..factories import AgreementDocumentFactory

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


def test_anyone_can_download_a_public_document(client, public_scan):
    response = client.get(serve_url(public_scan))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


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
