"""Editors/PPID publish agreements to the public catalogue with Wagtail's own buttons; nobody else can."""

import datetime
import json
from urllib.parse import urlparse

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, ModelLogEntry, Workflow, WorkflowContentType, WorkflowTask

from cooperation import roles
from cooperation.models import AgreementStatus, Publication
from cooperation.selectors import public_agreements
from cooperation.services import publication as publication_services

from ..factories import AgreementFactory, PublicationFactory, published_agreement

pytestmark = pytest.mark.django_db

NOT_SIGNED = "belum ditandatangani, sehingga belum dapat dipublikasikan"
DENIED_ROLES = ["health_staff", "legal", "tkksd", "leadership", "no_role"]


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cooperation_publication:{name}", args=args)


def signed_agreement(**fields):
    fields.setdefault("status", AgreementStatus.IN_FORCE)
    fields.setdefault("signed_on", datetime.date(2025, 1, 1))
    return AgreementFactory(**fields)


def draft_publication(agreement=None, **fields) -> Publication:
    """A prepared, not yet published publication, as the "Siapkan publikasi" button leaves it."""
    return PublicationFactory(agreement=agreement or signed_agreement(), live=False, first_published_at=None, **fields)


def edit_form(**changes) -> dict:
    data = {"summary": "Kota Malang dan mitra bekerja sama.", "summary_en": "", "go_live_at": "", "expire_at": ""}
    data.update(changes)
    return data


def logged(publication: Publication, action: str) -> ModelLogEntry | None:
    content_type = ContentType.objects.get_for_model(Publication)
    return ModelLogEntry.objects.filter(content_type=content_type, object_id=str(publication.pk), action=action).first()


def is_public(agreement) -> bool:
    return public_agreements().filter(pk=agreement.pk).exists()


# -- the editor's path through the admin ---------------------------------------------------------


def test_editor_prepares_a_draft_publication_from_the_agreement_and_lands_on_its_edit_page(client, users):
    agreement = signed_agreement(title="Kesepakatan Bersama Pengelolaan Sampah Malang Raya")
    client.force_login(users["editor"])

    response = client.post(reverse("wagtailsnippets_cooperation_agreement:publish", args=[agreement.pk]))

    publication = Publication.objects.get(agreement=agreement)
    assert response.status_code == 302
    assert response["Location"] == url("edit", publication.pk)
    assert not publication.live
    assert not is_public(agreement)
    edit_page = client.get(response["Location"])
    assert edit_page.status_code == 200
    assert agreement.title in edit_page.text
    assert 'name="agreement"' not in edit_page.text  # shown, not editable


def test_pressing_the_agreements_button_twice_opens_the_same_draft(client, users):
    agreement = signed_agreement()
    client.force_login(users["editor"])
    button = reverse("wagtailsnippets_cooperation_agreement:publish", args=[agreement.pk])

    first = client.post(button)
    second = client.post(button)

    assert first["Location"] == second["Location"]
    assert Publication.objects.filter(agreement=agreement).count() == 1


def test_the_agreements_button_refuses_a_draft_agreement_with_the_reason(client, users):
    agreement = AgreementFactory(status=AgreementStatus.DRAFT)
    client.force_login(users["editor"])

    response = client.post(reverse("wagtailsnippets_cooperation_agreement:publish", args=[agreement.pk]), follow=True)

    assert NOT_SIGNED in response.text
    assert not Publication.objects.exists()


def test_editor_previews_the_public_page_with_the_draft_summary_before_publishing(client, users, site_pages):
    publication = draft_publication(signed_agreement(title="Perjanjian Kerja Sama Layanan Ambulans Gratis"))
    client.force_login(users["editor"])

    check = client.post(url("preview_on_edit", publication.pk), edit_form(summary="Ambulans gratis untuk warga."))
    preview = client.get(url("preview_on_edit", publication.pk))

    assert json.loads(check.content) == {"is_valid": True, "is_available": True}
    assert preview.status_code == 200
    assert "Perjanjian Kerja Sama Layanan Ambulans Gratis" in preview.text
    publication.refresh_from_db()
    assert not publication.live
    assert not is_public(publication.agreement)


def test_previewing_a_new_publication_waits_until_an_agreement_is_chosen(client, users, site_pages):
    agreement = signed_agreement(title="Kesepakatan Bersama Pengembangan Kampung Tematik")
    client.force_login(users["editor"])

    empty = client.post(url("preview_on_add"), edit_form(agreement=""))
    chosen = client.post(url("preview_on_add"), edit_form(agreement=agreement.pk))
    preview = client.get(url("preview_on_add"))

    assert json.loads(empty.content)["is_valid"] is False
    assert json.loads(chosen.content)["is_valid"] is True
    assert preview.status_code == 200
    assert agreement.title in preview.text
    assert not Publication.objects.exists()


def test_editor_publishes_with_wagtails_publish_button_and_the_audit_log_records_it(client, users):
    publication = draft_publication()
    client.force_login(users["editor"])
    edit_page = client.get(url("edit", publication.pk))

    response = client.post(
        url("edit", publication.pk), edit_form(summary="Ringkasan untuk warga.", **{"action-publish": "1"})
    )

    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.live and publication.summary == "Ringkasan untuk warga."
    assert publication.first_published_at is not None
    assert is_public(publication.agreement)
    entry = logged(publication, "wagtail.publish")
    assert entry is not None and entry.user == users["editor"]
    # No workflow is assigned: there is nothing to submit for moderation, publishing is direct.
    assert 'name="action-submit"' not in edit_page.text


def test_editor_publishes_straight_from_the_add_form(client, users):
    agreement = signed_agreement()
    client.force_login(users["editor"])

    response = client.post(url("add"), edit_form(agreement=agreement.pk, **{"action-publish": "1"}))

    assert response.status_code == 302
    assert Publication.objects.get(agreement=agreement).live
    assert is_public(agreement)


def test_the_add_form_refuses_an_agreement_that_is_not_signed_with_the_reason(client, users):
    agreement = AgreementFactory(status=AgreementStatus.VERIFIED)
    client.force_login(users["editor"])

    response = client.post(url("add"), edit_form(agreement=agreement.pk, **{"action-publish": "1"}))

    assert response.status_code == 200
    assert NOT_SIGNED in response.text
    assert not Publication.objects.exists()


def test_the_edit_form_refuses_to_publish_an_agreement_that_is_not_signed(client, users):
    publication = draft_publication(AgreementFactory(status=AgreementStatus.APPROVED))
    client.force_login(users["editor"])

    response = client.post(url("edit", publication.pk), edit_form(**{"action-publish": "1"}))

    assert response.status_code == 200
    assert NOT_SIGNED in response.text
    publication.refresh_from_db()
    assert not publication.live


def test_the_agreement_of_a_publication_cannot_be_swapped_for_another(client, users):
    publication = draft_publication()
    other = signed_agreement()
    client.force_login(users["editor"])

    client.post(url("edit", publication.pk), edit_form(agreement=other.pk, **{"action-publish": "1"}))

    publication.refresh_from_db()
    assert publication.agreement_id != other.pk
    assert not is_public(other)


def test_the_chooser_offers_only_signed_agreements_that_have_no_publication_yet(client, users):
    waiting = signed_agreement(title="Naskah Siap Dipublikasikan")
    unsigned = AgreementFactory(status=AgreementStatus.DELIBERATION, title="Naskah Masih Dibahas")
    already = published_agreement(title="Naskah Sudah Tayang")
    client.force_login(users["editor"])

    response = client.get(reverse("cooperation_publication_agreement_chooser:choose"))
    chosen_unsigned = client.get(reverse("cooperation_publication_agreement_chooser:chosen", args=[unsigned.pk]))

    assert response.status_code == 200
    assert waiting.title in response.text
    assert unsigned.title not in response.text
    assert already.title not in response.text
    assert chosen_unsigned.status_code == 404


def test_the_chooser_search_finds_a_waiting_agreement_by_title(client, users):
    waiting = signed_agreement(title="Kesepakatan Bersama Pengembangan Smart City")
    other = signed_agreement(title="Kesepakatan Bersama Pengelolaan Air Minum")
    client.force_login(users["editor"])

    response = client.get(reverse("cooperation_publication_agreement_chooser:choose_results"), {"q": "Smart City"})

    assert response.status_code == 200
    assert waiting.title in response.text
    assert other.title not in response.text


def test_the_list_filters_live_drafts_and_scheduled_and_searches_by_title(client, users):
    live = PublicationFactory(agreement=signed_agreement(title="Naskah Tayang Angkutan Kota"))
    draft = draft_publication(signed_agreement(title="Naskah Draf Taman Kota"))
    scheduled = draft_publication(
        signed_agreement(title="Naskah Terjadwal Pasar Rakyat"),
        go_live_at=timezone.now() + datetime.timedelta(days=2),
    )
    client.force_login(users["editor"])

    def titles(**params) -> set[str]:
        text = client.get(url("list"), params).text
        return {p.agreement.title for p in (live, draft, scheduled) if p.agreement.title in text}

    assert titles() == {live.agreement.title, draft.agreement.title, scheduled.agreement.title}
    assert titles(state="live") == {live.agreement.title}
    assert titles(state="draft") == {draft.agreement.title}
    assert titles(state="scheduled") == {scheduled.agreement.title}
    assert titles(q="Taman Kota") == {draft.agreement.title}


def test_editor_unpublishes_and_the_agreement_leaves_the_catalogue(client, users):
    agreement = published_agreement()
    publication = agreement.publication
    client.force_login(users["editor"])

    confirm = client.get(url("unpublish", publication.pk))
    response = client.post(url("unpublish", publication.pk))

    assert confirm.status_code == 200
    assert response.status_code == 302
    publication.refresh_from_db()
    assert not publication.live
    assert not is_public(agreement)
    assert logged(publication, "wagtail.unpublish") is not None


def test_a_scheduled_publication_goes_live_only_when_its_time_has_come(client, users):
    publication = draft_publication()
    go_live = timezone.now() + datetime.timedelta(days=3)
    client.force_login(users["editor"])

    client.post(
        url("edit", publication.pk),
        edit_form(go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"), **{"action-publish": "1"}),
    )
    call_command("publish_scheduled")

    publication.refresh_from_db()
    assert not publication.live
    assert not is_public(publication.agreement)
    assert publication.latest_revision.approved_go_live_at is not None
    assert str(publication.agreement) in client.get(url("list"), {"state": "scheduled"}).text
    with time_machine.travel(go_live + datetime.timedelta(hours=1)):
        call_command("publish_scheduled")
    publication.refresh_from_db()
    assert publication.live
    assert is_public(publication.agreement)


def test_the_agreement_page_links_each_role_to_what_it_may_do_with_the_publication(client, users):
    agreement = published_agreement()
    publication = agreement.publication
    inspect = reverse("wagtailsnippets_cooperation_agreement:inspect", args=[agreement.pk])

    client.force_login(users["editor"])
    editor_view = client.get(inspect).text
    client.force_login(users["secretariat"])
    secretariat_view = client.get(inspect).text

    assert url("edit", publication.pk) in editor_view
    assert url("unpublish", publication.pk) in editor_view
    assert url("inspect", publication.pk) in secretariat_view
    assert url("edit", publication.pk) not in secretariat_view
    assert url("unpublish", publication.pk) not in secretariat_view


# -- who may publish -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_editors_and_administrators_prepare_preview_and_publish(client, users, site_pages, role):
    agreement = signed_agreement()
    client.force_login(users[role])

    prepared = client.post(reverse("wagtailsnippets_cooperation_agreement:publish", args=[agreement.pk]))
    publication = Publication.objects.get(agreement=agreement)
    client.post(url("preview_on_edit", publication.pk), edit_form())
    preview = client.get(url("preview_on_edit", publication.pk))
    client.post(url("edit", publication.pk), edit_form(**{"action-publish": "1"}))

    assert prepared["Location"] == url("edit", publication.pk)
    assert preview.status_code == 200
    assert is_public(agreement)


def test_secretariat_sees_publications_but_cannot_publish_or_withdraw_them(client, users):
    live = published_agreement().publication
    draft = draft_publication()
    client.force_login(users["secretariat"])

    listing = client.get(url("list"))
    inspect = client.get(url("inspect", live.pk))
    publish = client.post(url("edit", draft.pk), edit_form(**{"action-publish": "1"}))
    unpublish = client.post(url("unpublish", live.pk))
    prepare = client.post(
        reverse("wagtailsnippets_cooperation_agreement:publish", args=[signed_agreement().pk]), follow=True
    )

    assert listing.status_code == 200 and str(live.agreement) in listing.text
    assert inspect.status_code == 200
    assert publish.status_code == 302 and publish["Location"] == reverse("wagtailadmin_home")
    assert unpublish.status_code == 302 and unpublish["Location"] == reverse("wagtailadmin_home")
    assert "Hanya Editor/PPID yang dapat menyiapkan publikasi." in prepare.text
    draft.refresh_from_db()
    live.refresh_from_db()
    assert not draft.live and live.live
    assert Publication.objects.count() == 2


@pytest.mark.parametrize("role", DENIED_ROLES)
def test_other_roles_cannot_open_publish_or_withdraw_publications(client, users, role):
    live = published_agreement().publication
    draft = draft_publication()
    client.force_login(users[role])

    listing = client.get(url("list"))
    publish = client.post(url("edit", draft.pk), edit_form(**{"action-publish": "1"}))
    unpublish = client.post(url("unpublish", live.pk))
    preview = client.get(url("preview_on_edit", draft.pk))

    turned_away = {reverse("wagtailadmin_home"), reverse("wagtailadmin_login")}
    for response in (listing, publish, unpublish, preview):
        assert response.status_code in (302, 403, 404)
        assert response.status_code != 302 or urlparse(response["Location"]).path in turned_away
    draft.refresh_from_db()
    live.refresh_from_db()
    assert not draft.live and live.live
    assert is_public(live.agreement)


@pytest.mark.parametrize("role", DENIED_ROLES[:-1])
def test_staff_with_admin_access_are_told_they_lack_permission(client, users, role):
    client.force_login(users[role])

    response = client.get(url("list"))

    assert response["Location"] == reverse("wagtailadmin_home")
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


@pytest.mark.parametrize("role", ["secretariat", *DENIED_ROLES])
def test_the_services_refuse_everyone_but_editors_and_administrators(users, role):
    waiting = signed_agreement()
    live = published_agreement()
    user = users[role]

    with pytest.raises(PermissionDenied):
        publication_services.prepare_publication(agreement=waiting, by=user)
    with pytest.raises(PermissionDenied):
        publication_services.publish_agreement(agreement=waiting, by=user)
    with pytest.raises(PermissionDenied):
        publication_services.unpublish_agreement(agreement=live, by=user)

    assert not Publication.objects.filter(agreement=waiting).exists()
    assert is_public(live)


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_the_publish_service_publishes_with_an_audit_entry_and_unpublish_withdraws(users, role):
    agreement = signed_agreement()

    publication = publication_services.publish_agreement(
        agreement=agreement, by=users[role], summary="Ringkasan.", summary_en="Summary."
    )

    assert is_public(agreement)
    assert publication.summary_en == "Summary."
    assert logged(publication, "wagtail.publish").user == users[role]

    publication_services.unpublish_agreement(agreement=agreement, by=users[role])

    assert not is_public(agreement)
    assert logged(publication, "wagtail.unpublish") is not None


def test_the_publish_service_refuses_an_agreement_that_is_not_signed(users):
    agreement = AgreementFactory(status=AgreementStatus.AWAITING_DPRD)

    with pytest.raises(ValidationError) as refused:
        publication_services.publish_agreement(agreement=agreement, by=users["editor"])

    assert NOT_SIGNED in refused.value.messages[0]
    assert not Publication.objects.exists()


def test_republishing_through_the_service_keeps_one_publication_and_the_editors_draft(users):
    agreement = signed_agreement()
    editor = users["editor"]
    publication_services.prepare_publication(agreement=agreement, by=editor, summary="Draf ringkasan editor.")

    publication = publication_services.publish_agreement(agreement=agreement, by=editor)

    assert Publication.objects.filter(agreement=agreement).count() == 1
    assert publication.live and publication.summary == "Draf ringkasan editor."


# -- the optional publication workflow --------------------------------------------------------------


@pytest.fixture
def ppid_workflow():
    """What an administrator sets up in Settings → Workflows: PPID approval, assigned to publications."""
    task = GroupApprovalTask.objects.create(name="Persetujuan PPID")
    task.groups.set([Group.objects.get(name=roles.EDITOR)])
    workflow = Workflow.objects.create(name="Persetujuan Publikasi PPID", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(workflow=workflow, content_type=ContentType.objects.get_for_model(Publication))
    return workflow


def test_with_the_workflow_assigned_a_submitted_publication_waits_for_ppid_approval(
    client, users, ppid_workflow, django_user_model
):
    publication = draft_publication()
    client.force_login(users["editor"])
    edit_page = client.get(url("edit", publication.pk))

    client.post(url("edit", publication.pk), edit_form(**{"action-submit": "1"}))

    publication.refresh_from_db()
    assert 'name="action-submit"' in edit_page.text
    assert publication.workflow_in_progress
    assert not publication.live and not is_public(publication.agreement)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(url("list"), {"state": "draft"}).status_code == 200

    second_editor = django_user_model.objects.create_user("editor-2", password="pw")
    second_editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(second_editor)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Publikasi katalog" in dashboard
    assert url("edit", publication.pk) in dashboard.split("cooperation-publications-heading", 1)[1]
    task_state = publication.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailsnippets_cooperation_publication:workflow_action",
            args=[publication.pk, "approve", task_state.pk],
        ),
        {"comment": "Sudah sesuai ketentuan keterbukaan informasi."},
    )

    assert response.status_code in (200, 302)
    publication.refresh_from_db()
    assert publication.live and not publication.workflow_in_progress
    assert is_public(publication.agreement)
    assert logged(publication, "wagtail.publish").user == second_editor


def test_secretariat_cannot_approve_a_publication_in_moderation(client, users, ppid_workflow):
    publication = draft_publication()
    client.force_login(users["editor"])
    client.post(url("edit", publication.pk), edit_form(**{"action-submit": "1"}))
    publication.refresh_from_db()
    task_state = publication.current_workflow_task_state

    client.force_login(users["secretariat"])
    client.post(
        reverse(
            "wagtailsnippets_cooperation_publication:workflow_action",
            args=[publication.pk, "approve", task_state.pk],
        )
    )

    publication.refresh_from_db()
    assert not publication.live and publication.workflow_in_progress


def test_the_editors_dashboard_counts_signed_agreements_not_yet_in_the_catalogue(client, users):
    signed_agreement()
    signed_agreement()
    client.force_login(users["editor"])
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "2 naskah yang sudah ditandatangani belum dipublikasikan" in dashboard
    client.force_login(users["info_staff"])
    assert "Publikasi katalog" not in client.get(reverse("wagtailadmin_home")).text
