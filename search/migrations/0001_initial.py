from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="PendingIndexUpdate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("agreement_id", models.BigIntegerField(db_index=True, verbose_name="ID naskah")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="dicatat")),
            ],
            options={
                "verbose_name": "antrean indeks pencarian",
                "verbose_name_plural": "antrean indeks pencarian",
            },
        ),
        migrations.CreateModel(
            name="SearchAgreement",
            fields=[
                ("agreement_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("title", models.TextField(blank=True)),
                ("signed_on", models.DateField(blank=True, null=True)),
                ("title_terms", models.TextField(blank=True)),
                ("meta_terms", models.TextField(blank=True)),
                ("summary_terms", models.TextField(blank=True)),
                ("body_public_terms", models.TextField(blank=True)),
                ("body_restricted_terms", models.TextField(blank=True)),
                ("indexed_at", models.DateTimeField(db_index=True)),
            ],
            options={"verbose_name": "indeks naskah", "verbose_name_plural": "indeks naskah"},
        ),
        migrations.CreateModel(
            name="SearchPage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("agreement_id", models.BigIntegerField(db_index=True)),
                ("document_id", models.BigIntegerField(db_index=True)),
                ("document_title", models.CharField(blank=True, max_length=255)),
                ("page_number", models.PositiveIntegerField()),
                ("restricted", models.BooleanField(default=False)),
                ("text", models.TextField(blank=True)),
                ("terms", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "indeks halaman",
                "verbose_name_plural": "indeks halaman",
                "indexes": [models.Index(fields=["document_id", "page_number"], name="search_page_document_idx")],
            },
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("word", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("stem", models.CharField(db_index=True, max_length=64)),
                ("length", models.PositiveSmallIntegerField()),
            ],
            options={
                "verbose_name": "kosakata pencarian",
                "verbose_name_plural": "kosakata pencarian",
                "indexes": [models.Index(fields=["length", "word"], name="search_term_length_idx")],
            },
        ),
    ]
