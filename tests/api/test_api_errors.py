"""Every failure of the API is JSON with a code and a message people can read, never an HTML page or a 500."""

import pytest

from .helpers import API

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [f"{API}/does-not-exist", "/api/nothing", "/api/", "/api/v2/agreements"])
def test_an_unknown_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "not_found" and "/api/v1/docs" in error["message"]


def test_an_error_body_has_a_code_a_message_and_details_and_is_never_cached(client, site_pages):
    response = client.get(f"{API}/agreements", {"page_size": 500})
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["details"][0]["parameter"] == "page_size"


def test_error_messages_speak_indonesian_by_default(client, site_pages):
    error = client.get(f"{API}/agreements/12345").json()["error"]
    assert error == {
        "code": "not_found",
        "message": "Naskah kerja sama tidak ditemukan atau tidak dipublikasikan.",
        "details": [],
    }


@pytest.mark.parametrize(
    "path",
    [
        "agreements",
        "agreements/1",
        "agreements/1/monev",
        "documents",
        "documents/1",
        "documents/1/text",
        "monev",
        "partners",
        "partners/1",
        "agencies",
        "agencies/1",
        "sectors",
        "kinds",
        "document-types",
    ],
)
def test_every_endpoint_refuses_an_unknown_parameter_with_a_400(client, site_pages, path):
    response = client.get(f"{API}/{path}", {"unknown": "1"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "unknown_parameter"


@pytest.mark.parametrize(
    "query",
    [
        {"q": "\x00"},
        {"q": "air\x00bersih", "sort": "title"},
        {"page": "\x00"},
        {"modified_since": "2025-01-01\x00"},
        {"year": "\uff12\uff10\uff12\uff15"},  # full-width digits
        {"sector": "1e3"},
        {"page": str(2**70)},
    ],
)
def test_odd_input_is_a_4xx_never_a_500(client, site_pages, query):
    assert client.get(f"{API}/agreements", query).status_code in (200, 400)


def test_writing_methods_are_not_allowed(client, site_pages):
    response = client.post(f"{API}/agreements", {})
    assert response.status_code == 405


def test_a_write_method_is_refused_with_a_json_error_naming_get(client):
    response = client.post(f"{API}/agreements", data={"title": "x"})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_error_messages_follow_the_clients_accept_language(client):
    english = client.get(f"{API}/agreements?colour=red", HTTP_ACCEPT_LANGUAGE="en")
    indonesian = client.get(f"{API}/agreements?colour=red")
    assert english.status_code == indonesian.status_code == 400
    assert "Unknown parameter" in english.json()["error"]["message"]
    assert "Parameter tidak dikenal" in indonesian.json()["error"]["message"]


def test_a_page_size_over_the_limit_is_explained_in_indonesian(client):
    error = client.get(f"{API}/agreements", {"page_size": 1000}).json()["error"]
    assert error["code"] == "invalid_parameter"
    assert "page_size: paling besar 100" in error["message"]
    assert error["details"] == [{"parameter": "page_size", "message": "paling besar 100"}]


def test_a_missing_record_is_named_in_the_clients_language(client):
    english = client.get(f"{API}/documents/999999", HTTP_ACCEPT_LANGUAGE="en").json()["error"]
    indonesian = client.get(f"{API}/documents/999999").json()["error"]
    assert english["message"] == "Document not found or not published."
    assert indonesian["message"] == "Dokumen tidak ditemukan atau tidak dipublikasikan."
