"""Partners without an account send a request for cooperation and follow it by number and token."""

import io
import re
import uuid
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.models import (
    RESTRICTED_COLLECTION_NAME,
    AgreementDocument,
    Classification,
    ExternalRequest,
    ExternalRequestStatus,
    hash_token,
)
from cooperation.services.requests import decline_external_request
from portal.forms.requests import HONEYPOT_FIELD

from ..factories import DocumentCategoryFactory, ExternalRequestFactory

pytestmark = pytest.mark.django_db

FORM_URL = "/ajukan-kerja-sama/"
STATUS_URL = "/ajukan-kerja-sama/status/"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf(name: str = "surat-penawaran.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def request_data(**overrides) -> dict:
    data = {
        "organisation": "PT Energi Bersih Nusantara",
        "category": "swasta",
        "country": "Indonesia",
        "region": "Kota Surabaya, Jawa Timur",
        "address": "Jl. Pahlawan 1, Surabaya",
        "contact_name": "Siti Rahmawati",
        "contact_position": "Manajer Kemitraan",
        "contact_email": "siti@energibersih.example.com",
        "contact_phone": "0812-1111-2222",
        "title": "Kerja sama pemasangan panel surya di gedung sekolah",
        "aims": "Menurunkan biaya listrik sekolah negeri.",
        "scope": "Survei, pemasangan dan pemeliharaan panel surya.",
        "attachments": [pdf()],
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def stored_files_named(fragment: str) -> list[str]:
    """Stored files whose name holds the fragment. Other tests may write to the same folder at the
    same time, so each test looks only for the names it used itself."""
    storage = AgreementDocument._meta.get_field("file").storage
    try:
        return [name for name in storage.listdir("documents")[1] if fragment in name]
    except FileNotFoundError:
        return []


def unique_name() -> str:
    return f"lampiran-{uuid.uuid4().hex[:10]}"


def receipt_codes(html: str) -> tuple[str, str]:
    codes = re.findall(r"<code>([^<]+)</code>", html)
    assert len(codes) == 2, html
    return codes[0], codes[1]


def test_the_form_is_in_indonesian_and_every_field_has_a_label(client):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="id">' in html
    assert "<h1>Ajukan Kerja Sama</h1>" in html
    for name in ("organisation", "category", "contact_email", "title", "aims", "scope", "attachments"):
        assert f'for="id_{name}"' in html
        assert f'id="id_{name}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert re.search(r'<input type="file" name="attachments"[^>]* multiple', html)


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(FORM_URL).text
    wrapper = re.search(r'<div class="hp-field" aria-hidden="true">.*?</div>', html, re.S)
    assert wrapper is not None
    assert f'name="{HONEYPOT_FIELD}"' in wrapper.group(0)
    assert 'tabindex="-1"' in wrapper.group(0)


def test_a_valid_request_shows_its_number_and_token_once_and_keeps_the_files_restricted(client):
    DocumentCategoryFactory(code="surat-penawaran", name="Surat penawaran")
    docx = SimpleUploadedFile("profil-lembaga.docx", docx_bytes())
    response = client.post(FORM_URL, request_data(attachments=[pdf(), docx]), follow=True)
    assert response.status_code == 200
    number, token = receipt_codes(response.text)
    assert "hanya ditampilkan satu kali" in response.text

    external_request = ExternalRequest.objects.get()
    assert external_request.number == number
    assert external_request.status == ExternalRequestStatus.RECEIVED
    assert external_request.organisation == "PT Energi Bersih Nusantara"
    assert external_request.submitted_from == "127.0.0.1"
    assert external_request.token_hash == hash_token(token)
    assert token not in external_request.token_hash

    documents = list(external_request.documents.order_by("pk"))
    assert [document.title for document in documents] == ["surat-penawaran.pdf", "profil-lembaga.docx"]
    assert [document.filename.rsplit(".", 1)[1] for document in documents] == ["pdf", "docx"]
    for document in documents:
        assert document.classification == Classification.RESTRICTED
        assert document.restriction_ground == "17h"
        assert document.restriction_reason
        assert document.collection.name == RESTRICTED_COLLECTION_NAME
        assert document.category.code == "surat-penawaran"
        assert document.file_size > 0

    again = client.get(reverse("external_request_received"))
    assert token not in again.text
    assert "hanya ditampilkan satu kali" in again.text


def test_an_anonymous_visitor_cannot_download_an_attachment_of_a_request(client):
    client.post(FORM_URL, request_data())
    document = AgreementDocument.objects.get()
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code in (302, 403, 404)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("surat.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"),
            "Isi berkas “surat.pdf” bukan PDF atau DOCX",
        ),
        (SimpleUploadedFile("kosong.pdf", b"", content_type="application/pdf"), "Berkas “kosong.pdf” kosong (0 byte)"),
        (
            SimpleUploadedFile("besar.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf"),
            "Berkas “besar.pdf” berukuran 1,0\xa0MB, melebihi batas 1,0\xa0MB per berkas",
        ),
        (
            SimpleUploadedFile("lampiran.zip", b"PK\x03\x04not really a zip", content_type="application/zip"),
            "Isi berkas “lampiran.zip” bukan PDF atau DOCX",
        ),
    ],
    ids=["html-named-pdf", "zero-bytes", "too-large", "not-a-docx-zip"],
)
def test_a_bad_file_is_refused_with_its_own_message_and_nothing_is_stored(client, settings, upload, message):
    settings.COOPERATION_MAX_UPLOAD_MB = 1
    good = unique_name()
    response = client.post(FORM_URL, request_data(attachments=[pdf(f"{good}.pdf"), upload]))
    assert response.status_code == 200
    assert message in response.text
    assert 'aria-describedby="id_attachments_helptext id_attachments_error"' in response.text
    assert not ExternalRequest.objects.exists()
    assert not AgreementDocument.objects.exists()
    assert stored_files_named(good) == []


def test_a_request_without_an_attachment_is_refused(client):
    data = request_data()
    del data["attachments"]
    response = client.post(FORM_URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["attachments"]
    assert not ExternalRequest.objects.exists()


def test_too_many_files_are_refused(client, settings):
    settings.COOPERATION_MAX_ATTACHMENTS = 2
    response = client.post(FORM_URL, request_data(attachments=[pdf(f"lampiran-{n}.pdf") for n in range(3)]))
    assert "Paling banyak 2 berkas per permohonan." in response.text
    assert not ExternalRequest.objects.exists()


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client):
    name = unique_name()
    data = request_data(attachments=[pdf(f"{name}.pdf")], **{HONEYPOT_FIELD: "https://spam.example"})
    response = client.post(FORM_URL, data, follow=True)
    assert response.status_code == 200
    assert "Permohonan Anda telah diterima" in response.text
    assert "<code>" not in response.text
    assert not ExternalRequest.objects.exists()
    assert not AgreementDocument.objects.exists()
    assert stored_files_named(name) == []


def test_one_address_may_send_only_so_many_requests_an_hour(client, settings):
    settings.COOPERATION_REQUESTS_PER_HOUR = 2
    for n in range(2):
        response = client.post(FORM_URL, request_data(contact_email=f"orang{n}@contoh.example.com"))
        assert response.status_code == 302
    response = client.post(FORM_URL, request_data(contact_email="orang3@contoh.example.com"))
    assert response.status_code == 429
    assert "paling banyak 2 permohonan per jam" in response.text
    assert ExternalRequest.objects.count() == 2
    assert AgreementDocument.objects.count() == 2


def test_one_contact_email_may_send_only_so_many_requests_a_day(client, settings):
    settings.COOPERATION_REQUESTS_PER_EMAIL_PER_DAY = 1
    first = client.post(FORM_URL, request_data(), REMOTE_ADDR="10.0.0.1")
    assert first.status_code == 302
    second = client.post(FORM_URL, request_data(contact_email="SITI@energibersih.example.com"), REMOTE_ADDR="10.0.0.2")
    assert second.status_code == 429
    assert "batas per hari" in second.text
    assert ExternalRequest.objects.count() == 1


def test_behind_the_proxy_a_forged_forwarded_for_does_not_escape_the_limit(client, settings):
    settings.COOPERATION_TRUSTED_PROXY_COUNT = 1
    settings.COOPERATION_REQUESTS_PER_HOUR = 1
    forwarded = "203.0.113.9"
    first = client.post(
        FORM_URL, request_data(contact_email="a@contoh.example.com"), HTTP_X_FORWARDED_FOR=f"1.1.1.1, {forwarded}"
    )
    assert first.status_code == 302
    assert ExternalRequest.objects.get().submitted_from == forwarded
    second = client.post(
        FORM_URL, request_data(contact_email="b@contoh.example.com"), HTTP_X_FORWARDED_FOR=f"2.2.2.2, {forwarded}"
    )
    assert second.status_code == 429
    other_visitor = client.post(
        FORM_URL, request_data(contact_email="c@contoh.example.com"), HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert other_visitor.status_code == 302


@pytest.mark.parametrize(
    "changes",
    [
        {"category": "bukan-kategori"},
        {"contact_email": "bukan-email"},
        {"title": "x" * 600},
        {"organisation": ""},
        {"aims": ""},
        {"contact_phone": "9" * 200},
    ],
    ids=["unknown-category", "bad-email", "title-too-long", "no-organisation", "no-aims", "phone-too-long"],
)
def test_malformed_input_gets_a_form_error_and_stores_nothing(client, changes):
    response = client.post(FORM_URL, request_data(**changes))
    assert response.status_code == 200
    field = next(iter(changes))
    assert response.context["form"].errors[field]
    assert f'id="id_{field}_error"' in response.text
    assert f'href="#id_{field}"' in response.text
    assert not ExternalRequest.objects.exists()


GARBAGE = [
    (FORM_URL, {}),
    (FORM_URL, {"attachments": "bukan berkas", "category": ["swasta", "pt"]}),
    (FORM_URL, {"organisation": "\x00", "contact_email": "a@b.c\x00"}),
    (STATUS_URL, {}),
    (STATUS_URL, {"number": "x" * 5000, "token": "y" * 5000}),
    (STATUS_URL, {"number": "REG-2025-00001\x00", "token": "\x00"}),
]


@pytest.mark.parametrize(("url", "data"), GARBAGE)
def test_garbage_posts_get_a_form_error_never_a_server_error(client, url, data):
    response = client.post(url, data)
    assert response.status_code in (200, 400)
    assert not ExternalRequest.objects.exists()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("tidak ada", "text/plain"),
        (b"--x\r\nnot a part", "multipart/form-data; boundary=x"),
        (b"--\r\n", "multipart/form-data"),
        (b"{]", "application/json"),
    ],
    ids=["plain-text", "broken-multipart", "multipart-without-boundary", "broken-json"],
)
def test_a_malformed_body_is_answered_with_4xx_or_a_form_error(client, body, content_type):
    response = client.generic("POST", FORM_URL, body, content_type=content_type)
    assert response.status_code in (200, 400)
    assert not ExternalRequest.objects.exists()


def status_of(client, number: str, token: str):
    return client.post(STATUS_URL, {"number": number, "token": token})


def test_the_status_page_shows_an_empty_form_on_get(client):
    response = client.get(STATUS_URL)
    assert response.status_code == 200
    assert 'for="id_number"' in response.text
    assert 'for="id_token"' in response.text
    assert 'method="post"' in response.text


def test_the_right_number_and_token_show_the_stage_and_dates(client):
    external_request = ExternalRequestFactory()
    response = status_of(client, external_request.number, external_request.token)
    assert response.status_code == 200
    assert "Diterima" in response.text
    assert external_request.number in response.text
    tracked = response.context["tracked"]
    assert tracked["status_label"] == "Diterima"
    assert tracked["received_at"] == external_request.received_at
    assert tracked["proposal"] is None


def test_a_declined_request_shows_its_stage_but_not_the_internal_reason(client, users):
    external_request = ExternalRequestFactory()
    decline_external_request(
        request=external_request, reason="Catatan internal: mitra pernah wanprestasi.", by=users["secretariat"]
    )
    response = status_of(client, external_request.number, external_request.token)
    assert "Tidak dapat ditindaklanjuti" in response.text
    assert "wanprestasi" not in response.text


def test_a_wrong_token_and_a_wrong_number_get_the_same_answer_and_reveal_nothing(client):
    external_request = ExternalRequestFactory(organisation="Yayasan Rahasia")
    other = ExternalRequestFactory()
    answers = [
        status_of(client, external_request.number, "token-yang-salah"),
        status_of(client, external_request.number, other.token),
        status_of(client, "REG-1999-99999", external_request.token),
        status_of(client, "", ""),
    ]
    for response in answers[:3]:
        assert response.status_code == 200
        assert "Permohonan tidak ditemukan." in response.text
        assert "tracked" not in response.context
        assert "Yayasan Rahasia" not in response.text
        assert external_request.title not in response.text
    texts = [re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.text) for r in answers[:3]]
    texts = [text.replace(external_request.number, "NUMBER").replace("REG-1999-99999", "NUMBER") for text in texts]
    assert texts[0] == texts[1] == texts[2]
    assert "tracked" not in answers[3].context


def test_a_token_in_the_url_is_never_looked_up(client):
    external_request = ExternalRequestFactory()
    response = client.get(STATUS_URL, {"number": external_request.number, "token": external_request.token})
    assert response.status_code == 200
    assert "tracked" not in response.context
    assert external_request.title not in response.text


def test_the_number_is_found_whatever_its_case_and_spacing(client):
    external_request = ExternalRequestFactory()
    response = status_of(client, f"  {external_request.number.lower()} ", external_request.token)
    assert response.context["tracked"]["number"] == external_request.number
