"""A small public register for the API tests, with everything that must never leak planted in it."""

import datetime
from decimal import Decimal

from django.utils import timezone

from cooperation.models import (
    AgreementStatus,
    Classification,
    DocumentPage,
    MonevReport,
    PartnerCategory,
    Publication,
    VerificationStatus,
)

from ..factories import (
    AgencyFactory,
    AgreementDocumentFactory,
    AgreementFactory,
    CooperationKindFactory,
    DocumentTypeFactory,
    PartnerFactory,
    SectorFactory,
    monev_report,
    published_agreement,
)

API = "/api/v1"
WIB = datetime.timezone(datetime.timedelta(hours=7))
# The clock of the API tests: "Akan Berakhir" (ending within six months) depends on it.
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=WIB)

# Planted in the register; no API answer may ever contain one of these.
SECRETS = {
    "contact_name": "Narahubung Rahasia Sekali",
    "contact_phone": "0812-9999-0000",
    "contact_email": "rahasia@mitra.example.com",
    "internal_notes": "Catatan internal jangan dibuka",
    "signatory_nip": "197001011990031001",
    "power_of_attorney_number": "SK-KUASA-77/2025",
    "partner_address": "Jalan Rahasia Nomor 13",
    "partner_contact": "Pak Kontak Mitra",
    "partner_email": "kontak@tirta.example.com",
    "partner_phone": "0341-555-777",
    "restricted_title": "Lampiran harga satuan",
    "restricted_reason": "Rahasia dagang mitra yang dilindungi",
    "restricted_text": "oksigenator rahasia dua juta rupiah",
    "hidden_title": "Kesepakatan Puskesmas Belum Terbit",
    "draft_title": "Kesepakatan Publikasi Draf",
    "unsigned_title": "Kesepakatan Belum Ditandatangani",
    "monev_draft": "Manfaat draf belum diverifikasi",
    "verification_note": "Catatan verifikator internal",
    "obstacles": "Kendala internal anggaran",
}


def add_pages(document, *texts: str, ocr: bool = False) -> None:
    for number, text in enumerate(texts, start=1):
        DocumentPage.objects.create(document=document, number=number, text=text, ocr=ocr)


def verified_report(agreement, agency, *, starts_on, ends_on, benefits: str, **fields) -> MonevReport:
    """A verified (live) monev report, as the secretariat's approval leaves it."""
    return monev_report(
        agreement,
        agency,
        starts_on=starts_on,
        ends_on=ends_on,
        indicators=[
            ("Warga terlayani", "orang", Decimal(1200), Decimal(900)),
            ("Kelurahan terjangkau", "kelurahan", Decimal(12), Decimal(12)),
        ],
        activities="Layanan keliling di 12 kelurahan.",
        benefits=benefits,
        budget_planned=Decimal("200000000"),
        budget_realised=Decimal("150000000"),
        recommendation="extend",
        verification_status=VerificationStatus.VERIFIED,
        verified_at=timezone.now(),
        live=True,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        **fields,
    )


def build_register() -> dict:
    """Three public agreements (domestic, ending soon, foreign), and three that are not public.

    The water agreement carries every secret: contact data, NIP, internal notes, a restricted
    annex with its own text, a partner with an address and a contact person.
    """
    health = AgencyFactory(code="DINKES", name="Dinas Kesehatan", short_name="Dinkes")
    info = AgencyFactory(code="KOMINFO", name="Dinas Komunikasi dan Informatika", short_name="Diskominfo")
    public_works = AgencyFactory(code="PUPR", name="Dinas Pekerjaan Umum", short_name="DPUPR")
    domestic = CooperationKindFactory(code="KSDPK", name="Kerja Sama Daerah dengan Pihak Ketiga")
    foreign = CooperationKindFactory(code="KSDPL", name="Kerja Sama dengan Pemerintah Daerah di Luar Negeri")
    foreign.is_foreign = True
    foreign.save()
    unused_kind = CooperationKindFactory(code="KL", name="Kerja Sama dengan Kementerian/Lembaga")
    ksb = DocumentTypeFactory(code="KSB", name="Kesepakatan Bersama", name_en="Memorandum of Understanding")
    pks = DocumentTypeFactory(code="PKS", name="Perjanjian Kerja Sama", role="implementing")
    health_sector = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    water_sector = SectorFactory(code="PU", name="Pekerjaan Umum", name_en="Public works")
    education = SectorFactory(code="DIK", name="Pendidikan", name_en="Education")

    tirta = PartnerFactory(
        name="PT Tirta Nusantara",
        category=PartnerCategory.COMPANY,
        address=SECRETS["partner_address"],
        contact_name=SECRETS["partner_contact"],
        contact_email=SECRETS["partner_email"],
        contact_phone=SECRETS["partner_phone"],
        website="https://tirta.example.com",
    )
    university = PartnerFactory(name="Universitas Brawijaya", category=PartnerCategory.UNIVERSITY)
    sister = PartnerFactory(
        name="Kota Kembar", name_en="Twin City", category=PartnerCategory.FOREIGN_GOVERNMENT, country="Jepang"
    )
    hidden_partner = PartnerFactory(name="CV Mitra Tersembunyi", category=PartnerCategory.COMPANY)

    water = published_agreement(
        title="Penyediaan Air Bersih Kelurahan",
        title_en="Clean water for the wards",
        region_number="180/12/35.73.112/2023",
        kind=domestic,
        document_type=ksb,
        initiating_agency=public_works,
        partners=[tirta],
        signed_on=datetime.date(2023, 5, 1),
        starts_on=datetime.date(2023, 5, 1),
        ends_on=datetime.date(2028, 4, 30),
        value=Decimal("150000000.00"),
        funding_source="apbd",
        scope="Pemasangan pipa dan sambungan rumah.",
        subject="Jaringan air bersih",
        aims="Air bersih untuk warga.",
        signed_at="Balai Kota Malang",
        signatory_name="Wali Kota Malang",
        signatory_position="Wali Kota",
        signatory_nip=SECRETS["signatory_nip"],
        power_of_attorney_number=SECRETS["power_of_attorney_number"],
        contact_name=SECRETS["contact_name"],
        contact_phone=SECRETS["contact_phone"],
        contact_email=SECRETS["contact_email"],
        internal_notes=SECRETS["internal_notes"],
    )
    water.sectors.set([water_sector])
    water.implementing_agencies.set([public_works, health])
    water.save()  # ParentalManyToManyField: the relations are written on save
    water.parties.update(number="PKS/TIRTA/2023/01", signatory_name="Direktur Utama", signatory_position="Direktur")
    signed = AgreementDocumentFactory(title="Naskah Kesepakatan Air Bersih", agreement=water)
    signed.page_count = 2
    signed.save()
    add_pages(signed, "Para pihak sepakat menyediakan air bersih.", "Pasal 4 pipa distribusi kelurahan.")
    annex = AgreementDocumentFactory(
        title=SECRETS["restricted_title"],
        agreement=water,
        classification=Classification.RESTRICTED,
        restriction_ground="17b",
        restriction_reason=SECRETS["restricted_reason"],
    )
    add_pages(annex, SECRETS["restricted_text"])

    clinic = published_agreement(
        title="Layanan Puskesmas Keliling",
        kind=domestic,
        document_type=pks,
        parent=water,
        initiating_agency=health,
        partners=[university],
        signed_on=datetime.date(2025, 2, 1),
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2026, 6, 30),  # within six months of NOW: Akan Berakhir
    )
    clinic.sectors.set([health_sector])
    clinic.implementing_agencies.set([health])
    clinic.save()

    twin = published_agreement(
        title="Kerja Sama Kota Kembar",
        kind=foreign,
        document_type=ksb,
        initiating_agency=info,
        partners=[sister],
        status=AgreementStatus.EXPIRED,
        signed_on=datetime.date(2024, 7, 1),
        starts_on=datetime.date(2024, 7, 1),
        ends_on=datetime.date(2025, 6, 30),
    )
    twin.sectors.set([education, health_sector])
    twin.save()

    hidden = AgreementFactory(
        title=SECRETS["hidden_title"],
        kind=domestic,
        status=AgreementStatus.IN_FORCE,
        signed_on=datetime.date(2025, 1, 1),
        initiating_agency=AgencyFactory(code="SATPOL", name="Satuan Polisi Pamong Praja"),
        partners=[hidden_partner],
        parent=water,
    )
    AgreementDocumentFactory(title="Naskah belum terbit", agreement=hidden)
    draft = AgreementFactory(
        title=SECRETS["draft_title"], status=AgreementStatus.IN_FORCE, signed_on=datetime.date(2025, 1, 1)
    )
    Publication.objects.create(agreement=draft, live=False, summary="Belum terbit")
    unsigned = published_agreement(title=SECRETS["unsigned_title"], status=AgreementStatus.DELIBERATION)

    verified_report(
        clinic,
        health,
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 6, 30),
        benefits="Kunjungan balita naik dua kali lipat.",
        verification_note=SECRETS["verification_note"],
        obstacles=SECRETS["obstacles"],
    )
    draft_report = MonevReport(
        agreement=clinic,
        period_starts_on=datetime.date(2025, 7, 1),
        period_ends_on=datetime.date(2025, 12, 31),
        reporting_agency=health,
        activities="Draf",
        benefits=SECRETS["monev_draft"],
        live=False,
    )
    draft_report.save()

    return {
        "water": water,
        "clinic": clinic,
        "twin": twin,
        "hidden": hidden,
        "draft": draft,
        "unsigned": unsigned,
        "signed": signed,
        "annex": annex,
        "health": health,
        "info": info,
        "public_works": public_works,
        "domestic": domestic,
        "foreign": foreign,
        "unused_kind": unused_kind,
        "ksb": ksb,
        "pks": pks,
        "health_sector": health_sector,
        "water_sector": water_sector,
        "education": education,
        "tirta": tirta,
        "university": university,
        "sister": sister,
        "hidden_partner": hidden_partner,
        "draft_report": draft_report,
    }


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def error_code(response) -> str:
    return response.json()["error"]["code"]
