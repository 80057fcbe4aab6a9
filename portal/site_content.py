"""The portal's starting pages in both languages: what `setup_portal` creates on a fresh site.

Editors change all of it in the admin afterwards; this is only the first version.
"""

HOME = {
    "id": {
        "title": "Si Mbois Ker",
        "intro": (
            "<p>Sistem Informasi Malang Bersinergi Optimalkan Inovasi Strategi Kerja Sama: register kerja sama "
            "daerah Pemerintah Kota Malang, terbuka untuk publik sesuai UU 14/2008 tentang Keterbukaan "
            "Informasi Publik.</p>"
        ),
        "propose_text": (
            "<p>Kementerian, pemerintah daerah lain, badan usaha, perguruan tinggi, lembaga dan kota di luar "
            "negeri dapat mengajukan kerja sama tanpa membuat akun. Anda menerima nomor registrasi dan token "
            "untuk mengikuti prosesnya.</p>"
        ),
    },
    "en": {
        "title": "Si Mbois Ker",
        "intro": (
            "<p>The register of the City of Malang's cooperation agreements, open to the public under Law "
            "14/2008 on Public Information Disclosure.</p>"
        ),
        "propose_text": (
            "<p>Ministries, other regions, companies, universities, institutions and cities abroad can propose "
            "cooperation without an account. You receive a registration number and a token to follow its "
            "progress.</p>"
        ),
    },
}

# (model name, slug, per-language fields); the body is StreamField data in Wagtail's JSON form.
SECTIONS = [
    (
        "CatalogueIndexPage",
        "katalog",
        {
            "id": {
                "title": "Katalog Kerja Sama",
                "intro": "<p>Semua naskah kerja sama daerah yang telah ditandatangani dan dipublikasikan.</p>",
            },
            "en": {
                "title": "Agreement Catalogue",
                "intro": "<p>Every signed and published cooperation agreement of the City of Malang.</p>",
            },
        },
    ),
    (
        "StatisticsPage",
        "statistik",
        {
            "id": {"title": "Statistik", "intro": "<p>Kerja sama daerah dalam angka.</p>"},
            "en": {"title": "Statistics", "intro": "<p>The city's cooperation in figures.</p>"},
        },
    ),
    (
        "StandardPage",
        "prosedur",
        {
            "id": {
                "title": "Prosedur dan Standar Layanan",
                "intro": "<p>Tahapan kerja sama daerah dan standar layanan untuk setiap jenis kerja sama.</p>",
                "body": [
                    ("heading", "Tahapan kerja sama daerah"),
                    (
                        "paragraph",
                        "<ol><li>Pengajuan usulan oleh OPD atau mitra</li><li>Verifikasi Berkas oleh Bagian "
                        "Pemerintahan</li><li>Telaah Hukum</li><li>Pembahasan TKKSD</li><li>Persetujuan Sekda / "
                        "Wali Kota</li><li>Penandatanganan</li><li>Pelaksanaan serta Monitoring dan "
                        "Evaluasi</li></ol>",
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama Daerah dengan Pihak Ketiga (KSDPK)",
                            "requirements": [
                                "Surat permohonan kerja sama",
                                "Kerangka acuan kerja (KAK)",
                                "Profil dan legalitas mitra",
                                "Rancangan naskah kerja sama",
                            ],
                            "steps": [
                                "Pengajuan melalui OPD atau formulir daring",
                                "Verifikasi Berkas",
                                "Telaah Hukum",
                                "Pembahasan TKKSD",
                                "Persetujuan dan Penandatanganan",
                            ],
                            "duration": "30 hari kerja sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Naskah Kesepakatan Bersama / Perjanjian Kerja Sama",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama Daerah dengan Daerah Lain (KSDD)",
                            "requirements": [
                                "Surat permohonan dari kepala daerah",
                                "Kerangka acuan kerja (KAK)",
                                "Rancangan naskah kerja sama",
                            ],
                            "steps": [
                                "Penjajakan antar daerah",
                                "Verifikasi Berkas",
                                "Telaah Hukum",
                                "Pembahasan TKKSD",
                                "Persetujuan DPRD bila membebani APBD",
                                "Penandatanganan",
                            ],
                            "duration": "45 hari kerja sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Naskah Kesepakatan Bersama / Perjanjian Kerja Sama",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama Daerah dengan Kementerian/Lembaga (K/L)",
                            "requirements": [
                                "Surat penawaran atau permohonan dari Kementerian/Lembaga atau OPD pemrakarsa",
                                "Kerangka acuan kerja (KAK)",
                                "Rancangan naskah kerja sama",
                                "Surat kuasa bila ditandatangani kepala OPD",
                            ],
                            "steps": [
                                "Pengajuan melalui OPD pemrakarsa",
                                "Verifikasi Berkas",
                                "Telaah Hukum",
                                "Pembahasan TKKSD",
                                "Persetujuan Sekda / Wali Kota",
                                "Penandatanganan",
                            ],
                            "duration": "30 hari kerja sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Naskah Kesepakatan Bersama / Perjanjian Kerja Sama",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri (KSDPL)",
                            "requirements": [
                                "Surat minat (Letter of Intent) dari kedua pihak",
                                "Kerangka acuan kerja (KAK) dan kajian manfaat",
                                "Rancangan Memorandum Saling Pengertian dalam bahasa Indonesia dan bahasa asing",
                                "Hasil konsultasi dengan Kementerian Dalam Negeri",
                            ],
                            "steps": [
                                "Penjajakan dan penandatanganan surat minat",
                                "Verifikasi Berkas dan Telaah Hukum",
                                "Konsultasi dengan Kementerian Dalam Negeri dan Kementerian Luar Negeri",
                                "Persetujuan DPRD",
                                "Surat kuasa penuh (Full Powers) dari Menteri Luar Negeri",
                                "Penandatanganan",
                            ],
                            "duration": "Sekitar 3 bulan sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Memorandum Saling Pengertian dan perjanjian pelaksanaannya",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama Daerah dengan Lembaga di Luar Negeri (KSDLL)",
                            "requirements": [
                                "Surat penawaran dari lembaga luar negeri",
                                "Profil dan dasar hukum lembaga",
                                "Kerangka acuan kerja (KAK)",
                                "Rancangan naskah dalam bahasa Indonesia dan bahasa asing",
                            ],
                            "steps": [
                                "Pengajuan melalui OPD pemrakarsa",
                                "Verifikasi Berkas dan Telaah Hukum",
                                "Konsultasi dengan Kementerian Dalam Negeri",
                                "Pembahasan TKKSD",
                                "Persetujuan Wali Kota",
                                "Penandatanganan",
                            ],
                            "duration": "Sekitar 3 bulan sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Memorandum Saling Pengertian / Perjanjian Kerja Sama",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Kerja Sama antar-OPD (Internal)",
                            "requirements": [
                                "Nota dinas dari OPD pemrakarsa",
                                "Rancangan perjanjian kerja sama",
                            ],
                            "steps": [
                                "Pengajuan oleh OPD pemrakarsa",
                                "Verifikasi Berkas",
                                "Telaah Hukum",
                                "Penandatanganan oleh para kepala OPD",
                            ],
                            "duration": "21 hari kerja sejak berkas lengkap",
                            "cost": "Tidak dipungut biaya",
                            "output": "Perjanjian Kerja Sama antar-OPD",
                        },
                    ),
                ],
            },
            "en": {
                "title": "Procedures and Service Standards",
                "intro": "<p>The stages of regional cooperation and the service standard for each kind.</p>",
                "body": [
                    ("heading", "Stages of regional cooperation"),
                    (
                        "paragraph",
                        "<ol><li>A proposal from an agency or a partner</li><li>Document check by the Government "
                        "Affairs Division</li><li>Legal review</li><li>Deliberation by the TKKSD</li><li>Approval by "
                        "the Regional Secretary / Mayor</li><li>Signing</li><li>Implementation, monitoring and "
                        "evaluation</li></ol>",
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation with third parties (KSDPK)",
                            "requirements": [
                                "Letter requesting cooperation",
                                "Terms of reference",
                                "Partner profile and legal documents",
                                "Draft agreement",
                            ],
                            "steps": [
                                "Proposal through an agency or the online form",
                                "Document check",
                                "Legal review",
                                "TKKSD deliberation",
                                "Approval and signing",
                            ],
                            "duration": "30 working days from a complete file",
                            "cost": "Free of charge",
                            "output": "Memorandum of understanding / cooperation agreement",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation with other regions (KSDD)",
                            "requirements": [
                                "Letter from the head of region",
                                "Terms of reference",
                                "Draft agreement",
                            ],
                            "steps": [
                                "Exploration between the regions",
                                "Document check",
                                "Legal review",
                                "TKKSD deliberation",
                                "DPRD approval when it burdens the budget",
                                "Signing",
                            ],
                            "duration": "45 working days from a complete file",
                            "cost": "Free of charge",
                            "output": "Memorandum of understanding / cooperation agreement",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation with ministries and national agencies (K/L)",
                            "requirements": [
                                "Offer or request letter from the ministry or the initiating agency",
                                "Terms of reference",
                                "Draft agreement",
                                "Letter of authority when an agency head signs",
                            ],
                            "steps": [
                                "Proposal through the initiating agency",
                                "Document check",
                                "Legal review",
                                "TKKSD deliberation",
                                "Approval by the Regional Secretary / Mayor",
                                "Signing",
                            ],
                            "duration": "30 working days from a complete file",
                            "cost": "Free of charge",
                            "output": "Memorandum of understanding / cooperation agreement",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation with regional governments abroad (KSDPL)",
                            "requirements": [
                                "Letter of intent from both parties",
                                "Terms of reference and benefit study",
                                "Draft memorandum of understanding in Indonesian and the partner's language",
                                "Outcome of the consultation with the Ministry of Home Affairs",
                            ],
                            "steps": [
                                "Exploration and signing of the letter of intent",
                                "Document check and legal review",
                                "Consultation with the Ministries of Home Affairs and Foreign Affairs",
                                "DPRD approval",
                                "Full Powers from the Minister of Foreign Affairs",
                                "Signing",
                            ],
                            "duration": "About 3 months from a complete file",
                            "cost": "Free of charge",
                            "output": "Memorandum of understanding and its implementing agreements",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation with institutions abroad (KSDLL)",
                            "requirements": [
                                "Offer letter from the institution",
                                "Profile and legal standing of the institution",
                                "Terms of reference",
                                "Draft agreement in Indonesian and the partner's language",
                            ],
                            "steps": [
                                "Proposal through the initiating agency",
                                "Document check and legal review",
                                "Consultation with the Ministry of Home Affairs",
                                "TKKSD deliberation",
                                "Approval by the Mayor",
                                "Signing",
                            ],
                            "duration": "About 3 months from a complete file",
                            "cost": "Free of charge",
                            "output": "Memorandum of understanding / cooperation agreement",
                        },
                    ),
                    (
                        "service_standard",
                        {
                            "kind": "Cooperation between the city's agencies (Internal)",
                            "requirements": [
                                "Memo from the initiating agency",
                                "Draft cooperation agreement",
                            ],
                            "steps": [
                                "Proposal by the initiating agency",
                                "Document check",
                                "Legal review",
                                "Signing by the heads of the agencies",
                            ],
                            "duration": "21 working days from a complete file",
                            "cost": "Free of charge",
                            "output": "Cooperation agreement between agencies",
                        },
                    ),
                ],
            },
        },
    ),
    (
        "StandardPage",
        "tanya-jawab",
        {
            "id": {
                "title": "Tanya Jawab",
                "intro": "<p>Pertanyaan yang sering diajukan tentang kerja sama daerah.</p>",
                "body": [
                    (
                        "question",
                        {
                            "question": "Apakah semua naskah kerja sama terbuka untuk publik?",
                            "answer": (
                                "<p>Ya. Menurut UU 14/2008 pasal 11 ayat 1 huruf e, perjanjian badan publik dengan "
                                "pihak ketiga adalah informasi yang wajib tersedia setiap saat. Hanya bagian yang "
                                "dikecualikan PPID berdasarkan pasal 17 yang tidak ditampilkan, dengan alasannya.</p>"
                            ),
                        },
                    ),
                    (
                        "question",
                        {
                            "question": "Bagaimana mitra mengajukan kerja sama?",
                            "answer": (
                                "<p>Isi formulir Ajukan Kerja Sama. Anda menerima nomor registrasi dan token untuk "
                                "mengecek status permohonan tanpa akun.</p>"
                            ),
                        },
                    ),
                ],
            },
            "en": {
                "title": "Questions and Answers",
                "intro": "<p>Frequently asked questions about regional cooperation.</p>",
                "body": [
                    (
                        "question",
                        {
                            "question": "Is every agreement public?",
                            "answer": (
                                "<p>Yes. Under article 11(1)(e) of Law 14/2008, a public body's agreements with "
                                "third parties must be available at all times. Only parts the information officer "
                                "(PPID) withholds under article 17 are not shown, with the reason.</p>"
                            ),
                        },
                    ),
                    (
                        "question",
                        {
                            "question": "How does a partner propose cooperation?",
                            "answer": (
                                "<p>Fill in the Propose Cooperation form. You receive a registration number and a "
                                "token to check the request's status without an account.</p>"
                            ),
                        },
                    ),
                ],
            },
        },
    ),
]
