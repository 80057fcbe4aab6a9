#!/usr/bin/env python
"""Benchmark of monitoring and evaluation (monev) at several register sizes.

    .venv/bin/python bench/monev.py [--sizes 1000,5000] [--runs 5] [--reuse]

For each size N it uses the register database the other benchmarks share
(bench/out/register-N.sqlite3: migrate, then ``seed_demo --agreements N --no-documents``) and
replaces the demo's reporting history (where every closed period but a handful is reported) with
a report for about three of every four closed periods, in every verification state, two
indicators each: a register that is behind, as the secretariat usually finds it. Then it measures:

- the selectors behind every monev screen (the computed schedule for the whole region, the
  compliance per agency): wall time and SQL queries;
- the admin pages (Dasbor Monitoring, Laporan Monev, Jadwal Monev, the home page) as the demo
  administrator and as the demo Staf OPD user, and the public agreement page with the most reports;
- the upward reports for the last full year: Laporan Pelaksanaan as XLSX and PDF, the register as
  XLSX and CSV, with their sizes;
- `send_reminders`: the first run after the top-up and the run after it, which must send nothing.

The headline is that the page query counts are the same at every size. The script exits with
status 1 when they are not.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time

from harness import OUT, prepare_database, run_benchmark, sizes_parser
from harness import measure as measure_url

REPORTED_SHARE = 0.75


def parse_args() -> argparse.Namespace:
    return sizes_parser(__doc__, sizes="1000,5000", runs=5).parse_args()


def main() -> int:
    return run_benchmark(__file__, "monev", parse_args(), worker=worker, report=print_report, headline=headline)


def print_report(results: dict[int, dict]) -> None:
    sizes = sorted(results)
    print()
    for size in sizes:
        setup = results[size]["setup"]
        print(
            f"N = {size:>7,}: {setup['obligated']:,} agreements owing reports, {setup['periods']:,} closed periods, "
            f"{setup['reports']:,} reports ({setup['topped_up']:,} generated in {setup['top_up_s']:.1f} s)"
        )
    print()
    head = f"{'measure':<44}"
    for size in sizes:
        head += f" | {'N=' + format(size, ','):>9} {'queries':>7} {'median':>10} {'p95':>10} {'bytes':>11}"
    print(head)
    print("-" * len(head))
    for index, row in enumerate(results[sizes[0]]["rows"]):
        line = f"{row['name'] + ' (' + row['user'] + ')':<44}"
        for size in sizes:
            other = results[size]["rows"][index]
            if other.get("status", 200) != 200:
                line += f" | {'HTTP ' + str(other['status']):>9} {'':>7} {'':>10} {'':>10} {'':>11}"
                continue
            line += (
                f" | {'':>9} {other['queries']:>7} {other['median_ms']:>8.1f}ms {other['p95_ms']:>8.1f}ms"
                f" {other.get('bytes', 0):>11,}"
            )
        print(line)
    print()
    for size in sizes:
        reminders = results[size]["reminders"]
        print(
            f"send_reminders at N = {size:,}: first run {reminders['first_s']:.2f} s, sent {reminders['first']}; "
            f"second run {reminders['second_s']:.2f} s, sent {reminders['second']}"
        )


def headline(results: dict[int, dict]) -> int:
    sizes = sorted(results)
    print()
    failed = any(results[size]["reminders"]["second_total"] for size in sizes)
    if failed:
        print("FAIL send_reminders sent something twice.")
    if len(sizes) < 2:
        print(f"Only one size measured (N = {sizes[0]:,}).")
        return 1 if failed else 0
    for index, row in enumerate(results[sizes[0]]["rows"]):
        if not row.get("page"):
            continue
        counts = [results[size]["rows"][index]["queries"] for size in sizes]
        same = len(set(counts)) == 1
        failed |= not same
        shown = ", ".join(f"N={size:,}: {count}" for size, count in zip(sizes, counts, strict=True))
        print(f"{'OK  ' if same else 'FAIL'} {row['name']} ({row['user']}): {shown} queries")
    print(f"Page query counts across sizes: {'constant' if not failed else 'NOT constant'}.")
    return 1 if failed else 0


# -- the child: one size -------------------------------------------------------------------------


def top_up_reports(today: datetime.date) -> dict:
    """A report for about three of every four closed periods, in every state; the same with --reuse.

    The demo's bulk history (reports without revisions) goes first; the reports the demo sent
    through the real workflow stay.
    """
    from django.db import transaction

    from cooperation.models import Agreement, MonevIndicator, MonevReport, Recommendation, VerificationStatus
    from cooperation.selectors.monev import OBLIGATED_STATES, monev_obligations

    started = time.perf_counter()
    MonevReport.objects.filter(latest_revision__isnull=True).delete()
    agreements = Agreement.objects.filter(status__in=OBLIGATED_STATES)
    obligations = monev_obligations(agreements=agreements, today=today)
    chooser = random.Random(20261205)
    states = [VerificationStatus.VERIFIED] * 6 + [VerificationStatus.SUBMITTED] * 2
    states += [VerificationStatus.NEEDS_CHANGES, VerificationStatus.DRAFT]
    new_reports = []
    for obligation in obligations:
        if obligation.report is not None or chooser.random() > REPORTED_SHARE:
            continue
        state = chooser.choice(states)
        submitted = datetime.datetime.combine(
            obligation.period.ends_on + datetime.timedelta(days=chooser.randint(1, 45)),
            datetime.time(10),
            tzinfo=datetime.UTC,
        )
        new_reports.append(
            MonevReport(
                agreement=obligation.agreement,
                period_starts_on=obligation.period.starts_on,
                period_ends_on=obligation.period.ends_on,
                reporting_agency=obligation.responsible_agencies[0],
                activities="Koordinasi, pelaksanaan kegiatan, dan pelaporan bersama mitra.",
                budget_planned=100_000_000,
                budget_realised=chooser.randint(40, 100) * 1_000_000,
                benefits="Layanan bagi masyarakat meningkat.",
                recommendation=chooser.choice(Recommendation.values),
                verification_status=state,
                live=state == VerificationStatus.VERIFIED,
                submitted_at=None if state == VerificationStatus.DRAFT else submitted,
                verified_at=submitted + datetime.timedelta(days=7) if state == VerificationStatus.VERIFIED else None,
            )
        )
    with transaction.atomic():
        created = MonevReport.objects.bulk_create(new_reports, batch_size=500)
        MonevIndicator.objects.bulk_create(
            [
                MonevIndicator(report=report, sort_order=order, name=name, unit="kegiatan", target=10, realisation=real)
                for report in created
                for order, (name, real) in enumerate(
                    [("Kegiatan terlaksana", chooser.randint(5, 10)), ("Peserta (ratusan)", chooser.randint(2, 10))]
                )
            ],
            batch_size=1000,
        )
    return {
        "obligated": agreements.count(),
        "periods": len(obligations),
        "topped_up": len(created),
        "reports": MonevReport.objects.count(),
        "top_up_s": time.perf_counter() - started,
    }


def timed(name: str, user: str, runs: int, function) -> dict:
    """Median wall time and queries of calling `function` (a selector, not a page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()
    timings, counts = [], set()
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            function()
            timings.append(time.perf_counter() - begin)
        counts.add(len(queries.captured_queries))
    row = {
        "name": name,
        "user": user,
        "queries": max(counts),
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": sorted(timings)[max(0, round(0.95 * len(timings)) - 1)] * 1000,
    }
    print(f"   {name:<38} {user:<6} {row['queries']:>4} queries {row['median_ms']:>9.1f} ms", flush=True)
    return row


def worker(size: int, args: argparse.Namespace) -> int:
    setup = prepare_database(size, reuse=args.reuse)

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone

    from cooperation.models import Agreement, MonevReport, SentReminder
    from cooperation.selectors.monev import compliance_by_agency, monev_obligations
    from cooperation.selectors.public import public_agreements
    from cooperation.services.reminders import send_reminders

    today = timezone.localdate()
    setup.update(top_up_reports(today))
    users = {name: get_user_model().objects.get(username=name) for name in ("admin", "opd")}
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    runs = args.runs

    def page(name: str, user: str, url: str) -> dict:
        return {**measure_url(clients[user] if user != "anon" else Client(), name, user, url, runs), "page": True}

    def download(name: str, url: str) -> dict:
        return measure_url(clients["admin"], name, "admin", url, max(1, runs // 2), warm=False)

    last_year = today.year - 1
    period = f"period_from={last_year}-01-01&period_to={last_year}-12-31"
    public_with_reports = (
        public_agreements().annotate(reports=Count("monev_reports")).order_by("-reports", "pk").values("pk").first()
    )
    region = Agreement.objects.all()
    rows = [
        timed("schedule of the whole region", "admin", runs, lambda: monev_obligations(agreements=region, today=today)),
        timed("compliance per agency", "admin", runs, lambda: compliance_by_agency(user=users["admin"], today=today)),
        page("Dasbor Monitoring", "admin", "/admin/monitoring/"),
        page("Laporan Monev list", "admin", "/admin/snippets/cooperation/monevreport/"),
        page("Laporan Monev list", "opd", "/admin/snippets/cooperation/monevreport/"),
        page("Jadwal Monev", "admin", "/admin/snippets/cooperation/monevreport/schedule/"),
        page("Jadwal Monev", "opd", "/admin/snippets/cooperation/monevreport/schedule/"),
        page("admin home (panels)", "opd", "/admin/"),
        page("upward reports page", "admin", f"/admin/monitoring/laporan/?{period}"),
        page("public agreement with most reports", "anon", f"/katalog/naskah/{public_with_reports['pk']}/"),
        page("public Akan Berakhir", "anon", "/katalog/akan-berakhir/"),
        download("Laporan Pelaksanaan XLSX (a year)", f"/admin/monitoring/laporan/?{period}&unduh=pelaksanaan-xlsx"),
        download("Laporan Pelaksanaan PDF (a year)", f"/admin/monitoring/laporan/?{period}&unduh=pelaksanaan-pdf"),
        download("register XLSX (Permendagri 22/2020)", f"/admin/monitoring/laporan/?{period}&unduh=register-xlsx"),
        download("register CSV", f"/admin/monitoring/laporan/?{period}&unduh=register-csv"),
    ]

    # Mail goes to memory: the figure is the command's own work, not an SMTP server's.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    SentReminder.objects.all().delete()
    begin = time.perf_counter()
    first = send_reminders(today=today)
    first_s = time.perf_counter() - begin
    begin = time.perf_counter()
    second = send_reminders(today=today)
    second_s = time.perf_counter() - begin
    reminders = {
        "first": f"{first.monev_due} due, {first.monev_overdue} overdue, {first.agreement_ending} ending",
        "first_s": first_s,
        "second": f"{second.monev_due} due, {second.monev_overdue} overdue, {second.agreement_ending} ending",
        "second_s": second_s,
        "second_total": second.total,
        "emails": len(mail.outbox),
    }
    print(f"   send_reminders: {reminders['first']} in {first_s:.2f} s, then {reminders['second']} in {second_s:.2f} s")

    setup["reports"] = MonevReport.objects.count()
    result = {"size": size, "setup": setup, "rows": rows, "reminders": reminders}
    (OUT / f"monev-{size}.json").write_text(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
