"""Proposals (usulan) at every review stage and requests from outside, driven through the real services.

The register (builder.py) is bulk-inserted; proposals are not. Each demo proposal is created the
way the admin creates one (a draft with its parties, sectors, documents and a first revision), then
walked through ``submit_proposal``, ``act_on_stage``, ``record_clearance`` and ``record_signature``
by the demo user who holds each role (opd/opd2 or the secretariat submit; sekretariat, hukum, tkksd
and pimpinan act on their stage). Statuses, task states, due dates, the agreement created on
approval, its status history and the audit log are therefore the services' own. Requests from
outside go through ``submit_external_request`` and the secretariat's triage or decline.

Demo history. The services stamp everything "now", so a fresh demo would show every proposal
submitted and decided in the same second, and no stage overdue. Each step therefore runs inside
``DemoClock.at(moment)``, and when a proposal is done the timestamps its steps wrote (task states
and their due dates, workflow states, revisions, audit log, clearances, the agreement and its status
history, documents, requests) are moved with queryset ``update()`` to the planned moments, days or
weeks ago. Only timestamps move, never a status. That is how a stage lands on the dashboard's
"Terlambat" panel: it simply started longer ago than its document type's service days.

Idempotent: proposals and requests are keyed by their title; a rerun skips what exists. A request's
token is stored only as a hash, so the summary can print it only on the run that created it.

Mail: the services send mail when a transaction commits; seeding uses the dummy backend.
"""

import datetime
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Count, Max, Q
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision, WorkflowState
from wagtail.utils.file import hash_filelike

from cooperation.models import (
    Agreement,
    AgreementDocument,
    AgreementStatus,
    AgreementStatusChange,
    Classification,
    ClearanceKind,
    ExternalRequest,
    ExternalRequestStatus,
    Level,
    PartnerCategory,
    PartyRole,
    Proposal,
    ProposalClearance,
    ProposalParty,
    ProposalStatus,
    ReviewStage,
    ReviewTaskState,
    Sector,
)
from cooperation.models.agreements import add_years
from cooperation.selectors.proposals import current_stage, required_document_categories
from cooperation.services.agreements import record_signature
from cooperation.services.proposals import act_on_stage, record_clearance, submit_proposal
from cooperation.services.requests import (
    REQUEST_FIELDS,
    decline_external_request,
    submit_external_request,
    triage_external_request,
)

from . import data
from .planner import DOCUMENT_NAMES, DOCUMENT_NAMES_EN, AgreementSpec, PartySpec, StepSpec, month_roman

if TYPE_CHECKING:
    from .builder import DemoBuilder

QUIET_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
REGISTRAR = "sekretariat"
STAGE_REVIEWERS = {
    ReviewStage.VERIFICATION: "sekretariat",
    ReviewStage.LEGAL_REVIEW: "hukum",
    ReviewStage.DELIBERATION: "tkksd",
    ReviewStage.APPROVAL: "pimpinan",
}
STAGE_ACTIONS = {"approve": "approve", "changes": "reject", "decline": "decline"}
PARTNER_ROLES = (PartyRole.SECOND, PartyRole.THIRD, PartyRole.FOURTH)
GOVERNMENT_PARTNERS = {
    PartnerCategory.REGIONAL_GOVERNMENT,
    PartnerCategory.MINISTRY,
    PartnerCategory.FOREIGN_GOVERNMENT,
}
DOCUMENT_LABELS = {
    "surat-penawaran": "Surat penawaran",
    "kak": "Kerangka acuan kerja",
    "kajian-manfaat": "Kajian manfaat dan biaya",
    "profil-mitra": "Profil dan legalitas mitra",
    "persetujuan-dprd": "Persetujuan DPRD",
    "full-powers": "Surat kuasa penuh (Full Powers)",
    "surat-kuasa": "Surat kuasa penandatanganan",
    "draf-naskah": "Draf naskah",
    "naskah-ditandatangani": "Naskah ditandatangani",
}
KEY_BASE = 900_000  # the specs' keys, only used inside the PDFs: far from the register's own keys
WORKDAY_START = datetime.time(8, 0)
STEP_MINUTES = 40  # steps on the same day follow each other by this much
# Every timestamp a step may write, per model: moved to the step's planned moment afterwards.
RESTAMPED: list[tuple[type, tuple[str, ...]]] = [
    (Proposal, ("created_at", "submitted_at", "decided_at", "first_published_at", "last_published_at")),
    (Revision, ("created_at",)),
    (WorkflowState, ("created_at",)),
    (ReviewTaskState, ("started_at", "finished_at")),
    (ModelLogEntry, ("timestamp",)),
    (ProposalClearance, ("recorded_at",)),
    (Agreement, ("created_at", "updated_at")),
    (AgreementStatusChange, ("changed_at",)),
    (AgreementDocument, ("created_at",)),
    (ExternalRequest, ("received_at", "triaged_at")),
]


@dataclass
class IssuedRequest:
    """A demo request for the summary: its token only when this run created it."""

    number: str
    organisation: str
    status: str
    token: str | None = None


class DemoClock:
    """Maps the real moments of one seeding run onto the planned moments of a demo history."""

    def __init__(self, now: datetime.datetime) -> None:
        self.now = now
        self.windows: list[tuple[datetime.datetime, datetime.datetime]] = []

    def moment(self, days_ago: int, index: int, *, workday: bool = False) -> datetime.datetime:
        """``days_ago`` days back in office hours; ``index`` orders the steps of one day.

        ``workday`` moves a Saturday or Sunday back to the Friday (officials sign on working days).
        """
        local = timezone.localtime(self.now)
        day = local.date() - datetime.timedelta(days=days_ago)
        if workday:
            day -= datetime.timedelta(days=max(0, day.weekday() - 4))
        start = datetime.datetime.combine(day, WORKDAY_START, tzinfo=local.tzinfo)
        return min(start + datetime.timedelta(minutes=STEP_MINUTES * index), self.now)

    @contextmanager
    def at(self, moment: datetime.datetime) -> Iterator[None]:
        """What happens inside is moved to ``moment`` by ``restamp``."""
        self.windows.append((timezone.now(), moment))
        yield

    def map(self, value: datetime.datetime) -> datetime.datetime:
        for real, planned in reversed(self.windows):
            if value >= real:
                return planned + (value - real)
        return value

    def restamp(self) -> None:
        """Move every timestamp written since the first window to its planned moment (demo history).

        A task state's due date moves with its start, so it keeps its service days.
        """
        if not self.windows:
            return
        since = self.windows[0][0]
        for model, fields in RESTAMPED:
            recent = Q()
            for name in fields:
                recent |= Q(**{f"{name}__gte": since})
            extra = ("due_at",) if model is ReviewTaskState else ()
            for row in model.objects.filter(recent).values("pk", *fields, *extra):
                changes = {name: self.map(row[name]) for name in fields if row[name] and row[name] >= since}
                if extra and row["due_at"] and "started_at" in changes:
                    changes["due_at"] = changes["started_at"] + (row["due_at"] - row["started_at"])
                model.objects.filter(pk=row["pk"]).update(**changes)


def proposal_titles(seed: data.ProposalSeed, planner) -> tuple[str, str]:
    """The register's way of naming a naskah: type, parties, subject (and English for foreign partners)."""
    partners = [planner.partners[key] for key in seed.partners]
    region = data.REGION_NAME if seed.document_type != "PKS" else planner._agency_label(seed.agency)
    foreign = planner.kinds[seed.kind].is_foreign
    names = [partner.name for partner in partners]
    if foreign:
        country, country_en = data.COUNTRIES[partners[0].country]
        names = [f"{partners[0].name}, {country}"]
        region = f"{region}, Republik Indonesia"
    everyone = [region, *names]
    joined = ", ".join(everyone[:-1]) + " dan " + everyone[-1]
    title = f"{DOCUMENT_NAMES[seed.document_type]} antara {joined} tentang {seed.subject}"
    if not foreign:
        return title, ""
    partner_en = partners[0].name_en or partners[0].name
    title_en = (
        f"{DOCUMENT_NAMES_EN.get(seed.document_type, 'Agreement')} between the {data.REGION_NAME_EN}, Republic of "
        f"Indonesia and the {partner_en}, {country_en} on {seed.subject_en}"
    )
    return title, title_en


class ProposalSeeder:
    """Adds the demo proposals and requests that are missing; see the module docstring."""

    def __init__(self, builder: "DemoBuilder") -> None:
        self.b = builder
        self.report = builder.report
        self.users = builder.users
        self.now = timezone.now()

    def run(self) -> None:
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL_BACKEND):
            titles = {proposal_titles(seed, self.b.planner)[0]: seed for seed in data.PROPOSALS}
            existing = set(Proposal.objects.filter(title__in=titles).values_list("title", flat=True))
            handled = {
                request.title: request
                for request in ExternalRequest.objects.filter(title__in=[r.title for r in data.EXTERNAL_REQUESTS])
            }
            # In the order things happened, so running numbers follow the demo's dates.
            events = [(seed.created_days_ago, index, seed) for index, seed in enumerate(data.PROPOSALS)]
            events += [
                (seed.outcome_days_ago if seed.outcome == "triaged" else seed.received_days_ago, index, seed)
                for index, seed in enumerate(data.EXTERNAL_REQUESTS)
            ]
            for _days, index, seed in sorted(events, key=lambda event: -event[0]):
                if isinstance(seed, data.ProposalSeed):
                    title, title_en = proposal_titles(seed, self.b.planner)
                    if title in existing:
                        self.report.proposals_existing += 1
                        continue
                    with transaction.atomic():
                        clock = DemoClock(self.now)
                        self._proposal(index, seed, title, title_en, clock)
                        clock.restamp()
                    self.report.proposals_created += 1
                elif seed.title in handled:
                    request = handled[seed.title]
                    self.report.requests.append(
                        IssuedRequest(request.number, request.organisation, request.get_status_display())
                    )
                else:
                    with transaction.atomic():
                        clock = DemoClock(self.now)
                        issued = self._request(seed, clock)
                        clock.restamp()
                    self.report.requests.append(issued)
        self.report.requests.sort(key=lambda issued: issued.number)
        counts = dict(Proposal.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        self.report.proposal_statuses = {str(label): counts.get(value, 0) for value, label in ProposalStatus.choices}

    # -- proposals ---------------------------------------------------------------------------------

    def _proposal(self, index: int, seed: data.ProposalSeed, title: str, title_en: str, clock: DemoClock) -> None:
        moments = [clock.moment(seed.created_days_ago, 0)]
        moments += [
            clock.moment(step.days_ago, number, workday=step.action == "sign")
            for number, step in enumerate(seed.steps, start=1)
        ]
        if moments != sorted(moments):
            raise ValueError(f"Demo proposal {seed.subject!r}: its steps must go forward in time.")
        spec = self._spec(index, seed, title, title_en, moments)
        submitter = self.users[seed.submitter]
        with clock.at(moments[0]):
            proposal = self._create(seed, title, title_en, submitter, spec)
        for step, moment in zip(seed.steps, moments[1:], strict=True):
            with clock.at(moment):
                self._step(Proposal.objects.get(pk=proposal.pk), seed, step, moment, spec)

    def _spec(
        self, index: int, seed: data.ProposalSeed, title: str, title_en: str, moments: list[datetime.datetime]
    ) -> AgreementSpec:
        """What the PDF renderer needs to write this proposal's paperwork."""
        planner = self.b.planner
        spec = AgreementSpec(
            key=KEY_BASE + index,
            document_type=seed.document_type,
            kind=seed.kind,
            theme="",
            title=title,
            title_en=title_en,
            subject=seed.subject,
            status=AgreementStatus.DRAFT,
            initiating=seed.agency,
            implementing=[seed.agency],
            sectors=list(seed.sectors),
            parties=[PartySpec(key, role) for key, role in zip(seed.partners, PARTNER_ROLES, strict=False)],
            aims=seed.aims,
            scope_items=list(seed.scope),
            level=Level.INTERNATIONAL if planner.kinds[seed.kind].is_foreign else Level.LOCAL,
            value=Decimal(seed.value) if seed.value else None,
            funding_source=seed.funding_source,
            burdens_apbd=seed.burdens_apbd,
            history=[StepSpec("", "draft", moments[0], seed.submitter, "")],
        )
        if seed.document_type == "PKS" and seed.agency not in data.SECRETARIAT_UNITS:
            head = planner.heads[seed.agency]
            spec.signatory_name, spec.signatory_position, spec.signatory_nip = head.name, head.position, head.nip
            year = moments[0].year
            spec.power_of_attorney_number = f"183/{40 + index}/{data.REGION_CODE}.403/{year}"
        else:
            spec.signatory_name, spec.signatory_position = data.MAYOR.name, data.MAYOR.position
        for step, moment in zip(seed.steps, moments[1:], strict=True):
            if step.clearance == ClearanceKind.DPRD_APPROVAL:
                spec.dprd_approval_number = step.letter_number.format(y=moment.year)
                spec.dprd_approval_date = timezone.localtime(moment).date()
        return spec

    def _create(self, seed: data.ProposalSeed, title: str, title_en: str, user, spec: AgreementSpec) -> Proposal:
        """A draft as the admin's create form leaves it: parties, sectors, documents, a first revision."""
        b = self.b
        kind = b.kinds[seed.kind]
        proposal = Proposal(
            document_type=b.doc_types[seed.document_type],
            kind=kind,
            title=title,
            title_en=title_en,
            parent_agreement=self._framework(seed),
            aims=seed.aims,
            scope="\n".join(f"{'abcdefghij'[i]}. {item};" for i, item in enumerate(seed.scope)),
            subject=seed.subject,
            term_years=seed.term_years,
            value=Decimal(seed.value) if seed.value else None,
            funding_source=seed.funding_source,
            burdens_apbd=seed.burdens_apbd,
            is_foreign=kind.is_foreign,
            initiating_agency=b.agencies[seed.agency],
            created_by=user,
            live=False,
        )
        proposal.save()
        proposal.sectors.set(Sector.objects.filter(code__in=seed.sectors))
        proposal.save()
        for order, (key, role) in enumerate(zip(seed.partners, PARTNER_ROLES, strict=False)):
            ProposalParty.objects.create(proposal=proposal, partner=b.partners[key], role=role, sort_order=order)
        for category in required_document_categories(proposal):
            if category.code != seed.missing_document:
                self._document(proposal, spec, category.code, version=1, uploader=user)
        proposal = Proposal.objects.get(pk=proposal.pk)
        revision = proposal.save_revision(user=user, log_action=False)
        log(proposal, "wagtail.create", user=user, revision=revision, content_changed=True)
        return proposal

    def _framework(self, seed: data.ProposalSeed) -> Agreement | None:
        """The partner's KSB in force, for a PKS under it; None when the register has none (e.g. --agreements 0)."""
        if not seed.under_partner_framework:
            return None
        return (
            Agreement.objects.filter(
                document_type__code="KSB",
                status__in=(AgreementStatus.IN_FORCE, AgreementStatus.SIGNED),
                parties__partner=self.b.partners[seed.partners[0]],
            )
            .order_by("pk")
            .first()
        )

    def _document(self, proposal: Proposal, spec: AgreementSpec, code: str, *, version: int, uploader) -> None:
        classification, ground, reason = Classification.PUBLIC, "", ""
        if code in data.PROPOSAL_DOCUMENT_RESTRICTIONS:
            classification, (ground, reason) = Classification.RESTRICTED, data.PROPOSAL_DOCUMENT_RESTRICTIONS[code]
        elif code == "profil-mitra" and self.b.planner.partners[spec.parties[0].partner].category not in (
            GOVERNMENT_PARTNERS
        ):
            classification, (ground, reason) = Classification.RESTRICTED, data.PARTNER_PROFILE_RESTRICTION
        pdf = self.b.renderer.render(code, spec, version=version)
        label = DOCUMENT_LABELS.get(code, code)
        if version > 1 or code == "draf-naskah":
            label = f"{label} versi {version}"
        name = f"usulan-{spec.key - KEY_BASE:02d}-{code}-v{version}.pdf"
        document = AgreementDocument(
            title=f"{label} - {DOCUMENT_NAMES[spec.document_type]} tentang {spec.subject}"[:255],
            proposal=proposal,
            category=self.b.categories[code],
            version=version,
            language="en" if code == "full-powers" else "id",
            classification=classification,
            restriction_ground=ground,
            restriction_reason=reason,
            uploaded_by_user=uploader,
            file_size=len(pdf),
            file_hash=hash_filelike(io.BytesIO(pdf)),
            sort_order=proposal.documents.count(),
        )
        self.b._forget_orphan(name)
        document.file.save(name, ContentFile(pdf), save=False)
        document.save()
        self.report.documents_created += 1

    def _step(
        self,
        proposal: Proposal,
        seed: data.ProposalSeed,
        step: data.ProposalStep,
        moment: datetime.datetime,
        spec: AgreementSpec,
    ) -> None:
        day = timezone.localtime(moment).date()
        if step.action == data.SUBMIT:
            submit_proposal(proposal=proposal, by=self.users[seed.submitter])
        elif step.action in STAGE_ACTIONS:
            stage = current_stage(proposal=proposal)
            if stage is None:
                raise ValueError(f"Demo proposal {proposal.number}: no stage holds it for {step.action!r}.")
            reviewer = self.users[STAGE_REVIEWERS[stage.task.specific.stage]]
            act_on_stage(task_state=stage, user=reviewer, action=STAGE_ACTIONS[step.action], comment=step.comment)
        elif step.action == "clearance":
            record_clearance(
                proposal=proposal,
                kind=step.clearance,
                letter_number=step.letter_number.format(y=day.year),
                requested_on=day - datetime.timedelta(days=21),
                completed_on=day,
                note=step.comment,
                by=self.users[REGISTRAR],
            )
        elif step.action == "revise":
            # As the edit form does it: the new file, then a revision logged as an edit.
            submitter = self.users[seed.submitter]
            latest = proposal.documents.filter(category__code=step.document).aggregate(v=Max("version"))["v"] or 0
            self._document(proposal, spec, step.document, version=latest + 1, uploader=submitter)
            Proposal.objects.get(pk=proposal.pk).save_revision(user=submitter, log_action=True)
        elif step.action == "sign":
            self._sign(proposal, seed, step, day, spec)
        else:
            raise ValueError(f"Unknown demo step {step.action!r}.")

    def _sign(
        self,
        proposal: Proposal,
        seed: data.ProposalSeed,
        step: data.ProposalStep,
        signed_on: datetime.date,
        spec: AgreementSpec,
    ) -> None:
        """The secretariat records the signing of the approved agreement, with the signed scan."""
        agreement = Agreement.objects.get(pk=proposal.agreement_id)
        ends_on = add_years(signed_on, seed.term_years) - datetime.timedelta(days=1)
        # Filled in on the register's form before the signing is recorded: who signs, who to contact.
        contact = self.b.planner.contact_for(seed.agency)
        agreement.signatory_name, agreement.signatory_position = spec.signatory_name, spec.signatory_position
        agreement.signatory_nip = spec.signatory_nip
        agreement.contact_name, agreement.contact_phone, agreement.contact_email = contact
        agreement.save(
            update_fields=[
                "signatory_name",
                "signatory_position",
                "signatory_nip",
                "contact_name",
                "contact_phone",
                "contact_email",
            ]
        )
        partner_key = seed.partners[0]
        region_number = self._free_region_number(signed_on)
        partner_number = self._free_partner_number(partner_key, signed_on)
        spec.signed_on, spec.signed_at, spec.region_number = signed_on, "Balai Kota Malang", region_number
        spec.starts_on, spec.ends_on = signed_on, ends_on
        spec.parties[0].number = partner_number
        partner_seed = self.b.planner.partners[partner_key]
        spec.parties[0].signatory_name = self.b.planner.partner_signatories[partner_key]
        spec.parties[0].signatory_position = partner_seed.signatory_position
        pdf = self.b.renderer.render("naskah-ditandatangani", spec)
        name = f"usulan-{spec.key - KEY_BASE:02d}-naskah-ditandatangani-v1.pdf"
        self.b._forget_orphan(name)
        record_signature(
            agreement=agreement,
            by=self.users[REGISTRAR],
            signed_on=signed_on,
            signed_at=spec.signed_at,
            region_number=region_number,
            partner_number=partner_number,
            starts_on=signed_on,
            ends_on=ends_on,
            signed_scan=ContentFile(pdf, name=name),
            note=step.comment,
        )
        self.report.documents_created += 1

    @staticmethod
    def _free_region_number(day: datetime.date) -> str:
        """The next of the city's numbers for the year that the register does not hold yet."""
        sequence = Agreement.objects.filter(signed_on__year=day.year).count() + 1
        while True:
            number = f"180/{sequence}/{data.REGION_CODE}.402/{day.year}"
            if not Agreement.objects.filter(region_number__iexact=number).exists():
                return number
            sequence += 1

    def _free_partner_number(self, partner_key: str, day: datetime.date) -> str:
        partner = self.b.partners[partner_key]
        template = self.b.planner.partners[partner_key].number
        sequence = partner.agreement_parties.filter(agreement__signed_on__year=day.year).count() + 1
        while True:
            number = template.format(n=sequence, y=day.year, rm=month_roman(day.month))
            if not partner.agreement_parties.filter(number__iexact=number).exists():
                return number
            sequence += 1

    # -- requests from outside ---------------------------------------------------------------------

    def _request(self, seed: data.RequestSeed, clock: DemoClock) -> IssuedRequest:
        received = clock.moment(seed.received_days_ago, 0)
        letter = self.b.renderer.render_request_letter(
            organisation=seed.organisation,
            address=seed.address,
            contact_name=seed.contact_name,
            contact_position=seed.contact_position,
            title=seed.title,
            aims=seed.aims,
            scope=seed.scope,
            day=timezone.localtime(received).date(),
            stamp=received,
        )
        upload_name = f"surat-permohonan-{seed.ip.rsplit('.', 1)[-1]}.pdf"
        self.b._forget_orphan(upload_name)
        with clock.at(received):
            request, token = submit_external_request(
                data={name: getattr(seed, name) for name in REQUEST_FIELDS},
                attachments=[SimpleUploadedFile(upload_name, letter, content_type="application/pdf")],
                ip=seed.ip or None,
            )
        self.report.documents_created += 1
        registrar = self.users[REGISTRAR]
        if seed.outcome != ExternalRequestStatus.RECEIVED:
            with clock.at(clock.moment(seed.outcome_days_ago, 1)):
                if seed.outcome == ExternalRequestStatus.TRIAGED:
                    triage_external_request(request=request, agency=self.b.agencies[seed.agency], by=registrar)
                else:
                    decline_external_request(request=request, reason=seed.reason, by=registrar)
        request.refresh_from_db()
        return IssuedRequest(request.number, request.organisation, request.get_status_display(), token)
