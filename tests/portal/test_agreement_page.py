"""The public page of one agreement: what a citizen reads, what search engines get, what never shows."""

import datetime
import html
import json
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    Classification,
    FundingSource,
    PartyRole,
    Publication,
    RestrictionGround,
)

from ..factories import (
    AgencyFactory,
    AgreementDocumentFactory,
    AgreementFactory,
    CooperationKindFactory,
    PartnerFactory,
    SectorFactory,
    amendment_type,
    bulk_publish,
    framework_type,
    implementing_type,
    published_agreement,
)

pytestmark = pytest.mark.django_db


def page_of(agreement: Agreement, *, language: str = "id") -> str:
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/katalog/naskah/{agreement.pk}/"


def publish_in_bulk(count: int, *, partner, sector, agency, start: int = 0) -> list[Agreement]:
    """`count` published agreements with one partner, sector and agency, without a query per field."""
    kind = CooperationKindFactory()
    return bulk_publish(
        [
            Agreement(
                document_type=framework_type(),
                kind=kind,
                title=f"Kesepakatan Bersama Massal {start + index}",
                initiating_agency=agency,
                status=AgreementStatus.IN_FORCE,
                signed_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=(start + index) % 1500),
                starts_on=datetime.date(2020, 1, 1),
                ends_on=datetime.date(2030, 1, 1),
            )
            for index in range(count)
        ],
        partners=[partner],
        sectors=[sector],
        implementing_agency=agency,
    )


@pytest.fixture
def full_agreement(site_pages, info_agency, health_agency):
    """A published PKS with every public field filled, and every private one too."""
    partner = PartnerFactory(name="Universitas Brawijaya", name_en="Brawijaya University")
    agreement = published_agreement(
        title="Perjanjian Kerja Sama Layanan Telemedisin",
        title_en="Cooperation Agreement on Telemedicine Services",
        region_number="180/12/35.73.112/2025",
        document_type=implementing_type(),
        initiating_agency=info_agency,
        scope="Konsultasi dokter jarak jauh di puskesmas.",
        subject="Aplikasi telemedisin.",
        aims="Mempercepat layanan kesehatan.",
        signed_on=datetime.date(2025, 2, 3),
        signed_at="Balai Kota Malang",
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2028, 2, 29),
        value=Decimal("1500000000"),
        funding_source=FundingSource.APBD,
        burdens_apbd=True,
        dprd_approval_number="170/45/DPRD/2025",
        dprd_approval_date=datetime.date(2025, 1, 20),
        signatory_name="Wahyu Hidayat",
        signatory_position="Wali Kota Malang",
        signatory_nip="197001011990031001",
        contact_name="Rina Kontak",
        contact_phone="0812-9999-0000",
        contact_email="rina.kontak@malangkota.go.id",
        internal_notes="Catatan rahasia: negosiasi harga belum tuntas.",
        power_of_attorney_number="SK/77/2025",
        partners=[],
    )
    AgreementParty.objects.create(
        agreement=agreement,
        partner=partner,
        role=PartyRole.SECOND,
        number="UB/PKS/88/2025",
        signatory_name="Prof. Widodo",
        signatory_position="Rektor",
    )
    agreement.implementing_agencies.set([health_agency])
    agreement.sectors.set([SectorFactory(code="KES", name="Kesehatan", name_en="Health")])
    agreement.save()  # parental many-to-many relations are written on save
    publication = agreement.publication
    publication.summary = "Warga dapat berkonsultasi dengan dokter lewat ponsel."
    publication.summary_en = "Residents can consult a doctor by phone."
    publication.save()
    return agreement


def test_a_published_agreement_shows_its_title_summary_and_public_metadata_in_plain_language(client, full_agreement):
    response = client.get(page_of(full_agreement))
    assert response.status_code == 200
    text = response.text
    assert text.count("<h1") == 1
    assert '<h1 id="agreement-title">Perjanjian Kerja Sama Layanan Telemedisin</h1>' in text
    assert "Warga dapat berkonsultasi dengan dokter lewat ponsel." in text
    for fragment in [
        "180/12/35.73.112/2025",
        "UB/PKS/88/2025",
        "Perjanjian Kerja Sama",
        "Konsultasi dokter jarak jauh di puskesmas.",
        "Aplikasi telemedisin.",
        "Mempercepat layanan kesehatan.",
        "<dd>Kesehatan</dd>",
        "3 Februari 2025",
        "Balai Kota Malang",
        "1 Maret 2025 sampai 29 Februari 2028",
        "3 tahun",
        "Rp1.500.000.000",
        "APBD",
        "170/45/DPRD/2025",
        "Wahyu Hidayat, Wali Kota Malang",
        "SK/77/2025",
        "Berlaku",
    ]:
        assert fragment in text, fragment


def test_the_agencies_and_the_partner_link_to_their_own_pages(client, full_agreement, info_agency, health_agency):
    text = client.get(page_of(full_agreement)).text
    partner = full_agreement.parties.get().partner
    assert f'href="/katalog/opd/{info_agency.pk}/">Dinas Komunikasi dan Informatika</a>' in text
    assert f'href="/katalog/opd/{health_agency.pk}/">Dinas Kesehatan</a>' in text
    assert f'Pihak Kedua: <a href="/katalog/mitra/{partner.pk}/">Universitas Brawijaya</a>' in text
    assert "Pihak Kesatu: Pemerintah Kota Malang" in text
    assert "Prof. Widodo, Rektor" in text


def test_the_page_never_shows_contact_data_the_signatorys_nip_or_internal_notes(client, full_agreement):
    text = client.get(page_of(full_agreement)).text
    for secret in [
        "197001011990031001",
        "Rina Kontak",
        "0812-9999-0000",
        "rina.kontak@malangkota.go.id",
        "Catatan rahasia",
    ]:
        assert secret not in text, secret


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: AgreementFactory(status=AgreementStatus.IN_FORCE), id="never-published"),
        pytest.param(lambda: published_agreement(status=AgreementStatus.DRAFT), id="draft-with-live-publication"),
        pytest.param(lambda: published_agreement(status=AgreementStatus.APPROVED), id="approved-not-signed"),
    ],
)
def test_an_agreement_that_is_not_public_is_not_found(client, site_pages, make):
    agreement = make()
    assert client.get(page_of(agreement)).status_code == 404
    assert client.get(page_of(agreement, language="en")).status_code == 404


def test_an_unpublished_agreement_is_not_found_any_more(client, site_pages):
    agreement = published_agreement()
    assert client.get(page_of(agreement)).status_code == 200
    Publication.objects.filter(agreement=agreement).update(live=False)
    assert client.get(page_of(agreement)).status_code == 404


def test_the_timeline_lists_signing_start_extension_and_end_in_date_order(client, site_pages):
    agreement = published_agreement(
        signed_on=datetime.date(2020, 5, 4),
        starts_on=datetime.date(2020, 6, 1),
        ends_on=datetime.date(2023, 5, 31),
        status=AgreementStatus.EXTENDED,
    )
    AgreementStatusChange.objects.create(
        agreement=agreement,
        from_status=AgreementStatus.IN_FORCE,
        to_status=AgreementStatus.EXTENDED,
        changed_at=datetime.datetime(2023, 4, 10, 9, 0, tzinfo=datetime.UTC),
        note="Catatan internal perpanjangan",
    )
    renewal = published_agreement(
        title="Perpanjangan Kesepakatan Bersama", replaces=agreement, signed_on=datetime.date(2023, 5, 20)
    )
    text = client.get(page_of(agreement)).text
    timeline = text.split('id="heading-timeline"')[1].split("</ol>")[0]
    dates = re.findall(r'<time datetime="([\d-]+)">', timeline)
    assert dates == ["2020-05-04", "2020-06-01", "2023-04-10", "2023-05-20", "2023-05-31"]
    assert "Diperpanjang" in timeline
    assert f'href="/katalog/naskah/{renewal.pk}/">Perpanjangan Kesepakatan Bersama</a>' in timeline
    assert "Berakhir" in timeline
    assert "Catatan internal perpanjangan" not in text


def test_a_terminated_agreement_shows_when_it_was_terminated(client, site_pages):
    agreement = published_agreement(status=AgreementStatus.TERMINATED)
    AgreementStatusChange.objects.create(
        agreement=agreement,
        from_status=AgreementStatus.IN_FORCE,
        to_status=AgreementStatus.TERMINATED,
        changed_at=datetime.datetime(2025, 8, 17, 3, 0, tzinfo=datetime.UTC),
    )
    timeline = client.get(page_of(agreement)).text.split('id="heading-timeline"')[1].split("</ol>")[0]
    assert '<time datetime="2025-08-17">17 Agustus 2025</time>' in timeline
    assert "Diakhiri" in timeline


def test_the_chain_links_parent_implementing_agreements_and_addenda_but_not_unpublished_ones(client, site_pages):
    framework = published_agreement(title="KSB Induk Pendidikan", document_type=framework_type())
    implementing = published_agreement(
        title="PKS Beasiswa", document_type=implementing_type(), parent=framework, signed_on=datetime.date(2025, 2, 1)
    )
    addendum = published_agreement(title="Adendum PKS Beasiswa", document_type=amendment_type(), parent=implementing)
    AgreementFactory(
        title="PKS Belum Terbit", document_type=implementing_type(), parent=framework, status=AgreementStatus.IN_FORCE
    )

    framework_page = client.get(page_of(framework)).text
    assert f'href="/katalog/naskah/{implementing.pk}/">PKS Beasiswa</a>' in framework_page
    assert "PKS Belum Terbit" not in framework_page

    chain = client.get(page_of(implementing)).text.split('id="heading-chain"')[1].split("</section>")[0]
    assert "Naskah induk" in chain and f'href="/katalog/naskah/{framework.pk}/"' in chain
    assert "Adendum" in chain and f'href="/katalog/naskah/{addendum.pk}/"' in chain


def test_a_renewal_and_the_agreement_it_extends_point_at_each_other(client, site_pages):
    old = published_agreement(title="Kesepakatan Lama", status=AgreementStatus.EXTENDED)
    new = published_agreement(title="Kesepakatan Baru", replaces=old)
    assert f'href="/katalog/naskah/{new.pk}/">Kesepakatan Baru</a>' in client.get(page_of(old)).text
    new_page = client.get(page_of(new)).text
    assert "Memperpanjang" in new_page and f'href="/katalog/naskah/{old.pk}/">Kesepakatan Lama</a>' in new_page


def test_public_documents_are_listed_with_their_size_a_download_and_a_viewer_page(client, site_pages):
    agreement = published_agreement()
    document = AgreementDocumentFactory(
        agreement=agreement, title="Naskah PKS ditandatangani", file_size=2_400_000, language="en", version=2
    )
    text = client.get(page_of(agreement)).text
    table = text.split('id="heading-documents"')[1].split("</section>")[0]
    assert "<caption>" in table and '<th scope="col">' in table
    assert "Naskah PKS ditandatangani" in table
    assert "2,3\xa0MB" in table or "2.3\xa0MB" in table
    assert "Bahasa Inggris" in table
    assert f'href="{document.url}" download' in table
    assert f'href="/katalog/naskah/{agreement.pk}/dokumen/{document.pk}/"' in table
    assert 'tabindex="0" role="region" aria-label=' in table


def test_withheld_documents_are_counted_but_never_named(client, site_pages):
    agreement = published_agreement()
    AgreementDocumentFactory(agreement=agreement, title="Naskah yang terbuka")
    AgreementDocumentFactory(
        agreement=agreement,
        title="Lampiran harga penawaran mitra",
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.BUSINESS,
        restriction_reason="Rahasia dagang.",
    )
    text = client.get(page_of(agreement)).text
    assert "1 dokumen dikecualikan oleh PPID berdasarkan UU 14/2008 pasal 17." in text
    assert "Lampiran harga penawaran mitra" not in text
    assert "Naskah yang terbuka" in text


def test_an_agreement_without_documents_says_so(client, site_pages):
    agreement = published_agreement()
    text = client.get(page_of(agreement)).text
    assert "Belum ada dokumen publik untuk naskah ini." in text
    assert "dikecualikan oleh PPID" not in text


def test_the_document_viewer_embeds_the_pdf_with_a_title_and_a_link_that_works_without_javascript(client, site_pages):
    agreement = published_agreement()
    document = AgreementDocumentFactory(agreement=agreement, title="Naskah KSB final")
    response = client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{document.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Naskah KSB final</h1>" in text
    assert f'<object class="pdf-viewer" data="{document.url}" type="application/pdf" title="' in text
    fallback = text.split("<object")[1].split("</object>")[0]
    assert f'<a href="{document.url}">' in fallback
    assert f'href="/katalog/naskah/{agreement.pk}/"' in text
    assert client.get(document.url).status_code == 200


def test_the_document_viewer_only_opens_a_document_through_its_own_agreement(client, site_pages):
    agreement, other = published_agreement(), published_agreement()
    document = AgreementDocumentFactory(agreement=agreement)
    assert client.get(f"/katalog/naskah/{other.pk}/dokumen/{document.pk}/").status_code == 404
    assert client.get(f"/katalog/naskah/{agreement.pk}/dokumen/{document.pk + 1000}/").status_code == 404


def test_a_public_pdf_may_be_embedded_by_the_portals_own_viewer_page(client, site_pages):
    """Browsers refuse to show a PDF in <object> when the file answers X-Frame-Options: DENY."""
    agreement = published_agreement()
    document = AgreementDocumentFactory(agreement=agreement)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response.headers.get("X-Frame-Options", "SAMEORIGIN").upper() == "SAMEORIGIN"


def test_related_agreements_share_a_partner_or_a_sector(client, site_pages):
    partner, sector = PartnerFactory(), SectorFactory()
    agreement = published_agreement(partners=[partner])
    agreement.sectors.set([sector])
    agreement.save()
    same_partner = published_agreement(title="Naskah Mitra Sama", partners=[partner])
    same_sector = published_agreement(title="Naskah Urusan Sama")
    same_sector.sectors.set([sector])
    same_sector.save()
    published_agreement(title="Naskah Lain Sama Sekali")
    AgreementFactory(title="Naskah Mitra Sama Belum Terbit", partners=[partner], status=AgreementStatus.IN_FORCE)
    related = client.get(page_of(agreement)).text.split('id="heading-related"')[1].split("</section>")[0]
    assert f'href="/katalog/naskah/{same_partner.pk}/">Naskah Mitra Sama</a>' in related
    assert f'href="/katalog/naskah/{same_sector.pk}/">Naskah Urusan Sama</a>' in related
    assert "Naskah Lain Sama Sekali" not in related
    assert "Belum Terbit" not in related


def structured_data(text: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_search_engines_get_schema_org_data_about_the_agreement(client, full_agreement):
    data = structured_data(client.get(page_of(full_agreement)).text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == "Perjanjian Kerja Sama Layanan Telemedisin"
    assert data["identifier"] == "180/12/35.73.112/2025"
    assert data["dateCreated"] == "2025-02-03"
    assert data["temporalCoverage"] == "2025-03-01/2028-02-29"
    assert data["about"] == [{"@type": "Thing", "name": "Kesehatan"}]
    assert [author["name"] for author in data["author"]] == ["Pemerintah Kota Malang", "Universitas Brawijaya"]
    assert data["url"] == f"http://testserver/katalog/naskah/{full_agreement.pk}/"
    assert data["inLanguage"] == "id"
    assert "197001011990031001" not in json.dumps(data)


def test_a_title_that_contains_a_script_tag_cannot_break_out_of_the_structured_data(client, site_pages):
    agreement = published_agreement(title='Naskah </script><script>alert("x")</script> & lainnya')
    text = client.get(page_of(agreement)).text
    assert '<script>alert("x")</script>' not in text
    assert structured_data(text)["name"] == 'Naskah </script><script>alert("x")</script> & lainnya'


def test_the_page_offers_open_graph_tags_and_a_description_for_sharing(client, full_agreement):
    text = client.get(page_of(full_agreement)).text
    assert '<meta property="og:type" content="article">' in text
    assert '<meta property="og:title" content="Perjanjian Kerja Sama Layanan Telemedisin">' in text
    assert '<meta name="description" content="Warga dapat berkonsultasi dengan dokter lewat ponsel.">' in text
    assert "<title>Perjanjian Kerja Sama Layanan Telemedisin — Si Mbois Ker</title>" in text


def test_the_description_falls_back_to_the_scope_shortened(client, site_pages):
    agreement = published_agreement(scope="Pengelolaan " + "sampah " * 60)
    Publication.objects.filter(agreement=agreement).update(summary="")
    description = re.search(r'<meta name="description" content="([^"]*)">', client.get(page_of(agreement)).text)
    assert description.group(1).startswith("Pengelolaan sampah")
    assert len(html.unescape(description.group(1))) <= 160


def test_the_citation_line_names_the_parties_year_title_number_and_address(client, full_agreement):
    response = client.get(page_of(full_agreement))
    citation = response.text.split('id="heading-citation"')[1].split("</section>")[0]
    assert "Cara mengutip" in response.text
    today = timezone.localdate()
    plain = " ".join(re.sub(r"<[^>]+>", "", citation).split())
    assert (
        "Pemerintah Kota Malang dan Universitas Brawijaya. (2025). Perjanjian Kerja Sama Layanan Telemedisin. "
        "Nomor 180/12/35.73.112/2025. "
        f"Diakses dari http://testserver/katalog/naskah/{full_agreement.pk}/ pada {today.day}"
    ) in plain


def test_the_monev_section_stays_away_until_there_are_monev_reports(client, full_agreement):
    response = client.get(page_of(full_agreement))
    assert response.context["monev_summary"] is None
    assert "Monev" not in response.text


def test_the_english_page_shows_the_english_title_and_summary(client, full_agreement):
    response = client.get(page_of(full_agreement, language="en"))
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert '<h1 id="agreement-title">Cooperation Agreement on Telemedicine Services</h1>' in response.text
    assert "Residents can consult a doctor by phone." in response.text
    assert "Brawijaya University" in response.text
    assert "Health" in response.text
    assert structured_data(response.text)["inLanguage"] == "en"


def test_the_english_page_falls_back_to_indonesian_when_no_english_is_given(client, site_pages):
    agreement = published_agreement(title="Kesepakatan Bersama Pariwisata")
    response = client.get(page_of(agreement, language="en"))
    assert '<h1 id="agreement-title">Kesepakatan Bersama Pariwisata</h1>' in response.text
    assert "Ringkasan untuk warga." in response.text


def test_an_editor_previews_a_draft_publication_with_its_draft_summary(site_pages, users, info_agency):
    agreement = AgreementFactory(
        initiating_agency=info_agency, status=AgreementStatus.SIGNED, signed_on=datetime.date(2025, 4, 1)
    )
    AgreementDocumentFactory(agreement=agreement, title="Naskah untuk dipublikasikan")
    AgreementDocumentFactory(
        agreement=agreement,
        title="Draf negosiasi internal",
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.NEGOTIATION,
        restriction_reason="Belum selesai.",
    )
    publication = Publication.objects.create(agreement=agreement, live=False, summary="Ringkasan draf editor.")
    request = RequestFactory().get("/admin/")
    request.user = users["editor"]
    response = publication.serve_preview(request, "")
    response.render()
    text = response.content.decode()
    assert "Ringkasan draf editor." in text
    assert "Naskah untuk dipublikasikan" in text
    assert "Draf negosiasi internal" not in text


def test_the_agreement_page_needs_as_many_queries_at_2000_agreements_as_at_100(client, site_pages, info_agency):
    partner, sector = PartnerFactory(), SectorFactory()
    agreement = published_agreement(partners=[partner], initiating_agency=info_agency)
    agreement.sectors.set([sector])
    agreement.implementing_agencies.set([info_agency])
    agreement.save()
    AgreementDocumentFactory(agreement=agreement)
    publish_in_bulk(99, partner=partner, sector=sector, agency=info_agency)
    client.get(page_of(agreement))  # warm the site and locale caches

    cache.clear()  # both requests compute the cached lists, as the first visitor after a change
    with CaptureQueriesContext(connection) as at_100:
        assert client.get(page_of(agreement)).status_code == 200
    publish_in_bulk(1900, partner=partner, sector=sector, agency=info_agency, start=99)
    cache.clear()  # both requests compute the cached lists, as the first visitor after a change
    with CaptureQueriesContext(connection) as at_2000:
        assert client.get(page_of(agreement)).status_code == 200
    assert len(at_2000) == len(at_100), [query["sql"] for query in at_2000.captured_queries]


def test_the_agreement_pages_query_count_does_not_grow_with_its_parties_sectors_and_agencies(client, site_pages):
    agreement = published_agreement(partners=[PartnerFactory()])
    agreement.sectors.set([SectorFactory()])
    agreement.implementing_agencies.set([AgencyFactory()])
    agreement.save()
    client.get(page_of(agreement))
    cache.clear()  # both requests compute the cached lists, as the first visitor after a change
    with CaptureQueriesContext(connection) as few:
        client.get(page_of(agreement))
    for _ in range(4):
        AgreementParty.objects.create(agreement=agreement, partner=PartnerFactory(), role=PartyRole.THIRD)
    agreement.sectors.add(*[SectorFactory() for _ in range(4)])
    agreement.implementing_agencies.add(*[AgencyFactory() for _ in range(4)])
    agreement.save()
    cache.clear()  # both requests compute the cached lists, as the first visitor after a change
    with CaptureQueriesContext(connection) as many:
        client.get(page_of(agreement))
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("ends_on", "indonesian", "english"),
    [
        (datetime.date(2025, 12, 31), "(1 tahun)", "(1 year)"),
        (datetime.date(2027, 7, 1), "(2,5 tahun)", "(2.5 years)"),
    ],
)
def test_the_term_reads_in_whole_or_part_years_in_each_language(client, site_pages, ends_on, indonesian, english):
    agreement = published_agreement(starts_on=datetime.date(2025, 1, 1), ends_on=ends_on)
    assert indonesian in client.get(page_of(agreement)).text
    assert english in client.get(page_of(agreement, language="en")).text
