"""Rebuild the whole search index from the register, with a progress bar.

On OpenSearch and Elasticsearch a fresh index is built and the alias switched at the end, so
search keeps answering meanwhile; the database engine replaces entries batch by batch.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from search.engines import get_engine
from search.engines.base import SearchUnavailable
from search.models import PendingIndexUpdate
from search.records import DEFAULT_BATCH_SIZE, all_records, record_count


class Command(BaseCommand):
    help = "Bangun ulang indeks pencarian dari seluruh register naskah kerja sama."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Naskah per batch.")
        parser.add_argument("--no-progress", action="store_true", help="Tanpa bilah kemajuan (untuk cron/log).")

    def handle(self, *args, batch_size: int, no_progress: bool, **options):
        engine = get_engine()
        started_at = timezone.now()
        started = time.perf_counter()
        total = record_count()
        with tqdm(total=total, unit="naskah", disable=no_progress, file=self.stderr) as bar:
            try:
                written = engine.rebuild(all_records(batch_size=max(1, batch_size)), total=total, progress=bar.update)
            except SearchUnavailable as error:
                raise CommandError(f"Mesin pencarian {engine.name} tidak dapat dihubungi: {error}") from error
        # Everything noted before the rebuild began is in the new index now.
        cleared, _ = PendingIndexUpdate.objects.filter(created_at__lt=started_at).delete()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Mesin {engine.name}: {written} naskah diindeks dalam {seconds:.1f} detik "
            f"({written / seconds if seconds else 0:.0f} naskah/detik); {cleared} antrean lama dibersihkan."
        )
