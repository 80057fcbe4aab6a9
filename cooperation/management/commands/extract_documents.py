"""manage.py extract_documents: read the text of documents already stored, with a progress bar.

By default it reads every document whose text is not done yet (pending, processing, failed,
needs OCR); ``--all`` reads every document again, ``--status`` and ``--ids`` choose. It runs in
this process, not through the task queue, so an operator sees the outcome at once.
"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from cooperation.models import AgreementDocument, TextStatus
from cooperation.services.document_text import extract_document_text

NOT_DONE = [status for status in TextStatus.values if status != TextStatus.DONE]


class Command(BaseCommand):
    help = (
        "Ekstrak teks per halaman dari dokumen yang sudah tersimpan (OCR untuk halaman pindaian bila Tesseract "
        "terpasang). Bawaan: semua dokumen yang teksnya belum selesai."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="proses ulang semua dokumen, juga yang sudah selesai")
        parser.add_argument(
            "--status",
            default="",
            help=f"hanya dokumen dengan status teks ini, dipisah koma ({', '.join(TextStatus.values)})",
        )
        parser.add_argument("--ids", default="", help="hanya dokumen dengan ID ini, dipisah koma")
        parser.add_argument("--no-progress", action="store_true", help="tanpa bilah kemajuan")

    def handle(self, *args, **options) -> None:
        documents = AgreementDocument.objects.order_by("pk")
        statuses = [value.strip() for value in options["status"].split(",") if value.strip()]
        if unknown := set(statuses) - set(TextStatus.values):
            raise CommandError(
                f"Status tidak dikenal: {', '.join(sorted(unknown))}. Pilihan: {', '.join(TextStatus.values)}."
            )
        if options["ids"]:
            try:
                ids = [int(value) for value in options["ids"].split(",") if value.strip()]
            except ValueError as error:
                raise CommandError("--ids berisi angka ID dokumen, dipisah koma.") from error
            documents = documents.filter(pk__in=ids)
        if statuses:
            documents = documents.filter(text_status__in=statuses)
        elif not options["all"] and not options["ids"]:
            documents = documents.filter(text_status__in=NOT_DONE)
        pks = list(documents.values_list("pk", flat=True))
        self.stdout.write(f"Memproses teks {len(pks)} dokumen.")
        labels = dict(TextStatus.choices)
        counts: Counter[str] = Counter()
        problems: list[str] = []
        ocr_pages = 0
        bar = tqdm(
            pks,
            unit="dokumen",
            desc="Ekstraksi teks",
            file=self.stderr._out,  # the raw stream: OutputWrapper would end every redraw with a newline
            disable=True if options["no_progress"] else None,  # None: only on a terminal
        )
        for pk in bar:
            result = extract_document_text(document_id=pk)
            counts[result.status] += 1
            ocr_pages += result.ocr_pages
            if result.status != TextStatus.DONE or result.message:
                problems.append(f"  #{pk} {labels.get(result.status, result.status)}: {result.message}")
            bar.set_postfix(selesai=counts[TextStatus.DONE], gagal=counts[TextStatus.FAILED], refresh=False)
        bar.close()
        for line in problems:
            self.stdout.write(line)
        summary = ", ".join(
            f"{labels[status]} {counts[status]}"
            for status in (TextStatus.DONE, TextStatus.NEEDS_OCR, TextStatus.FAILED)
        )
        skipped = counts[TextStatus.PENDING] + counts[TextStatus.PROCESSING]  # the file was replaced meanwhile
        extra = f", dilewati {skipped}" if skipped else ""
        troubled = counts[TextStatus.FAILED] or counts[TextStatus.NEEDS_OCR]
        style = self.style.WARNING if troubled else self.style.SUCCESS
        self.stdout.write(style(f"Ringkasan: {summary}{extra}; {ocr_pages} halaman dibaca dengan OCR."))
