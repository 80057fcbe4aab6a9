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
