"""Reports for upward reporting: the implementation report (XLSX, PDF) and the register, read back."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pypdfium2
import pytest
import time_machine

from cooperation.models import (
    AgreementParty,
    AgreementStatus,
    MonevIndicator,
    MonevReport,
    Recommendation,
    VerificationStatus,
)
from cooperation.reporting.periods import last_full_semester

from ..factories import AgreementFactory, CooperationKindFactory, PartnerFactory, amendment_type

pytestmark = pytest.mark.django_db

D = datetime.date
URL = "/admin/monitoring/laporan/"
PERIOD = {"period_from": "2026-01-01", "period_to": "2026-06-30"}
TODAY = datetime.datetime(2026, 8, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def register(health_agency, info_agency, settings):
    """Two agreements in force in Semester I 2026 (one reported, one late), one ended before, one draft."""
    settings.COOPERATION_REGION_NAME = "Pemerintah Kota Malang"
    kind = CooperationKindFactory(monev_interval_months=6)
    reported = AgreementFactory(
        title="KSB Layanan Puskesmas Keliling",
        region_number="100/01/35.73.112/2025",
        kind=kind,
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 12, 31),
        signed_on=D(2024, 12, 20),
        value=Decimal("100000000"),
        funding_source="apbd",
        burdens_apbd=True,
        dprd_approval_number="170/12/DPRD/2024",
        dprd_approval_date=D(2024, 12, 1),
        subject="Layanan kesehatan keliling",
        partners=[PartnerFactory(name="Universitas Brawijaya")],
    )
    AgreementParty.objects.filter(agreement=reported).update(number="UB/2025/77")
    reported.implementing_agencies.add(health_agency)
    late = AgreementFactory(
        title="PKS Jaringan Internet Kelurahan",
        kind=kind,
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        starts_on=D(2026, 3, 1),
        ends_on=D(2028, 2, 29),
        value=Decimal("50000000"),
        partners=[PartnerFactory(name="PT Telkom Indonesia")],
    )
    ended = AgreementFactory(
        title="KSB Pasar Lama Yang Sudah Berakhir",
        kind=kind,
        initiating_agency=health_agency,
        status=AgreementStatus.EXPIRED,
        starts_on=D(2023, 1, 1),
        ends_on=D(2025, 12, 31),
        value=Decimal("999000000"),
    )
    draft = AgreementFactory(
        title="Usulan Draf Belum Ditandatangani",
        kind=kind,
        initiating_agency=health_agency,
        status=AgreementStatus.DRAFT,
        value=Decimal("7000000"),
    )
    addendum = AgreementFactory(
        title="Adendum Layanan Puskesmas",
        region_number="100/09/35.73.112/2026",
        document_type=amendment_type(),
        parent=reported,
        kind=kind,
        initiating_agency=health_agency,
        status=AgreementStatus.DRAFT,
    )
    report = MonevReport.objects.create(
        agreement=reported,
        period_starts_on=D(2026, 1, 1),
        period_ends_on=D(2026, 6, 30),
        reporting_agency=health_agency,
        activities="Layanan di lima kelurahan.",
        budget_planned=Decimal("20000000"),
        budget_realised=Decimal("12000000"),
        recommendation=Recommendation.CONTINUE,
        verification_status=VerificationStatus.VERIFIED,
        submitted_at=datetime.datetime(2026, 7, 10, 9, tzinfo=datetime.UTC),
        live=True,
    )
    MonevIndicator.objects.create(report=report, name="Warga terlayani", target=1000, realisation=800)
    return {"reported": reported, "late": late, "ended": ended, "draft": draft, "addendum": addendum}


def download(client, user, kind: str, **params):
    client.force_login(user)
    return client.get(URL, {**PERIOD, **params, "unduh": kind})


def workbook_of(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows_of(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_the_implementation_xlsx_lists_agreements_in_force_in_the_period_with_monev_and_totals(client, users, register):
    response = download(client, users["secretariat"], "pelaksanaan-xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="laporan-pelaksanaan-kerja-sama-2026-01-01_2026-06-30.xlsx"' in response["Content-Disposition"]
    book = workbook_of(response)
    assert book.sheetnames == ["Laporan Pelaksanaan", "Ringkasan"]
    sheet = book["Laporan Pelaksanaan"]
    rows = rows_of(sheet)
    assert rows[0][0] == "Laporan Pelaksanaan Kerja Sama Daerah"
    assert rows[1][0] == "Pemerintah Kota Malang"
    assert rows[2][0] == "Periode 01-01-2026 s.d. 30-06-2026"
    header = rows[4]
    assert header[:4] == ["No", "Nomor Pihak Daerah", "Nomor Pihak Mitra", "Judul"]
    assert sheet.freeze_panes == "A6"
    assert sheet["A5"].font.bold
    titles = [row[3] for row in rows[5:-1]]
    assert titles == ["KSB Layanan Puskesmas Keliling", "PKS Jaringan Internet Kelurahan"]
    reported = rows[5]
    assert reported[1:3] == ["100/01/35.73.112/2025", "UB/2025/77"]
    assert reported[4] == "Universitas Brawijaya"
    assert reported[6] == "Dinas Kesehatan"
    assert reported[8] == 100000000
    assert sheet.cell(row=6, column=9).number_format == "#,##0"
    monev = reported[10]
    assert "Semester I 2026" in monev
    assert "realisasi 80,0 %" in monev
    assert "anggaran Rp12.000.000 (60,0 %)" in monev
    assert "rekomendasi Dilanjutkan" in monev
    assert reported[11] == 80
    assert rows[6][10] == "Semester I 2026: Terlambat"
    totals = rows[-1]
    assert totals[3] == "Jumlah: 2 naskah"
    assert totals[8] == 150000000


def test_the_ringkasan_sheet_sums_values_and_counts_reports(client, users, register):
    book = workbook_of(download(client, users["secretariat"], "pelaksanaan-xlsx"))
    figures = {row[0]: row[1] for row in rows_of(book["Ringkasan"]) if row and row[0]}

    assert figures["Jumlah naskah yang berlaku dalam periode"] == 2
    assert figures["Total nilai kerja sama (Rp)"] == 150000000
    assert figures["Laporan monev jatuh tempo dalam periode"] == 2
    assert figures["Laporan monev terverifikasi"] == 1
    assert figures["Laporan monev terlambat"] == 1
    assert figures["Rata-rata realisasi (%)"] == 80
    assert figures["Berlaku"] == 2


def test_the_implementation_pdf_holds_the_same_rows_and_totals_with_page_numbers(client, users, register):
    response = download(client, users["secretariat"], "pelaksanaan-pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="laporan-pelaksanaan-kerja-sama-2026-01-01_2026-06-30.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    flat = " ".join(text.split())
    assert "LAPORAN PELAKSANAAN KERJA SAMA DAERAH" in flat
    assert "Pemerintah Kota Malang" in flat
    assert "KSB Layanan Puskesmas Keliling" in flat
    assert "PKS Jaringan Internet Kelurahan" in flat
    assert "Berakhir" not in flat.replace("Akan Berakhir", "")
    assert "Pasar Lama" not in flat
    assert "Usulan Draf" not in flat
    assert "realisasi 80,0 %" in flat
    assert "Terlambat" in flat
    assert "Jumlah: 2 naskah" in flat
    assert "Rp150.000.000" in flat
    assert "Halaman 1 dari 1" in flat


def test_a_long_pdf_repeats_the_table_header_and_numbers_every_page(client, users, register, health_agency):
    for number in range(40):
        AgreementFactory(
            title=f"Kesepakatan tambahan nomor {number} tentang layanan publik yang judulnya cukup panjang",
            initiating_agency=health_agency,
            status=AgreementStatus.SIGNED,
            starts_on=D(2026, 1, 1),
        )
    document = pypdfium2.PdfDocument(download(client, users["secretariat"], "pelaksanaan-pdf").content)
    pages = [" ".join(page.get_textpage().get_text_range().split()) for page in document]

    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "Hasil Monev dalam Periode" in text


def test_the_register_xlsx_has_the_permendagri_columns_and_a_row_per_agreement(client, users, register):
    response = download(client, users["secretariat"], "register-xlsx")

    assert 'filename="register-kerja-sama-2026-01-01_2026-06-30.xlsx"' in response["Content-Disposition"]
    rows = rows_of(workbook_of(response).active)
    assert rows[4] == [
        "No",
        "Nomor dan Tanggal Naskah (Pihak Daerah / Pihak Mitra)",
        "Jenis Naskah",
        "Judul/Tentang",
        "Para Pihak",
        "Objek/Ruang Lingkup",
        "Jangka Waktu",
        "Nilai (Rp)",
        "Sumber Pendanaan",
        "OPD Pelaksana",
        "Persetujuan DPRD (Nomor/Tanggal)",
        "Status",
        "Keterangan",
    ]
    row = rows[5]
    assert row[0] == 1
    assert row[1] == "Pihak daerah: 100/01/35.73.112/2025, 20-12-2024\nPihak mitra: UB/2025/77"
    assert row[2] == "Kesepakatan Bersama"
    assert row[3] == "KSB Layanan Puskesmas Keliling"
    assert row[4] == "Pemerintah Kota Malang; Universitas Brawijaya"
    assert row[5] == "Layanan kesehatan keliling"
    assert row[6] == "01-01-2025 s.d. 31-12-2027 (3 tahun)"
    assert row[7:9] == [100000000, "APBD"]
    assert row[10] == "170/12/DPRD/2024, 01-12-2024"
    assert row[11] == "Berlaku"
    assert row[12] == "Adendum: 100/09/35.73.112/2026"
    assert [r[3] for r in rows[5:-1]] == ["KSB Layanan Puskesmas Keliling", "PKS Jaringan Internet Kelurahan"]
    assert rows[-1][3] == "Jumlah: 2 naskah"
    assert rows[-1][7] == 150000000


def test_the_register_csv_holds_the_same_columns(client, users, register):
    response = download(client, users["secretariat"], "register-csv")

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="register-kerja-sama-2026-01-01_2026-06-30.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "No" and rows[0][-1] == "Keterangan"
    assert [row[3] for row in rows[1:]] == ["KSB Layanan Puskesmas Keliling", "PKS Jaringan Internet Kelurahan"]


def test_a_terminated_agreement_says_so_in_the_register(client, users, register):
    late = register["late"]
    late.status = AgreementStatus.TERMINATED
    late.terminated_on = D(2026, 5, 31)
    late.termination_reason = "Mitra wanprestasi"
    late.save()

    rows = rows_of(workbook_of(download(client, users["secretariat"], "register-xlsx")).active)

    assert rows[6][12] == "Diakhiri pada 31-05-2026: Mitra wanprestasi"


def test_agency_staff_download_only_their_own_agencys_agreements(client, users, register):
    rows = rows_of(workbook_of(download(client, users["info_staff"], "pelaksanaan-xlsx")).active)

    assert [row[3] for row in rows[5:-1]] == ["PKS Jaringan Internet Kelurahan"]
    assert rows[-1][8] == 50000000


@pytest.mark.parametrize("role", ["secretariat", "administrator", "leadership", "legal", "tkksd", "editor"])
def test_region_wide_roles_open_the_reports_page_with_the_summary(client, users, register, role):
    client.force_login(users[role])
    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Laporan Pelaksanaan Kerja Sama Daerah" in content
    assert "Periode 01-01-2026 s.d. 30-06-2026" in content, "defaults to the last full semester"


def test_an_account_without_a_role_cannot_download_reports(client, users, register):
    client.force_login(users["no_role"])

    response = client.get(URL, {**PERIOD, "unduh": "pelaksanaan-xlsx"})

    assert response.status_code in (302, 403)
    assert "attachment" not in response.get("Content-Disposition", "")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"period_from": "2026-07-01", "period_to": "2026-01-01"}, "Tanggal awal periode harus sebelum"),
        ({"period_from": "kemarin", "period_to": "2026-01-01"}, "Tanggal awal tidak valid."),
        ({"period_from": "2026-01-01", "period_to": ""}, "Isi tanggal akhir periode."),
        ({"period_from": "2026-13-45", "period_to": "2026-12-31"}, "Tanggal awal tidak valid."),
        ({**PERIOD, "unduh": "rahasia-docx"}, "Jenis unduhan tidak dikenal."),
    ],
)
def test_a_bad_period_gets_a_clear_message_and_no_file(client, users, register, params, message):
    client.force_login(users["secretariat"])

    response = client.get(URL, {"unduh": "pelaksanaan-pdf", **params})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "attachment" not in response.get("Content-Disposition", "")


def test_the_default_period_is_the_last_full_semester():
    assert last_full_semester(D(2026, 8, 15)) == (D(2026, 1, 1), D(2026, 6, 30))
    assert last_full_semester(D(2026, 3, 1)) == (D(2025, 7, 1), D(2025, 12, 31))
    assert last_full_semester(D(2026, 7, 1)) == (D(2026, 1, 1), D(2026, 6, 30))


@pytest.mark.parametrize("kind", ["pelaksanaan-xlsx", "pelaksanaan-pdf", "register-xlsx"])
def test_the_downloads_take_a_fixed_number_of_queries(client, users, register, kind, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["secretariat"])
    client.get(URL, {**PERIOD, "unduh": kind})  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {**PERIOD, "unduh": kind})
    for _ in range(15):
        agreement = AgreementFactory(status=AgreementStatus.IN_FORCE, starts_on=D(2026, 1, 1), value=Decimal(1))
        AgreementFactory(parent=agreement, document_type=amendment_type(), replaces=agreement)

    with django_assert_max_num_queries(len(few)):
        response = client.get(URL, {**PERIOD, "unduh": kind})
    assert response.status_code == 200
