"""The public catalogue's queries: keyword matching, orderings, facet counts and download rows.

Every function here receives a queryset that already comes from `public_agreements()` and only
narrows, orders or counts it, so nothing unpublished or unsigned can reach the list, its counts
or a download. The download rows name the public fields one by one: contact data, the
signatory's NIP and internal notes are never read.
"""

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear, Lower, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..languages import in_english, localized
from ..models import (
    EXPIRING_SOON,
    EXPIRING_SOON_LABEL,
    Agency,
    Agreement,
    AgreementParty,
    AgreementStatus,
    CooperationKind,
    DocumentType,
    FundingSource,
    PartnerCategory,
    Sector,
    ending_soon_condition,
)

# -- the public vocabulary of the catalogue's URLs ----------------------------------------------

DOMESTIC = "dalam-negeri"
FOREIGN = "luar-negeri"
SCOPE_CHOICES = [(DOMESTIC, _("Dalam negeri")), (FOREIGN, _("Luar negeri"))]

# The statuses a public (hence signed) agreement can have, in the order of its life, with the
# derived "Akan Berakhir" next to "Berlaku".
PUBLIC_STATUS_VALUES = [
    AgreementStatus.SIGNED,
    AgreementStatus.IN_FORCE,
    EXPIRING_SOON,
    AgreementStatus.EXPIRED,
    AgreementStatus.EXTENDED,
    AgreementStatus.TERMINATED,
]


def public_status_choices() -> list[tuple[str, Any]]:
    labels = dict(AgreementStatus.choices) | {EXPIRING_SOON: EXPIRING_SOON_LABEL}
    return [(str(value), labels[value]) for value in PUBLIC_STATUS_VALUES]


SORT_NEWEST = "terbaru"
SORT_ENDING = "berakhir"
SORT_TITLE = "judul"
SORT_CHOICES = [
    (SORT_NEWEST, _("Terbaru ditandatangani")),
    (SORT_ENDING, _("Paling cepat berakhir")),
    (SORT_TITLE, _("Judul (A-Z)")),
]


# -- keyword search and ordering ------------------------------------------------------------------


def order_catalogue(agreements: QuerySet[Agreement], *, sort: str) -> QuerySet[Agreement]:
    """The catalogue's three orders; the primary key breaks ties so pages never overlap."""
    if sort == SORT_ENDING:
        # Still running first, soonest end on top; then the ones already ended; no end date last.
        today = timezone.localdate()
        bucket = Case(
            When(ends_on__isnull=True, then=Value(2)),
            When(ends_on__lt=today, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return agreements.order_by(bucket, F("ends_on").asc(nulls_last=True), "pk")
    if sort == SORT_TITLE:
        # On /en/ the list shows the English title when there is one, so it sorts by what it shows.
        shown = Coalesce(NullIf("title_en", Value("")), "title") if in_english() else F("title")
        return agreements.order_by(Lower(shown), "pk")
    return agreements.order_by(F("signed_on").desc(nulls_last=True), "-pk")


# -- filters --------------------------------------------------------------------------------------


def _ids(values: Collection[str]) -> list[int]:
    return [int(value) for value in values if str(value).isascii() and str(value).isdigit() and len(str(value)) < 10]


def _filter_kind(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    return agreements.filter(kind_id__in=_ids(values))


def _filter_document_type(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    return agreements.filter(document_type_id__in=_ids(values))


# Subqueries, not joins: a join on a to-many relation would repeat rows.
def _filter_partner_category(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    parties = AgreementParty.objects.filter(partner__category__in=list(values)).values("agreement_id")
    return agreements.filter(pk__in=parties)


def _filter_sector(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    tagged = Agreement.sectors.through.objects.filter(sector_id__in=_ids(values)).values("agreement_id")
    return agreements.filter(pk__in=tagged)


def _filter_agency(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    return agreements.filter(initiating_agency_id__in=_ids(values))


def _filter_status(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    condition = Q(status__in=[status for status in values if status != EXPIRING_SOON])
    if EXPIRING_SOON in values:
        condition |= ending_soon_condition(today=today)
    return agreements.filter(condition)


def _filter_year(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    # One range per year (`__year` exact), which an index on the date can serve; `__year__in` cannot.
    years = Q(pk__in=[])
    for year in _ids(values):
        if 1 <= year <= 9999:
            years |= Q(signed_on__year=year)
    return agreements.filter(years)


def _filter_scope(agreements: QuerySet[Agreement], values: Collection[str], today) -> QuerySet[Agreement]:
    wanted = {DOMESTIC: False, FOREIGN: True}
    return agreements.filter(kind__is_foreign__in=[wanted[value] for value in values if value in wanted])


AGREEMENT_FILTERS: dict[str, Callable[[QuerySet[Agreement], Collection[str], Any], QuerySet[Agreement]]] = {
    "kind": _filter_kind,
    "document_type": _filter_document_type,
    "partner_category": _filter_partner_category,
    "sector": _filter_sector,
    "agency": _filter_agency,
    "status": _filter_status,
    "year": _filter_year,
    "scope": _filter_scope,
}


def filter_agreements(
    agreements: QuerySet[Agreement],
    filters: Mapping[str, Collection[str]],
    *,
    skip: str | None = None,
    today=None,
) -> QuerySet[Agreement]:
    """The catalogue's facet filters (keys of FACET_COUNTERS), OR within a facet, AND between facets.

    `skip` leaves one facet out: its counts are then computed over the others (disjunctive faceting).
    Unknown keys and empty selections are ignored; values are the catalogue's URL values as strings.
    """
    for key, values in filters.items():
        if key == skip or key not in AGREEMENT_FILTERS or not values:
            continue
        agreements = AGREEMENT_FILTERS[key](agreements, [str(value) for value in values], today)
    return agreements


# -- facets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    """One checkbox of a facet: the URL value, what the reader sees, how many, and whether it is on."""

    value: str
    label: str
    count: int
    selected: bool


def _options(
    counted: list[tuple[str, str, int]],
    selected: Collection[str],
    *,
    labels_of_missing: Callable[[set[str]], dict[str, str]] | None = None,
    keep_order: bool = False,
) -> list[FacetOption]:
    """Options with a count, plus the selected ones that have none (so they can be unticked)."""
    selected = set(selected)
    options = [FacetOption(value, label, count, value in selected) for value, label, count in counted if count]
    missing = selected - {option.value for option in options}
    if missing:
        labels = labels_of_missing(missing) if labels_of_missing else {value: value for value in missing}
        options += [FacetOption(value, labels[value], 0, True) for value in missing if value in labels]
    if not keep_order:
        options.sort(key=lambda option: (-option.count, option.label.casefold()))
    return options


def _model_labels(model, *, label: Callable[[Any], str]) -> Callable[[set[str]], dict[str, str]]:
    def labels(values: set[str]) -> dict[str, str]:
        ids = [int(value) for value in values if value.isascii() and value.isdigit() and len(value) < 10]
        return {str(obj.pk): label(obj) for obj in model.objects.filter(pk__in=ids)}

    return labels


def _coded_label(code: str, name: str, name_en: str) -> str:
    return f"{localized(name, name_en)} ({code})"


def kind_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    rows = (
        agreements.order_by()
        .values("kind_id", "kind__code", "kind__name", "kind__name_en")
        .annotate(count=Count("pk"))
        .order_by("kind__code")
    )
    counted = [
        (str(row["kind_id"]), _coded_label(row["kind__code"], row["kind__name"], row["kind__name_en"]), row["count"])
        for row in rows
    ]
    return _options(
        counted,
        selected,
        labels_of_missing=_model_labels(CooperationKind, label=lambda k: _coded_label(k.code, k.name, k.name_en)),
        keep_order=True,
    )


def document_type_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    rows = (
        agreements.order_by()
        .values("document_type_id", "document_type__code", "document_type__name", "document_type__name_en")
        .annotate(count=Count("pk"))
        .order_by("document_type__code")
    )
    counted = [
        (
            str(row["document_type_id"]),
            _coded_label(row["document_type__code"], row["document_type__name"], row["document_type__name_en"]),
            row["count"],
        )
        for row in rows
    ]
    return _options(
        counted,
        selected,
        labels_of_missing=_model_labels(DocumentType, label=lambda d: _coded_label(d.code, d.name, d.name_en)),
        keep_order=True,
    )


def partner_category_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    rows = (
        AgreementParty.objects.filter(agreement__in=agreements.order_by().values("pk"), partner__isnull=False)
        .values("partner__category")
        .annotate(count=Count("agreement_id", distinct=True))
        .order_by()
    )
    labels = dict(PartnerCategory.choices)
    counted = [
        (row["partner__category"], str(labels.get(row["partner__category"], row["partner__category"])), row["count"])
        for row in rows
    ]
    return _options(
        counted,
        selected,
        labels_of_missing=lambda values: {value: str(labels[value]) for value in values if value in labels},
    )


def sector_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    rows = (
        Agreement.sectors.through.objects.filter(agreement__in=agreements.order_by().values("pk"))
        .values("sector_id", "sector__name", "sector__name_en")
        .annotate(count=Count("agreement_id"))
        .order_by()
    )
    counted = [
        (str(row["sector_id"]), localized(row["sector__name"], row["sector__name_en"]), row["count"]) for row in rows
    ]
    return _options(
        counted, selected, labels_of_missing=_model_labels(Sector, label=lambda s: localized(s.name, s.name_en))
    )


def agency_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    """The initiating agency (OPD pemrakarsa) of each agreement."""
    rows = (
        agreements.order_by()
        .values("initiating_agency_id", "initiating_agency__name")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counted = [(str(row["initiating_agency_id"]), row["initiating_agency__name"], row["count"]) for row in rows]
    return _options(counted, selected, labels_of_missing=_model_labels(Agency, label=lambda a: a.name))


def status_facet(
    agreements: QuerySet[Agreement],
    selected: Collection[str],
    *,
    choices: Callable[[], list[tuple[str, Any]]] = public_status_choices,
) -> list[FacetOption]:
    """Stored statuses and the derived "Akan Berakhir", counted in one query.

    The public sees only the signed statuses; staff (`choices=all_status_choices`) every one.
    """
    rows = (
        agreements.order_by()
        .values("status")
        .annotate(count=Count("pk"), expiring=Count("pk", filter=ending_soon_condition()))
        .order_by()
    )
    counts = {row["status"]: row["count"] for row in rows}
    counts[EXPIRING_SOON] = sum(row["expiring"] for row in rows)
    counted = [(value, str(label), counts.get(value, 0)) for value, label in choices()]
    labels = {value: str(label) for value, label in choices()}
    return _options(counted, selected, labels_of_missing=lambda values: labels, keep_order=True)


def year_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    rows = (
        agreements.order_by()
        .filter(signed_on__isnull=False)
        .values(signed_year=ExtractYear("signed_on"))
        .annotate(count=Count("pk"))
        .order_by()
    )
    counted = [(str(row["signed_year"]), str(row["signed_year"]), row["count"]) for row in rows]
    options = _options(counted, selected, keep_order=True)
    return sorted(options, key=lambda option: option.value, reverse=True)


def scope_facet(agreements: QuerySet[Agreement], selected: Collection[str]) -> list[FacetOption]:
    """Domestic or foreign, as the kind of cooperation says."""
    rows = agreements.order_by().values("kind__is_foreign").annotate(count=Count("pk")).order_by()
    counts = {FOREIGN if row["kind__is_foreign"] else DOMESTIC: row["count"] for row in rows}
    counted = [(value, str(label), counts.get(value, 0)) for value, label in SCOPE_CHOICES]
    labels = {value: str(label) for value, label in SCOPE_CHOICES}
    return _options(counted, selected, labels_of_missing=lambda values: labels, keep_order=True)


FACET_COUNTERS: dict[str, Callable[[QuerySet[Agreement], Collection[str]], list[FacetOption]]] = {
    "kind": kind_facet,
    "document_type": document_type_facet,
    "partner_category": partner_category_facet,
    "sector": sector_facet,
    "agency": agency_facet,
    "status": status_facet,
    "year": year_facet,
    "scope": scope_facet,
}


def catalogue_facets(
    *, bases: Mapping[str, QuerySet[Agreement]], selected: Mapping[str, Collection[str]], staff: bool = False
) -> dict[str, list[FacetOption]]:
    """Each facet's options with counts, one GROUP BY query per facet.

    `bases[key]` is the public list with every active filter applied except the facet's own
    (disjunctive faceting), so a reader can tick a second value in the same facet and see how
    many agreements it would add. Staff also count drafts and every other unsigned status.
    """
    counters = FACET_COUNTERS
    if staff:
        counters = {**FACET_COUNTERS, "status": partial(status_facet, choices=all_status_choices)}
    return {key: counters[key](base, selected.get(key, ())) for key, base in bases.items()}


# -- facets from counts made elsewhere (the search engine) ----------------------------------------


def _ordered_model_labels(model, *, label: Callable[[Any], str]) -> Callable[[set[str]], dict[str, str]]:
    """Labels of reference data in the code order the catalogue lists them in."""
    labels = _model_labels(model, label=label)

    def ordered(values: set[str]) -> dict[str, str]:
        found = labels(values)
        codes = dict(model.objects.filter(pk__in=[int(pk) for pk in found]).values_list("pk", "code"))
        return {value: found[value] for value in sorted(found, key=lambda value: codes[int(value)])}

    return ordered


def _choice_labels(choices: Callable[[], list[tuple[str, Any]]]) -> Callable[[set[str]], dict[str, str]]:
    """Labels of a fixed list, in the list's order; values outside it are dropped."""
    return lambda values: {str(value): str(label) for value, label in choices() if str(value) in values}


def _year_labels(values: set[str]) -> dict[str, str]:
    years = [value for value in values if value.isascii() and value.isdigit() and len(value) == 4]
    return {year: year for year in sorted(years, reverse=True)}


# Per facet key: the labels of a set of values (unknown values left out), and whether that order is
# the one to show (else the most frequent come first, as the ORM facets do).
FACET_LABELS: dict[str, tuple[Callable[[set[str]], dict[str, str]], bool]] = {
    "kind": (
        _ordered_model_labels(CooperationKind, label=lambda k: _coded_label(k.code, k.name, k.name_en)),
        True,
    ),
    "document_type": (
        _ordered_model_labels(DocumentType, label=lambda d: _coded_label(d.code, d.name, d.name_en)),
        True,
    ),
    "partner_category": (_choice_labels(lambda: PartnerCategory.choices), False),
    "sector": (_model_labels(Sector, label=lambda s: localized(s.name, s.name_en)), False),
    "agency": (_model_labels(Agency, label=lambda a: a.name), False),
    "status": (_choice_labels(public_status_choices), True),
    "year": (_year_labels, True),
    "scope": (_choice_labels(lambda: SCOPE_CHOICES), True),
}


def all_status_choices() -> list[tuple[str, Any]]:
    """Every stored status and the derived "Akan Berakhir": the staff archive also shows drafts."""
    choices = [(str(value), label) for value, label in AgreementStatus.choices]
    position = next(index for index, (value, _label) in enumerate(choices) if value == AgreementStatus.IN_FORCE) + 1
    return [*choices[:position], (EXPIRING_SOON, EXPIRING_SOON_LABEL), *choices[position:]]


STAFF_STATUS_LABELS = (_choice_labels(all_status_choices), True)


def facet_options_from_counts(
    key: str,
    counts: Iterable[tuple[str, int]],
    selected: Collection[str],
    *,
    labels: tuple[Callable[[set[str]], dict[str, str]], bool] | None = None,
) -> list[FacetOption]:
    """One facet's options from (value, count) pairs counted elsewhere, labelled as the ORM facets are.

    The search engine counts facets inside its query; this only names the values (one query
    per facet at most) and keeps the selected ones that have no count, so they can be unticked.
    `labels` replaces the catalogue's naming of the facet (the staff archive names every status).
    """
    counted = {str(value): count for value, count in counts if count}
    selected = {str(value) for value in selected}
    label_of, keep_order = labels or FACET_LABELS[key]
    labels = label_of(set(counted) | selected)
    options = [FacetOption(value, label, counted.get(value, 0), value in selected) for value, label in labels.items()]
    options = [option for option in options if option.count or option.selected]
    if not keep_order:
        options.sort(key=lambda option: (-option.count, option.label.casefold()))
    return options


# -- downloads ------------------------------------------------------------------------------------

# Key (English snake_case, used as-is in JSON) and heading; the order is the column order.
EXPORT_COLUMNS: list[tuple[str, Any]] = [
    ("id", _("ID")),
    ("url", _("URL")),
    ("region_number", _("Nomor pihak daerah")),
    ("partner_numbers", _("Nomor pihak mitra")),
    ("title", _("Judul")),
    ("title_en", _("Judul (Inggris)")),
    ("document_type", _("Jenis naskah")),
    ("kind", _("Jenis kerja sama")),
    ("partners", _("Mitra")),
    ("sectors", _("Urusan")),
    ("initiating_agency", _("OPD pemrakarsa")),
    ("implementing_agencies", _("OPD pelaksana")),
    ("status", _("Status")),
    ("signed_on", _("Tanggal penandatanganan")),
    ("starts_on", _("Tanggal mulai")),
    ("ends_on", _("Tanggal berakhir")),
    ("value", _("Nilai (Rp)")),
    ("funding_source", _("Sumber pendanaan")),
]

EXPORT_CHUNK_SIZE = 2000
_EXPORT_VALUES = (
    "pk",
    "region_number",
    "title",
    "title_en",
    "document_type__name",
    "document_type__name_en",
    "kind__name",
    "kind__name_en",
    "initiating_agency__name",
    "status",
    "expiring_soon",
    "signed_on",
    "starts_on",
    "ends_on",
    "value",
    "funding_source",
)


def _chunks(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _export_relations(ids: list[int]) -> tuple[dict, dict, dict]:
    """Parties, sectors and implementing agencies of one chunk: three queries, whatever the chunk holds."""
    parties: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for agreement_id, number, partner_name, partner_name_en, agency_name in (
        AgreementParty.objects.filter(agreement_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("agreement_id", "number", "partner__name", "partner__name_en", "agency__name")
    ):
        name = localized(partner_name, partner_name_en) if partner_name else agency_name or ""
        parties[agreement_id].append((number, name))
    sectors: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name, name_en in (
        Agreement.sectors.through.objects.filter(agreement_id__in=ids)
        .order_by("sector__name")
        .values_list("agreement_id", "sector__name", "sector__name_en")
    ):
        sectors[agreement_id].append(localized(name, name_en))
    agencies: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name in (
        Agreement.implementing_agencies.through.objects.filter(agreement_id__in=ids)
        .order_by("agency__name")
        .values_list("agreement_id", "agency__name")
    ):
        agencies[agreement_id].append(name)
    return parties, sectors, agencies


def iter_public_export(
    agreements: QuerySet[Agreement], *, url_of: Callable[[int], str], chunk_size: int = EXPORT_CHUNK_SIZE
) -> Iterator[dict[str, Any]]:
    """The public fields of each agreement in the list, typed (dates, Decimal, lists), keyed as `EXPORT_COLUMNS`.

    Rows are read with a database cursor `chunk_size` at a time, and each chunk's parties,
    sectors and agencies with three more queries, so 100,000 rows never sit in memory and the
    number of queries grows only with the number of chunks. The columns are named one by one:
    only what UU 14/2008 makes public, never contact data, the signatory's NIP or internal notes.
    """
    status_labels = {value: str(label) for value, label in AgreementStatus.choices}
    funding_labels = {value: str(label) for value, label in FundingSource.choices}
    expiring_label = str(EXPIRING_SOON_LABEL)
    expiring_soon = Case(
        When(ending_soon_condition(), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    rows = agreements.annotate(expiring_soon=expiring_soon).values(*_EXPORT_VALUES).iterator(chunk_size=chunk_size)
    for chunk in _chunks(rows, chunk_size):
        parties, sectors, agencies = _export_relations([row["pk"] for row in chunk])
        for row in chunk:
            pk = row["pk"]
            yield {
                "id": pk,
                "url": url_of(pk),
                "region_number": row["region_number"],
                "partner_numbers": [number for number, _name in parties[pk] if number],
                "title": row["title"],
                "title_en": row["title_en"],
                "document_type": localized(row["document_type__name"], row["document_type__name_en"]),
                "kind": localized(row["kind__name"], row["kind__name_en"]),
                "partners": [name for _number, name in parties[pk] if name],
                "sectors": sectors[pk],
                "initiating_agency": row["initiating_agency__name"],
                "implementing_agencies": agencies[pk],
                "status": expiring_label if row["expiring_soon"] else status_labels.get(row["status"], row["status"]),
                "signed_on": row["signed_on"],
                "starts_on": row["starts_on"],
                "ends_on": row["ends_on"],
                "value": row["value"],
                "funding_source": funding_labels.get(row["funding_source"], row["funding_source"]),
            }
