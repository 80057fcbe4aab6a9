"""A whole year of one agreement with a frozen clock: reports fall due, reminders go out once each,
overdue flags appear, the agreement ends on its end date and its extension links old and new.

Cron runs `update_agreement_statuses` and `send_reminders` every day, and several times a day on
the dates where something happens, as a real crontab would.
"""

import datetime
import io
import zoneinfo
from collections import defaultdict
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from cooperation import services
from cooperation.models import (
    Agreement,
    AgreementStatus,
    DocumentCategory,
    MonevIndicator,
    MonevReport,
    ProposalPurpose,
    ProposalStatus,
    SentReminder,
)
from cooperation.selectors.monev import ObligationState, monev_obligations
from cooperation.services import lifecycle
from cooperation.services.monev import submit_report

from ..factories import AgreementFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
PDF = b"%PDF-1.4\n%perpanjangan\n"
D = datetime.date

# Reminder kinds, told apart by the English half of their subjects.
KINDS = {"Monev report due": "due", "Monev report overdue": "overdue", "Agreement ending": "ending"}
# Where cron runs more than once: the days something changes, and the days just before.
BUSY_DAYS = {
    D(2026, 1, 1),
    D(2026, 6, 30),
    D(2026, 7, 1),
    D(2026, 7, 15),
    D(2026, 7, 16),
    D(2026, 7, 30),
    D(2026, 7, 31),
    D(2026, 10, 1),
    D(2026, 12, 1),
    D(2026, 12, 31),
    D(2027, 1, 1),
    D(2027, 1, 16),
    D(2027, 1, 31),
}


def kind_of(message) -> str | None:
    return next((kind for words, kind in KINDS.items() if words in message.subject), None)


def cron() -> None:
    call_command("update_agreement_statuses", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())


def report_for(agreement: Agreement, agency, starts_on: datetime.date, ends_on: datetime.date) -> MonevReport:
    report = MonevReport(
        agreement=agreement,
        period_starts_on=starts_on,
        period_ends_on=ends_on,
        reporting_agency=agency,
        activities="Layanan puskesmas keliling di 12 kelurahan.",
        recommendation="extend",
        live=False,
    )
    report.indicators = [MonevIndicator(name="Warga terlayani", unit="orang", target=Decimal(1200), realisation=950)]
    report.save()
    return report


@pytest.fixture
def year(users, health_agency, checklist, review):
    """The agreement and the actions people take on given days of the year."""
    with time_machine.travel(datetime.datetime(2025, 12, 20, 10, tzinfo=WIB), tick=False):
        agreement = AgreementFactory(
            title="Kesepakatan Bersama Layanan Puskesmas Keliling",
            kind=checklist["kind"],  # monev every 6 months: semesters
            initiating_agency=health_agency,
            status=AgreementStatus.SIGNED,
            signed_on=D(2025, 12, 20),
            starts_on=D(2026, 1, 1),
            ends_on=D(2026, 12, 31),
            region_number="180/77/35.73.402/2025",
        )
        agreement.implementing_agencies.set([health_agency])
        agreement.save()
    DocumentCategory.objects.get_or_create(code="naskah-ditandatangani", defaults={"name": "Naskah ditandatangani"})
    staff = users["health_staff"]
    state = {}

    def submit_semester_one():
        report = report_for(agreement, health_agency, D(2026, 1, 1), D(2026, 6, 30))
        submit_report(report=report, by=staff)

    def start_extension():
        offer, terms = checklist["categories"]
        documents = {
            offer: SimpleUploadedFile("penawaran.pdf", PDF, content_type="application/pdf"),
            terms: SimpleUploadedFile("kak.pdf", PDF, content_type="application/pdf"),
        }
        proposal = lifecycle.start_extension(agreement=agreement, by=staff, term_years=1, documents=documents)
        assert proposal.status != ProposalStatus.DRAFT, "the extension went straight into review"
        state["proposal"] = proposal

    def approve_extension():
        proposal = state["proposal"]
        for reviewer in ["secretariat", "legal", "tkksd", "leadership"]:
            review.act(proposal, users[reviewer], "approve")
        assert proposal.status == ProposalStatus.APPROVED

    def sign_extension():
        proposal = state["proposal"]
        successor = services.record_signature(
            agreement=proposal.agreement,
            by=users["secretariat"],
            signed_on=D(2027, 1, 5),
            signed_at="Balai Kota Malang",
            region_number="180/5/35.73.402/2027",
            signed_scan=SimpleUploadedFile("naskah-ttd.pdf", PDF, content_type="application/pdf"),
        )
        state["successor"] = successor

    def submit_semester_two():
        report = report_for(agreement, health_agency, D(2026, 7, 1), D(2026, 12, 31))
        submit_report(report=report, by=staff)

    actions = {
        D(2026, 8, 5): submit_semester_one,  # late
        D(2026, 10, 5): start_extension,
        D(2026, 11, 2): approve_extension,
        D(2027, 1, 5): sign_extension,
        D(2027, 1, 20): submit_semester_two,  # on time, after the reminder
    }
    return agreement, actions, state


def walk(agreement, actions, first: datetime.date, last: datetime.date):
    """Every day from `first` to `last`: people act at 10:00, cron runs (hourly on busy days).

    Returns what a user would notice each day: the reminders that arrived, the agreement's status
    and each period's obligation state.
    """
    arrived: dict[datetime.date, list[tuple[str, str]]] = defaultdict(list)
    statuses: dict[datetime.date, str] = {}
    obligations: dict[datetime.date, dict[datetime.date, str]] = {}
    day = first
    while day <= last:
        hours = range(0, 24, 3) if day in BUSY_DAYS else [6]
        seen = len(mail.outbox)
        for hour in hours:
            with time_machine.travel(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB), tick=False):
                cron()
        with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 10, tzinfo=WIB), tick=False):
            if day in actions:
                actions[day]()
        with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 18, tzinfo=WIB), tick=False):
            cron()  # the evening run, after the day's work
        for message in mail.outbox[seen:]:
            if kind := kind_of(message):
                arrived[day].append((kind, message.subject))
        agreement.refresh_from_db()
        statuses[day] = agreement.status
        obligations[day] = {
            o.period.starts_on: o.state
            for o in monev_obligations(agreements=Agreement.objects.filter(pk=agreement.pk), today=day)
        }
        day += datetime.timedelta(days=1)
    return arrived, statuses, obligations


def first_day(days: dict, predicate) -> datetime.date | None:
    return next((day for day, value in sorted(days.items()) if predicate(value)), None)


def test_a_year_of_monev_reminders_expiry_and_extension(year, users):
    agreement, actions, state = year
    mail.outbox.clear()
    arrived, statuses, obligations = walk(agreement, actions, D(2025, 12, 30), D(2027, 2, 15))
    semester_one, semester_two = D(2026, 1, 1), D(2026, 7, 1)

    # Every reminder went out exactly once, on the day its condition began.
    timeline = {day: sorted(kind for kind, _ in messages) for day, messages in arrived.items()}
    assert timeline == {
        D(2026, 7, 1): ["ending"],  # 6 months before 31-12-2026
        D(2026, 7, 16): ["due"],  # semester I report due 30-07-2026, 14 days ahead
        D(2026, 7, 31): ["overdue"],
        D(2026, 10, 1): ["ending"],  # 3 months
        D(2026, 12, 1): ["ending"],  # 1 month
        D(2027, 1, 16): ["due"],  # semester II due 30-01-2027; submitted on 20-01, so never overdue
    }
    subjects = [subject for messages in arrived.values() for _, subject in messages]
    assert "kurang dari 6 bulan" in subjects[0]
    assert "Semester I 2026" in subjects[1] and "Semester I 2026" in subjects[2]
    assert "Semester II 2026" in subjects[-1]
    reminders = [m for m in mail.outbox if kind_of(m)]
    assert all(sorted(m.to) == ["opd-dinkes@example.org", "sekretariat@example.org"] for m in reminders)
    assert SentReminder.objects.filter(agreement=agreement).count() == 6

    # Reports become due when their period closes, flagged on the way.
    assert first_day(obligations, lambda o: semester_one in o) == D(2026, 7, 1)
    assert obligations[D(2026, 7, 1)][semester_one] == ObligationState.OPEN
    assert first_day(obligations, lambda o: o.get(semester_one) == ObligationState.DUE_SOON) == D(2026, 7, 16)
    assert obligations[D(2026, 7, 30)][semester_one] == ObligationState.DUE_SOON
    assert first_day(obligations, lambda o: o.get(semester_one) == ObligationState.OVERDUE) == D(2026, 7, 31)
    assert obligations[D(2026, 8, 4)][semester_one] == ObligationState.OVERDUE
    assert obligations[D(2026, 8, 5)][semester_one] == ObligationState.SUBMITTED
    assert first_day(obligations, lambda o: semester_two in o) == D(2027, 1, 1)
    assert obligations[D(2027, 1, 16)][semester_two] == ObligationState.DUE_SOON
    assert obligations[D(2027, 2, 15)][semester_two] == ObligationState.SUBMITTED
    assert not any(state == ObligationState.OVERDUE for state in obligations[D(2027, 2, 15)].values())

    # In force from its start date through its end date, Berakhir the next day, Diperpanjang once
    # the extension is signed.
    assert statuses[D(2025, 12, 31)] == AgreementStatus.SIGNED
    assert statuses[D(2026, 1, 1)] == AgreementStatus.IN_FORCE
    assert statuses[D(2026, 12, 31)] == AgreementStatus.IN_FORCE
    assert statuses[D(2027, 1, 1)] == AgreementStatus.EXPIRED
    assert statuses[D(2027, 1, 4)] == AgreementStatus.EXPIRED
    assert statuses[D(2027, 1, 5)] == AgreementStatus.EXTENDED

    # The extension links the old agreement and the new one, which continues the term without a gap.
    proposal = state["proposal"]
    assert proposal.purpose == ProposalPurpose.EXTENSION
    assert proposal.parent_agreement == agreement
    successor = Agreement.objects.get(pk=state["successor"].pk)
    assert successor.replaces == agreement
    assert list(agreement.renewals.all()) == [successor]
    assert successor.starts_on == D(2027, 1, 1)
    assert successor.ends_on == D(2027, 12, 31)
    assert successor.status == AgreementStatus.IN_FORCE
    # Its own reminders start when its own dates come, not before.
    assert not SentReminder.objects.filter(agreement=successor).exists()
