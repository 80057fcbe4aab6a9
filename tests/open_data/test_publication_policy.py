"""The publication-policy page: what a data user needs before harvesting the register's open data."""

import re

import pytest

from portal.open_data import ocds

from ..factories import DocumentCategoryFactory

pytestmark = pytest.mark.django_db

URL = "/katalog/data-terbuka/kebijakan-publikasi/"


def captions(text: str) -> list[str]:
    return re.findall(r"<caption[^>]*>([^<]+)</caption>", text)


def test_the_page_explains_what_is_published_when_and_under_which_licence(client, site_pages, settings):
    settings.OPEN_DATA_OCID_PREFIX = "ocds-x7y8z9"
    settings.OPEN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

    response = client.get(URL)

    assert response.status_code == 200
    text = response.text
    assert "<h1>Kebijakan Publikasi Data Terbuka</h1>" in text
    for heading in (
        "Apa yang dipublikasikan dan kapan",
        "Lisensi",
        "Frekuensi pembaruan",
        "Cara mengakses data",
        "Pemetaan ke OCDS",
        "Kode tambahan",
        "Keterbatasan yang diketahui",
    ):
        assert re.search(rf'<h2 id="[^"]+">{heading}</h2>', text), heading
    assert "<code>ocds-x7y8z9</code>" in text
    assert "ocds-x7y8z9-123" in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in text
    assert "pasal 17" in text


def test_the_page_lists_the_api_endpoints_and_the_open_data_page(client, site_pages):
    text = client.get(URL).text

    assert "http://testserver/api/v1/ocds/releases" in text
    assert "http://testserver/api/v1/ocds/records" in text
    assert "http://testserver/api/v1/ocds/records/{id}" in text
    assert "http://testserver/api/v1/docs" in text
    assert 'href="/katalog/data-terbuka/"' in text


def test_the_tables_come_from_the_mapping_itself(client, site_pages):
    DocumentCategoryFactory(code="naskah-ditandatangani", name="Naskah yang Telah Ditandatangani")
    DocumentCategoryFactory(code="foto-kegiatan", name="Foto Kegiatan")

    text = client.get(URL).text

    assert captions(text) == [
        "Data register dan tempatnya dalam rilis OCDS",
        "Status naskah dan contracts[0].status (codelist tertutup contractStatus)",
        "Jenis dokumen dan documentType OCDS",
        "Peran pihak dari codelist OCDS yang dipakai",
        "Kode peran pihak (partyRole) yang ditambahkan",
    ]
    for code in ocds.ADDED_PARTY_ROLES:
        assert f'<th scope="row"><code>{code}</code></th>' in text
    for _label, path in ocds.FIELD_MAPPING:
        assert f"<code>{path}</code>" in text.replace("&lt;", "<").replace("&gt;", ">")
    for document_type in set(ocds.DOCUMENT_TYPES.values()) | set(ocds.TERMINATED_DOCUMENT_TYPES.values()):
        assert f"<code>{document_type}</code>" in text
    assert re.search(r"<th scope=\"row\">Naskah yang Telah Ditandatangani</th>.*?<code>contractSigned</code>", text)
    assert re.search(r"<th scope=\"row\">Foto Kegiatan</th>.*?<code>contractAnnexe</code>", text)
    assert re.search(r"<th scope=\"row\">Diakhiri</th><td><code>terminated</code>", text)
    assert text.count('<th scope="col">') >= 10


def test_the_page_is_readable_on_any_device_without_javascript(client, site_pages):
    text = client.get(URL).text

    main = text[text.index('<main id="main"') : text.index("</main>")]
    assert "<script" not in main
    assert 'aria-current="page"' in main
    assert main.count('class="table-scroll" tabindex="0" role="region"') == 5
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text


def test_the_page_is_also_served_under_the_english_catalogue(client, site_pages, settings):
    settings.OPEN_DATA_OCID_PREFIX = "ocds-x7y8z9"

    response = client.get("/en" + URL)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "<code>ocds-x7y8z9</code>" in response.text
    assert 'href="/en/katalog/data-terbuka/"' in response.text
    for code in ocds.ADDED_PARTY_ROLES:
        assert f"<code>{code}</code>" in response.text


def test_packages_point_to_this_page_as_their_publication_policy(client, site_pages):
    from portal.open_data.links import PublicLinks

    policy = PublicLinks.for_request(None).publication_policy()

    assert policy == "http://localhost" + URL
    assert client.get(URL).status_code == 200
