"""Harvesters fetch only what changed (ETag, Last-Modified, 304) and browsers on any site may read the API (CORS)."""

import datetime

import pytest
import time_machine

from cooperation.models import Agreement

from .helpers import API, NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

ENDPOINTS = [
    "agreements",
    "agreements/{water}",
    "agreements/{clinic}/monev",
    "documents",
    "documents/{signed}",
    "documents/{signed}/text",
    "monev",
    "partners",
    "partners/{tirta}",
    "agencies",
    "agencies/{health}",
    "sectors",
    "kinds",
    "document-types",
]


def urls(register) -> list[str]:
    names = {name: register[name].pk for name in ("water", "clinic", "signed", "tirta", "health")}
    return [f"{API}/{path.format(**names)}" for path in ENDPOINTS]


def test_every_endpoint_sends_an_etag_last_modified_and_a_short_public_cache(client, register):
    for url in urls(register):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"], url
        assert response["Last-Modified"] == "Mon, 02 Mar 2026 03:00:00 GMT", url
        assert response["Cache-Control"] == "public, max-age=300", url


def test_a_client_that_has_the_current_etag_gets_a_304_without_a_body(client, register):
    for url in urls(register):
        etag = client.get(url)["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again.content == b""


def test_if_modified_since_gets_a_304_until_the_register_changes(client, register):
    url = f"{API}/agreements"
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        water = Agreement.objects.get(pk=register["water"].pk)
        water.title = "Penyediaan Air Bersih Kelurahan (perubahan)"
        water.save()
    fresh = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert fresh.status_code == 200
    assert fresh["Last-Modified"] == "Mon, 02 Mar 2026 04:00:00 GMT"
    assert "(perubahan)" in fresh.text


def test_a_changed_list_gets_a_new_etag(client, register):
    url = f"{API}/agreements/{register['water'].pk}"
    etag = client.get(url)["ETag"]
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        Agreement.objects.filter(pk=register["water"].pk).update(scope="Baru")
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_any_origin_may_read_the_api_from_a_browser(client, register):
    response = client.get(f"{API}/agreements", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Link" in response["Access-Control-Expose-Headers"]
    error = client.get(f"{API}/agreements/abc", HTTP_ORIGIN="https://example.org")
    assert error.status_code == 400 and error["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_allows_only_reading(client, register):
    response = client.options(
        f"{API}/agreements", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_the_public_site_sends_no_cors_headers(client, register):
    response = client.get("/katalog/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_head_answers_like_get_without_the_body(client, register):
    got = client.get(f"{API}/agreements")
    head = client.head(f"{API}/agreements")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert head["Content-Length"] == str(len(got.content))
