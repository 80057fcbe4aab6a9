"""manage.py seed_demo: a believable Kota Malang register to click through, demo and benchmark.

The work lives in cooperation.demo; this command only parses options and prints the result.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cooperation import roles
from cooperation.demo import data
from cooperation.demo.builder import DemoBuilder, Report


class Command(BaseCommand):
    help = (
        "Isi basis data dengan data demo Kota Malang: data referensi, pengguna per peran, naskah kerja sama "
        "dan dokumennya, usulan pada setiap tahap peninjauan, permohonan dari luar, halaman portal dan "
        "publikasi katalog. Aman dijalankan berulang (hanya menambah yang belum ada)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agreements", type=int, default=150, help="jumlah naskah demo (bawaan 150)")
        parser.add_argument(
            "--no-documents", action="store_true", help="tanpa berkas PDF (berkas hanya untuk 150 naskah pertama)"
        )
        parser.add_argument("--password", default="demo12345", help="kata sandi semua pengguna demo")
        parser.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")
        parser.add_argument(
            "--no-proposals",
            action="store_true",
            help="tanpa usulan dan permohonan dari luar (himpunan tetap, tidak bergantung pada --agreements)",
        )
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="tanpa membangun ulang indeks pencarian (jalankan search_reindex sendiri nanti)",
        )

    def handle(self, *args, **options) -> None:
        builder = DemoBuilder(
            agreements=max(0, options["agreements"]),
            documents=not options["no_documents"],
            password=options["password"],
            write=self.stdout.write,
            progress=False if options["no_progress"] else None,
            proposals=not options["no_proposals"],
        )
        report = builder.run()
        self._summary(report)
        if not options["no_search_index"]:
            self._search_index(no_progress=options["no_progress"])
        self._logins(options["password"])

    def _search_index(self, *, no_progress: bool) -> None:
        """The demo writes in bulk, past the signals that feed the index, so the index is rebuilt once at the end."""
        try:
            call_command("search_reindex", no_progress=no_progress, stdout=self.stdout, stderr=self.stderr)
        except CommandError as error:
            self.stderr.write(
                self.style.WARNING(f"Indeks pencarian belum dibangun ({error}). Jalankan manage.py search_reindex.")
            )

    def _summary(self, report: Report) -> None:
        for label, count in sorted(report.created.items()):
            self.stdout.write(f"  {label}: {count} dibuat")
        for label, count in sorted(report.updated.items()):
            self.stdout.write(f"  {label}: {count} diperbarui")
        self.stdout.write(
            f"  naskah kerja sama: {report.agreements_created} dibuat, {report.agreements_existing} sudah ada"
        )
        self.stdout.write(f"  dokumen PDF: {report.documents_created} dibuat")
        self.stdout.write(f"  indeks pencarian: {report.indexed} naskah ditambahkan")
        if report.proposal_statuses:
            self._proposals(report)
        if report.publication_states:
            states = ", ".join(f"{label} {count}" for label, count in report.publication_states.items())
            self.stdout.write(f"  publikasi katalog: {report.publications_created} dibuat; seluruhnya: {states}")
        if report.monev_states:
            states = ", ".join(f"{label} {count}" for label, count in report.monev_states.items())
            self.stdout.write(f"  laporan monev: {report.monev_created} dibuat; seluruhnya: {states}")
        timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings.items())
        self.stdout.write(self.style.SUCCESS(f"Selesai ({timings})."))

    def _proposals(self, report: Report) -> None:
        self.stdout.write(
            f"  usulan kerja sama: {report.proposals_created} dibuat, {report.proposals_existing} sudah ada"
        )
        per_status = ", ".join(f"{label} {count}" for label, count in report.proposal_statuses.items())
        self.stdout.write(f"    per status (semua usulan): {per_status}")
        if not report.requests:
            return
        self.stdout.write("  permohonan dari luar (cek di /ajukan-kerja-sama/status/ dengan nomor dan token):")
        for issued in report.requests:
            token = f"token {issued.token}" if issued.token else "sudah ada; token hanya tampil saat dibuat"
            self.stdout.write(f"    {issued.number}  {issued.status:<30}  {token}  ({issued.organisation})")

    def _logins(self, password: str) -> None:
        rows = [("Pengguna", "Kata sandi", "Peran", "OPD")]
        agencies = {a.code: a.short_name for a in data.AGENCIES}
        for seed in data.USERS:
            role = getattr(roles, seed.role) + (" + superuser" if seed.superuser else "")
            rows.append((seed.username, password, role, agencies.get(seed.agency, "-")))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        line = "+".join("-" * (w + 2) for w in widths)
        self.stdout.write("")
        self.stdout.write(f"+{line}+")
        for index, row in enumerate(rows):
            self.stdout.write("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
            if index == 0:
                self.stdout.write(f"+{line}+")
        self.stdout.write(f"+{line}+")
        self.stdout.write("Masuk di /admin/ dengan salah satu akun di atas.")
