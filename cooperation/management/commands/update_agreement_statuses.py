"""Daily: signed agreements whose start date has come become Berlaku, and agreements in force whose
end date has passed become Berakhir. Safe to run any number of times a day."""

from django.core.management.base import BaseCommand

from cooperation.services import bring_agreements_into_force
from cooperation.services.lifecycle import expire_agreements


class Command(BaseCommand):
    help = (
        "Bring signed agreements into force on their start date (Ditandatangani → Berlaku) and end those "
        "past their end date (Berlaku → Berakhir)."
    )

    def handle(self, *args, **options):
        # In this order: an agreement signed late, already past its end, is first in force, then ended.
        started = bring_agreements_into_force()
        expired = expire_agreements()
        self.stdout.write(f"{started} naskah mulai berlaku.")
        self.stdout.write(f"{expired} naskah berakhir.")
