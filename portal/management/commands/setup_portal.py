from django.core.management.base import BaseCommand

from portal.site_structure import ensure_site_pages


class Command(BaseCommand):
    help = "Create the portal's pages (catalogue, statistics, procedures, FAQ) in Indonesian and English."

    def handle(self, *args, **options):
        home = ensure_site_pages()
        self.stdout.write(self.style.SUCCESS(f"Portal pages ready under {home.title!r} (id, en)."))
