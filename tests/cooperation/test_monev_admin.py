"""The monev screens: writing and submitting a report, the secretariat's verification, the schedule,
what bad input looks like in the form, and what each role is refused."""

# The fixtures are shared with test_monev_reports.py by import, which pytest needs by name.
# ruff: noqa: F811

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import AgreementStatus, MonevReport, VerificationStatus

from ..factories import AgreementFactory
from .test_monev_reports import (  # noqa: F401 (fixtures)
    _after_the_first_semester,
    act,
    agreement_in_force,
    draft,
    make_report,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%bukti\n"


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cooperation_monevreport:{name}", args=args)


def report_form(
    agreement,
    agency,
    *,
    starts_on="2025-01-01",
    ends_on="2025-06-30",
    indicators=(("Warga terlayani", "1000", "800"),),
    evidence=(),
    **overrides,
) -> dict:
    data = {
        "agreement": agreement.pk,
        "period_starts_on": starts_on,
        "period_ends_on": ends_on,
        "reporting_agency": agency.pk,
        "activities": "Layanan puskesmas keliling di lima kelurahan.",
        "budget_planned": "100000000",
        "budget_realised": "60000000",
        "regional_income": "",
        "benefits": "Warga terlayani lebih dekat.",
        "obstacles": "",
        "follow_up": "",
        "recommendation": "continue",
        "recommendation_note": "",
        "indicators-TOTAL_FORMS": str(len(indicators)),
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "1",
        "indicators-MAX_NUM_FORMS": "1000",
        "evidence-TOTAL_FORMS": str(len(evidence)),
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
    }
    for index, (name, target, realisation) in enumerate(indicators):
        data.update(
            {
                f"indicators-{index}-id": "",
                f"indicators-{index}-ORDER": str(index + 1),
                f"indicators-{index}-name": name,
                f"indicators-{index}-unit": "orang",
                f"indicators-{index}-target": target,
                f"indicators-{index}-realisation": realisation,
            }
        )
    for index, title in enumerate(evidence):
        data.update(evidence_fields(index, title))
    data.update(overrides)
    return data


def evidence_fields(index: int, title: str) -> dict:
    prefix = f"evidence-{index}"
    return {
        f"{prefix}-id": "",
        f"{prefix}-ORDER": str(index + 1),
        f"{prefix}-title": title,
        f"{prefix}-file": SimpleUploadedFile("berita-acara.pdf", PDF, "application/pdf"),
        f"{prefix}-category": "",
        f"{prefix}-version": "1",
        f"{prefix}-language": "id",
        f"{prefix}-classification": "public",
        f"{prefix}-restriction_ground": "",
        f"{prefix}-restriction_reason": "",
    }


def edit_form(report: MonevReport, **overrides) -> dict:
    """The edit form as the browser posts it back, from the report's latest revision."""
    current = report.get_latest_revision_as_object()
    indicators = list(current.indicators.all())
    documents = list(current.evidence.all())
    data = report_form(
        current.agreement,
        current.reporting_agency,
        starts_on=current.period_starts_on.isoformat(),
        ends_on=current.period_ends_on.isoformat(),
        indicators=[],
        activities=current.activities,
    )
    data["indicators-TOTAL_FORMS"] = data["indicators-INITIAL_FORMS"] = str(len(indicators))
    for index, indicator in enumerate(indicators):
        data.update(
            {
                f"indicators-{index}-id": indicator.pk,
                f"indicators-{index}-ORDER": str(index + 1),
                f"indicators-{index}-name": indicator.name,
                f"indicators-{index}-unit": indicator.unit,
                f"indicators-{index}-target": str(indicator.target),
                f"indicators-{index}-realisation": str(indicator.realisation),
            }
        )
    data["evidence-TOTAL_FORMS"] = data["evidence-INITIAL_FORMS"] = str(len(documents))
    for index, document in enumerate(documents):
        data.update(
            {
                f"evidence-{index}-id": document.pk,
                f"evidence-{index}-ORDER": str(index + 1),
                f"evidence-{index}-title": document.title,
                f"evidence-{index}-category": "",
                f"evidence-{index}-version": "1",
                f"evidence-{index}-language": "id",
                f"evidence-{index}-classification": "public",
                f"evidence-{index}-restriction_ground": "",
                f"evidence-{index}-restriction_reason": "",
            }
        )
    data.update(overrides)
    return data


def errors_of(response) -> str:
    return response.text if response.status_code == 200 else f"status {response.status_code}"


# -- writing and submitting --------------------------------------------------------------------------


def test_the_create_form_opened_from_the_schedule_is_prefilled(client, users, agreement_in_force):
    client.force_login(users["health_staff"])
    response = client.get(url("add") + f"?agreement={agreement_in_force.pk}&period=2025-01-01")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["agreement"] == agreement_in_force.pk
    assert str(form.initial["period_starts_on"]) == "2025-01-01"
    assert str(form.initial["period_ends_on"]) == "2025-06-30"
    assert form.initial["reporting_agency"] == users["health_staff"].agency_membership.agency.pk


def test_agency_staff_submit_a_report_with_evidence_from_the_admin(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])
    data = report_form(agreement_in_force, health_agency, evidence=["Berita acara kegiatan"])
    response = client.post(url("add"), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 302, errors_of(response)
    report = MonevReport.objects.get()
    assert report.verification_status == VerificationStatus.SUBMITTED
    assert report.created_by == users["health_staff"]
    assert report.submitted_by == users["health_staff"]
    [document] = report.evidence.all()
    assert document.file.storage.exists(document.file.name)


def test_a_draft_is_saved_without_submitting(client, users, agreement_in_force, health_agency):
    client.force_login(users["health_staff"])
    response = client.post(url("add"), report_form(agreement_in_force, health_agency))
    assert response.status_code == 302, errors_of(response)
    report = MonevReport.objects.get()
    assert report.verification_status == VerificationStatus.DRAFT
    assert not report.workflow_states.exists()
    assert client.get(url("edit", report.pk)).status_code == 200


def test_evidence_uploaded_while_saving_a_draft_of_a_verified_report_is_kept(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    act.decide(draft, users["secretariat"], "approve")
    client.force_login(users["health_staff"])

    data = edit_form(draft, activities="Ditambah dokumentasi kegiatan.")
    data["evidence-TOTAL_FORMS"] = "1"
    data.update(evidence_fields(0, "Foto kegiatan"))
    response = client.post(url("edit", draft.pk), data)
    assert response.status_code == 302, errors_of(response)

    draft.refresh_from_db()
    assert draft.activities == "Layanan puskesmas keliling di lima kelurahan."  # the live version is unchanged
    [pending] = draft.get_latest_revision_as_object().evidence.all()
    assert pending.file.storage.exists(pending.file.name)

    act.submit(draft, users["health_staff"], save_revision=False)
    act.decide(draft, users["secretariat"], "approve")
    [document] = draft.evidence.all()
    assert document.title == "Foto kegiatan"
    assert document.file.storage.exists(document.file.name)
    assert document.file.read() == PDF


def test_resubmitting_from_the_edit_form_resumes_the_verification(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    act.decide(draft, users["secretariat"], "reject", "Realisasi anggaran belum diisi lengkap.")
    client.force_login(users["health_staff"])
    data = edit_form(draft, budget_realised="75000000")
    response = client.post(url("edit", draft.pk), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 302, errors_of(response)
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.SUBMITTED
    assert draft.budget_realised == 75000000


# -- bad input in the form -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"indicators-0-realisation": "1200"}, "tidak boleh melebihi target"),
        ({"indicators-0-target": "-5", "indicators-0-realisation": "0"}, "Target tidak boleh negatif"),
        ({"budget_realised": "-1"}, "Pastikan nilai ini lebih besar dari atau sama dengan 0"),
        ({"budget_realised": "200000000"}, "Realisasi anggaran tidak boleh melebihi anggaran"),
        ({"period_starts_on": "2024-07-01", "period_ends_on": "2024-12-31"}, "di luar jangka waktu naskah"),
        ({"period_starts_on": "2025-02-01", "period_ends_on": "2025-06-30"}, "sesuai jadwal monev"),
        ({"period_starts_on": "2025-06-30", "period_ends_on": "2025-01-01"}, "tidak boleh sebelum awal periode"),
    ],
    ids=["above-target", "negative-target", "negative-budget", "budget-over", "outside-term", "off-schedule", "swap"],
)
def test_bad_input_is_shown_in_the_form_and_nothing_is_saved(
    client, users, agreement_in_force, health_agency, overrides, message
):
    client.force_login(users["health_staff"])
    data = {**report_form(agreement_in_force, health_agency), **overrides}
    response = client.post(url("add"), {**data, "action-submit": "Ajukan"})
    assert response.status_code == 200
    assert message in response.text
    assert not MonevReport.objects.exists()


def test_an_agreement_not_in_force_is_refused_with_a_clear_message(client, users, health_agency):
    signed = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.SIGNED)
    client.force_login(users["health_staff"])
    response = client.post(url("add"), report_form(signed, health_agency))
    assert response.status_code == 200
    assert "hanya untuk naskah yang berlaku" in response.text
    assert not MonevReport.objects.exists()


def test_a_second_report_for_the_same_period_is_refused_with_a_friendly_message(
    client, users, draft, agreement_in_force, health_agency
):
    client.force_login(users["health_staff"])
    response = client.post(url("add"), report_form(agreement_in_force, health_agency))
    assert response.status_code == 200
    assert "Laporan monev untuk naskah dan periode ini sudah ada" in response.text
    assert MonevReport.objects.count() == 1


# -- verification --------------------------------------------------------------------------------


def test_the_secretariat_verifies_a_report_from_the_verification_page(client, users, draft, act, mailoutbox):
    act.submit(draft, users["health_staff"])
    client.force_login(users["secretariat"])
    inspect = client.get(url("inspect", draft.pk))
    assert inspect.status_code == 200
    assert url("verify", draft.pk) in inspect.text
    assert client.get(url("verify", draft.pk)).status_code == 200
    response = client.post(url("verify", draft.pk), {"action": "approve", "comment": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.VERIFIED
    assert draft.live


def test_the_secretariat_must_say_what_to_change(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    client.force_login(users["secretariat"])
    response = client.post(url("verify", draft.pk), {"action": "reject", "comment": ""})
    assert response.status_code == 200
    assert "Tuliskan alasannya" in response.text
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.SUBMITTED


def test_agency_staff_cannot_verify_their_own_report_by_post(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    client.force_login(users["health_staff"])
    assert url("verify", draft.pk) not in client.get(url("inspect", draft.pk)).text
    response = client.post(url("verify", draft.pk), {"action": "approve", "comment": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.SUBMITTED
    assert not draft.live


def test_publishing_directly_from_the_form_does_not_bypass_verification(client, users, draft):
    client.force_login(users["secretariat"])
    response = client.post(url("edit", draft.pk), {**edit_form(draft), "action-publish": "Terbitkan"})
    assert response.status_code == 302, errors_of(response)
    draft.refresh_from_db()
    assert not draft.live
    assert draft.verification_status == VerificationStatus.DRAFT


# -- who sees what ---------------------------------------------------------------------------------


def test_another_agencys_staff_can_neither_see_nor_edit_the_report(client, users, draft):
    client.force_login(users["info_staff"])
    assert draft.agreement.title not in client.get(url("list")).text
    for view in ("inspect", "edit", "verify", "history"):
        assert client.get(url(view, draft.pk)).status_code == 404


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor"])
def test_reviewers_and_editors_read_reports_but_cannot_write_them(client, users, draft, role):
    client.force_login(users[role])
    assert draft.agreement.title in client.get(url("list")).text
    assert client.get(url("inspect", draft.pk)).status_code == 200
    # Refused: Wagtail sends the user back to the dashboard with a message, or answers 403.
    assert client.get(url("edit", draft.pk)).status_code in (302, 403)
    assert client.get(url("add")).status_code in (302, 403)
    assert client.post(url("edit", draft.pk), edit_form(draft, activities="Diubah.")).status_code in (302, 403)
    assert client.post(url("verify", draft.pk), {"action": "approve", "comment": ""}).status_code == 302
    draft.refresh_from_db()
    assert draft.activities.startswith("Layanan")
    assert draft.latest_revision.created_at == draft.revisions.order_by("-created_at").first().created_at
    assert draft.revisions.count() == 1
    assert not draft.live


def test_anonymous_visitors_are_sent_to_the_login_page(client, draft):
    for target in (url("list"), url("inspect", draft.pk), url("schedule")):
        response = client.get(target)
        assert response.status_code == 302
        assert "login" in response.url


def test_the_list_shows_the_period_status_and_realisation(client, users, draft):
    client.force_login(users["health_staff"])
    page = client.get(url("list"))
    assert page.status_code == 200
    assert "Semester I 2025" in page.text
    assert "Draf" in page.text
    assert "80" in page.text


def test_the_list_is_filtered_by_status_and_year(client, users, draft, act, agreement_in_force, health_agency):
    make_report(
        agreement_in_force,
        health_agency,
        users["health_staff"],
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    act.submit(draft, users["health_staff"])
    client.force_login(users["secretariat"])
    page = client.get(url("list"), {"verification_status": "submitted"})
    assert page.status_code == 200
    assert "Semester I 2025" in page.text and "Semester II 2025" not in page.text
    assert client.get(url("list"), {"year": "2024"}).status_code == 200


def test_the_list_page_query_count_does_not_grow_with_reports(
    client, users, agreement_in_force, health_agency, django_assert_max_num_queries
):
    client.force_login(users["secretariat"])
    make_report(agreement_in_force, health_agency, users["health_staff"])
    client.get(url("list"))
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("list")).status_code == 200
    for index, (start, end) in enumerate(
        [("2025-07-01", "2025-12-31"), ("2026-01-01", "2026-06-30"), ("2026-07-01", "2026-12-31")]
    ):
        other = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.IN_FORCE)
        make_report(other, health_agency, users["health_staff"], indicators=[("A", "10", str(index))])
        make_report(
            agreement_in_force,
            health_agency,
            users["health_staff"],
            starts_on=datetime.date.fromisoformat(start),
            ends_on=datetime.date.fromisoformat(end),
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(url("list")).status_code == 200
    assert len(many) <= len(one)


# -- the schedule and the home panel -------------------------------------------------------------


def test_the_schedule_lists_what_the_agency_owes_with_a_link_to_write_it(client, users, agreement_in_force):
    import time_machine

    with time_machine.travel(datetime.datetime(2025, 8, 15, tzinfo=datetime.UTC), tick=False):
        client.force_login(users["health_staff"])
        page = client.get(url("schedule"))
    assert page.status_code == 200
    assert "Terlambat" in page.text
    assert "Semester I 2025" in page.text
    assert f"?agreement={agreement_in_force.pk}&amp;period=2025-01-01" in page.text


def test_the_schedule_links_to_a_report_already_written(client, users, draft):
    client.force_login(users["health_staff"])
    page = client.get(url("schedule"))
    assert url("inspect", draft.pk) in page.text


def test_agency_staff_see_the_reports_they_owe_on_their_home_page(client, users, agreement_in_force):
    client.force_login(users["health_staff"])
    home = client.get(reverse("wagtailadmin_home"))
    assert "Laporan monev yang harus dibuat" in home.text
    assert "Semester I 2025" in home.text


def test_other_agencies_do_not_see_the_obligation_on_their_home_page(client, users, agreement_in_force):
    client.force_login(users["info_staff"])
    home = client.get(reverse("wagtailadmin_home"))
    assert "Laporan monev yang harus dibuat" in home.text
    assert agreement_in_force.title not in home.text


def test_wagtails_own_request_changes_button_also_mails_the_reporter(
    client, users, draft, act, django_capture_on_commit_callbacks, mailoutbox
):
    act.submit(draft, users["health_staff"])
    task_state = draft.current_workflow_task_state
    client.force_login(users["secretariat"])
    target = url("workflow_action", draft.pk, "reject", task_state.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(target, {"comment": "Indikator kedua belum diisi."})
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.NEEDS_CHANGES
    assert [m.to for m in mailoutbox] == [[users["health_staff"].email]]
    assert "Indikator kedua belum diisi." in mailoutbox[0].body


def test_agency_staff_cannot_use_wagtails_approve_button(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    task_state = draft.current_workflow_task_state
    client.force_login(users["health_staff"])
    response = client.post(url("workflow_action", draft.pk, "approve", task_state.pk), {"comment": ""})
    assert response.status_code in (302, 403)
    draft.refresh_from_db()
    assert draft.verification_status == VerificationStatus.SUBMITTED
    assert not draft.live


def test_the_edit_form_offers_submission_but_no_direct_publish_button(client, users, draft):
    client.force_login(users["secretariat"])
    page = client.get(url("edit", draft.pk))
    assert page.status_code == 200
    assert 'name="action-submit"' in page.text
    assert 'name="action-publish"' not in page.text


def test_restoring_an_older_revision_keeps_the_verification_status(client, users, draft, act):
    first_revision = draft.latest_revision
    act.submit(draft, users["health_staff"])
    act.decide(draft, users["secretariat"], "reject", "Perbaiki kegiatan.")
    client.force_login(users["health_staff"])
    response = client.post(
        url("revisions_revert", draft.pk, first_revision.pk), edit_form(draft, activities="Versi lama dipulihkan.")
    )
    assert response.status_code == 302, errors_of(response)
    draft.refresh_from_db()
    assert draft.activities == "Versi lama dipulihkan."
    assert draft.verification_status == VerificationStatus.NEEDS_CHANGES
    assert draft.submitted_by == users["health_staff"]
    assert draft.verification_note == "Perbaiki kegiatan."


def test_the_secretariats_home_page_lists_reports_waiting_for_verification(client, users, draft, act):
    act.submit(draft, users["health_staff"])
    client.force_login(users["secretariat"])
    home = client.get(reverse("wagtailadmin_home"))
    assert "Menunggu verifikasi" in home.text
    assert url("verify", draft.pk) in home.text
    client.force_login(users["health_staff"])
    assert url("verify", draft.pk) not in client.get(reverse("wagtailadmin_home")).text


def test_the_home_panel_puts_overdue_reports_first(client, users, health_agency):
    import time_machine

    from cooperation.models import CooperationKind

    quarterly = CooperationKind.objects.create(code="KSDD", name="Antar daerah", monev_interval_months=3)
    older = AgreementFactory(
        initiating_agency=health_agency,
        title="Naskah Lama Terlambat",
        status=AgreementStatus.IN_FORCE,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    newer = AgreementFactory(
        initiating_agency=health_agency,
        title="Naskah Baru Segera",
        kind=quarterly,
        status=AgreementStatus.IN_FORCE,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    with time_machine.travel(datetime.datetime(2025, 7, 20, tzinfo=datetime.UTC), tick=False):
        client.force_login(users["health_staff"])
        text = client.get(reverse("wagtailadmin_home")).text
    assert older.title in text and newer.title in text
    assert text.index(older.title) < text.index(newer.title)
    assert "Terlambat" in text and "Segera jatuh tempo" in text


# -- the schedule's filters and pages, the panel's limit, the list's title link ---------------------


@pytest.fixture
def long_running(health_agency):
    """In force since 2000, reporting per semester: 50 periods overdue on 10 July 2025, one open, one running."""
    agreement = AgreementFactory(
        initiating_agency=health_agency,
        title="Naskah Puluhan Periode",
        status=AgreementStatus.IN_FORCE,
        starts_on=datetime.date(2000, 1, 1),
        ends_on=datetime.date(2030, 12, 31),
    )
    agreement.implementing_agencies.set([health_agency])
    return agreement


def rows(page) -> int:
    """Rows of the obligations table, its header row aside."""
    table = page.text[page.text.index('<table class="listing">') :]
    return table[: table.index("</table>")].count("<tr>") - 1


def test_the_schedule_is_titled_jadwal_monev_not_the_home_page(client, users):
    client.force_login(users["health_staff"])
    page = client.get(url("schedule"))
    assert page.status_code == 200
    assert [item["label"] for item in page.context["breadcrumbs_items"]][-2:] == ["Laporan Monev", "Jadwal Monev"]
    assert "<title>Jadwal Monev" in page.text


def test_the_schedule_shows_fifty_unreported_periods_a_page_with_a_count(client, users, long_running):
    client.force_login(users["health_staff"])
    first = client.get(url("schedule"))
    assert rows(first) == 50
    assert "Menampilkan 1\u201350 dari 52 periode laporan." in first.text
    assert 'class="pagination"' in first.text and "?p=2" in first.text
    second = client.get(url("schedule"), {"p": "2"})
    assert rows(second) == 2 and "Semester II 2025" in second.text
    assert client.get(url("schedule"), {"p": "banyak"}).status_code == 200


def test_the_schedule_filters_by_state_and_year(client, users, long_running, draft):
    client.force_login(users["health_staff"])
    overdue = client.get(url("schedule"), {"status": "overdue"})
    assert "dari 50 periode laporan" in overdue.text and "Semester II 2025" not in overdue.text
    year = client.get(url("schedule"), {"status": "all", "year": "2001"})
    assert rows(year) == 2 and "Semester I 2001" in year.text and "Semester II 2001" in year.text
    # The draft counts as not reported; once submitted it is only under "Sudah dilaporkan" or "Semua".
    assert url("inspect", draft.pk) in client.get(url("schedule"), {"year": "2025"}).text
    nothing = client.get(url("schedule"), {"status": "verified"})
    assert "Tidak ada kewajiban laporan monev yang cocok" in nothing.text


@pytest.mark.parametrize("params", [{"status": "semua"}, {"year": "dua ribu"}, {"year": "1999"}, {"agency": "x"}])
def test_bad_schedule_filters_are_reported_and_ignored(client, users, long_running, params):
    client.force_login(users["secretariat"])
    page = client.get(url("schedule"), params)
    assert page.status_code == 200
    assert "Menampilkan 1\u201350 dari 52 periode laporan." in page.text
    assert "tidak valid dan diabaikan" in page.text


def test_region_wide_users_filter_the_schedule_by_opd_and_agency_staff_cannot(client, users, long_running, info_agency):
    client.force_login(users["secretariat"])
    assert "dari 52 periode" in client.get(url("schedule")).text
    assert "Tidak ada kewajiban" in client.get(url("schedule"), {"agency": info_agency.pk}).text
    client.force_login(users["health_staff"])
    page = client.get(url("schedule"), {"agency": info_agency.pk})
    assert 'name="agency"' not in page.text
    assert "dari 52 periode" in page.text  # the parameter means nothing to them


def test_the_home_panel_shows_the_ten_most_urgent_and_links_to_the_rest(client, users, long_running):
    client.force_login(users["health_staff"])
    home = client.get(reverse("wagtailadmin_home"))
    panel = home.text[home.text.index("cooperation-monev-due-heading") :]
    assert panel.count(long_running.title) == 10
    assert "Semester I 2000" in panel and "Semester I 2005" not in panel
    assert f"{url('schedule')}?status=due" in panel
    assert "Lihat semua di Jadwal Monev (51)" in panel


def test_the_list_links_the_agreement_title_to_the_report(client, users, draft):
    client.force_login(users["health_staff"])
    page = client.get(url("list"))
    link = f'<a href="{url("edit", draft.pk)}"'
    assert link in page.text
    assert page.text.index(draft.agreement.title) > page.text.index(link)
    # Those who may not edit it follow the title to the report's page.
    client.force_login(users["tkksd"])
    page = client.get(url("list"))
    assert f'<a href="{url("inspect", draft.pk)}"' in page.text


def test_the_agreement_page_lists_its_monev_periods_with_a_link_to_report(client, users, agreement_in_force):
    inspect_url = reverse("wagtailsnippets_cooperation_agreement:inspect", args=[agreement_in_force.pk])

    client.force_login(users["health_staff"])
    page = client.get(inspect_url).content.decode()
    assert "Monitoring dan Evaluasi (Monev)" in page
    assert "Semester I 2025" in page
    assert f"?agreement={agreement_in_force.pk}&amp;period=2025-01-01" in page

    client.force_login(users["legal"])
    page = client.get(inspect_url).content.decode()
    assert "Semester I 2025" in page
    assert "Buat laporan" not in page, "reviewers read the schedule but write no report"


def test_an_agreement_not_yet_in_force_has_no_monev_section(client, users, health_agency):
    draft_agreement = AgreementFactory(initiating_agency=health_agency, status=AgreementStatus.DRAFT)
    client.force_login(users["secretariat"])
    page = client.get(reverse("wagtailsnippets_cooperation_agreement:inspect", args=[draft_agreement.pk]))
    assert "Monitoring dan Evaluasi (Monev)" not in page.content.decode()
