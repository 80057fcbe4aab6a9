"""Downloads of the filtered catalogue: CSV, XLSX and JSON hold the public fields of public agreements only."""

import csv
import datetime
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cooperation.models import AgreementStatus, Classification, FundingSource, PartnerCategory
from cooperation.selectors.catalogue import EXPORT_COLUMNS

from ..factories import (
    AgencyFactory,
    AgreementDocumentFactory,
    AgreementFactory,
    PartnerFactory,
    PublicationFactory,
    SectorFactory,
    published_agreement,
)
from .test_catalogue import bulk_public_agreements, with_sectors

pytestmark = pytest.mark.django_db

HEADINGS = [
    "ID",
    "URL",
    "Nomor pihak daerah",
    "Nomor pihak mitra",
    "Judul",
    "Judul (Inggris)",
    "Jenis naskah",
    "Jenis kerja sama",
    "Mitra",
    "Urusan",
    "OPD pemrakarsa",
    "OPD pelaksana",
    "Status",
    "Tanggal penandatanganan",
    "Tanggal mulai",
    "Tanggal berakhir",
    "Nilai (Rp)",
    "Sumber pendanaan",
]
SECRETS = [
    "narahubung.rahasia@example.org",
    "0812-9999-0000",
    "Bu Narahubung Rahasia",
    "CATATAN-INTERNAL-JANGAN-BOCOR",
    "198001012005011001",
    "kontak.mitra.rahasia@example.org",
    "DOKUMEN-DIKECUALIKAN",
    "Naskah Draf Rahasia",
    "Naskah Belum Dipublikasikan",
    "Publikasi Ditarik",
]


@pytest.fixture
def register(site_pages, health_agency, info_agency):
    """Two public agreements with secrets on them, and three agreements that must never be downloaded."""
    partner = PartnerFactory(
        name="Universitas Brawijaya",
        category=PartnerCategory.UNIVERSITY,
        contact_email="kontak.mitra.rahasia@example.org",
    )
    secrets = {
        "contact_name": "Bu Narahubung Rahasia",
        "contact_email": "narahubung.rahasia@example.org",
        "contact_phone": "0812-9999-0000",
        "internal_notes": "CATATAN-INTERNAL-JANGAN-BOCOR",
        "signatory_nip": "198001012005011001",
    }
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    puskesmas = with_sectors(
        published_agreement(
            title="Layanan Puskesmas Keliling",
            title_en="Mobile Community Health Services",
            region_number="180/11/35.73.112/2024",
            initiating_agency=health_agency,
            partners=[partner],
            signed_on=datetime.date(2024, 3, 1),
            starts_on=datetime.date(2024, 3, 1),
            ends_on=datetime.date(2028, 2, 29),
            value=Decimal("1500000000.00"),
            funding_source=FundingSource.APBD,
            **secrets,
        ),
        health,
    )
    party = puskesmas.parties.get()
    party.number = "UB/123/2024"
    party.save()
    puskesmas.implementing_agencies.set([info_agency])
    puskesmas.save()
    AgreementDocumentFactory(
        agreement=puskesmas, title="DOKUMEN-DIKECUALIKAN", classification=Classification.RESTRICTED
    )
    AgreementDocumentFactory(agreement=puskesmas, title="Naskah ditandatangani (publik)")
    smart_city = published_agreement(
        title="=Smart City Kota Malang",
        initiating_agency=info_agency,
        status=AgreementStatus.EXPIRED,
        signed_on=datetime.date(2022, 5, 2),
        starts_on=datetime.date(2022, 5, 2),
        ends_on=datetime.date(2024, 5, 1),
        **secrets,
    )
    AgreementFactory(title="Naskah Draf Rahasia", initiating_agency=health_agency)
    AgreementFactory(
        title="Naskah Belum Dipublikasikan",
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2024, 1, 1),
    )
    PublicationFactory(
        live=False,
        agreement=AgreementFactory(
            title="Publikasi Ditarik",
            initiating_agency=health_agency,
            status=AgreementStatus.IN_FORCE,
            signed_on=datetime.date(2024, 1, 1),
        ),
    )
    return {"puskesmas": puskesmas, "smart_city": smart_city, "health": health}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response) -> list[dict]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def read_xlsx(response) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def read_json(response) -> dict:
    return json.loads(body(response).decode("utf-8"))


def test_the_csv_download_holds_the_filtered_list_with_its_public_fields(client, register):
    response = client.get("/katalog/unduh/csv/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().strftime("%Y%m%d")
    assert response["Content-Disposition"] == f'attachment; filename="katalog-kerja-sama-{today}.csv"'
    rows = read_csv(client.get("/katalog/unduh/csv/"))
    assert list(rows[0]) == HEADINGS
    assert [row["Judul"] for row in rows] == ["Layanan Puskesmas Keliling", "'=Smart City Kota Malang"]
    row = rows[0]
    puskesmas = register["puskesmas"]
    assert row["ID"] == str(puskesmas.pk)
    assert row["URL"] == f"http://testserver/katalog/naskah/{puskesmas.pk}/"
    assert row["Nomor pihak daerah"] == "180/11/35.73.112/2024"
    assert row["Nomor pihak mitra"] == "UB/123/2024"
    assert row["Judul (Inggris)"] == "Mobile Community Health Services"
    assert row["Jenis naskah"] == "Kesepakatan Bersama"
    assert row["Mitra"] == "Universitas Brawijaya"
    assert row["Urusan"] == "Kesehatan"
    assert row["OPD pemrakarsa"] == "Dinas Kesehatan"
    assert row["OPD pelaksana"] == "Dinas Komunikasi dan Informatika"
    assert row["Status"] == "Berlaku"
    assert row["Tanggal penandatanganan"] == "2024-03-01"
    assert row["Tanggal berakhir"] == "2028-02-29"
    assert row["Nilai (Rp)"] == "1500000000.00"
    assert row["Sumber pendanaan"] == "APBD"
    assert rows[1]["Status"] == "Berakhir"


def test_a_download_follows_the_filters_and_ignores_the_page_number(client, register):
    rows = read_csv(client.get("/katalog/unduh/csv/", {"urusan": register["health"].pk, "halaman": 7}))
    assert [row["Judul"] for row in rows] == ["Layanan Puskesmas Keliling"]
    rows = read_csv(client.get("/katalog/unduh/csv/", {"status": "expired", "urutan": "judul"}))
    assert [row["Judul"] for row in rows] == ["'=Smart City Kota Malang"]
    rows = read_csv(client.get("/katalog/unduh/csv/", {"q": "tidak-ada-yang-cocok"}))
    assert rows == []


def test_the_xlsx_download_reads_back_with_dates_and_numbers(client, register):
    response = client.get("/katalog/unduh/xlsx/", {"urutan": "judul"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="katalog-kerja-sama-' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    rows = read_xlsx(response)
    assert list(rows[0]) == HEADINGS
    # The title that starts like a formula stays text.
    assert [row["Judul"] for row in rows] == ["=Smart City Kota Malang", "Layanan Puskesmas Keliling"]
    row = rows[1]
    assert row["ID"] == register["puskesmas"].pk
    assert row["Tanggal penandatanganan"].date() == datetime.date(2024, 3, 1)
    assert row["Nilai (Rp)"] == 1500000000
    assert row["Urusan"] == "Kesehatan"


def test_the_json_download_lists_results_with_english_keys(client, register):
    response = client.get("/katalog/unduh/json/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    data = read_json(response)
    assert data["count"] == 2
    assert datetime.datetime.fromisoformat(data["generated_at"]).tzinfo is not None
    first = data["results"][0]
    assert list(first) == [
        "id",
        "url",
        "region_number",
        "partner_numbers",
        "title",
        "title_en",
        "document_type",
        "kind",
        "partners",
        "sectors",
        "initiating_agency",
        "implementing_agencies",
        "status",
        "signed_on",
        "starts_on",
        "ends_on",
        "value",
        "funding_source",
    ]
    assert first["partners"] == ["Universitas Brawijaya"]
    assert first["partner_numbers"] == ["UB/123/2024"]
    assert first["signed_on"] == "2024-03-01"
    assert first["value"] == 1500000000
    assert data["results"][1]["value"] is None
    filtered = read_json(client.get("/katalog/unduh/json/", {"status": "expired"}))
    assert filtered["count"] == 1
    assert [item["title"] for item in filtered["results"]] == ["=Smart City Kota Malang"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_no_download_holds_drafts_unpublished_agreements_contacts_notes_nips_or_restricted_documents(
    client, register, fmt
):
    response = client.get(f"/katalog/unduh/{fmt}/")
    if fmt == "xlsx":
        text = "\n".join(str(value) for row in read_xlsx(response) for value in row.values())
    else:
        text = body(response).decode("utf-8")
    assert "Layanan Puskesmas Keliling" in text
    for secret in SECRETS:
        assert secret not in text


def test_the_english_download_has_headings_in_english_and_english_names_when_filled_in(client, register):
    rows = read_csv(client.get("/en/katalog/unduh/csv/"))
    with translation.override("en"):
        headings = {key: str(heading) for key, heading in EXPORT_COLUMNS}
    assert list(rows[0]) == list(headings.values())
    row = rows[0]
    assert row[headings["url"]] == f"http://testserver/en/katalog/naskah/{register['puskesmas'].pk}/"
    assert row[headings["sectors"]] == "Health"
    assert row[headings["title_en"]] == "Mobile Community Health Services"


@pytest.mark.parametrize("query", ["jenis=abc", "tahun=20x5", "halaman=99999", "urutan=%00", "status=draft"])
def test_malformed_parameters_never_break_a_download(client, register, query):
    for fmt in ("csv", "xlsx", "json"):
        response = client.get(f"/katalog/unduh/{fmt}/?{query}")
        assert response.status_code == 200
        body(response)


def test_an_unknown_download_format_is_not_found(client, register):
    assert client.get("/katalog/unduh/pdf/").status_code == 404


def test_the_csv_download_needs_as_many_queries_for_2000_agreements_as_for_100(client, site_pages):
    agency = AgencyFactory(code="DINKES", name="Dinas Kesehatan")
    like = with_sectors(published_agreement(initiating_agency=agency), SectorFactory(code="KES", name="Kesehatan"))

    def download_queries() -> tuple[int, int]:
        client.get("/katalog/unduh/csv/")
        with CaptureQueriesContext(connection) as queries:
            rows = read_csv(client.get("/katalog/unduh/csv/"))
        return len(queries), len(rows)

    bulk_public_agreements(99, like=like)
    at_100, rows = download_queries()
    assert rows == 100
    bulk_public_agreements(1900, like=like)
    at_2000, rows = download_queries()
    assert rows == 2000
    assert at_100 == at_2000
