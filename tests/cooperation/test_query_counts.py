"""The register's admin pages cost the same number of queries however large the register grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import AgreementDocumentFactory, AgreementFactory, PartnerFactory, SectorFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/cooperation/agreement/"


def fill_register(count: int, agency) -> None:
    sector = SectorFactory()
    for _ in range(count):
        agreement = AgreementFactory(initiating_agency=agency, partners=[PartnerFactory(), PartnerFactory()])
        agreement.sectors.add(sector)
        agreement.implementing_agencies.add(agency)
        agreement.save()


def queries_for(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["secretariat", "health_staff"])
@pytest.mark.parametrize("params", [{}, {"status": "draft"}, {"status": "expiring"}, {"q": "Layanan"}])
def test_the_admin_list_query_count_does_not_grow_with_the_register(client, users, health_agency, role, params):
    client.force_login(users[role])
    fill_register(3, health_agency)
    small = queries_for(client, LIST_URL, params)
    fill_register(30, health_agency)
    large = queries_for(client, LIST_URL, params)
    assert large == small


def test_the_csv_export_query_count_does_not_grow_with_the_register(client, users, health_agency):
    client.force_login(users["secretariat"])
    fill_register(3, health_agency)
    small = queries_for(client, LIST_URL, {"export": "csv"})
    fill_register(30, health_agency)
    large = queries_for(client, LIST_URL, {"export": "csv"})
    assert large == small


@pytest.mark.parametrize("role", ["secretariat", "health_staff"])
def test_the_agreement_page_query_count_does_not_grow_with_its_documents(client, users, health_agency, role):
    """Each document row shows its text status and, to who may use it, the re-run button."""
    client.force_login(users[role])
    agreement = AgreementFactory(initiating_agency=health_agency)
    url = f"/admin/snippets/cooperation/agreement/inspect/{agreement.pk}/"
    AgreementDocumentFactory(agreement=agreement)
    queries_for(client, url)  # warm the caches once
    small = queries_for(client, url)
    for _ in range(10):
        AgreementDocumentFactory(agreement=agreement)
    response = client.get(url)
    assert response.content.decode().count("Proses ulang teks") == 11
    assert queries_for(client, url) == small
