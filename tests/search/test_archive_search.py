"""Staff archive search in the admin ("Pencarian Arsip"): the user's own audience, through the view.

Agency staff see their agency's agreements only; restricted pages need the permission; drafts
and ended agreements are found; an engine that is down is a message on the page, not a crash.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cooperation import roles
from cooperation.models import AgreementStatus, Classification, DocumentPage
from search import engines

from ..factories import AgreementDocumentFactory, AgreementFactory, index_for_search, published_agreement
from ..portal.test_search_page import UnreachableEngine

pytestmark = pytest.mark.django_db

URL = "/admin/pencarian-arsip/"


@pytest.fixture
def archive(health_agency, info_agency):
    """A draft and an ended agreement of Dinkes, a published one of Diskominfo; text in every document."""
    draft = AgreementFactory(title="Rancangan Kerja Sama Ambulans Desa", initiating_agency=health_agency)
    ended = AgreementFactory(
        title="Kerja Sama Klinik Bersalin",
        initiating_agency=health_agency,
        status=AgreementStatus.EXPIRED,
        signed_on=datetime.date(2015, 1, 1),
        ends_on=datetime.date(2020, 1, 1),
    )
    other = published_agreement(title="Kerja Sama Ambulans Kota Pintar", initiating_agency=info_agency)
    public_doc = AgreementDocumentFactory(title="Naskah klinik", agreement=ended)
    DocumentPage.objects.create(document=public_doc, number=1, text="Pendahuluan.")
    DocumentPage.objects.create(document=public_doc, number=2, text="Bidan jaga siaga di klinik bersalin.")
    annex = AgreementDocumentFactory(
        title="Lampiran harga",
        agreement=ended,
        classification=Classification.RESTRICTED,
        restriction_ground="17b",
        restriction_reason="Rahasia dagang mitra.",
    )
    DocumentPage.objects.create(document=annex, number=1, text="Harga oksigenator dua juta rupiah.")
    other_doc = AgreementDocumentFactory(title="Naskah kota pintar", agreement=other)
    DocumentPage.objects.create(document=other_doc, number=1, text="Oksigenator dan ambulans untuk kota pintar.")
    index_for_search()
    return {"draft": draft, "ended": ended, "other": other, "public_doc": public_doc, "annex": annex}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def titles(response) -> set[str]:
    return {link.get_text(" ", strip=True).split(" — ", 1)[1] for link in soup(response).select("table.listing td > a")}


def test_anonymous_visitors_are_sent_to_the_login_page(client, archive):
    response = client.get(URL, {"q": "ambulans"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_user_without_a_role_gets_no_archive(client, users, archive):
    client.force_login(users["no_role"])
    response = client.get(URL, {"q": "ambulans"})
    assert response.status_code in (302, 403)
    assert b"Rancangan Kerja Sama" not in response.content


def test_region_wide_staff_find_drafts_ended_agreements_and_restricted_pages(client, users, archive):
    client.force_login(users["secretariat"])
    response = client.get(URL, {"q": "ambulans"})
    assert response.status_code == 200
    assert titles(response) == {archive["draft"].title, archive["other"].title}
    restricted = soup(client.get(URL, {"q": "oksigenator"}))
    snippets = {item.find("a").get_text(" ", strip=True) for item in restricted.select(".archive-snippets li")}
    assert "Halaman 1 — Lampiran harga" in snippets
    assert restricted.select_one(".archive-snippets .w-status").get_text(strip=True) == "Dikecualikan"


def test_a_snippet_links_to_the_page_of_the_file_and_the_title_to_the_agreement(client, users, archive):
    client.force_login(users["secretariat"])
    page = soup(client.get(URL, {"q": "bidan"}))
    row_link = page.select_one("table.listing td > a")
    assert row_link["href"] == reverse("wagtailsnippets_cooperation_agreement:inspect", args=[archive["ended"].pk])
    snippet = page.select_one(".archive-snippets li")
    assert snippet.find("a")["href"] == f"{archive['public_doc'].url}#page=2"
    assert snippet.find("mark").get_text() == "Bidan"


def test_agency_staff_never_see_another_agencys_agreement(client, users, archive):
    client.force_login(users["health_staff"])
    assert titles(client.get(URL, {"q": "ambulans"})) == {archive["draft"].title}
    assert titles(client.get(URL, {"q": "oksigenator"})) == {archive["ended"].title}
    assert archive["other"].title not in client.get(URL, {"q": "kota pintar"}).content.decode()
    client.force_login(users["info_staff"])
    assert titles(client.get(URL, {"q": "ambulans"})) == {archive["other"].title}


def test_without_the_restricted_permission_no_restricted_page_snippet_is_shown(client, users, archive):
    permission = Permission.objects.get(codename="view_restricted_agreementdocument")
    Group.objects.get(name=roles.LEGAL).permissions.remove(permission)
    client.force_login(users["legal"])
    response = client.get(URL, {"q": "oksigenator"})
    assert response.status_code == 200
    assert titles(response) == {archive["other"].title}
    assert "Lampiran harga" not in response.content.decode()
    assert "dua juta" not in response.content.decode()


def test_filters_and_sort_narrow_and_order_the_archive(client, users, archive):
    client.force_login(users["secretariat"])
    response = client.get(URL, {"q": "kerja sama", "status": AgreementStatus.DRAFT})
    assert titles(response) == {archive["draft"].title}
    statuses = [option.get_text(strip=True) for option in soup(response).select("#archive-status option")]
    assert "Draf (1)" in statuses  # staff count drafts too, not only the public statuses
    oldest = client.get(URL, {"q": "kerja sama", "urutan": "terlama"})
    first = soup(oldest).select_one("table.listing td > a").get_text(" ", strip=True)
    assert first.endswith(archive["ended"].title)


def test_when_the_engine_is_down_the_archive_page_says_so_and_the_admin_keeps_working(
    client, users, archive, monkeypatch
):
    monkeypatch.setattr(engines, "get_engine", UnreachableEngine)
    client.force_login(users["secretariat"])
    response = client.get(URL, {"q": "ambulans"})
    assert response.status_code == 200
    assert "Pencarian sedang tidak tersedia." in soup(response).select_one("[role=alert]").get_text()
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("wagtailsnippets_cooperation_agreement:list")).status_code == 200


@pytest.mark.parametrize(
    "keyword", ['"', "AND OR NOT", '{"query":{"match_all":{}}}', "' OR 1=1 --", "\x00", "🚑", "x" * 2000, "*:*"]
)
def test_odd_archive_queries_give_results_or_a_message(client, users, archive, keyword):
    client.force_login(users["health_staff"])
    response = client.get(URL, {"q": keyword, "p": "999999999", "status": "x" * 500, "opd": "'; --"})
    assert response.status_code == 200
    assert archive["other"].title not in response.content.decode()


def test_the_menu_offers_the_archive_search_to_staff_only(client, users):
    client.force_login(users["health_staff"])
    assert URL.encode() in client.get("/admin/").content
    client.force_login(users["editor"])
    assert URL.encode() in client.get("/admin/").content
