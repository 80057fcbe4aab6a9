"""Daily digest of overdue review stages to the secretariat; at most once a day, however often cron runs."""

from django.core.management.base import BaseCommand

from cooperation.services.notifications import send_overdue_digest


class Command(BaseCommand):
    help = "E-mail the secretariat the review stages past their due date (once per day)."

    def handle(self, *args, **options):
        sent = send_overdue_digest()
        self.stdout.write(
            f"Ringkasan terkirim ke {sent} penerima." if sent else "Tidak ada ringkasan yang perlu dikirim."
        )
