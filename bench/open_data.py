#!/usr/bin/env python
"""Benchmark of the open-data publication: the JSON API, OCDS, DCAT and the bulk files.

    .venv/bin/python bench/open_data.py [--sizes 1000,5000] [--runs 5] [--reuse]

For each size N it uses bench/out/register-N.sqlite3 (migrate, then ``seed_demo --agreements N
--no-documents``; ``--reuse`` keeps an existing database, e.g. the one bench/catalogue.py built),
requests the API's lists, details, OCDS packages and DCAT pages as an anonymous client, and then
builds every bulk file of the whole public register once, printing each file's time, query count
and size.

The headline is that every URL's query count is the same at every size: the script exits with
status 1 when one differs. The bulk build reads the register in chunks of 500 agreements, so its
query count grows by a fixed number per chunk.
"""

import argparse
import json
import os
import sys
import time

from harness import (
    OUT,
    measure,
    prepare_database,
    print_register_sizes,
    print_views_table,
    run_benchmark,
    sizes_parser,
    views_headline,
)


def parse_args() -> argparse.Namespace:
    return sizes_parser(__doc__, sizes="1000,5000", runs=5).parse_args()


def main() -> int:
    args = parse_args()
    return run_benchmark(
        __file__,
        "open-data",
        args,
        worker=worker,
        report=lambda results: print_report(results, args),
        headline=views_headline,
    )


def print_report(results: dict[int, dict], args: argparse.Namespace) -> None:
    print_register_sizes(
        results, title="Open-data benchmark", runs=f"Anonymous client; median and p95 of {args.runs} runs per URL."
    )
    print_views_table(results)
    print()
    print("Bulk files of the whole public register, each built once (build_open_data --force):")
    sizes = sorted(results)
    columns = (f" | {'N=' + format(size, ','):>9} {'seconds':>8} {'queries':>8} {'MB':>8}" for size in sizes)
    print(f"{'file':<22}" + "".join(columns))
    for name in results[sizes[0]]["build"]:
        line = f"{name:<22}"
        for size in sizes:
            built = results[size]["build"][name]
            line += f" | {'':>9} {built['seconds']:>8.2f} {built['queries']:>8} {built['bytes'] / 1e6:>8.2f}"
        print(line)


def worker(size: int, args: argparse.Namespace) -> int:
    setup = prepare_database(size, reuse=args.reuse)

    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cooperation.models import Agreement, Sector
    from cooperation.selectors import public_agreements

    public = public_agreements()
    agreement = public.annotate(links=Count("children")).order_by("-links", "pk").first()
    sector = Sector.objects.filter(agreements__in=public).annotate(n=Count("pk")).order_by("-n").first()
    last_page = max(1, (public.count() + 99) // 100)

    client = Client()

    def url(name: str, path: str) -> dict:
        return measure(client, name, "anon", path, args.runs)

    views = [
        url("API agreements", "/api/v1/agreements"),
        url("API agreements, 100 a page", "/api/v1/agreements?page_size=100"),
        url("API agreements, last page of 100", f"/api/v1/agreements?page_size=100&page={last_page}"),
        url("API agreements filtered", f"/api/v1/agreements?status=in_force&sector={sector.pk}"),
        url("API agreements q=kesehatan", "/api/v1/agreements?q=kesehatan"),
        url("API agreements modified_since", "/api/v1/agreements?modified_since=2020-01-01"),
        url("API agreement", f"/api/v1/agreements/{agreement.pk}"),
        url("API partners", "/api/v1/partners?page_size=100"),
        url("API agencies", "/api/v1/agencies"),
        url("API sectors", "/api/v1/sectors"),
        url("API monev summaries", "/api/v1/monev?page_size=100"),
        url("OCDS record", f"/api/v1/ocds/records/{agreement.pk}"),
        url("OCDS releases, 100 a page", "/api/v1/ocds/releases?page_size=100"),
        url("OCDS records, 100 a page", "/api/v1/ocds/records?page_size=100"),
        url("DCAT Turtle, 100 a page", "/api/v1/dcat/catalog.ttl?page_size=100"),
        url("DCAT JSON-LD, 100 a page", "/api/v1/dcat/catalog.jsonld?page_size=100"),
        url("OpenAPI schema", "/api/v1/openapi.json"),
    ]

    from portal.open_data.bulk import BULK_FILES, build_open_data

    files = {}
    for name in BULK_FILES:  # one file at a time, as build_open_data does, each timed and counted
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            (outcome,) = build_open_data(force=True, names=[name])
            seconds = time.perf_counter() - started
        files[name] = {"seconds": seconds, "queries": len(queries.captured_queries), "bytes": outcome.file.size}
        print(f"   built {name}: {seconds:.2f} s, {len(queries.captured_queries)} queries", flush=True)
    views.append(url("bulk file list", "/api/v1/bulk"))

    result = {
        "size": size,
        "database": f"SQLite {connection.Database.sqlite_version}",
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "setup": {**setup, "agreements": Agreement.objects.count(), "public": public.count()},
        "views": views,
        "build": files,
    }
    (OUT / f"open-data-{size}.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
