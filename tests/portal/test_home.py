"""The portal's front page shows the register's headline figures and never counts drafts."""

import pytest

from cooperation.models import AgreementStatus

from ..factories import AgreementFactory, published_agreement

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_published_agreements_but_not_drafts_or_unpublished_ones(client, info_agency):
    published_agreement(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    published_agreement(initiating_agency=info_agency, status=AgreementStatus.EXPIRED)
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
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


def test_an_english_browser_still_gets_indonesian_and_english_lives_under_en(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="id">' in response.text
    client.cookies["django_language"] = "en"
    assert '<html lang="id">' in client.get("/").text
    response = client.get("/en/")
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text
