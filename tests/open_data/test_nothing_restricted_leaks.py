"""Nothing the law lets the PPID withhold leaves through any open-data door.

One register with every secret planted (contact data, NIPs, internal notes, a restricted annex
with its own text, unpublished, draft and unsigned agreements, an unverified monev report), then
every GET operation the OpenAPI schema declares — filled in with the ids of public and of
hidden records —, every bulk file (the zip and the workbook opened up), the catalogue's
downloads and the open-data pages. No answer may contain any secret.
"""

import io
import re
import zipfile

import pytest
import time_machine
from django.core.management import call_command
from openpyxl import load_workbook

from portal.models import OpenDataFile

from ..api.helpers import API, NOW, SECRETS, build_register

pytestmark = pytest.mark.django_db

# Which register entries fill each path parameter: public records and hidden ones alike.
PATH_VALUES = {
    "agreement_id": ("water", "clinic", "twin", "hidden", "draft", "unsigned"),
    "document_id": ("signed", "annex"),
    "partner_id": ("tirta", "hidden_partner"),
    "agency_id": ("health", "public_works"),
}


@pytest.fixture
def planted(site_pages):
    with time_machine.travel(NOW, tick=False):
        register = build_register()
        call_command("build_open_data", force=True, no_progress=True, stdout=io.StringIO())
        yield register


def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):  # a zip: the documents' text, or a workbook
        archive = zipfile.ZipFile(io.BytesIO(body))
        if "xl/workbook.xml" in archive.namelist():
            workbook = load_workbook(io.BytesIO(body), read_only=True)
            return "\n".join(
                str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
            )
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return body.decode("utf-8")


def every_api_url(client, register, filenames: list[str]) -> list[str]:
    """Each GET path of the schema, once per value of its path parameter; lists with their largest page."""
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    urls = []
    for template in paths:
        names = re.findall(r"{(\w+)}", template)
        if not names:
            urls.append(f"{template}?page_size=100" if "page_size" in str(paths[template]) else template)
            continue
        (name,) = names
        values = filenames if name == "filename" else [register[key].pk for key in PATH_VALUES[name]]
        urls += [template.replace(f"{{{name}}}", str(value)) for value in values]
    return urls


def assert_no_secret(url: str, text: str) -> None:
    for name, secret in SECRETS.items():
        assert secret not in text, f"{name} leaked in {url}"


def test_no_api_answer_ocds_package_or_dcat_page_contains_a_withheld_fact(client, planted):
    filenames = list(OpenDataFile.objects.values_list("name", flat=True))
    urls = every_api_url(client, planted, filenames)
    assert len(urls) > 30
    assert any("/ocds/" in url for url in urls) and any("/dcat/" in url for url in urls)
    with time_machine.travel(NOW, tick=False):
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert_no_secret(url, text_of(response))


def test_no_bulk_file_contains_a_withheld_fact_and_each_holds_the_public_register(client, planted):
    files = OpenDataFile.objects.all()
    assert {file.name for file in files} == {
        "register.csv",
        "register.xlsx",
        "register.json",
        "ocds-releases.json",
        "ocds-records.json",
        "documents-text.zip",
    }
    with time_machine.travel(NOW, tick=False):
        for file in files:
            text = text_of(client.get(f"{API}/bulk/{file.name}"))
            assert_no_secret(file.name, text)
            if file.name != "documents-text.zip":
                assert planted["water"].title in text, file.name
    documents = text_of(client.get(f"{API}/bulk/documents-text.zip"))
    assert "Pasal 4 pipa distribusi kelurahan." in documents


@pytest.mark.parametrize(
    "path",
    [
        "/katalog/unduh/csv/",
        "/katalog/unduh/json/",
        "/katalog/unduh/xlsx/",
        "/katalog/data-terbuka/",
        "/katalog/data-terbuka/kebijakan-publikasi/",
        "/en/katalog/data-terbuka/",
    ],
)
def test_the_catalogue_downloads_and_the_open_data_pages_contain_no_withheld_fact(client, planted, path):
    with time_machine.travel(NOW, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    assert_no_secret(path, text_of(response))
