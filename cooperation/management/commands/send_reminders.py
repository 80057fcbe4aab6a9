"""Cron, any number of times a day: monev and expiry reminders, each sent once (see services/reminders.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cooperation.services.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Kirim pengingat laporan monev (jatuh tempo, terlambat) dan naskah yang akan berakhir. "
        "Aman dijalankan berulang kali: setiap pengingat hanya dikirim satu kali."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            help="Tanggal acuan YYYY-MM-DD (bawaan: hari ini), untuk menyusul pengingat yang terlewat.",
        )

    def handle(self, *args, date: str | None = None, **options) -> None:
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(
                    f"Tanggal '{date}' tidak valid: gunakan format YYYY-MM-DD, misalnya 2026-07-01."
                ) from None
        summary = send_reminders(today=today)
        self.stdout.write(
            f"Pengingat terkirim: {summary.monev_due} jatuh tempo, {summary.monev_overdue} terlambat, "
            f"{summary.agreement_ending} akan berakhir."
        )
