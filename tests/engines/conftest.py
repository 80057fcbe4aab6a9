"""The engine conformance suite: the same tests on every search engine that is available.

"database" always runs (on SQLite or PostgreSQL, whichever the run's DATABASE_URL names);
"opensearch" runs when OPENSEARCH_URL is set and "elasticsearch" when ELASTICSEARCH_URL is. A
missing cluster skips its tests with the reason, except under CI=true, where it fails them:
nothing may silently skip in CI. Each test session gets its own index prefix; every test starts
and ends with an empty index.
"""

import os
import uuid

import pytest

from cooperation.models import DocumentPage
from search.engines import engine_for
from search.records import records_for
from tests.services import missing

SESSION_PREFIX = f"test{uuid.uuid4().hex[:8]}"
CLUSTERS = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}
# Elasticsearch cannot run on the CI machines (docs/architecture): only OpenSearch is required there.
REQUIRED_IN_CI = {"opensearch"}


def cluster_url(name: str, url: str) -> str:
    """OPENSEARCH_URL may be "http://host:9200" or already "opensearch://host:9200"."""
    for plain, scheme in (("http://", name), ("https://", f"{name}s")):
        if url.startswith(plain):
            url = f"{scheme}://{url[len(plain) :]}"
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}index={SESSION_PREFIX}{name[:2]}"


@pytest.fixture(params=["database", "opensearch", "elasticsearch"])
def engine(request, db):
    name = request.param
    if name == "database":
        built = engine_for("database")
    else:
        variable = CLUSTERS[name]
        url = os.environ.get(variable, "").strip()
        if not url:
            missing(
                f"{variable} is not set: no {name} to run the conformance suite on", required=name in REQUIRED_IN_CI
            )
        built = engine_for(cluster_url(name, url))
        if not built.ping():
            missing(f"{name} at {url} does not answer", required=True)
    built.clear()
    yield built
    built.clear()


def add_pages(document, *texts: str) -> list[DocumentPage]:
    """Pages 1..n of `document` with these texts, as text extraction would store them."""
    return [DocumentPage.objects.create(document=document, number=n, text=text) for n, text in enumerate(texts, 1)]


def index(engine, *agreements) -> None:
    engine.index(records_for([agreement.pk for agreement in agreements]))
    engine.refresh()
