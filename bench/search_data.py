"""Document pages for the search benchmark: realistic Indonesian agreement prose, written straight into the database.

No PDF is rendered or stored: each agreement gets one to three AgreementDocument rows (a file
name only, text already "extracted") and DocumentPage rows of 250-400 words built from the
clauses the demo PDFs use (cooperation/demo/pdfs.py) and the demo themes' subjects and scopes,
filled with the agreement's own title, parties and agency. A fixed seed makes every run write
the same text. A few invented words are planted on known pages (`PLANTED`), so a rare-word query
has exactly one right answer per audience.

Everything goes in with bulk_create, which sends no signals: the search outbox stays empty and
the benchmark indexes the register itself.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from cooperation.demo import pdfs

FILE_PREFIX = "bench-search/"
SEED = 20_260_105
MIN_WORDS, MAX_WORDS = 250, 400
RESTRICTED_SHARE = 0.10  # of all documents; never the agreement's main document

# Invented words, each on exactly one page: (word, where) -> what each audience must find.
PLANTED = {
    "zamrudwangi": "public_document",  # a public page of a public agreement: everyone finds it
    "kalibrasiometer": "restricted_document",  # a restricted page of a public agreement: staff with the perm only
    "serambitirta": "unpublished_agreement",  # a public page of an agreement not in the catalogue: staff only
}


@dataclass
class Planted:
    word: str
    where: str
    agreement_id: int
    document_id: int
    page_number: int
    document_pages: int


# -- sentence material (after cooperation/demo/pdfs.py) ------------------------------------------

MONTHS, UNITS = pdfs.MONTHS, pdfs.UNITS
DAYS = pdfs.DAYS[:5]  # working days: agreements are signed Monday to Friday
LEGAL_BASIS = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
    "terakhir dengan Undang-Undang Nomor 6 Tahun 2023;",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
    "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah;",
    "Peraturan Pemerintah Nomor 27 Tahun 2014 tentang Pengelolaan Barang Milik Negara/Daerah sebagaimana telah "
    "diubah dengan Peraturan Pemerintah Nomor 28 Tahun 2020;",
    "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Daerah Lain "
    "dan Kerja Sama Daerah dengan Pihak Ketiga;",
    "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan Pemerintah "
    "Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri;",
    "Peraturan Daerah Kota Malang tentang Kerja Sama Daerah beserta peraturan pelaksanaannya.",
)
ARTICLES = (
    "Maksud dan Tujuan",
    "Ruang Lingkup",
    "Pelaksanaan",
    "Hak dan Kewajiban",
    "Jangka Waktu",
    "Pembiayaan",
    "Monitoring dan Evaluasi",
    "Kerahasiaan",
    "Keadaan Kahar",
    "Penyelesaian Perselisihan",
    "Korespondensi",
    "Penutup",
)
CLAUSES = (
    "PARA PIHAK sepakat untuk mengadakan {doc} dengan ketentuan sebagaimana diatur dalam pasal-pasal berikut.",
    "Maksud {doc} ini adalah sebagai pedoman bagi PARA PIHAK dalam {subject_l}.",
    "Tujuan {doc} ini adalah meningkatkan kualitas pelayanan publik melalui {scope}.",
    "Ruang lingkup {doc} ini meliputi {scope}, {scope2}, dan kegiatan lain yang disepakati PARA PIHAK.",
    "Pelaksanaan {doc} ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama yang disusun oleh perangkat daerah "
    "terkait bersama pihak mitra.",
    "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) paling sedikit memuat subjek, objek, ruang lingkup, "
    "hak dan kewajiban, jangka waktu, pembiayaan dan penyelesaian perselisihan.",
    "PIHAK KESATU melalui {agency} berkewajiban menyediakan data, informasi, fasilitas dan personel yang diperlukan "
    "serta berhak menerima laporan pelaksanaan kegiatan.",
    "PIHAK KEDUA berkewajiban melaksanakan kegiatan sesuai ruang lingkup, menjaga kerahasiaan data pribadi dan "
    "menyampaikan laporan secara berkala, serta berhak memperoleh dukungan administrasi dari PIHAK KESATU.",
    "{doc} ini berlaku untuk jangka waktu {years} ({years_w}) tahun terhitung sejak tanggal ditandatangani dan dapat "
    "diperpanjang atas kesepakatan PARA PIHAK.",
    "{doc} ini dapat diperpanjang atau diakhiri atas kesepakatan PARA PIHAK yang disampaikan secara tertulis paling "
    "lambat 3 (tiga) bulan sebelum jangka waktu berakhir.",
    "Segala biaya yang timbul dalam pelaksanaan kerja sama ini dibebankan kepada anggaran masing-masing PARA PIHAK "
    "sesuai ketentuan peraturan perundang-undangan.",
    "Nilai kerja sama ini sebesar Rp{money} yang bersumber dari Anggaran Pendapatan dan Belanja Daerah (APBD) Kota "
    "Malang tahun anggaran {year}.",
    "PARA PIHAK melakukan monitoring dan evaluasi atas pelaksanaan kerja sama paling sedikit 2 (dua) kali dalam "
    "setahun.",
    "Hasil monitoring dan evaluasi dilaporkan kepada Wali Kota Malang melalui Bagian Pemerintahan Sekretariat Daerah "
    "Kota Malang.",
    "Apabila terjadi perselisihan dalam pelaksanaan kerja sama ini, PARA PIHAK sepakat menyelesaikannya secara "
    "musyawarah untuk mufakat.",
    "Apabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, perselisihan diselesaikan melalui "
    "Pengadilan Negeri Malang.",
    "Keadaan kahar meliputi bencana alam, kebakaran, wabah penyakit, huru-hara dan kebijakan pemerintah yang secara "
    "langsung berpengaruh terhadap pelaksanaan kerja sama ini.",
    "Pihak yang mengalami keadaan kahar wajib memberitahukan secara tertulis kepada pihak lainnya paling lambat "
    "{days} ({days_w}) hari kalender sejak terjadinya keadaan kahar.",
    "Setiap data dan informasi yang diperoleh dalam pelaksanaan kerja sama ini hanya dipergunakan untuk kepentingan "
    "kerja sama dan tidak diberikan kepada pihak lain tanpa persetujuan tertulis.",
    "Hal-hal yang belum diatur dalam {doc} ini akan diatur kemudian atas kesepakatan PARA PIHAK dan dituangkan dalam "
    "adendum yang merupakan bagian tidak terpisahkan dari naskah ini.",
    "Kerja sama daerah dilaksanakan berdasarkan prinsip efisiensi, efektivitas, sinergi, saling menguntungkan, "
    "kesepakatan bersama, iktikad baik, persamaan kedudukan, transparansi, keadilan dan kepastian hukum.",
    "Bahwa {region} dan {partner} memiliki kepentingan bersama dalam {subject_l}.",
    "Kegiatan {scope} dilaksanakan oleh {agency} bersama {partner} sesuai rencana kerja tahunan yang disepakati.",
    "Pada rapat koordinasi tanggal {day} {month} {year}, PARA PIHAK membahas capaian {scope2} dan kendala di lapangan.",
    "Laporan pelaksanaan kegiatan disampaikan oleh {person} selaku penanggung jawab teknis kepada {agency}.",
    "Korespondensi ditujukan kepada {agency}, Jalan Tugu Nomor 1, Kiduldalem, Klojen, Kota Malang, Jawa Timur "
    "65119, dan kepada {partner} pada alamat yang tercantum dalam naskah ini.",
    "Penyerahan hasil pekerjaan dituangkan dalam berita acara serah terima yang ditandatangani oleh {person} dan "
    "pejabat yang ditunjuk PIHAK KEDUA.",
    "Indikator keberhasilan kerja sama antara lain meningkatnya cakupan {scope} sebesar {pct} persen dibandingkan "
    "tahun {year_before}.",
    "Keterbatasan anggaran pada perubahan APBD dan penyesuaian jadwal kegiatan PARA PIHAK menjadi kendala utama "
    "pada semester ini.",
    "Tindak lanjut yang disepakati adalah penjadwalan ulang kegiatan dan koordinasi teknis bulanan antara OPD "
    "pelaksana dan mitra.",
    "Demikian {doc} ini dibuat dan ditandatangani oleh PARA PIHAK dalam rangkap 2 (dua) asli, masing-masing "
    "bermeterai cukup dan mempunyai kekuatan hukum yang sama.",
)
DOCUMENT_KINDS = (
    # (title label, share of documents after the first, may be restricted)
    ("Lampiran", 0.35, True),
    ("Laporan Monitoring dan Evaluasi", 0.25, False),
    ("Kajian Manfaat dan Biaya", 0.15, True),
    ("Kerangka Acuan Kerja", 0.15, False),
    ("Berita Acara", 0.10, True),
)


def _terbilang(number: int) -> str:
    if number < 12:
        return UNITS[number]
    if number < 20:
        return f"{_terbilang(number - 10)} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{_terbilang(tens)} puluh {_terbilang(rest)}".strip()
    return str(number)


def _people(rng: random.Random, count: int) -> list[str]:
    from cooperation.demo.data import NAMES

    first = NAMES.male + NAMES.female
    return [
        f"{rng.choice(NAMES.prefixes)}{rng.choice(first)} {rng.choice(NAMES.family)}{rng.choice(NAMES.suffixes)}"
        for _ in range(count)
    ]


def _theme_scopes() -> tuple[list[list[str]], dict[str, int]]:
    """Scope phrases per demo theme, and which theme each demo subject belongs to."""
    from cooperation.demo.data import THEMES

    pools, by_subject = [], {}
    for number, theme in enumerate(THEMES):
        pool = list(theme.scope) + [item[:1].lower() + item[1:] for item in theme.implementing]
        pools.append(pool or ["pertukaran data dan informasi"])
        for subject in (theme.subject, *theme.implementing):
            by_subject[subject.lower()] = number
    return pools, by_subject


class PageWriter:
    """Writes the pages of one agreement's documents from the clauses above."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pools, self.by_subject = _theme_scopes()
        self.everything = [item for pool in self.pools for item in pool]
        self.people = _people(rng, 400)

    def fields(self, agreement: dict) -> dict:
        rng = self.rng
        subject = agreement["subject"] or agreement["title"]
        year = agreement["signed_on"].year if agreement["signed_on"] else 2024
        years = rng.choice((1, 2, 3, 5))
        days = rng.choice((7, 14, 30))
        # Mostly the agreement's own theme, so that its words cluster as in real documents.
        theme = self.by_subject.get(subject.lower())
        if theme is None:
            theme = next((n for key, n in self.by_subject.items() if key in subject.lower()), None)
        pool = self.pools[theme if theme is not None else rng.randrange(len(self.pools))]
        return {
            "pool": pool,
            "doc": agreement["doc_name"],
            "subject_l": subject[:1].lower() + subject[1:],
            "agency": agreement["agency"] or "Bagian Pemerintahan Sekretariat Daerah Kota Malang",
            "partner": agreement["partner"] or "mitra",
            "region": "Pemerintah Kota Malang",
            "year": year,
            "year_before": year - 1,
            "years": years,
            "years_w": _terbilang(years),
            "days": days,
            "days_w": _terbilang(days),
        }

    def page(self, agreement: dict, fields: dict, *, number: int, label: str) -> str:
        rng = self.rng
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        parts: list[str] = []
        words = 0
        if number == 1:
            head = (
                f"{label.upper()} {agreement['title'].upper()} NOMOR : {agreement['region_number'] or '....'} "
                f"Pada hari ini {rng.choice(DAYS)} tanggal {rng.randint(1, 28)} bulan {rng.choice(MONTHS)} tahun "
                f"{fields['year']}, bertempat di Malang, yang bertanda tangan di bawah ini: {rng.choice(self.people)}, "
                f"dalam hal ini bertindak untuk dan atas nama {fields['agency']}, dan {fields['partner']}."
            )
            parts.append(head)
            words += head.count(" ") + 1
            for basis in rng.sample(LEGAL_BASIS, 3):
                parts.append(basis)
                words += basis.count(" ") + 1
        article = rng.randint(1, len(ARTICLES))
        while words < target:
            if rng.random() < 0.12:
                heading = f"Pasal {article} {ARTICLES[(article - 1) % len(ARTICLES)].upper()}"
                article += 1
                parts.append(heading)
                words += 3
            sentence = rng.choice(CLAUSES).format(
                scope=rng.choice(fields["pool"] if rng.random() < 0.85 else self.everything),
                scope2=rng.choice(fields["pool"]),
                person=rng.choice(self.people),
                money=f"{rng.randint(5, 9_000) * 1_000_000:,}".replace(",", ".") + ",00",
                pct=rng.randint(5, 95),
                day=rng.randint(1, 28),
                month=rng.choice(MONTHS),
                **fields,
            )
            parts.append(sentence)
            words += sentence.count(" ") + 1
        return " ".join(parts)


def _page_counts(rng: random.Random, agreements: int, total: int) -> list[int]:
    """Pages per agreement: 1-19, averaging total/agreements, summing to exactly `total`."""
    mean = total / max(1, agreements)
    counts = [max(1, round(rng.triangular(1, 2 * mean - 1, mean))) for _ in range(agreements)]
    difference = total - sum(counts)
    step = 1 if difference > 0 else -1
    while difference:
        index = rng.randrange(agreements)
        if step < 0 and counts[index] <= 1:
            continue
        counts[index] += step
        difference -= step
    return counts


def _split(rng: random.Random, pages: int) -> list[int]:
    """Pages of each document of one agreement: the main document first and largest."""
    documents = min(pages, rng.choices((1, 2, 3), weights=(45, 35, 20))[0])
    if documents == 1:
        return [pages]
    main = max(1, round(pages * rng.uniform(0.5, 0.8)))
    rest = pages - main
    sizes = [main]
    for left in range(documents - 1, 0, -1):
        size = rest if left == 1 else max(1, rest // 2)
        if size:
            sizes.append(size)
        rest -= size
    return [size for size in sizes if size]


def generated_pages() -> int:
    from cooperation.models import DocumentPage

    return DocumentPage.objects.filter(document__file__startswith=FILE_PREFIX).count()


def remove_generated() -> None:
    """Drop what an earlier generation wrote (raw deletes: no signals, no outbox rows)."""
    from cooperation.models import AgreementDocument, DocumentPage

    with transaction.atomic():
        DocumentPage.objects.filter(document__file__startswith=FILE_PREFIX)._raw_delete("default")
        AgreementDocument.objects.filter(file__startswith=FILE_PREFIX)._raw_delete("default")


def generate(total_pages: int, *, seed: int = SEED, chunk: int = 1000, progress: bool = True) -> list[Planted]:
    """Write documents and `total_pages` pages over every agreement; returns where the rare words went."""
    from cooperation.models import (
        PUBLIC_COLLECTION_NAME,
        RESTRICTED_COLLECTION_NAME,
        Agreement,
        AgreementDocument,
        AgreementParty,
        Classification,
        DocumentPage,
        RestrictionGround,
        TextStatus,
    )
    from cooperation.models.documents import collection_named
    from cooperation.selectors.public import public_agreements

    rng = random.Random(seed)
    writer = PageWriter(rng)
    agreements = list(
        Agreement.objects.order_by("pk").values(
            "pk", "title", "subject", "region_number", "signed_on", "initiating_agency__name", "document_type__name"
        )
    )
    partners: dict[int, str] = {}
    for agreement_id, name in (
        AgreementParty.objects.exclude(partner=None)
        .order_by("sort_order", "pk")
        .values_list("agreement_id", "partner__name")
    ):
        partners.setdefault(agreement_id, name)
    public_ids = set(public_agreements().values_list("pk", flat=True))
    public_collection = collection_named(PUBLIC_COLLECTION_NAME)
    restricted_collection = collection_named(RESTRICTED_COLLECTION_NAME)
    counts = _page_counts(rng, len(agreements), total_pages)
    # Restricted documents are drawn among the non-main ones so that they make ~10% of all.
    plans = [_split(rng, count) for count in counts]
    extra = sum(len(plan) - 1 for plan in plans)
    eligible = sum(kind[1] for kind in DOCUMENT_KINDS if kind[2]) / sum(kind[1] for kind in DOCUMENT_KINDS)
    restricted_chance = min(1.0, RESTRICTED_SHARE * sum(len(plan) for plan in plans) / max(1.0, extra * eligible))

    # Where the rare words go: big enough main documents, chosen once, up front.
    by_where: dict[str, list[int]] = defaultdict(list)
    for index, agreement in enumerate(agreements):
        if len(plans[index]) >= 2 and plans[index][0] >= 8:
            by_where["public" if agreement["pk"] in public_ids else "unpublished"].append(index)
    targets = {
        "public_document": rng.choice(by_where["public"]),
        "restricted_document": rng.choice(by_where["public"]),
        "unpublished_agreement": rng.choice(by_where["unpublished"] or by_where["public"]),
    }
    planted_at: dict[int, list[str]] = defaultdict(list)
    for word, where in PLANTED.items():
        planted_at[targets[where]].append(word)
    planted: list[Planted] = []

    now = timezone.now()
    bar = tqdm(total=total_pages, unit="page", desc="generating pages", disable=not progress, mininterval=1)
    for start in range(0, len(agreements), chunk):
        documents: list[AgreementDocument] = []
        texts: list[list[str]] = []
        owners: list[tuple[int, bool, list[str]]] = []  # (agreement index, restricted, planted words)
        for index in range(start, min(start + chunk, len(agreements))):
            agreement = agreements[index]
            doc_name = agreement["document_type__name"] or "Perjanjian Kerja Sama"
            info = {
                **agreement,
                "doc_name": doc_name,
                "agency": agreement["initiating_agency__name"],
                "partner": partners.get(agreement["pk"], ""),
            }
            fields = writer.fields(info)
            words_here = planted_at.get(index, [])
            for position, pages in enumerate(plans[index]):
                if position == 0:
                    label, restricted = doc_name, False
                else:
                    label, _share, may = rng.choices(DOCUMENT_KINDS, weights=[k[1] for k in DOCUMENT_KINDS])[0]
                    restricted = may and rng.random() < restricted_chance
                # The restricted-document word needs a restricted document: the agreement's second one.
                if position == 1 and "kalibrasiometer" in words_here:
                    label, restricted = "Lampiran", True
                reference = agreement["region_number"] or agreement["title"]
                document = AgreementDocument(
                    title=f"{label} - {reference}"[:255],
                    agreement_id=agreement["pk"],
                    file=f"{FILE_PREFIX}naskah-{agreement['pk']:06d}-{position + 1}.pdf",
                    collection=restricted_collection if restricted else public_collection,
                    classification=Classification.RESTRICTED if restricted else Classification.PUBLIC,
                    restriction_ground=RestrictionGround.NEGOTIATION if restricted else "",
                    restriction_reason="Posisi runding dan rincian biaya (data bangku uji)." if restricted else "",
                    file_size=pages * 40_000,
                    sort_order=position,
                    text_status=TextStatus.DONE,
                    page_count=pages,
                    text_extracted_at=now,
                )
                documents.append(document)
                texts.append([writer.page(info, fields, number=n, label=label) for n in range(1, pages + 1)])
                owners.append((index, restricted, words_here))
        with transaction.atomic():
            AgreementDocument.objects.bulk_create(documents, batch_size=500)
            rows = []
            for document, pages, (index, restricted, words_here) in zip(documents, texts, owners, strict=True):
                scanned = rng.random() < 0.3
                for word in words_here:
                    wants_restricted = PLANTED[word] == "restricted_document"
                    if wants_restricted != restricted or any(p.word == word for p in planted):
                        continue
                    number = rng.randint(2, len(pages))
                    sentences = pages[number - 1].split(". ")
                    sentences.insert(len(sentences) // 2, f"Lokasi kegiatan berada di kawasan {word.capitalize()}")
                    pages[number - 1] = ". ".join(sentences)
                    planted.append(
                        Planted(word, PLANTED[word], agreements[index]["pk"], document.pk, number, len(pages))
                    )
                rows += [
                    DocumentPage(document_id=document.pk, number=n, text=text, ocr=scanned)
                    for n, text in enumerate(pages, 1)
                ]
            DocumentPage.objects.bulk_create(rows, batch_size=1000)
        bar.update(len(rows))
    bar.close()
    missing = set(PLANTED) - {p.word for p in planted}
    if missing:
        raise RuntimeError(f"could not plant {sorted(missing)}")
    return planted


def planted_as_dicts(planted: list[Planted]) -> list[dict]:
    return [asdict(p) for p in planted]
