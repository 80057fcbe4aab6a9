"""A real S3-compatible server for the document storage tests (tools/s3/start.sh starts one).

The tests run when AWS_S3_ENDPOINT_URL and AWS_STORAGE_BUCKET_NAME are set (with the keys); on a
machine without them they skip with the reason, and in CI (CI=true) that is a failure, so nothing is
silently skipped there. Each test gets its own key prefix in the bucket and removes it afterwards.
"""

import copy
import importlib.util
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.services import missing

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"
REQUIRED = ("AWS_S3_ENDPOINT_URL", "AWS_STORAGE_BUCKET_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")


def load_base_settings() -> ModuleType:
    """portal/settings/base.py evaluated afresh against the current environment."""
    spec = importlib.util.spec_from_file_location("_base_settings_under_test", BASE_SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Bucket:
    """The bucket the documents storage writes to, seen from outside Django (boto3 with the root keys)."""

    client: object
    endpoint: str
    name: str
    prefix: str
    configure: Callable[..., None]  # the documents storage again, with other options (querystring_expire=1)

    def key(self, file_name: str) -> str:
        return f"{self.prefix}/{file_name}"

    def plain_url(self, file_name: str) -> str:
        return f"{self.endpoint.rstrip('/')}/{self.name}/{self.key(file_name)}"

    def exists(self, file_name: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.name, Key=self.key(file_name))
        except ClientError as error:
            if error.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def object_keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=f"{self.prefix}/")
        return [item["Key"] for item in listing.get("Contents", [])]


@pytest.fixture
def s3_settings() -> ModuleType:
    """The settings base.py derives from the S3 environment, or a skip (a failure in CI) without it."""
    absent = [name for name in REQUIRED if not os.environ.get(name)]
    if absent:
        missing(f"{', '.join(absent)} not set: start an S3 server with tools/s3/start.sh and export its lines")
    return load_base_settings()


@pytest.fixture
def bucket(settings, s3_settings) -> Bucket:
    """The "documents" storage switched to the bucket, under a fresh key prefix removed afterwards."""
    import boto3
    from botocore.config import Config

    prefix = f"test-{uuid.uuid4().hex[:12]}"

    def configure(**options) -> None:
        documents = copy.deepcopy(s3_settings.STORAGES["documents"])
        documents["OPTIONS"].update(location=prefix, **options)
        # override_settings: Django resets its storage handler and cooperation.storage the field's.
        settings.STORAGES = {**settings.STORAGES, "documents": documents}
        settings.WAGTAILDOCS_SERVE_METHOD = s3_settings.WAGTAILDOCS_SERVE_METHOD

    client = boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name=os.environ.get("AWS_S3_REGION_NAME") or "us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    configure()
    bucket = Bucket(client, os.environ["AWS_S3_ENDPOINT_URL"], os.environ["AWS_STORAGE_BUCKET_NAME"], prefix, configure)
    yield bucket
    for key in bucket.object_keys():
        client.delete_object(Bucket=bucket.name, Key=key)
