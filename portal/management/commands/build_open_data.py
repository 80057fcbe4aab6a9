"""manage.py build_open_data: (re)build the bulk files of the public register, with a progress bar.

Meant for cron every few minutes: it rebuilds only the files whose register version changed
(a publish, a withdrawal, an edit, a verified monev report, a document change, a new day), so a
run with nothing new costs a handful of queries. ``--force`` rebuilds every file; ``--only``
names some. Runs in this process, not through the task queue, so the operator sees the outcome.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from tqdm import tqdm

from portal.open_data.bulk import BULK_FILES, BulkFile, build_open_data


class Command(BaseCommand):
    help = (
        "Bangun ulang berkas unduhan massal data terbuka (CSV, XLSX, JSON, OCDS, teks dokumen) yang register "
        "publiknya sudah berubah. Untuk cron setiap beberapa menit."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="bangun ulang semua berkas, juga yang masih mutakhir")
        parser.add_argument("--only", default="", help=f"hanya berkas ini, dipisah koma ({', '.join(BULK_FILES)})")
        parser.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")

    def handle(self, *args, **options) -> None:
        names = [name.strip() for name in options["only"].split(",") if name.strip()] or None
        if names and (unknown := set(names) - set(BULK_FILES)):
            raise CommandError(f"Berkas tidak dikenal: {', '.join(sorted(unknown))}. Pilihan: {', '.join(BULK_FILES)}.")

        def progress(spec: BulkFile) -> tqdm:
            return tqdm(
                total=spec.total(),
                unit="rekaman",
                desc=spec.name,
                file=self.stderr._out,  # the raw stream: OutputWrapper would end every redraw with a newline
                disable=True if options["no_progress"] else None,  # None: only on a terminal
            )

        outcomes = build_open_data(force=options["force"], names=names, progress=progress)
        built = 0
        for outcome in outcomes:
            row = outcome.file
            state = "dibangun" if outcome.built else "masih mutakhir"
            built += outcome.built
            self.stdout.write(
                f"  {outcome.name}: {state}; {row.record_count} rekaman, {filesizeformat(row.size)}, "
                f"dibuat {timezone.localtime(row.built_at):%Y-%m-%d %H:%M:%S %Z}"
            )
        self.stdout.write(self.style.SUCCESS(f"Selesai: {built} dari {len(outcomes)} berkas dibangun ulang."))
