"""Editor/PPID decides what is public: it prepares, publishes and withdraws publications."""

from django.db import migrations

EDITOR = "Editor/PPID"
ADMINISTRATOR = "Administrator"
SECRETARIAT = "Sekretariat (Bagian Pemerintahan)"

GRANTS = {
    EDITOR: ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ADMINISTRATOR: ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    SECRETARIAT: ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cooperation", model="publication")
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_publication",
                defaults={"name": f"Can {action} publication"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0008_publication")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
