#!/usr/bin/env python
"""Search benchmark: indexing throughput and query latency of every engine over a large register.

    .venv/bin/python bench/search.py [--agreements 20000] [--pages 200000] [--runs 30] [--reuse]
                                     [--engines database,opensearch] [--opensearch-url URL]

Data: bench/out/search-<N>.sqlite3 (migrate, ``seed_demo --agreements N --no-documents``, which
publishes most signed agreements), then bench/search_data.py writes documents and their page
text straight into the database (one to three documents per agreement, ~10% restricted, 250-400
words of Indonesian agreement prose a page, a few invented words planted on known pages).
``--reuse`` keeps that database, so a rerun only measures. With a PostgreSQL ``DATABASE_URL`` in
the environment the database engine runs on that database instead (it is migrated, seeded and
filled the same way; the generated documents are replaced when their number differs).

Engines: the database engine (SQLite FTS5 or PostgreSQL full-text search) always; OpenSearch when
``--opensearch-url`` or ``OPENSEARCH_URL`` names a node (http://host:port or opensearch://host:port;
it writes under its own index prefix, ``simboisker-bench``, never the dev site's index).

For each engine it prints:
- indexing: a full ``engine.rebuild(all_records(), total=...)`` after ``clear()`` (agreements/s,
  pages/s), and incremental ``engine.index(records_for(batch))`` of random batches of 200;
- query latency p50/p95 of ``engine.search()`` (and search_document / autocomplete) wall time for
  a mix of queries, after two warm-up runs;
- the public catalogue page ``GET /katalog/?q=...`` through Django's test Client (median, queries);
- OpenSearch: our wall time divided by the engine's own ``took`` for the same query;
- the index size (table sizes on SQLite/PostgreSQL, ``_stats`` store size on OpenSearch);
- checks: the planted words are found by exactly the audiences that may see them.
Figures go to bench/out/search-<N>.json. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from harness import OUT, ROOT, measure

BENCH_INDEX_PREFIX = "simboisker-bench"
WARMUP = 2
MIN_RUNS = 5
INCREMENTAL_BATCHES = 5
INCREMENTAL_SIZE = 200


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agreements", type=int, default=20_000, help="agreements in the register (default 20000)")
    parser.add_argument("--pages", type=int, default=200_000, help="document pages in total (default 200000)")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query after 2 warm-ups (default 30)")
    parser.add_argument("--page-runs", type=int, default=10, help="timed runs per catalogue page (default 10)")
    parser.add_argument("--reuse", action="store_true", help="keep the bench database and its generated pages")
    parser.add_argument("--engines", default="database,opensearch", help="comma-separated: database, opensearch")
    parser.add_argument("--opensearch-url", default=os.environ.get("OPENSEARCH_URL", ""), help="an OpenSearch node")
    parser.add_argument(
        "--query-budget",
        type=float,
        default=20.0,
        help="seconds of timed runs per query; a slow query stops early, after at least 5 runs (default 20)",
    )
    parser.add_argument("--skip-read-pass", action="store_true", help="do not time reading every record alone")
    return parser.parse_args()


# -- data ---------------------------------------------------------------------------------------------


def prepare(args: argparse.Namespace) -> dict:
    """Set Django up on the bench database, seeded and filled with pages; returns what the data is."""
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://", "pgsql://"))
    database = None
    if not postgres:
        database = OUT / f"search-{args.agreements}.sqlite3"
        if not args.reuse:
            for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
                leftover.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["PRIVATE_MEDIA_ROOT"] = str(OUT / f"media-search-{args.agreements}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["SEARCH_URL"] = ""  # the engines are switched below, through settings.SEARCH_URL
    sys.path.insert(0, str(ROOT))
    OUT.mkdir(parents=True, exist_ok=True)

    import django

    django.setup()

    import search_data
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from cooperation.models import Agreement, AgreementDocument, DocumentPage
    from search.models import PendingIndexUpdate

    settings.DEBUG = False  # no query log, no debug-only work in the timings
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    setup: dict = {"database": _database_label(connection), "settings": os.environ["DJANGO_SETTINGS_MODULE"]}
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    setup["migrate_s"] = time.perf_counter() - started
    if Agreement.objects.count() < args.agreements:
        started = time.perf_counter()
        print(f"   seed_demo --agreements {args.agreements} --no-documents ...", flush=True)
        call_command("seed_demo", agreements=args.agreements, no_documents=True, no_progress=True, stdout=io.StringIO())
        setup["seed_s"] = time.perf_counter() - started

    manifest_path = OUT / f"search-{args.agreements}-{connection.vendor}-pages.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    if not (manifest.get("pages") == args.pages and search_data.generated_pages() == args.pages):
        search_data.remove_generated()
        started = time.perf_counter()
        planted = search_data.generate(args.pages)
        setup["generate_s"] = time.perf_counter() - started
        manifest = {"pages": args.pages, "seed": search_data.SEED, "planted": search_data.planted_as_dicts(planted)}
        manifest_path.write_text(json.dumps(manifest, indent=2))
    # Nothing may be waiting to be indexed: the benchmark indexes the register itself.
    setup["outbox_rows_dropped"] = PendingIndexUpdate.objects.count()
    PendingIndexUpdate.objects.all().delete()

    from cooperation.selectors.public import public_agreements

    documents = AgreementDocument.objects.filter(file__startswith=search_data.FILE_PREFIX)
    pages = DocumentPage.objects.filter(document__file__startswith=search_data.FILE_PREFIX)
    sample = list(pages.order_by("?").values_list("text", flat=True)[:200])
    setup.update(
        agreements=Agreement.objects.count(),
        public=public_agreements().count(),
        documents=documents.count(),
        restricted_documents=documents.filter(classification="restricted").count(),
        pages=pages.count(),
        words_per_page=round(statistics.mean(len(text.split()) for text in sample)) if sample else 0,
        planted=manifest["planted"],
    )
    if database is not None:
        setup["db_mb"] = database.stat().st_size / 1e6
    return setup


def _database_label(connection) -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    return connection.vendor


# -- engines ------------------------------------------------------------------------------------------


def engine_urls(args: argparse.Namespace) -> list[tuple[str, str]]:
    wanted = [name.strip() for name in args.engines.split(",") if name.strip()]
    urls = []
    for name in wanted:
        if name == "database":
            urls.append(("database", ""))
        elif name == "opensearch":
            if not args.opensearch_url:
                print("   (OpenSearch skipped: give --opensearch-url or OPENSEARCH_URL)", flush=True)
                continue
            urls.append(("opensearch", opensearch_search_url(args.opensearch_url)))
        else:
            raise SystemExit(f"unknown engine {name!r}: database or opensearch")
    return urls


def opensearch_search_url(url: str) -> str:
    """A SEARCH_URL for the node, under the benchmark's own index prefix."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    scheme = {"http": "opensearch", "https": "opensearchs"}.get(parts.scheme, parts.scheme)
    query = parts.query or f"index={BENCH_INDEX_PREFIX}"
    return f"{scheme}://{parts.netloc}?{query}"


def index_size(engine) -> dict:
    """Bytes the index takes: the search tables (and FTS shadow tables) or the cluster's store size."""
    from django.db import connection

    if engine.name == "database":
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                try:
                    cursor.execute(
                        "SELECT m.tbl_name, SUM(d.pgsize) FROM dbstat d JOIN sqlite_master m ON m.name = d.name "
                        "WHERE m.tbl_name LIKE 'agreement_search_search%' OR m.tbl_name LIKE 'search_%fts%' "
                        "GROUP BY m.tbl_name"
                    )
                except Exception:  # SQLite built without dbstat
                    return {"bytes": None, "tables": {}}
                tables = {name: int(size) for name, size in cursor.fetchall()}
            return {"bytes": sum(tables.values()), "tables": tables}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, pg_total_relation_size(oid) FROM pg_class "
                "WHERE relkind = 'r' AND relname LIKE 'agreement_search_search%'"
            )
            tables = {name: int(size) for name, size in cursor.fetchall()}
        return {"bytes": sum(tables.values()), "tables": tables}
    stats = engine.client.indices.stats(index=engine.alias, metric="store,docs")
    primaries = stats["_all"]["primaries"]
    return {
        "bytes": primaries["store"]["size_in_bytes"],
        "docs_incl_nested": primaries["docs"]["count"],
        "tables": {name: data["primaries"]["store"]["size_in_bytes"] for name, data in stats["indices"].items()},
    }


@dataclass
class Query:
    name: str
    kind: str  # "search", "document" or "autocomplete"
    text: str
    audience: object = None
    filters: dict = field(default_factory=dict)
    sort: str = "relevansi"
    facets: bool = False
    document: tuple[int, int] | None = None  # (agreement id, document id) for "document"


def query_mix(setup: dict) -> list[Query]:
    """The queries every engine runs: the same objects, so the figures compare like with like."""
    from django.db.models import Count

    from cooperation.models import Agreement, Sector
    from search.engines.base import SORT_NEWEST, Audience

    public = Audience.anonymous()
    agency_id = (
        Agreement.objects.exclude(initiating_agency=None)
        .values("initiating_agency")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["initiating_agency"]
    )
    staff = Audience(public=False, agency_ids=frozenset({agency_id}), restricted_documents=False)
    region = Audience(public=False, agency_ids=None, restricted_documents=True)
    sector = Sector.objects.annotate(n=Count("agreements")).order_by("-n").first()
    planted = {row["word"]: row for row in setup["planted"]}
    rare = planted["zamrudwangi"]
    document = (rare["agreement_id"], rare["document_id"])
    return [
        Query("common word", "search", "pelaksanaan", public),
        Query("common word, facets on", "search", "pelaksanaan", public, facets=True),
        Query("rare word", "search", "zamrudwangi", public),
        Query("two words", "search", "stunting gizi", public),
        Query('phrase "penyelesaian perselisihan"', "search", '"penyelesaian perselisihan"', public),
        Query("typo (kesehatn)", "search", "kesehatn", public),
        Query(
            "filters + facets",
            "search",
            "pelayanan",
            public,
            filters={"status": ["in_force"], "sector": [str(sector.pk)]},
            facets=True,
        ),
        Query("sort by newest", "search", "pelayanan", public, sort=SORT_NEWEST),
        Query("staff: one agency", "search", "pelaksanaan", staff),
        Query("staff: region-wide + restricted", "search", "pelaksanaan", region),
        Query("within one document (common)", "document", "pelaksanaan", public, document=document),
        Query("within one document (rare)", "document", "zamrudwangi", public, document=document),
        Query("autocomplete 'kese'", "autocomplete", "kese", public),
        Query("autocomplete 'univ'", "autocomplete", "univ", public),
    ]


def run_query(engine, query: Query):
    """One run; returns (wall seconds, engine took ms or None, result count)."""
    from search.engines.base import SearchRequest

    begin = time.perf_counter()
    if query.kind == "search":
        response = engine.search(
            SearchRequest(
                text=query.text,
                audience=query.audience,
                filters=query.filters,
                sort=query.sort,
                facets=query.facets,
            )
        )
        return time.perf_counter() - begin, response.took_ms, response.total
    if query.kind == "document":
        agreement_id, document_id = query.document
        hits = engine.search_document(
            agreement_id=agreement_id, document_id=document_id, text=query.text, audience=query.audience
        )
        return time.perf_counter() - begin, None, len(hits)
    found = engine.autocomplete(prefix=query.text, audience=query.audience)
    return time.perf_counter() - begin, None, len(found)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def time_query(engine, query: Query, runs: int, budget: float) -> dict:
    for _ in range(WARMUP):
        run_query(engine, query)
    walls, tooks, count = [], [], 0
    started = time.perf_counter()
    for _ in range(runs):
        wall, took, count = run_query(engine, query)
        walls.append(wall * 1000)
        if took is not None:
            tooks.append(took)
        if len(walls) >= MIN_RUNS and time.perf_counter() - started > budget:
            break
    row = {
        "name": query.name,
        "text": query.text,
        "results": count,
        "runs": len(walls),
        "p50_ms": statistics.median(walls),
        "p95_ms": percentile(walls, 0.95),
        "max_ms": max(walls),
        "took_p50_ms": statistics.median(tooks) if tooks else None,
    }
    if engine.name != "database" and tooks and row["took_p50_ms"]:
        row["ratio"] = row["p50_ms"] / row["took_p50_ms"]
    print(
        f"   {query.name:<36} {count:>6} results  p50 {row['p50_ms']:>8.1f} ms  p95 {row['p95_ms']:>8.1f} ms"
        + (f"  took {row['took_p50_ms']:>7.1f} ms" if row["took_p50_ms"] is not None else "")
        + (f"  ({len(walls)} runs)" if len(walls) < runs else ""),
        flush=True,
    )
    return row


class TookRecorder:
    """Notes the `took_ms` of every search the engine answers while a page is rendered."""

    def __init__(self, engine):
        self.engine = engine
        self.tooks: list[float] = []

    def __enter__(self):
        original = type(self.engine).search

        def search(request):
            response = original(self.engine, request)
            self.tooks.append(response.took_ms)
            return response

        self.engine.search = search
        return self

    def __exit__(self, *exc):
        del self.engine.search


def bench_engine(label: str, url: str, args: argparse.Namespace, setup: dict) -> dict:
    from django.conf import settings
    from django.test import Client
    from tqdm import tqdm

    from search.engines import get_engine, reset_engine_cache
    from search.records import all_records, record_count, records_for

    settings.SEARCH_URL = url
    reset_engine_cache()
    engine = get_engine()
    if not engine.ping():
        raise SystemExit(f"{label}: the engine at {url!r} does not answer")
    print(f"\n== {label} ({engine!r})", flush=True)
    result: dict = {"engine": label, "search_url": url}
    if label == "opensearch":
        result["version"] = engine.client.info()["version"]["number"]

    begin = time.perf_counter()
    engine.clear()
    result["clear_s"] = time.perf_counter() - begin
    total = record_count()
    bar = tqdm(total=total, unit="agreement", desc=f"{label}: rebuild", mininterval=1)
    begin = time.perf_counter()
    written = engine.rebuild(all_records(), total=total, progress=bar.update)
    engine.refresh()
    seconds = time.perf_counter() - begin
    bar.close()
    result["rebuild"] = {
        "seconds": seconds,
        "agreements": written,
        "pages": setup["pages"],
        "agreements_per_s": written / seconds,
        "pages_per_s": setup["pages"] / seconds,
    }
    print(
        f"   rebuild: {written:,} agreements, {setup['pages']:,} pages in {seconds:.1f} s = "
        f"{written / seconds:,.0f} agreements/s, {setup['pages'] / seconds:,.0f} pages/s",
        flush=True,
    )
    result["index_size"] = index_size(engine)
    if result["index_size"]["bytes"]:
        print(f"   index size: {result['index_size']['bytes'] / 1e6:,.0f} MB", flush=True)

    # Incremental: what the outbox drain does, batch by batch.
    from cooperation.models import Agreement

    rng = random.Random(7)
    ids = list(Agreement.objects.values_list("pk", flat=True))
    read_s = write_s = 0.0
    agreements = pages = 0
    for _ in range(INCREMENTAL_BATCHES):
        batch = rng.sample(ids, INCREMENTAL_SIZE)
        begin = time.perf_counter()
        records = list(records_for(batch))
        middle = time.perf_counter()
        engine.index(records)
        engine.refresh()
        end = time.perf_counter()
        read_s += middle - begin
        write_s += end - middle
        agreements += len(records)
        pages += sum(len(record.pages) for record in records)
    result["incremental"] = {
        "batches": INCREMENTAL_BATCHES,
        "batch_size": INCREMENTAL_SIZE,
        "agreements": agreements,
        "pages": pages,
        "read_s": read_s,
        "index_s": write_s,
        "agreements_per_s": agreements / (read_s + write_s),
        "pages_per_s": pages / (read_s + write_s),
    }
    print(
        f"   incremental: {agreements:,} agreements / {pages:,} pages in {read_s + write_s:.1f} s "
        f"(records {read_s:.1f} s, engine.index+refresh {write_s:.1f} s) = "
        f"{agreements / (read_s + write_s):,.0f} agreements/s, {pages / (read_s + write_s):,.0f} pages/s",
        flush=True,
    )

    print(f"   queries: engine wall time, {WARMUP} warm-ups then {args.runs} runs", flush=True)
    result["queries"] = [time_query(engine, query, args.runs, args.query_budget) for query in query_mix(setup)]

    print(f"   public catalogue page, {args.page_runs} runs", flush=True)
    client = Client()
    result["pages"] = []
    for name, url_path in (
        ("catalogue ?q=pelaksanaan", "/katalog/?q=pelaksanaan"),
        ("catalogue ?q=zamrudwangi", "/katalog/?q=zamrudwangi"),
    ):
        with TookRecorder(engine) as recorder:
            row = measure(client, name, "anon", url_path, args.page_runs)
        tooks = recorder.tooks[1:]  # the first belongs to the warm-up
        row["took_p50_ms"] = statistics.median(tooks) if tooks else None
        if engine.name != "database" and row["took_p50_ms"]:
            row["ratio"] = row["median_ms"] / row["took_p50_ms"]
        result["pages"].append(row)

    result["checks"] = checks(engine, setup)
    return result


def checks(engine, setup: dict) -> list[dict]:
    """The planted words, found by exactly the audiences that may see them."""
    from search.engines.base import Audience, SearchRequest

    public = Audience.anonymous()
    region = Audience(public=False, agency_ids=None, restricted_documents=True)
    region_no_perm = Audience(public=False, agency_ids=None, restricted_documents=False)
    rows = []
    for planted in setup["planted"]:
        expected = {
            "public_document": {"public": True, "staff without perm": True, "region-wide": True},
            "restricted_document": {"public": False, "staff without perm": False, "region-wide": True},
            "unpublished_agreement": {"public": False, "staff without perm": True, "region-wide": True},
        }[planted["where"]]
        for who, audience in (("public", public), ("staff without perm", region_no_perm), ("region-wide", region)):
            response = engine.search(SearchRequest(text=planted["word"], audience=audience, facets=False))
            ids = [hit.agreement_id for hit in response.hits]
            found = planted["agreement_id"] in ids
            page_ok = any(
                snippet.page_number == planted["page_number"]
                for hit in response.hits
                if hit.agreement_id == planted["agreement_id"]
                for snippet in hit.snippets
            )
            ok = found == expected[who] and (not found or page_ok) and (found or response.total == 0)
            rows.append(
                {
                    "word": planted["word"],
                    "audience": who,
                    "expected": expected[who],
                    "found": found,
                    "snippet_on_planted_page": page_ok,
                    "total": response.total,
                    "corrected": response.corrected,
                    "ok": ok,
                }
            )
    bad = [row for row in rows if not row["ok"]]
    print(f"   checks: {len(rows) - len(bad)}/{len(rows)} as expected", flush=True)
    for row in bad:
        print(f"     UNEXPECTED {row}", flush=True)
    return rows


def read_pass() -> dict:
    """Reading every record alone (what the rebuild spends in the database, before any engine)."""
    from search.records import all_records

    begin = time.perf_counter()
    agreements = pages = 0
    for record in all_records():
        agreements += 1
        pages += len(record.pages)
    seconds = time.perf_counter() - begin
    print(f"   reading all records: {agreements:,} agreements, {pages:,} pages in {seconds:.1f} s", flush=True)
    return {"seconds": seconds, "agreements": agreements, "pages": pages}


# -- report -------------------------------------------------------------------------------------------


def print_report(result: dict) -> None:
    setup = result["setup"]
    engines = result["engines"]
    print()
    print(
        f"Search benchmark - {setup['database']}, settings {setup['settings']} (DEBUG off); "
        + ", ".join(f"{e['engine']}{' ' + e['version'] if e.get('version') else ''}" for e in engines)
    )
    print(
        f"{setup['agreements']:,} agreements ({setup['public']:,} public), {setup['documents']:,} documents "
        f"({setup['restricted_documents']:,} restricted), {setup['pages']:,} pages of ~{setup['words_per_page']} words"
    )
    if result.get("read_pass"):
        read = result["read_pass"]
        print(f"Reading every record (search.records.all_records) alone: {read['seconds']:.1f} s")
    print()
    head = (
        f"{'indexing':<14} | {'rebuild s':>9} {'agr/s':>7} {'pages/s':>8} | "
        f"{'incr. agr/s':>11} {'pages/s':>8} {'(read s':>8} {'index s)':>9} | {'index size':>10}"
    )
    print(head)
    print("-" * len(head))
    for e in engines:
        rebuild, incremental, size = e["rebuild"], e["incremental"], e["index_size"]["bytes"]
        print(
            f"{e['engine']:<14} | {rebuild['seconds']:>9.1f} {rebuild['agreements_per_s']:>7,.0f} "
            f"{rebuild['pages_per_s']:>8,.0f} | {incremental['agreements_per_s']:>11,.0f} "
            f"{incremental['pages_per_s']:>8,.0f} {incremental['read_s']:>8.1f} {incremental['index_s']:>9.1f} | "
            f"{(f'{size / 1e6:,.0f} MB' if size else '?'):>10}"
        )
    print()
    runs = result["runs"]
    head = f"{'query (' + str(runs) + ' runs, ms)':<38}"
    for e in engines:
        head += f" | {e['engine'][:10]:>10} {'n':>6} {'p50':>8} {'p95':>8}"
        if e["engine"] != "database":
            head += f" {'took':>7} {'ratio':>6}"
    print(head)
    print("-" * len(head))
    for index, query in enumerate(engines[0]["queries"]):
        line = f"{query['name']:<38}"
        for e in engines:
            row = e["queries"][index]
            runs_note = f"({row['runs']})" if row["runs"] < runs else ""
            line += f" | {runs_note:>10} {row['results']:>6} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f}"
            if e["engine"] != "database":
                took = row["took_p50_ms"]
                line += f" {took:>7.1f} {row['ratio']:>5.1f}x" if took else f" {'-':>7} {'-':>6}"
        print(line)
    if any(row["runs"] < runs for e in engines for row in e["queries"]):
        print(f"(n) = only n runs: the query's {result['query_budget']:.0f} s budget ran out")
    print()
    head = f"{'public page (median ms)':<38}"
    for e in engines:
        head += f" | {e['engine'][:10]:>10} {'queries':>7} {'median':>8} {'p95':>8}"
        if e["engine"] != "database":
            head += f" {'took':>7} {'ratio':>6}"
    print(head)
    print("-" * len(head))
    for index, page in enumerate(engines[0]["pages"]):
        line = f"{page['name']:<38}"
        for e in engines:
            row = e["pages"][index]
            status = "HTTP " + str(row["status"])
            line += f" | {status:>10} {row['queries']:>7} {row['median_ms']:>8.1f} {row['p95_ms']:>8.1f}"
            if e["engine"] != "database":
                took = row.get("took_p50_ms")
                line += f" {took:>7.1f} {row['ratio']:>5.1f}x" if took else f" {'-':>7} {'-':>6}"
        print(line)
    for e in engines:
        ratios = [row["ratio"] for row in e["queries"] if row.get("ratio")]
        if ratios:
            page_ratios = [row["ratio"] for row in e["pages"] if row.get("ratio")]
            print(
                f"\n{e['engine']}: end-to-end engine.search / took, "
                f"median over queries {statistics.median(ratios):.1f}x "
                f"(min {min(ratios):.1f}x, max {max(ratios):.1f}x)"
                + (f"; catalogue page / took median {statistics.median(page_ratios):.1f}x" if page_ratios else "")
            )
    print()
    for e in engines:
        bad = [row for row in e["checks"] if not row["ok"]]
        print(f"checks {e['engine']}: {len(e['checks']) - len(bad)}/{len(e['checks'])} as expected", end="")
        print("" if not bad else "; UNEXPECTED: " + "; ".join(f"{r['word']} {r['audience']}" for r in bad))


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    print(f"== search benchmark: {args.agreements:,} agreements, {args.pages:,} pages", flush=True)
    setup = prepare(args)
    print(
        f"   data ready: {setup['agreements']:,} agreements, {setup['documents']:,} documents, "
        f"{setup['pages']:,} pages",
        flush=True,
    )
    result = {
        "setup": setup,
        "runs": args.runs,
        "query_budget": args.query_budget,
        "page_runs": args.page_runs,
        "engines": [],
    }
    urls = engine_urls(args)
    if not args.skip_read_pass:
        result["read_pass"] = read_pass()
    for label, url in urls:
        engine_started = time.perf_counter()
        row = bench_engine(label, url, args, setup)
        row["total_s"] = time.perf_counter() - engine_started
        result["engines"].append(row)
    result["total_s"] = time.perf_counter() - started
    (OUT / f"search-{args.agreements}.json").write_text(json.dumps(result, indent=2, default=str))
    print_report(result)
    print(f"\nTotal {result['total_s'] / 60:.1f} min; figures in bench/out/search-{args.agreements}.json")
    return 0 if all(row["ok"] for e in result["engines"] for row in e["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
