"""Drain the indexing outbox into the engine: run from cron so the index catches up after an outage."""

from django.core.management.base import BaseCommand, CommandError

from search.engines import get_engine
from search.indexing import drain, pending_count


class Command(BaseCommand):
    help = "Kirim perubahan yang masih antre ke mesin pencarian (untuk cron)."

    def handle(self, *args, **options):
        engine = get_engine()
        before = pending_count()
        try:
            result = drain(engine=engine)
        except Exception as error:
            raise CommandError(
                f"Mesin pencarian {engine.name} belum menerima perubahan ({error}); "
                f"{pending_count()} antrean tetap disimpan."
            ) from error
        self.stdout.write(
            f"Mesin {engine.name}: {before} antrean; {result.indexed} naskah diindeks, "
            f"{result.deleted} dihapus dari indeks, {result.remaining} tersisa."
        )
