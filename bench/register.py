#!/usr/bin/env python
"""Benchmark of the agreement register's admin views at several register sizes.

    .venv/bin/python bench/register.py [--sizes 1000,100000] [--runs 7] [--reuse]

For each size N it builds a separate SQLite database (bench/out/register-N.sqlite3: migrate,
then ``seed_demo --agreements N --no-documents``), then requests the admin views with Django's
test Client as the demo administrator and as the demo Staf OPD user, and records per view the
number of SQL queries and the median wall time over several runs (CSV exports: also the size).

The headline is that the admin list costs the same number of queries at 1,000 and at 100,000
agreements: anything else means a query per row crept in. The script exits with status 1 when
the list query counts differ between sizes, so ``make bench`` fails on that regression.

Each size runs in its own child process (Django settles its database once per process); the
parent only collects the JSON each child writes and prints the tables. Nothing is interactive.
"""

import argparse
import json
import os
import sys

from harness import OUT, prepare_database, run_sizes, sizes_from, sizes_parser
from harness import measure as measure_url

LIST_URL = "/admin/snippets/cooperation/agreement/"


def parse_args() -> argparse.Namespace:
    parser = sizes_parser(__doc__, sizes="1000,100000", runs=7)
    parser.add_argument("--export-runs", type=int, default=3, help="timed runs per CSV export")
    parser.add_argument(
        "--search-runs", type=int, default=1, help="timed runs of the admin search (slow on SQLite at large N)"
    )
    return parser.parse_args()


# -- the parent: run one child per size, then print -------------------------------------------


def main() -> int:
    args = parse_args()
    if args.worker is not None:
        return worker(args.worker, args)
    worker_args = ["--runs", str(args.runs), "--export-runs", str(args.export_runs)]
    worker_args += ["--search-runs", str(args.search_runs)] + (["--reuse"] if args.reuse else [])
    results = run_sizes(__file__, "register", sizes_from(args.sizes), worker_args)
    print_report(results, args)
    return headline(results)


def print_report(results: dict[int, dict], args: argparse.Namespace) -> None:
    sizes = sorted(results)
    first = results[sizes[0]]
    print()
    print(f"Register benchmark - {first['database']}, settings {first['settings']} (DEBUG off), {first['python']}")
    print(
        f"Median of {args.runs} runs per page, {args.export_runs} per CSV export, {args.search_runs} per search "
        "(no warm-up for exports and search); queries counted per request."
    )
    print()
    for size in sizes:
        setup = results[size]["setup"]
        print(
            f"N = {size:>9,}: migrate {setup['migrate_s']:.1f} s, seed_demo {setup['seed_s']:.1f} s, "
            f"{setup['agreements']:,} agreements ({setup['in_force']:,} in force, {setup['expiring']:,} ending "
            f"within 6 months), database {setup['db_mb']:.0f} MB"
        )
    print()
    head = f"{'view':<34} {'user':<6}"
    for size in sizes:
        head += f" | {'N=' + format(size, ','):>11} {'queries':>7} {'median':>9} {'bytes':>11}"
    print(head)
    print("-" * len(head))
    for index, row in enumerate(first["views"]):
        line = f"{row['name']:<34} {row['user']:<6}"
        for size in sizes:
            other = results[size]["views"][index]
            varied = "*" if other["queries_varied"] else " "
            line += (
                f" | {'':>11} {other['queries']:>6}{varied} {other['median_ms']:>7.1f}ms {other['bytes']:>11,}"
                if other["status"] == 200
                else f" | {'HTTP ' + str(other['status']):>11} {'':>7} {'':>9} {'':>11}"
            )
        print(line)
    print()
    print("* the query count varied between runs (the maximum is shown)")
    print("URLs:")
    for row in first["views"]:
        print(f"  {row['name']:<34} {row['url']}")


def headline(results: dict[int, dict]) -> int:
    sizes = sorted(results)
    print()
    lists = [row for row in results[sizes[0]]["views"] if row["name"].startswith("list")]
    if len(sizes) < 2:
        counts = ", ".join(f"{row['name']} ({row['user']}) {row['queries']}" for row in lists)
        print(f"Only one size measured (N = {sizes[0]:,}); query counts: {counts}.")
        return 0
    failed = False
    for index, row in enumerate(results[sizes[0]]["views"]):
        if not row["name"].startswith("list"):
            continue
        counts = [results[size]["views"][index]["queries"] for size in sizes]
        same = len(set(counts)) == 1
        failed |= not same
        shown = ", ".join(f"N={size:,}: {count}" for size, count in zip(sizes, counts, strict=True))
        print(f"{'OK  ' if same else 'FAIL'} {row['name']} ({row['user']}): {shown} queries")
    verdict = "constant" if not failed else "NOT constant: a query per row has crept in"
    print(f"Admin list query count across sizes: {verdict}.")
    return 1 if failed else 0


# -- the child: one database, one size -------------------------------------------------------


def worker(size: int, args: argparse.Namespace) -> int:
    setup = prepare_database(size, reuse=args.reuse)

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cooperation.demo.planner import DEMO_MARKER
    from cooperation.models import Agreement, AgreementStatus, CooperationKind

    users = {name: get_user_model().objects.get(username=name) for name in ("admin", "opd")}
    ksdpk = CooperationKind.objects.get(code="KSDPK").pk
    # The first showcase family: a KSB with PKS children, parties, sectors and a status history.
    chained = Agreement.objects.get(internal_notes__startswith=f"{DEMO_MARKER}000000")
    own = Agreement.objects.filter(initiating_agency=users["opd"].agency_membership.agency).order_by("pk").first()

    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)

    def measure(name: str, user: str, url: str, runs: int, *, warm: bool = True) -> dict:
        return measure_url(clients[user], name, user, url, runs, warm=warm)

    runs, export_runs, search_runs = args.runs, args.export_runs, args.search_runs
    views = [
        measure("list", "admin", LIST_URL, runs),
        measure("list page 2", "admin", f"{LIST_URL}?p=2", runs),
        measure("list filtered (in force, KSDPK)", "admin", f"{LIST_URL}?status=in_force&kind={ksdpk}", runs),
        measure("list filtered (Akan Berakhir)", "admin", f"{LIST_URL}?status=expiring", runs),
        # Wagtail's SQLite FTS backend ranks with a per-row subquery: minutes at 100,000 records.
        measure("list search 'smart city'", "admin", f"{LIST_URL}?q=smart+city", search_runs, warm=False),
        measure("inspect (KSB with PKS chain)", "admin", f"{LIST_URL}inspect/{chained.pk}/", runs),
        measure("dashboard (admin home)", "admin", "/admin/", runs),
        measure("export CSV (whole register)", "admin", f"{LIST_URL}?export=csv", export_runs, warm=False),
        measure(
            "export CSV (Akan Berakhir)", "admin", f"{LIST_URL}?status=expiring&export=csv", export_runs, warm=False
        ),
        measure("list (own agency only)", "opd", LIST_URL, runs),
        measure("list filtered (Akan Berakhir)", "opd", f"{LIST_URL}?status=expiring", runs),
        measure("inspect (own agency)", "opd", f"{LIST_URL}inspect/{own.pk}/", runs),
        measure("export CSV (own agency)", "opd", f"{LIST_URL}?export=csv", export_runs, warm=False),
    ]
    in_force = Agreement.objects.filter(status=AgreementStatus.IN_FORCE).count()
    result = {
        "size": size,
        "database": f"SQLite {connection.Database.sqlite_version}",
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "python": f"Python {sys.version.split()[0]}",
        "setup": {
            **setup,
            "agreements": Agreement.objects.count(),
            "in_force": in_force,
            "expiring": Agreement.objects.expiring_within().count(),
        },
        "views": views,
    }
    (OUT / f"register-{size}.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
