"""Writes the demo to the database: reference data, users, agreements, documents, search index.

Reference data and users are upserted on their natural keys (codes, names, usernames), so
running the seed again only repairs what drifted. Agreements carry their planner key in
``internal_notes`` ("Data demo (seed_demo) #000123."); a rerun reads those keys back and creates
only the missing ones, which is also how ``--agreements 100000`` tops up a 150-record demo.

Agreements go in with bulk_create in batches (one transaction each), together with their
parties, sectors, implementing agencies and status history, and each batch is added to the
Wagtail search index with ``add_bulk`` before the next one starts.

Then proposals.py adds a fixed set of proposals at every review stage and requests from outside,
through the services rather than bulk inserts (the set does not grow with ``--agreements``).

Then the portal's pages (``setup_portal``, when the portal app is installed) and the public
catalogue: publications.py publishes most signed agreements as the demo Editor/PPID, in bulk inside
each agreement batch and through the services for the first ones (see its docstring). Last, monev.py
writes monev reports in every verification state through the monev services and workflow.
"""

import datetime
import io
import itertools
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.utils.file import hash_filelike

from cooperation import roles
from cooperation.models import (
    Agency,
    AgencyMembership,
    Agreement,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    AgreementStatusChange,
    Classification,
    CooperationKind,
    DocumentCategory,
    DocumentType,
    Partner,
    Publication,
    RestrictionGround,
    Sector,
)
from cooperation.selectors import public_agreements
from cooperation.services.document_text import extract_document_text

from . import data
from .monev import MonevSeeder
from .pdfs import Renderer, render_scanned_minutes
from .planner import DEMO_MARKER, DOCUMENT_NAMES, PIPELINE, AgreementSpec, Planner
from .proposals import ProposalSeeder
from .publications import PublicationSeeder

SCANNED_TITLE = "Berita acara peninjauan lapangan (pindaian)"
DOCUMENT_LIMIT = 150  # only the first agreements get PDFs: files are for looking at, not for load
BATCH_SIZE = 2000
CATEGORY_LABELS = {
    "naskah-ditandatangani": "Naskah ditandatangani",
    "draf-naskah": "Draf naskah",
    "surat-penawaran": "Surat penawaran",
    "kak": "Kerangka acuan kerja",
    "laporan-monev": "Laporan monev",
    "persetujuan-dprd": "Persetujuan DPRD",
    "surat-kuasa": "Surat kuasa",
    "berita-acara": "Berita acara pengakhiran",
    "lampiran": "Lampiran",
}


TERMINATION_REASONS = (
    "Para pihak sepakat mengakhiri kerja sama karena tujuan kerja sama telah tercapai lebih awal.",
    "Mitra tidak lagi dapat memenuhi kewajibannya sesuai hasil evaluasi monev.",
    "Terdapat perubahan kebijakan dan kewenangan sehingga kerja sama tidak dapat dilanjutkan.",
)


def termination_reason(spec: AgreementSpec) -> str:
    """Why a terminated demo agreement ended early, as the secretariat records it with the berita acara."""
    if spec.status != AgreementStatus.TERMINATED:
        return ""
    return TERMINATION_REASONS[spec.key % len(TERMINATION_REASONS)]


@dataclass
class DocumentPlan:
    category: str
    version: int = 1
    classification: str = Classification.PUBLIC
    ground: str = ""
    reason: str = ""
    language: str = "id"


@dataclass
class Report:
    """What a run did, for the command to print."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    agreements_existing: int = 0
    agreements_created: int = 0
    documents_created: int = 0
    indexed: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    proposals_created: int = 0
    proposals_existing: int = 0
    proposal_statuses: dict[str, int] = field(default_factory=dict)  # label: count, over every proposal
    requests: list = field(default_factory=list)  # proposals.IssuedRequest
    publications_created: int = 0
    publication_states: dict[str, int] = field(default_factory=dict)  # label: count, over the whole catalogue
    monev_created: int = 0
    monev_states: dict[str, int] = field(default_factory=dict)  # label: count, over the demo's reports

    def count(self, label: str, created: bool, changed: bool) -> None:
        if created:
            self.created[label] = self.created.get(label, 0) + 1
        elif changed:
            self.updated[label] = self.updated.get(label, 0) + 1


@contextmanager
def explicit_timestamps(model: type[models.Model], *names: str) -> Iterator[None]:
    """Let bulk_create keep the created_at/updated_at we planned instead of stamping "now".

    auto_now(_add) would give 100,000 records the same creation second, and the register is
    ordered by creation: the demo list would not show the newest proposals first.
    """
    fields = [model._meta.get_field(name) for name in names]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def upsert(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool, bool]:
    """get_or_create that also repairs drifted fields, saving (and reindexing) only on change."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True, False
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
    return obj, False, bool(changed)


def plan_documents(spec: AgreementSpec) -> list[DocumentPlan]:
    """One or two files per agreement, chosen by where it is in its life."""
    rng = random.Random(f"documents:{spec.key}")
    S = AgreementStatus
    if spec.is_signed:
        plans = [DocumentPlan("naskah-ditandatangani", language="id")]
        if spec.burdens_apbd and spec.dprd_approval_number:
            second = DocumentPlan("persetujuan-dprd")
        elif spec.status == S.TERMINATED:
            second = DocumentPlan("berita-acara")
        elif spec.power_of_attorney_number and rng.random() < 0.5:
            second = DocumentPlan("surat-kuasa")
        elif spec.kind in ("KSDPL", "KSDLL") and rng.random() < 0.5:
            second = DocumentPlan(
                "lampiran",
                classification=Classification.RESTRICTED,
                ground=RestrictionGround.FOREIGN_RELATIONS,
                reason=data.RESTRICTION_REASONS["17f"],
                language="en",
            )
        elif spec.status in (S.IN_FORCE, S.EXPIRED, S.EXTENDED) and spec.starts_on < spec.history[-1].at.date():
            second = DocumentPlan("laporan-monev")
        else:
            second = DocumentPlan("kak")
        # A termination is recorded only with its berita acara, so a terminated agreement always has one.
        if spec.status == S.TERMINATED or rng.random() < 0.8:
            plans.append(second)
        return plans
    if spec.status == S.REJECTED:
        return [DocumentPlan("surat-penawaran")]
    revised = spec.status not in (S.DRAFT, S.SUBMITTED) or any(
        step.to_status == S.NEEDS_REVISION for step in spec.history
    )
    plans = [
        DocumentPlan(
            "draf-naskah",
            version=2 if revised else 1,
            classification=Classification.RESTRICTED,
            ground=RestrictionGround.NEGOTIATION,
            reason=data.RESTRICTION_REASONS["17i"],
        )
    ]
    if spec.status in PIPELINE and rng.random() < 0.7:
        plans.append(DocumentPlan(rng.choice(("kak", "surat-penawaran"))))
    return plans


class DemoBuilder:
    """Builds (or tops up) the demo; see the module docstring for what idempotent means here."""

    def __init__(
        self,
        *,
        agreements: int = 150,
        documents: bool = True,
        password: str = "demo12345",
        write: Callable[[str], None] = print,
        progress: bool | None = None,
        batch_size: int = BATCH_SIZE,
        document_limit: int = DOCUMENT_LIMIT,
        proposals: bool = True,
    ) -> None:
        self.wanted = agreements
        self.proposals = proposals
        self.documents = documents
        self.password = password
        self.write = write
        self.progress = progress
        self.batch_size = batch_size
        self.document_limit = document_limit
        self.report = Report()
        self.planner = Planner(today=timezone.localdate(), now=timezone.now(), timezone=settings.TIME_ZONE)
        self.renderer = Renderer(self.planner)

    def run(self) -> Report:
        started = time.monotonic()
        with transaction.atomic():
            self.seed_reference_data()
            self.seed_users()
        self.report.timings["data referensi & pengguna"] = time.monotonic() - started
        self.seed_agreements()
        if self.proposals:
            self.seed_proposals()
        self.seed_portal_pages()
        self.seed_publications()
        self.seed_monev()
        if self.documents:
            self.seed_scanned_document()
        self.report.timings["total"] = time.monotonic() - started
        return self.report

    # -- reference data --------------------------------------------------------------------------

    def seed_reference_data(self) -> None:
        count = self.report.count
        for code, name, name_en in data.SECTORS:
            count("urusan", *upsert(Sector, {"code": code}, {"name": name, "name_en": name_en})[1:])
        self.categories = {}
        for seed in data.DOCUMENT_CATEGORIES:
            obj, *flags = upsert(
                DocumentCategory,
                {"code": seed.code},
                {"name": seed.name, "name_en": seed.name_en, "restricted_by_default": seed.restricted_by_default},
            )
            self.categories[seed.code] = obj
            count("jenis dokumen", *flags)
        self.kinds = {}
        for seed in data.COOPERATION_KINDS:
            values = {
                "name": seed.name,
                "name_en": seed.name_en,
                "description": seed.description,
                "is_foreign": seed.is_foreign,
                "max_term_years": seed.max_term_years,
                "monev_interval_months": seed.monev_interval_months,
            }
            obj, *flags = upsert(CooperationKind, {"code": seed.code}, values)
            obj.required_documents.set([self.categories[c] for c in seed.required_documents])
            self.kinds[seed.code] = obj
            count("jenis kerja sama", *flags)
        self.doc_types = {}
        for seed in data.DOCUMENT_TYPES:
            verification, legal, deliberation, approval = seed.service_days
            values = {
                "name": seed.name,
                "name_en": seed.name_en,
                "role": seed.role,
                "max_term_years": seed.max_term_years,
                "days_verification": verification,
                "days_legal_review": legal,
                "days_deliberation": deliberation,
                "days_approval": approval,
                "warning_days": seed.warning_days,
            }
            obj, *flags = upsert(DocumentType, {"code": seed.code}, values)
            obj.required_documents.set([self.categories[c] for c in seed.required_documents])
            self.doc_types[seed.code] = obj
            count("jenis naskah", *flags)
        for seed in data.DOCUMENT_TYPES:
            self.doc_types[seed.code].allowed_parent_types.set([self.doc_types[c] for c in seed.parents])
        self.agencies = {}
        for seed in data.AGENCIES:
            obj, *flags = upsert(
                Agency, {"code": seed.code}, {"name": seed.name, "short_name": seed.short_name, "is_active": True}
            )
            self.agencies[seed.code] = obj
            count("OPD", *flags)
        self.partners = {}
        for seed in data.PARTNERS:
            contact = self.planner._person(f"partner-contact:{seed.key}")
            rng = random.Random(f"partner-phone:{seed.key}")
            values = {
                "name_en": seed.name_en,
                "category": seed.category,
                "province": seed.province,
                "regency_city": seed.regency_city,
                "address": seed.address,
                "contact_name": contact,
                "contact_email": f"kerjasama.{seed.key.lower().replace('-', '')}@example.org",
                "contact_phone": f"{seed.phone_prefix} {rng.randint(300, 599)}{rng.randint(100, 999)}",
                "website": seed.website,
            }
            obj, *flags = upsert(Partner, {"name": seed.name, "country": seed.country}, values)
            self.partners[seed.key] = obj
            count("mitra", *flags)

    def seed_users(self) -> None:
        User = get_user_model()
        self.users = {}
        for seed in data.USERS:
            user = User.objects.filter(username=seed.username).first()
            created = user is None
            user = user or User(username=seed.username)
            wanted = {
                "first_name": seed.first_name,
                "last_name": seed.last_name,
                "email": f"{seed.username}@example.org",
                "is_active": True,
                "is_staff": seed.superuser,
                "is_superuser": seed.superuser,
            }
            changed = [name for name, value in wanted.items() if getattr(user, name) != value]
            for name in changed:
                setattr(user, name, wanted[name])
            if created or not user.check_password(self.password):
                user.set_password(self.password)
                changed.append("password")
            if created or changed:
                user.save()
            user.groups.set([Group.objects.get(name=getattr(roles, seed.role))])
            if seed.agency:
                AgencyMembership.objects.update_or_create(
                    user=user,
                    defaults={
                        "agency": self.agencies[seed.agency],
                        "position": seed.position,
                        "is_liaison": seed.is_liaison,
                    },
                )
            self.users[seed.username] = user
            self.report.count("pengguna", created, bool(changed) and not created)

    # -- agreements ------------------------------------------------------------------------------

    def seed_agreements(self) -> None:
        started = time.monotonic()
        self.pk_by_key: dict[int, int] = {}
        for pk, note in Agreement.objects.filter(internal_notes__startswith=DEMO_MARKER).values_list(
            "pk", "internal_notes"
        ):
            key = note[len(DEMO_MARKER) : len(DEMO_MARKER) + 6]
            if key.isdigit():
                self.pk_by_key[int(key)] = pk
        existing = {key for key in self.pk_by_key if key < self.wanted}
        self.report.agreements_existing = len(existing)
        missing = self.wanted - len(existing)
        without_files = self._existing_without_documents() if self.documents else set()
        self.backend = get_search_backend()
        self.publisher = PublicationSeeder(self)
        never_published = self._existing_never_published() if existing else set()
        top_up: list[AgreementSpec] = []
        if missing > 0:
            self.write(
                f"Menyusun {missing:,} naskah dalam batch {self.batch_size:,} (bulk insert + indeks pencarian); "
                f"{len(existing):,} sudah ada.".replace(",", ".")
            )
        bar = tqdm(total=missing, unit="naskah", desc="Naskah kerja sama", disable=self._progress_disabled(missing))
        batch: list[AgreementSpec] = []
        for spec in itertools.islice(self.planner, self.wanted):
            if spec.key in self.pk_by_key:
                if spec.key in without_files:
                    self._create_documents(spec, self.pk_by_key[spec.key])
                if self.pk_by_key[spec.key] in never_published:
                    top_up.append(spec)
                    if len(top_up) >= self.batch_size:
                        self._publish_existing(top_up)
                        top_up = []
                continue
            batch.append(spec)
            if len(batch) >= self.batch_size:
                self._flush(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            self._flush(batch)
            bar.update(len(batch))
        bar.close()
        self._publish_existing(top_up)
        self.report.timings["naskah"] = time.monotonic() - started

    # -- proposals and requests from outside ------------------------------------------------------

    def seed_proposals(self) -> None:
        """The fixed set of proposals at every review stage and requests from outside (see proposals.py)."""
        started = time.monotonic()
        ProposalSeeder(self).run()
        self.report.timings["usulan & permohonan"] = time.monotonic() - started

    def seed_portal_pages(self) -> None:
        """The portal's page tree in both languages, when this project has the portal installed."""
        if not apps.is_installed("portal"):
            return
        started = time.monotonic()
        before = Page.objects.count()
        call_command("setup_portal", stdout=io.StringIO())
        if created := Page.objects.count() - before:
            self.report.created["halaman portal"] = created
        self.report.timings["halaman portal"] = time.monotonic() - started

    def seed_publications(self) -> None:
        """The showcase's publications through the services, the optional workflow, and the tally."""
        started = time.monotonic()
        self.report.publications_created += self.publisher.run_services(self.pk_by_key)
        self.report.count("alur persetujuan publikasi", *self.publisher.ensure_workflow())
        live = Publication.objects.filter(live=True).count()
        self.report.publication_states = {
            "tayang": live,
            "draf atau ditarik": Publication.objects.count() - live,
            "ditandatangani, belum dipublikasikan": Agreement.objects.filter(
                status__in=AgreementStatus.signed_states(), publication__isnull=True
            ).count(),
        }
        self.report.timings["publikasi katalog"] = time.monotonic() - started

    def seed_monev(self) -> None:
        """Monev reports in every verification state on the first agreements in force (see monev.py)."""
        started = time.monotonic()
        MonevSeeder(self).run()
        self.report.timings["laporan monev"] = time.monotonic() - started

    def seed_scanned_document(self) -> None:
        """One scanned paper (an image, no text layer) on the first live agreement in force, for OCR to read.

        The word "Tirtasari" is only in its picture, so finding it in search proves OCR ran.
        """
        started = time.monotonic()
        demo = Agreement.objects.filter(internal_notes__startswith=DEMO_MARKER)
        if AgreementDocument.objects.filter(agreement__in=demo, title__startswith=SCANNED_TITLE).exists():
            return
        agreement = (
            public_agreements()
            .filter(internal_notes__startswith=DEMO_MARKER, status=AgreementStatus.IN_FORCE)
            .order_by("pk")
            .first()
        )
        if agreement is None:
            return
        partners = [party.partner_name for party in agreement.parties.select_related("partner", "agency")]
        day = agreement.starts_on or agreement.signed_on or self.planner.today
        stamp = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)), datetime.UTC)
        pdf = render_scanned_minutes(
            title=agreement.title, region_number=agreement.region_number, partners=partners, day=day, stamp=stamp
        )
        document = AgreementDocument(
            title=f"{SCANNED_TITLE} - {agreement.region_number}"[:255],
            agreement=agreement,
            category=self.categories["berita-acara"],
            classification=Classification.PUBLIC,
            uploaded_by_user=self.users["sekretariat"],
            file_size=len(pdf),
            file_hash=hash_filelike(io.BytesIO(pdf)),
            sort_order=99,
        )
        name = f"pindaian-berita-acara-{agreement.pk:06d}.pdf"
        self._forget_orphan(name)
        document.file.save(name, ContentFile(pdf), save=False)
        with transaction.atomic():
            document.save()
            extract_document_text(document_id=document.pk)  # OCR: the scan has no text layer
        self.report.documents_created += 1
        self.report.timings["dokumen pindaian"] = time.monotonic() - started

    def _existing_never_published(self) -> set[int]:
        """Signed demo agreements from an earlier run that have no publication row at all."""
        return set(
            Agreement.objects.filter(
                internal_notes__startswith=DEMO_MARKER,
                status__in=AgreementStatus.signed_states(),
                publication__isnull=True,
            ).values_list("pk", flat=True)
        )

    def _publish_existing(self, specs: list[AgreementSpec]) -> None:
        rest = self.publisher.queue(specs)
        with transaction.atomic():
            self.report.publications_created += self.publisher.bulk(rest, pks=self.pk_by_key, check=True)

    def _progress_disabled(self, missing: int) -> bool | None:
        if self.progress is None:
            return None if missing > self.batch_size else True  # tqdm: None = only on a terminal
        return not self.progress

    def _existing_without_documents(self) -> set[int]:
        keys = {key for key in self.pk_by_key if key < min(self.wanted, self.document_limit)}
        with_files = set(
            AgreementDocument.objects.filter(agreement_id__in=[self.pk_by_key[k] for k in keys]).values_list(
                "agreement_id", flat=True
            )
        )
        return {key for key in keys if self.pk_by_key[key] not in with_files}

    def _flush(self, batch: list[AgreementSpec]) -> None:
        """One transaction: agreements (parents before children), their rows, files and index entries."""
        with transaction.atomic():
            pending = batch
            with explicit_timestamps(Agreement, "created_at", "updated_at"):
                while pending:
                    ready = [s for s in pending if self._resolved(s.parent) and self._resolved(s.replaces)]
                    objects = [self._agreement(s) for s in ready]
                    Agreement.objects.bulk_create(objects)
                    for spec, obj in zip(ready, objects, strict=True):
                        self.pk_by_key[spec.key] = obj.pk
                    pending = [s for s in pending if s.key not in self.pk_by_key]
            self._related_rows(batch)
            self.report.publications_created += self.publisher.bulk(self.publisher.queue(batch), pks=self.pk_by_key)
            if self.documents:
                for spec in batch:
                    if spec.key < self.document_limit:
                        self._create_documents(spec, self.pk_by_key[spec.key])
            self._index([self.pk_by_key[s.key] for s in batch])
        self.report.agreements_created += len(batch)

    def _resolved(self, key: int | None) -> bool:
        return key is None or key in self.pk_by_key

    def _agreement(self, spec: AgreementSpec) -> Agreement:
        return Agreement(
            document_type_id=self.doc_types[spec.document_type].pk,
            kind_id=self.kinds[spec.kind].pk,
            title=spec.title,
            title_en=spec.title_en,
            region_number=spec.region_number,
            parent_id=self.pk_by_key[spec.parent] if spec.parent is not None else None,
            replaces_id=self.pk_by_key[spec.replaces] if spec.replaces is not None else None,
            scope=spec.scope,
            subject=spec.subject,
            aims=spec.aims,
            level=spec.level,
            signed_on=spec.signed_on,
            signed_at=spec.signed_at,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            value=spec.value,
            funding_source=spec.funding_source,
            burdens_apbd=spec.burdens_apbd,
            dprd_approval_number=spec.dprd_approval_number,
            dprd_approval_date=spec.dprd_approval_date,
            region_party_role=spec.region_party_role,
            signatory_name=spec.signatory_name,
            signatory_nip=spec.signatory_nip,
            signatory_position=spec.signatory_position,
            power_of_attorney_number=spec.power_of_attorney_number,
            initiating_agency_id=self.agencies[spec.initiating].pk,
            contact_name=spec.contact_name,
            contact_phone=spec.contact_phone,
            contact_email=spec.contact_email,
            internal_notes=spec.internal_notes,
            status=spec.status,
            terminated_on=spec.closed_on if spec.status == AgreementStatus.TERMINATED else None,
            termination_reason=termination_reason(spec),
            created_at=spec.history[0].at,
            updated_at=spec.history[-1].at,
        )

    def _related_rows(self, batch: list[AgreementSpec]) -> None:
        parties, sectors, agencies, steps = [], [], [], []
        sector_pks = {code: pk for code, pk in Sector.objects.values_list("code", "pk")}
        user_pks = {name: user.pk for name, user in self.users.items()}
        SectorLink = Agreement.sectors.through
        AgencyLink = Agreement.implementing_agencies.through
        for spec in batch:
            pk = self.pk_by_key[spec.key]
            for order, party in enumerate(spec.parties):
                parties.append(
                    AgreementParty(
                        agreement_id=pk,
                        partner_id=self.partners[party.partner].pk,
                        role=party.role,
                        number=party.number,
                        signatory_name=party.signatory_name,
                        signatory_position=party.signatory_position,
                        sort_order=order,
                    )
                )
            if spec.kind == "Internal" and len(spec.implementing) > 1:
                # Antar-OPD: the partner agency sits at the table as the second party.
                parties.append(
                    AgreementParty(
                        agreement_id=pk, agency_id=self.agencies[spec.implementing[1]].pk, role="2", sort_order=0
                    )
                )
            sectors += [SectorLink(agreement_id=pk, sector_id=sector_pks[code]) for code in spec.sectors]
            agencies += [AgencyLink(agreement_id=pk, agency_id=self.agencies[code].pk) for code in spec.implementing]
            steps += [
                AgreementStatusChange(
                    agreement_id=pk,
                    from_status=step.from_status,
                    to_status=step.to_status,
                    changed_by_id=user_pks[step.by],
                    changed_at=step.at,
                    note=step.note,
                )
                for step in spec.history
            ]
        AgreementParty.objects.bulk_create(parties)
        SectorLink.objects.bulk_create(sectors)
        AgencyLink.objects.bulk_create(agencies)
        AgreementStatusChange.objects.bulk_create(steps)

    def _index(self, pks: list[int]) -> None:
        """Add the batch to Wagtail search so the admin's search box finds the new records."""
        indexed = Agreement.objects.filter(pk__in=pks).prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("partner"))
        )
        self.backend.add_bulk(Agreement, list(indexed))
        self.report.indexed += len(pks)

    # -- documents -----------------------------------------------------------------------------

    @staticmethod
    def _forget_orphan(name: str) -> None:
        """A file left by an earlier demo whose database was deleted: remove it so names stay clean.

        Only this demo's own file names are touched, and only when no document row refers to them.
        """
        field = AgreementDocument._meta.get_field("file")
        path = field.generate_filename(None, name)
        if field.storage.exists(path) and not AgreementDocument.objects.filter(file=path).exists():
            field.storage.delete(path)

    def _create_documents(self, spec: AgreementSpec, agreement_pk: int) -> None:
        uploader = self.users["sekretariat"]
        for order, plan in enumerate(plan_documents(spec)):
            pdf = self.renderer.render(plan.category, spec, version=plan.version)
            label = CATEGORY_LABELS[plan.category]
            if plan.category == "draf-naskah":
                label = f"{label} versi {plan.version}"
            reference = spec.region_number or f"{DOCUMENT_NAMES[spec.document_type]} tentang {spec.subject}"
            document = AgreementDocument(
                title=f"{label} - {reference}"[:255],
                agreement_id=agreement_pk,
                category=self.categories[plan.category],
                version=plan.version,
                language=plan.language,
                classification=plan.classification,
                restriction_ground=plan.ground,
                restriction_reason=plan.reason,
                uploaded_by_user=uploader,
                file_size=len(pdf),
                file_hash=hash_filelike(io.BytesIO(pdf)),
                sort_order=order,
            )
            name = f"naskah-{spec.key:06d}-{plan.category}-v{plan.version}.pdf"
            self._forget_orphan(name)
            document.file.save(name, ContentFile(pdf), save=False)
            with transaction.atomic():
                document.save()
                # Read now, inside the batch's transaction: one search sync per batch rather than one per
                # file, and the upload's own task (after the commit) finds the text done and skips.
                extract_document_text(document_id=document.pk)
            self.report.documents_created += 1
