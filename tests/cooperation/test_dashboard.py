"""The secretariat's dashboard: counts by status and what ends within six months."""

import datetime

import pytest
import time_machine

from cooperation.models import AgreementStatus

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 1, 15, 8, 0), tick=False)
def test_the_dashboard_counts_agreements_by_status_including_those_ending_soon(client, users, info_agency):
    for _ in range(3):
        AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    AgreementFactory(
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        title="Kesepakatan Bersama Angkutan Aglomerasi",
        ends_on=datetime.date(2026, 5, 31),
    )
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.DRAFT)
    client.force_login(users["secretariat"])
    response = client.get("/admin/")
    assert response.status_code == 200
    text = response.text
    assert "Naskah kerja sama menurut status" in text
    assert '?status=in_force">Berlaku</a></td>\n                        <td>4</td>' in text
    assert '?status=expiring">Akan Berakhir</a></td>\n                        <td>1</td>' in text
    assert "Berakhir dalam 6 bulan" in text
    assert "Kesepakatan Bersama Angkutan Aglomerasi" in text


@time_machine.travel(datetime.datetime(2026, 1, 15, 8, 0), tick=False)
def test_agency_staff_dashboard_counts_only_their_agency(client, users, info_agency, health_agency):
    AgreementFactory(initiating_agency=info_agency, status=AgreementStatus.IN_FORCE)
    AgreementFactory(
        initiating_agency=health_agency,
        status=AgreementStatus.IN_FORCE,
        title="PKS Rujukan Rumah Sakit",
        ends_on=datetime.date(2026, 3, 1),
    )
    client.force_login(users["info_staff"])
    text = client.get("/admin/").text
    assert '?status=in_force">Berlaku</a></td>\n                        <td>1</td>' in text
    assert "PKS Rujukan Rumah Sakit" not in text


@time_machine.travel(datetime.datetime(2026, 1, 15, 8, 0), tick=False)
def test_the_expiring_filter_lists_agreements_ending_within_six_months(client, users, info_agency):
    AgreementFactory(
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        title="Segera berakhir",
        ends_on=datetime.date(2026, 7, 15),
    )
    AgreementFactory(
        initiating_agency=info_agency,
        status=AgreementStatus.IN_FORCE,
        title="Masih lama",
        ends_on=datetime.date(2026, 7, 16),
    )
    client.force_login(users["secretariat"])
    response = client.get("/admin/snippets/cooperation/agreement/", {"status": "expiring"})
    assert "Segera berakhir" in response.text
    assert "Masih lama" not in response.text
    assert "Akan Berakhir" in response.text
