"""The public "Data Terbuka" page: what the open data is, its licence, the bulk files, the API, OCDS and DCAT.

For journalists, researchers and developers. The table of bulk files reads the stored
`OpenDataFile` rows (`portal.open_data.bulk.file_states`), so it shows what a download gives
right now; the rest are links. No JavaScript.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cooperation.languages import region_name

from ..open_data.bulk import file_states

CC_BY_4 = "creativecommons.org/licenses/by/4.0"


def _license_name(url: str) -> str:
    if CC_BY_4 in url:
        return _("Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)")
    return url


def open_data_page(request: HttpRequest, *, page) -> HttpResponse:
    """`data-terbuka/` under the catalogue, in the catalogue's language."""

    def api(route: str, **kwargs) -> str:
        return reverse(f"api-v1:{route}", kwargs=kwargs or None)

    files = [
        {
            "name": state.spec.name,
            "title": state.spec.title,
            "format": state.spec.format,
            "stored": state.file,
            "stale": state.stale and state.file is not None,
            "url": api("bulk_file", filename=state.spec.name),
        }
        for state in file_states()
    ]
    absolute = request.build_absolute_uri
    context = {
        "page": page,
        "region": region_name(),
        "catalogue_url": page.url,
        "files": files,
        "license_url": settings.OPEN_DATA_LICENSE_URL,
        "license_name": _license_name(settings.OPEN_DATA_LICENSE_URL),
        "contact_email": settings.OPEN_DATA_CONTACT_EMAIL,
        "docs_url": api("openapi-view"),
        "openapi_url": api("openapi-json"),
        "api_root": absolute(api("api-root")),
        "bulk_list_url": api("bulk_files"),
        "agreements_url": api("agreements"),
        "curl_examples": [
            {
                "label": _("Naskah kerja sama yang berubah sejak 1 Januari 2025, 50 per halaman (JSON):"),
                "command": f"curl -s '{absolute(api('agreements'))}?modified_since=2025-01-01&page_size=50'",
            },
            {
                "label": _("Seluruh register sebagai CSV:"),
                "command": f"curl -L -o register.csv '{absolute(api('bulk_file', filename='register.csv'))}'",
            },
        ],
        "ocds_releases_url": api("bulk_file", filename="ocds-releases.json"),
        "ocds_records_url": api("bulk_file", filename="ocds-records.json"),
        "ocds_api_releases_url": api("ocds_releases"),
        "ocds_api_records_url": api("ocds_records"),
        "policy_url": page.url + page.reverse_subpage("publication_policy_route"),
        "dcat_jsonld_url": api("dcat_catalog_jsonld"),
        "dcat_turtle_url": api("dcat_catalog_ttl"),
    }
    return TemplateResponse(request, "portal/open_data/index.html", context)
