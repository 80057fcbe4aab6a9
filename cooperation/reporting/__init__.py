"""Reports for upward reporting (to the Gubernur and Kemendagri): the implementation report and the register.

- periods.py: the period form (from/to dates, default the last full semester);
- implementation.py: "Laporan Pelaksanaan Kerja Sama Daerah" rows and summary for a period;
- register.py: the register in the columns of Permendagri 22/2020;
- spreadsheets.py / pdf.py: the files (XLSX, CSV, PDF) written from those rows.

Data are gathered by the user's scope (agreements_visible_to), so a file never holds more than
the user may see in the admin.
"""
