"""The review chain as a Wagtail workflow, and the permissions each role needs on proposals.

Verifikasi Berkas (Sekretariat) → Telaah Hukum (Bagian Hukum) → Pembahasan (TKKSD) →
Persetujuan (Pimpinan). Administrators can rearrange it in Settings → Workflows.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Sekretariat (Bagian Pemerintahan)"
LEGAL = "Bagian Hukum"
TKKSD = "TKKSD"
LEADERSHIP = "Pimpinan (Sekda/Wali Kota)"
AGENCY_STAFF = "Staf OPD"
EDITOR = "Editor/PPID"
ADMINISTRATOR = "Administrator"

STAGES = [
    ("verification", "Verifikasi Berkas", SECRETARIAT),
    ("legal_review", "Telaah Hukum", LEGAL),
    ("deliberation", "Pembahasan TKKSD", TKKSD),
    ("approval", "Persetujuan Pimpinan", LEADERSHIP),
]

PERMISSIONS = {
    ADMINISTRATOR: [
        "add_proposal", "change_proposal", "delete_proposal", "view_proposal",
        "change_externalrequest", "view_externalrequest", "delete_externalrequest",
    ],
    SECRETARIAT: ["add_proposal", "change_proposal", "view_proposal", "change_externalrequest", "view_externalrequest"],
    LEGAL: ["change_proposal", "view_proposal"],
    TKKSD: ["change_proposal", "view_proposal"],
    LEADERSHIP: ["change_proposal", "view_proposal", "view_externalrequest"],
    AGENCY_STAFF: ["add_proposal", "change_proposal", "view_proposal"],
    EDITOR: ["view_proposal"],
}


def create_workflow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ReviewTask = apps.get_model("cooperation", "ReviewTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    for group_name, codenames in PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        for codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label="cooperation", codename=codename))

    task_type, _ = ContentType.objects.get_or_create(app_label="cooperation", model="reviewtask")
    workflow, _ = Workflow.objects.get_or_create(name="Alur Persetujuan Kerja Sama", defaults={"active": True})
    for order, (stage, name, group_name) in enumerate(STAGES):
        task, _ = ReviewTask.objects.get_or_create(
            stage=stage, defaults={"name": name, "content_type": task_type, "active": True}
        )
        task.groups.set([Group.objects.get(name=group_name)])
        WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": order})

    proposal_type, _ = ContentType.objects.get_or_create(app_label="cooperation", model="proposal")
    WorkflowContentType.objects.update_or_create(content_type=proposal_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0003_proposals_and_requests"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
