"""English sits beside Indonesian from the start, so /en/ always has a locale to serve."""

from django.db import migrations


def create_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_create_homepage")]

    operations = [migrations.RunPython(create_english_locale, migrations.RunPython.noop)]
