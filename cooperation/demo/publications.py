"""The public catalogue of the demo: most signed agreements published by the demo Editor/PPID.

Which agreements go out depends only on the planner key, so a rerun (or a top-up to 100,000)
makes the same decisions: about one signed agreement in ten stays unpublished ("belum
dipublikasikan", for the admin to show that state) and about one in a hundred has a prepared
publication that is still a draft. Everything else is published with a plain-language summary
written from the agreement's own data, in English too when the partner is abroad.

Two ways in, like the register itself:

- the first ``SERVICE_LIMIT`` agreements (the ones people click through) go through
  ``services.publication.publish_agreement`` / ``prepare_publication`` as the demo editor, so they
  carry Wagtail revisions and ``wagtail.publish`` log entries; their timestamps are then moved to
  a believable day shortly after signing (only timestamps move);
- every later agreement is published with ``bulk_create`` inside the batch that creates it (live
  rows with first/last_published_at, no revisions), so ``--agreements 100000`` stays fast.

Idempotent: an agreement that has a publication row (live, draft or withdrawn by an editor) is
never touched again, so reruns add nothing and keep what editors did by hand.

The optional publication workflow ("Persetujuan Publikasi PPID") is created but not assigned;
docs/decisions.md says how an administrator switches it on.
"""

import datetime
import random
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupApprovalTask, ModelLogEntry, Revision, Workflow, WorkflowTask

from cooperation import roles
from cooperation.models import Agreement, AgreementStatus, FundingSource, Publication
from cooperation.services.publication import prepare_publication, publish_agreement

from . import data
from .pdfs import long_date
from .planner import AgreementSpec

if TYPE_CHECKING:
    from .builder import DemoBuilder

SERVICE_LIMIT = 150  # agreements below this key are published through the services (revisions, audit log)
EDITOR = "editor"  # the demo user who publishes

PUBLISH, DRAFT, LEAVE = "publish", "draft", "leave"

WORKFLOW_NAME = "Persetujuan Publikasi PPID"
TASK_NAME = "Persetujuan PPID"

FRAMEWORKS = ("KSB", "MSP")


def publication_plan(key: int) -> str:
    """What the demo editor decided for agreement ``key``: a fixed rule, so reruns agree with it."""
    if key % 100 == 9:
        return DRAFT
    if key % 10 == 3:
        return LEAVE
    return PUBLISH


# -- plain-language summaries --------------------------------------------------------------------


def date_en(day: datetime.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def joined(items: list[str], *, word: str = "dan") -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def term(starts: datetime.date, ends: datetime.date) -> tuple[str, str]:
    """'3 tahun' / '3 years', or months for short terms."""
    days = (ends - starts).days + 1
    years = round(days / 365.25)
    if years >= 1 and abs(days - years * 365.25) <= 31:
        return f"{years} tahun", f"{years} year{'s' if years > 1 else ''}"
    months = max(1, round(days / 30.44))
    return f"{months} bulan", f"{months} month{'s' if months > 1 else ''}"


def rupiah(value: Decimal) -> tuple[str, str]:
    """'Rp1,5 miliar' / 'IDR 1.5 billion': how the news would say it."""
    if value >= 10**9:
        amount = f"{value / 10**9:.2f}".rstrip("0").rstrip(".")
        return f"Rp{amount.replace('.', ',')} miliar", f"IDR {amount} billion"
    amount = f"{value / 10**6:,.0f}"
    return f"Rp{amount.replace(',', '.')} juta", f"IDR {amount} million"


def money_sentence(spec: AgreementSpec) -> tuple[str, str]:
    if spec.value is None or spec.funding_source == FundingSource.NONE:
        if spec.document_type in (*FRAMEWORKS, "LOI"):
            return (
                "Naskah ini tidak memuat pembiayaan; biaya kegiatan diatur dalam perjanjian pelaksanaannya.",
                "The document itself carries no budget; activities are funded under implementing agreements.",
            )
        return "Kerja sama ini tidak memerlukan biaya dari anggaran daerah.", "It costs the city's budget nothing."
    amount_id, amount_en = rupiah(spec.value)
    sentences = {
        FundingSource.APBD: (
            f"Nilainya {amount_id} dari APBD Kota Malang",
            f"It is worth {amount_en} from the city budget",
        ),
        FundingSource.APBN: (f"Nilainya {amount_id} dari APBN", f"It is worth {amount_en} from the state budget"),
        FundingSource.PARTNER: (
            f"Biayanya sebesar {amount_id} ditanggung mitra",
            f"The partner bears its {amount_en} cost",
        ),
        FundingSource.GRANT: (
            f"Kegiatannya didanai hibah sebesar {amount_id}",
            f"Activities are funded by a grant of {amount_en}",
        ),
        FundingSource.MIXED: (
            f"Nilainya {amount_id}, dibiayai bersama oleh APBD dan mitra",
            f"It is worth {amount_en}, shared between the city budget and the partner",
        ),
    }
    text_id, text_en = sentences[spec.funding_source]
    if spec.burdens_apbd and spec.dprd_approval_number:
        text_id += " dan telah disetujui DPRD Kota Malang"
        text_en += ", approved by the city council (DPRD)"
    return f"{text_id}.", f"{text_en}."


# Names inside subjects that keep their capitals when the subject runs on in a sentence.
PROPER_WORDS = frozenset(
    {
        "Malang",
        "Brantas",
        "Supit",
        "Urang",
        "Indonesia",
        "Gajayana",
        "Jodipan",
        "Kayutangan",
        "Kotabaru",
        "Tridi",
        "Tempo",
        "Doeloe",
        "Merdeka",
        "Heritage",
        "Raya",
    }
)
PROPER_PHRASES = ("Satu Data Indonesia", "One Data Indonesia", "Tri Dharma Perguruan Tinggi")


def in_sentence(subject: str) -> str:
    """'Pengendalian Pencemaran Sungai Brantas' -> 'pengendalian pencemaran Sungai Brantas'.

    Titles capitalise every word; a sentence only names. Acronyms, names of places and
    programmes, and the word before a name ("Kota Malang", "Stadion Gajayana") keep theirs.
    """
    words = subject.split(" ")
    kept = set()
    for phrase in PROPER_PHRASES:
        size = len(phrase.split(" "))
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]).strip("(),") == phrase:
                kept.update(range(i, i + size))
    out = []
    for i, word in enumerate(words):
        core = word.strip("(),;")
        following = words[i + 1].strip("(),;") if i + 1 < len(words) else ""
        if i in kept or core in PROPER_WORDS or following in PROPER_WORDS or not core.istitle():
            out.append(word)
        else:
            out.append(word.lower())
    return " ".join(out)


def summaries(spec: AgreementSpec, planner) -> tuple[str, str]:
    """What the Editor/PPID would write for citizens: who, what, how long, what it costs, who does it."""
    partners = [planner.partners[party.partner] for party in spec.parties]
    foreign = planner.kinds[spec.kind].is_foreign
    names = joined([f"{p.name}, {p.country}" if foreign else p.name for p in partners])
    subject = in_sentence(spec.subject)
    length_id, length_en = term(spec.starts_on, spec.ends_on)
    period_id = f"selama {length_id}, dari {long_date(spec.starts_on)} sampai {long_date(spec.ends_on)}"

    if spec.kind == "Internal":
        labels = [planner._agency_label(code) for code in spec.implementing]
        opening = f"{joined(labels)} bekerja sama dalam {subject} {period_id}."
    elif spec.document_type == "ADD":
        opening = (
            f"Adendum ini mengubah sebagian isi naskah kerja sama Pemerintah Kota Malang dengan {names}, "
            f"yaitu {subject}. Perubahan berlaku mulai {long_date(spec.starts_on)}; ketentuan lain dalam naskah "
            "induk tetap berlaku."
        )
    elif spec.document_type == "LOI":
        opening = (
            f"Pemerintah Kota Malang menyatakan minat untuk bekerja sama dengan {names} dalam {subject}. "
            f"Surat minat ini berlaku {period_id}; kerja sama yang mengikat dituangkan kemudian dalam nota "
            "kesepahaman."
        )
    elif spec.document_type in FRAMEWORKS:
        opening = f"Pemerintah Kota Malang sepakat bekerja sama dengan {names} dalam {subject} {period_id}."
    else:
        opening = f"{planner._agency_label(spec.initiating)} bekerja sama dengan {names} dalam {subject} {period_id}."
    parts = [opening]
    items = [item.rstrip(";") for item in spec.scope_items]
    scope = [in_sentence(item) for item in items if item.lower() != spec.subject.lower()][:3]
    if spec.document_type != "ADD" and scope:
        # "a, b serta c", unless c has its own "serta" ("pelaporan serta monitoring dan evaluasi").
        parts.append(f"Kegiatannya meliputi {joined(scope, word='dan' if ' serta ' in scope[-1] else 'serta')}.")
    money_id, money_en = money_sentence(spec)
    parts.append(money_id)
    agencies = [planner.agencies[code].name for code in spec.implementing]
    mentioned = spec.kind == "Internal" or (spec.document_type == "PKS" and spec.implementing == [spec.initiating])
    if not mentioned:
        helpers = f" bersama {joined(agencies[1:], word='serta')}" if len(agencies) > 1 else ""
        parts.append(f"Pelaksananya {agencies[0]}{helpers}.")
    summary = " ".join(parts)
    if not foreign:
        return summary, ""

    partner = partners[0]
    partner_en = f"the {partner.name_en or partner.name} ({data.COUNTRIES[partner.country][1]})"
    subject_en = in_sentence(planner.themes[spec.theme].subject_en)
    period_en = f"for {length_en}, from {date_en(spec.starts_on)} to {date_en(spec.ends_on)}"
    if spec.document_type == "ADD":
        opening_en = (
            f"This addendum amends part of the City of Malang's agreement with {partner_en} on {subject_en}. "
            f"The change applies from {date_en(spec.starts_on)}; the rest of the original agreement stands."
        )
    elif spec.document_type == "LOI":
        opening_en = (
            f"The City of Malang states its intention to cooperate with {partner_en} on {subject_en}. The letter "
            f"is valid {period_en}; the binding terms follow in a memorandum of understanding."
        )
    else:
        opening_en = f"The City of Malang agrees to cooperate with {partner_en} on {subject_en} {period_en}."
    return summary, f"{opening_en} {money_en}"


def published_at(spec: AgreementSpec, now: datetime.datetime) -> datetime.datetime:
    """A working day shortly after the agreement was signed and entered in the register."""
    rng = random.Random(f"published:{spec.key}")
    entered = max(spec.signed_on, timezone.localtime(spec.history[0].at).date())
    day = entered + datetime.timedelta(days=rng.randint(2, 21))
    day -= datetime.timedelta(days=max(0, day.weekday() - 4))
    moment = datetime.datetime.combine(
        day, datetime.time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=timezone.get_current_timezone()
    )
    return min(moment, now - datetime.timedelta(minutes=5))


# -- writing them ---------------------------------------------------------------------------------


class PublicationSeeder:
    """Publishes the demo's signed agreements; see the module docstring."""

    def __init__(self, builder: "DemoBuilder") -> None:
        self.b = builder
        self.now = timezone.now()
        self.by_service: list[AgreementSpec] = []
        self.content_type = ContentType.objects.get_for_model(Publication)

    def wanted(self, spec: AgreementSpec) -> bool:
        return spec.is_signed and publication_plan(spec.key) != LEAVE

    def queue(self, specs: Iterable[AgreementSpec]) -> list[AgreementSpec]:
        """Keep the showcase for the services; return the rest, for ``bulk``."""
        rest = []
        for spec in specs:
            if not self.wanted(spec):
                continue
            if spec.key < SERVICE_LIMIT:
                self.by_service.append(spec)
            else:
                rest.append(spec)
        return rest

    def bulk(self, specs: list[AgreementSpec], *, pks: dict[int, int], check: bool = False) -> int:
        """Publication rows for agreements created in this batch (``check`` re-reads older ones)."""
        if check and specs:
            eligible = set(
                Agreement.objects.filter(
                    pk__in=[pks[s.key] for s in specs],
                    status__in=AgreementStatus.signed_states(),
                    publication__isnull=True,
                ).values_list("pk", flat=True)
            )
            specs = [s for s in specs if pks[s.key] in eligible]
        rows = []
        for spec in specs:
            summary, summary_en = summaries(spec, self.b.planner)
            live = publication_plan(spec.key) == PUBLISH
            moment = published_at(spec, self.now) if live else None
            rows.append(
                Publication(
                    agreement_id=pks[spec.key],
                    summary=summary,
                    summary_en=summary_en,
                    live=live,
                    has_unpublished_changes=not live,
                    first_published_at=moment,
                    last_published_at=moment,
                )
            )
        Publication.objects.bulk_create(rows, batch_size=1000)
        return len(rows)

    @transaction.atomic
    def run_services(self, pks: dict[int, int]) -> int:
        """The showcase: through the services as the demo editor, then moved back to its planned day.

        One transaction for all of them: a commit per publication made SQLite spend its time syncing.
        """
        editor = self.b.users[EDITOR]
        done = 0
        have = set(
            Publication.objects.filter(agreement_id__in=[pks[s.key] for s in self.by_service]).values_list(
                "agreement_id", flat=True
            )
        )
        for spec in sorted(self.by_service, key=lambda s: published_at(s, self.now)):
            pk = pks[spec.key]
            if pk in have:
                continue
            agreement = Agreement.objects.get(pk=pk)
            if agreement.status not in AgreementStatus.signed_states():
                continue  # the register moved on since the demo was planned
            summary, summary_en = summaries(spec, self.b.planner)
            act = publish_agreement if publication_plan(spec.key) == PUBLISH else prepare_publication
            publication = act(agreement=agreement, by=editor, summary=summary, summary_en=summary_en)
            self._backdate(publication, published_at(spec, self.now))
            done += 1
        return done

    def _backdate(self, publication: Publication, moment: datetime.datetime) -> None:
        """Only timestamps move: the publication, its revisions and its audit entries."""
        mine = {"content_type": self.content_type, "object_id": str(publication.pk)}
        for index, pk in enumerate(Revision.objects.filter(**mine).order_by("pk").values_list("pk", flat=True)):
            Revision.objects.filter(pk=pk).update(created_at=moment + datetime.timedelta(seconds=index))
        for index, pk in enumerate(ModelLogEntry.objects.filter(**mine).order_by("pk").values_list("pk", flat=True)):
            ModelLogEntry.objects.filter(pk=pk).update(timestamp=moment + datetime.timedelta(seconds=index))
        if publication.live:
            Publication.objects.filter(pk=publication.pk).update(first_published_at=moment, last_published_at=moment)

    def ensure_workflow(self) -> tuple[bool, bool]:
        """The optional PPID approval, ready for an administrator to assign (never assigned here)."""
        task, task_created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME, defaults={"active": True})
        task.groups.set([Group.objects.get(name=roles.EDITOR)])
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        return created or task_created, False
