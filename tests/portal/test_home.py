"""The portal's front page shows the register's headline figures and never counts drafts."""

import pytest

from cooperation.models import AgreementStatus

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_signed_agreements_but_not_drafts(client, info_agency):
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.EXPIRED)
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.DRAFT)
    response = client.get("/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["total"] == 2
    assert figures["in_force"] == 1
    assert "Naskah ditandatangani" in response.text


def test_the_home_page_is_in_indonesian_and_names_its_language(client):
    response = client.get("/")
    assert '<html lang="id">' in response.text
    assert "Langsung ke isi" in response.text


def test_an_english_browser_still_gets_indonesian_unless_english_is_chosen(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="id">' in response.text
    client.cookies["django_language"] = "en"
    response = client.get("/")
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text
