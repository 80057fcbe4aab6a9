#!/usr/bin/env python
"""Benchmark of the public catalogue at several register sizes, as an anonymous visitor sees it.

    .venv/bin/python bench/catalogue.py [--sizes 2000,100000] [--runs 7] [--download-runs 1] [--reuse]

For each size N it uses bench/out/register-N.sqlite3 (migrate, then ``seed_demo --agreements N
--no-documents``, which publishes the signed agreements; ``--reuse`` keeps an existing database,
for instance the one bench/register.py built) and requests the public pages with Django's test
Client: home, the catalogue (plain, filtered, searched, deep pages), an agreement, a partner, an
agency, statistics, the feed, a sitemap section and the three downloads of the whole catalogue.
It prints per page the SQL query count and the median (and 95th percentile) wall time.

The headline is that every page's query count is the same at every size; the script exits with
status 1 when one differs, so a query per row cannot creep in unnoticed. Downloads stream the
whole list in chunks of 2,000 rows, so their count grows by a fixed number per chunk. Counts over
the whole register are cached per catalogue version: the "(cache cold)" rows are the first
visitor after a change, the others the visitors after.
"""

import argparse
import json
import os
import sys

from harness import (
    OUT,
    fetch,
    measure,
    prepare_database,
    print_register_sizes,
    print_views_table,
    run_benchmark,
    sizes_parser,
    views_headline,
)

CHUNK_NOTE = "a fixed number per 2,000 rows"


def parse_args() -> argparse.Namespace:
    parser = sizes_parser(__doc__, sizes="2000,100000", runs=7)
    parser.add_argument("--download-runs", type=int, default=1, help="timed runs per whole-catalogue download")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    return run_benchmark(
        __file__,
        "catalogue",
        args,
        worker=worker,
        report=lambda results: print_report(results, args),
        headline=headline,
        worker_args=["--download-runs", str(args.download_runs)],
    )


def print_report(results: dict[int, dict], args: argparse.Namespace) -> None:
    print_register_sizes(
        results,
        title="Public catalogue benchmark",
        runs=f"Anonymous visitor; median and p95 of {args.runs} runs per page, {args.download_runs} per download.",
    )
    print_views_table(results)


def headline(results: dict[int, dict]) -> int:
    # Streamed in chunks of 2,000 rows, a few queries each: grows with the rows, not per row.
    return views_headline(results, chunked=lambda name: name.startswith("download"), chunk_note=CHUNK_NOTE)


def worker(size: int, args: argparse.Namespace) -> int:
    setup = prepare_database(size, reuse=args.reuse)

    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from cooperation.models import Agreement, Sector
    from cooperation.selectors import public_agreements

    public = public_agreements()
    # The same kind of record at every size: the public agreement with the most chain links and parties.
    agreement = public.annotate(links=Count("children")).order_by("-links", "pk").first()
    partner_id = (
        public.values("parties__partner").exclude(parties__partner=None).annotate(n=Count("pk")).order_by("-n").first()
    )["parties__partner"]
    agency_id = public.values("initiating_agency").annotate(n=Count("pk")).order_by("-n").first()["initiating_agency"]
    sector = Sector.objects.filter(agreements__in=public).annotate(n=Count("pk")).order_by("-n").first()
    last_page = max(1, (public.count() + 19) // 20)

    client = Client()
    runs, download_runs = args.runs, args.download_runs

    def page(name: str, url: str) -> dict:
        return measure(client, name, "anon", url, runs)

    def download(name: str, url: str) -> dict:
        return measure(client, name, "anon", url, download_runs, warm=False)

    def cold(name: str, url: str) -> dict:
        """The first visitor after a change: whole-register counts computed, not read from the cache."""
        fetch(client, url)  # imports and templates, then forget the cached counts
        cache.clear()
        return measure(client, name, "anon", url, 1, warm=False)

    views = [
        cold("home (cache cold)", "/"),
        cold("catalogue (cache cold)", "/katalog/"),
        cold("statistics (cache cold)", "/statistik/"),
        page("home", "/"),
        page("home (English)", "/en/"),
        page("catalogue", "/katalog/"),
        page("catalogue page 2", "/katalog/?halaman=2"),
        page("catalogue last page", f"/katalog/?halaman={last_page}"),
        page("catalogue filtered (Berlaku + sector)", f"/katalog/?status=in_force&urusan={sector.pk}"),
        page("catalogue filtered (Akan Berakhir)", "/katalog/?status=expiring"),
        page("catalogue foreign, ending soonest", "/katalog/?lingkup=luar-negeri&urutan=berakhir"),
        page("catalogue search 'kesehatan'", "/katalog/?q=kesehatan"),
        page("catalogue (English)", "/en/katalog/"),
        page("agreement", f"/katalog/naskah/{agreement.pk}/"),
        page("agreement (English)", f"/en/katalog/naskah/{agreement.pk}/"),
        page("partner (most agreements)", f"/katalog/mitra/{partner_id}/"),
        page("agency (most agreements)", f"/katalog/opd/{agency_id}/"),
        page("statistics", "/statistik/"),
        page("Atom feed", "/katalog/feed/"),
        page("sitemap index", "/sitemap.xml"),
        page("sitemap: agreements, first file", "/sitemap-naskah.xml"),
        download("download CSV (whole catalogue)", "/katalog/unduh/csv/"),
        download("download JSON (whole catalogue)", "/katalog/unduh/json/"),
        download("download XLSX (whole catalogue)", "/katalog/unduh/xlsx/"),
    ]
    result = {
        "size": size,
        "database": f"SQLite {connection.Database.sqlite_version}",
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "setup": {**setup, "agreements": Agreement.objects.count(), "public": public.count()},
        "views": views,
    }
    (OUT / f"catalogue-{size}.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
