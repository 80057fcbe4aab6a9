"""The register list: every filter narrows it, and the exports hold what the list holds."""

import datetime
import io

import openpyxl
import pytest

from cooperation.models import AgreementStatus, PartnerCategory

from ..factories import (
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    SectorFactory,
    implementing_type,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/cooperation/agreement/"


@pytest.fixture
def register(health_agency, info_agency):
    health_sector = SectorFactory(code="KES", name="Kesehatan")
    ministry = PartnerFactory(name="Kementerian Kesehatan", category=PartnerCategory.MINISTRY)
    ksb = AgreementFactory(
        title="KSB Layanan Kesehatan Terpadu",
        initiating_agency=health_agency,
        kind=CooperationKindFactory(code="K/L", name="Kementerian/Lembaga"),
        signed_on=datetime.date(2024, 5, 2),
        status=AgreementStatus.IN_FORCE,
        partners=[ministry],
    )
    ksb.sectors.add(health_sector)
    ksb.save()
    pks = AgreementFactory(
        title="PKS Jaringan Fiber Optik",
        initiating_agency=info_agency,
        document_type=implementing_type(),
        parent=ksb,
        signed_on=datetime.date(2025, 7, 1),
        status=AgreementStatus.SIGNED,
    )
    return {"ksb": ksb, "pks": pks, "sector": health_sector}


@pytest.fixture
def secretariat_client(client, users):
    client.force_login(users["secretariat"])
    return client


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "ksb_kind"}, "ksb"),
        ({"document_type": "pks_type"}, "pks"),
        ({"status": AgreementStatus.SIGNED}, "pks"),
        ({"sector": "sector"}, "ksb"),
        ({"partner_category": PartnerCategory.MINISTRY}, "ksb"),
        ({"agency": "info_agency"}, "pks"),
        ({"year": "2024"}, "ksb"),
        ({"q": "Fiber"}, "pks"),
    ],
)
def test_each_filter_narrows_the_register(secretariat_client, register, info_agency, params, expected):
    values = {
        "ksb_kind": register["ksb"].kind_id,
        "pks_type": register["pks"].document_type_id,
        "sector": register["sector"].pk,
        "info_agency": info_agency.pk,
    }
    query = {key: values.get(value, value) for key, value in params.items()}
    response = secretariat_client.get(LIST_URL, query)
    assert response.status_code == 200
    other = "pks" if expected == "ksb" else "ksb"
    assert register[expected].title in response.text
    assert register[other].title not in response.text


def test_a_malformed_filter_value_is_answered_without_a_crash(secretariat_client, register):
    response = secretariat_client.get(LIST_URL, {"year": "abc", "kind": "x", "status": "<script>"})
    assert response.status_code == 200


def test_the_xlsx_export_holds_the_filtered_rows_with_both_numbers(secretariat_client, register):
    register["ksb"].region_number = "180/3/35.73.402/2024"
    register["ksb"].save()
    register["ksb"].parties.update(number="HK.03.01/123/2024")
    response = secretariat_client.get(LIST_URL, {"export": "xlsx", "year": "2024"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.values)
    assert rows[0][:5] == ("ID", "Judul", "Judul (Inggris)", "Nomor pihak daerah", "Nomor pihak mitra")
    assert len(rows) == 2
    assert rows[1][1] == "KSB Layanan Kesehatan Terpadu"
    assert rows[1][3] == "180/3/35.73.402/2024"
    assert rows[1][4] == "HK.03.01/123/2024"
    assert "Kementerian Kesehatan" in rows[1]


def test_the_inspect_page_shows_the_chain_from_ksb_to_pks(secretariat_client, register):
    response = secretariat_client.get(f"{LIST_URL}inspect/{register['ksb'].pk}/")
    assert "Naskah turunan" in response.text
    assert "PKS Jaringan Fiber Optik" in response.text
