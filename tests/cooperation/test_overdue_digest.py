"""The daily digest of overdue stages reaches the secretariat once a day, however often cron runs."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_overdue_digest_goes_to_the_secretariat_once_a_day(
    make_proposal, review, users, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        proposal = make_proposal()
        review.submit(proposal, users["health_staff"])
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2026, 3, 20, 6, 0, tzinfo=datetime.UTC), tick=False):
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                call_command("send_overdue_digest")
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["sekretariat@example.org"]
    assert proposal.number in digest.body
    assert "Verifikasi Berkas" in digest.body


def test_no_digest_is_sent_when_nothing_is_overdue(make_proposal, review, users, django_capture_on_commit_callbacks):
    review.submit(make_proposal(), users["health_staff"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_overdue_digest")
    assert mail.outbox == []


def test_a_secretary_who_opted_out_of_the_digest_does_not_receive_it(
    make_proposal, review, users, django_capture_on_commit_callbacks
):
    from cooperation.models import NotificationOptOut

    NotificationOptOut.objects.create(user=users["secretariat"], kind="overdue_digest")
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        review.submit(make_proposal(), users["health_staff"])
    mail.outbox.clear()
    with (
        time_machine.travel(datetime.datetime(2026, 3, 20, 6, 0, tzinfo=datetime.UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_overdue_digest")
    assert mail.outbox == []


def test_a_user_opts_out_of_one_kind_of_e_mail_in_their_account_settings(client, users):
    from cooperation.models import NotificationKind, NotificationOptOut

    client.force_login(users["legal"])
    page = client.get("/admin/account/")
    assert "Pemberitahuan e-mail Si Mbois Ker" in page.text
    data = {
        **{f"cooperation_notifications-{kind}": "on" for kind in NotificationKind.values},
        "cooperation_notifications-stage_assigned": "",
        "name_email-first_name": "Hukum",
        "name_email-last_name": "Setda",
        "name_email-email": "hukum@example.org",
        "locale-preferred_language": "id",
        "locale-current_time_zone": "Asia/Jakarta",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    response = client.post("/admin/account/", data)
    assert response.status_code == 302, response.text[:3000]
    assert list(NotificationOptOut.objects.filter(user=users["legal"]).values_list("kind", flat=True)) == [
        "stage_assigned"
    ]
