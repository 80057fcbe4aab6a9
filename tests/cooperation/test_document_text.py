"""The text of every page is read on upload (OCR for scans); bad files end with a clear reason, never a crash."""

import datetime
import io
import shutil
import zipfile

import pypdfium2 as pdfium
import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from fpdf import FPDF

from cooperation.demo.pdfs import render_scanned_minutes
from cooperation.models import AgreementDocument, DocumentPage, TextStatus
from cooperation.services.document_text import extract_document_text
from cooperation.tasks import extract_document_text_task

from ..factories import AgreementDocumentFactory, text_pdf
from ..services import missing

pytestmark = pytest.mark.django_db

STAMP = datetime.datetime(2025, 3, 4, tzinfo=datetime.UTC)


def needs_tesseract() -> None:
    """Skip on a laptop without Tesseract; in CI (CI=true) a missing Tesseract is a failure."""
    if shutil.which("tesseract"):
        return
    missing("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng)")


def scanned_pdf() -> bytes:
    return render_scanned_minutes(
        title="Perjanjian Kerja Sama tentang Pengelolaan Air Bersih",
        region_number="180/12/35.73.401/2025",
        partners=["Perumda Air Minum Tugu Tirta"],
        day=datetime.date(2025, 3, 4),
        stamp=STAMP,
    )


def blank_pdf(pages: int) -> bytes:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def encrypted_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Isi naskah yang dilindungi kata sandi")
    pdf.set_encryption(owner_password="pemilik", user_password="rahasia")
    return bytes(pdf.output())


def docx(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>" for text in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    return out.getvalue()


@pytest.fixture
def upload(django_capture_on_commit_callbacks, health_agreement):
    """Upload a file as a new document and let the commit run the extraction task (Immediate backend)."""

    def make(data: bytes, name: str = "naskah.pdf", **fields) -> AgreementDocument:
        fields.setdefault("agreement", health_agreement)
        with django_capture_on_commit_callbacks(execute=True):
            document = AgreementDocumentFactory(file=ContentFile(data, name=name), **fields)
        document.refresh_from_db()
        return document

    return make


def page_texts(document: AgreementDocument) -> dict[int, str]:
    return dict(document.pages.values_list("number", "text"))


# -- text layer ---------------------------------------------------------------------------------------


def test_each_page_of_an_uploaded_pdf_is_stored_with_its_own_text(upload):
    document = upload(text_pdf("Pasal 1 ruang lingkup kerja sama puskesmas", "Pasal 2 jangka waktu lima tahun"))

    assert document.text_status == TextStatus.DONE
    assert document.page_count == 2
    assert document.text_error == ""
    assert document.text_extracted_at is not None
    texts = page_texts(document)
    assert "ruang lingkup kerja sama puskesmas" in texts[1]
    assert "jangka waktu lima tahun" in texts[2] and "puskesmas" not in texts[2]
    assert not document.pages.filter(ocr=True).exists()


def test_a_new_document_waits_as_pending_until_its_task_has_run(health_agreement):
    document = AgreementDocumentFactory(agreement=health_agreement, file=ContentFile(text_pdf("Teks"), name="a.pdf"))

    document.refresh_from_db()
    assert document.text_status == TextStatus.PENDING
    assert not document.pages.exists()


def test_uploading_a_new_file_replaces_the_pages_of_the_old_one(upload, django_capture_on_commit_callbacks):
    document = upload(text_pdf("Versi lama halaman satu", "Versi lama halaman dua", "Versi lama halaman tiga"))
    assert document.page_count == 3

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(text_pdf("Versi baru yang sudah ditandatangani"), name="baru.pdf")
        document.save()
    document.refresh_from_db()

    assert document.text_status == TextStatus.DONE
    assert document.page_count == 1
    assert page_texts(document) == {1: "Versi baru yang sudah ditandatangani"}


def test_editing_a_document_without_a_new_file_does_not_read_it_again(upload, django_capture_on_commit_callbacks):
    document = upload(text_pdf("Naskah yang tidak berubah isinya"))
    extracted_at = document.text_extracted_at

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Judul baru"
        document.save()
    document.refresh_from_db()

    assert document.text_extracted_at == extracted_at
    assert document.text_status == TextStatus.DONE


def test_the_task_returns_the_status_it_recorded(health_agreement):
    document = AgreementDocumentFactory(agreement=health_agreement, file=ContentFile(text_pdf("Isi"), name="a.pdf"))

    result = extract_document_text_task.enqueue(document_id=document.pk)

    assert result.return_value == TextStatus.DONE


def test_a_second_task_for_a_file_already_read_does_nothing(upload):
    document = upload(text_pdf("Naskah yang sudah dibaca"))

    result = extract_document_text_task.enqueue(document_id=document.pk)

    assert result.return_value == TextStatus.DONE
    assert AgreementDocument.objects.get(pk=document.pk).text_extracted_at == document.text_extracted_at


def test_a_docx_draft_is_stored_as_one_page_of_text(upload):
    document = upload(docx("Draf kesepakatan bersama", "Pasal 1 &amp; Pasal 2"), name="draf.docx")

    assert document.text_status == TextStatus.DONE
    assert page_texts(document) == {1: "Draf kesepakatan bersama\nPasal 1 & Pasal 2"}


# -- OCR ----------------------------------------------------------------------------------------------


def test_a_scanned_page_is_read_by_ocr_and_holds_the_word_only_its_image_shows(upload):
    needs_tesseract()
    data = scanned_pdf()
    with pdfium.PdfDocument(data) as pdf:
        assert pdf[0].get_textpage().get_text_bounded().strip() == ""  # no text layer at all

    document = upload(data, name="pindaian.pdf")

    assert document.text_status == TextStatus.DONE, document.text_error
    page = document.pages.get()
    assert page.ocr
    assert "Tirtasari" in page.text


def test_a_scanned_page_without_tesseract_needs_ocr_and_says_what_to_install(upload, settings):
    settings.DOCUMENT_TEXT_TESSERACT = "/nonexistent/tesseract"

    document = upload(scanned_pdf(), name="pindaian.pdf")

    assert document.text_status == TextStatus.NEEDS_OCR
    assert "Halaman 1 tidak memiliki lapisan teks" in document.text_error
    assert "tesseract-ocr-ind" in document.text_error
    assert document.get_text_status_display() == "Perlu OCR"


def test_a_missing_tesseract_language_pack_needs_ocr_and_names_the_package(upload, settings):
    needs_tesseract()
    settings.DOCUMENT_TEXT_OCR_LANGUAGES = "ind+zzz"

    document = upload(scanned_pdf(), name="pindaian.pdf")

    assert document.text_status == TextStatus.NEEDS_OCR
    assert "tesseract-ocr-zzz" in document.text_error


def test_ocr_of_a_page_over_the_time_limit_fails_with_the_reason(upload, settings):
    needs_tesseract()
    settings.DOCUMENT_TEXT_OCR_TIMEOUT = 0.001

    document = upload(scanned_pdf(), name="pindaian.pdf")

    assert document.text_status == TextStatus.FAILED
    assert "melebihi batas waktu" in document.text_error
    assert document.page_count == 1


def test_blank_pages_need_no_ocr(upload, settings):
    settings.DOCUMENT_TEXT_TESSERACT = "/nonexistent/tesseract"

    document = upload(blank_pdf(3))

    assert document.text_status == TextStatus.DONE
    assert page_texts(document) == {1: "", 2: "", 3: ""}


# -- bad input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "Berkas kosong (0 byte)", id="zero-byte"),
        pytest.param(b"<!DOCTYPE html><html><body>Halaman galat</body></html>", "halaman web (HTML)", id="html"),
        pytest.param(b"%PDF-1.4\n%rusak\n", "Berkas PDF rusak", id="corrupt"),
        pytest.param(text_pdf("Naskah")[:400], "Berkas PDF rusak", id="truncated"),
        pytest.param(encrypted_pdf(), "dilindungi kata sandi", id="encrypted"),
        pytest.param(b"GIF89a\x01\x00\x01\x00bukan dokumen", "bukan PDF atau DOCX", id="gif"),
        pytest.param(b"\x89PNG\r\n\x1a\nbukan gambar", "Berkas gambar rusak", id="broken-png"),
        pytest.param(b"PK\x03\x04rusak", "bukan PDF atau DOCX", id="broken-zip"),
    ],
)
def test_a_bad_file_fails_with_a_clear_reason_and_no_pages(upload, data, reason):
    document = upload(data)

    assert document.text_status == TextStatus.FAILED
    assert reason in document.text_error
    assert not document.pages.exists()
    assert document.page_count is None


def test_a_file_missing_from_storage_fails_with_a_clear_reason(upload):
    document = upload(text_pdf("Naskah"))
    document.file.storage.delete(document.file.name)

    result = extract_document_text(document_id=document.pk)
    document.refresh_from_db()

    assert result.status == TextStatus.FAILED
    assert "tidak ditemukan" in document.text_error
    assert not document.pages.exists()


def test_a_pdf_of_thousands_of_pages_is_read_up_to_the_limit_and_says_so(upload):
    document = upload(blank_pdf(2100))

    assert document.text_status == TextStatus.DONE
    assert document.page_count == 2100
    assert document.pages.count() == 2000
    assert "Hanya 2000 halaman pertama dari 2100" in document.text_error


def test_the_page_limit_is_a_setting(upload, settings):
    settings.DOCUMENT_TEXT_MAX_PAGES = 2

    document = upload(text_pdf("satu satu satu", "dua dua dua", "tiga tiga tiga"))

    assert sorted(page_texts(document)) == [1, 2]
    assert "Hanya 2 halaman pertama dari 3" in document.text_error


def test_the_stored_page_numbers_are_unique_per_document(upload):
    document = upload(text_pdf("Satu"))

    with pytest.raises(Exception):  # noqa: B017 - the database's IntegrityError, whichever database
        DocumentPage.objects.create(document=document, number=1, text="lagi")


# -- the admin: status and "Proses ulang teks" -----------------------------------------------------------


def rerun_url(document: AgreementDocument) -> str:
    return reverse("cooperation_document_text_rerun", args=[document.pk])


@pytest.fixture
def failed_earlier(upload):
    """A good PDF whose earlier run failed (say the server ran out of disk): re-running fixes it."""
    document = upload(text_pdf("Naskah layanan puskesmas keliling"))
    AgreementDocument.objects.filter(pk=document.pk).update(text_status=TextStatus.FAILED, text_error="Disk penuh.")
    DocumentPage.objects.filter(document=document).delete()
    return document


@pytest.mark.parametrize("user_key", ["secretariat", "health_staff"])
def test_staff_who_may_change_the_agreement_can_rerun_the_text(
    client, users, failed_earlier, user_key, django_capture_on_commit_callbacks
):
    client.force_login(users[user_key])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(rerun_url(failed_earlier))
    failed_earlier.refresh_from_db()

    assert response.status_code == 302
    assert failed_earlier.text_status == TextStatus.DONE
    assert failed_earlier.text_error == ""
    assert "puskesmas keliling" in failed_earlier.pages.get().text


def test_agency_staff_of_another_agency_cannot_rerun_the_text(client, users, failed_earlier):
    client.force_login(users["info_staff"])

    response = client.post(rerun_url(failed_earlier))

    assert response.status_code == 404
    failed_earlier.refresh_from_db()
    assert failed_earlier.text_status == TextStatus.FAILED


def test_a_reviewer_who_may_only_read_the_agreement_cannot_rerun_the_text(client, users, failed_earlier):
    client.force_login(users["legal"])

    response = client.post(rerun_url(failed_earlier))

    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
    failed_earlier.refresh_from_db()
    assert failed_earlier.text_status == TextStatus.FAILED


def test_an_anonymous_visitor_cannot_rerun_the_text(client, failed_earlier):
    response = client.post(rerun_url(failed_earlier))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    failed_earlier.refresh_from_db()
    assert failed_earlier.text_status == TextStatus.FAILED


def test_rerunning_needs_a_post(client, users, failed_earlier):
    client.force_login(users["secretariat"])

    assert client.get(rerun_url(failed_earlier)).status_code == 405


def test_the_agreement_page_shows_each_documents_text_status_reason_and_rerun_button(client, users, upload, settings):
    settings.DOCUMENT_TEXT_TESSERACT = "/nonexistent/tesseract"
    document = upload(scanned_pdf(), name="pindaian.pdf")
    client.force_login(users["health_staff"])

    response = client.get(reverse("wagtailsnippets_cooperation_agreement:inspect", args=[document.agreement_id]))

    html = response.content.decode()
    assert "Perlu OCR" in html
    assert "Tesseract (OCR) belum terpasang" in html
    assert rerun_url(document) in html
    assert "Proses ulang teks" in html


def test_the_rerun_button_is_not_offered_to_a_reviewer(client, users, upload):
    document = upload(text_pdf("Naskah"))
    client.force_login(users["legal"])

    response = client.get(reverse("wagtailsnippets_cooperation_agreement:inspect", args=[document.agreement_id]))

    assert "Selesai" in response.content.decode()
    assert rerun_url(document) not in response.content.decode()


def test_the_document_edit_page_shows_the_text_status_and_reruns_from_there(
    client, admin_user, failed_earlier, django_capture_on_commit_callbacks
):
    # Wagtail's own document screens need collection permissions, which only the superuser has here.
    client.force_login(admin_user)
    edit_url = reverse("wagtaildocs:edit", args=[failed_earlier.pk])

    html = client.get(edit_url).content.decode()
    assert "Teks untuk pencarian" in html
    assert "Disk penuh." in html
    assert f'formaction="{rerun_url(failed_earlier)}?next=' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{rerun_url(failed_earlier)}?next={edit_url}", {"next": ""})
    assert response.status_code == 302 and response["Location"] == edit_url
    failed_earlier.refresh_from_db()
    assert failed_earlier.text_status == TextStatus.DONE


# -- the demo --------------------------------------------------------------------------------------------


def test_the_demo_has_a_public_scan_whose_word_only_ocr_can_find_and_the_catalogue_search_finds_it():
    needs_tesseract()
    from django.core.management import call_command

    from cooperation.demo.builder import SCANNED_TITLE
    from cooperation.models import Agreement
    from cooperation.selectors import public_agreements

    call_command("seed_demo", "--agreements", "40", "--no-progress", "--no-proposals", stdout=io.StringIO())
    try:
        scan = AgreementDocument.objects.get(title__startswith=SCANNED_TITLE)
        assert not scan.is_restricted
        assert public_agreements().filter(pk=scan.agreement_id).exists()
        with scan.file.open("rb") as handle, pdfium.PdfDocument(handle.read()) as pdf:
            assert pdf[0].get_textpage().get_text_bounded().strip() == ""

        assert scan.pages.filter(ocr=True, text__contains="Tirtasari").exists()
        assert not DocumentPage.objects.exclude(document=scan).filter(text__icontains="tirtasari").exists()
        assert not Agreement.objects.filter(title__icontains="tirtasari").exists()

        # seed_demo builds the search index, so the public catalogue finds the word from the image.
        found = Client().get("/katalog/", {"q": "Tirtasari"})
        assert found.status_code == 200
        assert [agreement.pk for agreement in found.context["agreements"]] == [scan.agreement_id]
        assert f"/dokumen/{scan.pk}/?halaman=1&amp;sorot=tirtasari" in found.text

        call_command("seed_demo", "--agreements", "40", "--no-progress", "--no-proposals", stdout=io.StringIO())
        assert AgreementDocument.objects.filter(title__startswith=SCANNED_TITLE).count() == 1  # idempotent
    finally:
        for document in AgreementDocument.objects.all():
            document.file.storage.delete(document.file.name)
