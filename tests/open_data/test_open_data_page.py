"""The public "Data Terbuka" page: the bulk files as they are now, the API, OCDS and DCAT, in both languages."""

import re

import pytest
from django.utils import timezone

from portal.models import OpenDataFile
from portal.open_data.bulk import BULK_FILES, build_open_data

from .test_bulk import _documents_in_tmp, _open_register  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

PAGE = "/katalog/data-terbuka/"


def row_of(html: str, name: str) -> str:
    """The table row of one bulk file."""
    match = re.search(rf'<tr>\s*<th scope="row"><a href="/api/v1/bulk/{re.escape(name)}" download>.*?</tr>', html, re.S)
    assert match, f"no row for {name}"
    return match.group(0)


def test_the_page_lists_every_bulk_file_with_size_records_and_build_time(client, open_register):
    build_open_data(names=["register.csv"])
    stored = OpenDataFile.objects.get(name="register.csv")

    response = client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Data terbuka kerja sama daerah</h1>" in html
    assert '<caption id="caption-bulk">Berkas unduhan massal</caption>' in html
    for name in BULK_FILES:
        row_of(html, name)
    csv_row = row_of(html, "register.csv")
    assert "Register kerja sama daerah (CSV)" in csv_row
    assert f"<td>{stored.size}\xa0bita</td>" in csv_row, "the size in words people read"
    assert "<td>3</td>" in csv_row
    assert timezone.localtime(stored.built_at).strftime("%Y") in csv_row
    assert "Belum dibuat" in row_of(html, "documents-text.zip")


def test_the_page_explains_the_licence_api_ocds_and_dcat_with_working_links(client, open_register, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = "ppid@malangkota.example"

    html = client.get(PAGE).content.decode()

    assert f'href="{settings.OPEN_DATA_LICENSE_URL}" rel="license"' in html
    assert "CC BY 4.0" in html
    assert 'href="mailto:ppid@malangkota.example"' in html
    assert 'href="/api/v1/docs"' in html and 'href="/api/v1/openapi.json"' in html
    examples = re.findall(r"<pre><code>(.*?)</code></pre>", html, re.S)
    assert len(examples) == 2 and all(example.startswith("curl ") for example in examples)
    assert "http://testserver/api/v1/agreements?modified_since=2025-01-01" in examples[0]
    assert "http://testserver/api/v1/bulk/register.csv" in examples[1]
    for url in (
        "/api/v1/bulk/ocds-releases.json",
        "/api/v1/bulk/ocds-records.json",
        "/api/v1/ocds/releases",
        "/api/v1/ocds/records",
        "/katalog/data-terbuka/kebijakan-publikasi/",
        "/api/v1/dcat/catalog.jsonld",
        "/api/v1/dcat/catalog.ttl",
    ):
        assert f'href="{url}"' in html, url
    assert client.get("/api/v1/dcat/catalog.ttl").status_code == 200
    assert client.get("/api/v1/bulk").status_code == 200


def test_the_page_has_breadcrumbs_headings_and_no_script_of_its_own(client, open_register):
    html = client.get(PAGE).content.decode()

    assert '<nav class="breadcrumbs" aria-label="Lokasi halaman">' in html
    assert '<li><a href="/katalog/">Katalog Kerja Sama</a></li>' in html
    assert f'<a href="{PAGE}" aria-current="page">Data Terbuka</a>' in html
    assert [level for level in re.findall(r"<h([1-6])", html.split('<main id="main"')[1])][:2] == ["1", "2"]
    assert 'role="region"' in html and 'tabindex="0"' in html, "wide tables and commands scroll by keyboard"
    content = html.split('<main id="main"')[1].split("</main>")[0]
    assert "<script" not in content


def test_the_page_is_also_served_in_english(client, open_register):
    response = client.get(f"/en{PAGE}")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert '<li><a href="/en/katalog/">' in html
    assert 'href="/en/katalog/data-terbuka/kebijakan-publikasi/"' in html
    assert 'href="/api/v1/bulk/register.csv"' in html


def test_the_catalogue_links_to_the_open_data_page_next_to_its_downloads(client, open_register):
    html = client.get("/katalog/").content.decode()

    downloads = html.split('<p class="downloads">')[1].split("</p>")[0]
    assert f'href="{PAGE}"' in downloads


def test_the_sitemap_lists_the_page_in_both_languages(client, open_register):
    response = client.get("/sitemap-data-terbuka.xml")

    assert response.status_code == 200
    assert f"http://testserver{PAGE}" in response.content.decode()
    assert f"http://testserver/en{PAGE}" in response.content.decode()


def test_the_page_needs_the_same_queries_however_many_files_are_built(client, open_register):
    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE).status_code == 200
        return len(captured)

    queries()
    before = queries()
    build_open_data()
    assert queries() == before
