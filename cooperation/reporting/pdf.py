"""The implementation report as a PDF: A4 landscape, table header on every page, "Halaman x dari y".

Like the demo paperwork (cooperation/demo/pdfs.py) it uses fpdf2's core fonts, which know Latin-1
only: every string passes through the same ``latin1`` folding (cooperation/exports.py: dashes,
quotes), which covers Indonesian text.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from ..exports import latin1
from .implementation import ImplementationReport, percent, rupiah

# Column widths in millimetres; A4 landscape leaves 277 mm between 10 mm margins.
COLUMNS = [
    (pgettext_lazy("nomor urut", "No"), 8),
    (gettext_lazy("Nomor (Daerah / Mitra)"), 32),
    (gettext_lazy("Judul"), 44),
    (gettext_lazy("Mitra"), 30),
    (gettext_lazy("Jenis"), 22),
    (gettext_lazy("OPD Pelaksana"), 26),
    (gettext_lazy("Jangka Waktu"), 22),
    (gettext_lazy("Nilai (Rp)"), 24),
    (gettext_lazy("Status"), 21),
    (gettext_lazy("Hasil Monev dalam Periode"), 48),
]


class ReportPaper(FPDF):
    """A4 landscape with the report's title in the running header and page numbers in the footer."""

    def __init__(self, running_title: str):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.running_title = running_title
        self.set_margins(10, 12, 10)
        self.set_auto_page_break(auto=True, margin=14)
        self.set_compression(True)

    def header(self) -> None:
        self.set_font("Helvetica", "", 7)
        self.set_text_color(60, 60, 60)
        self.cell(0, 4, latin1(self.running_title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", "", 7)
        page = _("Halaman %(page)s dari %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 5, latin1(page), align="R")


def implementation_pdf(report: ImplementationReport) -> bytes:
    """Title block, summary, then one table row per agreement and a totals row."""
    summary = report.summary
    pdf = ReportPaper(f"{report.title} - {report.region_name} - {report.period_text}")
    pdf.set_title(latin1(report.title))
    pdf.set_author(latin1(report.region_name))
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 7, latin1(report.title.upper()), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, latin1(report.region_name), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, latin1(report.period_text), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, latin1(_("Ringkasan")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    statuses = ", ".join(f"{label}: {count}" for label, count in summary.status_counts) or "-"
    lines = [
        _("Jumlah naskah yang berlaku dalam periode: %(count)s") % {"count": summary.agreement_count},
        _("Menurut status: %(statuses)s") % {"statuses": statuses},
        _("Total nilai kerja sama: %(value)s") % {"value": rupiah(summary.total_value)},
        _(
            "Laporan monev jatuh tempo: %(due)s; terverifikasi: %(verified)s; menunggu verifikasi: %(waiting)s; "
            "terlambat: %(overdue)s"
        )
        % {
            "due": summary.reports_due,
            "verified": summary.reports_verified,
            "waiting": summary.reports_awaiting_verification,
            "overdue": summary.reports_overdue,
        },
        _("Rata-rata realisasi indikator: %(percent)s") % {"percent": percent(summary.average_realisation)},
    ]
    for line in lines:
        pdf.multi_cell(0, 5, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)

    pdf.set_font("Helvetica", "", 7.5)
    headings = FontFace(emphasis="BOLD", fill_color=(220, 226, 236))
    with pdf.table(
        col_widths=[width for _heading, width in COLUMNS],
        width=sum(width for _heading, width in COLUMNS),
        headings_style=headings,
        line_height=3.6,
        text_align="LEFT",
        cell_fill_mode=TableCellFillMode.ROWS,
        cell_fill_color=(246, 247, 250),
        repeat_headings=1,
    ) as table:
        heading_row = table.row()
        for heading, _width in COLUMNS:
            heading_row.cell(latin1(str(heading)))
        for row in report.rows:
            agreement = row.agreement
            numbers = f"{agreement.region_number or '-'} / {agreement.partner_numbers or '-'}"
            cells = [
                str(row.number),
                numbers,
                agreement.title,
                agreement.partner_names,
                row.kind,
                row.implementing_agency,
                row.term,
                rupiah(agreement.value) if agreement.value is not None else "-",
                agreement.status_label,
                row.monev_text,
            ]
            table_row = table.row()
            for text in cells:
                table_row.cell(latin1(text))
        totals = table.row(style=FontFace(emphasis="BOLD"))
        totals.cell("")
        totals.cell(latin1(_("Jumlah: %(count)s naskah") % {"count": summary.agreement_count}), colspan=6)
        totals.cell(latin1(rupiah(summary.total_value)))
        totals.cell("", colspan=2)
    return bytes(pdf.output())
