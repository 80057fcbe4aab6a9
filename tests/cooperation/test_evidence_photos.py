"""Monev evidence may be a photo (JPEG or PNG, judged by its content); every other upload still takes documents only."""

# The fixtures are shared with test_monev_admin.py by import, which pytest needs by name.
# ruff: noqa: F811

import io

import pypdfium2 as pdfium
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cooperation.models import MonevReport, TextStatus
from cooperation.uploads import safe_stored_name, validate_document_upload

from .test_document_text import needs_tesseract, scanned_pdf
from .test_document_text import upload as upload
from .test_documents import document_form
from .test_monev_admin import edit_form, errors_of, evidence_fields, report_form, url
from .test_monev_reports import (  # noqa: F401 (fixtures)
    _after_the_first_semester,
    agreement_in_force,
)

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def photo(kind: str = "PNG", *, size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 180, 90)).save(out, kind)
    return out.getvalue()


def photo_of_the_scanned_minutes(kind: str) -> bytes:
    """The demo's scanned minutes as a phone would photograph them: an image holding words, no text layer."""
    with pdfium.PdfDocument(scanned_pdf()) as pdf:
        bitmap = pdf[0].render(scale=200 / 72)
        image = bitmap.to_pil().convert("RGB")
    out = io.BytesIO()
    image.save(out, kind, quality=90)
    return out.getvalue()


def post_report_with_evidence(client, agreement, agency, file: SimpleUploadedFile):
    data = report_form(agreement, agency, evidence=["Foto kegiatan"])
    data["evidence-0-file"] = file
    return client.post(url("add"), data)


def serve_url(document) -> str:
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


# -- monev evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "content_type", "stored_extension"),
    [
        pytest.param("PNG", "Foto Kegiatan.png", "image/png", ".png", id="png"),
        pytest.param("JPEG", "IMG_2025.JPG", "image/jpeg", ".jpg", id="jpeg"),
        pytest.param("PNG", "tangkapan-layar.jpg", "image/png", ".png", id="png-named-jpg"),
    ],
)
def test_agency_staff_attach_a_photo_as_monev_evidence_from_the_admin_form(
    client, users, agreement_in_force, health_agency, kind, name, content_type, stored_extension
):
    client.force_login(users["health_staff"])
    data = photo(kind)

    response = post_report_with_evidence(client, agreement_in_force, health_agency, SimpleUploadedFile(name, data))

    assert response.status_code == 302, errors_of(response)
    [document] = MonevReport.objects.get().evidence.all()
    assert document.title == "Foto kegiatan"
    assert document.file.name.endswith(stored_extension)  # named after what it holds, so served as what it is
    assert document.file.read() == data
    served = client.get(serve_url(document))
    assert served.status_code == 200
    assert served["Content-Type"] == content_type


def test_the_inspect_page_links_to_the_photo_evidence(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])
    post_report_with_evidence(client, agreement_in_force, health_agency, SimpleUploadedFile("foto.png", photo()))
    report = MonevReport.objects.get()
    [document] = report.evidence.all()

    page = client.get(url("inspect", report.pk))

    assert page.status_code == 200
    assert f'href="{document.url}"' in page.text
    assert client.get(document.url).status_code == 200


def test_a_report_whose_evidence_is_a_photo_can_be_edited_again(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])
    post_report_with_evidence(client, agreement_in_force, health_agency, SimpleUploadedFile("foto.jpg", photo("JPEG")))
    report = MonevReport.objects.get()

    response = client.post(url("edit", report.pk), edit_form(report, activities="Ditambah kunjungan rumah."))

    assert response.status_code == 302, errors_of(response)
    report.refresh_from_db()
    assert report.activities == "Ditambah kunjungan rumah."
    assert report.evidence.get().file.name.endswith(".jpg")


def test_a_photo_added_to_a_saved_report_is_kept(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])
    client.post(url("add"), report_form(agreement_in_force, health_agency))
    report = MonevReport.objects.get()
    data = edit_form(report)
    data["evidence-TOTAL_FORMS"] = "1"
    data.update(evidence_fields(0, "Foto serah terima"))
    data["evidence-0-file"] = SimpleUploadedFile("serah-terima.png", photo())

    response = client.post(url("edit", report.pk), data)

    assert response.status_code == 302, errors_of(response)
    assert report.evidence.get().file.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("foto.jpg", HTML, id="html-named-jpg"),
        pytest.param("foto.png", b"GIF89a\x01\x00\x01\x00", id="gif-named-png"),
    ],
)
def test_a_file_that_is_not_a_photo_is_refused_as_evidence_whatever_its_name(
    client, users, agreement_in_force, health_agency, name, data
):
    client.force_login(users["health_staff"])

    response = post_report_with_evidence(client, agreement_in_force, health_agency, SimpleUploadedFile(name, data))

    assert response.status_code == 200
    assert f"Isi berkas “{name}” bukan PDF, DOCX, atau foto JPEG/PNG" in response.text
    assert not MonevReport.objects.exists()


def test_an_empty_photo_is_refused_as_evidence(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])

    response = post_report_with_evidence(client, agreement_in_force, health_agency, SimpleUploadedFile("foto.jpg", b""))

    assert response.status_code == 200
    assert "kosong" in response.text
    assert not MonevReport.objects.exists()


def test_an_oversized_photo_is_refused_as_evidence(client, users, agreement_in_force, health_agency, settings):
    settings.COOPERATION_MAX_UPLOAD_MB = 1
    client.force_login(users["health_staff"])
    data = SimpleUploadedFile("foto.png", photo("PNG").ljust(1024 * 1024 + 1, b"\0"))

    response = post_report_with_evidence(client, agreement_in_force, health_agency, data)

    assert response.status_code == 200
    assert "melebihi batas" in response.text
    assert not MonevReport.objects.exists()


# -- every other upload still takes documents only -------------------------------------------------------


@pytest.mark.parametrize("name", ["foto.pdf", "foto.png"])
def test_a_photo_is_still_refused_on_the_agreement_document_form(client, users, info_agreement, name):
    from .test_admin_permissions import edit_payload
    from .test_admin_permissions import url as agreement_url

    client.force_login(users["secretariat"])
    data = edit_payload(info_agreement)
    data.update(document_form(classification="public", file=SimpleUploadedFile(name, photo())))

    response = client.post(agreement_url("edit", info_agreement.pk), data)

    assert response.status_code == 200
    if name == "foto.pdf":  # the name passes Wagtail's extension list; the content does not
        assert "adalah gambar (JPEG/PNG); di sini hanya PDF atau DOCX yang diterima" in response.text
    assert not info_agreement.documents.exists()


def test_the_upload_check_refuses_a_photo_unless_photos_are_asked_for():
    for allow_docx in (True, False):
        with pytest.raises(ValidationError) as refused:
            validate_document_upload(SimpleUploadedFile("foto.png", photo()), allow_docx=allow_docx)
        assert refused.value.code == "image_not_allowed"
        assert "foto.png" in refused.value.messages[0]
    validate_document_upload(SimpleUploadedFile("foto.png", photo()), allow_docx=False, allow_images=True)
    validate_document_upload(SimpleUploadedFile("foto", photo("JPEG")), allow_docx=False, allow_images=True)


def test_the_upload_check_names_the_accepted_kinds_when_photos_are_asked_for():
    with pytest.raises(ValidationError) as refused:
        validate_document_upload(SimpleUploadedFile("foto.jpg", HTML), allow_docx=False, allow_images=True)
    assert refused.value.messages == [
        "Isi berkas “foto.jpg” bukan PDF atau foto JPEG/PNG. Yang diperiksa isi berkasnya, bukan namanya."
    ]


def test_a_stored_photo_gets_the_extension_of_its_content():
    assert safe_stored_name(SimpleUploadedFile("Foto Kegiatan.JPEG", photo("JPEG"))) == "foto-kegiatan.jpg"
    assert safe_stored_name(SimpleUploadedFile("layar.jpg", photo("PNG"))) == "layar.png"
    assert safe_stored_name(SimpleUploadedFile("surat.jpg", b"%PDF-1.4\n")) == "surat.pdf"


# -- the text of a photo ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_photo_is_read_by_ocr_and_holds_the_word_only_its_image_shows(upload, kind):
    needs_tesseract()

    document = upload(photo_of_the_scanned_minutes(kind), name=f"foto.{kind.lower()}")

    assert document.text_status == TextStatus.DONE, document.text_error
    assert document.page_count == 1
    page = document.pages.get()
    assert page.number == 1 and page.ocr
    assert "Tirtasari" in page.text


def test_a_photo_taken_sideways_is_turned_upright_before_ocr(upload):
    needs_tesseract()
    upright = Image.open(io.BytesIO(photo_of_the_scanned_minutes("JPEG")))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view", as a phone held sideways writes it
    out = io.BytesIO()
    upright.rotate(90, expand=True).save(out, "JPEG", quality=90, exif=exif)

    document = upload(out.getvalue(), name="miring.jpg")

    assert document.text_status == TextStatus.DONE, document.text_error
    assert "Tirtasari" in document.pages.get().text


def test_a_photo_without_tesseract_needs_ocr_and_says_what_to_install(upload, settings):
    settings.DOCUMENT_TEXT_TESSERACT = "/nonexistent/tesseract"

    document = upload(photo("JPEG"), name="foto.jpg")

    assert document.text_status == TextStatus.NEEDS_OCR
    assert document.get_text_status_display() == "Perlu OCR"
    assert "berupa gambar" in document.text_error
    assert "tesseract-ocr-ind" in document.text_error
    assert document.page_count == 1
    assert not document.pages.filter(ocr=True).exists()


def test_a_broken_photo_fails_with_a_clear_reason(upload):
    document = upload(b"\x89PNG\r\n\x1a\nbukan gambar", name="foto.png")

    assert document.text_status == TextStatus.FAILED
    assert "Berkas gambar rusak" in document.text_error
    assert not document.pages.exists()


def test_a_photo_attached_through_the_monev_form_gets_its_text_status(
    client, users, agreement_in_force, health_agency, settings, django_capture_on_commit_callbacks
):
    settings.DOCUMENT_TEXT_TESSERACT = "/nonexistent/tesseract"
    client.force_login(users["health_staff"])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_report_with_evidence(
            client, agreement_in_force, health_agency, SimpleUploadedFile("foto.png", photo())
        )

    assert response.status_code == 302, errors_of(response)
    document = MonevReport.objects.get().evidence.get()
    assert document.text_status == TextStatus.NEEDS_OCR
