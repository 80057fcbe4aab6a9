"""The OCDS endpoints: /api/v1/ocds/releases, /records, and each one agreement's package.

A harvester gets valid OCDS 1.1 packages at stable addresses, pages through the register with
the packages' `links`, asks only for what changed, and gets a JSON error for anything wrong.
"""

import datetime
import json

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import Publication

from ..factories import AgreementDocumentFactory, published_agreement
from .test_ocds import SECRETS, Register, assert_valid_ocds, build_register

pytestmark = pytest.mark.django_db

API = "/api/v1/ocds"


@pytest.fixture
def register(site_pages) -> Register:
    """The realistic register of test_ocds.py: a chain, a renewal, restricted documents, monev."""
    return build_register()


def get(client, path: str, **params):
    return client.get(API + path, params)


# -- one agreement --------------------------------------------------------------------------------


def test_the_release_package_of_one_agreement_is_valid_ocds_at_its_own_address(client, register):
    response = get(client, f"/releases/{register.mou.pk}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    package = response.json()
    assert_valid_ocds(package)
    assert package["uri"] == f"http://testserver/api/v1/ocds/releases/{register.mou.pk}"
    assert [release["tag"] for release in package["releases"]] == [["implementation"], ["contract"]]
    assert package["publicationPolicy"].endswith("/katalog/data-terbuka/kebijakan-publikasi/")


def test_the_record_package_of_one_agreement_holds_its_releases_and_compiled_release(client, register):
    response = get(client, f"/records/{register.pks.pk}")

    assert response.status_code == 200
    package = response.json()
    assert_valid_ocds(package)
    assert package["uri"] == f"http://testserver/api/v1/ocds/records/{register.pks.pk}"
    (record,) = package["records"]
    assert record["ocid"] == f"ocds-simker-{register.pks.pk}"
    assert {tuple(release["tag"]) for release in record["releases"]} == {("contract",), ("contractAmendment",)}
    assert record["compiledRelease"]["tag"] == ["compiled"]
    assert record["compiledRelease"]["contracts"][0]["amendments"][0]["description"] == (
        "Adendum Pertama PKS Pusat Data Kota"
    )


def test_the_relation_to_another_process_points_to_its_record_endpoint(client, register):
    package = get(client, f"/releases/{register.renewal.pk}").json()
    (release,) = package["releases"]

    other = client.get(release["relatedProcesses"][0]["uri"])

    assert other.status_code == 200
    assert other.json()["records"][0]["ocid"] == f"ocds-simker-{register.old.pk}"


@pytest.mark.parametrize("which", ["unpublished", "withdrawn", "hidden_addendum"])
def test_an_agreement_that_is_not_public_is_a_json_404(client, register, which):
    agreement = getattr(register, which)

    for path in (f"/releases/{agreement.pk}", f"/records/{agreement.pk}"):
        response = get(client, path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
        assert agreement.title not in response.text


def test_an_id_that_does_not_exist_is_a_404(client, register):
    assert get(client, "/releases/999999").status_code == 404


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/releases/0", {}),
        ("/records/2147483648", {}),
        ("/releases/abc", {}),
        ("/releases/1", {"page": "2"}),
        ("/releases", {"format": "csv"}),
        ("/releases", {"page": "0"}),
        ("/records", {"page": "100001"}),
        ("/releases", {"page_size": "101"}),
        ("/records", {"page_size": "0"}),
        ("/releases", {"modified_since": "kemarin"}),
        ("/releases", {"modified_since": "2025"}),
        ("/records", {"modified_since": "2025-13-40"}),
    ],
)
def test_bad_input_is_a_json_400_never_a_500(client, register, path, params):
    response = get(client, path, **params)

    assert response.status_code == 400
    assert response.json()["error"]["code"]


# -- the whole register, page by page -------------------------------------------------------------


def test_the_register_pages_with_ocds_links_and_link_headers(client, register):
    pages, url, seen = [], API + "/releases?page_size=3", []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        package = response.json()
        assert_valid_ocds(package)
        pages.append(package)
        seen += sorted({release["ocid"] for release in package["releases"]})
        url = package.get("links", {}).get("next")

    assert len(pages) == 3
    assert pages[0]["links"] == {"next": "http://testserver/api/v1/ocds/releases?page_size=3&page=2"}
    assert set(pages[1]["links"]) == {"next", "prev"}
    assert set(pages[2]["links"]) == {"prev"}
    assert pages[1]["uri"] == pages[0]["links"]["next"]  # the package's own address
    assert seen == [f"ocds-simker-{agreement.pk}" for agreement in sorted(register.public, key=lambda a: a.pk)]


def test_the_list_answers_with_a_link_header(client, register):
    response = get(client, "/records", page_size=3, page=2)

    assert 'rel="next"' in response["Link"]
    assert 'rel="prev"' in response["Link"]


def test_the_record_list_is_valid_ocds_with_one_record_per_public_agreement(client, register):
    response = get(client, "/records", page_size=100)

    package = response.json()
    assert_valid_ocds(package)
    assert [record["ocid"] for record in package["records"]] == [
        f"ocds-simker-{agreement.pk}" for agreement in sorted(register.public, key=lambda a: a.pk)
    ]
    assert "links" not in package


def test_a_page_beyond_the_last_is_an_empty_but_valid_package(client, register):
    package = get(client, "/releases", page=50).json()

    assert package["releases"] == []
    assert package["links"] == {"prev": "http://testserver/api/v1/ocds/releases?page=49&page_size=20"}


def test_modified_since_returns_only_what_changed_afterwards(client, register):
    later = timezone.now() + datetime.timedelta(days=2)
    with time_machine.travel(later):
        AgreementDocumentFactory(agreement=register.terminated, title="Foto serah terima")

    response = get(client, "/records", modified_since=(later - datetime.timedelta(hours=1)).isoformat())

    assert [record["ocid"] for record in response.json()["records"]] == [f"ocds-simker-{register.terminated.pk}"]
    assert get(client, "/releases", modified_since="2999-01-01").json()["releases"] == []


# -- HTTP -----------------------------------------------------------------------------------------


def test_packages_carry_last_modified_and_an_unchanged_package_answers_304(client, register):
    first = get(client, f"/records/{register.mou.pk}")
    assert first["Last-Modified"]
    assert first["ETag"]

    again = get(client, f"/records/{register.mou.pk}")
    assert again.content == first.content

    unchanged = client.get(f"{API}/records/{register.mou.pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304


def test_a_list_is_stable_between_two_requests(client, register):
    assert get(client, "/releases").content == get(client, "/releases").content


def test_nothing_private_or_restricted_is_in_any_answer(client, register):
    texts = [get(client, "/records", page_size=100).text, get(client, "/releases", page_size=100).text]
    texts += [get(client, f"/records/{agreement.pk}").text for agreement in register.public]

    for text in texts:
        decoded = json.dumps(json.loads(text), ensure_ascii=False)
        for secret in SECRETS:
            assert secret not in decoded


def test_withdrawing_a_publication_removes_the_agreement_from_the_lists(client, register):
    Publication.objects.filter(agreement=register.renewal).update(live=False)

    ocids = {record["ocid"] for record in get(client, "/records", page_size=100).json()["records"]}

    assert f"ocds-simker-{register.renewal.pk}" not in ocids
    assert get(client, f"/releases/{register.renewal.pk}").status_code == 404


def _list_queries(client, count: int) -> int:
    for _index in range(count):
        agreement = published_agreement()
        AgreementDocumentFactory(agreement=agreement)
    get(client, "/records", page_size=100)  # the site and locale lookups Wagtail caches on first use
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/records", page_size=100)
    assert response.status_code == 200
    return len(queries)


def test_a_list_page_takes_the_same_number_of_queries_for_2_or_10_agreements(client, site_pages):
    few = _list_queries(client, 2)
    many = _list_queries(client, 8)

    assert few == many


def test_the_openapi_schema_documents_the_ocds_endpoints(client, site_pages):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path in ("/api/v1/ocds/releases", "/api/v1/ocds/records"):
        assert {"200", "400"} <= set(paths[path]["get"]["responses"])
    for path in ("/api/v1/ocds/releases/{agreement_id}", "/api/v1/ocds/records/{agreement_id}"):
        assert {"200", "400", "404"} <= set(paths[path]["get"]["responses"])
