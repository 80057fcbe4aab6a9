"""Small PDFs that read like the real paperwork: the naskah itself and its supporting letters.

They exist so the demo's document list, downloads, restrictions and (later) full-text search
have something true to work on. fpdf2's core fonts only know Latin-1, so every string passes
through ``latin1`` first; compression is on and there are no images, so a file is a few KB and
renders in a few milliseconds.
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from cooperation.exports import latin1
from cooperation.models import AgreementStatus, FundingSource, PartnerCategory, PartyRole

from . import data
from .planner import DOCUMENT_NAMES, AgreementSpec, Planner, lower_first

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")
ROLE_WORDS = {
    PartyRole.FIRST: "PIHAK KESATU",
    PartyRole.SECOND: "PIHAK KEDUA",
    PartyRole.THIRD: "PIHAK KETIGA",
    PartyRole.FOURTH: "PIHAK KEEMPAT",
}
FUNDING_WORDS = {
    FundingSource.APBD: "Anggaran Pendapatan dan Belanja Daerah (APBD) Kota Malang",
    FundingSource.APBN: "Anggaran Pendapatan dan Belanja Negara (APBN)",
    FundingSource.PARTNER: "dana pihak mitra",
    FundingSource.GRANT: "hibah dari pihak mitra",
    FundingSource.MIXED: "APBD Kota Malang dan dana pihak mitra secara proporsional",
}
BLANK = "...................."


def terbilang(number: int) -> str:
    """An integer in Indonesian words, as legal documents spell out dates, terms and sums."""
    if number < 12:
        return UNITS[number]
    if number < 20:
        return f"{terbilang(number - 10)} belas"
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu"), (100, "ratus")):
        if number >= size:
            head, rest = divmod(number, size)
            lead = "se" + word if head == 1 and size in (1000, 100) else f"{terbilang(head)} {word}"
            return f"{lead} {terbilang(rest)}".strip()
    tens, rest = divmod(number, 10)
    return f"{terbilang(tens)} puluh {terbilang(rest)}".strip()


def long_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def rupiah(value: Decimal) -> str:
    whole = int(value)
    return f"Rp{whole:,}".replace(",", ".") + f",00 ({terbilang(whole)} rupiah)"


class Paper(FPDF):
    """A4 with the margins of a Malang government letter, page numbers and a draft mark."""

    def __init__(self, *, title: str, draft: bool, stamp: datetime.datetime) -> None:
        super().__init__(format="A4")
        self.draft = draft
        self.set_margins(25, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_title(latin1(title[:200]))
        self.set_author(latin1(data.REGION_NAME))
        self.set_creator("Si Mbois Ker - seed_demo")
        self.set_creation_date(stamp)  # fixed, so the same record renders the same bytes
        self.add_page()

    def header(self) -> None:
        if self.draft:
            self.set_font("Helvetica", "B", 8)
            self.set_text_color(170, 0, 0)
            self.cell(0, 4, "DRAF - DALAM PERUNDINGAN - TIDAK UNTUK DISEBARLUASKAN", align="R")
            self.set_text_color(0, 0, 0)
            self.ln(6)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Halaman {self.page_no()} dari {{nb}}", align="C")

    # -- writing helpers ----------------------------------------------------------------------
    # fpdf2's multi_cell breaks lines in pure Python at ~12 us a character (~50 ms a page), so
    # text is wrapped here with cached word widths and written one cell() per line.

    def wrap(self, text: str, width: float) -> list[str]:
        space = self._width(" ")
        lines: list[str] = []
        for paragraph in latin1(text).split("\n"):
            current: list[str] = []
            used = 0.0
            for word in paragraph.split():
                size = self._width(word)
                if current and used + space + size > width:
                    lines.append(" ".join(current))
                    current, used = [word], size
                else:
                    used += (space if current else 0) + size
                    current.append(word)
            lines.append(" ".join(current))
        return lines

    def _width(self, word: str) -> float:
        key = (self.font_family, self.font_style, self.font_size_pt, word)
        cache = self.__dict__.setdefault("_widths", {})
        if key not in cache:
            cache[key] = self.get_string_width(word)
        return cache[key]

    def write_block(
        self, text: str, *, x: float | None = None, width: float | None = None, align: str = "L", gap: float = 5.5
    ) -> None:
        """Wrapped text in a column starting at x; leaves the cursor at the left margin, below it."""
        x = self.l_margin if x is None else x
        width = (self.w - self.r_margin - x) if width is None else width
        for line in self.wrap(text, width):
            self.set_x(x)
            self.cell(width, gap, line, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_x(self.l_margin)

    def centered(self, lines: Sequence[str], *, size: float = 11, bold: bool = True, gap: float = 5.5) -> None:
        self.set_font("Times", "B" if bold else "", size)
        for line in lines:
            self.write_block(line, align="C", gap=gap)

    def para(self, text: str, *, indent: float = 0, size: float = 11, style: str = "") -> None:
        self.set_font("Times", style, size)
        self.write_block(text, x=self.l_margin + indent)
        self.ln(1.5)

    def items(self, entries: Sequence[str], *, numbered: bool = False) -> None:
        self.set_font("Times", "", 11)
        for index, entry in enumerate(entries):
            mark = f"{index + 1}." if numbered else f"{'abcdefghijklmnop'[index]}."
            self.set_x(self.l_margin + 4)
            self.cell(7, 5.5, mark)
            self.write_block(entry, x=self.l_margin + 11)
        self.ln(1.5)

    def article(self, number: int, heading: str, paragraphs: Sequence[str], entries: Sequence[str] = ()) -> None:
        self.ln(2)
        self.centered([f"Pasal {number}", heading.upper()], size=11)
        self.ln(1)
        for index, text in enumerate(paragraphs):
            prefix = f"({index + 1}) " if len(paragraphs) > 1 else ""
            self.para(prefix + text)
        if entries:
            self.items(entries)

    def field(self, label: str, value: str, *, width: float = 32) -> None:
        self.set_font("Times", "", 11)
        self.cell(width, 5.5, latin1(label))
        self.cell(4, 5.5, ":")
        self.write_block(value, x=self.l_margin + width + 4)

    def signatures(self, blocks: Sequence[tuple[str, str, str, str]]) -> None:
        """Side by side: (role, position, name, NIP) for each signatory."""
        if self.get_y() > self.h - 75:
            self.add_page()
        self.ln(6)
        column_width = (self.w - self.l_margin - self.r_margin) / max(len(blocks), 1)
        columns = [(self.l_margin + i * column_width, column_width - 4) for i in range(len(blocks))]
        top = below_titles = bottom = self.get_y()
        for (x, width), (role, position, _name, _nip) in zip(columns, blocks, strict=True):
            self.set_y(top)
            self.set_font("Times", "B", 11)
            self.write_block(role, x=x, width=width, align="C")
            self.set_font("Times", "", 10)
            self.write_block(position.upper(), x=x, width=width, align="C", gap=5)
            below_titles = max(below_titles, self.get_y())
        for (x, width), (_role, _position, name, nip) in zip(columns, blocks, strict=True):
            self.set_y(below_titles + 18)  # room for the signature and the stamp; names on one line
            self.set_font("Times", "BU", 11)
            self.write_block(name or BLANK, x=x, width=width, align="C")
            if nip:
                self.set_font("Times", "", 10)
                self.write_block(f"NIP. {nip}", x=x, width=width, align="C", gap=5)
            bottom = max(bottom, self.get_y())
        self.set_y(bottom + 4)


class Renderer:
    """Writes the PDFs for one agreement; the planner gives it names, heads and labels."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner

    def render(self, category: str, spec: AgreementSpec, *, version: int = 1) -> bytes:
        writer = {
            "naskah-ditandatangani": self._agreement,
            "draf-naskah": self._agreement,
            "surat-penawaran": self._offer_letter,
            "kak": self._terms_of_reference,
            "laporan-monev": self._monitoring_report,
            "persetujuan-dprd": self._dprd_decision,
            "surat-kuasa": self._power_of_attorney,
            "berita-acara": self._termination_minutes,
            "lampiran": self._annex,
            "kajian-manfaat": self._feasibility_study,
            "profil-mitra": self._partner_profile,
            "full-powers": self._full_powers,
        }[category]
        draft = category == "draf-naskah"
        stamp = self._stamp(spec)
        pdf = Paper(title=spec.title, draft=draft, stamp=stamp)
        writer(pdf, spec, draft=draft, version=version)
        return bytes(pdf.output())

    # -- shared pieces ---------------------------------------------------------------------------

    def _stamp(self, spec: AgreementSpec) -> datetime.datetime:
        moment = spec.history[-1].at if spec.history else datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        return moment.astimezone(datetime.UTC)

    def _region_label(self, spec: AgreementSpec) -> str:
        if spec.document_type in ("PKS",) or (spec.document_type == "ADD" and spec.power_of_attorney_number):
            return self.planner._agency_label(spec.initiating)
        return data.REGION_NAME

    def _parties(self, spec: AgreementSpec) -> list[tuple[str, str, str, str, str, str]]:
        """(role, name of the party, signatory, position, NIP, address) in the order of their roles."""
        out = [
            (
                spec.region_party_role,
                self._region_label(spec),
                spec.signatory_name,
                spec.signatory_position,
                spec.signatory_nip,
                data.REGION_ADDRESS,
            )
        ]
        if spec.kind == "Internal":
            second = spec.implementing[1] if len(spec.implementing) > 1 else "SETDA-PEM"
            head = self.planner.heads[second]
            out.append(
                (
                    PartyRole.SECOND,
                    self.planner._agency_label(second),
                    head.name,
                    head.position,
                    head.nip,
                    data.REGION_ADDRESS,
                )
            )
        for party in spec.parties:
            partner = self.planner.partners[party.partner]
            out.append((party.role, partner.name, party.signatory_name, party.signatory_position, "", partner.address))
        return sorted(out, key=lambda row: row[0])

    def _signature_blocks(self, spec: AgreementSpec, draft: bool) -> list[tuple[str, str, str, str]]:
        return [
            (ROLE_WORDS[role], position, "" if draft else name, "" if draft else nip)
            for role, _label, name, position, nip, _address in self._parties(spec)
        ]

    def _letterhead(self, pdf: Paper, agency_code: str) -> None:
        agency = self.planner.agencies[agency_code]
        name = "SEKRETARIAT DAERAH" if agency_code in data.SECRETARIAT_UNITS else agency.name.upper()
        pdf.centered(["PEMERINTAH KOTA MALANG", name], size=13)
        pdf.centered([data.REGION_ADDRESS], size=9, bold=False, gap=4.5)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.get_y() + 1.5, pdf.w - pdf.r_margin, pdf.get_y() + 1.5)
        pdf.set_line_width(0.2)
        pdf.ln(6)

    def _term(self, spec: AgreementSpec) -> str:
        if not (spec.starts_on and spec.ends_on):
            return "jangka waktu sebagaimana disepakati PARA PIHAK"
        years = max(1, round((spec.ends_on - spec.starts_on).days / 365.25))
        return (
            f"jangka waktu {years} ({terbilang(years)}) tahun terhitung sejak tanggal {long_date(spec.starts_on)} "
            f"sampai dengan tanggal {long_date(spec.ends_on)}"
        )

    # -- the agreement itself ------------------------------------------------------------------

    def _agreement(self, pdf: Paper, spec: AgreementSpec, *, draft: bool, version: int) -> None:
        name = DOCUMENT_NAMES[spec.document_type]
        parties = self._parties(spec)
        heading = [name.upper(), "ANTARA"]
        for index, (_role, label, *_rest) in enumerate(parties):
            heading.append(label.upper())
            if index < len(parties) - 1:
                heading.append("DAN")
        if spec.document_type == "ADD":
            heading = [spec.title.upper()]
        else:
            heading += ["TENTANG", spec.subject.upper()]
        pdf.centered(heading, size=12)
        if spec.title_en:
            pdf.ln(1)
            pdf.set_font("Times", "I", 10)
            pdf.write_block(spec.title_en, align="C", gap=5)
        pdf.ln(3)
        numbers = [spec.region_number if not draft else ""] + [p.number if not draft else "" for p in spec.parties]
        for number in numbers:
            pdf.centered([f"NOMOR : {number or BLANK}"], size=11)
        if draft:
            pdf.centered([f"(Draf versi {version})"], size=10, bold=False)
        pdf.ln(4)
        if spec.signed_on and not draft:
            day = spec.signed_on
            opening = (
                f"Pada hari ini {DAYS[day.weekday()]} tanggal {terbilang(day.day)} bulan {MONTHS[day.month - 1]} "
                f"tahun {terbilang(day.year)} ({day:%d-%m-%Y}), bertempat di {spec.signed_at or data.REGION_CITY}, "
                "yang bertanda tangan di bawah ini:"
            )
        else:
            opening = f"Pada hari ini {BLANK} tanggal {BLANK} bulan {BLANK} tahun {BLANK}, bertempat di {BLANK}, "
            opening += "yang bertanda tangan di bawah ini:"
        pdf.para(opening)
        entries = []
        for role, label, name_, position, nip, address in parties:
            who = name_ if not draft else BLANK
            mandate = ""
            if role == spec.region_party_role and spec.power_of_attorney_number and not draft:
                mandate = f", berdasarkan Surat Kuasa Wali Kota Malang Nomor {spec.power_of_attorney_number}"
            nip_text = f", NIP. {nip}" if nip and not draft else ""
            entries.append(
                f"{who}{nip_text}, {position}, dalam hal ini bertindak untuk dan atas nama {label}{mandate}, "
                f"berkedudukan di {address}, selanjutnya disebut {ROLE_WORDS[role]}."
            )
        pdf.items(entries, numbered=True)
        together = " dan ".join(ROLE_WORDS[row[0]] for row in parties)
        pdf.para(
            f"{together} yang selanjutnya secara bersama-sama disebut PARA PIHAK, terlebih dahulu menerangkan "
            "hal-hal sebagai berikut:"
        )
        pdf.items(
            [
                f"bahwa {parties[0][1]} dan {parties[1][1] if len(parties) > 1 else 'mitra'} memiliki kepentingan "
                f"bersama dalam {lower_first(spec.subject)};",
                "bahwa kerja sama daerah dilaksanakan berdasarkan prinsip efisiensi, efektivitas, sinergi, saling "
                "menguntungkan, kesepakatan bersama, iktikad baik, kepentingan nasional dan keutuhan wilayah NKRI, "
                "persamaan kedudukan, transparansi, keadilan dan kepastian hukum;",
            ]
        )
        pdf.para("dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:")
        pdf.items(self._legal_basis(spec), numbered=True)
        pdf.para(f"PARA PIHAK sepakat untuk mengadakan {name} dengan ketentuan sebagai berikut:")
        if spec.document_type == "ADD":
            self._amendment_articles(pdf, spec)
        else:
            self._articles(pdf, spec, name)
        pdf.para(
            f"Demikian {name} ini dibuat dan ditandatangani oleh PARA PIHAK dalam rangkap {len(parties)} "
            f"({terbilang(len(parties))}) asli, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama."
        )
        pdf.signatures(self._signature_blocks(spec, draft))

    def _legal_basis(self, spec: AgreementSpec) -> list[str]:
        basis = [
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali "
            "diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
            "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah;",
        ]
        if spec.kind in ("KSDPL", "KSDLL"):
            basis.insert(0, "Undang-Undang Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri;")
            basis.insert(1, "Undang-Undang Nomor 24 Tahun 2000 tentang Perjanjian Internasional;")
            basis.append(
                "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan "
                "Pemerintah Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri;"
            )
        else:
            basis.append(
                "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan "
                "Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga;"
            )
        if spec.theme == "adminduk":
            basis.append(
                "Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 "
                "tentang Administrasi Kependudukan;"
            )
        basis.append("Peraturan Daerah Kota Malang tentang Kerja Sama Daerah beserta peraturan pelaksanaannya.")
        return basis

    def _articles(self, pdf: Paper, spec: AgreementSpec, name: str) -> None:
        pdf.article(1, "Maksud dan Tujuan", [spec.aims])
        pdf.article(2, "Ruang Lingkup", [f"Ruang lingkup {name} ini meliputi:"], spec.scope_items)
        if spec.document_type in ("KSB", "MSP", "LOI"):
            pdf.article(
                3,
                "Pelaksanaan",
                [
                    f"Pelaksanaan {name} ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama yang disusun oleh "
                    "perangkat daerah terkait bersama pihak mitra.",
                    "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) paling sedikit memuat subjek, objek, "
                    "ruang lingkup, hak dan kewajiban, jangka waktu, pembiayaan dan penyelesaian perselisihan.",
                ],
            )
        else:
            agency = self.planner.agencies[spec.initiating].name
            pdf.article(
                3,
                "Hak dan Kewajiban",
                [
                    f"PIHAK daerah melalui {agency} berkewajiban menyediakan data, informasi, fasilitas dan "
                    "personel yang diperlukan serta berhak menerima laporan pelaksanaan kegiatan.",
                    "Pihak mitra berkewajiban melaksanakan kegiatan sesuai ruang lingkup, menjaga kerahasiaan data "
                    "pribadi dan menyampaikan laporan secara berkala, serta berhak memperoleh dukungan "
                    "administrasi dari pihak daerah.",
                ],
            )
        pdf.article(
            4,
            "Jangka Waktu",
            [
                f"{name} ini berlaku untuk {self._term(spec)}.",
                f"{name} ini dapat diperpanjang atau diakhiri atas kesepakatan PARA PIHAK yang disampaikan secara "
                "tertulis paling lambat 3 (tiga) bulan sebelum jangka waktu berakhir.",
            ],
        )
        money = [
            "Segala biaya yang timbul dalam pelaksanaan kerja sama ini dibebankan kepada anggaran masing-masing "
            "PARA PIHAK sesuai ketentuan peraturan perundang-undangan."
        ]
        if spec.value:
            money = [
                f"Nilai kerja sama ini sebesar {rupiah(spec.value)} yang bersumber dari "
                f"{FUNDING_WORDS.get(spec.funding_source, 'anggaran PARA PIHAK')}."
            ]
        if spec.burdens_apbd and spec.dprd_approval_number:
            money.append(
                "Pembiayaan yang membebani APBD telah memperoleh persetujuan Dewan Perwakilan Rakyat Daerah Kota "
                f"Malang Nomor {spec.dprd_approval_number} tanggal {long_date(spec.dprd_approval_date)}."
            )
        pdf.article(5, "Pembiayaan", money)
        interval = self.planner.kinds[spec.kind].monev_interval_months
        times = max(1, 12 // interval)
        pdf.article(
            6,
            "Monitoring dan Evaluasi",
            [
                f"PARA PIHAK melakukan monitoring dan evaluasi atas pelaksanaan kerja sama paling sedikit {times} "
                f"({terbilang(times)}) kali dalam setahun.",
                "Hasil monitoring dan evaluasi dilaporkan kepada Wali Kota Malang melalui Bagian Pemerintahan "
                "Sekretariat Daerah Kota Malang.",
            ],
        )
        if spec.kind == "KSDD":
            forum = "Gubernur Jawa Timur sebagai wakil Pemerintah Pusat, yang keputusannya bersifat final"
        elif spec.kind in ("KSDPL", "KSDLL"):
            forum = "konsultasi melalui saluran diplomatik dengan melibatkan Kementerian Luar Negeri"
        elif spec.kind == "Internal":
            forum = "Sekretaris Daerah Kota Malang"
        else:
            forum = "Pengadilan Negeri Malang"
        pdf.article(
            7,
            "Penyelesaian Perselisihan",
            [
                "Apabila terjadi perselisihan dalam pelaksanaan kerja sama ini, PARA PIHAK sepakat "
                "menyelesaikannya secara musyawarah untuk mufakat.",
                f"Apabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, perselisihan "
                f"diselesaikan melalui {forum}.",
            ],
        )
        pdf.article(
            8,
            "Penutup",
            [
                f"Hal-hal yang belum diatur dalam {name} ini akan diatur kemudian atas kesepakatan PARA PIHAK dan "
                "dituangkan dalam adendum yang merupakan bagian tidak terpisahkan dari naskah ini."
            ],
        )

    def _amendment_articles(self, pdf: Paper, spec: AgreementSpec) -> None:
        pdf.article(
            1,
            "Perubahan",
            [
                f"Ketentuan dalam naskah induk mengenai {lower_first(spec.subject)} diubah sesuai dengan "
                "kesepakatan PARA PIHAK sebagaimana tercantum dalam Lampiran Adendum ini.",
                f"Adendum ini berlaku sejak tanggal {long_date(spec.starts_on) if spec.starts_on else BLANK} "
                f"sampai dengan berakhirnya naskah induk pada tanggal "
                f"{long_date(spec.ends_on) if spec.ends_on else BLANK}.",
            ],
        )
        pdf.article(
            2,
            "Ketentuan Lain",
            [
                "Ketentuan lain dalam naskah induk yang tidak diubah dengan Adendum ini dinyatakan tetap berlaku "
                "dan mengikat PARA PIHAK.",
                "Adendum ini merupakan bagian yang tidak terpisahkan dari naskah induk.",
            ],
        )

    # -- supporting documents ------------------------------------------------------------------

    def _first_partner(self, spec: AgreementSpec) -> data.PartnerSeed | None:
        return self.planner.partners[spec.parties[0].partner] if spec.parties else None

    def _offer_letter(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        self._letterhead(pdf, spec.initiating)
        opened = spec.history[0].at.date()
        partner = self._first_partner(spec)
        unit = self.planner.agencies[spec.initiating].unit
        pdf.set_font("Times", "", 11)
        pdf.cell(0, 5.5, latin1(f"Malang, {long_date(opened)}"), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.field("Nomor", f"000.3/{spec.key % 900 + 100}/{data.REGION_CODE}.{unit}/{opened.year}")
        pdf.field("Sifat", "Penting")
        pdf.field("Lampiran", "1 (satu) berkas")
        pdf.field("Perihal", f"Penawaran Kerja Sama tentang {spec.subject}")
        pdf.ln(3)
        recipient = partner.signatory_position if partner else self.planner.heads["SETDA-PEM"].position
        place = (partner.regency_city or partner.country) if partner else "Malang"
        pdf.para(f"Yth. {recipient}\ndi {place}")
        pdf.para(
            "Dalam rangka meningkatkan kualitas pelayanan publik dan mendukung pencapaian sasaran Rencana "
            f"Pembangunan Jangka Menengah Daerah Kota Malang, bersama ini kami menyampaikan penawaran kerja sama "
            f"tentang {spec.subject}."
        )
        pdf.para("Ruang lingkup kerja sama yang kami usulkan meliputi:")
        pdf.items(spec.scope_items)
        pdf.para(
            "Sebagai bahan pertimbangan, bersama ini kami lampirkan kerangka acuan kerja dan kajian manfaat kerja "
            "sama. Kami berharap dapat segera membahas rencana ini dalam pertemuan teknis bersama. Atas perhatian "
            "dan kerja samanya, kami sampaikan terima kasih."
        )
        head = self.planner.heads[spec.initiating]
        pdf.signatures([("", head.position, head.name, head.nip)])
        pdf.para(
            "Tembusan: Yth. Wali Kota Malang (sebagai laporan); Kepala Bagian Pemerintahan Setda Kota Malang.", size=9
        )

    def _terms_of_reference(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        agency = self.planner.agencies[spec.initiating]
        pdf.centered(
            [
                "KERANGKA ACUAN KERJA (KAK)",
                f"RENCANA KERJA SAMA TENTANG {spec.subject.upper()}",
                agency.name.upper(),
                "KOTA MALANG",
            ],
            size=12,
        )
        pdf.ln(4)
        sections = [
            (
                "A. Latar Belakang",
                f"Pemerintah Kota Malang melalui {agency.name} memandang perlu melaksanakan kerja sama tentang "
                f"{lower_first(spec.subject)} untuk menjawab kebutuhan layanan yang tidak dapat dipenuhi secara "
                "efisien oleh perangkat daerah sendiri.",
            ),
            ("B. Maksud dan Tujuan", spec.aims),
            ("C. Ruang Lingkup", "Kegiatan yang akan dilaksanakan meliputi: " + "; ".join(spec.scope_items) + "."),
            (
                "D. Keluaran yang Diharapkan",
                "Tersusunnya naskah kerja sama yang disepakati, terlaksananya kegiatan sesuai jadwal, dan "
                "tersedianya laporan monitoring dan evaluasi setiap semester.",
            ),
            ("E. Jangka Waktu", f"Kerja sama direncanakan berlaku untuk {self._term(spec)}."),
            (
                "F. Pembiayaan",
                f"Perkiraan kebutuhan biaya sebesar {rupiah(spec.value)}."
                if spec.value
                else "Kegiatan tidak memerlukan pembiayaan khusus di luar anggaran rutin masing-masing pihak.",
            ),
        ]
        for heading, text in sections:
            pdf.para(heading, style="B")
            pdf.para(text, indent=4)
        head = self.planner.heads[spec.initiating]
        pdf.signatures([("", head.position, head.name, head.nip)])

    def _monitoring_report(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        last = min(spec.closed_on or self.planner.today, self.planner.today)
        semester = "I" if last.month <= 6 else "II"
        pdf.centered(
            [
                "LAPORAN MONITORING DAN EVALUASI",
                "PELAKSANAAN KERJA SAMA DAERAH",
                f"SEMESTER {semester} TAHUN {last.year}",
            ],
            size=12,
        )
        pdf.ln(3)
        pdf.field("Naskah", spec.title, width=40)
        pdf.field("Nomor", spec.region_number, width=40)
        pdf.field("OPD pelaksana", ", ".join(self.planner.agencies[a].name for a in spec.implementing), width=40)
        pdf.field("Jangka waktu", self._term(spec), width=40)
        pdf.ln(3)
        pdf.para("A. Kegiatan yang telah dilaksanakan", style="B")
        pdf.items([f"{item[:1].upper()}{item[1:]}: terlaksana sesuai rencana kerja." for item in spec.scope_items])
        pdf.para("B. Capaian indikator", style="B")
        widths = (85, 25, 25, 25)
        pdf.set_font("Times", "B", 10)
        for width, label in zip(widths, ("Indikator", "Target", "Realisasi", "Capaian"), strict=True):
            pdf.cell(width, 6, label, border=1, align="C")
        pdf.ln()
        pdf.set_font("Times", "", 10)
        for index, item in enumerate(spec.scope_items[:3]):
            target = 100 if index == 0 else 80
            done = max(40, target - (spec.key * 7 + index * 13) % 35)
            row = (latin1(item[:55]), f"{target}%", f"{done}%", f"{round(done * 100 / target)}%")
            for width, text in zip(widths, row, strict=True):
                pdf.cell(width, 6, text, border=1)
            pdf.ln()
        pdf.ln(3)
        pdf.para("C. Kendala", style="B")
        pdf.para("Keterbatasan anggaran pada perubahan APBD dan penyesuaian jadwal kegiatan para pihak.", indent=4)
        pdf.para("D. Tindak lanjut", style="B")
        pdf.para("Penjadwalan ulang kegiatan dan koordinasi teknis bulanan antara OPD pelaksana dan mitra.", indent=4)
        pdf.para("E. Rekomendasi", style="B")
        pdf.para(
            "Kerja sama dilanjutkan."
            if spec.status == AgreementStatus.IN_FORCE
            else "Kerja sama dievaluasi untuk perpanjangan.",
            indent=4,
        )
        head = self.planner.heads[spec.initiating]
        pdf.signatures([("Pelapor", head.position, head.name, head.nip)])

    def _dprd_decision(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        pdf.centered(
            [
                "KEPUTUSAN DEWAN PERWAKILAN RAKYAT DAERAH KOTA MALANG",
                f"NOMOR {spec.dprd_approval_number}",
                "TENTANG",
                f"PERSETUJUAN RENCANA KERJA SAMA DAERAH TENTANG {spec.subject.upper()}",
            ],
            size=11,
        )
        pdf.ln(3)
        pdf.centered(["DENGAN RAHMAT TUHAN YANG MAHA ESA", "DEWAN PERWAKILAN RAKYAT DAERAH KOTA MALANG,"], size=11)
        pdf.ln(2)
        pdf.para("Menimbang:", style="B")
        pdf.items(
            [
                f"bahwa Wali Kota Malang telah mengajukan permohonan persetujuan atas rencana {spec.title};",
                "bahwa rencana kerja sama tersebut membebani masyarakat dan daerah dan/atau belum teranggarkan "
                "dalam APBD tahun anggaran berjalan sehingga memerlukan persetujuan DPRD;",
            ]
        )
        pdf.para("Mengingat:", style="B")
        pdf.items(self._legal_basis(spec)[:3], numbered=True)
        pdf.centered(["MEMUTUSKAN:"], size=11)
        pdf.field("KESATU", f"Menyetujui rencana {spec.title}.", width=22)
        if spec.value:
            pdf.field("KEDUA", f"Nilai kerja sama sebesar {rupiah(spec.value)}.", width=22)
        pdf.field("KETIGA", "Keputusan ini mulai berlaku pada tanggal ditetapkan.", width=22)
        pdf.ln(3)
        day = spec.dprd_approval_date
        pdf.para(f"Ditetapkan di Malang pada tanggal {long_date(day) if day else BLANK}")
        chair = self.planner._official("dprd-chair", "Ketua DPRD Kota Malang")
        pdf.signatures([("DPRD KOTA MALANG", chair.position, chair.name, "")])

    def _power_of_attorney(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        pdf.centered(["WALI KOTA MALANG", "", "SURAT KUASA", f"NOMOR {spec.power_of_attorney_number}"], size=12)
        pdf.ln(4)
        pdf.para("Yang bertanda tangan di bawah ini:")
        pdf.field("Nama", data.MAYOR.name)
        pdf.field("Jabatan", data.MAYOR.position)
        pdf.ln(2)
        pdf.para("dengan ini memberikan kuasa kepada:")
        pdf.field("Nama", spec.signatory_name)
        pdf.field("NIP", spec.signatory_nip)
        pdf.field("Jabatan", spec.signatory_position)
        pdf.ln(2)
        pdf.para(
            f"KHUSUS untuk dan atas nama Wali Kota Malang menandatangani {spec.title}, serta melakukan segala "
            "tindakan yang diperlukan sepanjang berkaitan dengan penandatanganan naskah tersebut."
        )
        pdf.para("Surat kuasa ini tidak dapat dilimpahkan kepada pihak lain.")
        day = spec.signed_on - datetime.timedelta(days=3) if spec.signed_on else None
        pdf.para(f"Malang, {long_date(day) if day else BLANK}")
        pdf.signatures(
            [
                ("Penerima Kuasa", spec.signatory_position, spec.signatory_name, spec.signatory_nip),
                ("Pemberi Kuasa", data.MAYOR.position, data.MAYOR.name, ""),
            ]
        )

    def _termination_minutes(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        day = spec.closed_on or self.planner.today
        pdf.centered(["BERITA ACARA", "PENGAKHIRAN KERJA SAMA", f"NOMOR : 180/{spec.key % 97 + 1}/BA/{day.year}"])
        pdf.ln(4)
        pdf.para(
            f"Pada hari ini {DAYS[day.weekday()]} tanggal {long_date(day)}, PARA PIHAK dalam {spec.title} "
            f"Nomor {spec.region_number} sepakat untuk mengakhiri kerja sama sebelum jangka waktunya berakhir, "
            "dengan pertimbangan sebagai berikut:"
        )
        pdf.items(
            [
                "tujuan kerja sama telah tercapai lebih awal dari jadwal;",
                "terdapat perubahan kebijakan dan prioritas anggaran pada masing-masing pihak;",
                "hak dan kewajiban PARA PIHAK telah diselesaikan dan tidak ada tuntutan di kemudian hari.",
            ]
        )
        pdf.para("Demikian Berita Acara ini dibuat untuk dipergunakan sebagaimana mestinya.")
        pdf.signatures(self._signature_blocks(spec, draft=False))

    def _annex(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        pdf.centered([f"LAMPIRAN {DOCUMENT_NAMES[spec.document_type].upper()}", spec.subject.upper()], size=12)
        pdf.ln(3)
        pdf.para(
            "Lampiran ini memuat rincian rencana kerja, posisi runding dan perkiraan biaya per kegiatan yang "
            "disepakati PARA PIHAK. Dokumen ini dikecualikan dari informasi publik oleh PPID Kota Malang."
        )
        pdf.items([f"{item}: rincian kegiatan, jadwal dan penanggung jawab." for item in spec.scope_items])

    def _feasibility_study(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        agency = self.planner.agencies[spec.initiating]
        partners = ", ".join(self.planner.partners[p.partner].name for p in spec.parties) or "mitra"
        pdf.centered(
            [
                "KAJIAN MANFAAT DAN BIAYA",
                f"RENCANA KERJA SAMA TENTANG {spec.subject.upper()}",
                agency.name.upper(),
                "KOTA MALANG",
            ],
            size=12,
        )
        pdf.ln(4)
        cost = (
            f"Perkiraan biaya sebesar {rupiah(spec.value)} yang bersumber dari "
            f"{FUNDING_WORDS.get(spec.funding_source, 'anggaran PARA PIHAK')}."
            if spec.value
            else "Kerja sama tidak memerlukan belanja baru; biaya koordinasi dibebankan pada anggaran rutin "
            "masing-masing pihak."
        )
        if spec.burdens_apbd:
            cost += " Karena membebani APBD, rencana kerja sama ini memerlukan persetujuan DPRD."
        sections = [
            (
                "A. Latar Belakang",
                f"Rencana kerja sama dengan {partners} disusun untuk {lower_first(spec.subject)}. Kebutuhan ini "
                "tidak dapat dipenuhi secara efisien apabila dilaksanakan sendiri oleh perangkat daerah.",
            ),
            ("B. Manfaat bagi Daerah dan Masyarakat", spec.aims),
            ("C. Perkiraan Biaya dan Sumber Pendanaan", cost),
            (
                "D. Risiko dan Mitigasi",
                "Risiko utama adalah keterlambatan pelaksanaan dan perubahan prioritas anggaran. Mitigasinya "
                "adalah rencana kerja tahunan yang disepakati, rapat koordinasi berkala dan monitoring dan "
                "evaluasi setiap semester.",
            ),
            (
                "E. Kesimpulan",
                "Manfaat kerja sama lebih besar daripada biayanya; rencana kerja sama layak dilanjutkan ke tahap "
                "pembahasan.",
            ),
        ]
        for heading, text in sections:
            pdf.para(heading, style="B")
            pdf.para(text, indent=4)
        pdf.para("Ruang lingkup yang dikaji:", style="B")
        pdf.items(spec.scope_items)
        head = self.planner.heads[spec.initiating]
        pdf.signatures([("", head.position, head.name, head.nip)])

    def _partner_profile(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        partner = self._first_partner(spec)
        if partner is None:
            return
        pdf.centered(["PROFIL DAN LEGALITAS MITRA", partner.name.upper()], size=12)
        pdf.ln(4)
        legal = {
            PartnerCategory.COMPANY: "Akta pendirian dan perubahan terakhir beserta pengesahan Menteri Hukum; NIB "
            "dan NPWP badan usaha.",
            PartnerCategory.STATE_ENTERPRISE: "Akta pendirian persero, anggaran dasar terakhir, NIB dan NPWP.",
            PartnerCategory.REGIONAL_ENTERPRISE: "Peraturan daerah pendirian perusahaan umum daerah dan NPWP.",
            PartnerCategory.UNIVERSITY: "Keputusan pendirian dan statuta perguruan tinggi; sertifikat akreditasi "
            "institusi.",
            PartnerCategory.NGO: "Akta pendirian yayasan/perkumpulan dan pengesahan badan hukum.",
            PartnerCategory.FOREIGN_GOVERNMENT: "Keterangan kedudukan pemerintah daerah mitra dari perwakilan "
            "Republik Indonesia di negara mitra.",
            PartnerCategory.FOREIGN_INSTITUTION: "Dokumen pendirian lembaga dan keterangan kedudukan dari perwakilan "
            "Republik Indonesia.",
        }.get(partner.category, "Dasar hukum pembentukan instansi.")
        pdf.field("Nama", partner.name, width=42)
        if partner.name_en:
            pdf.field("Nama (Inggris)", partner.name_en, width=42)
        pdf.field("Kategori", PartnerCategory(partner.category).label, width=42)
        pdf.field("Alamat", partner.address or partner.regency_city or partner.country, width=42)
        pdf.field("Negara", partner.country, width=42)
        if partner.website:
            pdf.field("Situs web", partner.website, width=42)
        pdf.field("Penandatangan", partner.signatory_position, width=42)
        pdf.field("Legalitas", legal, width=42)
        pdf.ln(3)
        pdf.para(
            "Profil ini disampaikan sebagai kelengkapan usulan kerja sama dan memuat salinan dokumen legalitas "
            "yang telah dilegalisasi oleh pejabat yang berwenang."
        )

    def _full_powers(self, pdf: Paper, spec: AgreementSpec, **_: object) -> None:
        partner = self._first_partner(spec)
        country = data.COUNTRIES.get(partner.country, (partner.country, partner.country)) if partner else ("", "")
        pdf.centered(["MENTERI LUAR NEGERI REPUBLIK INDONESIA", "", "SURAT KUASA PENUH", "FULL POWERS"], size=12)
        pdf.ln(4)
        pdf.para(
            f"Menteri Luar Negeri Republik Indonesia dengan ini memberikan kuasa penuh kepada {data.MAYOR.name}, "
            f"{data.MAYOR.position}, untuk atas nama Pemerintah Republik Indonesia menandatangani {spec.title}."
        )
        pdf.set_font("Times", "I", 10)
        pdf.write_block(
            "The Minister for Foreign Affairs of the Republic of Indonesia hereby grants full powers to the Mayor "
            "of Malang to sign, on behalf of the Government of the Republic of Indonesia, the "
            f"{spec.title_en or spec.title} with the partner in {country[1]}.",
            gap=5,
        )
        pdf.ln(3)
        pdf.para("Surat kuasa penuh ini berlaku untuk satu kali penandatanganan naskah tersebut di atas.")
        pdf.signatures([("", "Menteri Luar Negeri Republik Indonesia", BLANK, "")])

    def render_request_letter(
        self,
        *,
        organisation: str,
        address: str,
        contact_name: str,
        contact_position: str,
        title: str,
        aims: str,
        scope: str,
        day: datetime.date,
        stamp: datetime.datetime,
    ) -> bytes:
        """The letter an outside applicant attaches to a request sent through the public form."""
        pdf = Paper(title=f"Permohonan kerja sama - {title}", draft=False, stamp=stamp)
        pdf.centered([organisation.upper()], size=13)
        pdf.centered([address], size=9, bold=False, gap=4.5)
        pdf.set_line_width(0.8)
        pdf.line(pdf.l_margin, pdf.get_y() + 1.5, pdf.w - pdf.r_margin, pdf.get_y() + 1.5)
        pdf.set_line_width(0.2)
        pdf.ln(6)
        pdf.set_font("Times", "", 11)
        pdf.cell(0, 5.5, latin1(f"Malang, {long_date(day)}"), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.field("Perihal", f"Permohonan Kerja Sama: {title}")
        pdf.field("Lampiran", "1 (satu) berkas")
        pdf.ln(3)
        pdf.para("Yth. Wali Kota Malang\nc.q. Kepala Bagian Pemerintahan Sekretariat Daerah Kota Malang\ndi Malang")
        pdf.para(f"Dengan hormat, bersama ini {organisation} mengajukan permohonan kerja sama tentang {title}.")
        pdf.para(f"Maksud dan tujuan: {aims}")
        pdf.para(f"Ruang lingkup yang kami usulkan: {scope}")
        pdf.para(
            "Kami bersedia memaparkan rencana ini dan melengkapi dokumen yang diperlukan. Atas perhatian Bapak/Ibu, "
            "kami sampaikan terima kasih."
        )
        pdf.signatures([("", contact_position, contact_name, "")])
        return bytes(pdf.output())


# -- a scanned paper -------------------------------------------------------------------------------

SCAN_DPI = 200
A4_MM = (210, 297)


def _scan_lines(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if current and draw.textlength(candidate, font=font) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def render_scanned_minutes(
    *, title: str, region_number: str, partners: Sequence[str], day: datetime.date, stamp: datetime.datetime
) -> bytes:
    """A signed paper put through a scanner: one image per page and no text layer at all.

    Its words can only be found by OCR, which is what the demo shows: "Tirtasari" appears in this
    picture and nowhere else in the demo data.
    """
    from PIL import Image, ImageDraw, ImageFont

    width, height = (round(mm / 25.4 * SCAN_DPI) for mm in A4_MM)
    margin = round(25 / 25.4 * SCAN_DPI)
    image = Image.new("L", (width, height), 250)  # scanner paper is never quite white
    draw = ImageDraw.Draw(image)
    body = ImageFont.load_default(size=34)
    heading = ImageFont.load_default(size=40)
    y = margin
    for line in ("PEMERINTAH KOTA MALANG", "BERITA ACARA PENINJAUAN LAPANGAN"):
        draw.text(((width - draw.textlength(line, font=heading)) / 2, y), line, font=heading, fill=20)
        y += 60
    y += 20
    draw.line((margin, y, width - margin, y), fill=20, width=4)
    y += 50
    paragraphs = [
        f"Pada tanggal {long_date(day)} tim pelaksana kerja sama meninjau lokasi kegiatan dalam rangka "
        f"pelaksanaan {title} Nomor {region_number or BLANK}.",
        f"Peninjauan dihadiri wakil Pemerintah Kota Malang dan {', '.join(partners) or 'pihak mitra'}.",
        "Hasil peninjauan: lokasi di sekitar Sumber Mata Air Tirtasari dalam keadaan baik; papan informasi "
        "kegiatan telah terpasang; warga sekitar mendukung pelaksanaan kegiatan.",
        "Tindak lanjut: jadwal kegiatan berikutnya disepakati dalam rapat koordinasi bulan depan.",
        "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.",
    ]
    for paragraph in paragraphs:
        for line in _scan_lines(draw, paragraph, body, width - 2 * margin):
            draw.text((margin, y), line, font=body, fill=25)
            y += 48
        y += 24
    y += 60
    for line in ("Mengetahui,", "Kepala Bagian Pemerintahan", "", "", "ttd.", "", "NIP. 19700101 199503 1 001"):
        draw.text((width - margin - 560, y), line, font=body, fill=25)
        y += 48
    pdf = FPDF(format="A4")
    pdf.set_creator("Pemindai dokumen")
    pdf.set_title(latin1("Berita acara peninjauan lapangan (pindaian)"))
    pdf.set_creation_date(stamp)
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=A4_MM[0], h=A4_MM[1])
    return bytes(pdf.output())
