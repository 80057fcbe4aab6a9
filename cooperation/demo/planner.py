"""Turns the demo data into agreement specs: deterministic, database-free and cheap per record.

The planner yields an endless stream of agreements in "families" (a KSB with its PKS and
adendum, a renewal pair, a foreign LoI followed by its MSP, ...). The stream depends only on the
seed and on today's date, never on how many agreements are asked for, so agreement number ``k``
is always the same record: that is what makes ``seed_demo`` idempotent and lets a second run top
up a register instead of duplicating it. Children only ever point back to earlier keys.
"""

import datetime
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from cooperation.models import AgreementStatus, FundingSource, Level, PartnerCategory, PartyRole
from cooperation.models.agreements import add_years

from . import data

SEED = 35_73_2024  # Kota Malang's region code and a year: any fixed number would do
DEMO_MARKER = "Data demo (seed_demo) #"

S = AgreementStatus
PIPELINE = (
    S.DRAFT,
    S.SUBMITTED,
    S.VERIFIED,
    S.NEEDS_REVISION,
    S.REJECTED,
    S.DELIBERATION,
    S.AWAITING_DPRD,
    S.APPROVED,
)
PIPELINE_WEIGHTS = (5, 4, 3, 3, 2, 4, 2, 3)
SIGNED_STATES = frozenset(S.signed_states())
STEP_NOTES = {
    S.SUBMITTED: "Usulan diajukan OPD pemrakarsa beserta KAK dan kajian manfaat.",
    S.VERIFIED: "Berkas lengkap; diteruskan untuk telaah hukum.",
    S.DELIBERATION: "Dibahas dalam rapat Tim Koordinasi Kerja Sama Daerah (TKKSD).",
    S.AWAITING_DPRD: "Membebani APBD; diajukan kepada DPRD untuk memperoleh persetujuan.",
    S.APPROVED: "Disetujui atas rekomendasi TKKSD.",
    S.IN_FORCE: "Naskah mulai berlaku.",
    S.EXPIRED: "Jangka waktu kerja sama telah berakhir.",
    S.EXTENDED: "Diperpanjang dengan naskah baru.",
    S.TERMINATED: "Diakhiri atas kesepakatan para pihak sebelum jangka waktu berakhir.",
}
PARTY_ROLES = tuple(PartyRole.values)
ORDINALS = ("Pertama", "Kedua", "Ketiga", "Keempat")
ORDINALS_EN = ("First", "Second", "Third", "Fourth")
DOCUMENT_NAMES = {
    "KSB": "Kesepakatan Bersama",
    "PKS": "Perjanjian Kerja Sama",
    "MSP": "Memorandum Saling Pengertian",
    "LOI": "Letter of Intent",
    "ADD": "Adendum",
}
DOCUMENT_NAMES_EN = {"MSP": "Memorandum of Understanding", "LOI": "Letter of Intent", "ADD": "Addendum"}
# Demo users who act for an agency; everyone else's paperwork is entered by the secretariat.
AGENCY_USERS = {u.agency: u.username for u in data.USERS if u.agency}


def month_roman(month: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[month - 1]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass
class PartySpec:
    partner: str  # PartnerSeed.key
    role: str
    number: str = ""
    signatory_name: str = ""
    signatory_position: str = ""


@dataclass
class StepSpec:
    from_status: str
    to_status: str
    at: datetime.datetime
    by: str  # username
    note: str


@dataclass
class AgreementSpec:
    """Everything the builder needs to write one agreement and its rows, and the PDFs to render."""

    key: int
    document_type: str
    kind: str
    theme: str
    title: str
    subject: str
    status: str
    initiating: str
    implementing: list[str]
    sectors: list[str]
    parties: list[PartySpec]
    title_en: str = ""
    parent: int | None = None
    replaces: int | None = None
    aims: str = ""
    scope_items: list[str] = field(default_factory=list)
    level: str = Level.LOCAL
    signed_on: datetime.date | None = None
    signed_at: str = ""
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    closed_on: datetime.date | None = None  # when it expired, was extended or terminated
    value: Decimal | None = None
    funding_source: str = FundingSource.NONE
    burdens_apbd: bool = False
    dprd_approval_number: str = ""
    dprd_approval_date: datetime.date | None = None
    region_number: str = ""
    region_party_role: str = PartyRole.FIRST
    signatory_name: str = ""
    signatory_nip: str = ""
    signatory_position: str = ""
    power_of_attorney_number: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    internal_notes: str = ""
    history: list[StepSpec] = field(default_factory=list)
    amendments: int = 0  # how many adendum already point at this one (for "Kedua", "Ketiga")

    @property
    def scope(self) -> str:
        letters = "abcdefghij"
        return "\n".join(f"{letters[i]}. {item};" for i, item in enumerate(self.scope_items))

    @property
    def is_signed(self) -> bool:
        return self.status in SIGNED_STATES


@dataclass(frozen=True)
class Directive:
    """One family to plan; the showcase fixes these so the first records cover every case."""

    family: str
    kind: str
    status: str
    theme: str | None = None
    partners: tuple[str, ...] = ()
    children: int | None = None
    amend: bool = False
    # True: ends at a random day within the warning window; a number: ends that many days from today,
    # so the demo always has agreements ending within 1, 3 and 6 months ("Akan Berakhir").
    expiring: bool | int = False
    burdens: bool = False
    initiating: str | None = None  # the theme's first agency unless given
    years: int | None = None  # the term; drawn at random unless given


# The first families: every kind, document type and status, chains, renewals, DPRD, expiring.
SHOWCASE: list[Directive] = [
    Directive("framework", "KSDPK", S.IN_FORCE, "tridharma", ("UB",), children=3, amend=True),
    Directive("framework", "KSDD", S.IN_FORCE, "sampah", ("KAB-MALANG", "KOTA-BATU"), children=2, expiring=20),
    Directive("framework", "K/L", S.IN_FORCE, "adminduk", ("DUKCAPIL",), children=2),
    Directive("foreign", "KSDPL", S.IN_FORCE, "sister-city", ("HILDESHEIM",), amend=True),
    Directive("foreign", "KSDLL", S.SIGNED, "sampah", ("JICA",)),
    Directive("internal", "Internal", S.IN_FORCE),
    Directive("renewal", "KSDPK", S.IN_FORCE, "etpd", ("BANKJATIM",)),
    Directive("single", "KSDPK", S.DRAFT, "smart-city", ("NCT",)),
    Directive("single", "K/L", S.SUBMITTED, "jkn", ("BPJS-KES",)),
    Directive("single", "KSDD", S.VERIFIED, "angkutan", ("KOTA-BATU",)),
    Directive("single", "KSDPK", S.NEEDS_REVISION, "umkm", ("BRI",)),
    Directive("single", "KSDPK", S.REJECTED, "olahraga", ("TUGU-MEDIA",)),
    Directive("single", "KSDD", S.DELIBERATION, "air-minum", ("KAB-MALANG",)),
    Directive("single", "KSDPK", S.AWAITING_DPRD, "perumahan", ("ARJUNO",), burdens=True),
    Directive("single", "K/L", S.APPROVED, "datun", ("KEJARI",)),
    Directive("framework", "KSDD", S.EXPIRED, "pariwisata", ("KOTA-BLITAR",), children=1),
    Directive("framework", "KSDPK", S.TERMINATED, "parkir", ("SEMERU-LOG",), children=1),
    Directive("single", "KSDPK", S.IN_FORCE, "pendidikan-klinik", ("UM",), expiring=75, initiating="DINKES", years=3),
    Directive("single", "K/L", S.IN_FORCE, "persandian", ("BSSN",), expiring=160),
    Directive("renewal", "K/L", S.DELIBERATION, "statistik", ("BPS",)),
    Directive("foreign", "KSDPL", S.DRAFT, "pariwisata", ("PENANG",)),
    Directive("single", "KSDD", S.IN_FORCE, "banjir", ("KAB-MALANG",), burdens=True),
    Directive("framework", "KSDPK", S.IN_FORCE, "smart-city", ("TELKOM",), children=2, expiring=True),
    Directive("internal", "Internal", S.DRAFT),
    Directive("foreign", "KSDLL", S.IN_FORCE, "brantas", ("GIZ",)),
]


@dataclass
class Timeline:
    signed_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date
    closed_on: datetime.date | None = None
    status: str | None = None  # set when the dates force another status (signed, not yet started)


class Planner:
    """An endless, reproducible stream of AgreementSpec; see the module docstring."""

    def __init__(self, *, today: datetime.date, now: datetime.datetime, timezone: str, seed: int = SEED):
        self.today = today
        self.now = now
        self.tz = ZoneInfo(timezone)
        self.rng = random.Random(seed)
        # Agreements signed before the system went live come in as paper archive records.
        self.go_live = today - datetime.timedelta(days=3 * 365)
        self.next_key = 0
        self.region_seq: Counter = Counter()
        self.partner_seq: Counter = Counter()
        self.poa_seq: Counter = Counter()
        self.dprd_seq: Counter = Counter()
        self.kinds = {k.code: k for k in data.COOPERATION_KINDS}
        self.doc_types = {t.code: t for t in data.DOCUMENT_TYPES}
        self.agencies = {a.code: a for a in data.AGENCIES}
        self.partners = {p.key: p for p in data.PARTNERS}
        self.themes = {t.code: t for t in data.THEMES}
        self.heads = {code: self._official(f"head:{code}", a.head_position) for code, a in self.agencies.items()}
        self.partner_signatories = {key: self._person(f"partner:{key}") for key in self.partners}
        self.candidates = self._theme_candidates()
        self.contacts: dict[str, tuple[str, str, str]] = {}
        self.kind_codes = [k.code for k in data.COOPERATION_KINDS]
        self.kind_weights = [k.weight for k in data.COOPERATION_KINDS]

    # -- people ----------------------------------------------------------------------------------

    @staticmethod
    def _person(seed: str) -> str:
        rng = random.Random(seed)
        pool = data.NAMES
        female = rng.random() >= 0.6
        first = rng.choice(pool.female if female else pool.male)
        prefix = rng.choice(pool.prefixes)
        if female and prefix == "H. ":
            prefix = "Hj. "
        return f"{prefix}{first} {rng.choice(pool.family)}{rng.choice(pool.suffixes)}"

    def _official(self, seed: str, position: str) -> data.Official:
        rng = random.Random(seed)
        born = datetime.date(rng.randint(1968, 1984), rng.randint(1, 12), rng.randint(1, 28))
        hired_year = born.year + rng.randint(23, 30)
        nip = f"{born:%Y%m%d}{hired_year}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 9):03d}"
        return data.Official(self._person(seed), position, nip)

    def contact_for(self, agency: str) -> tuple[str, str, str]:
        """The agency's (fictional) contact person for cooperation matters."""
        if agency not in self.contacts:
            rng = random.Random(f"contact:{agency}")
            phone = f"0812-{rng.randint(3000, 3999)}-{rng.randint(1000, 9999)}"
            email = f"kerjasama.{agency.lower().replace('-', '')}@example.org"
            self.contacts[agency] = (self._person(f"contact:{agency}"), phone, email)
        return self.contacts[agency]

    # -- the stream --------------------------------------------------------------------------------

    def __iter__(self) -> Iterator[AgreementSpec]:
        family = 0
        while True:
            directive = SHOWCASE[family] if family < len(SHOWCASE) else self._random_directive()
            yield from self._plan_family(directive)
            family += 1

    def _random_directive(self) -> Directive:
        rng = self.rng
        kind = rng.choices(self.kind_codes, self.kind_weights)[0]
        if kind == "Internal":
            return Directive("internal", kind, self._status(pipeline_share=0.35))
        if self.kinds[kind].is_foreign:
            if rng.random() < 0.7:
                return Directive("foreign", kind, self._status(pipeline_share=0.25))
            return Directive("single-foreign", kind, rng.choices(PIPELINE, PIPELINE_WEIGHTS)[0])
        family = rng.choices(("framework", "single", "renewal"), (45, 43, 12))[0]
        if family == "renewal":
            return Directive("renewal", kind, S.IN_FORCE if rng.random() < 0.8 else S.DELIBERATION)
        share = 0.25 if family == "framework" else 0.4
        return Directive(family, kind, self._status(pipeline_share=share), expiring=rng.random() < 0.12)

    def _status(self, *, pipeline_share: float) -> str:
        rng = self.rng
        if rng.random() < pipeline_share:
            return rng.choices(PIPELINE, PIPELINE_WEIGHTS)[0]
        return rng.choices((S.IN_FORCE, S.EXPIRED, S.SIGNED, S.TERMINATED), (62, 22, 9, 7))[0]

    def _plan_family(self, d: Directive) -> Iterator[AgreementSpec]:
        if d.family == "internal":
            yield self._internal(d.status)
            return
        theme, partners = self._pick(d.kind, d.theme, d.partners)
        if d.family == "framework":
            yield from self._framework(d, theme, partners)
        elif d.family == "single":
            doc = "KSB" if self.rng.random() < 0.35 else "PKS"
            spec = self._agreement(
                doc,
                d.kind,
                d.status,
                theme,
                partners,
                expiring=d.expiring,
                burdens=d.burdens,
                initiating=d.initiating,
                years=d.years,
            )
            yield spec
            yield from self._maybe_amend(spec, theme, force=d.amend)
        elif d.family == "renewal":
            yield from self._renewal(d, theme, partners)
        elif d.family == "foreign":
            yield from self._foreign(d, theme, partners)
        elif d.family == "single-foreign":
            yield self._agreement(self.rng.choice(("LOI", "MSP")), d.kind, d.status, theme, partners)

    def _theme_candidates(self) -> dict[str, list[tuple[data.Theme, list[str]]]]:
        """For each kind, the themes that have at least one fitting partner, with those partners."""
        out: dict[str, list[tuple[data.Theme, list[str]]]] = {}
        for kind, categories in data.KIND_PARTNER_CATEGORIES.items():
            out[kind] = []
            for theme in data.THEMES:
                keys = [
                    p.key
                    for p in data.PARTNERS
                    if p.category in categories and (p.category in theme.categories or p.key in theme.partners)
                ]
                if keys:
                    out[kind].append((theme, keys))
        return out

    def _pick(self, kind: str, theme_code: str | None, partners: tuple[str, ...]) -> tuple[data.Theme, list[str]]:
        if theme_code:
            return self.themes[theme_code], list(partners)
        theme, keys = self.rng.choice(self.candidates[kind])
        chosen = [self.rng.choice(keys)]
        # Greater Malang (Malang Raya) agreements often bind three regions at once.
        if kind == "KSDD" and len(keys) > 1 and self.rng.random() < 0.2:
            chosen.append(self.rng.choice([k for k in keys if k != chosen[0]]))
        return theme, chosen

    # -- families ----------------------------------------------------------------------------------

    def _framework(self, d: Directive, theme: data.Theme, partners: list[str]) -> Iterator[AgreementSpec]:
        rng = self.rng
        ksb = self._agreement("KSB", d.kind, d.status, theme, partners, expiring=d.expiring, burdens=d.burdens)
        yield ksb
        if not ksb.is_signed:
            return
        count = d.children if d.children is not None else rng.choices((0, 1, 2, 3), (20, 40, 28, 12))[0]
        for index in range(count):
            child = self._child(ksb, theme, index)
            yield child
            yield from self._maybe_amend(child, theme, force=d.amend and index == 0)
        yield from self._maybe_amend(ksb, theme)

    def _child(self, parent: AgreementSpec, theme: data.Theme, index: int) -> AgreementSpec:
        """A PKS under a signed KSB: same partner, a concrete subject, dates inside the KSB's."""
        rng = self.rng
        subjects = theme.implementing or (f"Pelaksanaan {theme.subject}",)
        subject = subjects[index % len(subjects)] if index < len(subjects) else rng.choice(subjects)
        window = (parent.starts_on, parent.closed_on or parent.ends_on)
        if parent.status == S.SIGNED:
            status = rng.choice((S.DRAFT, S.SUBMITTED, S.VERIFIED))
        elif parent.status in (S.EXPIRED, S.EXTENDED, S.TERMINATED):
            status = S.EXPIRED if rng.random() < 0.85 else S.TERMINATED
        else:
            status = self._status(pipeline_share=0.28)
        agencies = list(theme.agencies)
        initiating = agencies[index % len(agencies)]
        return self._agreement(
            "PKS",
            parent.kind,
            status,
            theme,
            [parent.parties[0].partner],
            parent=parent,
            subject=subject,
            window=window,
            initiating=initiating,
        )

    def _maybe_amend(self, parent: AgreementSpec, theme: data.Theme, *, force: bool = False) -> Iterator[AgreementSpec]:
        if parent.status != S.IN_FORCE or not (force or self.rng.random() < 0.12):
            return
        if (parent.ends_on - self.today).days < 120 or (self.today - parent.starts_on).days < 90:
            return
        status = S.IN_FORCE if self.rng.random() < 0.55 else self.rng.choice((S.SIGNED, S.DRAFT, S.DELIBERATION))
        yield self._agreement(
            "ADD",
            parent.kind,
            status,
            theme,
            [p.partner for p in parent.parties],
            parent=parent,
            subject=self.rng.choice(data.AMENDMENT_SUBJECTS),
        )

    def _renewal(self, d: Directive, theme: data.Theme, partners: list[str]) -> Iterator[AgreementSpec]:
        """An agreement that ran its term and the one that replaces it."""
        doc = "KSB" if self.rng.random() < 0.5 else "PKS"
        old_status = S.EXTENDED if d.status in SIGNED_STATES else S.EXPIRED
        old = self._agreement(doc, d.kind, old_status, theme, partners)
        yield old
        yield self._agreement(doc, d.kind, d.status, theme, partners, replaces=old)

    def _foreign(self, d: Directive, theme: data.Theme, partners: list[str]) -> Iterator[AgreementSpec]:
        """LoI first; once it is signed, the MSP (MoU) and sometimes its adendum."""
        if d.status in PIPELINE:
            yield self._agreement("LOI", d.kind, d.status, theme, partners)
            return
        loi_status = S.EXPIRED if self.rng.random() < 0.6 else S.IN_FORCE
        loi = self._agreement("LOI", d.kind, loi_status, theme, partners, years=1)
        yield loi
        # The MSP follows the LoI by some months, but stays in the past when it is meant to be in force.
        follows = min(loi.signed_on + self._days(90, 300), self.today - self._days(20, 60))
        follows = max(follows, loi.signed_on + datetime.timedelta(days=30))
        msp = self._agreement("MSP", d.kind, d.status, theme, partners, after=follows)
        yield msp
        yield from self._maybe_amend(msp, theme, force=d.amend)

    def _internal(self, status: str) -> AgreementSpec:
        seed = self.rng.choice(data.INTERNAL_AGREEMENTS)
        first, second = self.agencies[seed.first], self.agencies[seed.second]
        title = (
            f"Perjanjian Kerja Sama antara {self._agency_label(first.code)} dan "
            f"{self._agency_label(second.code)} tentang {seed.subject}"
        )
        spec = self._base(
            "PKS",
            "Internal",
            status,
            "internal",
            title,
            seed.subject,
            seed.first,
            [seed.first, seed.second],
            list(seed.sectors),
            [],
        )
        spec.scope_items = [
            lower_first(seed.subject),
            "pembagian tugas dan tanggung jawab para pihak",
            "penyediaan data, sarana dan prasarana pendukung",
            "pelaporan serta monitoring dan evaluasi",
        ]
        self._finish(spec, years=self.rng.choice((1, 1, 2, 3)), expiring=False, window=None, after=None)
        return spec

    # -- one agreement -----------------------------------------------------------------------------

    def _agreement(
        self,
        doc: str,
        kind: str,
        status: str,
        theme: data.Theme,
        partners: list[str],
        *,
        parent: AgreementSpec | None = None,
        replaces: AgreementSpec | None = None,
        subject: str | None = None,
        window: tuple[datetime.date, datetime.date] | None = None,
        initiating: str | None = None,
        expiring: bool | int = False,
        burdens: bool = False,
        years: int | None = None,
        after: datetime.date | None = None,
    ) -> AgreementSpec:
        rng = self.rng
        initiating = initiating or theme.agencies[0]
        implementing = [initiating]
        if len(theme.agencies) > 1 and rng.random() < 0.5:
            implementing.append(rng.choice([a for a in theme.agencies if a != initiating]))
        if rng.random() < 0.1:
            implementing.append(
                rng.choice(("KEC-KLOJEN", "KEC-BLIMBING", "KEC-KEDUNGKANDANG", "KEC-LOWOKWARU", "KEC-SUKUN"))
            )
        sectors = list(theme.sectors[: rng.choice((1, 2, 2, 3))])
        subject = subject or (
            theme.subject if doc != "PKS" or not theme.implementing else rng.choice(theme.implementing)
        )
        if doc == "ADD" and parent is not None:
            subject = subject or parent.subject
            parent.amendments += 1
            ordinal = ORDINALS[min(parent.amendments, len(ORDINALS)) - 1]
            title = f"Adendum {ordinal} atas {parent.title}"
            title_en = (
                f"{ORDINALS_EN[min(parent.amendments, len(ORDINALS_EN)) - 1]} Addendum to the {parent.title_en}"
                if parent.title_en
                else ""
            )
        else:
            title, title_en = self._titles(doc, kind, subject, theme, partners, initiating)
        region_first = not title.startswith(f"{DOCUMENT_NAMES[doc]} antara {self.partners[partners[0]].name}")
        spec = self._base(
            doc,
            kind,
            status,
            theme.code,
            title,
            subject,
            initiating,
            implementing,
            sectors,
            partners,
            region_role=PartyRole.FIRST if region_first else PartyRole.SECOND,
        )
        spec.title_en = title_en
        spec.parent = parent.key if parent else None
        spec.replaces = replaces.key if replaces else None
        spec.scope_items = self._scope(doc, theme, subject)
        if doc == "ADD" and parent is not None:
            spec.region_party_role = parent.region_party_role
            for mine, theirs in zip(spec.parties, parent.parties, strict=False):
                mine.role = theirs.role
        if replaces is not None:
            after = replaces.ends_on + datetime.timedelta(days=1)
        if burdens:
            spec.burdens_apbd = True
        self._finish(spec, years=years, expiring=expiring, window=window, after=after, parent=parent)
        return spec

    def _base(
        self,
        doc: str,
        kind: str,
        status: str,
        theme: str,
        title: str,
        subject: str,
        initiating: str,
        implementing: list[str],
        sectors: list[str],
        partners: list[str],
        region_role: str = PartyRole.FIRST,
    ) -> AgreementSpec:
        key = self.next_key
        self.next_key += 1
        contact = self.contact_for(initiating)
        categories = {self.partners[p].category for p in partners}
        roles = [r for r in PARTY_ROLES if r != region_role]
        parties = [
            PartySpec(
                partner=p,
                role=roles[i],
                signatory_name=self.partner_signatories[p],
                signatory_position=self.partners[p].signatory_position,
            )
            for i, p in enumerate(partners)
        ]
        if kind in ("KSDPL", "KSDLL"):
            level = Level.INTERNATIONAL
        elif kind == "K/L" or categories & {PartnerCategory.STATE_ENTERPRISE}:
            level = Level.NATIONAL
        else:
            level = Level.LOCAL
        name = DOCUMENT_NAMES[doc]
        if doc == "ADD":
            aims = (
                f"Adendum ini dimaksudkan untuk mengubah sebagian ketentuan naskah induk mengenai "
                f"{lower_first(subject)}, dengan tujuan agar pelaksanaan kerja sama tetap efektif dan tepat sasaran."
            )
        else:
            aims = (
                f"{name} ini dimaksudkan sebagai pedoman bagi para pihak dalam {lower_first(subject)}. "
                "Tujuannya adalah meningkatkan efektivitas dan efisiensi penyelenggaraan urusan pemerintahan "
                "serta kualitas pelayanan publik bagi masyarakat Kota Malang."
            )
        return AgreementSpec(
            key=key,
            aims=aims,
            document_type=doc,
            kind=kind,
            theme=theme,
            title=title[:500],
            subject=subject,
            status=status,
            initiating=initiating,
            implementing=implementing,
            sectors=sectors,
            parties=parties,
            level=level,
            region_party_role=region_role,
            contact_name=contact[0],
            contact_phone=contact[1],
            contact_email=contact[2],
            internal_notes=f"{DEMO_MARKER}{key:06d}.",
        )

    def _agency_label(self, code: str) -> str:
        """How an agency is named as a party: Secretariat units sign as the city itself."""
        if code in data.SECRETARIAT_UNITS:
            return data.REGION_NAME
        name = self.agencies[code].name
        return name if "Kota Malang" in name else f"{name} Kota Malang"

    def _titles(
        self, doc: str, kind: str, subject: str, theme: data.Theme, partners: list[str], initiating: str
    ) -> tuple[str, str]:
        region = data.REGION_NAME if doc != "PKS" else self._agency_label(initiating)
        names = [self.partners[p].name for p in partners]
        foreign = self.kinds[kind].is_foreign
        if foreign:
            partner = self.partners[partners[0]]
            country, country_en = data.COUNTRIES[partner.country]
            names = [f"{partner.name}, {country}"]
            region = f"{region}, Republik Indonesia"
        everyone = [region, *names]
        # Ministries usually put themselves first: the city is then Pihak Kedua.
        if self.partners[partners[0]].category == PartnerCategory.MINISTRY and self.rng.random() < 0.6:
            everyone = [*names, region]
        joined = everyone[0] if len(everyone) == 1 else ", ".join(everyone[:-1]) + " dan " + everyone[-1]
        title = f"{DOCUMENT_NAMES[doc]} antara {joined} tentang {subject}"
        if not foreign:
            return title, ""
        subject_en = theme.subject_en
        partner_en = partner.name_en or partner.name
        title_en = (
            f"{DOCUMENT_NAMES_EN.get(doc, 'Agreement')} between the {data.REGION_NAME_EN}, Republic of Indonesia "
            f"and the {partner_en}, {country_en} on {subject_en}"
        )
        return title, title_en

    def _scope(self, doc: str, theme: data.Theme, subject: str) -> list[str]:
        if doc in ("KSB", "MSP", "LOI") and theme.scope:
            return list(theme.scope)
        if doc in ("KSB", "MSP", "LOI"):
            return [
                f"perencanaan dan pelaksanaan program {lower_first(theme.subject)}",
                "pertukaran data dan informasi",
                "peningkatan kapasitas sumber daya manusia",
                "monitoring dan evaluasi pelaksanaan kerja sama",
            ]
        if doc == "ADD":
            return [lower_first(subject), "ketentuan lain dalam naskah induk tetap berlaku"]
        return [
            lower_first(subject),
            "penyediaan sumber daya manusia, sarana dan prasarana",
            "pembiayaan sesuai kesepakatan para pihak",
            "pelaporan serta monitoring dan evaluasi",
        ]

    def _finish(
        self,
        spec: AgreementSpec,
        *,
        years: int | None,
        expiring: bool | int,
        window: tuple[datetime.date, datetime.date] | None,
        after: datetime.date | None,
        parent: AgreementSpec | None = None,
    ) -> None:
        """Dates, money, numbers, signatory and history, all consistent with the status."""
        rng = self.rng
        limit = min(
            filter(None, (self.kinds[spec.kind].max_term_years, self.doc_types[spec.document_type].max_term_years))
        )
        years = years or rng.choice([y for y in (1, 2, 3, 3, 5, 5) if y <= limit] or [limit])
        self._money(spec)
        timeline = None
        if spec.is_signed:
            if spec.document_type == "ADD" and parent is not None:
                timeline = self._amendment_timeline(spec.status, parent)
            else:
                timeline = self._timeline(
                    spec.status, years, limit=limit, expiring=expiring, window=window, after=after
                )
            if timeline is None:  # the window left no room for that status: still being negotiated
                spec.status = rng.choice((S.DRAFT, S.SUBMITTED, S.DELIBERATION))
        if timeline is not None:
            # Officials sign on working days: a Saturday or Sunday date moves back to the Friday.
            signed = timeline.signed_on - datetime.timedelta(days=max(0, timeline.signed_on.weekday() - 4))
            spec.signed_on, spec.starts_on, spec.ends_on = signed, timeline.starts_on, timeline.ends_on
            spec.closed_on = timeline.closed_on
            spec.status = timeline.status or spec.status
            spec.signed_at = rng.choice(data.SIGNING_PLACES)
        elif spec.status in (S.DELIBERATION, S.AWAITING_DPRD, S.APPROVED) or rng.random() < 0.4:
            start = self.today + self._days(30, 150)  # the planned term
            end = add_years(start, years) - datetime.timedelta(days=1)
            if window and window[1] and window[1] > start:
                end = min(end, window[1])  # a PKS never runs past its KSB
            spec.starts_on, spec.ends_on = start, end
        if spec.status == S.AWAITING_DPRD:
            spec.burdens_apbd = True
        if spec.burdens_apbd and (spec.value or 0) < 2_500_000_000:
            spec.funding_source = FundingSource.APBD
            spec.value = Decimal(rng.choice((3, 4, 6, 8, 12))) * 10**9
        self._signatory(spec)
        spec.history = self._history(spec)
        approval = next(
            (s for s in spec.history if s.from_status == S.AWAITING_DPRD and s.to_status == S.APPROVED), None
        )
        if self._needs_dprd(spec) and (approval or spec.signed_on):
            # Paper-era records have no review steps: the approval came shortly before signing.
            day = approval.at.date() if approval else spec.signed_on - self._days(10, 60)
            self.dprd_seq[day.year] += 1
            spec.dprd_approval_number = f"188.4/{self.dprd_seq[day.year]}/35.73.201/{day.year}"
            spec.dprd_approval_date = day
        if spec.is_signed:
            self._number(spec)
        if spec.status == S.DELIBERATION:
            spec.internal_notes += " Menunggu jadwal rapat TKKSD."
        elif spec.status == S.NEEDS_REVISION:
            spec.internal_notes += " Sudah dikonfirmasi ke OPD pemrakarsa melalui telepon."

    @staticmethod
    def _needs_dprd(spec: AgreementSpec) -> bool:
        """Burdening the APBD needs the DPRD; so does any MoU with a foreign city (Permendagri 25/2020)."""
        return spec.burdens_apbd or (spec.kind == "KSDPL" and spec.document_type == "MSP")

    # -- money, numbers, signatories ---------------------------------------------------------------

    def _money(self, spec: AgreementSpec) -> None:
        rng = self.rng
        categories = {self.partners[p].category for p in (party.partner for party in spec.parties)}
        if spec.document_type in ("KSB", "MSP", "LOI"):
            if spec.kind == "KSDLL" and spec.document_type == "MSP" and rng.random() < 0.6:
                spec.funding_source = FundingSource.GRANT
                spec.value = Decimal(rng.choice((750, 1500, 2500, 5000))) * 10**6
            return
        millions = rng.choice((25, 50, 75, 100, 150, 250, 350, 500, 750, 1000, 1500, 2500, 4000, 7500))
        if spec.kind == "KSDD":
            source = rng.choice((FundingSource.APBD, FundingSource.MIXED))
        elif spec.kind == "K/L":
            source = rng.choice((FundingSource.APBN, FundingSource.MIXED, FundingSource.APBD, FundingSource.NONE))
        elif spec.kind in ("KSDPL", "KSDLL"):
            source = FundingSource.GRANT
        elif spec.kind == "Internal":
            source = FundingSource.APBD
        elif categories & data.BUSINESS:
            source = rng.choice((FundingSource.PARTNER, FundingSource.PARTNER, FundingSource.NONE, FundingSource.APBD))
        else:
            source = rng.choice((FundingSource.MIXED, FundingSource.APBD, FundingSource.NONE))
        if spec.theme == "jkn":
            source, millions = FundingSource.APBD, rng.choice((18_000, 24_500, 31_000, 47_250))
        spec.funding_source = source
        spec.value = None if source == FundingSource.NONE else Decimal(millions) * 10**6
        if source in (FundingSource.APBD, FundingSource.MIXED) and millions >= 2500 and rng.random() < 0.7:
            spec.burdens_apbd = True

    def _signatory(self, spec: AgreementSpec) -> None:
        rng = self.rng
        by_head = spec.document_type == "PKS" or (
            spec.document_type == "ADD" and spec.kind != "KSDPL" and rng.random() < 0.5
        )
        if spec.kind == "Internal":
            official, needs_poa = self.heads[spec.initiating], False
        elif by_head and spec.initiating not in data.SECRETARIAT_UNITS:
            official, needs_poa = self.heads[spec.initiating], True
        elif by_head or rng.random() < 0.15:
            official, needs_poa = data.REGIONAL_SECRETARY, True
        else:
            official, needs_poa = data.MAYOR, False
        spec.signatory_name, spec.signatory_position, spec.signatory_nip = (
            official.name,
            official.position,
            official.nip,
        )
        if needs_poa and spec.signed_on:
            year = spec.signed_on.year
            self.poa_seq[year] += 1
            spec.power_of_attorney_number = f"183/{self.poa_seq[year]}/35.73.403/{year}"

    def _number(self, spec: AgreementSpec) -> None:
        """The city's number and each partner's own number, unique per year as the register demands."""
        day = spec.signed_on
        self.region_seq[day.year] += 1
        by_head = spec.power_of_attorney_number and spec.signatory_name != data.REGIONAL_SECRETARY.name
        unit = self.agencies[spec.initiating].unit if (by_head or spec.kind == "Internal") else "402"
        spec.region_number = f"180/{self.region_seq[day.year]}/{data.REGION_CODE}.{unit}/{day.year}"
        for party in spec.parties:
            self.partner_seq[party.partner, day.year] += 1
            party.number = self.partners[party.partner].number.format(
                n=self.partner_seq[party.partner, day.year], y=day.year, rm=month_roman(day.month)
            )

    # -- dates -----------------------------------------------------------------------------------

    def _randint(self, low: int, high: int) -> int:
        """random.randint without its argument checks: the planner calls it a million times."""
        return low + int(self.rng.random() * (high - low + 1))

    def _days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self._randint(low, max(low, high)))

    def _timeline(
        self,
        status: str,
        years: int,
        *,
        limit: int,
        expiring: bool | int,
        window: tuple[datetime.date, datetime.date | None] | None,
        after: datetime.date | None,
    ) -> Timeline | None:
        """Signed, start and end dates that make the status true today; None if the window forbids it.

        ``window`` keeps a PKS inside its KSB's term; ``after`` is the earliest start (a renewal
        starts the day after the old term, an MSP some months after its LoI).
        """
        today, days, one = self.today, self._days, datetime.timedelta(days=1)
        lo, hi = window or (None, None)
        if after is not None and status in (S.IN_FORCE, S.SIGNED):
            start = after
            if status == S.SIGNED:
                start = max(after, today + days(1, 40))
            elif start > today:
                status = S.SIGNED
            end = add_years(start, years) - one
            while end <= today + datetime.timedelta(days=30) and years < limit:
                years += 1
                end = add_years(start, years) - one
            if end <= today:
                return None
            signed = min(start - days(0, 30), today - one)
            return Timeline(signed, start, end, status=status)
        if after is not None:
            lo = max(lo, after) if lo else after
        if status == S.SIGNED:
            start = today + days(1, 45)
            if lo and start < lo:
                return None
            end = add_years(start, years) - one
            if hi:
                end = min(end, hi)
            if (end - start).days < 90:
                return None
            return Timeline(today - days(2, 40), start, end)
        if status == S.IN_FORCE:
            if expiring:
                end = today + days(5, 175)  # drawn either way: the stream after it stays the same
                if expiring is not True:
                    end = today + datetime.timedelta(days=expiring)
                start = add_years(end + one, -years)
            else:
                start = today - days(20, years * 365 - 200)
                end = add_years(start, years) - one
            if lo and start < lo:
                start = lo + days(15, 120)
            if hi:
                end = min(end, hi)
            if start > today - days(10, 20) or end < today:
                return None
        elif status in (S.EXPIRED, S.EXTENDED):
            if lo:
                start = lo + days(15, 200)
                end = min(add_years(start, years) - one, hi or today, today - one)
            else:
                end = today - days(1, 700 if status == S.EXTENDED else 1500)
                start = add_years(end + one, -years)
            if (end - start).days < 60:
                return None
        elif status == S.TERMINATED:
            start = (lo + days(15, 200)) if lo else today - days(200, 1500)
            end = add_years(start, years) - one
            if hi:
                end = min(end, hi)
            latest = min(end, today) - one
            if (latest - start).days < 100:
                return None
            signed = start - days(0, 21)
            return Timeline(signed, start, end, start + days(90, (latest - start).days))
        else:
            return None
        signed = start if self.rng.random() < 0.5 else start - days(1, 21)
        closed = end + one if status == S.EXPIRED else (end - days(0, 45) if status == S.EXTENDED else None)
        return Timeline(signed, start, end, closed)

    def _amendment_timeline(self, status: str, parent: AgreementSpec) -> Timeline | None:
        one = datetime.timedelta(days=1)
        if status == S.SIGNED:
            start = self.today + self._days(1, 30)
            signed = self.today - self._days(2, 20)
        else:
            earliest = parent.starts_on + datetime.timedelta(days=60)
            span = (self.today - earliest).days - 10
            if span < 1:
                return None
            start = earliest + self._days(0, span)
            signed = start - self._days(0, 7)
        if start >= parent.ends_on - one:
            return None
        return Timeline(signed, start, parent.ends_on)

    # -- status history ------------------------------------------------------------------------

    def _path(self, spec: AgreementSpec) -> list[str]:
        """The statuses the agreement went through, in order, ending at its current status."""
        rng = self.rng
        review = [S.DRAFT, S.SUBMITTED]
        if rng.random() < 0.2:
            review += [S.NEEDS_REVISION, S.SUBMITTED]
        review += [S.VERIFIED, S.DELIBERATION]
        review += [S.AWAITING_DPRD, S.APPROVED] if self._needs_dprd(spec) else [S.APPROVED]
        if spec.status in PIPELINE:
            if spec.status == S.NEEDS_REVISION:
                return (
                    [S.DRAFT, S.SUBMITTED, S.NEEDS_REVISION]
                    if rng.random() < 0.6
                    else [S.DRAFT, S.SUBMITTED, S.VERIFIED, S.NEEDS_REVISION]
                )
            if spec.status == S.REJECTED:
                stop = rng.choice((S.SUBMITTED, S.VERIFIED, S.DELIBERATION))
                return [*review[: review.index(stop) + 1], S.REJECTED]
            return review[: review.index(spec.status) + 1]
        path = [*review, S.SIGNED]
        if spec.status == S.SIGNED:
            return path
        path.append(S.IN_FORCE)
        if spec.status == S.EXTENDED:
            path += [S.EXPIRED, S.EXTENDED] if rng.random() < 0.5 else [S.EXTENDED]
        elif spec.status != S.IN_FORCE:
            path.append(spec.status)
        return path

    def _at(self, day: datetime.date) -> datetime.datetime:
        moment = datetime.datetime.combine(
            day, datetime.time(self._randint(8, 15), self._randint(0, 59)), tzinfo=self.tz
        )
        return min(moment, self.now)

    def _history(self, spec: AgreementSpec) -> list[StepSpec]:
        days = self._days
        path = self._path(spec)
        actor = AGENCY_USERS.get(spec.initiating, "sekretariat")
        gaps = {
            S.SUBMITTED: (5, 40),
            S.NEEDS_REVISION: (3, 10),
            S.VERIFIED: (2, 10),
            S.DELIBERATION: (5, 15),
            S.AWAITING_DPRD: (3, 10),
            S.APPROVED: (5, 20),
            S.SIGNED: (3, 30),
            S.REJECTED: (3, 15),
        }
        review_end = path.index(S.SIGNED) if S.SIGNED in path else len(path)
        # Walk the review steps forward from an opening date chosen so they end on time.
        review_gaps = [days(*gaps.get(status, (1, 5))) for status in path[1 : review_end + 1]]
        if S.AWAITING_DPRD in path and S.APPROVED in path:
            review_gaps[path.index(S.APPROVED) - 1] = days(14, 60)  # the DPRD takes its time
        end = spec.signed_on if spec.signed_on else self.today - days(0, 120)
        paper = spec.signed_on is not None and spec.signed_on < self.go_live
        steps: list[StepSpec] = []
        if paper:
            entered = self.go_live + days(0, 150)
            at = self._at(entered)
            steps.append(StepSpec("", S.DRAFT, at, "sekretariat", "Naskah arsip dicatat dalam register."))
            previous, moment = S.DRAFT, at
            for status in path[review_end:]:
                moment = max(moment + datetime.timedelta(minutes=self._randint(1, 5)), self._event_at(spec, status))
                steps.append(
                    StepSpec(
                        previous, status, min(moment, self.now), "sekretariat", self._note(spec, status, paper=True)
                    )
                )
                previous = status
            return steps
        day = end - sum(review_gaps, datetime.timedelta())
        steps.append(StepSpec("", S.DRAFT, self._at(day), actor, "Naskah dicatat dalam register."))
        for status, gap in zip(path[1 : review_end + 1], review_gaps, strict=False):
            day += gap
            by = actor if status == S.SUBMITTED else ("pimpinan" if status == S.APPROVED else "sekretariat")
            steps.append(StepSpec(steps[-1].to_status, status, self._at(day), by, self._note(spec, status)))
        for status in path[review_end + 1 :]:
            moment = max(steps[-1].at + datetime.timedelta(minutes=5), self._event_at(spec, status))
            steps.append(
                StepSpec(steps[-1].to_status, status, min(moment, self.now), "sekretariat", self._note(spec, status))
            )
        return steps

    def _event_at(self, spec: AgreementSpec, status: str) -> datetime.datetime:
        if status == S.SIGNED:
            return self._at(spec.signed_on)
        if status == S.IN_FORCE:
            return self._at(spec.starts_on)
        if status == S.EXPIRED:
            return self._at(spec.ends_on + datetime.timedelta(days=1))
        return self._at(spec.closed_on or spec.ends_on or self.today)

    def _note(self, spec: AgreementSpec, status: str, *, paper: bool = False) -> str:
        if status == S.SIGNED:
            if paper:
                return f"Ditandatangani {spec.signed_on:%d-%m-%Y} sebelum sistem digunakan; dicatat dari arsip."
            return f"Naskah ditandatangani di {spec.signed_at or 'Malang'}."
        if status == S.AWAITING_DPRD and not spec.burdens_apbd:
            return (
                "Kerja sama dengan pemerintah daerah di luar negeri; diajukan kepada DPRD untuk memperoleh persetujuan."
            )
        if status == S.NEEDS_REVISION:
            return self.rng.choice(data.REVISION_NOTES)
        if status == S.REJECTED:
            return self.rng.choice(data.REJECTION_NOTES)
        return STEP_NOTES.get(status, "")
