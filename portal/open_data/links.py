"""Absolute URLs of public things, by id: for the API, OCDS, DCAT and the bulk files.

With a request the host is the one the client used; without one (a bulk build in a task) it
is the default site's, as Wagtail knows it.
"""

from django.http import Http404, HttpRequest
from django.urls import reverse
from wagtail.models import Locale

from ..models import CatalogueIndexPage, catalogue_for


class PublicLinks:
    def __init__(self, *, root: str, catalogue: str):
        self.root = root.rstrip("/")  # the site, e.g. https://kerjasama.malangkota.go.id
        self.catalogue = catalogue.rstrip("/")  # the catalogue page, absolute

    @classmethod
    def for_request(cls, request: HttpRequest | None = None) -> "PublicLinks":
        page = _catalogue_page()
        if request is None:
            catalogue = page.get_full_url() if page else ""
            root = catalogue.split("/", 3)
            return cls(root="/".join(root[:3]) if len(root) >= 3 else "", catalogue=catalogue or "")
        root = request.build_absolute_uri("/")
        catalogue = request.build_absolute_uri(page.get_url(request=request) or "/") if page else root
        return cls(root=root, catalogue=catalogue)

    def _sub(self, path: str) -> str:
        return f"{self.catalogue}/{path.strip('/')}/"

    def agreement(self, pk: int) -> str:
        return self._sub(f"naskah/{pk}")

    def document_viewer(self, agreement_pk: int, document_pk: int) -> str:
        return self._sub(f"naskah/{agreement_pk}/dokumen/{document_pk}")

    def partner(self, pk: int) -> str:
        return self._sub(f"mitra/{pk}")

    def agency(self, pk: int) -> str:
        return self._sub(f"opd/{pk}")

    def open_data_page(self) -> str:
        return self._sub("data-terbuka")

    def publication_policy(self) -> str:
        return self._sub("data-terbuka/kebijakan-publikasi")

    def absolute(self, path: str) -> str:
        """A site-relative path (`/api/v1/...`, a document's `url`) made absolute."""
        return path if "://" in path else self.root + "/" + path.lstrip("/")

    def api(self, name: str, **kwargs) -> str:
        return self.absolute(reverse(f"api-v1:{name}", kwargs=kwargs))


def _catalogue_page() -> CatalogueIndexPage | None:
    """The Indonesian catalogue: the register's canonical public address (None before the site is set up)."""
    try:
        return catalogue_for(Locale.get_default())
    except Http404:
        return None
