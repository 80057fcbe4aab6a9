"""The register's public rows as CSV, JSON and XLSX: one set of writers for every download.

The catalogue's filtered downloads stream them to the reader; the bulk files
(`portal.open_data.bulk`) write them to disk. Both take the rows of
`cooperation.selectors.catalogue.iter_public_export`, so the columns are the same everywhere.
"""

import csv
import datetime
import json
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation.exports import text_cell
from cooperation.selectors.catalogue import EXPORT_COLUMNS

STREAM_BATCH = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object that hands back what `csv.writer` writes, so rows can be streamed."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return text_cell("; ".join(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return text_cell(value)
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def batched(lines: Iterable[str]) -> Iterator[str]:
    """A few hundred rows per chunk: fewer, larger writes than one per row."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= STREAM_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    keys = [key for key, _heading in EXPORT_COLUMNS]
    # The byte order mark makes Excel read the file as UTF-8 (Indonesian names, dashes, quotes).
    yield "\ufeff" + writer.writerow([str(heading) for _key, heading in EXPORT_COLUMNS])
    for record in records:
        yield writer.writerow([_csv_cell(record[key]) for key in keys])


def json_lines(records: Iterable[dict], *, count: int) -> Iterator[str]:
    generated_at = timezone.localtime().isoformat(timespec="seconds")
    yield f'{{"count": {count}, "generated_at": {json.dumps(generated_at)}, "results": ['
    separator = "\n"
    for record in records:
        yield separator + json.dumps({key: _json_value(value) for key, value in record.items()}, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def write_xlsx(records: Iterable[dict], file: IO[bytes]) -> None:
    """A write-only workbook: rows go to disk as they come, not into a tree held in memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Katalog"))
    sheet.freeze_panes = "A2"
    for index, width in enumerate([8, 40, 24, 24, 60, 60, 24, 32, 40, 30, 36, 36, 16, 14, 14, 14, 18, 18]):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for _key, heading in EXPORT_COLUMNS:
        cell = WriteOnlyCell(sheet, value=str(heading))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    keys = [key for key, _heading in EXPORT_COLUMNS]
    for record in records:
        row = []
        for key in keys:
            value = record[key]
            if isinstance(value, list):
                value = "; ".join(value)
            if isinstance(value, str) and value.startswith("="):
                # openpyxl would store it as a formula: say it is text.
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            row.append(value)
        sheet.append(row)
    workbook.save(file)


def xlsx_file(records: Iterable[dict]) -> IO[bytes]:
    """The workbook in a temporary file, rewound, for a FileResponse (which closes it after sending)."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 - the caller's FileResponse closes it
    write_xlsx(records, file)
    file.seek(0)
    return file
