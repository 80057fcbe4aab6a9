"""The open-data publication policy (`data-terbuka/kebijakan-publikasi/` under the catalogue).

What is published and when, the licence, the identifiers, how to get the data, and how the
register maps to OCDS. The mapping tables are rendered from the constants `portal.open_data.ocds`
itself uses, so the page cannot describe rules the data does not follow. OCDS packages point here
as their `publicationPolicy`.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cooperation.languages import region_name
from cooperation.models import AgreementStatus
from cooperation.selectors.ocds import document_category_names
from portal.api.common import CACHE_SECONDS
from portal.open_data import ocds
from portal.open_data.links import PublicLinks


def document_type_rows(names: dict[str, str]) -> list[dict]:
    """One row per document category the mapping knows, then the region's other categories, then the rest."""
    rows = [
        {
            "category": names.get(code, code),
            "code": code,
            "condition": _("naskah yang tidak diakhiri lebih awal") if code in ocds.TERMINATED_DOCUMENT_TYPES else "",
            "document_type": document_type,
        }
        for code, document_type in ocds.DOCUMENT_TYPES.items()
    ]
    rows += [
        {
            "category": names.get(code, code),
            "code": code,
            "condition": _("bila naskah diakhiri sebelum waktunya"),
            "document_type": document_type,
        }
        for code, document_type in ocds.TERMINATED_DOCUMENT_TYPES.items()
    ]
    rows += [
        {"category": name, "code": code, "condition": "", "document_type": ocds.DEFAULT_DOCUMENT_TYPE}
        for code, name in sorted(names.items(), key=lambda item: item[1])
        if code not in ocds.DOCUMENT_TYPES
    ]
    rows.append(
        {
            "category": _("Jenis dokumen lain atau tanpa jenis"),
            "code": "",
            "condition": "",
            "document_type": ocds.DEFAULT_DOCUMENT_TYPE,
        }
    )
    rows.append(
        {
            "category": _("Laporan monev terverifikasi (ringkasan di halaman naskah)"),
            "code": "",
            "condition": _("dalam contracts[0].implementation.documents"),
            "document_type": ocds.MONEV_DOCUMENT_TYPE,
        }
    )
    return rows


def publication_policy_page(request: HttpRequest, *, page) -> HttpResponse:
    links = PublicLinks.for_request(request)
    catalogue_url = page.get_url(request=request) or "/"
    labels = dict(AgreementStatus.choices)
    context = {
        "page": page,
        "catalogue_url": catalogue_url,
        "open_data_url": catalogue_url.rstrip("/") + "/data-terbuka/",
        "region": region_name(),
        "prefix": settings.OPEN_DATA_OCID_PREFIX,
        "example_ocid": ocds.ocid(123),
        "license_url": settings.OPEN_DATA_LICENSE_URL,
        "contact_email": settings.OPEN_DATA_CONTACT_EMAIL,
        "max_page_size": settings.OPEN_DATA_MAX_PAGE_SIZE,
        "ocds_version": ocds.OCDS_VERSION,
        "cache_minutes": max(1, CACHE_SECONDS // 60),
        "endpoints": {
            "releases": links.api("ocds_releases"),
            "records": links.api("ocds_records"),
            "release": links.api("ocds_releases") + "/{id}",
            "record": links.api("ocds_records") + "/{id}",
            "docs": links.absolute(reverse("api-v1:openapi-view")),
            "openapi": links.absolute(reverse("api-v1:openapi-json")),
        },
        "field_rows": ocds.FIELD_MAPPING,
        "status_rows": [(labels[status], code) for status, code in ocds.CONTRACT_STATUS.items()],
        "standard_roles": list(ocds.STANDARD_PARTY_ROLES.items()),
        "added_roles": list(ocds.ADDED_PARTY_ROLES.items()),
        "document_rows": document_type_rows(document_category_names()),
    }
    return TemplateResponse(request, "portal/open_data/publication_policy.html", context)
