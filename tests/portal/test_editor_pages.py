"""Editor/PPID writes and publishes the portal's pages in both languages; other roles do not."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def procedures(language: str) -> StandardPage:
    return StandardPage.objects.get(slug="prosedur", locale=Locale.objects.get(language_code=language))


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_editors_open_and_may_publish_the_procedures_page_in_each_language(client, users, site_pages, role, language):
    page = procedures(language)
    client.force_login(users[role])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert page.permissions_for_user(users[role]).can_publish()


def test_editors_may_start_an_english_translation(users):
    assert users["editor"].has_perm("simple_translation.submit_translation")


@pytest.mark.parametrize("role", ["health_staff", "legal", "tkksd", "leadership", "secretariat"])
def test_other_roles_cannot_edit_the_portals_pages(client, users, site_pages, role):
    page = procedures("id")
    client.force_login(users[role])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)
    assert not page.permissions_for_user(users[role]).can_edit()
