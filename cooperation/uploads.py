"""Upload checks shared by every form that takes a document: the content decides, not the name.

A PDF starts with ``%PDF-``; a DOCX is a zip holding ``[Content_Types].xml`` and
``word/document.xml``; a JPEG starts with ``FF D8 FF`` and a PNG with its 8-byte signature.
Photos (JPEG, PNG) are accepted only where a form asks for them (monev evidence). A file named
``surat.pdf`` that holds HTML is refused, as are empty files and files above
``COOPERATION_MAX_UPLOAD_MB``. Each refusal names the file.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

PDF = "pdf"
DOCX = "docx"
JPEG = "jpeg"
PNG = "png"
IMAGE_KINDS = frozenset({JPEG, PNG})
PDF_MAGIC = b"%PDF-"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# The extension a stored file gets for its kind, so it is served with the right content type.
EXTENSIONS = {PDF: "pdf", DOCX: "docx", JPEG: "jpg", PNG: "png"}
DOCX_REQUIRED_ENTRIES = {"[Content_Types].xml", "word/document.xml"}
DEFAULT_MAX_UPLOAD_MB = 20


def max_upload_bytes() -> int:
    return int(getattr(settings, "COOPERATION_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024


def display_name(file: UploadedFile) -> str:
    return os.path.basename(file.name or "") or _("(tanpa nama)")


def _is_docx(file: UploadedFile) -> bool:
    # Only the zip's directory is read: nothing is decompressed, so a zip bomb costs nothing.
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist()) >= DOCX_REQUIRED_ENTRIES
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        file.seek(0)


def detect_document_kind(file: UploadedFile) -> str | None:
    """``"pdf"``, ``"docx"``, ``"jpeg"`` or ``"png"`` from the file's bytes, or None for anything else."""
    file.seek(0)
    head = file.read(len(PNG_MAGIC))
    file.seek(0)
    if head.startswith(PDF_MAGIC):
        return PDF
    if head.startswith(JPEG_MAGIC):
        return JPEG
    if head == PNG_MAGIC:
        return PNG
    if head.startswith(b"PK") and _is_docx(file):
        return DOCX
    return None


def validate_document_upload(file: UploadedFile, *, allow_docx: bool, allow_images: bool = False) -> None:
    """Refuse an empty, oversized or wrongly typed file, with a message that names it.

    ``allow_images`` lets a photo (JPEG or PNG) through: only monev evidence asks for it.
    """
    name = display_name(file)
    size = file.size or 0
    if size == 0:
        raise ValidationError(
            _("Berkas “%(name)s” kosong (0 byte). Pilih berkas yang berisi dokumen."),
            code="empty",
            params={"name": name},
        )
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("Berkas “%(name)s” berukuran %(size)s, melebihi batas %(limit)s per berkas."),
            code="too_large",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    kind = detect_document_kind(file)
    if kind == PDF or (kind == DOCX and allow_docx) or (kind in IMAGE_KINDS and allow_images):
        return
    if kind == DOCX:
        if allow_images:
            message = _(
                "Berkas “%(name)s” adalah dokumen Word (DOCX); di sini hanya PDF, JPEG, atau PNG yang diterima."
            )
        else:
            message = _("Berkas “%(name)s” adalah dokumen Word (DOCX); di sini hanya PDF yang diterima.")
        raise ValidationError(message, code="docx_not_allowed", params={"name": name})
    if kind in IMAGE_KINDS:
        if allow_docx:
            message = _("Berkas “%(name)s” adalah gambar (JPEG/PNG); di sini hanya PDF atau DOCX yang diterima.")
        else:
            message = _("Berkas “%(name)s” adalah gambar (JPEG/PNG); di sini hanya PDF yang diterima.")
        raise ValidationError(message, code="image_not_allowed", params={"name": name})
    if allow_images:
        if allow_docx:
            message = _(
                "Isi berkas “%(name)s” bukan PDF, DOCX, atau foto JPEG/PNG. "
                "Yang diperiksa isi berkasnya, bukan namanya."
            )
        else:
            message = _(
                "Isi berkas “%(name)s” bukan PDF atau foto JPEG/PNG. Yang diperiksa isi berkasnya, bukan namanya."
            )
        raise ValidationError(message, code="not_pdf_or_image", params={"name": name})
    if allow_docx:
        raise ValidationError(
            _("Isi berkas “%(name)s” bukan PDF atau DOCX. Yang diperiksa isi berkasnya, bukan namanya."),
            code="not_pdf_or_docx",
            params={"name": name},
        )
    raise ValidationError(
        _("Isi berkas “%(name)s” bukan PDF. Yang diperiksa isi berkasnya, bukan namanya."),
        code="not_pdf",
        params={"name": name},
    )


def safe_stored_name(file: UploadedFile, *, max_stem: int = 60) -> str:
    """A plain ASCII name whose extension matches the content, so the file is served as what it is."""
    stem = slugify(os.path.splitext(display_name(file))[0])[:max_stem].strip("-_") or "dokumen"
    return f"{stem}.{EXTENSIONS.get(detect_document_kind(file) or '', 'bin')}"
