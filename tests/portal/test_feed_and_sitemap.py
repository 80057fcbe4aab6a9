"""What machines read: the Atom feed of newly published agreements, the sitemaps and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import AgreementStatus
from portal.sitemaps import AgreementSitemap

from ..factories import AgreementFactory, PartnerFactory, PublicationFactory, published_agreement

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _atom(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def _entry_titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def _urlset(client, path: str) -> dict[str, dict[str, str]]:
    """Each <loc> of a sitemap with its hreflang alternates."""
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }


def _unpublished_agreements():
    """A draft with a live publication, a withdrawn publication, and a signed agreement never published."""
    draft = PublicationFactory(agreement=AgreementFactory(title="Naskah draf", status=AgreementStatus.DRAFT)).agreement
    withdrawn = published_agreement(title="Naskah ditarik")
    withdrawn.publication.live = False
    withdrawn.publication.save()
    never = AgreementFactory(title="Naskah belum dipublikasikan", status=AgreementStatus.IN_FORCE)
    return [draft, withdrawn, never]


def test_the_feed_is_valid_atom_with_absolute_links_to_the_agreement_pages(client, site_pages):
    agreement = published_agreement(title="Kesepakatan Bersama Air Bersih")
    feed = _atom(client, "/katalog/feed/")
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}")
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/katalog/feed/"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Kesepakatan Bersama Air Bersih"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/katalog/naskah/{agreement.pk}/"
    assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}summary") == "Ringkasan untuk warga."


def test_the_feed_lists_only_published_agreements_newest_first(client, site_pages):
    older = published_agreement(title="Naskah lama")
    older.publication.first_published_at = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    older.publication.save()
    published_agreement(title="Naskah baru")
    _unpublished_agreements()
    assert _entry_titles(_atom(client, "/katalog/feed/")) == ["Naskah baru", "Naskah lama"]


def test_the_feed_stops_at_the_fifty_newest(client, site_pages):
    for n in range(52):
        published_agreement(title=f"Naskah {n}")
    assert len(_entry_titles(_atom(client, "/katalog/feed/"))) == 50


def test_the_english_feed_carries_english_titles_and_summaries_and_english_links(client, site_pages):
    agreement = published_agreement(title="Kesepakatan Bersama Kota Kembar", title_en="Sister City Agreement")
    agreement.publication.summary_en = "Cultural and economic exchange."
    agreement.publication.save()
    published_agreement(title="Naskah tanpa judul Inggris")
    feed = _atom(client, "/en/katalog/feed/")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.findall(f"{ATOM}entry")}
    assert set(entries) == {"Sister City Agreement", "Naskah tanpa judul Inggris"}
    english = entries["Sister City Agreement"]
    assert english.findtext(f"{ATOM}summary") == "Cultural and economic exchange."
    assert english.find(f"{ATOM}link").get("href") == f"http://testserver/en/katalog/naskah/{agreement.pk}/"


def test_the_sitemap_index_lists_the_pages_agreements_and_partners_sections(client, site_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert [loc.text for loc in root.iter(f"{SITEMAP}loc")] == [
        "http://testserver/sitemap-halaman.xml",
        "http://testserver/sitemap-naskah.xml",
        "http://testserver/sitemap-mitra.xml",
        "http://testserver/sitemap-akan-berakhir.xml",
        "http://testserver/sitemap-data-terbuka.xml",
    ]
    assert client.get("/sitemap-lainnya.xml").status_code == 404


def test_the_pages_sitemap_lists_every_page_in_both_languages_with_alternates(client, site_pages):
    urls = _urlset(client, "/sitemap-halaman.xml")
    for path in ("/", "/katalog/", "/statistik/", "/prosedur/", "/tanya-jawab/"):
        english = "http://testserver/en" + path
        assert f"http://testserver{path}" in urls and english in urls
        assert urls[english] == {
            "id": f"http://testserver{path}",
            "en": english,
            "x-default": f"http://testserver{path}",
        }


def test_the_agreements_sitemap_lists_published_agreements_in_both_languages_and_nothing_else(client, site_pages):
    agreement = published_agreement()
    hidden = _unpublished_agreements()
    urls = _urlset(client, "/sitemap-naskah.xml")
    indonesian = f"http://testserver/katalog/naskah/{agreement.pk}/"
    english = f"http://testserver/en/katalog/naskah/{agreement.pk}/"
    assert set(urls) == {indonesian, english}
    assert urls[indonesian] == {"id": indonesian, "en": english, "x-default": indonesian}
    for other in hidden:
        assert f"/naskah/{other.pk}/" not in client.get("/sitemap-naskah.xml").text


def test_the_agreements_sitemap_is_split_into_numbered_pages_listed_in_the_index(client, site_pages, monkeypatch):
    monkeypatch.setattr(AgreementSitemap, "limit", 2)
    agreements = [published_agreement() for _ in range(3)]
    index = client.get("/sitemap.xml").text
    assert "http://testserver/sitemap-naskah.xml?p=2" in index
    second = _urlset(client, "/sitemap-naskah.xml?p=2")
    assert set(second) == {
        f"http://testserver/katalog/naskah/{agreements[2].pk}/",
        f"http://testserver/en/katalog/naskah/{agreements[2].pk}/",
    }
    assert client.get("/sitemap-naskah.xml?p=3").status_code == 404


def test_the_agreements_sitemap_costs_the_same_queries_for_three_or_thirty_agreements(client, site_pages):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap-naskah.xml").status_code == 200
        return len(captured)

    for _ in range(3):
        published_agreement()
    client.get("/sitemap-naskah.xml")
    few = queries()
    for _ in range(27):
        published_agreement()
    assert queries() == few


def test_the_partners_sitemap_lists_only_partners_of_published_agreements(client, site_pages):
    public_partner = PartnerFactory(name="Universitas Negeri Malang")
    hidden_partner = PartnerFactory(name="PT Belum Terbit")
    published_agreement(partners=[public_partner])
    AgreementFactory(partners=[hidden_partner], status=AgreementStatus.IN_FORCE)
    urls = _urlset(client, "/sitemap-mitra.xml")
    assert set(urls) == {
        f"http://testserver/katalog/mitra/{public_partner.pk}/",
        f"http://testserver/en/katalog/mitra/{public_partner.pk}/",
    }


def test_robots_txt_keeps_crawlers_out_of_the_admin_status_page_and_downloads_and_points_to_the_sitemap(
    client, site_pages
):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow:")}
    assert disallowed == {
        "/admin/",
        "/ajukan-kerja-sama/status/",
        "/en/ajukan-kerja-sama/status/",
        "/katalog/unduh/",
        "/en/katalog/unduh/",
    }
    assert "Sitemap: http://testserver/sitemap.xml" in lines
