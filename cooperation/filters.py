"""The admin list's filters: the same django-filter machinery the public catalogue uses."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import (
    EXPIRING_SOON,
    EXPIRING_SOON_LABEL,
    Agency,
    Agreement,
    AgreementStatus,
    CooperationKind,
    DocumentType,
    ExternalRequest,
    ExternalRequestStatus,
    PartnerCategory,
    Proposal,
    ProposalStatus,
    Publication,
    Sector,
    ending_soon_condition,
)

STATUS_FILTER_CHOICES = [*AgreementStatus.choices, (EXPIRING_SOON, EXPIRING_SOON_LABEL)]


def year_choices() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year + 1, 1999, -1)]


class AgreementFilterSet(WagtailFilterSet):
    kind = django_filters.ModelChoiceFilter(queryset=CooperationKind.objects.all(), label=_("Jenis kerja sama"))
    document_type = django_filters.ModelChoiceFilter(queryset=DocumentType.objects.all(), label=_("Jenis naskah"))
    status = django_filters.ChoiceFilter(choices=STATUS_FILTER_CHOICES, method="filter_status", label=_("Status"))
    sector = django_filters.ModelChoiceFilter(
        queryset=Sector.objects.all(),
        field_name="sectors",
        label=_("Urusan"),
        distinct=False,
        method="filter_sector",
    )
    partner_category = django_filters.ChoiceFilter(
        choices=PartnerCategory.choices, method="filter_partner_category", label=_("Kategori mitra")
    )
    agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), method="filter_agency", label=_("OPD"))
    year = django_filters.TypedChoiceFilter(choices=year_choices, coerce=int, method="filter_year", label=_("Tahun"))

    class Meta:
        model = Agreement
        fields = ["kind", "document_type", "status"]

    def filter_status(self, queryset, name, value):
        if value == EXPIRING_SOON:
            return queryset.filter(ending_soon_condition())
        return queryset.filter(status=value)

    # Subqueries, not joins: a join on a to-many relation would repeat rows.
    def filter_sector(self, queryset, name, value):
        return queryset.filter(pk__in=Agreement.sectors.through.objects.filter(sector=value).values("agreement"))

    def filter_partner_category(self, queryset, name, value):
        return queryset.filter(pk__in=Agreement.objects.filter(parties__partner__category=value).values("pk"))

    def filter_agency(self, queryset, name, value):
        return queryset.filter(
            pk__in=Agreement.objects.filter(Q(initiating_agency=value) | Q(implementing_agencies=value)).values("pk")
        )

    def filter_year(self, queryset, name, value):
        return queryset.filter(Q(signed_on__year=value) | Q(signed_on__isnull=True, starts_on__year=value))


class ProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices, label=_("Status"))
    kind = django_filters.ModelChoiceFilter(queryset=CooperationKind.objects.all(), label=_("Jenis kerja sama"))
    initiating_agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all(), label=_("OPD pemrakarsa"))

    class Meta:
        model = Proposal
        fields = ["status", "kind", "initiating_agency"]


class ExternalRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ExternalRequestStatus.choices, label=_("Status"), widget=forms.RadioSelect, empty_label=_("Semua")
    )
    category = django_filters.ChoiceFilter(choices=PartnerCategory.choices, label=_("Kategori"), empty_label=_("Semua"))
    assigned_agency = django_filters.ModelChoiceFilter(
        queryset=Agency.objects.all(), label=_("OPD pemrakarsa"), empty_label=_("Semua")
    )
    received_at = django_filters.DateFromToRangeFilter(label=_("Diterima"), widget=DateRangePickerWidget)

    class Meta:
        model = ExternalRequest
        fields = ["status", "category", "assigned_agency", "received_at"]


class PublicationState:
    LIVE = "live"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    CHANGED = "changed"

    choices = [
        (LIVE, _("Tayang di katalog")),
        (CHANGED, _("Tayang, dengan perubahan belum dipublikasikan")),
        (SCHEDULED, _("Terjadwal")),
        (DRAFT, _("Draf (belum tayang)")),
    ]


class PublicationFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        choices=PublicationState.choices, method="filter_state", label=_("Status publikasi")
    )

    class Meta:
        model = Publication
        fields = []

    def filter_state(self, queryset, name, value):
        scheduled = Q(live=False, go_live_at__gt=timezone.now())
        if value == PublicationState.LIVE:
            return queryset.filter(live=True)
        if value == PublicationState.CHANGED:
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == PublicationState.SCHEDULED:
            return queryset.filter(scheduled)
        if value == PublicationState.DRAFT:
            return queryset.filter(live=False).exclude(scheduled)
        return queryset
