"""The words of the Kota Malang demo: reference data, agencies, partners, themes and people.

Everything here is plain data so the planner stays readable and a region can copy this file to
seed its own demo. Text is kept within Latin-1 (no typographic dashes or quotes) because the
generated PDFs use fpdf2's core fonts. People are fictional; institutions are real names used
for illustration only, with example.org contact addresses.
"""

from dataclasses import dataclass, field

from cooperation.models import ClearanceKind, DocumentRole, FundingSource, PartnerCategory

REGION_NAME = "Pemerintah Kota Malang"
REGION_NAME_EN = "City Government of Malang"
REGION_CODE = "35.73"  # BPS/Kemendagri code of Kota Malang: the middle of every city number
REGION_ADDRESS = "Jalan Tugu Nomor 1, Kiduldalem, Klojen, Kota Malang, Jawa Timur 65119"
REGION_CITY = "Malang"


@dataclass(frozen=True)
class Official:
    name: str
    position: str
    nip: str = ""


# Fictional office holders: a demo must not put invented signatures under real people's names.
MAYOR = Official("Drs. H. Budi Prasetyo, M.Si.", "Wali Kota Malang")
REGIONAL_SECRETARY = Official("Dr. Ir. Rudi Hartanto, M.T.", "Sekretaris Daerah Kota Malang", "197005121996031003")

# (code, name, English name): urusan pemerintahan with the Kepmendagri 050-5889/2021 numbering.
SECTORS: list[tuple[str, str, str]] = [
    ("1.01", "Pendidikan", "Education"),
    ("1.02", "Kesehatan", "Health"),
    ("1.03", "Pekerjaan Umum dan Penataan Ruang", "Public Works and Spatial Planning"),
    ("1.04", "Perumahan Rakyat dan Kawasan Permukiman", "Public Housing and Settlement Areas"),
    (
        "1.05",
        "Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat",
        "Public Order, Peace and Community Protection",
    ),
    ("1.06", "Sosial", "Social Affairs"),
    ("2.07", "Tenaga Kerja", "Manpower"),
    ("2.08", "Pemberdayaan Perempuan dan Pelindungan Anak", "Women's Empowerment and Child Protection"),
    ("2.09", "Pangan", "Food Security"),
    ("2.11", "Lingkungan Hidup", "Environment"),
    ("2.12", "Administrasi Kependudukan dan Pencatatan Sipil", "Population Administration and Civil Registry"),
    ("2.14", "Pengendalian Penduduk dan Keluarga Berencana", "Population Control and Family Planning"),
    ("2.15", "Perhubungan", "Transportation"),
    ("2.16", "Komunikasi dan Informatika", "Communication and Informatics"),
    ("2.17", "Koperasi, Usaha Kecil, dan Menengah", "Cooperatives and Small and Medium Enterprises"),
    ("2.18", "Penanaman Modal", "Investment"),
    ("2.19", "Kepemudaan dan Olahraga", "Youth and Sports"),
    ("2.20", "Statistik", "Statistics"),
    ("2.21", "Persandian", "Cryptography and Information Security"),
    ("2.22", "Kebudayaan", "Culture"),
    ("2.23", "Perpustakaan", "Libraries"),
    ("2.24", "Kearsipan", "Archives"),
    ("3.26", "Pariwisata", "Tourism"),
    ("3.27", "Pertanian", "Agriculture"),
    ("3.30", "Perdagangan", "Trade"),
    ("3.31", "Perindustrian", "Industry"),
    ("5.01", "Perencanaan", "Development Planning"),
    ("5.02", "Keuangan", "Regional Finance"),
    ("5.03", "Kepegawaian", "Civil Service Management"),
    ("5.05", "Penelitian dan Pengembangan", "Research and Development"),
    ("6.01", "Pengawasan", "Internal Oversight"),
]


@dataclass(frozen=True)
class CategorySeed:
    code: str
    name: str
    name_en: str
    restricted_by_default: bool = False


DOCUMENT_CATEGORIES: list[CategorySeed] = [
    CategorySeed("surat-penawaran", "Surat Penawaran / Permohonan Kerja Sama", "Offer or Request Letter"),
    CategorySeed("kak", "Kerangka Acuan Kerja (KAK)", "Terms of Reference"),
    CategorySeed("kajian-manfaat", "Kajian Manfaat dan Biaya / Studi Kelayakan", "Cost-Benefit or Feasibility Study"),
    CategorySeed("profil-mitra", "Profil dan Legalitas Mitra", "Partner Profile and Legal Standing"),
    CategorySeed("persetujuan-dprd", "Persetujuan DPRD", "Regional Parliament Approval"),
    CategorySeed("surat-kuasa", "Surat Kuasa Penandatanganan", "Power of Attorney to Sign"),
    CategorySeed("full-powers", "Surat Kuasa Penuh (Full Powers) Kementerian Luar Negeri", "Full Powers"),
    CategorySeed("berita-acara", "Berita Acara", "Minutes"),
    CategorySeed("draf-naskah", "Draf Naskah (dalam perundingan)", "Draft under Negotiation", True),
    CategorySeed("naskah-ditandatangani", "Naskah yang Telah Ditandatangani", "Signed Agreement"),
    CategorySeed("laporan-monev", "Laporan Monitoring dan Evaluasi", "Monitoring and Evaluation Report"),
    CategorySeed("lampiran", "Lampiran", "Annex"),
]


@dataclass(frozen=True)
class KindSeed:
    code: str
    name: str
    name_en: str
    description: str
    is_foreign: bool
    max_term_years: int | None
    required_documents: tuple[str, ...]
    monev_interval_months: int = 6
    weight: int = 1  # how often the planner picks this kind for a new family


COOPERATION_KINDS: list[KindSeed] = [
    KindSeed(
        "KSDD",
        "Kerja Sama Daerah dengan Daerah Lain",
        "Cooperation with Other Regions",
        "Kerja sama wajib (daerah berbatasan) atau sukarela dengan provinsi/kabupaten/kota lain "
        "(PP 28/2018; Permendagri 22/2020).",
        False,
        5,
        ("surat-penawaran", "kak", "kajian-manfaat", "draf-naskah"),
        weight=18,
    ),
    KindSeed(
        "KSDPK",
        "Kerja Sama Daerah dengan Pihak Ketiga",
        "Cooperation with Third Parties",
        "Dengan badan usaha, BUMN/BUMD, perguruan tinggi, ormas/LSM atau perorangan "
        "(PP 28/2018; Permendagri 22/2020). Kerja sama pemanfaatan barang milik daerah mengikuti "
        "ketentuan pengelolaan BMD dan dicatat dengan batas jangka waktunya sendiri.",
        False,
        5,
        ("surat-penawaran", "kak", "kajian-manfaat", "profil-mitra", "draf-naskah"),
        weight=40,
    ),
    KindSeed(
        "KSDPL",
        "Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri",
        "Cooperation with Foreign Regional Governments",
        "Kota kembar (sister city) dan kerja sama antarpemerintah daerah lintas negara "
        "(Permendagri 25/2020): LoI, konsultasi Kemendagri, persetujuan DPRD, Full Powers Kemlu.",
        True,
        5,
        ("surat-penawaran", "kajian-manfaat", "profil-mitra", "persetujuan-dprd", "full-powers", "draf-naskah"),
        weight=7,
    ),
    KindSeed(
        "KSDLL",
        "Kerja Sama Daerah dengan Lembaga di Luar Negeri",
        "Cooperation with Foreign Institutions",
        "Dengan lembaga, badan atau organisasi di luar negeri (Permendagri 25/2020).",
        True,
        5,
        ("surat-penawaran", "kajian-manfaat", "profil-mitra", "full-powers", "draf-naskah"),
        weight=7,
    ),
    KindSeed(
        "K/L",
        "Kerja Sama dengan Kementerian/Lembaga",
        "Cooperation with Central Ministries and Agencies",
        "Dengan kementerian, lembaga pemerintah nonkementerian dan instansi vertikal.",
        False,
        5,
        ("surat-penawaran", "kak", "draf-naskah"),
        weight=20,
    ),
    KindSeed(
        "Internal",
        "Kerja Sama antar-Perangkat Daerah",
        "Inter-Agency Cooperation",
        "Kesepakatan pelaksanaan antar-OPD di lingkungan Pemerintah Kota Malang; jangka waktu "
        "mengikuti tahun anggaran yang disepakati.",
        False,
        3,
        ("kak", "draf-naskah"),
        monev_interval_months=12,
        weight=8,
    ),
]


@dataclass(frozen=True)
class DocumentTypeSeed:
    code: str
    name: str
    name_en: str
    role: str
    # (verifikasi, telaah hukum, pembahasan TKKSD, persetujuan) in days
    service_days: tuple[int, int, int, int]
    parents: tuple[str, ...] = ()
    max_term_years: int | None = None
    required_documents: tuple[str, ...] = ()
    warning_days: int = 2


DOCUMENT_TYPES: list[DocumentTypeSeed] = [
    DocumentTypeSeed(
        "KSB",
        "Kesepakatan Bersama / MoU",
        "Memorandum of Understanding",
        DocumentRole.FRAMEWORK,
        (7, 7, 10, 6),
        required_documents=("surat-penawaran", "kak", "draf-naskah"),
    ),
    DocumentTypeSeed(
        "PKS",
        "Perjanjian Kerja Sama",
        "Cooperation Agreement",
        DocumentRole.IMPLEMENTING,
        (10, 10, 15, 10),
        parents=("KSB",),
        required_documents=("kak", "kajian-manfaat", "draf-naskah", "surat-kuasa"),
    ),
    DocumentTypeSeed(
        "LOI",
        "Letter of Intent",
        "Letter of Intent",
        DocumentRole.PRELIMINARY,
        (5, 5, 6, 5),
        max_term_years=2,
        required_documents=("surat-penawaran", "draf-naskah"),
    ),
    DocumentTypeSeed(
        "MSP",
        "Memorandum Saling Pengertian",
        "Memorandum of Understanding (foreign partner)",
        DocumentRole.FRAMEWORK,
        (7, 7, 10, 6),
        required_documents=("surat-penawaran", "kajian-manfaat", "full-powers", "draf-naskah"),
    ),
    DocumentTypeSeed(
        "ADD",
        "Adendum",
        "Addendum",
        DocumentRole.AMENDMENT,
        (5, 5, 6, 5),
        parents=("KSB", "PKS", "MSP"),
        required_documents=("draf-naskah",),
    ),
]


@dataclass(frozen=True)
class AgencySeed:
    code: str
    name: str
    short_name: str
    unit: str  # the unit part of the city's document numbers: 180/12/35.73.<unit>/2024
    head_position: str


AGENCIES: list[AgencySeed] = [
    AgencySeed("SETDA", "Sekretariat Daerah", "Setda", "401", "Sekretaris Daerah Kota Malang"),
    AgencySeed(
        "SETDA-PEM",
        "Bagian Pemerintahan Sekretariat Daerah",
        "Bagian Pemerintahan",
        "402",
        "Kepala Bagian Pemerintahan Sekretariat Daerah Kota Malang",
    ),
    AgencySeed(
        "SETDA-HKM",
        "Bagian Hukum Sekretariat Daerah",
        "Bagian Hukum",
        "403",
        "Kepala Bagian Hukum Sekretariat Daerah Kota Malang",
    ),
    AgencySeed(
        "SETDA-EKO",
        "Bagian Perekonomian dan Infrastruktur Sekretariat Daerah",
        "Bagian Perekonomian",
        "404",
        "Kepala Bagian Perekonomian dan Infrastruktur Sekretariat Daerah Kota Malang",
    ),
    AgencySeed("SETWAN", "Sekretariat DPRD", "Setwan", "405", "Sekretaris DPRD Kota Malang"),
    AgencySeed("INSPEKTORAT", "Inspektorat Daerah", "Inspektorat", "410", "Inspektur Daerah Kota Malang"),
    AgencySeed(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        "420",
        "Kepala Badan Perencanaan Pembangunan Daerah Kota Malang",
    ),
    AgencySeed("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", "421", "Kepala Badan Pendapatan Daerah Kota Malang"),
    AgencySeed(
        "BKAD", "Badan Keuangan dan Aset Daerah", "BKAD", "422", "Kepala Badan Keuangan dan Aset Daerah Kota Malang"
    ),
    AgencySeed(
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        "423",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Malang",
    ),
    AgencySeed(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        "424",
        "Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kota Malang",
    ),
    AgencySeed(
        "BAKESBANGPOL",
        "Badan Kesatuan Bangsa dan Politik",
        "Bakesbangpol",
        "425",
        "Kepala Badan Kesatuan Bangsa dan Politik Kota Malang",
    ),
    AgencySeed(
        "DISDIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "Disdikbud",
        "101",
        "Kepala Dinas Pendidikan dan Kebudayaan Kota Malang",
    ),
    AgencySeed("DINKES", "Dinas Kesehatan", "Dinkes", "102", "Kepala Dinas Kesehatan Kota Malang"),
    AgencySeed(
        "RSUD",
        "Rumah Sakit Umum Daerah Kota Malang",
        "RSUD Kota Malang",
        "103",
        "Direktur Rumah Sakit Umum Daerah Kota Malang",
    ),
    AgencySeed(
        "DPUPRPKP",
        "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman",
        "DPUPRPKP",
        "104",
        "Kepala Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman Kota Malang",
    ),
    AgencySeed(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        "105",
        "Kepala Satuan Polisi Pamong Praja Kota Malang",
    ),
    AgencySeed(
        "DAMKAR",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Damkar",
        "106",
        "Kepala Dinas Pemadam Kebakaran dan Penyelamatan Kota Malang",
    ),
    AgencySeed(
        "DINSOS",
        "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
        "Dinsos-P3AP2KB",
        "107",
        "Kepala Dinas Sosial-P3AP2KB Kota Malang",
    ),
    AgencySeed(
        "DISNAKER",
        "Dinas Tenaga Kerja, Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Disnaker-PMPTSP",
        "108",
        "Kepala Dinas Tenaga Kerja-PMPTSP Kota Malang",
    ),
    AgencySeed(
        "DKPP",
        "Dinas Ketahanan Pangan dan Pertanian",
        "DKPP",
        "109",
        "Kepala Dinas Ketahanan Pangan dan Pertanian Kota Malang",
    ),
    AgencySeed("DLH", "Dinas Lingkungan Hidup", "DLH", "110", "Kepala Dinas Lingkungan Hidup Kota Malang"),
    AgencySeed(
        "DISPENDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dispendukcapil",
        "111",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Malang",
    ),
    AgencySeed("DISHUB", "Dinas Perhubungan", "Dishub", "112", "Kepala Dinas Perhubungan Kota Malang"),
    AgencySeed(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Diskominfo",
        "113",
        "Kepala Dinas Komunikasi dan Informatika Kota Malang",
    ),
    AgencySeed(
        "DISKOPINDAG",
        "Dinas Koperasi, Perindustrian dan Perdagangan",
        "Diskopindag",
        "114",
        "Kepala Dinas Koperasi, Perindustrian dan Perdagangan Kota Malang",
    ),
    AgencySeed(
        "DISPORAPAR",
        "Dinas Kepemudaan, Olahraga dan Pariwisata",
        "Disporapar",
        "115",
        "Kepala Dinas Kepemudaan, Olahraga dan Pariwisata Kota Malang",
    ),
    AgencySeed(
        "DISPUSIPDA",
        "Dinas Perpustakaan Umum dan Arsip Daerah",
        "Dispussipda",
        "116",
        "Kepala Dinas Perpustakaan Umum dan Arsip Daerah Kota Malang",
    ),
    AgencySeed("KEC-KLOJEN", "Kecamatan Klojen", "Kec. Klojen", "601", "Camat Klojen"),
    AgencySeed("KEC-BLIMBING", "Kecamatan Blimbing", "Kec. Blimbing", "602", "Camat Blimbing"),
    AgencySeed("KEC-KEDUNGKANDANG", "Kecamatan Kedungkandang", "Kec. Kedungkandang", "603", "Camat Kedungkandang"),
    AgencySeed("KEC-LOWOKWARU", "Kecamatan Lowokwaru", "Kec. Lowokwaru", "604", "Camat Lowokwaru"),
    AgencySeed("KEC-SUKUN", "Kecamatan Sukun", "Kec. Sukun", "605", "Camat Sukun"),
]

# Agencies that are parts of the Secretariat sign as the city itself, not in their own name.
SECRETARIAT_UNITS = {"SETDA", "SETDA-PEM", "SETDA-HKM", "SETDA-EKO"}


@dataclass(frozen=True)
class PartnerSeed:
    key: str
    name: str
    category: str
    signatory_position: str
    number: str  # the partner's own numbering: {n} sequence, {y} year, {rm} month in Roman numerals
    province: str = ""
    regency_city: str = ""
    address: str = ""
    country: str = "Indonesia"
    name_en: str = ""
    website: str = ""
    phone_prefix: str = "(0341)"


C = PartnerCategory
JATIM = "Jawa Timur"

PARTNERS: list[PartnerSeed] = [
    # -- other regions (KSDD) --------------------------------------------------------------
    PartnerSeed(
        "KAB-MALANG",
        "Pemerintah Kabupaten Malang",
        C.REGIONAL_GOVERNMENT,
        "Bupati Malang",
        "180/{n}/35.07.013/{y}",
        JATIM,
        "Kabupaten Malang",
        "Jalan Panji Nomor 158, Kepanjen, Kabupaten Malang 65163",
        name_en="Malang Regency Government",
        website="https://malangkab.go.id",
    ),
    PartnerSeed(
        "KOTA-BATU",
        "Pemerintah Kota Batu",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Batu",
        "180/{n}/35.79.122/{y}",
        JATIM,
        "Kota Batu",
        "Jalan Panglima Sudirman Nomor 507, Kota Batu 65313",
        name_en="Batu City Government",
        website="https://batukota.go.id",
    ),
    PartnerSeed(
        "KAB-PASURUAN",
        "Pemerintah Kabupaten Pasuruan",
        C.REGIONAL_GOVERNMENT,
        "Bupati Pasuruan",
        "180/{n}/424.011/{y}",
        JATIM,
        "Kabupaten Pasuruan",
        "Jalan Raya Raci Km 9, Bangil, Kabupaten Pasuruan",
        phone_prefix="(0343)",
    ),
    PartnerSeed(
        "KOTA-SURABAYA",
        "Pemerintah Kota Surabaya",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Surabaya",
        "180/{n}/436.1.2/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Taman Surya Nomor 1, Surabaya 60272",
        name_en="Surabaya City Government",
        website="https://surabaya.go.id",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "KAB-BLITAR",
        "Pemerintah Kabupaten Blitar",
        C.REGIONAL_GOVERNMENT,
        "Bupati Blitar",
        "180/{n}/409.1/{y}",
        JATIM,
        "Kabupaten Blitar",
        "Jalan Kusuma Bangsa Nomor 1, Kanigoro, Kabupaten Blitar",
        phone_prefix="(0342)",
    ),
    PartnerSeed(
        "KOTA-BLITAR",
        "Pemerintah Kota Blitar",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Blitar",
        "180/{n}/410.010/{y}",
        JATIM,
        "Kota Blitar",
        "Jalan Merdeka Nomor 105, Kota Blitar",
        phone_prefix="(0342)",
    ),
    PartnerSeed(
        "KOTA-PASURUAN",
        "Pemerintah Kota Pasuruan",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Pasuruan",
        "180/{n}/423.011/{y}",
        JATIM,
        "Kota Pasuruan",
        "Jalan Pahlawan Nomor 28, Kota Pasuruan",
        phone_prefix="(0343)",
    ),
    PartnerSeed(
        "KOTA-PROBOLINGGO",
        "Pemerintah Kota Probolinggo",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Probolinggo",
        "180/{n}/425.012/{y}",
        JATIM,
        "Kota Probolinggo",
        "Jalan Panglima Sudirman Nomor 19, Kota Probolinggo",
        phone_prefix="(0335)",
    ),
    PartnerSeed(
        "KAB-SIDOARJO",
        "Pemerintah Kabupaten Sidoarjo",
        C.REGIONAL_GOVERNMENT,
        "Bupati Sidoarjo",
        "180/{n}/438.1.1.3/{y}",
        JATIM,
        "Kabupaten Sidoarjo",
        "Jalan Sultan Agung Nomor 1, Sidoarjo",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "KOTA-KEDIRI",
        "Pemerintah Kota Kediri",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Kediri",
        "180/{n}/419.033/{y}",
        JATIM,
        "Kota Kediri",
        "Jalan Basuki Rahmat Nomor 15, Kota Kediri",
        phone_prefix="(0354)",
    ),
    PartnerSeed(
        "KAB-LUMAJANG",
        "Pemerintah Kabupaten Lumajang",
        C.REGIONAL_GOVERNMENT,
        "Bupati Lumajang",
        "180/{n}/427.12/{y}",
        JATIM,
        "Kabupaten Lumajang",
        "Jalan Alun-Alun Utara Nomor 1, Lumajang",
        phone_prefix="(0334)",
    ),
    PartnerSeed(
        "PROV-JATIM",
        "Pemerintah Provinsi Jawa Timur",
        C.REGIONAL_GOVERNMENT,
        "Gubernur Jawa Timur",
        "120/{n}/013.3/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Pahlawan Nomor 110, Surabaya 60174",
        name_en="East Java Provincial Government",
        website="https://jatimprov.go.id",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "KOTA-YOGYAKARTA",
        "Pemerintah Kota Yogyakarta",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Yogyakarta",
        "075/{n}/KS/{y}",
        "Daerah Istimewa Yogyakarta",
        "Kota Yogyakarta",
        "Jalan Kenari Nomor 56, Muja Muju, Umbulharjo, Kota Yogyakarta",
        phone_prefix="(0274)",
    ),
    PartnerSeed(
        "KOTA-DENPASAR",
        "Pemerintah Kota Denpasar",
        C.REGIONAL_GOVERNMENT,
        "Wali Kota Denpasar",
        "075/{n}/HK/{y}",
        "Bali",
        "Kota Denpasar",
        "Jalan Gajah Mada Nomor 1, Denpasar",
        phone_prefix="(0361)",
    ),
    # -- ministries, agencies and vertical offices (K/L) -----------------------------------
    PartnerSeed(
        "DUKCAPIL",
        "Direktorat Jenderal Kependudukan dan Pencatatan Sipil Kementerian Dalam Negeri",
        C.MINISTRY,
        "Direktur Jenderal Kependudukan dan Pencatatan Sipil",
        "{n}/KS/DUKCAPIL/{rm}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Selatan",
        "Jalan Raya Pasar Minggu Km 19, Jakarta Selatan 12520",
        website="https://dukcapil.kemendagri.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "KEMENDAGRI",
        "Kementerian Dalam Negeri",
        C.MINISTRY,
        "Sekretaris Jenderal Kementerian Dalam Negeri",
        "119/{n}/SJ/{y}",
        "DKI Jakarta",
        "Kota Jakarta Pusat",
        "Jalan Medan Merdeka Utara Nomor 7, Jakarta Pusat",
        website="https://kemendagri.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "BBWS-BRANTAS",
        "Balai Besar Wilayah Sungai Brantas Kementerian Pekerjaan Umum",
        C.MINISTRY,
        "Kepala Balai Besar Wilayah Sungai Brantas",
        "HK.02.03-Ab/{n}/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Raya Menur Nomor 127, Surabaya",
        website="https://sda.pu.go.id",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "KEMENKES",
        "Kementerian Kesehatan",
        C.MINISTRY,
        "Direktur Jenderal Kesehatan Masyarakat",
        "HK.03.01/{n}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Selatan",
        "Jalan H.R. Rasuna Said Blok X-5 Kav. 4-9, Jakarta Selatan",
        website="https://kemkes.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "KEMENDIKDASMEN",
        "Kementerian Pendidikan Dasar dan Menengah",
        C.MINISTRY,
        "Sekretaris Jenderal Kementerian Pendidikan Dasar dan Menengah",
        "{n}/A/HK.03.01/{y}",
        "DKI Jakarta",
        "Kota Jakarta Pusat",
        "Jalan Jenderal Sudirman, Senayan, Jakarta Pusat",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "KOMDIGI",
        "Kementerian Komunikasi dan Digital",
        C.MINISTRY,
        "Direktur Jenderal Ekosistem Digital",
        "{n}/DJED/KS.01.01/{rm}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Pusat",
        "Jalan Medan Merdeka Barat Nomor 9, Jakarta Pusat",
        website="https://komdigi.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "BPS",
        "Badan Pusat Statistik Kota Malang",
        C.MINISTRY,
        "Kepala Badan Pusat Statistik Kota Malang",
        "B-{n}/35730/HK.300/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Janti Barat Nomor 47, Sukun, Kota Malang",
        website="https://malangkota.bps.go.id",
    ),
    PartnerSeed(
        "BPJS-KES",
        "BPJS Kesehatan Kantor Cabang Malang",
        C.MINISTRY,
        "Kepala BPJS Kesehatan Kantor Cabang Malang",
        "{n}/KTR/VII-04/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Dr. Cipto Nomor 13, Klojen, Kota Malang",
        website="https://bpjs-kesehatan.go.id",
    ),
    PartnerSeed(
        "BPJS-TK",
        "BPJS Ketenagakerjaan Kantor Cabang Malang",
        C.MINISTRY,
        "Kepala BPJS Ketenagakerjaan Kantor Cabang Malang",
        "PKS/{n}/KC-MLG/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Letjen S. Parman Nomor 88, Blimbing, Kota Malang",
    ),
    PartnerSeed(
        "BSSN",
        "Badan Siber dan Sandi Negara",
        C.MINISTRY,
        "Deputi Bidang Keamanan Siber dan Sandi Pemerintahan",
        "{n}/BSSN/D3/PP.01.00/{rm}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Selatan",
        "Jalan Harsono R.M. Nomor 70, Ragunan, Jakarta Selatan",
        website="https://bssn.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "ANRI",
        "Arsip Nasional Republik Indonesia",
        C.MINISTRY,
        "Kepala Arsip Nasional Republik Indonesia",
        "KS.01/{n}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Selatan",
        "Jalan Ampera Raya Nomor 7, Jakarta Selatan",
        website="https://anri.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "PERPUSNAS",
        "Perpustakaan Nasional Republik Indonesia",
        C.MINISTRY,
        "Kepala Perpustakaan Nasional Republik Indonesia",
        "{n}/KS.01/{rm}/{y}",
        "DKI Jakarta",
        "Kota Jakarta Pusat",
        "Jalan Medan Merdeka Selatan Nomor 11, Jakarta Pusat",
        website="https://perpusnas.go.id",
        phone_prefix="(021)",
    ),
    PartnerSeed(
        "BPKP",
        "Perwakilan BPKP Provinsi Jawa Timur",
        C.MINISTRY,
        "Kepala Perwakilan BPKP Provinsi Jawa Timur",
        "PKS-{n}/PW13/{y}",
        JATIM,
        "Kabupaten Sidoarjo",
        "Jalan Raya Bandara Juanda Nomor 38, Sidoarjo",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "BPN",
        "Kantor Pertanahan Kota Malang",
        C.MINISTRY,
        "Kepala Kantor Pertanahan Kota Malang",
        "{n}/PKS-35.73/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Danau Jonge Nomor 1, Sawojajar, Kota Malang",
    ),
    PartnerSeed(
        "KEJARI",
        "Kejaksaan Negeri Kota Malang",
        C.MINISTRY,
        "Kepala Kejaksaan Negeri Kota Malang",
        "B-{n}/M.5.11/Gs/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Simpang Ahmad Yani Nomor 1, Blimbing, Kota Malang",
    ),
    PartnerSeed(
        "POLRESTA",
        "Kepolisian Resor Kota Malang Kota",
        C.MINISTRY,
        "Kepala Kepolisian Resor Kota Malang Kota",
        "B/{n}/{rm}/HUK.6.3./{y}",
        JATIM,
        "Kota Malang",
        "Jalan Jaksa Agung Suprapto Nomor 19, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "BNN",
        "Badan Narkotika Nasional Kota Malang",
        C.MINISTRY,
        "Kepala Badan Narkotika Nasional Kota Malang",
        "PKS/{n}/{rm}/KA/PM.00/{y}/BNNK-MLG",
        JATIM,
        "Kota Malang",
        "Jalan Terusan Sulfat, Kedungkandang, Kota Malang",
    ),
    # -- universities ------------------------------------------------------------------------
    PartnerSeed(
        "UB",
        "Universitas Brawijaya",
        C.UNIVERSITY,
        "Rektor Universitas Brawijaya",
        "{n}/UN10/KS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Veteran, Ketawanggede, Lowokwaru, Kota Malang 65145",
        name_en="Brawijaya University",
        website="https://ub.ac.id",
    ),
    PartnerSeed(
        "UM",
        "Universitas Negeri Malang",
        C.UNIVERSITY,
        "Rektor Universitas Negeri Malang",
        "{n}/UN32/HK.07/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Semarang Nomor 5, Sumbersari, Lowokwaru, Kota Malang 65145",
        name_en="State University of Malang",
        website="https://um.ac.id",
    ),
    PartnerSeed(
        "UIN-MALANG",
        "Universitas Islam Negeri Maulana Malik Ibrahim Malang",
        C.UNIVERSITY,
        "Rektor UIN Maulana Malik Ibrahim Malang",
        "B-{n}/Un.03/KS.01.7/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Gajayana Nomor 50, Dinoyo, Lowokwaru, Kota Malang 65144",
        website="https://uin-malang.ac.id",
    ),
    PartnerSeed(
        "UMM",
        "Universitas Muhammadiyah Malang",
        C.UNIVERSITY,
        "Rektor Universitas Muhammadiyah Malang",
        "E.6.c/{n}/BAA-UMM/{rm}/{y}",
        JATIM,
        "Kabupaten Malang",
        "Jalan Raya Tlogomas Nomor 246, Malang 65144",
        website="https://umm.ac.id",
    ),
    PartnerSeed(
        "POLINEMA",
        "Politeknik Negeri Malang",
        C.UNIVERSITY,
        "Direktur Politeknik Negeri Malang",
        "{n}/PL2.1/KS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Soekarno Hatta Nomor 9, Jatimulyo, Lowokwaru, Kota Malang",
        website="https://polinema.ac.id",
    ),
    PartnerSeed(
        "ITN",
        "Institut Teknologi Nasional Malang",
        C.UNIVERSITY,
        "Rektor Institut Teknologi Nasional Malang",
        "ITN-{n}/KS/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Bendungan Sigura-gura Nomor 2, Sumbersari, Kota Malang",
        website="https://itn.ac.id",
    ),
    PartnerSeed(
        "UNISMA",
        "Universitas Islam Malang",
        C.UNIVERSITY,
        "Rektor Universitas Islam Malang",
        "{n}/U.KS/UNISMA/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Mayjen Haryono Nomor 193, Dinoyo, Kota Malang",
        website="https://unisma.ac.id",
    ),
    PartnerSeed(
        "UNMER",
        "Universitas Merdeka Malang",
        C.UNIVERSITY,
        "Rektor Universitas Merdeka Malang",
        "{n}/UNMER/KS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Terusan Raya Dieng Nomor 62-64, Sukun, Kota Malang",
        website="https://unmer.ac.id",
    ),
    PartnerSeed(
        "MACHUNG",
        "Universitas Ma Chung",
        C.UNIVERSITY,
        "Rektor Universitas Ma Chung",
        "{n}/UMC/KS/{rm}/{y}",
        JATIM,
        "Kabupaten Malang",
        "Villa Puncak Tidar N-01, Doro, Karangwidoro, Kabupaten Malang",
        website="https://machung.ac.id",
    ),
    # -- state enterprises (BUMN) ----------------------------------------------------------
    PartnerSeed(
        "PLN",
        "PT PLN (Persero) Unit Pelaksana Pelayanan Pelanggan Malang",
        C.STATE_ENTERPRISE,
        "Manager PT PLN (Persero) UP3 Malang",
        "{n}/HKM.02.01/UP3MLG/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Basuki Rahmat Nomor 100, Klojen, Kota Malang",
        website="https://pln.co.id",
    ),
    PartnerSeed(
        "TELKOM",
        "PT Telkom Indonesia (Persero) Tbk Witel Malang",
        C.STATE_ENTERPRISE,
        "General Manager Witel Malang",
        "Tel.{n}/HK.810/WTL-MLG/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Jenderal Basuki Rahmat Nomor 7-9, Klojen, Kota Malang",
        website="https://telkom.co.id",
    ),
    PartnerSeed(
        "BRI",
        "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Malang Kawi",
        C.STATE_ENTERPRISE,
        "Pemimpin Cabang BRI Malang Kawi",
        "B.{n}-KC-XIV/OPS/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Kawi Nomor 20-22, Klojen, Kota Malang",
        website="https://bri.co.id",
    ),
    PartnerSeed(
        "MANDIRI",
        "PT Bank Mandiri (Persero) Tbk Area Malang",
        C.STATE_ENTERPRISE,
        "Area Head Bank Mandiri Malang",
        "MLG.AR/{n}/PKS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Jenderal Basuki Rahmat Nomor 75, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "BNI",
        "PT Bank Negara Indonesia (Persero) Tbk Kantor Cabang Malang",
        C.STATE_ENTERPRISE,
        "Pemimpin Cabang BNI Malang",
        "MLG/{n}/PKS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Jenderal Basuki Rahmat Nomor 75-77, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "POS",
        "PT Pos Indonesia (Persero) Kantor Cabang Utama Malang",
        C.STATE_ENTERPRISE,
        "Kepala Kantor Cabang Utama Malang",
        "{n}/PKS/KCU-MLG/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Merdeka Selatan Nomor 5, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "KAI",
        "PT Kereta Api Indonesia (Persero) Daerah Operasi 8 Surabaya",
        C.STATE_ENTERPRISE,
        "Executive Vice President Daop 8 Surabaya",
        "HK.221/{n}/Daop8/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Gubeng Masjid Nomor 1, Surabaya",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "BULOG",
        "Perum Bulog Kantor Cabang Malang",
        C.STATE_ENTERPRISE,
        "Pemimpin Cabang Perum Bulog Malang",
        "PKS-{n}/KC-MLG/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Mayjen Panjaitan Nomor 29, Lowokwaru, Kota Malang",
    ),
    # -- regional enterprises (BUMD) -------------------------------------------------------
    PartnerSeed(
        "BANKJATIM",
        "PT Bank Pembangunan Daerah Jawa Timur Tbk Kantor Cabang Malang",
        C.REGIONAL_ENTERPRISE,
        "Pemimpin Cabang Bank Jatim Malang",
        "{n}/MLG/PKS/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Jenderal Basuki Rahmat Nomor 119, Klojen, Kota Malang",
        website="https://bankjatim.co.id",
    ),
    PartnerSeed(
        "TUGU-TIRTA",
        "Perumda Air Minum Tugu Tirta Kota Malang",
        C.REGIONAL_ENTERPRISE,
        "Direktur Utama Perumda Air Minum Tugu Tirta",
        "690/{n}/35.73.501/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Terusan Danau Sentani Nomor 100, Kedungkandang, Kota Malang",
    ),
    PartnerSeed(
        "BPR-TUGU",
        "Perumda BPR Tugu Artha Sejahtera Kota Malang",
        C.REGIONAL_ENTERPRISE,
        "Direktur Utama Perumda BPR Tugu Artha Sejahtera",
        "{n}/BPR-TAS/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Soekarno Hatta, Lowokwaru, Kota Malang",
    ),
    PartnerSeed(
        "JAMKRIDA",
        "PT Jaminan Kredit Daerah Jawa Timur",
        C.REGIONAL_ENTERPRISE,
        "Direktur Utama PT Jamkrida Jatim",
        "{n}/JKD-JTM/PKS/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Ketintang Baru Nomor 1, Surabaya",
        phone_prefix="(031)",
    ),
    # -- companies (fictional) -------------------------------------------------------------
    PartnerSeed(
        "NCT",
        "PT Nusantara Cerdas Teknologi",
        C.COMPANY,
        "Direktur Utama",
        "{n}/NCT-LGL/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Soekarno Hatta Nomor 12, Lowokwaru, Kota Malang",
    ),
    PartnerSeed(
        "BRANTAS-ENERGI",
        "PT Brantas Energi Lestari",
        C.COMPANY,
        "Direktur Utama",
        "BEL/{n}/PKS/{y}",
        JATIM,
        "Kota Surabaya",
        "Jalan Rungkut Industri III Nomor 21, Surabaya",
        phone_prefix="(031)",
    ),
    PartnerSeed(
        "ARJUNO",
        "PT Arjuno Properti Indonesia",
        C.COMPANY,
        "Direktur",
        "{n}/API/DIR/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Raya Sawojajar Nomor 8, Kedungkandang, Kota Malang",
    ),
    PartnerSeed(
        "TUGU-MEDIA",
        "CV Tugu Media Kreasi",
        C.COMPANY,
        "Direktur",
        "{n}/TMK/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Kahuripan Nomor 3, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "SEMERU-LOG",
        "PT Semeru Logistik Nusantara",
        C.COMPANY,
        "Direktur Utama",
        "SLN/{n}/LGL/{y}",
        JATIM,
        "Kabupaten Malang",
        "Jalan Raya Singosari Km 7, Kabupaten Malang",
    ),
    # -- civil society -----------------------------------------------------------------------
    PartnerSeed(
        "PMI",
        "Palang Merah Indonesia Kota Malang",
        C.NGO,
        "Ketua PMI Kota Malang",
        "{n}/PMI-MLG/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Sulawesi Nomor 16, Kasin, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "PDM",
        "Pimpinan Daerah Muhammadiyah Kota Malang",
        C.NGO,
        "Ketua PDM Kota Malang",
        "{n}/KET/II.0/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Gajayana Nomor 28B, Lowokwaru, Kota Malang",
    ),
    PartnerSeed(
        "PCNU",
        "Pengurus Cabang Nahdlatul Ulama Kota Malang",
        C.NGO,
        "Ketua PCNU Kota Malang",
        "{n}/PC/A.II/L-13/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Kauman Nomor 2, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "KADIN",
        "Kamar Dagang dan Industri Kota Malang",
        C.NGO,
        "Ketua Umum KADIN Kota Malang",
        "{n}/KADIN-MLG/{rm}/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Pahlawan Trip Nomor 7, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "YLHMR",
        "Yayasan Lingkungan Hijau Malang Raya",
        C.NGO,
        "Ketua Pengurus Yayasan",
        "{n}/YLH/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Ijen Nomor 40, Klojen, Kota Malang",
    ),
    PartnerSeed(
        "PERORANGAN",
        "Ir. Hendro Wibisono",
        C.INDIVIDUAL,
        "Pemilik Lahan",
        "{n}/HW/{y}",
        JATIM,
        "Kota Malang",
        "Jalan Bandung Nomor 10, Klojen, Kota Malang",
    ),
    # -- foreign regional governments (KSDPL) ----------------------------------------------
    PartnerSeed(
        "HILDESHEIM",
        "Kota Hildesheim",
        C.FOREIGN_GOVERNMENT,
        "Oberbürgermeister der Stadt Hildesheim",
        "HI-{n}/{y}",
        "Niedersachsen",
        "Hildesheim",
        "Markt 1, 31134 Hildesheim",
        country="Jerman",
        name_en="City of Hildesheim",
        phone_prefix="+49 5121",
    ),
    PartnerSeed(
        "KITAKYUSHU",
        "Kota Kitakyushu",
        C.FOREIGN_GOVERNMENT,
        "Mayor of Kitakyushu",
        "KKC-{n}/{y}",
        "Prefektur Fukuoka",
        "Kitakyushu",
        "1-1 Jonai, Kokurakita-ku, Kitakyushu",
        country="Jepang",
        name_en="City of Kitakyushu",
        phone_prefix="+81 93",
    ),
    PartnerSeed(
        "PENANG",
        "Majlis Bandaraya Pulau Pinang",
        C.FOREIGN_GOVERNMENT,
        "Datuk Bandar Pulau Pinang",
        "MBPP/{n}/{y}",
        "Pulau Pinang",
        "George Town",
        "Komtar, Jalan Penang, 10000 George Town",
        country="Malaysia",
        name_en="Penang Island City Council",
        phone_prefix="+60 4",
    ),
    PartnerSeed(
        "DAVAO",
        "Pemerintah Kota Davao",
        C.FOREIGN_GOVERNMENT,
        "City Mayor of Davao",
        "CMO-{n}-{y}",
        "Davao del Sur",
        "Davao City",
        "San Pedro Street, Davao City 8000",
        country="Filipina",
        name_en="City Government of Davao",
        phone_prefix="+63 82",
    ),
    # -- foreign institutions (KSDLL) ------------------------------------------------------
    PartnerSeed(
        "JICA",
        "Japan International Cooperation Agency (JICA) Indonesia Office",
        C.FOREIGN_INSTITUTION,
        "Chief Representative, JICA Indonesia Office",
        "JICA-IDN/{n}/{y}",
        "Tokyo",
        "Chiyoda",
        "Nibancho Center Building, 5-25 Niban-cho, Chiyoda-ku, Tokyo",
        country="Jepang",
        name_en="Japan International Cooperation Agency",
        website="https://www.jica.go.jp",
        phone_prefix="+81 3",
    ),
    PartnerSeed(
        "GIZ",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
        C.FOREIGN_INSTITUTION,
        "Country Director, GIZ Indonesia",
        "GIZ-ID/{n}/{y}",
        "Hessen",
        "Eschborn",
        "Dag-Hammarskjöld-Weg 1-5, 65760 Eschborn",
        country="Jerman",
        name_en="Deutsche Gesellschaft für Internationale Zusammenarbeit",
        website="https://www.giz.de",
        phone_prefix="+49 6196",
    ),
    PartnerSeed(
        "KOICA",
        "Korea International Cooperation Agency (KOICA)",
        C.FOREIGN_INSTITUTION,
        "Country Director, KOICA Indonesia Office",
        "KOICA-IDN-{n}/{y}",
        "Gyeonggi-do",
        "Seongnam",
        "825 Daewangpangyo-ro, Sujeong-gu, Seongnam",
        country="Korea Selatan",
        name_en="Korea International Cooperation Agency",
        website="https://www.koica.go.kr",
        phone_prefix="+82 31",
    ),
    PartnerSeed(
        "UQ",
        "The University of Queensland",
        C.FOREIGN_INSTITUTION,
        "Vice-Chancellor and President",
        "UQ-{n}/{y}",
        "Queensland",
        "Brisbane",
        "St Lucia QLD 4072",
        country="Australia",
        name_en="The University of Queensland",
        website="https://www.uq.edu.au",
        phone_prefix="+61 7",
    ),
]

FOREIGN = frozenset({C.FOREIGN_GOVERNMENT, C.FOREIGN_INSTITUTION})
BUSINESS = frozenset({C.STATE_ENTERPRISE, C.REGIONAL_ENTERPRISE, C.COMPANY})

# Which partner categories each kind of cooperation is made with.
KIND_PARTNER_CATEGORIES: dict[str, frozenset[str]] = {
    "KSDD": frozenset({C.REGIONAL_GOVERNMENT}),
    "KSDPK": frozenset({C.STATE_ENTERPRISE, C.REGIONAL_ENTERPRISE, C.COMPANY, C.UNIVERSITY, C.NGO, C.INDIVIDUAL}),
    "KSDPL": frozenset({C.FOREIGN_GOVERNMENT}),
    "KSDLL": frozenset({C.FOREIGN_INSTITUTION}),
    "K/L": frozenset({C.MINISTRY}),
    "Internal": frozenset(),
}


@dataclass(frozen=True)
class Theme:
    """A subject of cooperation: the "tentang ..." of a title, who does it and with whom."""

    code: str
    subject: str
    subject_en: str
    sectors: tuple[str, ...]
    agencies: tuple[str, ...]  # initiating first, then likely co-implementers
    categories: frozenset[str] = frozenset()
    partners: tuple[str, ...] = ()  # specific partners, on top of the categories
    implementing: tuple[str, ...] = ()  # PKS subjects under a KSB on this theme
    scope: tuple[str, ...] = ()


PT = frozenset({C.UNIVERSITY})
ANY_LOCAL = frozenset({C.REGIONAL_GOVERNMENT})

THEMES: list[Theme] = [
    Theme(
        "smart-city",
        "Pengembangan Smart City",
        "Smart City Development",
        ("2.16", "5.01"),
        ("DISKOMINFO", "BAPPEDA"),
        PT | BUSINESS | FOREIGN,
        ("KOMDIGI", "KOTA-SURABAYA"),
        (
            "Pendampingan Penyusunan Masterplan Smart City",
            "Pengembangan Aplikasi Layanan Publik Terintegrasi",
            "Penyediaan Jaringan Internet pada Ruang Publik dan Taman Kota",
            "Pelatihan Literasi Digital bagi Aparatur dan Masyarakat",
        ),
        (
            "penyusunan dan pemutakhiran rencana induk smart city",
            "pengembangan infrastruktur teknologi informasi dan komunikasi",
            "integrasi aplikasi layanan publik dan pusat data daerah",
            "peningkatan kapasitas sumber daya manusia di bidang teknologi informasi",
        ),
    ),
    Theme(
        "tridharma",
        "Pelaksanaan Tri Dharma Perguruan Tinggi dalam Mendukung Pembangunan Daerah",
        "Implementation of the Three Pillars of Higher Education in Support of Regional Development",
        ("1.01", "5.05"),
        ("BAPPEDA", "SETDA-PEM", "BKPSDM"),
        PT | FOREIGN - {C.FOREIGN_GOVERNMENT},
        implementing=(
            "Penyelenggaraan Praktik Kerja Lapangan Mahasiswa",
            "Penyelenggaraan Kuliah Kerja Nyata Tematik",
            "Program Magang Mahasiswa di Lingkungan Pemerintah Kota Malang",
            "Penelitian dan Kajian Kebijakan Pembangunan Daerah",
            "Peningkatan Kompetensi Aparatur Sipil Negara melalui Program Pendidikan Lanjut",
        ),
        scope=(
            "pendidikan dan pelatihan",
            "penelitian dan pengembangan",
            "pengabdian kepada masyarakat",
            "pertukaran data dan informasi untuk perencanaan pembangunan daerah",
        ),
    ),
    Theme(
        "stunting",
        "Percepatan Penurunan Stunting",
        "Accelerating Stunting Reduction",
        ("1.02", "2.14"),
        ("DINKES", "DINSOS"),
        PT | frozenset({C.NGO, C.STATE_ENTERPRISE}),
        ("KEMENKES", "KAB-MALANG", "KOTA-BATU"),
        (
            "Pendampingan Keluarga Berisiko Stunting",
            "Pemberian Makanan Tambahan Berbasis Pangan Lokal",
            "Kuliah Kerja Nyata Tematik Penurunan Stunting",
        ),
        (
            "pendataan dan pendampingan keluarga berisiko stunting",
            "edukasi gizi seimbang bagi ibu hamil dan balita",
            "pemberian makanan tambahan berbasis pangan lokal",
            "pemantauan dan evaluasi prevalensi stunting",
        ),
    ),
    Theme(
        "jkn",
        "Penyelenggaraan Program Jaminan Kesehatan Nasional bagi Penduduk yang Didaftarkan oleh Pemerintah Daerah",
        "National Health Insurance Coverage for Residents Registered by the Regional Government",
        ("1.02",),
        ("DINKES",),
        partners=("BPJS-KES",),
        implementing=(
            "Pendaftaran dan Pembayaran Iuran Peserta Penerima Bantuan Iuran APBD",
            "Integrasi Data Kepesertaan dan Layanan Kesehatan",
        ),
        scope=(
            "pendaftaran peserta penerima bantuan iuran yang dibiayai APBD",
            "pembayaran iuran dan rekonsiliasi data kepesertaan",
            "peningkatan mutu layanan pada fasilitas kesehatan",
            "sosialisasi program jaminan kesehatan nasional",
        ),
    ),
    Theme(
        "pendidikan-klinik",
        "Penyelenggaraan Pendidikan Klinik dan Penelitian di Bidang Kesehatan",
        "Clinical Education and Health Research",
        ("1.02", "1.01"),
        ("RSUD", "DINKES"),
        PT,
        implementing=(
            "Pendidikan Klinik Mahasiswa Kedokteran di RSUD Kota Malang",
            "Praktik Klinik Mahasiswa Keperawatan dan Kebidanan di Puskesmas",
        ),
        scope=(
            "penyelenggaraan pendidikan klinik mahasiswa",
            "penelitian di bidang kesehatan",
            "pengembangan kompetensi tenaga kesehatan",
        ),
    ),
    Theme(
        "air-minum",
        "Penyelenggaraan Sistem Penyediaan Air Minum Regional",
        "Regional Drinking Water Supply System",
        ("1.03",),
        ("DPUPRPKP", "SETDA-EKO"),
        ANY_LOCAL,
        ("TUGU-TIRTA", "BBWS-BRANTAS", "GIZ"),
        (
            "Pemanfaatan Sumber Mata Air untuk Pelayanan Air Minum",
            "Penyediaan Air Minum Curah bagi Wilayah Perbatasan",
        ),
        (
            "pemanfaatan sumber air baku",
            "pembangunan dan pemeliharaan jaringan transmisi",
            "pembagian biaya operasional dan pemeliharaan",
            "perlindungan daerah tangkapan air",
        ),
    ),
    Theme(
        "banjir",
        "Penanganan Banjir dan Sistem Drainase di Wilayah Perbatasan",
        "Flood Management and Drainage at the Border Areas",
        ("1.03", "1.05"),
        ("DPUPRPKP", "BPBD"),
        ANY_LOCAL,
        ("BBWS-BRANTAS",),
        (
            "Normalisasi Saluran Drainase di Wilayah Perbatasan",
            "Pembangunan Sumur Resapan dan Lubang Biopori",
        ),
        (
            "penyusunan rencana induk drainase lintas wilayah",
            "normalisasi saluran dan sungai",
            "penanganan darurat genangan dan banjir",
        ),
    ),
    Theme(
        "jalan-perbatasan",
        "Pembangunan dan Pemeliharaan Jalan di Wilayah Perbatasan",
        "Road Construction and Maintenance at the Border Areas",
        ("1.03", "2.15"),
        ("DPUPRPKP", "DISHUB"),
        ANY_LOCAL,
        implementing=("Pemeliharaan Jalan Tembus Perbatasan", "Penataan Simpang dan Lalu Lintas Perbatasan"),
    ),
    Theme(
        "angkutan",
        "Integrasi Layanan Angkutan Umum Malang Raya",
        "Integrated Public Transport for Greater Malang",
        ("2.15",),
        ("DISHUB",),
        ANY_LOCAL | frozenset({C.COMPANY}),
        ("KAI", "PROV-JATIM", "KOICA"),
        (
            "Pengoperasian Angkutan Umum Massal Koridor Malang Raya",
            "Integrasi Tiket Elektronik Angkutan Umum",
            "Penataan Kawasan Stasiun Malang Kotabaru",
        ),
        (
            "perencanaan jaringan trayek angkutan umum",
            "integrasi sistem pembayaran elektronik",
            "penyediaan sarana dan prasarana halte",
        ),
    ),
    Theme(
        "parkir",
        "Pengelolaan Parkir dan Retribusi Parkir Elektronik",
        "Electronic Parking Management",
        ("2.15", "5.02"),
        ("DISHUB", "BAPENDA"),
        BUSINESS,
        implementing=("Penyediaan Mesin Parkir Elektronik", "Pembayaran Retribusi Parkir Non-Tunai"),
    ),
    Theme(
        "sampah",
        "Pengelolaan Sampah Regional dan Pemanfaatan TPA Supit Urang",
        "Regional Waste Management and the Supit Urang Landfill",
        ("2.11",),
        ("DLH",),
        ANY_LOCAL | frozenset({C.COMPANY, C.NGO}) | FOREIGN,
        (),
        (
            "Pengolahan Sampah Menjadi Energi Listrik",
            "Pengembangan Bank Sampah Berbasis Masyarakat",
            "Pengolahan Air Lindi TPA Supit Urang",
        ),
        (
            "pengurangan dan penanganan sampah dari sumbernya",
            "pemanfaatan tempat pemrosesan akhir secara bersama",
            "pengolahan sampah menjadi energi",
            "peningkatan kapasitas pengelola bank sampah",
        ),
    ),
    Theme(
        "brantas",
        "Pengendalian Pencemaran dan Pemulihan Daerah Aliran Sungai Brantas",
        "Pollution Control and Restoration of the Brantas River Basin",
        ("2.11",),
        ("DLH", "DPUPRPKP"),
        ANY_LOCAL | PT | frozenset({C.NGO}),
        ("BBWS-BRANTAS", "GIZ"),
    ),
    Theme(
        "rth",
        "Penyediaan dan Pemeliharaan Ruang Terbuka Hijau",
        "Green Open Space Provision and Maintenance",
        ("2.11", "1.03"),
        ("DLH",),
        BUSINESS | frozenset({C.NGO}),
        implementing=(
            "Penyaluran Tanggung Jawab Sosial dan Lingkungan untuk Revitalisasi Taman Kota",
            "Penanaman Pohon di Koridor Jalan Protokol",
        ),
    ),
    Theme(
        "adminduk",
        "Pemanfaatan Nomor Induk Kependudukan, Data Kependudukan dan KTP Elektronik",
        "Use of National Identity Numbers, Population Data and Electronic ID Cards",
        ("2.12",),
        ("DISPENDUKCAPIL",),
        frozenset({C.STATE_ENTERPRISE, C.REGIONAL_ENTERPRISE}) | PT,
        ("DUKCAPIL", "BPJS-KES", "BPJS-TK"),
        (
            "Pemberian Hak Akses Data Kependudukan",
            "Verifikasi Data Kependudukan untuk Layanan Perbankan",
        ),
        (
            "pemberian hak akses data kependudukan",
            "verifikasi nomor induk kependudukan",
            "pengamanan dan kerahasiaan data pribadi",
        ),
    ),
    Theme(
        "pajak",
        "Optimalisasi Penerimaan Pajak Daerah melalui Transaksi Non-Tunai",
        "Increasing Local Tax Revenue through Cashless Payments",
        ("5.02",),
        ("BAPENDA", "BKAD"),
        frozenset({C.STATE_ENTERPRISE, C.REGIONAL_ENTERPRISE}),
        ("KEMENDAGRI", "BPN"),
        (
            "Penerimaan Pembayaran Pajak Bumi dan Bangunan melalui Kanal Elektronik",
            "Penyediaan QRIS untuk Pembayaran Pajak dan Retribusi Daerah",
            "Pertukaran Data Bea Perolehan Hak atas Tanah dan Bangunan",
        ),
        (
            "penyediaan kanal pembayaran pajak daerah",
            "rekonsiliasi penerimaan harian",
            "pertukaran data wajib pajak",
        ),
    ),
    Theme(
        "etpd",
        "Elektronifikasi Transaksi Pemerintah Daerah",
        "Electronification of Regional Government Transactions",
        ("5.02",),
        ("BKAD", "BAPENDA"),
        frozenset({C.REGIONAL_ENTERPRISE, C.STATE_ENTERPRISE}),
        implementing=(
            "Layanan Kas Daerah dan Cash Management System",
            "Penggunaan Kartu Kredit Pemerintah Daerah",
        ),
    ),
    Theme(
        "umkm",
        "Pemberdayaan Koperasi dan Usaha Mikro",
        "Empowering Cooperatives and Micro Enterprises",
        ("2.17", "3.30"),
        ("DISKOPINDAG",),
        BUSINESS | PT | frozenset({C.NGO}),
        implementing=(
            "Pendampingan Sertifikasi Halal bagi Usaha Mikro",
            "Pemasaran Digital Produk Usaha Mikro",
            "Penyaluran Kredit Usaha Rakyat bagi Pelaku Usaha Mikro",
        ),
        scope=(
            "pelatihan dan pendampingan usaha",
            "akses pembiayaan dan permodalan",
            "pemasaran dan digitalisasi produk",
            "fasilitasi sertifikasi dan perizinan usaha",
        ),
    ),
    Theme(
        "pasar",
        "Revitalisasi dan Digitalisasi Pasar Rakyat",
        "Revitalising and Digitising Traditional Markets",
        ("3.30",),
        ("DISKOPINDAG",),
        frozenset({C.STATE_ENTERPRISE, C.REGIONAL_ENTERPRISE, C.COMPANY}),
        implementing=("Pembayaran Retribusi Pasar Non-Tunai", "Penataan dan Pengelolaan Pasar Besar Malang"),
    ),
    Theme(
        "investasi",
        "Fasilitasi Perizinan Berusaha dan Promosi Investasi",
        "Business Licensing Facilitation and Investment Promotion",
        ("2.18",),
        ("DISNAKER",),
        ANY_LOCAL | frozenset({C.COMPANY, C.NGO}) | FOREIGN,
        implementing=(
            "Pelayanan Perizinan Berusaha Berbasis Risiko melalui Sistem OSS",
            "Penyelenggaraan Forum Investasi Malang Raya",
        ),
    ),
    Theme(
        "tenaga-kerja",
        "Peningkatan Kompetensi dan Penempatan Tenaga Kerja",
        "Skills Development and Job Placement",
        ("2.07",),
        ("DISNAKER",),
        PT | BUSINESS,
        ("BPJS-TK",),
        (
            "Pelatihan Berbasis Kompetensi bagi Pencari Kerja",
            "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
            "Penyelenggaraan Bursa Kerja",
        ),
    ),
    Theme(
        "pariwisata",
        "Promosi dan Pengembangan Pariwisata Terpadu",
        "Integrated Tourism Promotion and Development",
        ("3.26", "2.22"),
        ("DISPORAPAR",),
        ANY_LOCAL | FOREIGN | frozenset({C.COMPANY, C.STATE_ENTERPRISE}),
        implementing=(
            "Penyelenggaraan Festival Malang Tempo Doeloe",
            "Pengembangan Kampung Tematik Jodipan dan Tridi",
            "Paket Wisata Terpadu Malang Raya",
        ),
        scope=(
            "promosi pariwisata bersama",
            "pengembangan destinasi dan kampung tematik",
            "peningkatan kapasitas pelaku pariwisata",
            "penyelenggaraan festival dan pertukaran seni budaya",
        ),
    ),
    Theme(
        "heritage",
        "Pelestarian Kawasan Cagar Budaya Kayutangan Heritage",
        "Conservation of the Kayutangan Heritage District",
        ("2.22", "1.03"),
        ("DISDIKBUD", "DPUPRPKP"),
        PT | FOREIGN | frozenset({C.NGO}),
        implementing=("Kajian Pelestarian Bangunan Cagar Budaya", "Penataan Koridor Kayutangan Heritage"),
    ),
    Theme(
        "olahraga",
        "Pembinaan Olahraga Prestasi dan Pemanfaatan Stadion Gajayana",
        "Sports Development and Use of Gajayana Stadium",
        ("2.19",),
        ("DISPORAPAR",),
        frozenset({C.COMPANY, C.NGO}) | PT,
    ),
    Theme(
        "mutu-pendidikan",
        "Peningkatan Mutu Pendidik dan Tenaga Kependidikan",
        "Improving the Quality of Teachers and Education Personnel",
        ("1.01",),
        ("DISDIKBUD",),
        PT | frozenset({C.NGO}),
        ("KEMENDIKDASMEN",),
        (
            "Pelatihan Guru Sekolah Dasar dan Sekolah Menengah Pertama",
            "Penyelenggaraan Pendidikan Inklusif",
            "Pendampingan Sekolah Penggerak Literasi dan Numerasi",
        ),
    ),
    Theme(
        "literasi",
        "Pengembangan Perpustakaan Digital dan Gerakan Literasi Masyarakat",
        "Digital Libraries and Community Literacy",
        ("2.23", "1.01"),
        ("DISPUSIPDA", "DISDIKBUD"),
        PT | frozenset({C.NGO, C.STATE_ENTERPRISE}),
        ("PERPUSNAS",),
    ),
    Theme(
        "arsip",
        "Pengelolaan dan Alih Media Arsip Daerah",
        "Archive Management and Digitisation",
        ("2.24",),
        ("DISPUSIPDA",),
        PT,
        ("ANRI",),
    ),
    Theme(
        "pangan",
        "Ketahanan Pangan dan Pengendalian Inflasi Daerah",
        "Food Security and Regional Inflation Control",
        ("2.09", "3.27"),
        ("DKPP", "DISKOPINDAG"),
        ANY_LOCAL | PT,
        ("BULOG", "BANKJATIM"),
        (
            "Gerakan Pangan Murah dan Operasi Pasar",
            "Pengembangan Pertanian Perkotaan (Urban Farming)",
            "Distribusi Cadangan Pangan Pemerintah",
        ),
    ),
    Theme(
        "bencana",
        "Penanggulangan Bencana dan Penanganan Kedaruratan",
        "Disaster Management and Emergency Response",
        ("1.05",),
        ("BPBD", "DAMKAR"),
        ANY_LOCAL | PT,
        ("PMI",),
        (
            "Penyediaan Layanan Ambulans dan Pertolongan Pertama",
            "Pelatihan Kesiapsiagaan Bencana bagi Sekolah",
        ),
    ),
    Theme(
        "trantib",
        "Penegakan Peraturan Daerah dan Ketertiban Umum",
        "Enforcement of Local Regulations and Public Order",
        ("1.05",),
        ("SATPOLPP",),
        ANY_LOCAL,
        ("POLRESTA",),
        (
            "Pengamanan dan Penertiban Kawasan Alun-Alun Merdeka",
            "Operasi Gabungan Penegakan Peraturan Daerah",
        ),
    ),
    Theme(
        "datun",
        "Penanganan Masalah Hukum di Bidang Perdata dan Tata Usaha Negara",
        "Legal Assistance in Civil and State Administrative Matters",
        ("6.01",),
        ("SETDA-HKM", "SETDA"),
        partners=("KEJARI",),
        implementing=(
            "Pemberian Bantuan Hukum, Pertimbangan Hukum dan Tindakan Hukum Lain",
            "Pendampingan Hukum Pengadaan Barang dan Jasa Pemerintah",
        ),
    ),
    Theme(
        "statistik",
        "Penyelenggaraan Statistik Sektoral dan Satu Data Indonesia",
        "Sectoral Statistics and One Data Indonesia",
        ("2.20", "5.01"),
        ("DISKOMINFO", "BAPPEDA"),
        PT,
        ("BPS",),
        (
            "Pembinaan Statistik Sektoral Perangkat Daerah",
            "Penyusunan Publikasi Kota Malang Dalam Angka",
        ),
    ),
    Theme(
        "persandian",
        "Penyelenggaraan Persandian dan Keamanan Informasi",
        "Cryptography Services and Information Security",
        ("2.21", "2.16"),
        ("DISKOMINFO",),
        partners=("BSSN",),
        implementing=(
            "Pemanfaatan Sertifikat Elektronik pada Sistem Pemerintahan Berbasis Elektronik",
            "Pembentukan Tim Tanggap Insiden Siber (CSIRT) Kota Malang",
        ),
    ),
    Theme(
        "sosial",
        "Penanganan Penyandang Masalah Kesejahteraan Sosial",
        "Social Welfare Services",
        ("1.06", "2.08"),
        ("DINSOS",),
        frozenset({C.NGO, C.STATE_ENTERPRISE}) | PT,
        implementing=("Rehabilitasi Sosial Anak Jalanan", "Pendampingan Penyandang Disabilitas"),
    ),
    Theme(
        "perumahan",
        "Peningkatan Kualitas Rumah Tidak Layak Huni dan Penyerahan PSU Perumahan",
        "Upgrading Substandard Housing and Handover of Housing Infrastructure",
        ("1.04",),
        ("DPUPRPKP",),
        BUSINESS | frozenset({C.NGO, C.INDIVIDUAL}),
        implementing=(
            "Bedah Rumah bagi Masyarakat Berpenghasilan Rendah",
            "Penyerahan Prasarana, Sarana dan Utilitas Perumahan",
        ),
    ),
    Theme(
        "pju",
        "Penyediaan Penerangan Jalan Umum dan Efisiensi Energi",
        "Street Lighting and Energy Efficiency",
        ("1.03", "2.11"),
        ("DPUPRPKP", "DISHUB"),
        frozenset({C.STATE_ENTERPRISE, C.COMPANY}),
        implementing=("Pemasangan Penerangan Jalan Umum Tenaga Surya", "Pembayaran Rekening Penerangan Jalan Umum"),
    ),
    Theme(
        "aparatur",
        "Pengembangan Kompetensi Aparatur Sipil Negara",
        "Civil Servant Capacity Development",
        ("5.03",),
        ("BKPSDM",),
        PT | FOREIGN - {C.FOREIGN_GOVERNMENT},
    ),
    Theme(
        "pengawasan",
        "Penguatan Pengawasan Intern Penyelenggaraan Pemerintahan Daerah",
        "Strengthening Internal Oversight of Regional Government",
        ("6.01",),
        ("INSPEKTORAT",),
        partners=("BPKP",),
    ),
    Theme(
        "sister-city",
        "Kerja Sama Kota Kembar di Bidang Pendidikan, Kebudayaan dan Pariwisata",
        "Sister City Cooperation in Education, Culture and Tourism",
        ("1.01", "2.22", "3.26"),
        ("SETDA-PEM", "DISPORAPAR", "DISDIKBUD"),
        frozenset({C.FOREIGN_GOVERNMENT}),
        scope=(
            "pertukaran pelajar, guru dan tenaga pendidik",
            "pertukaran misi kebudayaan dan kesenian",
            "promosi pariwisata timbal balik",
            "kunjungan kerja dan berbagi praktik baik tata kelola kota",
        ),
    ),
    Theme(
        "narkotika",
        "Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika",
        "Prevention of Drug Abuse and Illicit Drug Trafficking",
        ("1.05", "1.06"),
        ("BAKESBANGPOL", "DINKES"),
        partners=("BNN",),
    ),
]


@dataclass(frozen=True)
class InternalSeed:
    """Antar-OPD cooperation: two of the city's own agencies, no outside partner."""

    first: str
    second: str
    subject: str
    sectors: tuple[str, ...]


INTERNAL_AGREEMENTS: list[InternalSeed] = [
    InternalSeed("DINKES", "RSUD", "Pelayanan Rujukan dan Pemanfaatan Tenaga Kesehatan", ("1.02",)),
    InternalSeed("BAPENDA", "DISKOMINFO", "Integrasi Sistem Informasi Pajak Daerah", ("5.02", "2.16")),
    InternalSeed(
        "DISPENDUKCAPIL",
        "DINSOS",
        "Pemanfaatan Data Kependudukan untuk Pemutakhiran Data Terpadu Kesejahteraan Sosial",
        ("2.12", "1.06"),
    ),
    InternalSeed("SATPOLPP", "DISHUB", "Penertiban Parkir Liar dan Pedagang Kaki Lima", ("1.05", "2.15")),
    InternalSeed("DLH", "KEC-KEDUNGKANDANG", "Pengelolaan Tempat Penampungan Sementara Sampah", ("2.11",)),
    InternalSeed("DISDIKBUD", "DISPUSIPDA", "Pengembangan Pojok Baca di Satuan Pendidikan", ("1.01", "2.23")),
    InternalSeed("BKAD", "DPUPRPKP", "Penatausahaan Aset Tanah dan Bangunan", ("5.02",)),
    InternalSeed("DISKOMINFO", "KEC-LOWOKWARU", "Pengembangan Kelurahan Digital", ("2.16",)),
    InternalSeed("BPBD", "DAMKAR", "Penanganan Kebakaran dan Kedaruratan Terpadu", ("1.05",)),
    InternalSeed("DKPP", "KEC-SUKUN", "Pengembangan Lahan Pertanian Perkotaan", ("3.27", "2.09")),
    InternalSeed("DINKES", "KEC-KLOJEN", "Pelaksanaan Posyandu Terintegrasi", ("1.02", "2.14")),
    InternalSeed("DISKOPINDAG", "DISPORAPAR", "Pameran Produk Usaha Mikro pada Kegiatan Pariwisata", ("2.17", "3.26")),
]


@dataclass(frozen=True)
class UserSeed:
    username: str
    first_name: str
    last_name: str
    role: str
    agency: str | None = None
    position: str = ""
    is_liaison: bool = False
    superuser: bool = False


# Role names are resolved against cooperation.roles at build time.
USERS: list[UserSeed] = [
    UserSeed("admin", "Admin", "Sistem", "ADMINISTRATOR", superuser=True),
    UserSeed("sekretariat", "Siti", "Rahmawati", "SECRETARIAT", position="Analis Kerja Sama"),
    UserSeed("hukum", "Agus", "Setiawan", "LEGAL", position="Perancang Peraturan Perundang-undangan"),
    UserSeed("tkksd", "Dewi", "Lestari", "TKKSD", position="Anggota TKKSD"),
    UserSeed("pimpinan", "Rudi", "Hartanto", "LEADERSHIP", position="Sekretaris Daerah"),
    UserSeed(
        "opd",
        "Nur",
        "Hidayati",
        "AGENCY_STAFF",
        "DINKES",
        "Staf Bidang Pelayanan Kesehatan (PPKSD)",
        is_liaison=True,
    ),
    UserSeed("opd2", "Bayu", "Pratama", "AGENCY_STAFF", "DISKOMINFO", "Pranata Komputer"),
    UserSeed("editor", "Rina", "Kusumawati", "EDITOR", position="Pejabat Pengelola Informasi dan Dokumentasi"),
]


@dataclass(frozen=True)
class NamePool:
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    prefixes: tuple[str, ...] = field(default=("", "", "", "Drs. ", "Ir. ", "dr. ", "H. ", "Dr. "))
    suffixes: tuple[str, ...] = field(
        default=(", S.H.", ", S.E.", ", S.T., M.T.", ", S.Sos., M.Si.", ", M.AP.", ", S.Kom.", ", M.M.", "")
    )


# Names for the fictional officials and contact people.
NAMES = NamePool(
    male=(
        "Agus",
        "Bambang",
        "Budi",
        "Dedi",
        "Eko",
        "Fajar",
        "Hadi",
        "Heru",
        "Imam",
        "Joko",
        "Kurniawan",
        "Muhammad",
        "Nanang",
        "Prasetyo",
        "Rahmat",
        "Slamet",
        "Teguh",
        "Wahyu",
        "Yudi",
        "Arif",
        "Hendra",
        "Ilham",
        "Rizal",
        "Sugeng",
        "Taufik",
    ),
    female=(
        "Ani",
        "Dewi",
        "Endang",
        "Fitri",
        "Indah",
        "Kartika",
        "Lina",
        "Maya",
        "Nanik",
        "Ratna",
        "Sri",
        "Tri",
        "Wulan",
        "Yuni",
        "Anita",
        "Diah",
        "Erna",
        "Lilik",
        "Retno",
        "Siti",
    ),
    family=(
        "Santoso",
        "Wibowo",
        "Susanto",
        "Hidayat",
        "Saputra",
        "Nugroho",
        "Setiawan",
        "Purnomo",
        "Rahayu",
        "Wijaya",
        "Kusuma",
        "Utomo",
        "Handoko",
        "Suryani",
        "Lestari",
        "Pratama",
        "Firmansyah",
        "Wahyuni",
        "Hartono",
        "Sulistyo",
        "Prabowo",
        "Cahyono",
        "Yulianto",
        "Anggraini",
        "Mulyono",
    ),
)

# The formal Indonesian and English names of partner countries, for foreign titles.
COUNTRIES: dict[str, tuple[str, str]] = {
    "Indonesia": ("Republik Indonesia", "Republic of Indonesia"),
    "Jerman": ("Republik Federal Jerman", "Federal Republic of Germany"),
    "Jepang": ("Jepang", "Japan"),
    "Malaysia": ("Malaysia", "Malaysia"),
    "Filipina": ("Republik Filipina", "Republic of the Philippines"),
    "Korea Selatan": ("Republik Korea", "Republic of Korea"),
    "Australia": ("Australia", "Australia"),
}

# Where the city signs.
SIGNING_PLACES = ("Malang", "Malang", "Malang", "Balai Kota Malang", "Surabaya", "Jakarta")

REVISION_NOTES = (
    "Kajian manfaat belum memuat analisis pembiayaan; mohon dilengkapi.",
    "Kerangka acuan kerja belum mencantumkan indikator keberhasilan.",
    "Dokumen legalitas mitra (akta pendirian dan NIB) belum dilampirkan.",
    "Rumusan pasal pembiayaan perlu diselaraskan dengan DPA OPD pelaksana.",
    "Ruang lingkup terlalu luas; mohon dirinci per kegiatan.",
)
REJECTION_NOTES = (
    "Objek kerja sama tumpang tindih dengan perjanjian yang masih berlaku.",
    "Mitra tidak memenuhi persyaratan legalitas.",
    "Kerja sama tidak selaras dengan prioritas RPJMD dan belum dianggarkan.",
    "Usulan ditarik kembali oleh OPD pemrakarsa.",
)
AMENDMENT_SUBJECTS = (
    "Perubahan ruang lingkup dan jadwal pelaksanaan kegiatan",
    "Perubahan nilai dan mekanisme pembayaran",
    "Perubahan penanggung jawab dan narahubung para pihak",
    "Penambahan lokasi pelaksanaan kegiatan",
)
RESTRICTION_REASONS = {
    "17i": "Draf naskah masih dalam perundingan antara para pihak; membukanya dapat mengganggu "
    "proses negosiasi (uji konsekuensi PPID).",
    "17f": "Lampiran memuat posisi runding dengan mitra luar negeri yang dapat merugikan kepentingan "
    "hubungan luar negeri apabila dibuka.",
    "17b": "Lampiran memuat rincian harga dan rahasia dagang mitra badan usaha.",
}


# -- proposals (usulan) in review and requests from outside ---------------------------------------


@dataclass(frozen=True)
class ProposalStep:
    """One act in a proposal's history, ``days_ago`` days before the seed runs.

    ``submit`` (by the submitter), ``approve`` / ``changes`` / ``decline`` (by whoever holds the
    current stage), ``clearance`` (the secretariat records a DPRD approval, LoI, Kemendagri
    consultation or Full Powers), ``revise`` (the submitter uploads a new version of a document)
    and ``sign`` (the secretariat records the signing of the approved agreement).
    """

    days_ago: int
    action: str
    comment: str = ""
    clearance: str = ""
    letter_number: str = ""  # {y}: the year the letter was issued
    document: str = ""  # for "revise": the document category code


@dataclass(frozen=True)
class ProposalSeed:
    """A proposal of the demo; its title is built from the document type, parties and subject."""

    document_type: str
    kind: str
    agency: str
    submitter: str  # a demo username: the agency's staff, or the secretariat entering it for the agency
    partners: tuple[str, ...]
    subject: str
    sectors: tuple[str, ...]
    aims: str
    scope: tuple[str, ...]
    created_days_ago: int
    steps: tuple[ProposalStep, ...] = ()
    subject_en: str = ""
    term_years: int = 3
    value: int | None = None
    funding_source: str = FundingSource.NONE
    burdens_apbd: bool = False
    missing_document: str = ""  # a required document not uploaded yet
    under_partner_framework: bool = False  # a PKS under the partner's KSB in force, when the register has one


Step = ProposalStep
SUBMIT = "submit"
VERIFIED_OK = "Berkas lengkap sesuai daftar periksa; diteruskan untuk telaah hukum."

PROPOSALS: list[ProposalSeed] = [
    # Draf: complete, not yet submitted.
    ProposalSeed(
        "KSB",
        "KSDPK",
        "DISKOMINFO",
        "opd2",
        ("POLINEMA",),
        "Pengembangan Talenta Digital dan Program Magang Mahasiswa di Lingkungan Pemerintah Kota Malang",
        ("2.16", "2.07"),
        "Kesepakatan Bersama ini dimaksudkan sebagai landasan kerja sama dalam menyiapkan talenta digital "
        "Kota Malang. Tujuannya adalah memberi kesempatan magang bagi mahasiswa pada perangkat daerah, "
        "mempercepat pengembangan aplikasi layanan publik, dan meningkatkan kompetensi teknologi informasi "
        "aparatur.",
        (
            "program magang mahasiswa pada perangkat daerah",
            "pengembangan dan pemeliharaan aplikasi layanan publik berbasis proyek mahasiswa",
            "pelatihan keamanan informasi dan tata kelola data bagi aparatur",
            "penelitian terapan di bidang kota cerdas",
        ),
        created_days_ago=3,
    ),
    # Draf: the cost-benefit study is still missing, so it cannot be submitted.
    ProposalSeed(
        "KSB",
        "KSDPK",
        "DINKES",
        "opd",
        ("UMM",),
        "Pendampingan Kader Posyandu dan Percepatan Penurunan Stunting",
        ("1.02", "2.14"),
        "Kesepakatan Bersama ini dimaksudkan untuk memadukan program pengabdian masyarakat perguruan tinggi "
        "dengan upaya Pemerintah Kota Malang menurunkan prevalensi stunting. Tujuannya adalah meningkatkan "
        "kemampuan kader posyandu dan menjangkau lebih banyak keluarga berisiko stunting.",
        (
            "pelatihan kader posyandu tentang pemantauan pertumbuhan dan perkembangan balita",
            "pendampingan keluarga berisiko stunting oleh mahasiswa kesehatan",
            "kajian dan evaluasi intervensi gizi spesifik dan sensitif",
            "pengabdian masyarakat di kelurahan lokus stunting",
        ),
        created_days_ago=1,
        missing_document="kajian-manfaat",
    ),
    # Diajukan, waiting at Verifikasi Berkas longer than its 7 days: on the "Terlambat" panel.
    ProposalSeed(
        "KSB",
        "K/L",
        "DINKES",
        "opd",
        ("BPJS-KES",),
        "Integrasi Data Kepesertaan Jaminan Kesehatan Nasional untuk Cakupan Kesehatan Semesta",
        ("1.02", "1.06"),
        "Kesepakatan Bersama ini dimaksudkan sebagai dasar pertukaran dan pemadanan data kepesertaan Jaminan "
        "Kesehatan Nasional. Tujuannya adalah mempertahankan cakupan kesehatan semesta (Universal Health "
        "Coverage) di Kota Malang dan memastikan penduduk miskin terdaftar sebagai peserta yang iurannya "
        "dibayar pemerintah daerah.",
        (
            "pemadanan data kepesertaan dengan data kependudukan dan DTKS",
            "pendaftaran dan reaktivasi peserta yang iurannya dibayar pemerintah daerah",
            "penanganan pengaduan peserta di puskesmas dan rumah sakit",
            "pemantauan dan evaluasi capaian cakupan kesehatan semesta",
        ),
        created_days_ago=16,
        steps=(Step(11, SUBMIT),),
    ),
    # Diajukan yesterday.
    ProposalSeed(
        "KSB",
        "KSDD",
        "DISKOMINFO",
        "opd2",
        ("KOTA-BATU", "KAB-MALANG"),
        "Interkoneksi Jaringan Intra Pemerintah dan Pemanfaatan Bersama Pusat Data Malang Raya",
        ("2.16", "2.21"),
        "Kesepakatan Bersama ini dimaksudkan untuk menghubungkan jaringan intra pemerintah ketiga daerah di "
        "Malang Raya. Tujuannya adalah efisiensi belanja infrastruktur teknologi informasi, pertukaran data "
        "antardaerah yang aman, dan pemulihan layanan bila terjadi gangguan pada salah satu pusat data.",
        (
            "interkoneksi jaringan intra pemerintah antardaerah",
            "pemanfaatan bersama pusat data dan pusat pemulihan bencana",
            "pertukaran data layanan publik lintas daerah",
            "peningkatan kapasitas pengelola jaringan dan keamanan informasi",
        ),
        created_days_ago=4,
        steps=(Step(1, SUBMIT),),
    ),
    # Diverifikasi: at Telaah Hukum, due tomorrow.
    ProposalSeed(
        "PKS",
        "K/L",
        "DISKOMINFO",
        "opd2",
        ("BSSN",),
        "Pembentukan dan Operasional Tim Tanggap Insiden Siber (CSIRT) Kota Malang",
        ("2.21", "2.16"),
        "Perjanjian Kerja Sama ini dimaksudkan sebagai pedoman pembentukan dan pembinaan Tim Tanggap Insiden "
        "Siber Kota Malang. Tujuannya adalah meningkatkan kemampuan Pemerintah Kota Malang mencegah, "
        "mendeteksi dan menanggulangi insiden keamanan informasi pada sistem pemerintahan berbasis "
        "elektronik.",
        (
            "pembentukan dan registrasi Tim Tanggap Insiden Siber Kota Malang",
            "pendampingan penanganan insiden dan pemulihan sistem",
            "penilaian kerentanan aplikasi dan infrastruktur perangkat daerah",
            "pelatihan dan sertifikasi personel keamanan informasi",
        ),
        created_days_ago=20,
        steps=(Step(18, SUBMIT), Step(9, "approve", VERIFIED_OK)),
        under_partner_framework=True,
    ),
    # Perlu Perbaikan: Bagian Hukum sent the draft back.
    ProposalSeed(
        "PKS",
        "KSDPK",
        "DINKES",
        "opd",
        ("UB",),
        "Pemanfaatan Puskesmas sebagai Wahana Pendidikan Klinik Mahasiswa Kedokteran",
        ("1.02",),
        "Perjanjian Kerja Sama ini dimaksudkan sebagai pedoman pemanfaatan puskesmas di Kota Malang sebagai "
        "wahana pendidikan klinik. Tujuannya adalah menjamin mutu pendidikan dokter sekaligus menambah "
        "tenaga pelayanan dan memperkuat upaya kesehatan masyarakat di puskesmas.",
        (
            "penempatan mahasiswa program profesi dokter pada puskesmas",
            "penugasan dokter puskesmas sebagai pembimbing klinik",
            "pelaksanaan kegiatan promotif dan preventif bersama mahasiswa",
            "pelindungan pasien serta kerahasiaan data rekam medis",
        ),
        created_days_ago=25,
        steps=(
            Step(21, SUBMIT),
            Step(17, "approve", VERIFIED_OK),
            Step(
                8,
                "changes",
                "Mohon perbaikan draf PKS: (1) Pasal Hak dan Kewajiban belum mengatur kerahasiaan data rekam "
                "medis pasien sebagaimana diwajibkan UU Nomor 17 Tahun 2023 tentang Kesehatan dan UU Nomor 27 "
                "Tahun 2022 tentang Pelindungan Data Pribadi; (2) Pasal Pembiayaan agar menegaskan bahwa "
                "honorarium pembimbing klinik dibebankan kepada PIHAK KEDUA; (3) surat kuasa Wali Kota kepada "
                "Kepala Dinas Kesehatan yang dilampirkan masih berupa draf, mohon diganti dengan yang sudah "
                "ditandatangani.",
            ),
        ),
        value=350_000_000,
        funding_source=FundingSource.PARTNER,
        under_partner_framework=True,
    ),
    # Dalam Pembahasan after one round of corrections; at TKKSD past its 10 days: "Terlambat".
    ProposalSeed(
        "KSB",
        "KSDPK",
        "DISKOMINFO",
        "opd2",
        ("TELKOM",),
        "Penyediaan Akses Internet Publik Gratis di Taman Kota dan Ruang Terbuka Hijau",
        ("2.16", "5.01"),
        "Kesepakatan Bersama ini dimaksudkan sebagai landasan penyediaan akses internet publik di ruang "
        "terbuka Kota Malang. Tujuannya adalah memperluas akses warga terhadap layanan digital, mendukung "
        "pelaku usaha mikro di sekitar taman kota, dan memperkecil kesenjangan digital.",
        (
            "penyediaan titik akses internet publik di taman kota dan ruang terbuka hijau",
            "pemanfaatan tiang dan ruang milik daerah untuk perangkat jaringan",
            "literasi digital bagi warga dan pelaku usaha mikro",
            "pelaporan kualitas layanan dan pemantauan pemanfaatan",
        ),
        created_days_ago=33,
        steps=(
            Step(29, SUBMIT),
            Step(
                26,
                "changes",
                "Profil dan legalitas mitra yang dilampirkan masih edisi 2019. Mohon dilengkapi akta perubahan "
                "terakhir dan NIB yang masih berlaku.",
            ),
            Step(23, "revise", document="profil-mitra"),
            Step(23, SUBMIT),
            Step(20, "approve", "Berkas sudah lengkap setelah perbaikan; diteruskan ke Bagian Hukum."),
            Step(
                14,
                "approve",
                "Draf sesuai Permendagri 22/2020. Catatan: pemanfaatan tiang milik daerah agar dirinci dalam "
                "PKS tersendiri dengan memperhatikan ketentuan pengelolaan barang milik daerah.",
            ),
        ),
        term_years=5,
    ),
    # Dalam Pembahasan, just arrived at TKKSD.
    ProposalSeed(
        "KSB",
        "KSDD",
        "DLH",
        "sekretariat",
        ("KAB-MALANG", "KOTA-BATU"),
        "Pengelolaan Sampah Regional dan Pemanfaatan Bersama Tempat Pemrosesan Akhir di Malang Raya",
        ("2.11", "1.03"),
        "Kesepakatan Bersama ini dimaksudkan sebagai landasan pengelolaan sampah secara regional di Malang "
        "Raya. Tujuannya adalah mengatasi keterbatasan daya tampung TPA Supit Urang, menurunkan biaya "
        "pengelolaan sampah per ton, dan mengurangi timbulan sampah yang dibuang ke TPA.",
        (
            "perencanaan dan pembangunan tempat pemrosesan akhir sampah regional",
            "pengangkutan sampah antardaerah dan pembagian biaya operasional",
            "pengembangan fasilitas pengolahan sampah menjadi energi dan kompos",
            "edukasi pengurangan sampah dari sumbernya",
        ),
        created_days_ago=16,
        steps=(
            Step(12, SUBMIT),
            Step(9, "approve", VERIFIED_OK),
            Step(
                3,
                "approve",
                "Telaah hukum selesai: pembagian kewenangan dan kewajiban para pihak sesuai PP 28/2018 dan "
                "UU 18/2008 tentang Pengelolaan Sampah.",
            ),
        ),
        term_years=5,
    ),
    # Menunggu Persetujuan DPRD: burdens the APBD; at the leadership's stage, no DPRD approval yet.
    ProposalSeed(
        "PKS",
        "KSDPK",
        "DPUPRPKP",
        "sekretariat",
        ("PLN",),
        "Pemasangan dan Pemeliharaan Penerangan Jalan Umum Tenaga Surya",
        ("1.03", "2.11"),
        "Perjanjian Kerja Sama ini dimaksudkan untuk mengganti lampu penerangan jalan umum konvensional "
        "dengan lampu tenaga surya di jalan kota. Tujuannya adalah menekan tagihan listrik penerangan jalan "
        "umum, meningkatkan keselamatan pengguna jalan, dan mendukung target penurunan emisi daerah.",
        (
            "pemasangan 2.400 titik lampu penerangan jalan umum tenaga surya",
            "pemeliharaan dan penggantian komponen selama masa kerja sama",
            "pemantauan kinerja lampu melalui sistem kendali jarak jauh",
            "pembayaran berdasarkan ketersediaan layanan",
        ),
        created_days_ago=45,
        steps=(
            Step(40, SUBMIT),
            Step(33, "approve", VERIFIED_OK),
            Step(24, "approve", "Tidak ada catatan substansi; skema pembayaran telah diselaraskan dengan BKAD."),
            Step(
                7,
                "approve",
                "TKKSD merekomendasikan kerja sama dilanjutkan. Karena membebani APBD tahun jamak, "
                "Sekretariat agar mengajukan permohonan persetujuan DPRD sebelum penandatanganan.",
            ),
        ),
        value=12_750_000_000,
        funding_source=FundingSource.APBD,
        burdens_apbd=True,
        term_years=5,
    ),
    # Menunggu Persetujuan Pimpinan: a sister city MSP with every foreign clearance recorded.
    ProposalSeed(
        "MSP",
        "KSDPL",
        "SETDA-PEM",
        "sekretariat",
        ("KITAKYUSHU",),
        "Kerja Sama Kota Kembar di Bidang Lingkungan Hidup, Pengelolaan Sampah dan Kota Rendah Karbon",
        ("2.11", "1.03", "5.01"),
        "Memorandum Saling Pengertian ini dimaksudkan sebagai landasan kerja sama kota kembar antara Kota "
        "Malang dan Kota Kitakyushu. Tujuannya adalah alih pengetahuan dalam pengelolaan lingkungan hidup "
        "dan sampah perkotaan serta pengembangan kota rendah karbon.",
        (
            "pertukaran tenaga ahli dan aparatur di bidang lingkungan hidup",
            "pendampingan teknis pengelolaan sampah dan pengomposan skala kawasan",
            "penyusunan rencana aksi kota rendah karbon",
            "pertukaran pelajar dan misi kebudayaan",
        ),
        created_days_ago=130,
        subject_en="Sister City Cooperation on the Environment, Waste Management and Low-Carbon City Development",
        steps=(
            Step(
                125,
                "clearance",
                "Letter of Intent ditandatangani Wali Kota Malang dan Wali Kota Kitakyushu.",
                clearance=ClearanceKind.LETTER_OF_INTENT,
                letter_number="000.3/LOI/3/35.73.402/{y}",
            ),
            Step(
                100,
                "clearance",
                "Kemendagri tidak berkeberatan; agar memperhatikan pelaporan kegiatan secara berkala.",
                clearance=ClearanceKind.KEMENDAGRI_CONSULTATION,
                letter_number="100.4.6/2187/SJ",
            ),
            Step(
                80,
                "clearance",
                "Keputusan DPRD Kota Malang tentang persetujuan rencana kerja sama kota kembar.",
                clearance=ClearanceKind.DPRD_APPROVAL,
                letter_number="100.3.3/11/35.73.201/{y}",
            ),
            Step(
                62,
                "clearance",
                "Surat Kuasa Penuh Menteri Luar Negeri kepada Wali Kota Malang.",
                clearance=ClearanceKind.FULL_POWERS,
                letter_number="FP/0417/HPI/{y}",
            ),
            Step(24, SUBMIT),
            Step(19, "approve", VERIFIED_OK),
            Step(13, "approve", "Naskah berbahasa Indonesia dan Inggris telah diselaraskan; tidak ada catatan."),
            Step(4, "approve", "TKKSD merekomendasikan persetujuan; penandatanganan direncanakan saat kunjungan."),
        ),
        term_years=5,
    ),
    # Ditolak by TKKSD.
    ProposalSeed(
        "KSB",
        "KSDPK",
        "DISHUB",
        "sekretariat",
        ("NCT",),
        "Pengelolaan Parkir Elektronik Berbasis Aplikasi di Ruas Jalan Protokol",
        ("2.15",),
        "Kesepakatan Bersama ini dimaksudkan untuk menerapkan pembayaran parkir tepi jalan umum melalui "
        "aplikasi. Tujuannya adalah meningkatkan pendapatan retribusi parkir dan mengurangi kebocoran "
        "pungutan.",
        (
            "penyediaan aplikasi dan mesin parkir elektronik",
            "pengelolaan juru parkir dan titik parkir",
            "bagi hasil pendapatan parkir",
        ),
        created_days_ago=50,
        steps=(
            Step(47, SUBMIT),
            Step(44, "approve", VERIFIED_OK),
            Step(38, "approve", "Skema bagi hasil perlu dikaji kesesuaiannya dengan Perda Pajak dan Retribusi Daerah."),
            Step(
                31,
                "decline",
                "TKKSD memutuskan usulan tidak dapat dilanjutkan: skema bagi hasil retribusi parkir tepi jalan "
                "umum dengan badan usaha tidak sesuai dengan Perda Kota Malang tentang Pajak Daerah dan "
                "Retribusi Daerah, dan pembayaran parkir nontunai sudah tersedia melalui kerja sama dengan Bank "
                "Jatim. Dinas Perhubungan dipersilakan menyusun ulang kebutuhan ini melalui pengadaan jasa.",
            ),
        ),
    ),
    # Ditolak at Verifikasi Berkas: not a cooperation at all.
    ProposalSeed(
        "KSB",
        "KSDPK",
        "DISPORAPAR",
        "sekretariat",
        ("TUGU-MEDIA",),
        "Pemanfaatan Stadion Gajayana untuk Penyelenggaraan Konser dan Acara Komersial",
        ("2.19", "3.26"),
        "Kesepakatan Bersama ini dimaksudkan untuk memanfaatkan Stadion Gajayana bagi penyelenggaraan acara "
        "komersial. Tujuannya adalah meningkatkan pendapatan daerah dan kunjungan wisata.",
        (
            "penyelenggaraan konser dan acara komersial di Stadion Gajayana",
            "promosi pariwisata Kota Malang",
            "pembagian pendapatan tiket",
        ),
        created_days_ago=22,
        steps=(
            Step(19, SUBMIT),
            Step(
                15,
                "decline",
                "Objek usulan adalah pemanfaatan barang milik daerah (sewa Stadion Gajayana) yang tunduk pada "
                "ketentuan pengelolaan BMD, bukan kerja sama daerah. Silakan diajukan kepada BKAD selaku "
                "pengelola barang dengan mekanisme sewa.",
            ),
        ),
    ),
    # Disetujui: the agreement exists with status Disetujui, waiting to be signed.
    ProposalSeed(
        "KSB",
        "KSDD",
        "DINKES",
        "opd",
        ("KAB-MALANG", "KOTA-BATU"),
        "Sistem Rujukan Terintegrasi dan Penanggulangan Penyakit Menular di Malang Raya",
        ("1.02",),
        "Kesepakatan Bersama ini dimaksudkan sebagai landasan pelayanan kesehatan lintas batas di Malang Raya. "
        "Tujuannya adalah mempercepat rujukan pasien antarfasilitas kesehatan dan menyatukan langkah "
        "penanggulangan penyakit menular seperti demam berdarah dan tuberkulosis.",
        (
            "sistem rujukan pasien terintegrasi antarfasilitas kesehatan",
            "surveilans dan penanggulangan penyakit menular lintas daerah",
            "pertukaran data kesehatan sesuai ketentuan pelindungan data pribadi",
            "peningkatan kapasitas tenaga kesehatan",
        ),
        created_days_ago=40,
        steps=(
            Step(36, SUBMIT),
            Step(32, "approve", VERIFIED_OK),
            Step(26, "approve", "Tidak ada catatan; draf telah sesuai format Permendagri 22/2020."),
            Step(17, "approve", "Dibahas dalam rapat TKKSD bersama ketiga daerah; direkomendasikan untuk disetujui."),
            Step(
                12,
                "approve",
                "Disetujui. Penandatanganan agar dijadwalkan bersama Bupati Malang dan Wali Kota Batu.",
            ),
        ),
    ),
    # Disetujui, then signed: the agreement is Berlaku.
    ProposalSeed(
        "KSB",
        "K/L",
        "DISKOMINFO",
        "opd2",
        ("BPS",),
        "Penyelenggaraan Statistik Sektoral dan Pembangunan Portal Satu Data Kota Malang",
        ("2.20", "2.16", "5.01"),
        "Kesepakatan Bersama ini dimaksudkan sebagai landasan pembinaan statistik sektoral di Kota Malang. "
        "Tujuannya adalah tersedianya data yang akurat, mutakhir dan dapat dibagipakaikan melalui portal Satu "
        "Data Kota Malang sebagai dasar perencanaan pembangunan.",
        (
            "pembinaan statistik sektoral perangkat daerah",
            "penyusunan dan pemutakhiran metadata serta standar data",
            "pembangunan dan pengelolaan portal Satu Data Kota Malang",
            "penyusunan publikasi Kota Malang Dalam Angka",
        ),
        created_days_ago=100,
        steps=(
            Step(95, SUBMIT),
            Step(91, "approve", VERIFIED_OK),
            Step(85, "approve", "Draf telah sesuai; tidak ada catatan."),
            Step(76, "approve", "Direkomendasikan untuk disetujui."),
            Step(71, "approve", "Disetujui."),
            Step(30, "sign", "Ditandatangani Wali Kota Malang dan Kepala BPS Kota Malang di Balai Kota Malang."),
        ),
    ),
]

# How the PPID classifies a proposal's documents while it is in review (UU 14/2008 art. 17).
PROPOSAL_DOCUMENT_RESTRICTIONS: dict[str, tuple[str, str]] = {
    "draf-naskah": ("17i", RESTRICTION_REASONS["17i"]),
    "kajian-manfaat": (
        "17i",
        "Kajian internal perangkat daerah sebagai bahan pertimbangan pimpinan yang belum diputuskan; dapat "
        "dibuka setelah kerja sama ditetapkan.",
    ),
    "full-powers": (
        "17f",
        "Surat kuasa penuh memuat mandat perundingan Pemerintah Republik Indonesia dengan pihak luar negeri.",
    ),
}
# A business's, university's or organisation's profile carries its officers' personal data.
PARTNER_PROFILE_RESTRICTION = (
    "17h",
    "Profil mitra memuat salinan akta pendirian dan data pribadi pengurus (NIK, alamat dan nomor telepon).",
)


@dataclass(frozen=True)
class RequestSeed:
    """A request sent through the public form; ``outcome`` is received, triaged or declined."""

    organisation: str
    category: str
    region: str
    address: str
    contact_name: str
    contact_position: str
    contact_email: str
    contact_phone: str
    title: str
    aims: str
    scope: str
    received_days_ago: int
    outcome: str = "received"
    outcome_days_ago: int = 0
    agency: str = ""  # triaged: the initiating agency
    reason: str = ""  # declined: why
    ip: str = ""
    country: str = "Indonesia"


EXTERNAL_REQUESTS: list[RequestSeed] = [
    RequestSeed(
        "CV Cahaya Reklame Nusantara",
        C.COMPANY,
        "Kota Malang, Jawa Timur",
        "Jalan Soekarno-Hatta Nomor 88, Lowokwaru, Kota Malang",
        "Hendra Saputra",
        "Direktur",
        "hendra.saputra@example.com",
        "0813-3456-7781",
        "Pemasangan Videotron Iklan Komersial di Simpang Jalan Protokol",
        "Kami bermaksud bekerja sama dengan Pemerintah Kota Malang untuk memasang videotron di simpang "
        "jalan protokol. Sebagian waktu tayang kami sediakan gratis untuk informasi pemerintah.",
        "Pemasangan 4 unit videotron; penayangan iklan komersial; penayangan informasi pemerintah 20% "
        "dari waktu tayang.",
        received_days_ago=12,
        outcome="declined",
        outcome_days_ago=10,
        reason="Pemasangan media reklame merupakan perizinan penyelenggaraan reklame, bukan kerja sama daerah. "
        "Pemohon dipersilakan mengajukan izin melalui layanan perizinan Disnaker-PMPTSP Kota Malang.",
        ip="192.0.2.31",
    ),
    RequestSeed(
        "Politeknik Kesehatan Kemenkes Malang",
        C.UNIVERSITY,
        "Kota Malang, Jawa Timur",
        "Jalan Besar Ijen Nomor 77C, Klojen, Kota Malang",
        "Dr. Kartika Wulandari, S.Kep., M.Kes.",
        "Wakil Direktur Bidang Akademik",
        "akademik.poltekkes@example.ac.id",
        "(0341) 566075",
        "Praktik Kerja Lapangan Mahasiswa Kesehatan di Puskesmas Kota Malang",
        "Memberikan pengalaman belajar lapangan bagi mahasiswa keperawatan, kebidanan dan gizi, sekaligus "
        "membantu kegiatan promotif dan preventif puskesmas.",
        "Penempatan mahasiswa praktik di 16 puskesmas; pembimbingan oleh tenaga kesehatan puskesmas; "
        "penyuluhan kesehatan dan pendataan keluarga sehat bersama kader.",
        received_days_ago=9,
        outcome="triaged",
        outcome_days_ago=6,
        agency="DINKES",
        ip="192.0.2.32",
    ),
    RequestSeed(
        "Yayasan Inklusi Malang Raya",
        C.NGO,
        "Kota Malang, Jawa Timur",
        "Jalan Raya Tlogomas Nomor 21, Lowokwaru, Kota Malang",
        "Retno Anggraini",
        "Ketua Yayasan",
        "retno.anggraini@example.org",
        "0812-3300-4521",
        "Pendampingan Layanan Publik Ramah Disabilitas di Kantor Kelurahan",
        "Meningkatkan aksesibilitas layanan administrasi di kantor kelurahan bagi penyandang disabilitas.",
        "Audit aksesibilitas kantor kelurahan; pelatihan bahasa isyarat dasar bagi petugas layanan; "
        "penyusunan standar layanan ramah disabilitas.",
        received_days_ago=1,
        ip="192.0.2.33",
    ),
]
