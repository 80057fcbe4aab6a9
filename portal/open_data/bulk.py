"""The bulk files of the whole public register: CSV, XLSX, JSON, OCDS packages and the documents' text.

Each file is built for one version of the public register (`open_data_versions()`) into a
temporary file, stored under a new name in the documents storage (S3 in production), and only
then swapped into its `OpenDataFile` row; the previous blob stays downloadable until the swap
and is deleted after it. A file is rebuilt when its family's version differs from the one it
was built for: by `manage.py build_open_data` (cron, every few minutes), and by a task enqueued
when someone downloads a stale file (who gets the stale file meanwhile, with its own
Last-Modified). Everything is read through `cooperation.selectors.open_data_files`, so a draft,
an unpublished agreement or a restricted document cannot reach a file.
"""

import csv
import hashlib
import io
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, groupby
from operator import itemgetter
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cooperation.exports import text_cell
from cooperation.selectors.catalogue import iter_public_export
from cooperation.selectors.open_data_files import (
    DOCUMENTS,
    OCDS,
    REGISTER,
    open_data_agreement_count,
    open_data_agreement_id_chunks,
    open_data_document_chunks,
    open_data_document_count,
    open_data_document_pages,
    open_data_export_agreements,
    open_data_versions,
)
from cooperation.storage import document_storage

from ..models import OpenDataFile
from ..selectors import stored_open_data_file, stored_open_data_files
from .links import PublicLinks
from .tables import XLSX_TYPE, batched, csv_lines, json_lines, write_xlsx

logger = logging.getLogger(__name__)

OCDS_CHUNK = 500  # agreements per `releases_for` call: a fixed number of queries each
REBUILD_LOCK_SECONDS = 3600  # one enqueued rebuild per file and register version; cron catches a lost one
HASH_CHUNK = 1024 * 1024


class Progress(Protocol):
    """What a build reports to: tqdm's bar in the command, nothing in a task."""

    def update(self, n: int = 1) -> Any: ...

    def close(self) -> Any: ...


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class _Build:
    links: PublicLinks
    progress: Progress
    uri: str
    rows: int = 0  # register rows written so far


# EU file type -> (HTTP Content-Type, IANA media type)
MEDIA_TYPES = {
    "CSV": ("text/csv; charset=utf-8", "text/csv"),
    "XLSX": (XLSX_TYPE, XLSX_TYPE),
    "JSON": ("application/json", "application/json"),
    "ZIP": ("application/zip", "application/zip"),
}


@dataclass(frozen=True)
class BulkFile:
    """One bulk file: its stable name (the last part of its URL), how it is described and how it is written."""

    name: str
    title: Promise
    format: str  # what the reader sees
    file_type: str  # the EU file-type authority's code (DCAT's dct:format), a key of MEDIA_TYPES
    family: str  # which part of the register it holds (REGISTER, OCDS, DOCUMENTS): when to rebuild it
    write: Callable[[IO[bytes], _Build], int]  # writes the file, returns how many records it holds
    total: Callable[[], int]  # how many steps the progress bar has

    @property
    def content_type(self) -> str:
        return MEDIA_TYPES[self.file_type][0]

    @property
    def media_type(self) -> str:
        """The IANA media type (DCAT's dcat:mediaType)."""
        return MEDIA_TYPES[self.file_type][1]

    @property
    def extension(self) -> str:
        return os.path.splitext(self.name)[1]


# -- the writers ------------------------------------------------------------------------------------


def _register_rows(build: _Build) -> Iterator[dict]:
    for row in iter_public_export(open_data_export_agreements(), url_of=build.links.agreement):
        build.rows += 1
        build.progress.update(1)
        yield row


def _write_text(out: IO[bytes], chunks: Iterable[str]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    for chunk in batched(chunks):
        text.write(chunk)
    text.flush()
    text.detach()


def _write_csv(out: IO[bytes], build: _Build) -> int:
    _write_text(out, csv_lines(_register_rows(build)))
    return build.rows


def _write_xlsx(out: IO[bytes], build: _Build) -> int:
    write_xlsx(_register_rows(build), out)
    return build.rows


def _write_json(out: IO[bytes], build: _Build) -> int:
    _write_text(out, json_lines(_register_rows(build), count=open_data_agreement_count()))
    return build.rows


def _write_package(out: IO[bytes], head: dict, key: str, items: Iterable[dict]) -> int:
    """A JSON package written as it goes: the metadata, then `key` as an array, one item at a time."""
    head = {name: value for name, value in head.items() if name != key}
    opening = json.dumps(head, ensure_ascii=False, cls=DjangoJSONEncoder)[:-1]
    out.write((opening + (", " if head else "") + json.dumps(key) + ": [").encode())
    count = 0
    for item in items:
        separator = "\n" if count == 0 else ",\n"
        out.write((separator + json.dumps(item, ensure_ascii=False, cls=DjangoJSONEncoder)).encode())
        count += 1
    out.write(b"\n]}\n")
    return count


def _releases_by_chunk(build: _Build) -> Iterator[tuple[list[int], dict[int, list[dict]]]]:
    from . import ocds

    for ids in open_data_agreement_id_chunks(size=OCDS_CHUNK):
        yield ids, ocds.releases_for(ids, links=build.links)
        build.progress.update(len(ids))


def _write_ocds_releases(out: IO[bytes], build: _Build) -> int:
    from . import ocds

    def releases() -> Iterator[dict]:
        for ids, by_agreement in _releases_by_chunk(build):
            for pk in ids:
                yield from by_agreement.get(pk, [])

    head = ocds.release_package([], uri=build.uri, links=build.links)
    return _write_package(out, head, "releases", releases())


def _write_ocds_records(out: IO[bytes], build: _Build) -> int:
    from . import ocds

    def records() -> Iterator[dict]:
        for ids, by_agreement in _releases_by_chunk(build):
            chunk = {pk: by_agreement[pk] for pk in ids if by_agreement.get(pk)}
            if chunk:
                yield from ocds.record_package(chunk, uri=build.uri, links=build.links)["records"]

    head = ocds.record_package({}, uri=build.uri, links=build.links)
    return _write_package(out, head, "records", records())


INDEX_COLUMNS = [
    "document_id",
    "agreement_id",
    "title",
    "language",
    "pages",
    "text_file",
    "url",
    "viewer_url",
    "agreement_url",
]


def _pages_of(documents: list) -> Iterator[tuple[Any, Iterator[tuple[int, str]]]]:
    """Each document with its (page number, text) pages, read from one cursor (both are in document id order)."""
    groups = groupby(open_data_document_pages([document.pk for document in documents]), key=itemgetter(0))
    current = next(groups, None)
    for document in documents:
        while current is not None and current[0] < document.pk:
            current = next(groups, None)
        if current is not None and current[0] == document.pk:
            yield document, ((number, text) for _id, number, text in current[1])
            current = next(groups, None)
        else:
            yield document, iter(())


def _write_pages(archive: zipfile.ZipFile, name: str, pages: Iterator[tuple[int, str]]) -> int:
    """One document's text as one entry, each page under its header; no entry for a document without text."""
    first = next(pages, None)
    if first is None:
        return 0
    written = 0
    with archive.open(name, "w") as entry:
        for number, text in chain([first], pages):
            header = gettext("--- halaman %(number)s ---") % {"number": number}
            entry.write(f"{header}\n{text.strip()}\n\n".encode())
            written += 1
    return written


def _write_documents_text(out: IO[bytes], build: _Build) -> int:
    """One UTF-8 text file per public document, an index.csv of every public document and a README.txt."""
    links = build.links
    count = 0
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", newline="") as index:
        writer = csv.writer(index)
        index.write("\ufeff")
        writer.writerow(INDEX_COLUMNS)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for documents in open_data_document_chunks():
                for document, pages in _pages_of(documents):
                    name = f"agreement-{document.agreement_id}/document-{document.pk}.txt"
                    written = _write_pages(archive, name, pages)
                    writer.writerow(
                        [
                            document.pk,
                            document.agreement_id,
                            text_cell(document.title),
                            document.language,
                            written,
                            name if written else "",
                            links.absolute(document.url),
                            links.document_viewer(document.agreement_id, document.pk),
                            links.agreement(document.agreement_id),
                        ]
                    )
                    count += 1
                    build.progress.update(1)
            index.seek(0)
            with archive.open("index.csv", "w") as entry:
                for line in index:
                    entry.write(line.encode())
            archive.writestr("README.txt", _readme(links=links, count=count))
    return count


def _readme(*, links: PublicLinks, count: int) -> str:
    lines = [
        gettext("Teks dokumen publik kerja sama daerah — %(region)s") % {"region": settings.COOPERATION_REGION_NAME},
        "",
        gettext(
            "Arsip ini memuat teks hasil ekstraksi dari setiap dokumen publik naskah kerja sama yang dipublikasikan "
            "(%(count)s dokumen). Dokumen yang dikecualikan tidak pernah dimuat."
        )
        % {"count": count},
        gettext(
            "Satu berkas teks UTF-8 per dokumen: agreement-<ID naskah>/document-<ID dokumen>.txt; setiap halaman "
            'diawali baris "--- halaman N ---". Teks halaman pindaian berasal dari OCR dan dapat keliru: '
            "berkas PDF aslinya yang sah."
        ),
        gettext(
            "index.csv mencantumkan setiap dokumen: ID, ID naskah, judul, bahasa, jumlah halaman berteks, nama "
            "berkas teks (kosong bila teksnya belum tersedia), alamat unduhan PDF, penampil dokumen dan halaman naskah."
        ),
        "",
        gettext("Dibuat: %(moment)s") % {"moment": timezone.localtime().isoformat(timespec="seconds")},
        gettext("Lisensi: %(license)s") % {"license": settings.OPEN_DATA_LICENSE_URL},
        gettext("Sumber dan keterangan: %(url)s") % {"url": links.open_data_page()},
    ]
    return "\n".join(lines) + "\n"


_agreements, _documents = open_data_agreement_count, open_data_document_count

BULK_FILES: dict[str, BulkFile] = {
    spec.name: spec
    for spec in [
        # name, title, what the reader sees, EU file type, family, writer, progress bar total
        BulkFile("register.csv", _("Register kerja sama daerah (CSV)"), "CSV", "CSV", REGISTER, _write_csv,
                 _agreements),
        BulkFile("register.xlsx", _("Register kerja sama daerah (Excel)"), "XLSX", "XLSX", REGISTER, _write_xlsx,
                 _agreements),
        BulkFile("register.json", _("Register kerja sama daerah (JSON)"), "JSON", "JSON", REGISTER, _write_json,
                 _agreements),
        BulkFile("ocds-releases.json", _("Paket rilis OCDS seluruh naskah"), "OCDS JSON", "JSON", OCDS,
                 _write_ocds_releases, _agreements),
        BulkFile("ocds-records.json", _("Paket rekaman OCDS seluruh naskah"), "OCDS JSON", "JSON", OCDS,
                 _write_ocds_records, _agreements),
        BulkFile("documents-text.zip", _("Teks seluruh dokumen publik (ZIP)"), "ZIP", "ZIP", DOCUMENTS,
                 _write_documents_text, _documents),
    ]
}  # fmt: skip


# -- building and swapping ----------------------------------------------------------------------------


def _sha256(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for block in iter(lambda: file.read(HASH_CHUNK), b""):
        digest.update(block)
    return digest.hexdigest()


def build_file(
    name: str, *, version: str, links: PublicLinks | None = None, progress: Progress | None = None
) -> OpenDataFile:
    """Write one file for `version` into a temporary file, store it, then swap it into its row.

    The version is read before the data, so a change during the build makes the next check
    rebuild again, never the other way round. A file whose bytes did not change keeps its blob
    and its `built_at` (its Last-Modified); only the version it stands for moves on.
    """
    spec = BULK_FILES[name]
    links = links or PublicLinks.for_request(None)
    progress = progress or _NoProgress()
    built_at = timezone.now()
    storage = document_storage()
    try:
        with tempfile.TemporaryFile() as temporary, translation.override(settings.LANGUAGE_CODE):
            build = _Build(links=links, progress=progress, uri=links.api("bulk_file", filename=name))
            record_count = spec.write(temporary, build)
            temporary.flush()
            size = temporary.seek(0, os.SEEK_END)
            sha256 = _sha256(temporary)
            current = stored_open_data_file(name)
            if current is not None and current.sha256 == sha256 and storage.exists(current.file.name):
                OpenDataFile.objects.filter(pk=current.pk).update(version=version)
                current.version = version
                return current
            temporary.seek(0)
            stem = os.path.splitext(name)[0]
            stored = storage.save(
                f"open-data/{stem}-{built_at:%Y%m%dT%H%M%S}-{sha256[:12]}{spec.extension}",
                File(temporary, name=name),
            )
    finally:
        progress.close()
    try:
        row, previous = _swap(
            spec,
            stored=stored,
            version=version,
            size=size,
            sha256=sha256,
            record_count=record_count,
            built_at=built_at,
        )
    except Exception:
        storage.delete(stored)
        raise
    if previous and previous != stored:
        try:
            storage.delete(previous)
        except Exception:  # an orphaned blob costs space, not correctness
            logger.exception("Could not delete the previous open-data blob %s", previous)
    return row


def _swap(spec: BulkFile, *, stored: str, **fields) -> tuple[OpenDataFile, str]:
    """Point the file's row at the new blob; returns the row and the blob it pointed at before."""
    with transaction.atomic():
        row = OpenDataFile.objects.select_for_update().filter(name=spec.name).first() or OpenDataFile(name=spec.name)
        previous = row.file.name or ""
        row.file.name = stored
        row.content_type = spec.content_type
        for field, value in fields.items():
            setattr(row, field, value)
        row.save()
    return row, previous


@dataclass(frozen=True)
class Outcome:
    name: str
    built: bool
    file: OpenDataFile


def build_open_data(
    *,
    force: bool = False,
    names: Iterable[str] | None = None,
    links: PublicLinks | None = None,
    progress: Callable[[BulkFile], Progress] | None = None,
) -> list[Outcome]:
    """Rebuild the files whose register version changed (every one with `force`); the others stay."""
    versions = open_data_versions()
    wanted = list(BULK_FILES) if names is None else [name for name in BULK_FILES if name in set(names)]
    rows = stored_files()
    links = links or PublicLinks.for_request(None)
    outcomes = []
    for name in wanted:
        spec = BULK_FILES[name]
        version = versions[spec.family]
        row = rows.get(name)
        if not force and row is not None and row.version == version:
            outcomes.append(Outcome(name=name, built=False, file=row))
            continue
        row = build_file(name, version=version, links=links, progress=progress(spec) if progress else None)
        outcomes.append(Outcome(name=name, built=True, file=row))
    return outcomes


# -- what the API and the open-data page read -----------------------------------------------------------


def stored_files() -> dict[str, OpenDataFile]:
    """The built files of the publication by name, one query."""
    return stored_open_data_files(BULK_FILES)


@dataclass(frozen=True)
class FileState:
    spec: BulkFile
    file: OpenDataFile | None
    stale: bool


def file_states(*, versions: dict[str, str] | None = None) -> list[FileState]:
    """Every bulk file with its stored row (None before the first build) and whether the register moved on."""
    versions = versions if versions is not None else open_data_versions()
    rows = stored_files()
    states = []
    for name, spec in BULK_FILES.items():
        row = rows.get(name)
        states.append(FileState(spec=spec, file=row, stale=row is None or row.version != versions[spec.family]))
    return states


@dataclass
class Download:
    file: OpenDataFile
    content: IO[bytes]
    stale: bool


def open_for_download(name: str) -> Download:
    """The stored file, opened; built here and now when there is none, rebuilt in the background when stale.

    The blob is opened before the rebuild is enqueued: with the Immediate tasks backend (dev)
    the rebuild runs at once and deletes the old blob, which an open file survives.
    """
    spec = BULK_FILES[name]
    version = open_data_versions()[spec.family]
    row = stored_open_data_file(name)
    if row is None or not document_storage().exists(row.file.name):
        row = build_file(name, version=version)
    content = row.file.open("rb")
    stale = row.version != version
    if stale:
        request_rebuild(name, version=version)
    return Download(file=row, content=content, stale=stale)


def request_rebuild(name: str, *, version: str) -> bool:
    """Enqueue one rebuild of `name` per register version, however many readers ask; True if enqueued."""
    if not cache.add(f"open-data:rebuild:{name}:{version}", True, timeout=REBUILD_LOCK_SECONDS):
        return False
    from ..tasks import build_open_data_file

    build_open_data_file.enqueue(name=name)
    return True
