"""The portal in English under /en/: a foreign partner or journalist reads every label in English."""

import ast
import datetime
import gettext
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from cooperation.models import AgreementParty, PartnerCategory, PartyRole

from ..factories import AgreementDocumentFactory, PartnerFactory, SectorFactory, published_agreement

pytestmark = pytest.mark.django_db

MESSAGES = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture
def agreement(site_pages):
    """A published MoU in force with a partner, a sector and a public document, all with English names."""
    partner = PartnerFactory(
        name="Pemerintah Kota Gwangmyeong",
        name_en="Gwangmyeong City Government",
        category=PartnerCategory.FOREIGN_GOVERNMENT,
        country="Korea Selatan",
        province="",
        regency_city="Gwangmyeong",
    )
    agreement = published_agreement(
        title="Kesepakatan Bersama Kota Kembar",
        title_en="Memorandum of Understanding on Sister City Cooperation",
        scope="Pertukaran pelajar dan pegawai.",
        signed_on=datetime.date(2025, 2, 3),
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2030, 2, 28),
        partners=[],
    )
    AgreementParty.objects.create(agreement=agreement, partner=partner, role=PartyRole.SECOND, number="GM/2025/7")
    agreement.sectors.set([SectorFactory(code="PDK", name="Pendidikan", name_en="Education")])
    agreement.save()
    AgreementDocumentFactory(agreement=agreement, title="Naskah KSB")
    return agreement


def _text(client, path: str) -> str:
    """The page as a reader sees it: visible text plus the accessible names and hints in attributes."""
    response = client.get(path)
    assert response.status_code == 200, path
    soup = BeautifulSoup(response.text, "html.parser")
    labels = [tag[name] for name in ("aria-label", "title", "content") for tag in soup.find_all(attrs={name: True})]
    return " ".join([soup.get_text(" ", strip=True), *labels])


def _pages(agreement) -> dict[str, str]:
    partner = agreement.parties.get().partner
    return {
        "home": "/",
        "catalogue": "/katalog/",
        "agreement": f"/katalog/naskah/{agreement.pk}/",
        "partner": f"/katalog/mitra/{partner.pk}/",
        "statistics": "/statistik/",
        "procedures": "/prosedur/",
        "faq": "/tanya-jawab/",
    }


# Labels every reader meets, in Indonesian and in English, on the pages where they appear.
LABELS = {
    "home": [
        ("Langsung ke isi", "Skip to content"),
        ("Cari naskah kerja sama", "Search cooperation agreements"),
        ("Jelajahi katalog", "Browse the catalogue"),
        ("Naskah kerja sama terbaru", "Latest cooperation agreements"),
        ("Cara mengajukan kerja sama", "How to propose cooperation"),
        ("Cek status permohonan", "Check request status"),
    ],
    "catalogue": [
        ("Langsung ke isi", "Skip to content"),
        ("Cari dan saring", "Search and filter"),
        ("Kata kunci", "Keywords"),
        ("Urutkan", "Sort by"),
        ("Terbaru ditandatangani", "Most recently signed"),
        ("Saring menurut kategori", "Filter by category"),
        ("Jenis kerja sama", "Cooperation type"),
        ("Kategori mitra", "Partner category"),
        ("Tahun penandatanganan", "Year of signing"),
        ("Dalam atau luar negeri", "Domestic or foreign"),
        ("Unduh daftar ini (semua halaman):", "Download this list (all pages):"),
        ("Berlaku", "In force"),
    ],
    "agreement": [
        ("Langsung ke isi", "Skip to content"),
        ("Katalog Kerja Sama", "Agreement Catalogue"),
        ("Keterangan naskah", "Agreement details"),
        ("Ruang lingkup", "Scope"),
        ("Jangka waktu", "Term"),
        ("Sumber pendanaan", "Funding source"),
        ("Para pihak", "Parties"),
        ("Dokumen publik naskah ini", "Public documents of this agreement"),
        ("Unduh", "Download"),
        ("Cara mengutip", "How to cite"),
        ("Berlaku", "In force"),
    ],
    "partner": [
        ("Langsung ke isi", "Skip to content"),
        ("Negara", "Country"),
        ("Kabupaten/kota", "Regency/city"),
        ("Naskah kerja sama", "Cooperation agreements"),
    ],
    "statistics": [
        ("Langsung ke isi", "Skip to content"),
        ("Angka utama", "Key figures"),
        ("Naskah per tahun penandatanganan", "Agreements by year of signing"),
        ("Mitra luar negeri per negara", "Foreign partners by country"),
        ("Persentase", "Percentage"),
    ],
    "procedures": [("Langsung ke isi", "Skip to content"), ("Menu utama", "Main menu")],
    "faq": [("Langsung ke isi", "Skip to content"), ("Menu utama", "Main menu")],
}


@pytest.mark.parametrize("page", LABELS)
def test_the_english_pages_label_everything_in_english(client, agreement, page):
    text = _text(client, "/en" + _pages(agreement)[page])
    missing = [english for _indonesian, english in LABELS[page] if english not in text]
    assert missing == []


@pytest.mark.parametrize("page", LABELS)
def test_the_indonesian_pages_keep_their_indonesian_labels(client, agreement, page):
    text = _text(client, _pages(agreement)[page])
    assert [indonesian for indonesian, _english in LABELS[page] if indonesian not in text] == []
    english_leaks = [english for _indonesian, english in LABELS[page] if re.search(rf"\b{re.escape(english)}\b", text)]
    assert english_leaks == []


def test_the_english_agreement_page_shows_the_english_title_partner_sector_and_status(client, agreement):
    text = _text(client, f"/en/katalog/naskah/{agreement.pk}/")
    assert "Memorandum of Understanding on Sister City Cooperation" in text
    assert "Gwangmyeong City Government" in text
    assert "Education" in text
    assert "Status: In force" in text


def _entries(po_text: str) -> list[dict[str, str]]:
    """The msgid/msgstr pairs of a .po file, with their flags (a minimal reader: polib is not installed)."""
    entries = []
    for block in po_text.strip().split("\n\n"):
        fields: dict[str, str] = {"flags": ""}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                fields["flags"] += line[2:]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
        if fields.get("msgid"):  # the header has an empty msgid
            entries.append(fields)
    return entries


def test_every_string_is_translated_into_english_and_compiled():
    """Our own strings only (Wagtail's and Django's come translated); the .mo must be compiled from this .po."""
    entries = _entries((MESSAGES / "django.po").read_text(encoding="utf-8"))
    assert len(entries) > 500
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    untranslated = [
        entry["msgid"]
        for entry in entries
        if any(value == "" for key, value in entry.items() if key.startswith("msgstr"))
    ]
    assert fuzzy == []
    assert untranslated == []
    with open(MESSAGES / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in entries:
        if "msgid_plural" in entry:
            compiled_text = catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 2)
            expected = entry["msgstr[1]"]
        elif "msgctxt" in entry:
            compiled_text, expected = catalogue.pgettext(entry["msgctxt"], entry["msgid"]), entry["msgstr"]
        else:
            compiled_text, expected = catalogue.gettext(entry["msgid"]), entry["msgstr"]
        if compiled_text != expected:
            stale.append(entry["msgid"])
    assert stale == [], "run `manage.py compilemessages -l en`"
