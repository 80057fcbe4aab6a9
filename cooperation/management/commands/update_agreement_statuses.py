"""Daily: signed agreements whose start date has come become Berlaku. Safe to run repeatedly."""

from django.core.management.base import BaseCommand

from cooperation.services import bring_agreements_into_force


class Command(BaseCommand):
    help = "Bring signed agreements into force on their start date (Ditandatangani → Berlaku)."

    def handle(self, *args, **options):
        count = bring_agreements_into_force()
        self.stdout.write(f"{count} naskah mulai berlaku.")
