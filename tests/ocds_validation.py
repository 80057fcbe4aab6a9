"""OCDS validation with libcoveocds, offline: the standard comes from tests/fixtures/ocds, not GitHub."""

import csv
import functools
import io
import json
import zipfile
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "fixtures" / "ocds" / "schema"
TAG = "1__1__4"


def _closed_codelists(schema: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def walk(node):
        if isinstance(node, dict):
            if "codelist" in node and node.get("openCodelist") is False:
                enum = node.get("enum") or (node.get("items") or {}).get("enum") or []
                found.setdefault(node["codelist"], [code for code in enum if code is not None])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


@functools.cache
def standard_zip() -> bytes:
    """The standard's `schema/` folder laid out as GitHub's zip of the 1.1.4 tag."""
    root = f"standard-{TAG}/standard/schema/"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"standard-{TAG}/", "")
        for path in sorted(SCHEMA_DIR.rglob("*")):
            if path.is_file():
                archive.write(path, root + path.relative_to(SCHEMA_DIR).as_posix())
        release_schema = json.loads((SCHEMA_DIR / "release-schema.json").read_text())
        for name, codes in _closed_codelists(release_schema).items():
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(["Code", "Title", "Description"])
            writer.writerows([code, code, ""] for code in codes)
            archive.writestr(root + "codelists/" + name, text.getvalue())
    return buffer.getvalue()


def validate_package(package: dict) -> dict:
    """libcoveocds' report on a release or record package: `validation_errors` must be empty."""
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    config = LibCoveOCDSConfig(
        {
            "context": "api",
            "standard_zip": standard_zip(),
            "schema_version_choices": {"1.1": ("1.1", "https://standard.open-contracting.org/1.1/en/", TAG)},
        }
    )
    return ocds_json_output("", None, json_data=json.loads(json.dumps(package)), lib_cove_ocds_config=config)
