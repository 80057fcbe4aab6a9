"""Property-based tests of the API against its own OpenAPI schema (schemathesis 4).

Schemathesis reads /api/v1/openapi.json from the Django WSGI application and, for every
operation, sends generated requests (valid and invalid parameters, ids, dates, odd strings).
Each answer must not be a server error, must have a status code, a content type and a body
that the schema declares. The register is seeded with fixed ids 1..N, so generated ids (which
favour small numbers) reach real records as well as missing ones.

Every operation is exercised: the register's resources, OCDS, DCAT and the bulk files.
"""

import datetime
from decimal import Decimal

import pytest
import schemathesis
import time_machine
from django.core import signals
from django.core.management.color import no_style
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cooperation.models import (
    Agency,
    Agreement,
    AgreementDocument,
    AgreementStatus,
    Classification,
    CooperationKind,
    DocumentType,
    MonevReport,
    Partner,
    PartnerCategory,
    Publication,
    Sector,
)

from ..factories import AgreementDocumentFactory, AgreementFactory, PublicationFactory, index_for_search
from .helpers import NOW, add_pages, verified_report

TAGS = ["agreements", "documents", "monev", "reference"]
# Every operation, the OCDS, DCAT and bulk ones included.
ALL_TAGS = [*TAGS, "ocds", "dcat", "bulk"]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _seed() -> None:
    """A small register with fixed ids: three public agreements (1-3) and an unpublished one (4)."""
    agencies = [
        Agency.objects.create(pk=pk, code=code, name=name, short_name=code)
        for pk, code, name in ((1, "DINKES", "Dinas Kesehatan"), (2, "PUPR", "Dinas Pekerjaan Umum"), (3, "X", "X"))
    ]
    partners = [
        Partner.objects.create(pk=1, name="PT Tirta", category=PartnerCategory.COMPANY, contact_email="a@b.example"),
        Partner.objects.create(pk=2, name="Universitas", category=PartnerCategory.UNIVERSITY),
        Partner.objects.create(pk=3, name="Kota Kembar", category=PartnerCategory.FOREIGN_GOVERNMENT, country="Jepang"),
    ]
    sectors = [Sector.objects.create(pk=pk, code=f"S{pk}", name=f"Urusan {pk}") for pk in (1, 2, 3)]
    domestic = CooperationKind.objects.create(pk=1, code="KSDPK", name="Pihak Ketiga")
    foreign = CooperationKind.objects.create(pk=2, code="KSDPL", name="Luar Negeri", is_foreign=True)
    ksb = DocumentType.objects.create(pk=1, code="KSB", name="Kesepakatan Bersama", role="framework")
    pks = DocumentType.objects.create(pk=2, code="PKS", name="Perjanjian Kerja Sama", role="implementing")

    def agreement(pk: int, **fields) -> Agreement:
        fields.setdefault("status", AgreementStatus.IN_FORCE)
        made = AgreementFactory(
            pk=pk,
            title=f"Kesepakatan air bersih nomor {pk}",
            initiating_agency=agencies[pk % 2],
            partners=[partners[pk % 3]],
            signed_on=datetime.date(2024, pk, 1),
            starts_on=datetime.date(2024, pk, 1),
            ends_on=datetime.date(2026, 5, pk),
            value=Decimal("1000000.50"),
            **fields,
        )
        made.sectors.set([sectors[pk % 3]])
        made.implementing_agencies.set([agencies[0]])
        made.save()
        return made

    first = agreement(1, kind=domestic, document_type=ksb)
    second = agreement(2, kind=domestic, document_type=pks, parent=first)
    third = agreement(3, kind=foreign, document_type=ksb, status=AgreementStatus.EXPIRED)
    hidden = agreement(4, kind=domestic, document_type=ksb)
    for published in (first, second, third):
        PublicationFactory(agreement=published)
    Publication.objects.create(agreement=hidden, live=False)

    public = AgreementDocumentFactory(pk=1, agreement=first, title="Naskah air bersih")
    add_pages(public, "Para pihak sepakat.", "Pasal 2 pipa.")
    restricted = AgreementDocumentFactory(
        pk=2,
        agreement=first,
        title="Lampiran rahasia",
        classification=Classification.RESTRICTED,
        restriction_ground="17b",
        restriction_reason="Rahasia dagang.",
    )
    add_pages(restricted, "Harga rahasia.")
    AgreementDocumentFactory(pk=3, agreement=hidden, title="Naskah belum terbit")
    AgreementDocumentFactory(pk=4, agreement=second, title="Naskah PKS")
    verified_report(
        second,
        agencies[0],
        starts_on=datetime.date(2024, 2, 1),
        ends_on=datetime.date(2024, 6, 30),
        benefits="Ok",
        pk=1,
    )
    MonevReport.objects.create(
        pk=2,
        agreement=second,
        period_starts_on=datetime.date(2024, 7, 1),
        period_ends_on=datetime.date(2024, 12, 31),
        reporting_agency=agencies[0],
        activities="Draf",
        live=False,
    )
    # Explicit ids leave PostgreSQL's sequences behind: move them past the seeded rows.
    models = [Agency, Partner, Sector, CooperationKind, DocumentType, Agreement, AgreementDocument, MonevReport]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    index_for_search()


# Loading the schema needs no database: ninja builds it from the code.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(tag=ALL_TAGS)


@pytest.fixture
def register(db, site_pages):
    """A seeded register, requests through the WSGI application in the test's transaction, a fixed clock."""
    # Like Django's test client: a request must not close the test's connection (and its transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    traveller = time_machine.travel(NOW, tick=False)
    traveller.start()
    try:
        _seed()
        yield
    finally:
        traveller.stop()
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_its_schema_says(case, register):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
def test_the_schema_documents_each_operation_with_a_summary_and_its_error_answers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    ours = {
        path: operation["get"] for path, operation in paths.items() if set(operation["get"].get("tags", [])) & set(TAGS)
    }
    assert len(ours) == 14
    for path, operation in ours.items():
        assert operation["summary"] and operation["description"], path
        assert {"200", "400", "404"} <= set(operation["responses"]), path
    assert "503" in ours["/api/v1/agreements"]["responses"]
    names = {parameter["name"] for parameter in ours["/api/v1/agreements"]["parameters"]}
    assert names == {
        "kind",
        "document_type",
        "sector",
        "agency",
        "partner_category",
        "status",
        "year",
        "scope",
        "q",
        "sort",
        "modified_since",
        "page",
        "page_size",
    }
