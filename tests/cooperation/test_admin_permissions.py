"""What each role may do in the register admin, and what it is refused, by URL and by POST."""

import pytest
from django.urls import reverse

from cooperation.models import Agreement

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_cooperation_agreement:list"


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cooperation_agreement:{name}", args=args)


def edit_payload(agreement: Agreement, **changes) -> dict:
    """The edit form as a browser would post it, built from the record itself."""
    party = agreement.parties.get()
    data = {
        "document_type": agreement.document_type_id,
        "kind": agreement.kind_id,
        "title": agreement.title,
        "title_en": "",
        "region_number": agreement.region_number,
        "parent": "",
        "replaces": "",
        "region_party_role": "1",
        "signatory_name": "",
        "signatory_nip": "",
        "signatory_position": "",
        "power_of_attorney_number": "",
        "parties-TOTAL_FORMS": "1",
        "parties-INITIAL_FORMS": "1",
        "parties-MIN_NUM_FORMS": "1",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-id": party.pk,
        "parties-0-partner": party.partner_id,
        "parties-0-role": "2",
        "parties-0-number": "",
        "parties-0-signatory_name": "",
        "parties-0-signatory_position": "",
        "parties-0-ORDER": "1",
        "level": "local",
        "subject": "",
        "aims": "",
        "scope": "",
        "signed_on": "",
        "signed_at": "",
        "starts_on": agreement.starts_on.isoformat(),
        "ends_on": agreement.ends_on.isoformat(),
        "value": "",
        "funding_source": "none",
        "dprd_approval_number": "",
        "dprd_approval_date": "",
        "initiating_agency": agreement.initiating_agency_id,
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "internal_notes": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


# -- agency staff ---------------------------------------------------------------------------


def test_agency_staff_list_shows_only_their_agencys_agreements(client, users, health_agreement, info_agreement):
    client.force_login(users["health_staff"])
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert health_agreement.title in response.text
    assert info_agreement.title not in response.text


def test_agency_staff_see_agreements_their_agency_implements(client, users, info_agreement, health_agency):
    info_agreement.implementing_agencies.add(health_agency)
    info_agreement.save()
    client.force_login(users["health_staff"])
    assert client.get(url("inspect", info_agreement.pk)).status_code == 200


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "delete", "usage", "lock", "unlock"])
def test_agency_staff_cannot_open_another_agencys_agreement_by_url(client, users, info_agreement, view):
    client.force_login(users["health_staff"])
    response = client.get(url(view, info_agreement.pk))
    assert response.status_code == 404


def test_agency_staff_cannot_compare_revisions_of_another_agencys_agreement(client, users, info_agreement):
    info_agreement.save_revision()
    client.force_login(users["health_staff"])
    compare_url = url("history", info_agreement.pk) + "revisions/compare/earliest...latest/"
    assert client.get(compare_url).status_code == 404


def test_the_parent_chooser_lists_only_the_users_agreements(client, users, health_agreement, info_agreement):
    client.force_login(users["health_staff"])
    response = client.get(reverse("wagtailsnippetchoosers_cooperation_agreement:choose"))
    assert response.status_code == 200
    assert health_agreement.title in response.text
    assert info_agreement.title not in response.text


def test_the_parent_chooser_does_not_reveal_another_agencys_agreement_by_id(client, users, info_agreement):
    client.force_login(users["health_staff"])
    response = client.get(reverse("wagtailsnippetchoosers_cooperation_agreement:chosen", args=[info_agreement.pk]))
    assert response.status_code == 404


def test_agency_staff_cannot_change_another_agencys_agreement_by_post(client, users, info_agreement):
    client.force_login(users["health_staff"])
    response = client.post(url("edit", info_agreement.pk), edit_payload(info_agreement, title="Diubah"))
    assert response.status_code == 404
    info_agreement.refresh_from_db()
    assert info_agreement.title == "Kesepakatan Bersama Smart City"


def test_agency_staff_cannot_delete_another_agencys_agreement_by_post(client, users, info_agreement):
    client.force_login(users["health_staff"])
    response = client.post(url("delete", info_agreement.pk))
    assert response.status_code == 404
    assert Agreement.objects.filter(pk=info_agreement.pk).exists()


def test_agency_staff_export_holds_only_their_agencys_agreements(client, users, health_agreement, info_agreement):
    client.force_login(users["health_staff"])
    response = client.get(reverse(LIST_URL), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.text
    assert health_agreement.title in body
    assert info_agreement.title not in body


def test_agency_staff_search_does_not_reveal_another_agencys_agreement(client, users, info_agreement):
    client.force_login(users["health_staff"])
    response = client.get(reverse(LIST_URL), {"q": "Smart City"})
    assert response.status_code == 200
    assert info_agreement.title not in response.text


def test_agency_staff_can_edit_their_own_agreement(client, users, health_agreement):
    client.force_login(users["health_staff"])
    response = client.post(url("edit", health_agreement.pk), edit_payload(health_agreement, title="Judul baru Dinkes"))
    assert response.status_code == 302, response.text[:2000]
    health_agreement.refresh_from_db()
    assert health_agreement.title == "Judul baru Dinkes"


def test_agency_staff_cannot_move_their_agreement_to_another_agency(client, users, health_agreement, info_agency):
    client.force_login(users["health_staff"])
    response = client.post(
        url("edit", health_agreement.pk),
        edit_payload(health_agreement, initiating_agency=info_agency.pk),
    )
    assert response.status_code == 200
    assert "initiating_agency" in response.context["form"].errors
    health_agreement.refresh_from_db()
    assert health_agreement.initiating_agency.code == "DINKES"


def test_agency_staff_cannot_file_a_new_agreement_for_another_agency(client, users, health_agreement, info_agency):
    client.force_login(users["health_staff"])
    data = edit_payload(health_agreement, initiating_agency=info_agency.pk, title="Baru")
    data.update({"parties-INITIAL_FORMS": "0", "parties-0-id": ""})
    response = client.post(url("add"), data)
    assert response.status_code == 200
    assert not Agreement.objects.filter(title="Baru").exists()


def test_agency_staff_can_file_a_new_agreement_for_their_own_agency(client, users, health_agreement):
    client.force_login(users["health_staff"])
    data = edit_payload(health_agreement, title="Kesepakatan Bersama Posyandu Digital")
    data.update({"parties-INITIAL_FORMS": "0", "parties-0-id": ""})
    response = client.post(url("add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = Agreement.objects.get(title="Kesepakatan Bersama Posyandu Digital")
    assert created.initiating_agency.code == "DINKES"
    assert created.status_changes.get().to_status == "draft"


# -- region-wide roles ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["administrator", "secretariat", "legal", "tkksd", "leadership", "editor"])
def test_region_wide_roles_see_every_agencys_agreements(client, users, role, health_agreement, info_agreement):
    client.force_login(users[role])
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert health_agreement.title in response.text
    assert info_agreement.title in response.text
    assert client.get(url("inspect", info_agreement.pk)).status_code == 200


@pytest.mark.parametrize("role", ["administrator", "secretariat", "editor"])
def test_register_keepers_can_edit_any_agreement(client, users, role, info_agreement):
    client.force_login(users[role])
    response = client.post(url("edit", info_agreement.pk), edit_payload(info_agreement, title="Judul dikoreksi"))
    assert response.status_code == 302
    info_agreement.refresh_from_db()
    assert info_agreement.title == "Judul dikoreksi"


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership"])
def test_reviewers_can_read_but_not_edit_agreements(client, users, role, info_agreement):
    client.force_login(users[role])
    assert client.get(url("inspect", info_agreement.pk)).status_code == 200
    refused = client.get(url("edit", info_agreement.pk), follow=True)
    assert "tidak memiliki izin" in refused.text or "permission" in refused.text
    response = client.post(url("edit", info_agreement.pk), edit_payload(info_agreement, title="Diubah"))
    assert response.status_code in (302, 403)
    info_agreement.refresh_from_db()
    assert info_agreement.title == "Kesepakatan Bersama Smart City"


@pytest.mark.parametrize("role", ["legal", "tkksd", "leadership", "editor", "health_staff"])
def test_only_administrators_may_delete_agreements(client, users, role, health_agreement):
    client.force_login(users[role])
    response = client.post(url("delete", health_agreement.pk))
    assert response.status_code in (403, 302)
    assert Agreement.objects.filter(pk=health_agreement.pk).exists()


def test_an_administrator_can_delete_an_agreement(client, users, health_agreement):
    client.force_login(users["administrator"])
    response = client.post(url("delete", health_agreement.pk))
    assert response.status_code == 302
    assert not Agreement.objects.filter(pk=health_agreement.pk).exists()


def test_an_account_without_a_role_cannot_enter_the_admin(client, users, health_agreement):
    client.force_login(users["no_role"])
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_anonymous_visitors_are_sent_to_the_login_page(client, health_agreement):
    response = client.get(url("inspect", health_agreement.pk))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
