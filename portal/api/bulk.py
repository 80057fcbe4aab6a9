"""Bulk downloads of the whole public register: the list of files and each file.

The files are built by `portal.open_data.bulk` (cron: `manage.py build_open_data`). A file
asked for while the register has moved on is served as it is, with its own Last-Modified, and a
rebuild is enqueued; a file never built yet is built during the request.
"""

import datetime

from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import pgettext
from ninja import Router, Schema

from ..open_data.bulk import BULK_FILES, file_states, open_for_download
from ..open_data.links import PublicLinks
from .common import ERRORS, reject_unknown_parameters, set_last_modified
from .errors import not_found

router = Router()

BINARY = {"type": "string", "format": "binary"}


class BulkFileOut(Schema):
    name: str
    title: str
    format: str
    media_type: str
    size: int | None
    sha256: str | None
    record_count: int | None
    built_at: datetime.datetime | None
    version: str | None
    url: str
    stale: bool


class BulkFileList(Schema):
    count: int
    results: list[BulkFileOut]


@router.get(
    "",
    response={200: BulkFileList, **ERRORS},
    url_name="bulk_files",
    summary="The bulk files of the whole public register",
)
def list_bulk_files(request: HttpRequest, response: HttpResponse):
    """Every bulk file with its size, SHA-256, number of records, build time and whether a rebuild is due.

    `stale` is true when the register changed after the file was built: the file is still served,
    and asking for it enqueues the rebuild. `size` and the rest are null before the first build.
    """
    reject_unknown_parameters(request, ())
    links = PublicLinks.for_request(request)
    results = []
    for state in file_states():
        stored = state.file
        results.append(
            {
                "name": state.spec.name,
                "title": str(state.spec.title),
                "format": state.spec.format,
                "media_type": state.spec.content_type,
                "size": stored.size if stored else None,
                "sha256": stored.sha256 if stored else None,
                "record_count": stored.record_count if stored else None,
                "built_at": stored.built_at if stored else None,
                "version": stored.version if stored else None,
                "url": links.api("bulk_file", filename=state.spec.name),
                "stale": state.stale,
            }
        )
    built = [result["built_at"] for result in results if result["built_at"]]
    set_last_modified(response, max(built, default=None))
    return {"count": len(results), "results": results}


@router.get(
    "/{filename}",
    response=ERRORS,
    url_name="bulk_file",
    summary="Download one bulk file",
    openapi_extra={
        "responses": {
            "200": {
                "description": "The file, as an attachment.",
                "content": {spec.content_type: {"schema": BINARY} for spec in BULK_FILES.values()},
            }
        }
    },
)
def download_bulk_file(request: HttpRequest, filename: str):
    """The file itself (`register.csv`, `register.xlsx`, `register.json`, `ocds-releases.json`,
    `ocds-records.json`, `documents-text.zip`), with Last-Modified (when it was built) and an ETag (its SHA-256)."""
    reject_unknown_parameters(request, ())
    if filename not in BULK_FILES:
        raise not_found(pgettext("api: the record not found", "Berkas unduhan massal"))
    download = open_for_download(filename)
    stored = download.file
    response = FileResponse(
        download.content, as_attachment=True, filename=filename, content_type=BULK_FILES[filename].content_type
    )
    response["Content-Length"] = str(stored.size)
    response["ETag"] = f'"{stored.sha256}"'
    set_last_modified(response, stored.built_at)
    if download.stale:
        # A rebuild is on its way: caches should come back soon rather than keep this copy for long.
        response["Cache-Control"] = "public, max-age=60"
    return response
