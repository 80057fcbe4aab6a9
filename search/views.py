"""Staff archive search in the admin ("Pencarian Arsip").

The same engine and query features as the public catalogue, with the user's own audience
(`audience_for`): drafts, ended agreements and the restricted pages the user is entitled to.
The engine filters by audience inside its query; the rows are read back through
`agreements_visible_to` as well, so a stale index can never show a record the user may not open.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from cooperation.models import AgreementDocument
from cooperation.selectors import agreements_visible_to
from cooperation.selectors.catalogue import STAFF_STATUS_LABELS, facet_options_from_counts
from cooperation.views.pages import AdminPageMixin
from portal.filters import FACETS

from . import engines
from .audience import RESTRICTED_DOCUMENTS_PERM, audience_for
from .engines.base import (
    MAX_QUERY_LENGTH,
    SORT_CHOICES,
    SORT_NEWEST,
    SORT_OLDEST,
    SORT_RELEVANCE,
    Audience,
    QueryError,
    SearchRequest,
    SearchUnavailable,
)
from .query import parse_query

PAGE_SIZE = 20
KEYWORD = "q"
SORT = "urutan"
PAGE = "p"
MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 40
MAX_PAGE = 500  # 10,000 hits deep: the cluster engines' result window

SORT_LABELS = {
    SORT_RELEVANCE: gettext_lazy("Relevansi"),
    SORT_NEWEST: gettext_lazy("Terbaru"),
    SORT_OLDEST: gettext_lazy("Terlama"),
}


def may_search_archive(user) -> bool:
    """Users with a role that sees part of the register: region-wide roles and agency staff with an agency."""
    return bool(user.is_authenticated and not audience_for(user).public)


def _text(raw: str | None, limit: int) -> str:
    """Printable characters only (a NUL byte breaks PostgreSQL), spaces collapsed, length capped."""
    return " ".join("".join(char if char.isprintable() else " " for char in raw or "").split())[:limit]


def _values(request, param: str) -> list[str]:
    values = [_text(value, MAX_VALUE_LENGTH) for value in request.GET.getlist(param)]
    return list(dict.fromkeys(value for value in values if value))[:MAX_VALUES_PER_FILTER]


def _page(raw: str | None) -> int:
    raw = (raw or "").strip()
    return min(int(raw), MAX_PAGE) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 7 and int(raw) > 0 else 1


class ArchiveSearchView(AdminPageMixin, TemplateView):
    template_name = "agreement_search/archive.html"
    page_title = gettext_lazy("Pencarian Arsip")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not may_search_archive(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        request = self.request
        keyword = _text(request.GET.get(KEYWORD), MAX_QUERY_LENGTH)
        sort = request.GET.get(SORT) if request.GET.get(SORT) in SORT_CHOICES else SORT_RELEVANCE
        selected = {facet.key: _values(request, facet.param) for facet in FACETS}
        audience = audience_for(request.user)
        context.update(
            keyword=keyword,
            sort=sort,
            sort_options=[(value, SORT_LABELS[value]) for value in SORT_CHOICES],
            facets=[
                {"param": facet.param, "legend": facet.legend, "options": [], "selected": selected[facet.key]}
                for facet in FACETS
            ],
            searched=False,
            unavailable=False,
            messages_for_user=[],
            rows=[],
            total=0,
        )
        if not keyword:
            return context
        parsed = parse_query(request.GET.get(KEYWORD, ""))
        if parsed.truncated:
            context["messages_for_user"].append(
                _("Kata kunci terlalu panjang: hanya %(length)s karakter pertama yang dicari.")
                % {"length": MAX_QUERY_LENGTH}
            )
        number = _page(request.GET.get(PAGE))
        try:
            response = self._search(keyword, audience, selected, sort, number)
            last = max(1, -(-response.total // PAGE_SIZE))
            if number > last:
                number = min(last, MAX_PAGE)
                response = self._search(keyword, audience, selected, sort, number)
        except SearchUnavailable:
            context["unavailable"] = True
            return context
        except QueryError as error:
            context["messages_for_user"].append(error.message)
            return context

        paginator = Paginator(range(min(response.total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
        results = paginator.page(min(number, paginator.num_pages))
        context.update(
            searched=True,
            total=response.total,
            corrected=response.corrected,
            results=results,
            page_links=self._page_links(results),
            rows=self._rows(response.hits),
            facets=[
                {
                    "param": facet.param,
                    "legend": facet.legend,
                    "selected": selected[facet.key],
                    "options": facet_options_from_counts(
                        facet.key,
                        [(item.value, item.count) for item in response.facets.get(facet.key, [])],
                        selected[facet.key],
                        labels=STAFF_STATUS_LABELS if facet.key == "status" else None,
                    ),
                }
                for facet in FACETS
            ],
        )
        return context

    @staticmethod
    def _search(keyword: str, audience: Audience, selected: dict[str, list[str]], sort: str, number: int):
        return engines.get_engine().search(
            SearchRequest(
                text=keyword,
                audience=audience,
                filters={key: values for key, values in selected.items() if values},
                sort=sort,
                page=number,
                page_size=PAGE_SIZE,
            )
        )

    def _page_links(self, results) -> dict[str, str | None]:
        def link(number: int) -> str:
            params = self.request.GET.copy()
            params[PAGE] = str(number)
            return "?" + params.urlencode()

        return {
            "previous": link(results.previous_page_number()) if results.has_previous() else None,
            "next": link(results.next_page_number()) if results.has_next() else None,
        }

    def _rows(self, hits) -> list[dict]:
        """The hits as rows, in the engine's order, with snippets linking to the page of the file."""
        user = self.request.user
        ids = [hit.agreement_id for hit in hits]
        agreements = {
            agreement.pk: agreement
            for agreement in agreements_visible_to(user=user)
            .filter(pk__in=ids)
            .select_related("initiating_agency", "document_type", "kind")
        }
        document_ids = {snippet.document_id for hit in hits for snippet in hit.snippets}
        documents = {
            document.pk: document
            for document in AgreementDocument.objects.filter(pk__in=document_ids, agreement_id__in=list(agreements))
        }
        may_see_restricted = user.has_perm(RESTRICTED_DOCUMENTS_PERM)
        rows = []
        for hit in hits:
            agreement = agreements.get(hit.agreement_id)
            if agreement is None:
                continue
            snippets = []
            for snippet in hit.snippets:
                document = documents.get(snippet.document_id)
                if document is None or (document.is_restricted and not may_see_restricted):
                    continue
                snippets.append(
                    {
                        "page_number": snippet.page_number,
                        "document_title": snippet.document_title,
                        "restricted": document.is_restricted,
                        "html": mark_safe(snippet.html),  # the engine escapes the text and adds only <mark>
                        "url": f"{document.url}#page={snippet.page_number}",
                    }
                )
            rows.append(
                {
                    "agreement": agreement,
                    "title_html": mark_safe(hit.title_html) if hit.title_html else "",  # escaped by the engine
                    "url": reverse("wagtailsnippets_cooperation_agreement:inspect", args=[agreement.pk]),
                    "snippets": snippets,
                }
            )
        return rows
