"""The admin report "Teks Dokumen": documents whose text is not searchable, scoped to what the user may see."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation import roles
from cooperation.models import AgreementDocument, Classification, TextStatus

from ..factories import AgreementDocumentFactory, AgreementFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/laporan/teks-dokumen/"
PASSWORD_REASON = "PDF dilindungi kata sandi, sehingga isinya tidak dapat dibaca."


def document_with_text(agreement, *, status: str, reason: str = "", title: str = "", **fields) -> AgreementDocument:
    """A document as the extraction task left it (the task itself already ran on the factory's file)."""
    document = AgreementDocumentFactory(agreement=agreement, title=title or "Naskah", **fields)
    AgreementDocument.objects.filter(pk=document.pk).update(
        text_status=status, text_error=reason, page_count=None, text_extracted_at=timezone.now()
    )
    return document


def rows_of_csv(response) -> list[dict]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def test_a_failed_document_appears_with_its_reason_and_links_for_the_secretariat(client, users, health_agreement):
    failed = document_with_text(health_agreement, status=TextStatus.FAILED, reason=PASSWORD_REASON, title="Naskah KB")
    client.force_login(users["secretariat"])

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Naskah KB" in html
    assert PASSWORD_REASON in html
    assert "Gagal" in html
    assert f"/admin/documents/edit/{failed.pk}/" in html
    assert f"/admin/snippets/cooperation/agreement/inspect/{health_agreement.pk}/" in html
    assert "Proses ulang teks" in html


def test_documents_whose_text_is_done_are_not_listed(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.DONE, title="Naskah Sudah Terbaca")
    document_with_text(health_agreement, status=TextStatus.NEEDS_OCR, title="Naskah Hasil Pindaian")
    client.force_login(users["secretariat"])

    html = client.get(REPORT_URL).content.decode()

    assert "Naskah Hasil Pindaian" in html
    assert "Naskah Sudah Terbaca" not in html


def test_agency_staff_see_their_agencys_failed_document_but_not_another_agencys(
    client, users, health_agreement, info_agreement
):
    document_with_text(health_agreement, status=TextStatus.FAILED, title="Naskah Dinkes")
    document_with_text(info_agreement, status=TextStatus.FAILED, title="Naskah Kominfo")
    client.force_login(users["health_staff"])

    html = client.get(REPORT_URL).content.decode()

    assert "Naskah Dinkes" in html
    assert "Naskah Kominfo" not in html


def test_agency_staff_without_the_permission_do_not_see_a_restricted_document(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.FAILED, title="Naskah Terbuka")
    document_with_text(
        health_agreement,
        status=TextStatus.FAILED,
        title="Naskah Dikecualikan",
        classification=Classification.RESTRICTED,
        restriction_ground="17i",
        restriction_reason="Masih dirundingkan.",
    )
    Group.objects.get(name=roles.AGENCY_STAFF).permissions.remove(
        Permission.objects.get(codename="view_restricted_agreementdocument")
    )
    client.force_login(users["health_staff"])

    html = client.get(REPORT_URL).content.decode()

    assert "Naskah Terbuka" in html
    assert "Naskah Dikecualikan" not in html


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_account_without_a_role_gets_no_report(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.FAILED, title="Naskah Rahasia Gagal")
    user = users["no_role"]
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(REPORT_URL)

    assert response.status_code in (302, 403)
    assert "Naskah Rahasia Gagal" not in response.content.decode()


def test_the_report_is_in_the_reports_menu_only_for_accounts_with_a_role(client, users):
    client.force_login(users["health_staff"])
    assert REPORT_URL in client.get("/admin/").content.decode()

    user = users["no_role"]
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert REPORT_URL not in client.get("/admin/").content.decode()


def test_the_status_filter_shows_only_the_chosen_status(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.FAILED, title="Naskah Rusak")
    document_with_text(health_agreement, status=TextStatus.NEEDS_OCR, title="Naskah Pindaian")
    client.force_login(users["secretariat"])

    html = client.get(REPORT_URL, {"text_status": TextStatus.NEEDS_OCR}).content.decode()

    assert "Naskah Pindaian" in html
    assert "Naskah Rusak" not in html


def test_the_csv_export_has_a_row_per_document_with_its_reason(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.FAILED, reason=PASSWORD_REASON, title="Naskah KB")
    document_with_text(health_agreement, status=TextStatus.DONE, title="Naskah Selesai")
    client.force_login(users["secretariat"])

    response = client.get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 200
    rows = rows_of_csv(response)
    assert rows == [
        {
            "Dokumen": "Naskah KB",
            "Naskah / usulan": str(health_agreement),
            "Status teks": "Gagal",
            "Alasan": PASSWORD_REASON,
            "Halaman": "",
            "Percobaan terakhir": rows[0]["Percobaan terakhir"],
        }
    ]


def queries_for(client, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(REPORT_URL, params or {})
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def fail_documents(count: int, agency) -> None:
    """Each on its own agreement, so per-record permission answers cannot hide a query per row."""
    for _ in range(count):
        document_with_text(AgreementFactory(initiating_agency=agency), status=TextStatus.FAILED, reason="Rusak.")


@pytest.mark.parametrize("role", ["secretariat", "health_staff"])
@pytest.mark.parametrize("params", [{}, {"text_status": TextStatus.FAILED}, {"export": "csv"}])
def test_the_report_query_count_does_not_grow_with_its_rows(client, users, health_agency, role, params):
    client.force_login(users[role])
    fail_documents(2, health_agency)
    queries_for(client, params)  # warm the caches once
    small = queries_for(client, params)
    fail_documents(10, health_agency)
    large = queries_for(client, params)
    assert large == small


def test_the_filter_results_fragment_and_the_xlsx_export_answer(client, users, health_agreement):
    document_with_text(health_agreement, status=TextStatus.PENDING, title="Naskah Menunggu")
    client.force_login(users["secretariat"])

    fragment = client.get(REPORT_URL + "hasil/", {"text_status": TextStatus.PENDING})
    xlsx = client.get(REPORT_URL, {"export": "xlsx"})

    assert fragment.status_code == 200
    assert "Naskah Menunggu" in fragment.content.decode()
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_proposal_document_links_to_its_proposal(client, users, make_proposal):
    proposal = make_proposal()
    document = proposal.documents.first()
    AgreementDocument.objects.filter(pk=document.pk).update(text_status=TextStatus.FAILED, text_error="Rusak.")
    client.force_login(users["health_staff"])

    html = client.get(REPORT_URL).content.decode()

    assert document.title in html
    assert f"/admin/snippets/cooperation/proposal/inspect/{proposal.pk}/" in html


def test_a_rerun_from_the_filtered_table_returns_to_the_whole_report_with_its_filter(client, users, health_agreement):
    document = document_with_text(health_agreement, status=TextStatus.FAILED, title="Naskah Rusak")
    client.force_login(users["secretariat"])

    fragment = client.get(REPORT_URL + "hasil/", {"text_status": TextStatus.FAILED}).content.decode()
    assert f'value="{REPORT_URL}?text_status=failed"' in fragment

    response = client.post(
        f"/admin/dokumen/{document.pk}/proses-ulang-teks/", {"next": REPORT_URL + "?text_status=failed"}
    )
    assert response.status_code == 302
    assert response["Location"] == REPORT_URL + "?text_status=failed"
