"""The roles (Wagtail groups) and the two document collections every installation starts with."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATOR = "Administrator"
SECRETARIAT = "Sekretariat (Bagian Pemerintahan)"
LEGAL = "Bagian Hukum"
TKKSD = "TKKSD"
LEADERSHIP = "Pimpinan (Sekda/Wali Kota)"
AGENCY_STAFF = "Staf OPD"
EDITOR = "Editor/PPID"

REFERENCE_MODELS = ["agency", "partner", "sector", "cooperationkind", "documenttype", "documentcategory"]


def perms(actions, models):
    return [(f"{action}_{model}", "cooperation") for model in models for action in actions]


ROLE_PERMISSIONS = {
    ADMINISTRATOR: [
        *perms(["add", "change", "delete", "view"], ["agreement", "agencymembership", *REFERENCE_MODELS]),
        ("view_restricted_agreementdocument", "cooperation"),
        ("add_user", "auth"),
        ("change_user", "auth"),
        ("delete_user", "auth"),
        ("view_user", "auth"),
    ],
    SECRETARIAT: [
        *perms(["add", "change", "view"], ["agreement", *REFERENCE_MODELS]),
        *perms(["view"], ["agencymembership"]),
        ("view_restricted_agreementdocument", "cooperation"),
    ],
    LEGAL: [*perms(["view"], ["agreement", *REFERENCE_MODELS]), ("view_restricted_agreementdocument", "cooperation")],
    TKKSD: [*perms(["view"], ["agreement", *REFERENCE_MODELS]), ("view_restricted_agreementdocument", "cooperation")],
    LEADERSHIP: [
        *perms(["view"], ["agreement", *REFERENCE_MODELS]),
        ("view_restricted_agreementdocument", "cooperation"),
    ],
    AGENCY_STAFF: [
        *perms(["add", "change", "view"], ["agreement"]),
        *perms(["add", "view"], ["partner"]),
        *perms(["view"], ["agency", "sector", "cooperationkind", "documenttype", "documentcategory"]),
        ("view_restricted_agreementdocument", "cooperation"),
    ],
    EDITOR: [
        *perms(["change", "view"], ["agreement"]),
        *perms(["view"], REFERENCE_MODELS),
        ("view_restricted_agreementdocument", "cooperation"),
    ],
}
DOCUMENT_MANAGERS = {ADMINISTRATOR, SECRETARIAT, EDITOR}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    access_admin = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    groups = {}
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename, app_label in wanted:
            group.permissions.add(Permission.objects.get(codename=codename, content_type__app_label=app_label))
        groups[name] = group

    root = Collection.objects.get(depth=1)
    public = _child_collection(Collection, root, "Dokumen Publik")
    restricted = _child_collection(Collection, root, "Dokumen Dikecualikan")

    document_permissions = Permission.objects.filter(
        content_type__app_label="cooperation",
        codename__in=["add_agreementdocument", "change_agreementdocument", "choose_agreementdocument"],
    )
    for name in DOCUMENT_MANAGERS:
        for permission in document_permissions:
            GroupCollectionPermission.objects.get_or_create(group=groups[name], collection=root, permission=permission)

    restriction = CollectionViewRestriction.objects.create(collection=restricted, restriction_type="groups")
    restriction.groups.set(groups.values())
    del public


def _child_collection(Collection, root, name):
    """Treebeard's API is not available on historical models, so set the path by hand."""
    existing = Collection.objects.filter(name=name, depth=2).first()
    if existing:
        return existing
    siblings = Collection.objects.filter(depth=2).order_by("-path")
    last = siblings.first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    path = root.path + _base36(step).rjust(4, "0")
    collection = Collection.objects.create(name=name, path=path, depth=2, numchild=0)
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, remainder = divmod(number, 36)
        out = digits[remainder] + out
    return out or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
