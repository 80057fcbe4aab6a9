"""Who may do what with monev reports, and the secretariat's verification workflow.

Agency staff write and submit reports but never publish (= verify) them; the secretariat and
administrators verify, lock and delete; the other region-wide roles read. Verification is a Wagtail
workflow with one group-approval task for the secretariat, which administrators can extend in
Settings → Workflows.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATOR = "Administrator"
SECRETARIAT = "Sekretariat (Bagian Pemerintahan)"
LEGAL = "Bagian Hukum"
TKKSD = "TKKSD"
LEADERSHIP = "Pimpinan (Sekda/Wali Kota)"
AGENCY_STAFF = "Staf OPD"
EDITOR = "Editor/PPID"

KEEPER_ACTIONS = ["add", "change", "delete", "view", "publish", "lock", "unlock"]
GRANTS = {
    ADMINISTRATOR: KEEPER_ACTIONS,
    SECRETARIAT: KEEPER_ACTIONS,
    AGENCY_STAFF: ["add", "change", "view"],
    LEGAL: ["view"],
    TKKSD: ["view"],
    LEADERSHIP: ["view"],
    EDITOR: ["view"],
}
WORKFLOW_NAME = "Verifikasi Laporan Monev"
TASK_NAME = "Verifikasi Sekretariat"
TASK_GROUPS = [SECRETARIAT, ADMINISTRATOR]


def create_monev_workflow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    report_type, _ = ContentType.objects.get_or_create(app_label="cooperation", model="monevreport")
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=report_type,
                codename=f"{action}_monevreport",
                defaults={"name": f"Can {action} laporan monev"},
            )
            group.permissions.add(permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set(Group.objects.filter(name__in=TASK_GROUPS))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(content_type=report_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0013_monev_renewal"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_monev_workflow, migrations.RunPython.noop)]
