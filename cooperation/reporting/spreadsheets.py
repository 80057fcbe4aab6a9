"""XLSX and CSV files of the upward reports: bold headers, frozen panes, number formats, widths.

Text cells go through the same formula guard as the catalogue's downloads (cooperation/exports.py),
so a title starting with "=" stays text in Excel and LibreOffice.
"""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..exports import text_cell
from .implementation import ImplementationReport
from .register import REGISTER_COLUMNS, Register

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _cell_value(value):
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _title_block(sheet: Worksheet, title: str, region: str, period: str) -> int:
    """Title, region and period above the table; returns the row of the table's header."""
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([region])
    sheet.append([period])
    sheet.append([])
    return 5


def _table(sheet: Worksheet, headings: list[str], widths: list[int]) -> None:
    sheet.append([str(heading) for heading in headings])
    header_row = sheet.max_row
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=header_row, column=index)
        cell.font = BOLD
        cell.alignment = WRAP
    sheet.freeze_panes = f"A{header_row + 1}"


def _to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


IMPLEMENTATION_COLUMNS = [
    (pgettext_lazy("nomor urut", "No"), 6),
    (gettext_lazy("Nomor Pihak Daerah"), 24),
    (gettext_lazy("Nomor Pihak Mitra"), 24),
    (gettext_lazy("Judul"), 48),
    (gettext_lazy("Mitra"), 32),
    (gettext_lazy("Jenis"), 26),
    (gettext_lazy("OPD Pelaksana"), 30),
    (gettext_lazy("Jangka Waktu"), 26),
    (gettext_lazy("Nilai (Rp)"), 18),
    (gettext_lazy("Status"), 16),
    (gettext_lazy("Hasil Monev dalam Periode"), 60),
    (gettext_lazy("Rata-rata Realisasi (%)"), 14),
]


def implementation_xlsx(report: ImplementationReport) -> bytes:
    """Sheet 1 the agreements with their monev results and a totals row; sheet 2 "Ringkasan"."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Laporan Pelaksanaan")
    _title_block(sheet, report.title, report.region_name, report.period_text)
    _table(sheet, [str(h) for h, _w in IMPLEMENTATION_COLUMNS], [w for _h, w in IMPLEMENTATION_COLUMNS])
    for row in report.rows:
        agreement = row.agreement
        realisations = [line.realisation for line in row.monev if line.realisation is not None]
        average = sum(realisations) / len(realisations) if realisations else None
        sheet.append(
            [
                _cell_value(value)
                for value in (
                    row.number,
                    agreement.region_number,
                    agreement.partner_numbers,
                    agreement.title,
                    agreement.partner_names,
                    row.kind,
                    row.implementing_agency,
                    row.term,
                    agreement.value,
                    agreement.status_label,
                    row.monev_text,
                    average.quantize(Decimal("0.1")) if average is not None else None,
                )
            ]
        )
        _format_row(sheet, sheet.max_row, money_column=9, percent_column=12)
    summary = report.summary
    sheet.append(
        [
            None,
            None,
            None,
            _("Jumlah: %(count)s naskah") % {"count": summary.agreement_count},
            None,
            None,
            None,
            None,
            _cell_value(summary.total_value),
        ]
    )
    _format_row(sheet, sheet.max_row, money_column=9, percent_column=12)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD

    overview = workbook.create_sheet(_("Ringkasan"))
    _title_block(overview, report.title, report.region_name, report.period_text)
    _table(overview, [_("Uraian"), _("Nilai")], [52, 24])
    figures = [
        (_("Jumlah naskah yang berlaku dalam periode"), summary.agreement_count, None),
        (_("Total nilai kerja sama (Rp)"), _cell_value(summary.total_value), MONEY_FORMAT),
        (_("Laporan monev jatuh tempo dalam periode"), summary.reports_due, None),
        (_("Laporan monev terverifikasi"), summary.reports_verified, None),
        (_("Laporan monev menunggu verifikasi"), summary.reports_awaiting_verification, None),
        (_("Laporan monev terlambat"), summary.reports_overdue, None),
        (_("Rata-rata realisasi (%)"), _cell_value(summary.average_realisation), PERCENT_FORMAT),
    ]
    for label, value, number_format in figures:
        overview.append([str(label), value])
        if number_format:
            overview.cell(row=overview.max_row, column=2).number_format = number_format
    overview.append([])
    overview.append([_("Status"), _("Jumlah naskah")])
    for cell in overview[overview.max_row]:
        cell.font = BOLD
    for label, count in summary.status_counts:
        overview.append([label, count])
    return _to_bytes(workbook)


def _format_row(sheet: Worksheet, row: int, *, money_column: int, percent_column: int) -> None:
    for cell in sheet[row]:
        cell.alignment = WRAP
    sheet.cell(row=row, column=money_column).number_format = MONEY_FORMAT
    sheet.cell(row=row, column=percent_column).number_format = PERCENT_FORMAT


def register_xlsx(register: Register) -> bytes:
    """One sheet, the register's columns, a totals row of the value."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register")
    _title_block(sheet, register.title, register.region_name, register.period_text)
    _table(sheet, [str(column.heading) for column in REGISTER_COLUMNS], [column.width for column in REGISTER_COLUMNS])
    for row in register.rows:
        sheet.append([_cell_value(row[column.key]) for column in REGISTER_COLUMNS])
        for index, column in enumerate(REGISTER_COLUMNS, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            cell.alignment = WRAP
            if column.number_format:
                cell.number_format = column.number_format
    value_column = [column.key for column in REGISTER_COLUMNS].index("value") + 1
    totals = [None] * len(REGISTER_COLUMNS)
    totals[3] = _("Jumlah: %(count)s naskah") % {"count": len(register.rows)}
    totals[value_column - 1] = _cell_value(register.total_value)
    sheet.append(totals)
    sheet.cell(row=sheet.max_row, column=value_column).number_format = MONEY_FORMAT
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    return _to_bytes(workbook)


def register_csv(register: Register) -> bytes:
    """The register as CSV (UTF-8 with a byte order mark so Excel reads the Indonesian text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(column.heading) for column in REGISTER_COLUMNS])
    for row in register.rows:
        writer.writerow(["" if row[c.key] is None else _cell_value(row[c.key]) for c in REGISTER_COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
