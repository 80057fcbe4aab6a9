"""The one rule for tests that need a service: skip with the reason on a laptop, fail when CI=true."""

import os

import pytest


def missing(reason: str, *, required: bool = True) -> None:
    """Nothing may silently skip in CI; `required=False` only for services CI cannot run (Elasticsearch)."""
    if os.environ.get("CI") == "true" and required:
        pytest.fail(f"{reason} (CI=true: tests needing this service may not be skipped)")
    pytest.skip(reason)
