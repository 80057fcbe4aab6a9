"""A document the PPID withholds is never served to someone not entitled, whatever URL they try.

Wagtail's document serve view (`/dokumen/<id>/<filename>`) runs the `before_serve_document`
hooks; cooperation's hook comes first (the app is listed first) and answers 403 to anyone not
entitled, before Wagtail's own collection view restriction would redirect to the login page.
"""

import pytest

from cooperation.models import AgreementStatus, Classification, Publication, RestrictionGround

from ..factories import AgreementDocumentFactory, AgreementFactory, PartnerFactory, published_agreement

pytestmark = pytest.mark.django_db

RESTRICTED_TITLE = "Lampiran Rincian Harga Penawaran Mitra"
PUBLIC_TITLE = "Naskah Kesepakatan Bersama Ditandatangani"
FILE_BYTES = b"%PDF-1.4\n%demo\n"


@pytest.fixture
def partner():
    return PartnerFactory(name="PT Mitra Teknologi Nusantara")


@pytest.fixture
def agreement(site_pages, info_agency, partner):
    """A published agreement of Diskominfo with one public and one restricted document."""
    return published_agreement(
        title="Kesepakatan Bersama Kota Cerdas", initiating_agency=info_agency, partners=[partner]
    )


@pytest.fixture
def public_document(agreement):
    return AgreementDocumentFactory(agreement=agreement, title=PUBLIC_TITLE)


@pytest.fixture
def restricted_document(agreement, public_document):
    return AgreementDocumentFactory(
        agreement=agreement,
        title=RESTRICTED_TITLE,
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.BUSINESS,
        restriction_reason="Rahasia dagang mitra.",
    )


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def refused(response) -> bool:
    return response.status_code in (403, 404) and FILE_BYTES not in body_of(response)


def test_the_public_document_downloads_for_anyone(client, public_document):
    response = client.get(public_document.url)
    assert response.status_code == 200
    assert body_of(response) == FILE_BYTES


def test_anonymous_visitors_are_refused_the_restricted_document_by_its_serve_url(client, restricted_document):
    response = client.get(restricted_document.url)
    assert response.status_code == 403
    assert FILE_BYTES not in body_of(response)


@pytest.mark.parametrize(
    "suffix",
    ["?", "?download=1", "?inline=1&x=", "?%3F", "#fragment", "?next=/"],
)
def test_query_string_variations_of_the_serve_url_are_refused_too(client, restricted_document, suffix):
    assert refused(client.get(restricted_document.url + suffix))


def test_a_guessed_filename_is_not_found_and_never_serves_the_file(client, restricted_document):
    document_id = restricted_document.pk
    for path in [
        f"/dokumen/{document_id}/naskah.pdf",
        f"/dokumen/{document_id}/{restricted_document.filename.upper()}",
        f"/dokumen/{document_id}/{restricted_document.filename}/",
        f"/dokumen/{document_id}/../{document_id}/{restricted_document.filename}",
        f"/en/dokumen/{document_id}/{restricted_document.filename}",
    ]:
        response = client.get(path, follow=True)
        assert refused(response), path


def test_there_is_no_rendition_or_bare_id_route_for_documents(client, restricted_document, public_document):
    for document in (restricted_document, public_document):
        for path in [
            f"/dokumen/{document.pk}/",
            f"/dokumen/{document.pk}",
            f"/dokumen/{document.pk}/original/",
            f"/images/{document.pk}/original/{document.filename}",
            f"/dokumen/{document.pk}/{document.filename}/width-800/",
        ]:
            response = client.get(path, follow=True)
            assert response.status_code == 404, path
            assert FILE_BYTES not in body_of(response), path


def test_the_viewer_page_of_a_restricted_document_is_not_found(client, agreement, restricted_document):
    response = client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{restricted_document.pk}/")
    assert response.status_code == 404
    assert RESTRICTED_TITLE not in response.text
    assert client.get(f"/en/katalog/naskah/{agreement.pk}/dokumen/{restricted_document.pk}/").status_code == 404


def test_staff_of_another_agency_are_refused_the_restricted_document(client, users, agreement, restricted_document):
    client.force_login(users["health_staff"])
    assert client.get(restricted_document.url).status_code == 403
    assert client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{restricted_document.pk}/").status_code == 404


def test_an_account_without_a_role_is_refused_the_restricted_document(client, users, restricted_document):
    client.force_login(users["no_role"])
    response = client.get(restricted_document.url)
    assert response.status_code == 403
    assert FILE_BYTES not in body_of(response)


@pytest.mark.parametrize("role", ["info_staff", "secretariat"])
def test_the_owning_agency_and_the_secretariat_can_download_the_restricted_document(
    client, users, restricted_document, role
):
    client.force_login(users[role])
    response = client.get(restricted_document.url)
    assert response.status_code == 200
    assert body_of(response) == FILE_BYTES


def test_the_restricted_title_appears_on_no_public_page(client, agreement, partner, restricted_document, info_agency):
    pages = [
        f"/katalog/naskah/{agreement.pk}/",
        f"/en/katalog/naskah/{agreement.pk}/",
        f"/katalog/naskah/{agreement.pk}/dokumen/{restricted_document.pk - 1}/",
        f"/katalog/mitra/{partner.pk}/",
        f"/katalog/opd/{info_agency.pk}/",
        "/sitemap-naskah.xml",
        "/sitemap-mitra.xml",
        "/katalog/feed/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert RESTRICTED_TITLE not in text, path
        assert restricted_document.filename not in text, path
        assert restricted_document.url not in text, path
    assert PUBLIC_TITLE in client.get(f"/katalog/naskah/{agreement.pk}/").text


def test_a_public_document_of_an_unpublished_agreement_is_not_served_to_anonymous_visitors(client, site_pages):
    agreement = AgreementFactory(status=AgreementStatus.IN_FORCE)
    document = AgreementDocumentFactory(agreement=agreement, title="Naskah belum dipublikasikan")
    assert client.get(document.url).status_code == 403
    assert client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{document.pk}/").status_code == 404


def test_a_public_document_stops_being_served_once_its_agreement_is_unpublished(client, site_pages):
    agreement = published_agreement()
    document = AgreementDocumentFactory(agreement=agreement)
    assert client.get(document.url).status_code == 200
    Publication.objects.filter(agreement=agreement).update(live=False)
    assert client.get(document.url).status_code == 403
    assert client.get(f"/katalog/naskah/{agreement.pk}/").status_code == 404


def test_a_draft_agreement_with_a_live_publication_serves_neither_page_nor_documents(client, site_pages):
    agreement = published_agreement(status=AgreementStatus.DRAFT)
    document = AgreementDocumentFactory(agreement=agreement)
    assert client.get(f"/katalog/naskah/{agreement.pk}/").status_code == 404
    assert client.get(document.url).status_code == 403
