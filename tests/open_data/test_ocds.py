"""OCDS releases and records of the public register: valid OCDS 1.1, stable, and nothing that is not public.

The register below is realistic on purpose: a KSB/MoU with a PKS under it and an addendum to the
PKS, an extension, a foreign partner, public and restricted documents of several categories, a
verified and an unverified monev report, a terminated agreement and one without value or dates.
Every package is checked with libcoveocds, the Open Contracting Partnership's own validator.
"""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementStatus,
    Classification,
    FundingSource,
    MonevReport,
    Partner,
    PartnerCategory,
    Publication,
    RestrictionGround,
    VerificationStatus,
)
from portal.open_data import ocds
from portal.open_data.links import PublicLinks

from ..factories import (
    AgencyFactory,
    AgreementDocumentFactory,
    AgreementFactory,
    DocumentCategoryFactory,
    PartnerFactory,
    amendment_type,
    framework_type,
    implementing_type,
    monev_report,
    published_agreement,
)
from ..ocds_validation import validate_package

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))
RESTRICTED_TITLE = "Draf negosiasi tarif yang dikecualikan"
UNVERIFIED_BENEFIT = "Manfaat dari laporan yang belum diverifikasi"
SECRETS = [
    "rektor@univ-brawijaya.example",
    "0341-555-0101",
    "Jl. Veteran Nomor 1",
    "Budi Narahubung",
    "narahubung@malangkota.example",
    "0812-0000-1111",
    "197001011990031001",
    "SK/KUASA/2025/77",
    "Catatan internal: jangan dipublikasikan",
    "sister@kumamoto.example",
    RESTRICTED_TITLE,
    "Alasan pengecualian rahasia",
    UNVERIFIED_BENEFIT,
    "Adendum yang belum dipublikasikan",
    "Naskah yang tidak dipublikasikan",
]


@dataclass
class Register:
    mou: Agreement
    pks: Agreement
    addendum: Agreement
    hidden_addendum: Agreement
    old: Agreement
    renewal: Agreement
    terminated: Agreement
    bare: Agreement
    unpublished: Agreement
    withdrawn: Agreement

    @property
    def public(self) -> list[Agreement]:
        return [self.mou, self.pks, self.addendum, self.old, self.renewal, self.terminated, self.bare]


def _category(code: str, name: str):
    return DocumentCategoryFactory(code=code, name=name)


def _publish(agreement: Agreement, *, at: datetime.datetime, summary: str = "") -> Agreement:
    Publication.objects.create(
        agreement=agreement, live=True, summary=summary, first_published_at=at, last_published_at=at
    )
    return agreement


def _report(agreement, agency, *, starts_on, ends_on, verified: bool, benefits: str) -> MonevReport:
    return monev_report(
        agreement,
        agency,
        starts_on=starts_on,
        ends_on=ends_on,
        indicators=[("Warga terlatih", "orang", Decimal(300), Decimal(240))],
        activities="Pelatihan literasi digital bagi 300 warga.",
        benefits=benefits,
        budget_planned=Decimal("100000000"),
        budget_realised=Decimal("80000000"),
        verification_status=VerificationStatus.VERIFIED if verified else VerificationStatus.SUBMITTED,
        live=verified,
        verified_at=datetime.datetime(2025, 7, 20, 9, 30, tzinfo=WIB) if verified else None,
        last_published_at=datetime.datetime(2025, 7, 20, 9, 30, tzinfo=WIB) if verified else None,
    )


@pytest.fixture
def register(site_pages) -> Register:
    return build_register()


def build_register() -> Register:
    info = AgencyFactory(code="KOMINFO", name="Dinas Komunikasi dan Informatika", short_name="Diskominfo")
    health = AgencyFactory(code="DINKES", name="Dinas Kesehatan", short_name="Dinkes")
    university = PartnerFactory(
        name="Universitas Brawijaya",
        category=PartnerCategory.UNIVERSITY,
        address="Jl. Veteran Nomor 1",
        contact_name="Budi Narahubung",
        contact_email="rektor@univ-brawijaya.example",
        contact_phone="0341-555-0101",
    )
    sister_city = Partner.objects.create(
        name="Kumamoto City",
        category=PartnerCategory.FOREIGN_GOVERNMENT,
        country="Jepang",
        province="Prefektur Kumamoto",
        regency_city="Kumamoto",
        contact_email="sister@kumamoto.example",
    )
    published = datetime.datetime(2025, 2, 1, 10, tzinfo=WIB)

    mou = AgreementFactory(
        document_type=framework_type(),
        title="Kesepakatan Bersama Pengembangan Kota Cerdas",
        title_en="Memorandum of Understanding on Smart City Development",
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2025, 1, 15),
        starts_on=datetime.date(2025, 1, 15),
        ends_on=datetime.date(2029, 1, 14),
        value=Decimal("1500000000.00"),
        funding_source=FundingSource.APBD,
        initiating_agency=info,
        scope="Riset, pelatihan dan layanan digital.",
        contact_name="Budi Narahubung",
        contact_email="narahubung@malangkota.example",
        contact_phone="0812-0000-1111",
        signatory_name="Wali Kota Malang",
        signatory_nip="197001011990031001",
        power_of_attorney_number="SK/KUASA/2025/77",
        internal_notes="Catatan internal: jangan dipublikasikan",
        partners=[university],
    )
    mou.implementing_agencies.set([info, health])
    mou.save()
    _publish(mou, at=published, summary="Kota dan universitas bersama membangun layanan kota cerdas.")

    signed = _category("naskah-ditandatangani", "Naskah yang Telah Ditandatangani")
    annex = _category("lampiran", "Lampiran")
    tor = _category("kak", "Kerangka Acuan Kerja (KAK)")
    minutes = _category("berita-acara", "Berita Acara")
    draft = _category("draf-naskah", "Draf Naskah (dalam perundingan)")
    AgreementDocumentFactory(agreement=mou, category=signed, title="Naskah KSB Kota Cerdas (ditandatangani)")
    AgreementDocumentFactory(agreement=mou, category=annex, title="Lampiran rencana kerja")
    AgreementDocumentFactory(agreement=mou, category=tor, title="KAK Kota Cerdas", language="en")
    AgreementDocumentFactory(
        agreement=mou,
        category=draft,
        title=RESTRICTED_TITLE,
        classification=Classification.RESTRICTED,
        restriction_ground=RestrictionGround.BUSINESS,
        restriction_reason="Alasan pengecualian rahasia",
    )
    _report(
        mou,
        info,
        starts_on=datetime.date(2025, 1, 15),
        ends_on=datetime.date(2025, 6, 30),
        verified=True,
        benefits="Layanan digital baru.",
    )
    _report(
        mou,
        info,
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 12, 31),
        verified=False,
        benefits=UNVERIFIED_BENEFIT,
    )

    pks = AgreementFactory(
        document_type=implementing_type(),
        parent=mou,
        title="Perjanjian Kerja Sama Pusat Data Kota",
        status=AgreementStatus.SIGNED,
        signed_on=datetime.date(2025, 3, 1),
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2026, 3, 31),
        value=Decimal("250000000.50"),
        funding_source=FundingSource.PARTNER,
        initiating_agency=info,
        partners=[university],
    )
    _publish(pks, at=published + datetime.timedelta(days=40))
    AgreementDocumentFactory(agreement=pks, category=signed, title="Naskah PKS Pusat Data")

    addendum = AgreementFactory(
        document_type=amendment_type(),
        parent=pks,
        title="Adendum Pertama PKS Pusat Data Kota",
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2025, 9, 1),
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2026, 3, 31),
        initiating_agency=info,
        aims="Menambah lokasi server cadangan.",
        partners=[university],
    )
    _publish(addendum, at=published + datetime.timedelta(days=220), summary="Lokasi server cadangan ditambah.")
    hidden_addendum = AgreementFactory(
        document_type=amendment_type(),
        parent=pks,
        title="Adendum yang belum dipublikasikan",
        status=AgreementStatus.SIGNED,
        signed_on=datetime.date(2025, 10, 1),
        initiating_agency=info,
        partners=[university],
    )

    old = AgreementFactory(
        title="Kesepakatan Bersama Kota Kembar Malang-Kumamoto 2020",
        status=AgreementStatus.EXTENDED,
        signed_on=datetime.date(2020, 5, 1),
        starts_on=datetime.date(2020, 5, 1),
        ends_on=datetime.date(2025, 4, 30),
        initiating_agency=health,
        partners=[sister_city],
    )
    _publish(old, at=published)
    renewal = AgreementFactory(
        title="Kesepakatan Bersama Kota Kembar Malang-Kumamoto 2025",
        replaces=old,
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2025, 5, 1),
        starts_on=datetime.date(2025, 5, 1),
        ends_on=datetime.date(2030, 4, 30),
        initiating_agency=health,
        partners=[sister_city],
    )
    _publish(renewal, at=published + datetime.timedelta(days=90))

    terminated = AgreementFactory(
        title="Perjanjian Kerja Sama Parkir Elektronik",
        status=AgreementStatus.TERMINATED,
        signed_on=datetime.date(2024, 1, 10),
        starts_on=datetime.date(2024, 2, 1),
        ends_on=datetime.date(2027, 1, 31),
        terminated_on=datetime.date(2025, 8, 31),
        initiating_agency=info,
    )
    _publish(terminated, at=published)
    AgreementDocumentFactory(agreement=terminated, category=minutes, title="Berita Acara Pengakhiran")

    bare = AgreementFactory(
        title="Kesepakatan Bersama tanpa nilai dan tanggal",
        status=AgreementStatus.SIGNED,
        signed_on=None,
        starts_on=None,
        ends_on=None,
        value=None,
        initiating_agency=health,
        partners=[],
    )
    _publish(bare, at=published)

    unpublished = AgreementFactory(
        title="Naskah yang tidak dipublikasikan", status=AgreementStatus.IN_FORCE, initiating_agency=info
    )
    withdrawn = AgreementFactory(title="Naskah yang ditarik", status=AgreementStatus.IN_FORCE, initiating_agency=info)
    Publication.objects.create(agreement=withdrawn, live=False, first_published_at=timezone.now())
    return Register(mou, pks, addendum, hidden_addendum, old, renewal, terminated, bare, unpublished, withdrawn)


# -- helpers --------------------------------------------------------------------------------------

ADDED_FIELDS_ALLOWED = {"title_en", "description_en", "links"}  # OCDS language variants and paging links


def assert_valid_ocds(package: dict) -> dict:
    """libcoveocds finds no error, no code outside a closed codelist, and no open code we have not documented."""
    report = validate_package(package)
    assert report["validation_errors"] == []
    assert report["additional_closed_codelist_values"] == {}
    for path, entry in report["additional_open_codelist_values"].items():
        assert entry["codelist"] == "partyRole.csv", path
        assert set(entry["values"]) <= set(ocds.ADDED_PARTY_ROLES), path
    assert {entry["field"] for entry in report["additional_fields"]} <= ADDED_FIELDS_ALLOWED
    return report


def links() -> PublicLinks:
    return PublicLinks.for_request(None)


def releases_of(agreement) -> list[dict]:
    return ocds.releases_for([agreement.pk], links=links())[agreement.pk]


def by_tag(releases: list[dict], tag: str) -> list[dict]:
    return [release for release in releases if tag in release["tag"]]


def party(release: dict, party_id: str) -> dict:
    return next(item for item in release["parties"] if item["id"] == party_id)


# -- validity -------------------------------------------------------------------------------------


def test_a_release_package_of_the_whole_register_is_valid_ocds_with_only_the_documented_added_codes(register):
    found = ocds.releases_for([agreement.pk for agreement in register.public], links=links())
    package = ocds.release_package(
        [release for releases in found.values() for release in releases], uri="https://example.org/p", links=links()
    )

    report = assert_valid_ocds(package)

    added = set().union(*(entry["values"] for entry in report["additional_open_codelist_values"].values()))
    assert added == set(ocds.ADDED_PARTY_ROLES)
    assert report["count"] == sum(len(releases) for releases in found.values())


def test_a_record_package_of_the_whole_register_is_valid_ocds(register):
    found = ocds.releases_for([agreement.pk for agreement in register.public], links=links())
    package = ocds.record_package(found, uri="https://example.org/records", links=links())

    assert_valid_ocds(package)
    assert [record["ocid"] for record in package["records"]] == [
        ocds.ocid(a.pk) for a in sorted(register.public, key=lambda agreement: agreement.pk)
    ]


def test_the_package_names_its_publisher_licence_and_publication_policy(register, settings):
    package = ocds.release_package(releases_of(register.mou), uri="https://example.org/p", links=links())

    assert package["version"] == "1.1"
    assert package["uri"] == "https://example.org/p"
    assert package["publisher"]["name"] == settings.COOPERATION_REGION_NAME
    assert package["license"] == settings.OPEN_DATA_LICENSE_URL
    assert package["publicationPolicy"].endswith("/katalog/data-terbuka/kebijakan-publikasi/")
    assert package["publishedDate"] == max(release["date"] for release in package["releases"])


# -- one agreement, one process -------------------------------------------------------------------


def test_every_public_agreement_is_one_process_named_by_the_prefix_and_its_id(register, settings):
    settings.OPEN_DATA_OCID_PREFIX = "ocds-abc123"

    found = ocds.releases_for([agreement.pk for agreement in register.public], links=links())

    assert set(found) == {agreement.pk for agreement in register.public}
    for pk, releases in found.items():
        assert {release["ocid"] for release in releases} == {f"ocds-abc123-{pk}"}
        assert len({release["id"] for release in releases}) == len(releases)


def test_unpublished_withdrawn_and_unknown_agreements_are_silently_absent(register):
    asked = [register.mou.pk, register.unpublished.pk, register.withdrawn.pk, register.hidden_addendum.pk, 999_999]

    assert set(ocds.releases_for(asked, links=links())) == {register.mou.pk}
    assert ocds.releases_for([], links=links()) == {}


def test_every_release_declares_what_ocds_requires(register):
    for releases in ocds.releases_for([agreement.pk for agreement in register.public], links=links()).values():
        for release in releases:
            assert release["initiationType"] == "tender"
            assert release["language"] == "id"
            assert release["buyer"] == {"id": "region", "name": "Pemerintah Kota Malang"}
            assert datetime.datetime.fromisoformat(release["date"]).utcoffset() == datetime.timedelta(hours=7)
            assert release["date"].endswith("+07:00")


def test_releases_come_oldest_first(register):
    releases = releases_of(register.mou)

    assert [release["date"] for release in releases] == sorted(release["date"] for release in releases)


def test_the_contract_release_carries_the_agreement_as_registered(register):
    (release,) = by_tag(releases_of(register.mou), "contract")
    contract = release["contracts"][0]

    assert contract["id"] == contract["awardID"] == f"{ocds.ocid(register.mou.pk)}-contract"
    assert contract["title"] == "Kesepakatan Bersama Pengembangan Kota Cerdas"
    assert contract["title_en"] == "Memorandum of Understanding on Smart City Development"
    assert contract["description"] == "Kota dan universitas bersama membangun layanan kota cerdas."
    assert contract["status"] == "active"
    assert contract["period"] == {"startDate": "2025-01-15T00:00:00+07:00", "endDate": "2029-01-14T23:59:59+07:00"}
    assert contract["dateSigned"] == "2025-01-15T00:00:00+07:00"
    assert contract["value"] == {"amount": 1500000000, "currency": "IDR"}
    assert release["tag"] == ["contract"]


def test_without_a_summary_the_description_is_the_scope_and_cents_are_kept(register):
    contract = by_tag(releases_of(register.pks), "contract")[0]["contracts"][0]

    assert contract["value"] == {"amount": 250000000.5, "currency": "IDR"}
    assert "description" not in contract  # neither a summary nor a scope


def test_an_agreement_without_value_or_dates_has_no_value_period_or_signing_date(register):
    contract = by_tag(releases_of(register.bare), "contract")[0]["contracts"][0]

    assert contract["status"] == "pending"
    assert not {"value", "period", "dateSigned"} & set(contract)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (AgreementStatus.SIGNED, "pending"),
        (AgreementStatus.IN_FORCE, "active"),
        (AgreementStatus.EXPIRED, "terminated"),
        (AgreementStatus.EXTENDED, "terminated"),
        (AgreementStatus.TERMINATED, "terminated"),
    ],
)
def test_the_contract_status_follows_the_register(site_pages, status, expected):
    agreement = published_agreement(status=status)

    (release,) = by_tag(releases_of(agreement), "contract")

    assert release["contracts"][0]["status"] == expected
    assert ("contractTermination" in release["tag"]) == (expected == "terminated")


def test_a_terminated_agreement_ends_on_its_termination_date_and_its_minutes_are_cancellation_details(register):
    contract = by_tag(releases_of(register.terminated), "contract")[0]["contracts"][0]

    assert contract["status"] == "terminated"
    assert contract["period"]["endDate"] == "2025-08-31T23:59:59+07:00"
    assert [(document["title"], document["documentType"]) for document in contract["documents"]] == [
        ("Berita Acara Pengakhiran", "cancellationDetails")
    ]


# -- parties --------------------------------------------------------------------------------------


def test_the_region_is_the_buyer_and_funds_an_apbd_agreement(register):
    (release,) = by_tag(releases_of(register.mou), "contract")

    region = party(release, "region")
    assert region["name"] == "Pemerintah Kota Malang"
    assert region["roles"] == ["buyer", "funder"]


def test_partners_have_their_place_but_no_contact_or_street_address(register):
    (release,) = by_tag(releases_of(register.renewal), "contract")

    (partner,) = [item for item in release["parties"] if item["id"].startswith("partner-")]
    assert partner == {
        "id": partner["id"],
        "name": "Kumamoto City",
        "address": {"countryName": "Jepang", "region": "Prefektur Kumamoto", "locality": "Kumamoto"},
        "roles": ["cooperationPartner"],
    }


def test_a_partner_funding_the_agreement_is_also_its_funder(register):
    (release,) = by_tag(releases_of(register.pks), "contract")

    partner = next(item for item in release["parties"] if item["id"].startswith("partner-"))
    assert partner["roles"] == ["cooperationPartner", "funder"]
    assert party(release, "region")["roles"] == ["buyer"]


def test_initiating_and_implementing_agencies_are_parties_once_each_with_every_role(register):
    (release,) = by_tag(releases_of(register.mou), "contract")

    agencies = {item["name"]: item["roles"] for item in release["parties"] if item["id"].startswith("agency-")}
    assert agencies == {
        "Dinas Komunikasi dan Informatika": ["initiatingAgency", "implementingAgency"],
        "Dinas Kesehatan": ["implementingAgency"],
    }
    assert all(set(item) <= {"id", "name", "address", "roles"} for item in release["parties"])


def test_agencies_of_an_antar_opd_agreement_are_cooperation_partners(site_pages):
    from cooperation.models import AgreementParty

    health = AgencyFactory(code="DINKES", name="Dinas Kesehatan")
    agreement = published_agreement(partners=[])
    AgreementParty.objects.create(agreement=agreement, agency=health, sort_order=0)

    (release,) = by_tag(releases_of(agreement), "contract")

    assert party(release, f"agency-{health.pk}")["roles"] == ["cooperationPartner"]


# -- documents ------------------------------------------------------------------------------------


def test_public_documents_are_typed_by_category_and_point_to_their_download(register):
    (release,) = by_tag(releases_of(register.mou), "contract")
    documents = release["contracts"][0]["documents"]

    assert [(document["title"], document["documentType"]) for document in documents] == [
        ("Naskah KSB Kota Cerdas (ditandatangani)", "contractSigned"),
        ("Lampiran rencana kerja", "contractAnnexe"),
        ("KAK Kota Cerdas", "projectPlan"),
    ]
    signed = documents[0]
    assert signed["url"].startswith("http://localhost/dokumen/")
    assert signed["url"].endswith(".pdf")
    assert signed["format"] == "application/pdf"
    assert signed["language"] == "id"
    assert documents[2]["language"] == "en"
    assert signed["datePublished"].endswith("+07:00")


def test_a_category_the_mapping_does_not_know_is_an_annex():
    assert ocds.document_type(category_code="foto-kegiatan", agreement_status=AgreementStatus.IN_FORCE) == (
        "contractAnnexe"
    )
    assert ocds.document_type(category_code=None, agreement_status=AgreementStatus.IN_FORCE) == "contractAnnexe"
    assert ocds.document_type(category_code="berita-acara", agreement_status=AgreementStatus.IN_FORCE) == (
        "contractAnnexe"
    )


def test_restricted_documents_private_fields_and_unpublished_records_never_appear(register):
    found = ocds.releases_for(
        [agreement.pk for agreement in (*register.public, register.unpublished, register.withdrawn)], links=links()
    )
    text = json.dumps(ocds.record_package(found, uri="https://example.org/r", links=links()), ensure_ascii=False)

    for secret in SECRETS:
        assert secret not in text
    for key in ("contactPoint", "streetAddress", "email", "telephone", "faxNumber"):
        assert f'"{key}"' not in text


# -- the chain ------------------------------------------------------------------------------------


def test_a_pks_points_to_its_public_kesepakatan_bersama_as_parent(register):
    (release,) = by_tag(releases_of(register.pks), "contract")

    assert release["relatedProcesses"] == [
        {
            "id": f"parent-{register.mou.pk}",
            "relationship": ["parent"],
            "title": "Kesepakatan Bersama Pengembangan Kota Cerdas",
            "scheme": "ocid",
            "identifier": ocds.ocid(register.mou.pk),
            "uri": f"http://localhost/api/v1/ocds/records/{register.mou.pk}",
        }
    ]


def test_a_renewal_points_to_the_agreement_it_renews(register):
    (release,) = by_tag(releases_of(register.renewal), "contract")

    (related,) = release["relatedProcesses"]
    assert related["relationship"] == ["renewalProcess"]
    assert related["identifier"] == ocds.ocid(register.old.pk)


def test_no_relation_points_to_an_agreement_that_is_not_public(register):
    Publication.objects.filter(agreement=register.mou).update(live=False)

    (release,) = by_tag(releases_of(register.pks), "contract")

    assert "relatedProcesses" not in release


def test_each_public_addendum_is_an_amendment_release_of_the_agreement_it_amends(register):
    releases = releases_of(register.pks)

    (release,) = by_tag(releases, "contractAmendment")
    assert release["contracts"][0]["amendments"] == [
        {
            "id": ocds.ocid(register.addendum.pk),
            "date": "2025-09-01T00:00:00+07:00",
            "description": "Adendum Pertama PKS Pusat Data Kota",
            "rationale": "Lokasi server cadangan ditambah.",
        }
    ]
    assert "Adendum yang belum dipublikasikan" not in json.dumps(releases)


# -- monev ----------------------------------------------------------------------------------------


def test_a_verified_monev_report_is_an_implementation_release_and_an_unverified_one_is_not(register):
    releases = releases_of(register.mou)

    (release,) = by_tag(releases, "implementation")
    assert release["date"] == "2025-07-20T09:30:00+07:00"
    (document,) = release["contracts"][0]["implementation"]["documents"]
    assert document["documentType"] == "physicalProgressReport"
    assert document["title"] == "Laporan Monev Semester I 2025"
    assert "80.0%" in document["description"]
    assert document["url"] == f"http://localhost/katalog/naskah/{register.mou.pk}/#heading-monev"
    assert document["datePublished"] == "2025-07-20T09:30:00+07:00"
    assert "Semester II 2025" not in json.dumps(releases)


def test_monev_titles_stay_indonesian_whatever_the_readers_language(register):
    from django.utils import translation

    with translation.override("en"):
        (release,) = by_tag(releases_of(register.mou), "implementation")

    assert release["contracts"][0]["implementation"]["documents"][0]["title"].startswith("Laporan Monev Semester")


# -- compiled release -----------------------------------------------------------------------------


def test_the_compiled_release_is_the_current_state_of_the_whole_process(register):
    releases = releases_of(register.pks)

    compiled = ocds.compiled_release(releases)

    assert compiled["tag"] == ["compiled"]
    assert compiled["ocid"] == ocds.ocid(register.pks.pk)
    assert compiled["date"] == releases[-1]["date"]
    contract = compiled["contracts"][0]
    assert contract["title"] == "Perjanjian Kerja Sama Pusat Data Kota"
    assert [amendment["id"] for amendment in contract["amendments"]] == [ocds.ocid(register.addendum.pk)]
    assert [document["documentType"] for document in contract["documents"]] == ["contractSigned"]
    assert compiled["relatedProcesses"][0]["relationship"] == ["parent"]
    assert len(compiled["parties"]) == len({item["id"] for item in compiled["parties"]})


def test_the_compiled_release_gathers_the_implementation_documents(register):
    compiled = ocds.compiled_release(releases_of(register.mou))

    contract = compiled["contracts"][0]
    assert [document["id"] for document in contract["implementation"]["documents"]] == [
        f"monev-{MonevReport.objects.get(agreement=register.mou, live=True).pk}"
    ]
    assert contract["status"] == "active"
    assert len(contract["documents"]) == 3


def test_merging_follows_ocds_rules():
    older = {
        "ocid": "o",
        "id": "1",
        "date": "2025-01-01T00:00:00+07:00",
        "tag": ["contract"],
        "parties": [{"id": "a", "name": "A", "roles": ["buyer", "funder"]}],
        "contracts": [{"id": "c", "title": "Lama", "value": {"amount": 1, "currency": "IDR"}}],
    }
    newer = {
        "ocid": "o",
        "id": "2",
        "date": "2025-02-01T00:00:00+07:00",
        "tag": ["contractAmendment"],
        "parties": [{"id": "a", "roles": ["buyer"]}, {"id": "b", "name": "B"}],
        "contracts": [{"id": "c", "title": "Baru", "value": None}],
    }

    compiled = ocds.compiled_release([newer, older])

    assert compiled["parties"] == [{"id": "a", "name": "A", "roles": ["buyer"]}, {"id": "b", "name": "B"}]
    assert compiled["contracts"] == [{"id": "c", "title": "Baru"}]
    assert compiled["date"] == "2025-02-01T00:00:00+07:00"


# -- stability ------------------------------------------------------------------------------------


def test_release_ids_and_dates_are_the_same_on_every_call(register):
    ids = [agreement.pk for agreement in register.public]

    first = ocds.releases_for(ids, links=links())
    second = ocds.releases_for(ids, links=links())

    assert first == second


def test_an_edit_is_a_new_contract_release_and_leaves_the_other_releases_alone(register):
    before = releases_of(register.mou)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        register.mou.title = "Kesepakatan Bersama Pengembangan Kota Cerdas (diperbarui)"
        register.mou.save()
    after = releases_of(register.mou)

    assert by_tag(after, "contract")[0]["id"] != by_tag(before, "contract")[0]["id"]
    assert by_tag(after, "contract")[0]["date"] > by_tag(before, "contract")[0]["date"]
    assert by_tag(after, "implementation") == by_tag(before, "implementation")


# -- queries --------------------------------------------------------------------------------------


def _full_agreements(count: int) -> list[int]:
    category = DocumentCategoryFactory(code="naskah-ditandatangani", name="Naskah")
    agency = AgencyFactory(code="KOMINFO", name="Dinas Komunikasi dan Informatika")
    ids = []
    for _index in range(count):
        agreement = published_agreement(initiating_agency=agency, starts_on=datetime.date(2025, 1, 1))
        agreement.implementing_agencies.set([agency])
        agreement.save()
        AgreementDocumentFactory(agreement=agreement, category=category)
        _report(
            agreement,
            agency,
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2025, 6, 30),
            verified=True,
            benefits="Manfaat.",
        )
        addendum = published_agreement(document_type=amendment_type(), parent=agreement, initiating_agency=agency)
        ids += [agreement.pk, addendum.pk]
    return ids


def _queries(ids: list[int]) -> int:
    page_links = links()
    with CaptureQueriesContext(connection) as queries:
        found = ocds.releases_for(ids, links=page_links)
    assert len(found) == len(ids)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_agreements(site_pages):
    few = _queries(_full_agreements(1))
    many = _queries(_full_agreements(5))

    assert few == many <= 10
