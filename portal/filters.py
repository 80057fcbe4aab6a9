"""The public catalogue's filters: a django-filter `FilterSet`, the same machinery as the admin list.

GET parameters are Indonesian words so a shared link reads naturally (`?jenis=3&tahun=2025`).
Every field is lenient: a value it does not know (an old id, letters in a year, a typo in a
hand-edited link) is dropped and reported, never turned into an error page.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cooperation.models import (
    Agency,
    Agreement,
    CooperationKind,
    DocumentType,
    PartnerCategory,
    Sector,
)
from cooperation.selectors.catalogue import (
    SCOPE_CHOICES,
    SORT_CHOICES,
    SORT_NEWEST,
    filter_agreements,
    order_catalogue,
    public_status_choices,
)
from search.engines.base import MAX_QUERY_LENGTH, SORT_OLDEST, SORT_RELEVANCE

KEYWORD = "q"
SORT = "urutan"
PAGE = "halaman"
KEYWORD_MAX_LENGTH = MAX_QUERY_LENGTH  # longer input is cut, and the page says so
YEAR_RANGE = range(1900, 2201)

# With a keyword the list comes from the search engine, which orders by relevance or by date.
SEARCH_SORT_CHOICES = [
    (SORT_RELEVANCE, _("Relevansi")),
    (SORT_NEWEST, _("Terbaru")),
    (SORT_OLDEST, _("Terlama")),
]


@dataclass(frozen=True)
class Facet:
    """A facet as the page shows it: its GET parameter, the selector's key and its legend."""

    param: str
    key: str
    legend: str


FACETS = [
    Facet("jenis", "kind", _("Jenis kerja sama")),
    Facet("naskah", "document_type", _("Jenis naskah")),
    Facet("mitra", "partner_category", _("Kategori mitra")),
    Facet("urusan", "sector", _("Urusan")),
    Facet("opd", "agency", _("OPD pemrakarsa")),
    Facet("status", "status", _("Status")),
    Facet("tahun", "year", _("Tahun penandatanganan")),
    Facet("lingkup", "scope", _("Dalam atau luar negeri")),
]


FACET_KEYS = {facet.param: facet.key for facet in FACETS}


def is_number(text: str) -> bool:
    """ASCII digits only: `str.isdigit` also accepts "²", which `int()` refuses."""
    return text.isascii() and text.isdigit()


def _as_list(value) -> list[str]:
    if value in (None, ""):
        return []
    values = value if isinstance(value, list | tuple) else [value]
    return list(dict.fromkeys(str(item).strip() for item in values if str(item).strip()))


class KnownValuesField(forms.Field):
    """Several values from a fixed list; unknown ones are dropped."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, choices: Callable[[], Iterable] | Iterable = (), **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def known(self) -> set[str]:
        choices = self.choices() if callable(self.choices) else self.choices
        return {str(value) for value, _label in choices}

    def clean(self, value) -> list[str]:
        known = self.known()
        return [item for item in _as_list(value) if item in known]


class KnownIdsField(forms.Field):
    """Several ids of reference data; letters and ids that do not exist are dropped."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, queryset: QuerySet, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value) -> list[str]:
        ids = [item for item in _as_list(value) if is_number(item) and len(item) < 10]
        if not ids:
            return []
        found = {str(pk) for pk in self.queryset.filter(pk__in=ids).values_list("pk", flat=True)}
        return [item for item in ids if item in found]


class YearsField(forms.Field):
    widget = forms.MultipleHiddenInput

    def clean(self, value) -> list[str]:
        return [item for item in _as_list(value) if is_number(item) and int(item) in YEAR_RANGE]


class LenientChoiceField(forms.ChoiceField):
    """One value from a list; anything else means "not given"."""

    def clean(self, value) -> str:
        value = "" if value is None else str(value)
        return value if value in {str(key) for key, _label in self.choices} else ""


class KeywordField(forms.CharField):
    """Words only: control characters (a NUL byte breaks PostgreSQL) go, spaces collapse, length is capped."""

    def clean(self, value) -> str:
        text = "".join(char if char.isprintable() else " " for char in str(value or ""))
        return " ".join(text.split())[:KEYWORD_MAX_LENGTH]


class FacetFilter(django_filters.Filter):
    field_class = KnownValuesField


class IdFacetFilter(django_filters.Filter):
    field_class = KnownIdsField


class YearFacetFilter(django_filters.Filter):
    field_class = YearsField


class KeywordFilter(django_filters.Filter):
    field_class = KeywordField


class SortFilter(django_filters.Filter):
    """Read by `filter_queryset`, which always orders, never applied as a filter itself."""

    field_class = LenientChoiceField


class CatalogueFilterSet(django_filters.FilterSet):
    """Facets are OR within themselves and AND between each other; the keyword narrows all of them."""

    q = KeywordFilter(method="filter_keyword", label=_("Kata kunci"))
    jenis = IdFacetFilter(queryset=CooperationKind.objects.all(), method="filter_facet", label=_("Jenis kerja sama"))
    naskah = IdFacetFilter(queryset=DocumentType.objects.all(), method="filter_facet", label=_("Jenis naskah"))
    mitra = FacetFilter(choices=PartnerCategory.choices, method="filter_facet", label=_("Kategori mitra"))
    urusan = IdFacetFilter(queryset=Sector.objects.all(), method="filter_facet", label=_("Urusan"))
    opd = IdFacetFilter(queryset=Agency.objects.all(), method="filter_facet", label=_("OPD pemrakarsa"))
    status = FacetFilter(choices=public_status_choices, method="filter_facet", label=_("Status"))
    tahun = YearFacetFilter(method="filter_facet", label=_("Tahun penandatanganan"))
    lingkup = FacetFilter(choices=SCOPE_CHOICES, method="filter_facet", label=_("Dalam atau luar negeri"))
    urutan = SortFilter(choices=[*SORT_CHOICES, *SEARCH_SORT_CHOICES], label=_("Urutkan"))

    class Meta:
        model = Agreement
        fields: list[str] = []

    # -- the filters ---------------------------------------------------------------------------

    def filter_keyword(self, queryset, name, value):
        """The keyword is the search engine's job (portal.views.catalogue); the list here is the facets' only."""
        return queryset

    def filter_facet(self, queryset, name, value):
        """One facet by its URL parameter; the rule itself lives in `filter_agreements`, shared with search."""
        return filter_agreements(queryset, {FACET_KEYS[name]: value})

    # -- what the page needs beyond the list ---------------------------------------------------

    @property
    def cleaned(self) -> dict:
        self.errors  # noqa: B018 - validates the form, which fills cleaned_data
        return self.form.cleaned_data

    @property
    def sort_choices(self) -> list[tuple[str, str]]:
        """Browsing offers the catalogue's orders; a keyword search the engine's."""
        return SEARCH_SORT_CHOICES if self.keyword else SORT_CHOICES

    @property
    def sort(self) -> str:
        """The chosen order when it fits the mode, else relevance for a search and newest for browsing."""
        chosen = self.cleaned.get(SORT) or ""
        if chosen in {value for value, _label in self.sort_choices}:
            return chosen
        return SORT_RELEVANCE if self.keyword else SORT_NEWEST

    @property
    def keyword(self) -> str:
        return self.cleaned.get(KEYWORD) or ""

    def filter_queryset(self, queryset):
        """Every filter, then the chosen order (newest first when none or an unknown one is asked for)."""
        return order_catalogue(self._apply(queryset, skip=SORT), sort=self.sort)

    def _apply(self, queryset, *, skip: str) -> QuerySet[Agreement]:
        for name, value in self.cleaned.items():
            if name not in (skip, SORT):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_bases(self) -> dict[str, QuerySet[Agreement]]:
        """For each facet, the list with every other filter applied (disjunctive faceting)."""
        return {facet.key: self._apply(self.queryset.all(), skip=facet.param) for facet in FACETS}

    def selected(self) -> dict[str, list[str]]:
        return {facet.key: self.cleaned.get(facet.param) or [] for facet in FACETS}

    def ignored_parameters(self) -> list[str]:
        """The parameters of which some value was dropped, to tell the reader rather than pretend."""
        ignored = []
        for name in self.filters:
            if name == KEYWORD:
                continue
            raw = _as_list(self.data.getlist(name)) if hasattr(self.data, "getlist") else _as_list(self.data.get(name))
            kept = self.cleaned.get(name) or []
            kept = kept if isinstance(kept, list) else [kept] if kept else []
            if len(raw) > len(kept):
                ignored.append(name)
        return ignored
