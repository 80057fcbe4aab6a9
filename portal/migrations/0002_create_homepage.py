from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("portal.HomePage")

    # Wagtail's own placeholder page, made by its initial migration.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="portal")
    locale = Locale.objects.order_by("pk").first()
    homepage = HomePage.objects.create(
        title="Si Mbois Ker",
        draft_title="Si Mbois Ker",
        slug="beranda",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale=locale,
        live=True,
        intro=(
            "<p>Sistem Informasi Malang Bersinergi Optimalkan Inovasi Strategi Kerja Sama: "
            "register kerja sama daerah Pemerintah Kota Malang, terbuka untuk publik sesuai "
            "UU 14/2008 tentang Keterbukaan Informasi Publik.</p>"
        ),
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": homepage, "site_name": "Si Mbois Ker"},
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
