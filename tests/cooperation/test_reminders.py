"""Reminders go out once each, to the agency that owes the report and to the secretariat, however often cron runs."""

import datetime
import io
import smtplib
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import CommandError, call_command

from cooperation.models import AgreementStatus, NotificationOptOut, SentReminder

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def at(day: datetime.date, hour: int = 8) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


def run(day: datetime.date, hour: int = 8) -> str:
    out = io.StringIO()
    with time_machine.travel(at(day, hour), tick=False):
        call_command("send_reminders", stdout=out)
    return out.getvalue()


def run_hourly(day: datetime.date) -> None:
    """Cron every hour of one local day, the clock ticking between runs."""
    with time_machine.travel(at(day, 0), tick=True) as traveller:
        for _ in range(24):
            call_command("send_reminders", stdout=io.StringIO())
            traveller.shift(datetime.timedelta(hours=1))


def reminders(kind_words: str) -> list:
    return [message for message in mail.outbox if kind_words in message.subject]


@pytest.fixture
def in_force(health_agency):
    """An agreement in force for 2026, implemented by the health agency (semester I report due 30-07-2026)."""

    def build(**fields):
        defaults = {
            "status": AgreementStatus.IN_FORCE,
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 12, 31),
            "signed_on": datetime.date(2025, 12, 20),
        }
        implementing = fields.pop("implementing", [health_agency])
        agreement = AgreementFactory(**{**defaults, **fields})
        agreement.implementing_agencies.set(implementing)
        agreement.save()  # a parental many-to-many is written on save
        return agreement

    return build


def test_each_reminder_goes_out_once_even_when_cron_runs_every_hour(in_force, users):
    agreement = in_force(title="Kesepakatan Bersama Layanan Puskesmas Keliling")
    run_hourly(datetime.date(2026, 7, 20))  # semester I due in 10 days; the end within 6 months
    run_hourly(datetime.date(2026, 7, 21))
    assert len(reminders("Monev report due")) == 1
    assert len(reminders("Agreement ending")) == 1
    assert reminders("overdue") == []

    run_hourly(datetime.date(2026, 7, 31))  # the day after the due date
    run_hourly(datetime.date(2026, 8, 1))
    overdue = reminders("Monev report overdue")
    assert len(overdue) == 1
    assert "Kesepakatan Bersama Layanan Puskesmas Keliling" in overdue[0].body
    assert "Semester I 2026" in overdue[0].body
    assert "30-07-2026" in overdue[0].body
    assert f"/admin/snippets/cooperation/agreement/inspect/{agreement.pk}/" in overdue[0].body
    assert len(mail.outbox) == 3


def test_the_implementing_agency_and_the_secretariat_receive_the_reminder(in_force, users):
    in_force()
    run(datetime.date(2026, 7, 20))
    due = reminders("Monev report due")[0]
    assert sorted(due.to) == ["opd-dinkes@example.org", "sekretariat@example.org"]
    assert due.subject.startswith("[Si Mbois Ker] Laporan monev Semester I 2026 jatuh tempo 30-07-2026")
    # Indonesian first, English below.
    assert due.body.index("Jatuh tempo") < due.body.index("Due date")


def test_the_initiating_agency_is_reminded_when_no_implementing_agency_is_recorded(in_force, users, info_agency):
    in_force(initiating_agency=info_agency, implementing=[])
    run(datetime.date(2026, 7, 20))
    assert sorted(reminders("Monev report due")[0].to) == ["opd-kominfo@example.org", "sekretariat@example.org"]


def test_no_agency_is_told_about_another_agencys_agreement(in_force, users, info_agency):
    health = in_force(title="Layanan Puskesmas")
    info = in_force(title="Smart City", implementing=[info_agency])
    run(datetime.date(2026, 7, 20))
    for message in mail.outbox:
        if "Layanan Puskesmas" in message.subject:
            assert "opd-kominfo@example.org" not in message.to
            assert "opd-dinkes@example.org" in message.to
        else:
            assert "Smart City" in message.subject
            assert "opd-dinkes@example.org" not in message.to
            assert "opd-kominfo@example.org" in message.to
    assert {r.agreement_id for r in SentReminder.objects.all()} == {health.pk, info.pk}
    assert len(mail.outbox) == 4


def test_nobody_outside_the_agency_and_the_secretariat_is_reminded(in_force, users):
    in_force()
    run(datetime.date(2026, 7, 20))
    addresses = {address for message in mail.outbox for address in message.to}
    assert addresses == {"opd-dinkes@example.org", "sekretariat@example.org"}


def test_a_user_who_opted_out_of_one_kind_still_receives_the_others(in_force, users):
    NotificationOptOut.objects.create(user=users["health_staff"], kind="monev_due")
    in_force()
    run(datetime.date(2026, 7, 20))
    assert reminders("Monev report due")[0].to == ["sekretariat@example.org"]
    assert sorted(reminders("Agreement ending")[0].to) == ["opd-dinkes@example.org", "sekretariat@example.org"]


def test_a_reminder_nobody_wants_is_recorded_and_not_retried(in_force, users):
    for user in (users["health_staff"], users["secretariat"]):
        NotificationOptOut.objects.create(user=user, kind="agreement_ending")
    in_force()
    run(datetime.date(2026, 7, 20))
    run(datetime.date(2026, 7, 21))
    assert reminders("Agreement ending") == []
    assert SentReminder.objects.filter(kind="agreement_ending", months_before=6, recipients="").exists()


def test_a_submitted_report_stops_the_reminders_for_its_period(in_force, users, health_agency):
    from cooperation.models import MonevReport, VerificationStatus

    agreement = in_force()
    run(datetime.date(2026, 7, 20))
    MonevReport.objects.create(
        agreement=agreement,
        period_starts_on=datetime.date(2026, 1, 1),
        period_ends_on=datetime.date(2026, 6, 30),
        reporting_agency=health_agency,
        activities="Layanan keliling di 12 kelurahan.",
        verification_status=VerificationStatus.SUBMITTED,
    )
    run(datetime.date(2026, 8, 1))
    assert reminders("overdue") == []


class FlakyMailServer(locmem.EmailBackend):
    """Accepts one message, then drops the connection: a mail server failing half-way through a run."""

    accepted = 0

    def send_messages(self, messages):
        if FlakyMailServer.accepted >= 1:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        FlakyMailServer.accepted += len(messages)
        return super().send_messages(messages)


def test_a_run_that_crashes_half_way_sends_nothing_twice_and_misses_nothing_when_run_again(in_force, users, settings):
    titles = ["Naskah A", "Naskah B", "Naskah C"]
    for title in titles:
        in_force(title=title, ends_on=datetime.date(2027, 12, 31))  # only the monev reminder is due
    settings.EMAIL_BACKEND = "tests.cooperation.test_reminders.FlakyMailServer"
    FlakyMailServer.accepted = 0
    with pytest.raises(smtplib.SMTPServerDisconnected):
        run(datetime.date(2026, 7, 20))
    assert len(mail.outbox) == 1
    assert SentReminder.objects.count() == 1  # the failed one rolled back its record

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "2 jatuh tempo" in run(
        datetime.date(
            2026,
            7,
            20,
        ),
        hour=9,
    )
    run(datetime.date(2026, 7, 20), hour=10)
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 3
    assert [title for title in titles if any(title in subject for subject in subjects)] == titles
    assert all(sorted(m.to) == ["opd-dinkes@example.org", "sekretariat@example.org"] for m in mail.outbox)
    assert SentReminder.objects.count() == 3


def test_reports_missed_long_ago_are_not_mailed_about_on_the_first_run(in_force, users, settings):
    in_force(starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2027, 12, 31))
    run(datetime.date(2026, 7, 20))  # 2024 and 2025 reports missing; semester I 2026 due in 10 days
    assert reminders("overdue") == []
    assert len(reminders("Monev report due")) == 1

    settings.COOPERATION_MONEV_OVERDUE_REMINDER_WINDOW_DAYS = 200
    run(datetime.date(2026, 7, 21))
    overdue = reminders("Monev report overdue")
    assert [message.subject.split(" terlambat")[0] for message in overdue] == [
        "[Si Mbois Ker] Laporan monev Semester II 2025"  # due 30-01-2026, 172 days before
    ]


def test_a_first_run_close_to_the_end_sends_only_the_tightest_ending_reminder(in_force, users):
    agreement = in_force(starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 8, 9))
    run(datetime.date(2026, 7, 20))  # 20 days left: the 6, 3 and 1 month thresholds all crossed
    ending = reminders("Agreement ending")
    assert len(ending) == 1
    assert "1 bulan" in ending[0].subject
    assert "9-08-2026, kurang dari 1 bulan lagi (20 hari)" in ending[0].body
    assert set(
        SentReminder.objects.filter(agreement=agreement, kind="agreement_ending").values_list(
            "months_before", flat=True
        )
    ) == {6, 3, 1}
    run(datetime.date(2026, 8, 1))
    assert len(reminders("Agreement ending")) == 1


def test_ending_reminders_follow_the_configured_thresholds(in_force, users, settings):
    settings.COOPERATION_EXPIRY_REMINDER_MONTHS = [2]
    in_force(ends_on=datetime.date(2026, 12, 31), starts_on=datetime.date(2026, 9, 1))
    run(datetime.date(2026, 7, 20))
    run(datetime.date(2026, 10, 30))
    assert reminders("Agreement ending") == []
    run(datetime.date(2026, 10, 31))
    run(datetime.date(2026, 12, 1))
    ending = reminders("Agreement ending")
    assert len(ending) == 1
    assert "2 bulan" in ending[0].subject


def test_an_agreement_whose_term_is_extended_is_reminded_again_for_its_new_end_date(in_force, users):
    agreement = in_force(ends_on=datetime.date(2026, 8, 15))
    run(datetime.date(2026, 7, 20))
    assert len(reminders("Agreement ending")) == 1
    agreement.ends_on = datetime.date(2027, 8, 15)
    agreement.save(update_fields=["ends_on"])
    run(datetime.date(2026, 7, 21))
    assert len(reminders("Agreement ending")) == 1
    run(datetime.date(2027, 2, 15))
    ending = reminders("Agreement ending")
    assert len(ending) == 2
    assert "15-08-2027" in ending[1].subject


def test_agreements_not_in_force_are_not_reminded(in_force, users):
    for status in (AgreementStatus.DRAFT, AgreementStatus.APPROVED, AgreementStatus.TERMINATED):
        in_force(status=status, ends_on=datetime.date(2026, 8, 15), starts_on=datetime.date(2026, 7, 1))
    run(datetime.date(2026, 7, 20))
    assert mail.outbox == []


def test_the_command_prints_what_it_sent_in_indonesian(in_force, users):
    in_force()
    assert run(datetime.date(2026, 7, 20)).strip() == (
        "Pengingat terkirim: 1 jatuh tempo, 0 terlambat, 1 akan berakhir."
    )
    assert run(datetime.date(2026, 7, 20), hour=9).strip() == (
        "Pengingat terkirim: 0 jatuh tempo, 0 terlambat, 0 akan berakhir."
    )


def test_the_command_catches_up_on_a_given_date(in_force, users):
    in_force()
    out = io.StringIO()
    call_command("send_reminders", "--date", "2026-08-01", stdout=out)
    assert "1 terlambat" in out.getvalue()


def test_the_command_refuses_a_malformed_date_with_a_clear_message():
    with pytest.raises(CommandError, match="Tanggal '01-08-2026' tidak valid: gunakan format YYYY-MM-DD"):
        call_command("send_reminders", "--date", "01-08-2026")
