"""Realistic Article records for storage tests and the store benchmark (Indonesian news text)."""

from __future__ import annotations

import random
from typing import Any

from spektroom_crawler.record import Article, Dateline, Quote

BASE = "https://spektroom.co.id"
TPPO_URL = f"{BASE}/penghargaan-untuk-kapuas-hulu-bukti-konsistensi-daerah-lawan-perdagangan-orang/"
TPPO_HEADLINE = "Penghargaan untuk Kapuas Hulu: Bukti Konsistensi Daerah Lawan Perdagangan Orang"

TPPO_PARAGRAPHS = [
    "KAPUAS HULU, Spektroom – Komitmen Kapuas Hulu dalam memerangi tindak pidana perdagangan "
    "orang (TPPO) kembali mendapat pengakuan di tingkat provinsi. Pada Rapat Koordinasi "
    "Pencegahan dan Penanganan TPPO yang berlangsung di Balai Petitih Kantor Gubernur "
    "Kalimantan Barat, Rabu (26/11/2025), daerah tersebut menerima penghargaan atas "
    "kontribusi aktif sepanjang tahun 2025.",
    "Dalam kesempatan itu, Gubernur Kalimantan Barat menyerahkan penghargaan kepada tiga "
    "institusi yang dinilai konsisten memberikan dukungan dalam upaya pencegahan dan "
    "penanganan perdagangan orang, yakni Bupati Kapuas Hulu, Polresta Kapuas Hulu, serta "
    "Dinas Sosial Kapuas Hulu.",
    "Menurut Wakil Bupati Kapuas Hulu Sukardi, penghargaan ini bukan sekadar bentuk apresiasi, "
    "tetapi juga menjadi pengingat bahwa ancaman TPPO masih nyata dan membutuhkan kerja bersama.",
    "“Kami akan terus bekerja sama dengan semua pihak untuk mencegah dan menangani TPPO di "
    "Kapuas Hulu,” ujar Sukardi.",
    "Ia menambahkan, koordinasi lintas sektor menjadi kunci agar penanganan TPPO dapat berjalan "
    "lebih efektif dan terukur.",
    "Upaya tersebut antara lain peningkatan edukasi dan sosialisasi kepada masyarakat mengenai "
    "bahaya TPPO, pemberdayaan kelompok masyarakat, serta pelatihan peningkatan kapasitas bagi "
    "aparat penegak hukum dan petugas perlindungan perempuan dan anak.",
    "Selain itu, pemerintah daerah juga mendorong penguatan sistem data terpadu TPPO untuk "
    "memastikan setiap laporan dapat ditindaklanjuti secara cepat dan akurat.",
    "“Ini bukan hanya tugas pemerintah, melainkan tanggung jawab kita bersama. Kesadaran "
    "masyarakat adalah benteng pertama agar TPPO dapat dicegah sedini mungkin,” tegasnya.",
]

# Another story on the same topic (trafficking), different event and words: not a duplicate.
TPPO_OTHER_PARAGRAPHS = [
    "PONTIANAK, Spektroom – Kepolisian Daerah Kalimantan Barat menggagalkan pengiriman "
    "sebelas calon pekerja migran nonprosedural ke Malaysia melalui Pos Lintas Batas Negara "
    "Entikong, Sabtu (22/11/2025) dini hari.",
    "Para korban, sebagian besar perempuan asal Nusa Tenggara Timur, dijanjikan pekerjaan di "
    "perkebunan sawit dengan gaji besar oleh seorang perekrut yang kini telah ditahan.",
    "Kabid Humas Polda Kalbar Kombes Pol Bayu Suseno mengatakan penyidik masih menelusuri "
    "jaringan perekrut yang diduga beroperasi sejak awal tahun.",
    "“Modusnya selalu sama, korban diberangkatkan tanpa dokumen resmi dan paspornya ditahan "
    "agen,” kata Bayu di Pontianak.",
    "Polisi menyita dua unit minibus, telepon genggam dan catatan keuangan yang memuat daftar "
    "setoran dari keluarga korban kepada tersangka perdagangan orang tersebut.",
    "Ia mengimbau warga yang ditawari pekerjaan ke luar negeri agar memeriksa legalitas "
    "perusahaan penyalur ke Dinas Tenaga Kerja sebelum berangkat.",
]


def tppo_article(**overrides: Any) -> Article:
    """The Kapuas Hulu anti-trafficking award story (after the one real page we have)."""
    data: dict[str, Any] = {
        "url": TPPO_URL,
        "canonical_url": TPPO_URL,
        "headline": TPPO_HEADLINE,
        "subheadline": None,
        "section": "Daerah",
        "tags": ["TPPO", "Kapuas Hulu", "Kalimantan Barat"],
        "language": "id",
        "published_at": "2025-11-29T19:45:00+07:00",
        "modified_at": "2025-11-29T21:02:00+07:00",
        "published_at_raw": "Sabtu, 29 November 2025 - 19:45 WIB",
        "modified_at_raw": None,
        "dateline": Dateline(
            place="Kapuas Hulu", outlet="Spektroom", text="KAPUAS HULU, Spektroom –"
        ),
        "event_date": "2025-11-26",
        "authors": ["Apolonius"],
        "editors": ["Biantoro"],
        "photo_credit": "Adpim Pemprov",
        "image_url": f"{BASE}/content/images/2025/11/kapuas-hulu-tppo.jpg",
        "image_caption": "Pemda Kapuas Hulu raih piagam dari Gubernur di Balai Petitih.",
        "paragraphs": list(TPPO_PARAGRAPHS),
        "quotes": [
            Quote(
                text="penghargaan ini bukan sekadar bentuk apresiasi, tetapi juga menjadi "
                "pengingat bahwa ancaman TPPO masih nyata dan membutuhkan kerja bersama.",
                speaker="Sukardi",
                speaker_title="Wakil Bupati Kapuas Hulu",
                verb="menurut",
                kind="indirect",
                paragraph=2,
            ),
            Quote(
                text="Kami akan terus bekerja sama dengan semua pihak untuk mencegah dan "
                "menangani TPPO di Kapuas Hulu",
                speaker="Sukardi",
                speaker_title=None,
                verb="ujar",
                kind="direct",
                paragraph=3,
            ),
            Quote(
                text="Ini bukan hanya tugas pemerintah, melainkan tanggung jawab kita bersama. "
                "Kesadaran masyarakat adalah benteng pertama agar TPPO dapat dicegah sedini "
                "mungkin",
                speaker="Sukardi",
                speaker_title=None,
                verb="tegasnya",
                kind="direct",
                paragraph=7,
            ),
        ],
        "related_urls": [f"{BASE}/bupati-kapuas-hulu-resmikan-jembatan-desa/"],
        "warnings": [],
        "fetched_url": None,
        "fetched_at": "2025-11-30T01:00:00+00:00",
        "lastmod": "2025-11-29T14:02:00+00:00",
    }
    data.update(overrides)
    return Article(**data)


def other_tppo_article(**overrides: Any) -> Article:
    """A different story on the same topic (border trafficking case)."""
    data: dict[str, Any] = {
        "url": f"{BASE}/polda-kalbar-gagalkan-pengiriman-pekerja-migran-nonprosedural/",
        "canonical_url": None,
        "headline": "Polda Kalbar Gagalkan Pengiriman 11 Pekerja Migran Nonprosedural",
        "section": "Hukum",
        "tags": ["TPPO", "Polda Kalbar"],
        "language": "id",
        "published_at": "2025-11-22T10:20:00+08:00",
        "published_at_raw": "Sabtu, 22 November 2025 | 10:20 WITA",
        "authors": ["Budi Sucahyono", "Julianto"],
        "editors": ["Biantoro"],
        "paragraphs": list(TPPO_OTHER_PARAGRAPHS),
        "quotes": [
            Quote(
                text="Modusnya selalu sama, korban diberangkatkan tanpa dokumen resmi dan "
                "paspornya ditahan agen",
                speaker="Bayu Suseno",
                speaker_title="Kabid Humas Polda Kalbar Kombes Pol",
                verb="kata",
                kind="direct",
                paragraph=3,
            )
        ],
        "fetched_at": "2025-11-30T01:00:05+00:00",
    }
    data.update(overrides)
    return Article(**data)


# --- synthetic corpus (benchmark, batching tests) -------------------------------------------

PLACES = [
    "Agam",
    "Pontianak",
    "Kapuas Hulu",
    "Sintang",
    "Padang",
    "Bukittinggi",
    "Ketapang",
    "Sambas",
    "Mempawah",
    "Landak",
    "Sekadau",
    "Melawi",
    "Kubu Raya",
    "Bengkayang",
]
SUBJECTS = [
    "Bupati",
    "Wakil Bupati",
    "Kapolres",
    "Kepala Dinas Kesehatan",
    "Ketua DPRD",
    "Camat",
    "Kepala Desa",
    "Sekretaris Daerah",
    "Kepala BPBD",
    "Dandim",
]
NAMES = [
    "Sukardi",
    "Weni Lestari",
    "Ahmad Yani",
    "Lili Suryani",
    "Apolonius",
    "Biantoro",
    "Budi Sucahyono",
    "Julianto",
    "Rahmat Hidayat",
    "Siti Aminah",
    "Yohanes Kurniawan",
    "Dewi Kartika",
    "Agus Salim",
    "Maria Goretti",
    "Hendra Gunawan",
    "Nur Aisyah",
]
TOPICS = [
    "banjir",
    "jalan desa",
    "stunting",
    "pupuk bersubsidi",
    "perdagangan orang",
    "pemilihan kepala daerah",
    "harga karet",
    "sekolah rakyat",
    "air bersih",
    "kebakaran lahan",
    "vaksinasi",
    "dana desa",
    "pariwisata danau",
    "UMKM",
]
WORDS = [
    "pemerintah",
    "daerah",
    "masyarakat",
    "program",
    "kegiatan",
    "bantuan",
    "warga",
    "kecamatan",
    "kabupaten",
    "provinsi",
    "anggaran",
    "tahun",
    "pembangunan",
    "pelayanan",
    "kesehatan",
    "pendidikan",
    "koordinasi",
    "pelaksanaan",
    "evaluasi",
    "sosialisasi",
    "rapat",
    "kerja",
    "petani",
    "nelayan",
    "sekolah",
    "jalan",
    "jembatan",
    "listrik",
    "irigasi",
    "harga",
    "pasar",
    "pedagang",
    "polisi",
    "tersangka",
    "korban",
    "saksi",
    "laporan",
    "dinas",
    "kepala",
    "desa",
    "kantor",
    "gubernur",
    "bupati",
    "wali",
    "kota",
    "camat",
    "lurah",
    "relawan",
    "posko",
    "pengungsi",
    "hujan",
    "deras",
    "sungai",
    "meluap",
    "rumah",
    "rusak",
    "ringan",
    "berat",
    "sementara",
    "tetap",
    "segera",
    "terus",
    "mendorong",
    "meminta",
    "memastikan",
    "menyiapkan",
    "menyalurkan",
    "mengimbau",
    "menargetkan",
]
TAGS = [
    "Pemerintahan",
    "Hukum",
    "Kesehatan",
    "Pendidikan",
    "Ekonomi",
    "Bencana",
    "Politik",
    "Kalimantan Barat",
    "Sumatera Barat",
    "Olahraga",
    "Budaya",
    "Pertanian",
]
VERBS = ["ujar", "kata", "tegasnya", "jelasnya", "imbuhnya", "ungkap", "tutur"]


def lightly_edited_copy() -> Article:
    """The TPPO story republished under another slug: new headline, a few words changed."""
    copy = tppo_article(
        url="https://spektroom.co.id/kapuas-hulu-raih-penghargaan-tppo/",
        canonical_url=None,
        headline="Kapuas Hulu Raih Penghargaan Pencegahan TPPO",
    )
    copy.paragraphs[1] = copy.paragraphs[1].replace("tiga institusi", "3 lembaga")
    copy.paragraphs[5] = copy.paragraphs[5].replace("antara lain", "di antaranya")
    copy.paragraphs.append("Penghargaan diserahkan langsung oleh Gubernur Kalimantan Barat.")
    return copy


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_article(index: int, *, seed: int = 0) -> Article:
    """A realistic-size article (10-14 paragraphs, ~500-700 words, quotes, people, tags)."""
    rng = random.Random(seed * 1_000_003 + index)
    place = rng.choice(PLACES)
    topic = rng.choice(TOPICS)
    speaker = rng.choice(NAMES)
    title = rng.choice(SUBJECTS)
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    year = 2023 + (index // 336) % 3
    slug = f"{place.lower().replace(' ', '-')}-{topic.replace(' ', '-')}-{index}"
    paragraphs = [
        f"{place.upper()}, Spektroom – {title} {place} {speaker} meninjau penanganan {topic} "
        f"di wilayahnya, Senin ({day}/{month}/{year}). " + _sentence(rng, 18)
    ]
    quotes: list[Quote] = []
    for p in range(1, rng.randint(10, 14)):
        if p % 4 == 1:
            said = _sentence(rng, rng.randint(12, 22))
            paragraphs.append(f"“{said[:-1]},” {rng.choice(VERBS)} {speaker}.")
            quotes.append(
                Quote(
                    text=said[:-1],
                    speaker=speaker,
                    speaker_title=None,
                    verb=paragraphs[-1].rsplit("”", 1)[1].split()[0],
                    kind="direct",
                    paragraph=p,
                )
            )
        else:
            paragraphs.append(" ".join(_sentence(rng, rng.randint(10, 20)) for _ in range(3)))
    url = f"{BASE}/{year}/{month:02d}/{slug}/"
    return Article(
        url=url,
        canonical_url=url,
        headline=f"{title} {place} Tinjau Penanganan {topic.title()} ({index})",
        subheadline=_sentence(rng, 12) if index % 3 == 0 else None,
        section=rng.choice(["Daerah", "Hukum", "Politik", "Ekonomi"]),
        tags=[*rng.sample(TAGS, 3), topic],
        language="id",
        published_at=f"{year}-{month:02d}-{day:02d}T{8 + index % 12:02d}:15:00+07:00",
        published_at_raw=f"{day} {month} {year} {8 + index % 12:02d}:15 WIB",
        dateline=Dateline(place=place, outlet="Spektroom", text=f"{place.upper()}, Spektroom –"),
        event_date=f"{year}-{month:02d}-{day:02d}",
        authors=[rng.choice(NAMES)],
        editors=[rng.choice(NAMES)],
        photo_credit="Humas Pemkab",
        image_url=f"{BASE}/content/images/{year}/{month:02d}/{slug}.jpg",
        image_caption=_sentence(rng, 14),
        paragraphs=paragraphs,
        quotes=quotes,
        related_urls=[f"{BASE}/berita-{rng.randint(1, 99999)}/" for _ in range(3)],
        fetched_at="2025-12-01T00:00:00+00:00",
        lastmod=f"{year}-{month:02d}-{day:02d}T12:00:00+00:00",
    )
