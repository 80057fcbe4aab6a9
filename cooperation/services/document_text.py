"""The text of every page of a document: from the PDF's text layer, or by OCR for scanned pages.

Search hits point to a page, so the text is stored per page (``DocumentPage``). PDFs are read
with pypdfium2 page by page; a page with no text layer but something drawn on it (a scan) is
rendered and read by the Tesseract command line, when it and its language packs are installed.
A DOCX draft has no fixed pages: its whole text is stored as page 1, so drafts are searchable too.
A photo (JPEG or PNG, monev evidence) is one page: it is read by Tesseract like a scanned page.

Bad files never crash the task and never leave it stuck: an empty file, HTML named ``.pdf``, a
corrupt or password-protected PDF each end as ``failed`` with a reason in Indonesian that tells
staff what to do; scans without Tesseract end as ``needs_ocr``. Limits (settings):

- ``DOCUMENT_TEXT_MAX_PAGES`` (2000): only the first pages of a longer PDF are read, and the note says so;
- ``DOCUMENT_TEXT_OCR_TIMEOUT`` (60 s): the most one page may take in Tesseract;
- ``DOCUMENT_TEXT_OCR_LANGUAGES`` ("ind+eng"), ``DOCUMENT_TEXT_TESSERACT`` ("tesseract"),
  ``DOCUMENT_TEXT_OCR_DPI`` (300).

The file is always opened through its storage (local disk or S3) and copied to a private
temporary folder, never read from a path of the storage.
"""

import html
import logging
import math
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps

from .. import roles
from ..models import AgreementDocument, DocumentPage, TextStatus
from ..uploads import DOCX, IMAGE_KINDS, PDF, detect_document_kind

logger = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 2000
DEFAULT_OCR_TIMEOUT = 60
DEFAULT_OCR_LANGUAGES = "ind+eng"
DEFAULT_OCR_DPI = 300
MIN_TEXT_CHARACTERS = 10  # fewer letters and digits than this on a page: treat it as a scan
MAX_RENDER_PIXELS = 40_000_000  # a poster-sized page is rendered smaller rather than filling the memory
DOCX_XML_LIMIT = 50 * 1024 * 1024  # decompressed word/document.xml; a zip bomb stops here
COPY_CHUNK = 1024 * 1024
DEBIAN_LANGUAGE_PACKAGES = {"ind": "tesseract-ocr-ind", "eng": "tesseract-ocr-eng"}

DOCX_TOKENS = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|(</w:p>|<w:(?:br|cr)\b[^>]*/>)|(<w:tab\b[^>]*/>)")


@dataclass(frozen=True)
class ExtractionResult:
    """What one run did, for the task's return value and the command's summary."""

    document_id: int
    status: str
    page_count: int | None = None
    ocr_pages: int = 0
    message: str = ""


@dataclass
class PageText:
    number: int
    text: str = ""
    ocr: bool = False
    needs_ocr: bool = False


@dataclass
class Outcome:
    status: str
    pages: list[PageText] = field(default_factory=list)
    page_count: int | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return " ".join(self.reasons)


class OcrFailed(Exception):
    """Tesseract ran but gave no text for a page: a timeout or an error exit."""


def max_pages() -> int:
    return max(1, int(getattr(settings, "DOCUMENT_TEXT_MAX_PAGES", DEFAULT_MAX_PAGES)))


def ocr_timeout() -> float:
    return float(getattr(settings, "DOCUMENT_TEXT_OCR_TIMEOUT", DEFAULT_OCR_TIMEOUT))


def ocr_languages() -> str:
    return str(getattr(settings, "DOCUMENT_TEXT_OCR_LANGUAGES", DEFAULT_OCR_LANGUAGES))


def tesseract_command() -> str:
    return str(getattr(settings, "DOCUMENT_TEXT_TESSERACT", "tesseract"))


def ocr_dpi() -> int:
    return int(getattr(settings, "DOCUMENT_TEXT_OCR_DPI", DEFAULT_OCR_DPI))


# -- the service --------------------------------------------------------------------------------


def extract_document_text(*, document_id: int, only_if_pending: bool = False) -> ExtractionResult:
    """Read the document's file, store the text of each page and record the outcome.

    Safe to run again at any time (the pages are replaced). The task passes ``only_if_pending``:
    a new file (or "Proses ulang teks") marks the document pending, so a document that is no
    longer pending was already read by someone else (a second task for the same save, the demo
    seed, the command) and is left alone.
    """
    document = AgreementDocument.objects.filter(pk=document_id).first()
    if document is None:
        return ExtractionResult(document_id, TextStatus.FAILED, message=_("Dokumen sudah dihapus."))
    file_name = document.file.name
    claim = AgreementDocument.objects.filter(pk=document_id)
    if only_if_pending:
        # Compare-and-set: of two tasks for the same file only one gets to read it.
        claim = claim.filter(text_status=TextStatus.PENDING, file=file_name)
    if not claim.update(text_status=TextStatus.PROCESSING, text_error=""):
        return ExtractionResult(document_id, document.text_status, page_count=document.page_count)
    try:
        outcome = read_document(document)
    except Exception:  # the last line of defence: a bad file must never crash the worker or stay "diproses"
        logger.exception("Text extraction of document %s failed unexpectedly", document_id)
        outcome = Outcome(
            TextStatus.FAILED,
            reasons=[_("Terjadi kesalahan tak terduga saat membaca berkas (lihat log server). Coba proses ulang.")],
        )
    return _store(document_id=document_id, file_name=file_name, outcome=outcome)


def _store(*, document_id: int, file_name: str, outcome: Outcome) -> ExtractionResult:
    """Replace the pages and record the status in one transaction, unless the file changed meanwhile."""
    with transaction.atomic():
        current = (
            AgreementDocument.objects.select_for_update().filter(pk=document_id).values("file", "agreement_id").first()
        )
        if current is None:
            return ExtractionResult(document_id, TextStatus.FAILED, message=_("Dokumen sudah dihapus."))
        if current["file"] != file_name:
            # A newer upload replaced the file while this one was read; its own task stores its text.
            return ExtractionResult(document_id, TextStatus.PENDING, message=_("Berkas diganti saat diproses."))
        _delete_pages(document_id)
        DocumentPage.objects.bulk_create(
            [
                DocumentPage(document_id=document_id, number=page.number, text=page.text, ocr=page.ocr)
                for page in outcome.pages
            ],
            batch_size=500,
        )
        AgreementDocument.objects.filter(pk=document_id).update(
            text_status=outcome.status,
            text_error=outcome.message,
            page_count=outcome.page_count,
            text_extracted_at=timezone.now(),
        )
        if current["agreement_id"]:
            _schedule_reindex([current["agreement_id"]])
    return ExtractionResult(
        document_id,
        outcome.status,
        page_count=outcome.page_count,
        ocr_pages=sum(page.ocr for page in outcome.pages),
        message=outcome.message,
    )


def _delete_pages(document_id: int) -> None:
    """One DELETE, without a post_delete signal per page: the reindex below covers the whole document."""
    table = connection.ops.quote_name(DocumentPage._meta.db_table)
    column = connection.ops.quote_name(DocumentPage._meta.get_field("document").column)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [document_id])


def _schedule_reindex(agreement_ids: list[int]) -> None:
    # Imported here: the search app builds on cooperation's models, not the other way round.
    from search.indexing import schedule_reindex

    schedule_reindex(agreement_ids)


def mark_pending(*, document_id: int) -> None:
    """The file changed: its old text no longer describes it."""
    AgreementDocument.objects.filter(pk=document_id).update(text_status=TextStatus.PENDING, text_error="")


def may_rerun_extraction(*, user: roles.User, document: AgreementDocument) -> bool:
    """Whoever may change the record the document belongs to may have its text read again."""
    from ..selectors import agreements_changeable_by, document_visible_to, proposals_changeable_by

    if not user.is_authenticated or not document_visible_to(user=user, document=document):
        return False
    if document.agreement_id is not None:
        return agreements_changeable_by(user=user).filter(pk=document.agreement_id).exists()
    if document.proposal_id is not None:
        return proposals_changeable_by(user=user).filter(pk=document.proposal_id).exists()
    return roles.keeps_register(user)


def documents_rerunnable_by(*, user: roles.User, documents: Iterable[AgreementDocument]) -> set[int]:
    """`may_rerun_extraction` for a whole list at once: the ids allowed, in at most three queries."""
    from ..selectors import agreements_changeable_by, documents_visible_to, proposals_changeable_by

    documents = list(documents)
    if not user.is_authenticated or not documents:
        return set()
    visible = set(documents_visible_to(user=user).filter(pk__in=[d.pk for d in documents]).values_list("pk", flat=True))
    agreement_ids = {d.agreement_id for d in documents if d.agreement_id}
    proposal_ids = {d.proposal_id for d in documents if d.proposal_id and not d.agreement_id}
    agreements = agreements_changeable_by(user=user).filter(pk__in=agreement_ids) if agreement_ids else None
    proposals = proposals_changeable_by(user=user).filter(pk__in=proposal_ids) if proposal_ids else None
    changeable_agreements = set(agreements.values_list("pk", flat=True)) if agreements is not None else set()
    changeable_proposals = set(proposals.values_list("pk", flat=True)) if proposals is not None else set()

    def allowed(document: AgreementDocument) -> bool:
        if document.agreement_id is not None:
            return document.agreement_id in changeable_agreements
        if document.proposal_id is not None:
            return document.proposal_id in changeable_proposals
        return roles.keeps_register(user)

    return {document.pk for document in documents if document.pk in visible and allowed(document)}


def rerun_extraction(*, document: AgreementDocument, by: roles.User) -> None:
    """Staff asked to read the text again (after installing Tesseract, or for a repaired file)."""
    if not may_rerun_extraction(user=by, document=document):
        raise PermissionDenied(_("Anda tidak berwenang memproses ulang teks dokumen ini."))
    with transaction.atomic():
        mark_pending(document_id=document.pk)
        enqueue_extraction(document_id=document.pk)


def enqueue_extraction(*, document_id: int) -> None:
    """Start the background task once the current transaction has committed the file."""
    from ..tasks import extract_document_text_task

    transaction.on_commit(lambda: extract_document_text_task.enqueue(document_id=document_id), robust=True)


# -- reading a file -------------------------------------------------------------------------------


def read_document(document: AgreementDocument) -> Outcome:
    """The pages of the file, whatever it holds; never raises for a bad file."""
    if not document.file.name:
        return Outcome(TextStatus.FAILED, reasons=[_("Dokumen tidak memiliki berkas.")])
    with tempfile.TemporaryDirectory(prefix="dokumen-teks-") as workdir:
        local = Path(workdir) / "berkas"
        try:
            size = _copy_from_storage(document, local)
        except (FileNotFoundError, OSError) as error:
            logger.warning("Document %s: file %s cannot be read: %s", document.pk, document.file.name, error)
            return Outcome(
                TextStatus.FAILED,
                reasons=[_("Berkas tidak ditemukan atau tidak dapat dibaca di penyimpanan. Unggah ulang berkasnya.")],
            )
        if size == 0:
            return Outcome(
                TextStatus.FAILED, reasons=[_("Berkas kosong (0 byte): tidak ada teks yang bisa dibaca. Unggah ulang.")]
            )
        with local.open("rb") as handle:
            kind = detect_document_kind(handle)
            handle.seek(0)
            head = handle.read(1024)
        if kind == PDF:
            return _read_pdf(local, Path(workdir))
        if kind == DOCX:
            return _read_docx(local)
        if kind in IMAGE_KINDS:
            return _read_image(local, Path(workdir))
        return Outcome(TextStatus.FAILED, reasons=[_not_a_document(head)])


def _copy_from_storage(document: AgreementDocument, target: Path) -> int:
    size = 0
    with document.file.open("rb") as source, target.open("wb") as out:
        while chunk := source.read(COPY_CHUNK):
            out.write(chunk)
            size += len(chunk)
    return size


def _not_a_document(head: bytes) -> str:
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in sample:
        return _(
            "Isi berkas adalah halaman web (HTML), bukan PDF, walaupun namanya berakhiran .pdf. "
            "Unggah ulang berkas PDF aslinya."
        )
    return _("Isi berkas bukan PDF atau DOCX (yang diperiksa isinya, bukan namanya). Unggah ulang berkas yang benar.")


def _read_pdf(path: Path, workdir: Path) -> Outcome:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        return Outcome(TextStatus.FAILED, reasons=[_pdf_open_error(error)])
    try:
        total = len(pdf)
        limit = max_pages()
        pages: list[PageText] = []
        broken: list[int] = []
        for index in range(min(total, limit)):
            page_text = PageText(number=index + 1)
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                broken.append(index + 1)
                pages.append(page_text)
                continue
            try:
                page_text.text = _clean(page.get_textpage().get_text_bounded())
                page_text.needs_ocr = not _has_text(page_text.text) and _has_content(page)
            except pdfium.PdfiumError:
                broken.append(index + 1)
            finally:
                page.close()
            pages.append(page_text)
        outcome = Outcome(TextStatus.DONE, pages=pages, page_count=total)
        if any(page.needs_ocr for page in pages):
            _ocr_pages(outcome, workdir, render=lambda number, target: _render_pdf_page(pdf, number, target))
    finally:
        pdf.close()
    if total > limit:
        outcome.reasons.append(
            _(
                "Hanya %(limit)s halaman pertama dari %(total)s yang diproses (batas DOCUMENT_TEXT_MAX_PAGES); "
                "halaman selanjutnya tidak dapat dicari."
            )
            % {"limit": limit, "total": total}
        )
    if broken:
        outcome.reasons.append(
            ngettext(
                "Halaman %(pages)s rusak dan tidak dapat dibaca.",
                "Halaman %(pages)s rusak dan tidak dapat dibaca.",
                len(broken),
            )
            % {"pages": page_list(broken)}
        )
    return outcome


def _pdf_open_error(error: pdfium.PdfiumError) -> str:
    if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return _("PDF dilindungi kata sandi, sehingga isinya tidak dapat dibaca. Unggah salinan PDF tanpa kata sandi.")
    if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return _("PDF memakai skema pengamanan yang tidak didukung. Unggah salinan PDF tanpa pengamanan.")
    return _(
        "Berkas PDF rusak atau tidak lengkap sehingga tidak dapat dibaca. Periksa berkas aslinya lalu unggah ulang."
    )


def _clean(text: str) -> str:
    # PostgreSQL refuses NUL characters in text; PDFium ends lines with CRLF.
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _has_text(text: str) -> bool:
    return sum(character.isalnum() for character in text) >= MIN_TEXT_CHARACTERS


def _has_content(page: pdfium.PdfPage) -> bool:
    """Something is drawn on the page (an image, paths): a blank page needs no OCR."""
    return pdfium_c.FPDFPage_CountObjects(page.raw) > 0


def page_list(numbers: list[int], *, limit: int = 12) -> str:
    """1, 2, 3, 7 -> "1-3, 7"; a long list ends with "…"."""
    ranges: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(ranges[:limit]) + (", …" if len(ranges) > limit else "")


# -- OCR --------------------------------------------------------------------------------------------


def ocr_unavailable_reason() -> str | None:
    """Why OCR cannot run on this server, or None when Tesseract and its languages are there."""
    command = shutil.which(tesseract_command())
    if command is None:
        return _(
            "Tesseract (OCR) belum terpasang di server (paket Debian tesseract-ocr, tesseract-ocr-ind, "
            "tesseract-ocr-eng). Setelah dipasang, klik “Proses ulang teks”."
        )
    try:
        listed = subprocess.run(
            [command, "--list-langs"], capture_output=True, timeout=30, check=False, env=_tesseract_env()
        )
    except (OSError, subprocess.SubprocessError):
        return _("Tesseract (OCR) terpasang tetapi tidak dapat dijalankan. Periksa pemasangannya di server.")
    output = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    missing = [language for language in ocr_languages().split("+") if language and language not in output]
    if missing:
        packages = ", ".join(DEBIAN_LANGUAGE_PACKAGES.get(code, f"tesseract-ocr-{code}") for code in missing)
        return _(
            "Paket bahasa Tesseract untuk OCR belum terpasang: %(languages)s (paket Debian %(packages)s). "
            "Setelah dipasang, klik “Proses ulang teks”."
        ) % {"languages": ", ".join(missing), "packages": packages}
    return None


def _tesseract_env() -> dict[str, str]:
    # One thread per page: OpenMP threads only slow Tesseract down when several workers run.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _ocr_pages(
    outcome: Outcome, workdir: Path, *, render: Callable[[int, Path], None], waiting_reason: str | None = None
) -> None:
    """OCR the pages without a text layer, or say why it could not be done.

    ``render(number, target)`` writes page ``number`` as a PNG image to ``target``: a PDF page is
    rendered, a photo is written as it is (upright, grey). ``waiting_reason`` replaces the note
    about pages without a text layer when OCR cannot run.
    """
    waiting = [page for page in outcome.pages if page.needs_ocr]
    numbers = page_list([page.number for page in waiting])
    if reason := ocr_unavailable_reason():
        outcome.status = TextStatus.NEEDS_OCR
        outcome.reasons.append(
            waiting_reason
            or ngettext(
                "Halaman %(pages)s tidak memiliki lapisan teks (hasil pindaian) dan perlu OCR.",
                "Halaman %(pages)s tidak memiliki lapisan teks (hasil pindaian) dan perlu OCR.",
                len(waiting),
            )
            % {"pages": numbers}
        )
        outcome.reasons.append(reason)
        return
    command = shutil.which(tesseract_command()) or tesseract_command()
    timed_out: list[int] = []
    failed: list[int] = []
    for page_text in waiting:
        path = workdir / "halaman.png"
        try:
            render(page_text.number, path)
            text = _ocr_image(path, command=command)
        except subprocess.TimeoutExpired:
            timed_out.append(page_text.number)
            continue
        except (OcrFailed, OSError, pdfium.PdfiumError, ValueError) as error:
            logger.warning("OCR of page %s failed: %s", page_text.number, error)
            failed.append(page_text.number)
            continue
        finally:
            path.unlink(missing_ok=True)
        page_text.text = _clean(text) or page_text.text
        page_text.ocr = True
        page_text.needs_ocr = False
    if timed_out:
        outcome.status = TextStatus.FAILED
        outcome.reasons.append(
            _("OCR halaman %(pages)s melebihi batas waktu %(seconds)s detik per halaman (DOCUMENT_TEXT_OCR_TIMEOUT).")
            % {"pages": page_list(timed_out), "seconds": f"{ocr_timeout():g}"}
        )
    if failed:
        outcome.status = TextStatus.FAILED
        outcome.reasons.append(_("OCR halaman %(pages)s gagal (lihat log server).") % {"pages": page_list(failed)})


def _render_pdf_page(pdf: pdfium.PdfDocument, number: int, target: Path) -> None:
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        scale = ocr_dpi() / 72
        if width * height * scale * scale > MAX_RENDER_PIXELS:
            scale = math.sqrt(MAX_RENDER_PIXELS / max(width * height, 1))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            bitmap.to_pil().save(target, compress_level=1)
        finally:
            bitmap.close()
    finally:
        page.close()


def _ocr_image(path: Path, *, command: str) -> str:
    """The text Tesseract reads in one page image: the one place Tesseract is run on a page."""
    completed = subprocess.run(
        [command, str(path), "stdout", "-l", ocr_languages()],
        capture_output=True,
        timeout=ocr_timeout(),
        check=False,
        env=_tesseract_env(),
    )
    if completed.returncode != 0:
        raise OcrFailed(completed.stderr.decode("utf-8", "replace")[-500:])
    return completed.stdout.decode("utf-8", "replace")


# -- photos ---------------------------------------------------------------------------------------


def _read_image(path: Path, workdir: Path) -> Outcome:
    """A photo (JPEG or PNG) is one page without a text layer: OCR it like a scanned page."""
    try:
        image = _load_photo(path)
    except Image.DecompressionBombError:
        return Outcome(
            TextStatus.FAILED,
            reasons=[_("Gambar terlalu besar (jumlah pikselnya) untuk dibaca. Unggah foto beresolusi lebih kecil.")],
        )
    except (OSError, ValueError, SyntaxError, EOFError):  # Pillow's errors for a truncated or corrupt image
        return Outcome(
            TextStatus.FAILED,
            reasons=[_("Berkas gambar rusak atau tidak lengkap sehingga tidak dapat dibaca. Unggah ulang fotonya.")],
        )
    outcome = Outcome(TextStatus.DONE, pages=[PageText(number=1, needs_ocr=True)], page_count=1)
    try:
        _ocr_pages(
            outcome,
            workdir,
            render=lambda number, target: image.save(target, compress_level=1),
            waiting_reason=_("Berkas berupa gambar (foto atau pindaian) tanpa lapisan teks dan perlu OCR."),
        )
    finally:
        image.close()
    return outcome


def _load_photo(path: Path) -> Image.Image:
    """The photo decoded, upright (phones store the rotation in EXIF), grey and no larger than a rendered page."""
    with Image.open(path) as opened:
        if opened.width * opened.height > MAX_RENDER_PIXELS:
            # A JPEG can be decoded at a fraction of its size, which saves most of the memory.
            scale = math.sqrt(MAX_RENDER_PIXELS / (opened.width * opened.height))
            opened.draft("L", (int(opened.width * scale), int(opened.height * scale)))
        opened.load()
        image = ImageOps.exif_transpose(opened).convert("L")
    if image.width * image.height > MAX_RENDER_PIXELS:
        scale = math.sqrt(MAX_RENDER_PIXELS / (image.width * image.height))
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    return image


# -- DOCX drafts ----------------------------------------------------------------------------------


def _read_docx(path: Path) -> Outcome:
    """The text of word/document.xml as page 1: a draft has no fixed pages, but its words can be found."""
    broken = Outcome(
        TextStatus.FAILED,
        reasons=[_("Berkas DOCX rusak atau tidak dapat dibaca. Simpan ulang dari pengolah kata lalu unggah ulang.")],
    )
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > DOCX_XML_LIMIT:
                return Outcome(
                    TextStatus.FAILED,
                    reasons=[_("Isi dokumen Word terlalu besar untuk dibaca. Unggah versi PDF-nya.")],
                )
            with archive.open(info) as member:
                xml = member.read(DOCX_XML_LIMIT + 1)
    # NotImplementedError: a compression method zipfile does not support.
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ):
        return broken
    if len(xml) > DOCX_XML_LIMIT:
        return Outcome(
            TextStatus.FAILED, reasons=[_("Isi dokumen Word terlalu besar untuk dibaca. Unggah versi PDF-nya.")]
        )
    return Outcome(TextStatus.DONE, pages=[PageText(number=1, text=docx_text(xml))], page_count=1)


def docx_text(xml: bytes) -> str:
    """Runs of text in order, a line per paragraph; no XML parser, so no entity tricks."""
    parts: list[str] = []
    for match in DOCX_TOKENS.finditer(xml.decode("utf-8", "replace")):
        text, line_break, tab = match.groups()
        if text is not None:
            parts.append(html.unescape(text))
        elif line_break:
            parts.append("\n")
        elif tab:
            parts.append("\t")
    return _clean("".join(parts))
