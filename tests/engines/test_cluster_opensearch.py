"""What only the cluster engines do: the alias swap, the Indonesian analyzer, and failing closed."""

import os
import socket

import pytest

from cooperation.models import DocumentPage
from search.engines import engine_for
from search.engines.base import Audience, SearchRequest, SearchUnavailable
from search.engines.dsl import NESTED_OBJECTS_LIMIT
from search.records import all_records, record_count, records_for
from tests.factories import AgreementDocumentFactory, published_agreement

from .conftest import cluster_url, missing


@pytest.fixture
def opensearch(db):
    url = os.environ.get("OPENSEARCH_URL", "").strip()
    if not url:
        missing("OPENSEARCH_URL is not set: no OpenSearch to test the cluster engine on", required=True)
    engine = engine_for(cluster_url("opensearch", url))
    if not engine.ping():
        missing(f"OpenSearch at {url} does not answer", required=True)
    engine.clear()
    yield engine
    engine.clear()


def titles_found(engine, text: str) -> int:
    return engine.search(SearchRequest(text=text, audience=Audience.anonymous())).total


def test_rebuild_answers_searches_throughout_and_swaps_the_alias_to_a_new_index(opensearch):
    agreements = [published_agreement(title=f"Kesepakatan Bersama Dermaga {n}") for n in range(4)]
    opensearch.index(records_for([agreement.pk for agreement in agreements]))
    opensearch.refresh()
    [old_index] = opensearch._alias_indices()
    seen_during_rebuild = []

    def records():
        for number, record in enumerate(all_records(batch_size=2)):
            if number == 2:  # half-way: the old index still answers, whole
                seen_during_rebuild.append(titles_found(opensearch, "dermaga"))
            yield record

    written = opensearch.rebuild(records(), total=record_count())

    assert written == 4
    assert seen_during_rebuild == [4]
    [new_index] = opensearch._alias_indices()
    assert new_index != old_index
    assert opensearch._indices(f"{opensearch.alias}-*") == [new_index]  # the old index is gone
    assert titles_found(opensearch, "dermaga") == 4


def test_an_edit_made_during_a_rebuild_survives_the_swap(opensearch):
    _first, second = (published_agreement(title=f"Kesepakatan Bersama Menara {n}") for n in range(2))

    def records():
        for number, record in enumerate(all_records(batch_size=1)):
            yield record
            if number == 0:  # the first record is already loaded when the second one is edited
                second.title = "Kesepakatan Bersama Mercusuar"
                second.save()
                opensearch.index(records_for([second.pk]))

    opensearch.rebuild(records(), total=record_count())
    opensearch.refresh()

    assert titles_found(opensearch, "mercusuar") == 1
    assert titles_found(opensearch, "menara") == 1


def test_a_failed_rebuild_keeps_the_old_index_and_drops_the_half_built_one(opensearch):
    agreement = published_agreement(title="Kesepakatan Bersama Bendungan")
    opensearch.index(records_for([agreement.pk]))
    opensearch.refresh()
    before = opensearch._alias_indices()

    def records():
        yield from all_records()
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        opensearch.rebuild(records(), total=record_count())

    assert opensearch._alias_indices() == before
    assert opensearch._indices(f"{opensearch.alias}-*") == before
    assert titles_found(opensearch, "bendungan") == 1


def test_searching_before_anything_was_indexed_finds_nothing_without_failing(opensearch):
    opensearch._delete_indices(opensearch._indices(f"{opensearch.alias}-*"))

    assert titles_found(opensearch, "apa saja") == 0
    assert opensearch.autocomplete(prefix="apa", audience=Audience.anonymous()) == []


def analyzed(engine, field: str, text: str) -> list[str]:
    answer = engine.client.indices.analyze(index=engine.alias, body={"field": field, "text": text})
    return [token["token"] for token in answer["tokens"]]


def test_text_fields_use_the_indonesian_stemmer_and_the_projects_stop_list(opensearch):
    assert analyzed(opensearch, "title", "Perjanjian Kerja Sama Pembangunan Jalan yang Dikelola") == [
        "janji",
        "kerja",
        "sama",  # Lucene's own Indonesian stop list would drop it
        "bangun",
        "jalan",
        "kelola",
    ]
    assert analyzed(opensearch, "pages.text", "Évaluasi dan PEMBANGUNAN") == ["evaluasi", "bangun"]
    assert analyzed(opensearch, "title.exact", "Perjanjian Kerja") == ["perjanjian", "kerja"]


def test_a_document_of_thousands_of_pages_fits_in_one_agreement(opensearch):
    settings = opensearch.client.indices.get_settings(index=opensearch.alias)
    [index_settings] = settings.values()
    assert int(index_settings["settings"]["index"]["mapping"]["nested_objects"]["limit"]) == NESTED_OBJECTS_LIMIT

    agreement = published_agreement(title="Kesepakatan Bersama Arsip")
    document = AgreementDocumentFactory(agreement=agreement)
    DocumentPage.objects.bulk_create(
        DocumentPage(document=document, number=n, text=f"Halaman arsip nomor {n}.") for n in range(1, 10_501)
    )
    assert opensearch.index(records_for([agreement.pk])) == 1
    opensearch.refresh()

    assert titles_found(opensearch, "arsip") == 1


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("scheme", ["opensearch", "elasticsearch"])
def test_a_cluster_that_does_not_answer_raises_search_unavailable(scheme):
    engine = engine_for(f"{scheme}://127.0.0.1:{closed_port()}?index=nowhere")

    assert engine.ping() is False
    with pytest.raises(SearchUnavailable):
        engine.search(SearchRequest(text="air", audience=Audience.anonymous()))
    with pytest.raises(SearchUnavailable):
        engine.search_document(agreement_id=1, document_id=1, text="air", audience=Audience.anonymous())
    with pytest.raises(SearchUnavailable):
        engine.autocomplete(prefix="air", audience=Audience.anonymous())
    with pytest.raises(SearchUnavailable):
        engine.delete([1])
