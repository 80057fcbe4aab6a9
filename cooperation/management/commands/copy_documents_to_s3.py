"""manage.py copy_documents_to_s3: move existing documents from local disk into the S3 bucket.

Run it once after setting the AWS_* variables (docs/storage.md). Every document's file is copied from
the local folder (``--source``, default PRIVATE_MEDIA_ROOT) to the "documents" storage under the same
name, so the database needs no change. Files already in the bucket are skipped, so it can be run
again after an interruption; nothing is deleted from the local folder.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from cooperation.models import AgreementDocument


class Command(BaseCommand):
    help = (
        "Salin berkas dokumen dari folder lokal (PRIVATE_MEDIA_ROOT) ke bucket S3 dengan nama yang sama. "
        "Berkas yang sudah ada di bucket dilewati; folder lokal tidak diubah."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", default="", help="folder lokal dokumen (bawaan: PRIVATE_MEDIA_ROOT)")
        parser.add_argument("--dry-run", action="store_true", help="hanya hitung, tanpa menyalin")
        parser.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")

    def handle(self, *args, **options) -> None:
        target = AgreementDocument._meta.get_field("file").storage
        if isinstance(target, FileSystemStorage):
            raise CommandError(
                "Penyimpanan dokumen masih folder lokal: setel AWS_STORAGE_BUCKET_NAME dkk. dulu (docs/storage.md)."
            )
        source_root = Path(options["source"] or settings.PRIVATE_MEDIA_ROOT)
        if not source_root.is_dir():
            raise CommandError(f"Folder sumber tidak ada: {source_root}")
        source = FileSystemStorage(location=source_root)
        names = list(AgreementDocument.objects.order_by("pk").values_list("file", flat=True).distinct())
        copied = skipped = missing = 0
        for name in tqdm(names, unit="berkas", disable=options["no_progress"]):
            if not source.exists(name):
                missing += 1
                self.stderr.write(f"tidak ada di folder lokal: {name}")
            elif target.exists(name):
                skipped += 1
            elif options["dry_run"]:
                copied += 1
            else:
                with source.open(name, "rb") as handle:
                    stored = target.save(name, handle)
                if stored != name:  # never expected: the name was free a moment ago
                    raise CommandError(f"{name} tersimpan sebagai {stored}; perbaiki lalu jalankan lagi.")
                copied += 1
        verb = "akan disalin" if options["dry_run"] else "disalin"
        self.stdout.write(f"{copied} {verb}, {skipped} sudah ada di bucket, {missing} tidak ditemukan di folder lokal.")
        if missing:
            raise CommandError(f"{missing} berkas tidak ditemukan di {source_root}.")
