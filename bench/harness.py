"""What every benchmark here shares: a seeded SQLite database per size, and timing one URL.

Each size runs in its own child process (Django settles its database once per process), so the
benchmarks call `prepare_database` in a child and `measure` for each URL.
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def sizes_parser(doc: str, *, sizes: str, runs: int) -> argparse.ArgumentParser:
    """The options every size benchmark takes: --sizes, --runs, --reuse, and the hidden --worker N
    that `run_sizes` passes to the child for one size."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--sizes", default=sizes, help=f"comma-separated register sizes (default {sizes})")
    parser.add_argument("--runs", type=int, default=runs, help="timed runs per page (median reported)")
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database (seed only tops up)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    return parser


def sizes_from(text: str) -> list[int]:
    return [int(size.replace("_", "")) for size in text.split(",") if size.strip()]


def run_sizes(script: str, name: str, sizes: list[int], worker_args: list[str]) -> dict[int, dict]:
    """Run `script --worker N` once per size in its own process and collect bench/out/<name>-N.json."""
    OUT.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in sizes:
        print(f"== N = {size:,}: building and measuring (bench/out/register-{size}.sqlite3) ...", flush=True)
        subprocess.run([sys.executable, script, "--worker", str(size), *worker_args], cwd=ROOT, check=True)
        results[size] = json.loads((OUT / f"{name}-{size}.json").read_text())
    return results


def prepare_database(size: int, *, reuse: bool) -> dict:
    """Migrate and seed `bench/out/register-<size>.sqlite3` (shared by the benchmarks) and set Django up."""
    database = OUT / f"register-{size}.sqlite3"
    if not reuse:
        for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["PRIVATE_MEDIA_ROOT"] = str(OUT / f"media-{size}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command

    # Timings should not include DEBUG-only work; the Client talks to "testserver".
    settings.DEBUG = False
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    call_command(
        "seed_demo", agreements=size, no_documents=True, no_progress=True, no_search_index=True, stdout=io.StringIO()
    )
    seeded = time.perf_counter()
    print(f"   migrate {migrated - started:.1f} s, seed_demo {seeded - migrated:.1f} s", flush=True)
    return {"migrate_s": migrated - started, "seed_s": seeded - migrated, "db_mb": database.stat().st_size / 1e6}


def measure(client, name: str, user: str, url: str, runs: int, *, warm: bool = True) -> dict:
    """Median wall time and the query count of GETting `url` (streamed bodies read to the end)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if warm:  # imports, template loading, content types
        fetch(client, url)
    timings, counts = [], set()
    status, body = 0, b""
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            status, body = fetch(client, url)
            timings.append(time.perf_counter() - begin)
        counts.add(len(queries.captured_queries))
    row = {
        "name": name,
        "user": user,
        "url": url,
        "status": status,
        "queries": max(counts),
        "queries_varied": len(counts) > 1,
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": sorted(timings)[max(0, round(0.95 * len(timings)) - 1)] * 1000,
        "min_ms": min(timings) * 1000,
        "bytes": len(body),
    }
    print(
        f"   {name:<38} {user:<6} HTTP {status} {row['queries']:>4} queries {row['median_ms']:>9.1f} ms "
        f"{len(body):>11,} bytes",
        flush=True,
    )
    return row


def fetch(client, url: str) -> tuple[int, bytes]:
    """GET the URL and read the whole body, streamed exports included (their queries run while streaming)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def print_views_table(results: dict[int, dict]) -> None:
    """One line per measured URL, one column group per size: queries, median, p95 and bytes."""
    sizes = sorted(results)
    first = results[sizes[0]]
    print()
    head = f"{'page':<40}"
    for size in sizes:
        head += f" | {'N=' + format(size, ','):>11} {'queries':>7} {'median':>10} {'p95':>10} {'bytes':>12}"
    print(head)
    print("-" * len(head))
    for index, row in enumerate(first["views"]):
        line = f"{row['name']:<40}"
        for size in sizes:
            other = results[size]["views"][index]
            if other["status"] != 200:
                line += f" | {'HTTP ' + str(other['status']):>11} {'':>7} {'':>10} {'':>10} {'':>12}"
                continue
            varied = "*" if other["queries_varied"] else " "
            line += (
                f" | {'':>11} {other['queries']:>6}{varied} {other['median_ms']:>8.1f}ms {other['p95_ms']:>8.1f}ms"
                f" {other['bytes']:>12,}"
            )
        print(line)
    print()
    print("* the query count varied between runs (the maximum is shown)")
    print("URLs (at the largest size):")
    for row in results[sizes[-1]]["views"]:
        print(f"  {row['name']:<40} {row['url']}")


def views_headline(results: dict[int, dict], *, chunked=lambda name: False, chunk_note: str = "") -> int:
    """Exit status 1 when a URL's query count differs between sizes (`chunked` ones may grow per chunk)."""
    sizes = sorted(results)
    print()
    if len(sizes) < 2:
        print(f"Only one size measured (N = {sizes[0]:,}).")
        return 0
    failed = False
    for index, row in enumerate(results[sizes[0]]["views"]):
        counts = [results[size]["views"][index]["queries"] for size in sizes]
        if chunked(row["name"]):
            public = [results[size]["setup"]["public"] for size in sizes]
            shown = ", ".join(f"{count} for {rows:,} rows" for count, rows in zip(counts, public, strict=True))
            print(f"     {row['name']}: {shown} queries (chunked, {chunk_note})")
            continue
        same = len(set(counts)) == 1
        failed |= not same
        shown = ", ".join(f"N={size:,}: {count}" for size, count in zip(sizes, counts, strict=True))
        print(f"{'OK  ' if same else 'FAIL'} {row['name']}: {shown} queries")
    print(f"Query counts across sizes: {'constant' if not failed else 'NOT constant: a query per row crept in'}.")
    return 1 if failed else 0


def run_benchmark(script: str, name: str, args, *, worker, report, headline, worker_args: list[str] = ()) -> int:
    """The main() of a size benchmark: one size in a child (`--worker N`), else all sizes, the report, the verdict."""
    if args.worker is not None:
        return worker(args.worker, args)
    passed = ["--runs", str(args.runs), *worker_args] + (["--reuse"] if args.reuse else [])
    results = run_sizes(script, name, sizes_from(args.sizes), passed)
    report(results)
    return headline(results)


def print_register_sizes(results: dict[int, dict], *, title: str, runs: str) -> None:
    """The heading of a public benchmark: engine and settings, what was timed, and each size's register."""
    sizes = sorted(results)
    first = results[sizes[0]]
    print()
    print(f"{title} - {first['database']}, settings {first['settings']} (DEBUG off)")
    print(runs)
    for size in sizes:
        setup = results[size]["setup"]
        print(
            f"N = {size:>9,}: {setup['agreements']:,} agreements, {setup['public']:,} published, "
            f"database {setup['db_mb']:.0f} MB"
        )
