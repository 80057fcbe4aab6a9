"""Which storage the settings pick for documents, from the environment alone (no S3 server needed)."""

import pytest

from cooperation.storage_s3 import response_headers_for

from .conftest import load_base_settings

S3_VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_LOCATION",
    "AWS_QUERYSTRING_EXPIRE",
)


@pytest.fixture
def environment(monkeypatch):
    for name in S3_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_a_bucket_documents_stay_on_local_disk_and_are_streamed_by_the_serve_view(environment):
    base = load_base_settings()
    assert base.STORAGES["documents"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert base.STORAGES["documents"]["OPTIONS"]["base_url"] is None
    assert base.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_bucket_on_an_s3_compatible_server_gets_a_private_presigned_configuration(environment):
    environment.setenv("AWS_STORAGE_BUCKET_NAME", "dokumen-kerja-sama")
    environment.setenv("AWS_S3_ENDPOINT_URL", "https://s3.malangkota.go.id")
    environment.setenv("AWS_S3_REGION_NAME", "us-east-1")
    base = load_base_settings()
    documents = base.STORAGES["documents"]
    assert documents["BACKEND"] == "cooperation.storage_s3.PrivateDocumentStorage"
    assert documents["OPTIONS"] == {
        "bucket_name": "dokumen-kerja-sama",
        "endpoint_url": "https://s3.malangkota.go.id",
        "region_name": "us-east-1",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "location": "documents",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        "file_overwrite": False,
    }
    assert base.WAGTAILDOCS_SERVE_METHOD == "redirect"
    assert base.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_on_aws_itself_the_addressing_style_is_left_to_boto3_and_the_expiry_can_be_changed(environment):
    environment.setenv("AWS_STORAGE_BUCKET_NAME", "dokumen-kerja-sama")
    environment.setenv("AWS_S3_REGION_NAME", "ap-southeast-3")
    environment.setenv("AWS_QUERYSTRING_EXPIRE", "30")
    environment.setenv("AWS_LOCATION", "simboisker/dokumen")
    options = load_base_settings().STORAGES["documents"]["OPTIONS"]
    assert options["endpoint_url"] is None
    assert options["addressing_style"] is None
    assert options["querystring_expire"] == 30
    assert options["location"] == "simboisker/dokumen"


def test_a_presigned_pdf_opens_inline_and_a_docx_downloads_under_its_name():
    assert response_headers_for("documents/naskah-ksb.pdf") == {
        "ResponseContentType": "application/pdf",
        "ResponseContentDisposition": 'inline; filename="naskah-ksb.pdf"',
    }
    docx = response_headers_for("documents/draf pks.docx")
    assert docx["ResponseContentDisposition"] == 'attachment; filename="draf pks.docx"'
    assert docx["ResponseContentType"].endswith("wordprocessingml.document")


def test_a_file_name_outside_ascii_is_passed_on_encoded():
    headers = response_headers_for("documents/naskah-kerjasama-ñandú.pdf")
    assert headers["ResponseContentDisposition"] == "inline; filename*=utf-8''naskah-kerjasama-%C3%B1and%C3%BA.pdf"
