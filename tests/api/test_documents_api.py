"""GET /api/v1/documents: public documents of public agreements, their metadata and their text by page."""

import datetime

import pytest
import time_machine

from cooperation.models import Classification

from ..factories import AgreementDocumentFactory
from .helpers import API, NOW, SECRETS, add_pages, error_code, ids

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

DOCUMENTS = f"{API}/documents"


def test_the_list_holds_public_documents_of_public_agreements_only(client, register):
    clinic_scan = AgreementDocumentFactory(title="Naskah PKS Puskesmas", agreement=register["clinic"])
    response = client.get(DOCUMENTS)
    assert ids(response) == [register["signed"].pk, clinic_scan.pk]
    assert SECRETS["restricted_title"] not in response.text
    assert "Naskah belum terbit" not in response.text


def test_the_list_filters_by_agreement(client, register):
    AgreementDocumentFactory(title="Naskah PKS Puskesmas", agreement=register["clinic"])
    assert ids(client.get(DOCUMENTS, {"agreement": register["water"].pk})) == [register["signed"].pk]
    assert ids(client.get(DOCUMENTS, {"agreement": register["hidden"].pk})) == []
    assert client.get(DOCUMENTS, {"agreement": "abc"}).status_code == 400


def test_modified_since_returns_only_documents_changed_after_it(client, register):
    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        fresh = AgreementDocumentFactory(title="Adendum terbaru", agreement=register["twin"])
    assert ids(client.get(DOCUMENTS, {"modified_since": "2026-03-03"})) == [fresh.pk]
    response = client.get(DOCUMENTS, {"modified_since": "kemarin"})
    assert response.status_code == 400 and error_code(response) == "invalid_parameter"


def test_a_document_carries_its_metadata_and_links(client, register):
    signed, water = register["signed"], register["water"]
    response = client.get(f"{DOCUMENTS}/{signed.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Naskah Kesepakatan Air Bersih" and body["agreement_id"] == water.pk
    assert body["page_count"] == 2 and body["format"] == "pdf" and body["media_type"] == "application/pdf"
    assert body["download_url"] == f"http://testserver{signed.url}"
    assert body["url"] == f"http://testserver/katalog/naskah/{water.pk}/dokumen/{signed.pk}/"
    assert response["Last-Modified"] == "Mon, 02 Mar 2026 03:00:00 GMT"


def test_the_text_comes_page_by_page_and_pages_itself(client, register):
    signed = register["signed"]
    body = client.get(f"{DOCUMENTS}/{signed.pk}/text").json()
    assert body["count"] == 2
    assert body["results"] == [
        {"number": 1, "text": "Para pihak sepakat menyediakan air bersih.", "ocr": False},
        {"number": 2, "text": "Pasal 4 pipa distribusi kelurahan.", "ocr": False},
    ]
    second = client.get(f"{DOCUMENTS}/{signed.pk}/text", {"page": 2, "page_size": 1}).json()
    assert second["results"][0]["number"] == 2 and second["previous"]


def test_a_scanned_page_says_its_text_came_from_ocr(client, register):
    scan = AgreementDocumentFactory(title="Pindaian", agreement=register["clinic"])
    add_pages(scan, "Teks hasil OCR", ocr=True)
    assert client.get(f"{DOCUMENTS}/{scan.pk}/text").json()["results"][0]["ocr"] is True


@pytest.mark.parametrize("suffix", ["", "/text"])
def test_a_restricted_document_is_a_404_whatever_the_path(client, register, suffix):
    response = client.get(f"{DOCUMENTS}/{register['annex'].pk}{suffix}")
    assert response.status_code == 404 and error_code(response) == "not_found"
    for secret in ("restricted_title", "restricted_reason", "restricted_text"):
        assert SECRETS[secret] not in response.text


@pytest.mark.parametrize("suffix", ["", "/text"])
def test_a_public_document_of_an_unpublished_agreement_is_a_404(client, register, suffix):
    hidden_document = register["hidden"].documents.get()
    assert hidden_document.classification == Classification.PUBLIC
    assert client.get(f"{DOCUMENTS}/{hidden_document.pk}{suffix}").status_code == 404


def test_a_document_reclassified_as_restricted_disappears_at_once(client, register):
    signed = register["signed"]
    signed.classification = Classification.RESTRICTED
    signed.restriction_ground = "17h"
    signed.restriction_reason = "Memuat data pribadi."
    signed.save()
    assert client.get(f"{DOCUMENTS}/{signed.pk}").status_code == 404
    assert ids(client.get(DOCUMENTS)) == []
    detail = client.get(f"{API}/agreements/{register['water'].pk}").json()
    assert detail["documents"] == [] and detail["restricted_document_count"] == 2


@pytest.mark.parametrize("raw", ["abc", "0", "99999999999"])
def test_a_malformed_document_id_is_a_400(client, register, raw):
    assert client.get(f"{DOCUMENTS}/{raw}").status_code == 400
    assert client.get(f"{DOCUMENTS}/{raw}/text").status_code == 400
