"""Documents in a private S3 bucket: every download passes the permission check, then goes to a
short-lived presigned URL; the bucket itself answers nobody without a signature.

Runs against a real S3-compatible server (tools/s3/start.sh: versitygw); see conftest.py.
"""

import datetime
import time
import urllib.error
import urllib.request
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from cooperation.models import AgreementDocument, AgreementStatus, Classification, RestrictionGround, TextStatus
from cooperation.services import agreements as agreement_services

from ..factories import AgreementDocumentFactory, AgreementFactory, published_agreement, text_pdf

pytestmark = pytest.mark.django_db

PDF = text_pdf("Kesepakatan Bersama penyediaan air bersih")


def serve_url(document: AgreementDocument) -> str:
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """An anonymous GET from outside Django, as a browser following the redirect would make it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def public_document(bucket, info_agency) -> AgreementDocument:
    agreement = published_agreement(initiating_agency=info_agency, title="Kesepakatan Bersama Air Bersih")
    return AgreementDocumentFactory(
        agreement=agreement,
        title="Naskah ditandatangani",
        file=ContentFile(PDF, name="naskah-air-bersih.pdf"),
    )


@pytest.fixture
def restricted_document(bucket, info_agency) -> AgreementDocument:
    agreement = published_agreement(initiating_agency=info_agency, title="Kesepakatan Bersama Smart City")
    return AgreementDocumentFactory(
        agreement=agreement,
        title="Draf yang masih dirundingkan",
        file=ContentFile(PDF, name="draf-rahasia.pdf"),
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.NEGOTIATION,
        restriction_reason="Masih dalam perundingan dengan mitra.",
    )


def test_a_signed_scan_recorded_by_the_secretariat_is_stored_in_the_bucket(bucket, users, info_agency):
    agreement = AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.APPROVED)
    agreement_services.record_signature(
        agreement=agreement,
        by=users["secretariat"],
        signed_on=datetime.date(2025, 3, 3),
        signed_at="Balai Kota Malang",
        region_number="180/7/35.73.402/2025",
        signed_scan=ContentFile(PDF, name="naskah-ditandatangani.pdf"),
    )
    document = agreement.documents.get()
    assert bucket.exists(document.file.name)
    stored = bucket.client.get_object(Bucket=bucket.name, Key=bucket.key(document.file.name))
    assert stored["Body"].read() == PDF
    assert stored["ContentType"] == "application/pdf"


def test_the_bucket_answers_403_to_an_unsigned_request_for_a_document(bucket, public_document):
    assert bucket.exists(public_document.file.name)
    status, _, body = fetch(bucket.plain_url(public_document.file.name))
    assert status == 403
    assert PDF not in body


def test_anyone_gets_a_public_document_through_a_redirect_to_a_short_lived_presigned_url(
    client, bucket, public_document
):
    response = client.get(serve_url(public_document))
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{bucket.endpoint.rstrip('/')}/{bucket.name}/{bucket.prefix}/")
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == ["60"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    status, headers, body = fetch(location)
    assert status == 200
    assert body == PDF
    assert headers["Content-Type"] == "application/pdf"
    # Inline, so the portal's viewer can show it in <object>; the name still comes with it.
    assert headers["Content-Disposition"].startswith("inline")
    assert public_document.filename in headers["Content-Disposition"]


def test_a_docx_comes_as_an_attachment_under_its_own_name(client, bucket, users, info_agency):
    agreement = AgreementFactory(initiating_agency=info_agency)
    document = AgreementDocumentFactory(agreement=agreement, file=ContentFile(b"PK\x03\x04 draf", name="draf-pks.docx"))
    client.force_login(users["info_staff"])
    status, headers, _ = fetch(client.get(serve_url(document))["Location"])
    assert status == 200
    assert headers["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_presigned_url_stops_working_once_it_expires(client, bucket, public_document):
    bucket.configure(querystring_expire=1)
    location = client.get(serve_url(public_document))["Location"]
    assert parse_qs(urlsplit(location).query)["X-Amz-Expires"] == ["1"]
    time.sleep(2.5)
    status, _, body = fetch(location)
    assert status == 403
    assert PDF not in body


def test_a_presigned_url_with_a_forged_signature_is_refused(client, bucket, public_document):
    location = client.get(serve_url(public_document))["Location"]
    signature = parse_qs(urlsplit(location).query)["X-Amz-Signature"][0]
    forged = location.replace(signature, ("0" if signature[0] != "0" else "1") + signature[1:])
    assert fetch(forged)[0] == 403


def test_a_restricted_document_never_gives_an_anonymous_visitor_a_presigned_url(client, bucket, restricted_document):
    response = client.get(serve_url(restricted_document))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:  # Wagtail's collection restriction: to the login page, not the bucket
        assert "login" in response["Location"]
        assert bucket.endpoint not in response["Location"]
        assert "X-Amz-Signature" not in response["Location"]


def test_staff_of_another_agency_get_403_and_no_presigned_url_for_a_restricted_document(
    client, bucket, users, restricted_document
):
    client.force_login(users["health_staff"])
    response = client.get(serve_url(restricted_document))
    assert response.status_code == 403
    assert "Location" not in response


@pytest.mark.parametrize("role", ["info_staff", "secretariat"])
def test_entitled_staff_are_redirected_to_a_restricted_document_they_can_read(
    client, bucket, users, role, restricted_document
):
    client.force_login(users[role])
    response = client.get(serve_url(restricted_document))
    assert response.status_code == 302
    status, _, body = fetch(response["Location"])
    assert (status, body) == (200, PDF)


def test_the_document_viewer_embeds_our_serve_url_not_the_bucket(client, bucket, site_pages, public_document):
    agreement = public_document.agreement
    response = client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{public_document.pk}/")
    assert response.status_code == 200
    # Our URL, perhaps with a #page=… fragment: the browser keeps the fragment across the redirect.
    assert f'<object class="pdf-viewer" data="{serve_url(public_document)}' in response.text
    assert bucket.endpoint not in response.text
    # The browser follows the redirect from our origin; S3 sends no X-Frame-Options of its own.
    status, headers, body = fetch(client.get(serve_url(public_document))["Location"])
    assert (status, body) == (200, PDF)
    assert "X-Frame-Options" not in headers


def test_deleting_a_document_removes_its_object_from_the_bucket(
    bucket, public_document, django_capture_on_commit_callbacks
):
    name = public_document.file.name
    assert bucket.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        public_document.delete()
    assert not bucket.exists(name)


def test_text_extraction_reads_the_document_from_the_bucket(bucket, public_document):
    from cooperation.services.document_text import extract_document_text

    result = extract_document_text(document_id=public_document.pk)
    assert (result.status, result.page_count) == (TextStatus.DONE, 1)
    page = public_document.pages.get()
    assert "air bersih" in page.text.lower()


def test_existing_local_documents_are_copied_into_the_bucket_under_the_same_name(client, bucket, tmp_path):
    names = ["documents/naskah-lama-2019.pdf", "documents/naskah-lama-2020.pdf"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(PDF)
    agreement = published_agreement()
    documents = [
        AgreementDocument.objects.create(title=f"Naskah lama {n}", agreement=agreement, file=name)
        for n, name in enumerate(names)
    ]
    bucket.client.put_object(Bucket=bucket.name, Key=bucket.key(names[1]), Body=PDF)  # copied by an earlier run

    out = StringIO()
    call_command("copy_documents_to_s3", source=str(tmp_path), no_progress=True, stdout=out)

    assert "1 disalin, 1 sudah ada di bucket, 0 tidak ditemukan" in out.getvalue()
    assert all(bucket.exists(name) for name in names)
    response = client.get(serve_url(documents[0]))
    assert fetch(response["Location"])[2] == PDF
