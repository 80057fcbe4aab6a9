"""Admin report "Teks Dokumen": documents whose text could not (yet) be read, with the reason and a re-run button.

Staff find here what the search cannot: a corrupt or password-protected PDF, a scan waiting for
OCR, a task that never ran. Rows come from ``documents_needing_text``, so every user sees only the
documents of the records they may see.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .. import roles
from ..models import AgreementDocument, TextStatus
from ..selectors import documents_needing_text
from ..selectors.documents import TEXT_NOT_DONE
from ..templatetags.document_text import prime_rerun_answers

RECORD_INSPECT_URLS = {
    "agreement": "wagtailsnippets_cooperation_agreement:inspect",
    "proposal": "wagtailsnippets_cooperation_proposal:inspect",
    "external_request": "wagtailsnippets_cooperation_externalrequest:inspect",
}


def may_see_document_text_report(user: roles.User) -> bool:
    """Any role of the system (agency staff included, scoped by the selector); accounts without a role not."""
    return bool(user.is_authenticated and (user.is_superuser or roles.role_names(user) & set(roles.ALL_ROLES)))


def record_of(document: AgreementDocument):
    """The agreement, else the proposal, else the request from outside the document belongs to."""
    for field in RECORD_INSPECT_URLS:
        if (record := getattr(document, field)) is not None:
            return field, record
    return None, None


class DocumentTextFilterSet(WagtailFilterSet):
    text_status = django_filters.MultipleChoiceFilter(
        label=_("Status teks"),
        choices=[(value, label) for value, label in TextStatus.choices if value in TEXT_NOT_DONE],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AgreementDocument
        fields = ["text_status"]


class DocumentTitleColumn(TitleColumn):
    def get_link_url(self, instance, parent_context):
        return reverse("wagtaildocs:edit", args=[instance.pk])


class RecordColumn(Column):
    cell_template_name = "cooperation/document_text_report_record_cell.html"

    def get_value(self, instance):
        return None

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        field, record = record_of(instance)
        context["record"] = record
        context["record_url"] = reverse(RECORD_INSPECT_URLS[field], args=[record.pk]) if record else ""
        return context


class TextStatusColumn(Column):
    """The project's ``document_text_status`` tag: status, reason and "Proses ulang teks"."""

    cell_template_name = "cooperation/document_text_report_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["document"] = instance
        context["csrf_token"] = parent_context.get("csrf_token")
        # The table may come from the filters' fragment URL; a re-run returns to the whole report.
        request = parent_context.get("request")
        query = request.GET.urlencode() if request else ""
        context["next_url"] = reverse("cooperation_document_text_report") + (f"?{query}" if query else "")
        return context


class DocumentTextReportView(ReportView):
    page_title = _("Teks Dokumen")
    header_icon = "doc-full"
    index_url_name = "cooperation_document_text_report"
    index_results_url_name = "cooperation_document_text_report_results"
    filterset_class = DocumentTextFilterSet
    no_results_message = _("Teks semua dokumen yang dapat Anda lihat sudah selesai diproses.")
    columns = [
        DocumentTitleColumn("title", label=_("Dokumen")),
        RecordColumn("record", label=_("Naskah / usulan")),
        TextStatusColumn("text_status", label=_("Status teks dan alasannya")),
        Column("page_count", label=_("Halaman")),
        DateColumn("text_extracted_at", label=_("Percobaan terakhir")),
    ]
    list_export = ["title", "record", "text_status", "text_error", "page_count", "text_extracted_at"]
    export_headings = {
        "title": _("Dokumen"),
        "record": _("Naskah / usulan"),
        "text_status": _("Status teks"),
        "text_error": _("Alasan"),
        "page_count": _("Halaman"),
        "text_extracted_at": _("Percobaan terakhir"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_document_text_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return documents_needing_text(user=self.request.user)

    def get_filename(self):
        return f"teks-dokumen-{datetime.date.today():%Y-%m-%d}"

    def to_row_dict(self, item: AgreementDocument) -> dict:
        _field, record = record_of(item)
        return {
            "title": item.title,
            "record": str(record) if record else "",
            "text_status": item.get_text_status_display(),
            "text_error": item.text_error,
            "page_count": item.page_count,
            "text_extracted_at": item.text_extracted_at,
        }

    def decorate_paginated_queryset(self, object_list):
        """Answer "may this user re-run?" for the whole page in a few queries, not one per record."""
        documents = list(object_list)
        if not self.is_export:
            prime_rerun_answers(self.request, documents)
        return documents
