"""manage.py extract_documents: fills in the text of stored documents, with a progress bar and a summary."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from cooperation.models import AgreementDocument, TextStatus

from ..factories import AgreementDocumentFactory, text_pdf

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    """What tqdm writes to an operator's terminal (it draws nothing when output goes to a file)."""

    def isatty(self) -> bool:
        return True


def stored(health_agreement, data: bytes, status: str = TextStatus.PENDING) -> AgreementDocument:
    """A document already in the database, as after an upgrade: no extraction has run for it."""
    document = AgreementDocumentFactory(agreement=health_agreement, file=ContentFile(data, name="naskah.pdf"))
    AgreementDocument.objects.filter(pk=document.pk).update(text_status=status)
    return document


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), Terminal()
    call_command("extract_documents", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_reads_every_document_not_done_yet_and_prints_a_summary(health_agreement):
    good = stored(health_agreement, text_pdf("Kesepakatan bersama layanan kesehatan"))
    broken = stored(health_agreement, b"<html>bukan pdf</html>", status=TextStatus.FAILED)
    done = stored(health_agreement, text_pdf("Sudah selesai"), status=TextStatus.DONE)

    out, err = run()

    good.refresh_from_db()
    assert good.text_status == TextStatus.DONE
    assert "layanan kesehatan" in good.pages.get().text
    assert not done.pages.exists()  # done documents are left alone by default
    assert "Memproses teks 2 dokumen." in out
    assert f"#{broken.pk} Gagal: Isi berkas adalah halaman web (HTML)" in out
    assert "Ringkasan: Selesai 1, Perlu OCR 0, Gagal 1; 0 halaman dibaca dengan OCR." in out
    assert "Ekstraksi teks" in err and "100%" in err


def test_all_reads_done_documents_again(health_agreement):
    done = stored(health_agreement, text_pdf("Sudah selesai sebelumnya"), status=TextStatus.DONE)

    out, _err = run("--all")

    assert "Memproses teks 1 dokumen." in out
    assert "Sudah selesai sebelumnya" in done.pages.get().text


def test_status_and_ids_choose_the_documents(health_agreement):
    failed = stored(health_agreement, text_pdf("Gagal kemarin"), status=TextStatus.FAILED)
    needs_ocr = stored(health_agreement, text_pdf("Perlu OCR kemarin"), status=TextStatus.NEEDS_OCR)
    pending = stored(health_agreement, text_pdf("Menunggu"))

    out, _err = run("--status", "failed,needs_ocr", "--no-progress")
    assert "Memproses teks 2 dokumen." in out
    assert failed.pages.exists() and needs_ocr.pages.exists() and not pending.pages.exists()

    out, _err = run("--ids", str(pending.pk), "--no-progress")
    assert "Memproses teks 1 dokumen." in out
    assert pending.pages.exists()


def test_no_progress_draws_no_bar(health_agreement):
    stored(health_agreement, text_pdf("Teks"))

    _out, err = run("--no-progress")

    assert err == ""


@pytest.mark.parametrize(
    ("args", "message"), [(("--status", "selesai"), "Status tidak dikenal"), (("--ids", "x"), "--ids")]
)
def test_bad_options_are_refused_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
