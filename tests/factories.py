"""Factories for the register: each builds a valid record unless told otherwise."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from cooperation import roles
from cooperation.models import (
    Agency,
    AgencyMembership,
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    Classification,
    CooperationKind,
    DocumentCategory,
    DocumentRole,
    DocumentType,
    MonevIndicator,
    MonevReport,
    Partner,
    PartnerCategory,
    Publication,
    Sector,
)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"OPD{n:03d}")
    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    short_name = factory.Sequence(lambda n: f"DU{n}")


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"U{n:02d}")
    name = factory.Sequence(lambda n: f"Urusan {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Universitas Contoh {n}")
    category = PartnerCategory.UNIVERSITY
    province = "Jawa Timur"
    regency_city = "Kota Malang"


class CooperationKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationKind
        django_get_or_create = ("code",)

    code = "KSDPK"
    name = "Kerja Sama Daerah dengan Pihak Ketiga"
    max_term_years = 5


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("code",)

    code = "KSB"
    name = "Kesepakatan Bersama"
    role = DocumentRole.FRAMEWORK


def framework_type() -> DocumentType:
    return DocumentTypeFactory(code="KSB", name="Kesepakatan Bersama", role=DocumentRole.FRAMEWORK)


def implementing_type() -> DocumentType:
    pks = DocumentTypeFactory(code="PKS", name="Perjanjian Kerja Sama", role=DocumentRole.IMPLEMENTING)
    pks.allowed_parent_types.set([framework_type()])
    return pks


def amendment_type() -> DocumentType:
    addendum = DocumentTypeFactory(code="ADD", name="Adendum", role=DocumentRole.AMENDMENT)
    addendum.allowed_parent_types.set([framework_type(), implementing_type()])
    return addendum


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    document_type = factory.LazyFunction(framework_type)
    kind = factory.SubFactory(CooperationKindFactory)
    title = factory.Sequence(lambda n: f"Kesepakatan Bersama tentang Pengembangan Layanan {n}")
    initiating_agency = factory.SubFactory(AgencyFactory)
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2027, 12, 31)
    status = AgreementStatus.DRAFT

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if not create:
            return
        for index, partner in enumerate([PartnerFactory()] if extracted is None else extracted):
            AgreementParty.objects.create(agreement=self, partner=partner, sort_order=index)


class DocumentCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentCategory
        django_get_or_create = ("code",)

    code = "naskah-ditandatangani"
    name = "Naskah ditandatangani"


class AgreementDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementDocument

    title = factory.Sequence(lambda n: f"Naskah {n}")
    agreement = factory.SubFactory(AgreementFactory)
    category = factory.SubFactory(DocumentCategoryFactory)
    file = factory.django.FileField(filename="naskah.pdf", data=b"%PDF-1.4\n%demo\n")
    classification = Classification.PUBLIC


def make_user(username: str, *, role: str | None = None, agency: Agency | None = None) -> User:
    user = User.objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    if role:
        user.groups.add(Group.objects.get(name=role))
    if agency:
        AgencyMembership.objects.create(user=user, agency=agency)
    return user


__all__ = ["make_user", "roles"]


# --- Requests for cooperation from outside -------------------------------------------------------
from cooperation.models import ExternalRequest  # noqa: E402


class ExternalRequestFactory(factory.django.DjangoModelFactory):
    """A received request; its one-time token is left on the instance as ``token`` for the test."""

    class Meta:
        model = ExternalRequest

    organisation = factory.Sequence(lambda n: f"PT Mitra Contoh {n}")
    category = PartnerCategory.COMPANY
    country = "Indonesia"
    region = "Kota Surabaya, Jawa Timur"
    contact_name = "Budi Santoso"
    contact_position = "Direktur"
    contact_email = factory.Sequence(lambda n: f"budi{n}@mitra.example.com")
    contact_phone = "0812-3456-7890"
    title = factory.Sequence(lambda n: f"Kerja sama pengelolaan sampah terpadu {n}")
    aims = "Mengurangi timbulan sampah yang dibuang ke TPA."
    scope = "Pemilahan, pengangkutan dan daur ulang sampah rumah tangga."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        request = model_class(*args, **kwargs)
        request.token = request.issue_token()
        request.save()
        return request


class PublicationFactory(factory.django.DjangoModelFactory):
    """A live publication, as if an Editor/PPID had pressed Wagtail's publish button."""

    class Meta:
        model = Publication

    agreement = factory.SubFactory(
        AgreementFactory, status=AgreementStatus.IN_FORCE, signed_on=datetime.date(2025, 1, 1)
    )
    live = True
    summary = "Ringkasan untuk warga."
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda publication: publication.first_published_at)


def published_agreement(**agreement_fields) -> Agreement:
    """A signed agreement in force, published to the public catalogue."""
    agreement_fields.setdefault("status", AgreementStatus.IN_FORCE)
    agreement_fields.setdefault("signed_on", datetime.date(2025, 1, 1))
    agreement = AgreementFactory(**agreement_fields)
    PublicationFactory(agreement=agreement)
    return agreement


def bulk_publish(
    agreements: list[Agreement],
    *,
    partners: list,
    sectors: list,
    implementing_agency: Agency | None = None,
) -> list[Agreement]:
    """Insert unsaved agreements as live publications in a handful of queries, for tests at scale.

    Agreement `n` gets partner `n % len(partners)` and sector `n % len(sectors)`; every one gets
    the implementing agency when one is given.
    """
    agreements = Agreement.objects.bulk_create(agreements, batch_size=500)
    now = timezone.now()
    Publication.objects.bulk_create(
        [Publication(agreement=a, live=True, first_published_at=now, last_published_at=now) for a in agreements],
        batch_size=500,
    )
    AgreementParty.objects.bulk_create(
        [
            AgreementParty(agreement=a, partner=partners[n % len(partners)], number=f"P/{a.pk}", sort_order=0)
            for n, a in enumerate(agreements)
        ],
        batch_size=500,
    )
    Agreement.sectors.through.objects.bulk_create(
        [Agreement.sectors.through(agreement=a, sector=sectors[n % len(sectors)]) for n, a in enumerate(agreements)],
        batch_size=500,
    )
    if implementing_agency is not None:
        Agreement.implementing_agencies.through.objects.bulk_create(
            [Agreement.implementing_agencies.through(agreement=a, agency=implementing_agency) for a in agreements],
            batch_size=500,
        )
    return agreements


def monev_report(
    agreement: Agreement,
    agency: Agency,
    *,
    starts_on: datetime.date,
    ends_on: datetime.date,
    indicators: Iterable[tuple[str, str, Decimal | int, Decimal | int]],
    **fields,
) -> MonevReport:
    """A monev report of one period with its indicators (name, unit, target, realisation), saved.

    Nothing else is defaulted: `fields` say whether it is a draft, submitted or verified.
    """
    report = MonevReport(
        agreement=agreement, period_starts_on=starts_on, period_ends_on=ends_on, reporting_agency=agency, **fields
    )
    report.indicators = [
        MonevIndicator(name=name, unit=unit, target=target, realisation=realisation)
        for name, unit, target, realisation in indicators
    ]
    report.save()
    return report


# --- Document text (cooperation/services/document_text.py) ---------------------------------------


def text_pdf(*pages: str) -> bytes:
    """A real PDF with one page per string, each page with a text layer (what a word processor exports)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def index_for_search() -> None:
    """What the outbox task does after a commit, for every agreement at once.

    Plain `db` tests never run on-commit callbacks and `bulk_publish` skips signals, so tests that
    search call this after building their register.
    """
    from search import engines
    from search.records import records_for

    engine = engines.get_engine()
    engine.clear()
    engine.index(records_for(Agreement.objects.values_list("pk", flat=True)))
    engine.refresh()
