"""Headless Debian Chromium driven by Playwright, and axe-core for the accessibility audit.

A machine without Chromium or axe-core skips these tests with the reason; in CI (CI=true) that
is a failure, so nothing is silently skipped there.
"""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.services import missing

if TYPE_CHECKING:
    from cooperation.models import Agency, Agreement, AgreementDocument, Partner, Sector

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Django's async-unsafe guard trips over Playwright's event loop in the same process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _serialized_contents() -> dict:
    """The copy of the migrations' data that `serialized_rollback` restores, per database."""
    from django.db import connections

    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


def _hand_serialized_contents_to_new_connections(serialized: dict) -> None:
    """Keep `serialized_rollback` working once Playwright runs in this thread.

    Playwright's sync API leaves an asyncio loop running in the main thread, so Django's
    connection handler (an asgiref thread-critical Local) hands out new connection objects from
    then on. They lack the copy of the migrated data (groups, locales, the root page, the
    workflow) which creating the test database left on the first ones, and every transactional
    test after the first would start on an empty database. Give them that copy.
    """
    from django.db import connections

    for alias, contents in serialized.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        missing(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    serialized = _serialized_contents()
    with sync_playwright() as playwright:
        _hand_serialized_contents_to_new_connections(serialized)
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(params=["desktop", "phone"])
def page(request, browser):
    viewport = DESKTOP if request.param == "desktop" else PHONE
    context = browser.new_context(viewport=viewport, is_mobile=request.param == "phone", java_script_enabled=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def audit():
    """Run axe-core in the page and return the WCAG 2.1 A/AA violations it finds."""
    if not AXE.exists():
        missing(f"axe-core not found at {AXE}; run `npm ci`")
    script = AXE.read_text()

    def run(page) -> list[dict]:
        page.add_script_tag(content=script)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            {"id": violation["id"], "help": violation["help"], "nodes": [n["target"] for n in violation["nodes"]]}
            for violation in result["violations"]
        ]

    return run


@pytest.fixture(autouse=True)
def _root_collection(transactional_db):
    """A transactional test may start on a flushed database: Wagtail needs its root collection."""
    from wagtail.models import Collection

    if not Collection.objects.exists():
        Collection.add_root(name="Root")


# -- a small public register to walk through and audit --------------------------------------------


@dataclass
class Register:
    """What the `register` fixture built, and the public paths to it in either language."""

    framework: "Agreement"  # KSB in health, with a public and a restricted document
    implementing: "Agreement"  # PKS under the KSB
    addendum: "Agreement"  # adendum of the PKS
    foreign: "Agreement"  # KSDPL with a foreign partner, English title and summary
    education: "Agreement"  # PKS in education with a company
    unpublished: "Agreement"  # signed, never published
    health: "Sector"
    education_sector: "Sector"
    university: "Partner"
    foreign_partner: "Partner"
    health_agency: "Agency"
    public_document: "AgreementDocument"
    restricted_document: "AgreementDocument"
    pdf: bytes  # the public document's bytes

    @staticmethod
    def prefix(language: str) -> str:
        return "" if language == "id" else f"/{language}"

    def catalogue(self, language: str = "id") -> str:
        return f"{self.prefix(language)}/katalog/"

    def agreement(self, agreement: "Agreement", language: str = "id") -> str:
        return f"{self.catalogue(language)}naskah/{agreement.pk}/"

    def document(self, document: "AgreementDocument", language: str = "id") -> str:
        return f"{self.agreement(document.agreement, language)}dokumen/{document.pk}/"

    def partner(self, partner: "Partner", language: str = "id") -> str:
        return f"{self.catalogue(language)}mitra/{partner.pk}/"

    def agency(self, agency: "Agency", language: str = "id") -> str:
        return f"{self.catalogue(language)}opd/{agency.pk}/"


@pytest.fixture
def register(transactional_db) -> Register:
    """Published agreements across two kinds, sectors, partner categories and agencies.

    A KSB → PKS → adendum chain in health (the KSB with a public PDF and a restricted annex),
    a foreign sister-city agreement with English title and summary, an education agreement
    with a company, and a signed agreement that is not published.
    """
    from cooperation.models import AgreementParty, Classification, CooperationKind, PartnerCategory
    from portal.site_structure import ensure_site_pages
    from tests.factories import (
        AgencyFactory,
        AgreementDocumentFactory,
        AgreementFactory,
        CooperationKindFactory,
        DocumentCategoryFactory,
        PartnerFactory,
        SectorFactory,
        amendment_type,
        framework_type,
        implementing_type,
        published_agreement,
        text_pdf,
    )

    ensure_site_pages()
    health = SectorFactory(code="KES", name="Kesehatan", name_en="Health")
    education = SectorFactory(code="PEN", name="Pendidikan", name_en="Education")
    third_party = CooperationKindFactory(
        code="KSDPK", name="Kerja Sama Daerah dengan Pihak Ketiga", name_en="Cooperation with a third party"
    )
    foreign_kind = CooperationKind.objects.create(
        code="KSDPL",
        name="Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri",
        name_en="Cooperation with a foreign regional government",
        is_foreign=True,
    )
    health_agency = AgencyFactory(code="DINKES", name="Dinas Kesehatan", short_name="Dinkes")
    education_agency = AgencyFactory(code="DISDIK", name="Dinas Pendidikan", short_name="Disdik")
    university = PartnerFactory(
        name="Universitas Brawijaya", name_en="Brawijaya University", category=PartnerCategory.UNIVERSITY
    )
    company = PartnerFactory(name="PT Edukasi Nusantara", category=PartnerCategory.COMPANY, province="Jawa Timur")
    foreign_partner = PartnerFactory(
        name="Pemerintah Kota Kobe",
        name_en="City of Kobe",
        category=PartnerCategory.FOREIGN_GOVERNMENT,
        country="Jepang",
        province="",
        regency_city="",
    )

    def publish(sectors, **fields):
        agreement = published_agreement(kind=fields.pop("kind", third_party), **fields)
        agreement.sectors.set(sectors)
        agreement.save()  # parental many-to-many relations are written on save
        return agreement

    framework = publish(
        [health],
        title="Kesepakatan Bersama Peningkatan Layanan Kesehatan Masyarakat",
        title_en="Memorandum of Understanding on Public Health Services",
        document_type=framework_type(),
        initiating_agency=health_agency,
        region_number="180/1/35.73.112/2024",
        scope="Pendidikan tenaga kesehatan dan penelitian bersama.",
        signed_on=datetime.date(2024, 3, 4),
        starts_on=datetime.date(2024, 3, 4),
        ends_on=datetime.date(2029, 3, 3),
        partners=[university],
    )
    implementing = publish(
        [health],
        title="Perjanjian Kerja Sama Layanan Telemedisin Puskesmas",
        document_type=implementing_type(),
        parent=framework,
        initiating_agency=health_agency,
        signed_on=datetime.date(2025, 2, 3),
        partners=[university],
    )
    addendum = publish(
        [health],
        title="Adendum Perjanjian Kerja Sama Layanan Telemedisin Puskesmas",
        document_type=amendment_type(),
        parent=implementing,
        initiating_agency=health_agency,
        signed_on=datetime.date(2025, 8, 11),
        partners=[university],
    )
    foreign = publish(
        [education],
        title="Kerja Sama Kota Kembar Malang dan Kobe di Bidang Pendidikan",
        title_en="Sister City Cooperation between Malang and Kobe on Education",
        kind=foreign_kind,
        document_type=framework_type(),
        initiating_agency=education_agency,
        level="international",
        signed_on=datetime.date(2025, 5, 20),
        partners=[],
    )
    AgreementParty.objects.create(agreement=foreign, partner=foreign_partner, number="KOBE/2025/17")
    publication = foreign.publication
    publication.summary = "Pertukaran guru dan pelajar antara Malang dan Kobe."
    publication.summary_en = "Teacher and student exchanges between Malang and Kobe."
    publication.save()
    education_agreement = publish(
        [education],
        title="Perjanjian Kerja Sama Beasiswa Vokasi",
        document_type=implementing_type(),
        initiating_agency=education_agency,
        signed_on=datetime.date(2023, 7, 1),
        partners=[company],
    )
    unpublished = AgreementFactory(
        title="Kesepakatan Bersama Rahasia yang Belum Dipublikasikan",
        status="in_force",
        signed_on=datetime.date(2025, 1, 1),
        initiating_agency=health_agency,
        partners=[university],
    )
    unpublished.sectors.set([health])
    unpublished.save()

    pdf = text_pdf("Kesepakatan Bersama Layanan Kesehatan")
    category = DocumentCategoryFactory(code="naskah-ditandatangani", name="Naskah ditandatangani")
    category.name_en = "Signed agreement"
    category.save()
    public_document = AgreementDocumentFactory(
        title="Naskah Kesepakatan Bersama yang ditandatangani",
        agreement=framework,
        category=category,
        file__filename="kesepakatan-bersama.pdf",
        file__data=pdf,
        file_size=len(pdf),
    )
    restricted_document = AgreementDocumentFactory(
        title="Lampiran harga penawaran mitra",
        agreement=framework,
        category=category,
        file__filename="lampiran-harga.pdf",
        file__data=text_pdf("Lampiran harga"),
        classification=Classification.RESTRICTED,
        restriction_ground="17b",
        restriction_reason="Rahasia dagang mitra.",
    )
    return Register(
        framework=framework,
        implementing=implementing,
        addendum=addendum,
        foreign=foreign,
        education=education_agreement,
        unpublished=unpublished,
        health=health,
        education_sector=education,
        university=university,
        foreign_partner=foreign_partner,
        health_agency=health_agency,
        public_document=public_document,
        restricted_document=restricted_document,
        pdf=pdf,
    )
