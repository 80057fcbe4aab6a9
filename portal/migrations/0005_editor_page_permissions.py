"""Editor/PPID writes the portal's pages in both languages: the procedures, the FAQ, the intros.

Page permissions on the tree's root cover the Indonesian and the English home and everything
below them; submit_translation lets editors start an English copy with Wagtail's simple translation.
"""

from django.db import migrations

EDITOR = "Editor/PPID"
ADMINISTRATOR = "Administrator"
PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock", "delete"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    root = Page.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    translation_type, _ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    submit_translation, _ = Permission.objects.get_or_create(
        content_type=translation_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    explorer, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")[0],
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    for name in (EDITOR, ADMINISTRATOR):
        group = Group.objects.filter(name=name).first()
        if group is None or root is None:
            continue
        group.permissions.add(submit_translation, explorer)
        for action in PAGE_ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=f"{action}_page", defaults={"name": f"Can {action} page"}
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_catalogue_statistics_standard_pages"),
        ("cooperation", "0002_roles_and_collections"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
