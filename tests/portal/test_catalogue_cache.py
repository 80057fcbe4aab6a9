"""Counts over the whole register are cached, but a publish, a withdrawal or an edit shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import AgreementStatus
from cooperation.services import publication as publication_services

from ..factories import published_agreement

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_second_visit_reads_the_facet_counts_from_the_cache(client, site_pages):
    published_agreement(title="Kesepakatan Bersama Air Bersih")
    first = queries_for(client, "/katalog/")
    second = queries_for(client, "/katalog/")
    assert second < first


def test_a_newly_published_agreement_is_counted_at_once_despite_the_cache(client, site_pages):
    published_agreement(title="Kesepakatan Bersama Air Bersih")
    assert client.get("/katalog/").context["result_count"] == 1
    published_agreement(title="Perjanjian Kerja Sama Sampah")
    response = client.get("/katalog/")
    assert response.context["result_count"] == 2
    assert sum(option.count for option in response.context["facets"][0]["options"]) >= 2


def test_a_withdrawn_agreement_leaves_the_counts_and_figures_at_once(client, site_pages, users):
    kept = published_agreement(title="Kesepakatan Bersama Air Bersih")
    withdrawn = published_agreement(title="Perjanjian Kerja Sama Sampah")
    assert client.get("/").context["figures"]["total"] == 2
    assert client.get("/katalog/").context["result_count"] == 2

    publication_services.unpublish_agreement(agreement=withdrawn, by=users["editor"])

    assert client.get("/").context["figures"]["total"] == 1
    response = client.get("/katalog/")
    assert response.context["result_count"] == 1
    assert kept.title in response.text and withdrawn.title not in response.text


def test_a_status_change_moves_the_status_counts_at_once(client, site_pages):
    agreement = published_agreement(title="Kesepakatan Bersama Air Bersih")
    client.get("/katalog/")
    agreement.status = AgreementStatus.EXPIRED
    agreement.save()
    response = client.get("/katalog/?status=expired")
    assert response.context["result_count"] == 1
    status_options = {
        option.value: option.count
        for facet in response.context["facets"]
        if facet["param"] == "status"
        for option in facet["options"]
    }
    assert status_options.get("expired") == 1 and not status_options.get("in_force")
