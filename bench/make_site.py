"""Write a synthetic Spektroom mirror of N articles, servable by MirrorServer, for benchmarks.

    python bench/make_site.py 10000 bench/out/site10k [--seed 7]

Same layout as fixtures/site/ (robots.txt, Yoast sitemap index with post sitemaps of at most
1000 URLs, Ghost sitemap index, RSS /feed/ and Atom /rss/, homepage + /page/N/, category and
author archives, static pages, 404 page) and the same article markup: pages are rendered by
fixtures/site_src/build.py in the wp-jnews and ghost families, plus the inline CSS/JS a real
theme ships, so pages weigh 20-60 KB. Text is assembled from a pool of Indonesian news sentences
with slots (places, officials, numbers, dates), so every page differs. Output is deterministic for
a given N and --seed; `_manifest.json` lists every article (path, headline, template, dates).
"""

# ruff: noqa: E501  (the sentence pool is prose; wrapping it would only hurt reading)
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "fixtures" / "site_src" / "build.py"
POSTS_PER_SITEMAP = 1000
NEWEST = datetime(2025, 12, 7, 21, 0)
OLDEST = datetime(2016, 1, 4, 7, 0)


def load_builder() -> ModuleType:
    """The fixture site's builder, loaded under a private name (PyPI has a `build` package)."""
    spec = importlib.util.spec_from_file_location("spektroom_site_build", BUILDER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


B = load_builder()

# --------------------------------------------------------------------------- the text pool

PLACES = [
    # (dateline, kabupaten/kota name, province, a kecamatan, zone)
    ("PONTIANAK", "Kota Pontianak", "Kalimantan Barat", "Pontianak Utara", "WIB"),
    ("KAPUAS HULU", "Kapuas Hulu", "Kalimantan Barat", "Putussibau Selatan", "WIB"),
    ("SINTANG", "Sintang", "Kalimantan Barat", "Ketungau Hilir", "WIB"),
    ("SANGGAU", "Sanggau", "Kalimantan Barat", "Entikong", "WIB"),
    ("KETAPANG", "Ketapang", "Kalimantan Barat", "Muara Pawan", "WIB"),
    ("SAMBAS", "Sambas", "Kalimantan Barat", "Paloh", "WIB"),
    ("KUBU RAYA", "Kubu Raya", "Kalimantan Barat", "Sungai Raya", "WIB"),
    ("MELAWI", "Melawi", "Kalimantan Barat", "Nanga Pinoh", "WIB"),
    ("PADANG", "Kota Padang", "Sumatera Barat", "Koto Tangah", "WIB"),
    ("AGAM", "Agam", "Sumatera Barat", "Palembayan", "WIB"),
    ("BUKITTINGGI", "Kota Bukittinggi", "Sumatera Barat", "Guguk Panjang", "WIB"),
    ("TANAH DATAR", "Tanah Datar", "Sumatera Barat", "Lima Kaum", "WIB"),
    ("PESISIR SELATAN", "Pesisir Selatan", "Sumatera Barat", "Painan", "WIB"),
    ("SURABAYA", "Kota Surabaya", "Jawa Timur", "Tegalsari", "WIB"),
    ("JEMBER", "Jember", "Jawa Timur", "Ambulu", "WIB"),
    ("MALANG", "Malang", "Jawa Timur", "Kepanjen", "WIB"),
    ("BANYUWANGI", "Banyuwangi", "Jawa Timur", "Glenmore", "WIB"),
    ("SIDOARJO", "Sidoarjo", "Jawa Timur", "Porong", "WIB"),
    ("MAKASSAR", "Kota Makassar", "Sulawesi Selatan", "Tamalate", "WITA"),
    ("BALIKPAPAN", "Kota Balikpapan", "Kalimantan Timur", "Balikpapan Barat", "WITA"),
]
FIRST = ["Agus", "Rina", "Hendri", "Yuliani", "Bambang", "Siti", "Fransiskus", "Maria", "Rudi",
         "Dewi", "Syarifudin", "Nurhayati", "Antonius", "Wahyuni", "Iwan", "Lestari", "Zulkifli",
         "Yohanes", "Ratna", "Herman", "Sri", "Andi", "Marlina", "Gusti", "Eko", "Fitri"]
LAST = ["Santoso", "Wulandari", "Saputra", "Harahap", "Sembiring", "Lumbang", "Setiawan",
        "Rahmawati", "Kurniawan", "Hidayat", "Nasution", "Siregar", "Pratama", "Susanti",
        "Firdaus", "Mahendra", "Gunawan", "Utami", "Simanjuntak", "Lubis", "Purnomo", "Anwar"]
AUTHORS = ["Apolonius", "Rahmat Hidayat", "Deni Kurniawan", "Hendra Saputra", "Yulia Fitriani",
           "Eko Prasetyo", "Budi Sucahyono", "Julianto", "Yohanes Kurnia", "Siti Rahmawati",
           "Nurana Diah Dhayanti", "Fransiskus Lenggo", "Redaksi"]
EDITORS = [("Editor. :", "Biantoro"), ("Editor:", "Joko Susilo"), ("Editor :", "Mulyadi"),
           ("Redaktur:", "Ratna Sari Dewi")]
SPEECH = ["kata", "ujar", "tutur", "jelas", "tegas", "ungkap", "papar", "imbuh", "terang"]
SAY = ["mengatakan", "menjelaskan", "menyampaikan", "menegaskan", "mengungkapkan", "menuturkan"]

# Per section: roles (who speaks), headlines, leads, statements and quotes.
SECTION_TEXT: dict[str, dict[str, list[Any]]] = {
    "pemerintahan": {
        "roles": ["Sekretaris Daerah {kab}", "Kepala Bappeda {kab}", "Camat {kec}",
                  "Kepala Dinas PUPR {kab}", "Asisten Pemerintahan Setda {kab}"],
        "stories": [
            ("Pemkab {kab} Percepat Perbaikan {n} Ruas Jalan Rusak",
             "Pemerintah Kabupaten {kab} mempercepat perbaikan {n} ruas jalan yang rusak di wilayah {kec} dan sekitarnya. Keputusan itu diambil dalam rapat koordinasi di kantor bupati, {event}."),
            ("Musrenbang {kec} Usulkan {n} Program Prioritas",
             "Musyawarah perencanaan pembangunan tingkat Kecamatan {kec} digelar di aula kantor camat, {event}. Sebanyak {n} usulan program dibahas bersama kepala desa dan tokoh masyarakat."),
            ("Pemkab {kab} Salurkan Bantuan Sosial untuk {nk} Keluarga",
             "Pemerintah daerah {kab} menyalurkan bantuan sosial kepada {nk} keluarga penerima manfaat, {event}. Penyaluran dilakukan serentak di seluruh kantor kecamatan."),
            ("DPRD {kab} Setujui APBD Perubahan Senilai Rp{m} Miliar",
             "Dewan Perwakilan Rakyat Daerah {kab} menyetujui rancangan APBD Perubahan senilai Rp{m} miliar dalam rapat paripurna, {event}. Seluruh fraksi menyampaikan pandangan akhir dengan sejumlah catatan."),
            ("Pemerintah {kab} Luncurkan Layanan Adminduk Keliling di {kec}",
             "Pemerintah {kab} meluncurkan layanan administrasi kependudukan keliling di Kecamatan {kec}, {event}. Warga dapat merekam KTP elektronik dan mengurus akta kelahiran tanpa ke ibu kota kabupaten."),
        ],
        "statements": [
            "anggaran yang disiapkan tahun ini mencapai Rp{m} miliar dan sebagian besar bersumber dari dana alokasi khusus",
            "pemerintah daerah akan memprioritaskan wilayah yang selama ini sulit dijangkau kendaraan roda empat",
            "seluruh organisasi perangkat daerah diminta menyelesaikan laporan realisasi anggaran sebelum akhir bulan",
            "data penerima bantuan telah dipadankan dengan data kependudukan agar tepat sasaran",
            "pelayanan publik di tingkat kecamatan akan terus dibenahi agar warga tidak perlu datang ke ibu kota kabupaten",
        ],
        "quotes": [
            "Kami ingin pembangunan dirasakan merata, bukan hanya di pusat kota",
            "Setiap rupiah anggaran harus bisa dipertanggungjawabkan kepada masyarakat",
            "Kalau ada warga yang belum terdata, segera lapor ke desa atau kecamatan",
            "Koordinasi lintas sektor menjadi kunci supaya program ini berjalan tepat waktu",
        ],
    },
    "hukum-kriminal": {
        "roles": ["Kasat Reskrim Polres {kab}", "Kapolsek {kec}", "Kasi Pidsus Kejari {kab}",
                  "Kasat Resnarkoba Polres {kab}", "Kasi Humas Polres {kab}"],
        "stories": [
            ("Polres {kab} Tangkap {k} Pelaku Pencurian Sawit",
             "Kepolisian Resor {kab} menangkap {k} orang terduga pelaku pencurian tandan buah sawit di wilayah {kec}, {event}. Para pelaku ditangkap setelah polisi menerima laporan dari warga."),
            ("Peredaran Sabu {g} Gram Digagalkan di {kec}",
             "Satuan Reserse Narkoba Polres {kab} menggagalkan peredaran sabu seberat {g} gram di Kecamatan {kec}, {event}. Dua orang diamankan bersama barang bukti."),
            ("Kejari {kab} Tahan Tersangka Korupsi Dana Desa Rp{r} Juta",
             "Kejaksaan Negeri {kab} menahan seorang kepala desa yang menjadi tersangka dugaan korupsi dana desa, {event}. Kerugian negara ditaksir mencapai Rp{r} juta."),
            ("Polisi Bongkar Praktik Judi Daring di {kab}",
             "Polres {kab} membongkar praktik judi daring yang dikendalikan dari sebuah rumah kontrakan di Kecamatan {kec}, {event}. {k} orang diamankan bersama sejumlah telepon genggam dan rekening bank."),
            ("Dua Pengedar Narkoba Ditangkap di Jalan Lintas {kec}",
             "Dua pria yang diduga mengedarkan narkoba ditangkap polisi di jalan lintas Kecamatan {kec}, {kab}, {event}. Polisi menemukan {g} gram sabu yang disembunyikan di jok sepeda motor."),
        ],
        "statements": [
            "para tersangka dijerat pasal berlapis dengan ancaman hukuman di atas lima tahun penjara",
            "penyidik masih mendalami kemungkinan adanya pelaku lain yang terlibat dalam jaringan tersebut",
            "barang bukti yang disita antara lain telepon genggam, uang tunai dan satu unit sepeda motor",
            "penangkapan berawal dari informasi masyarakat yang curiga dengan aktivitas para pelaku pada malam hari",
            "tersangka ditahan selama dua puluh hari pertama untuk kepentingan penyidikan",
        ],
        "quotes": [
            "Kami tidak akan memberi ruang bagi pelaku kejahatan di wilayah hukum kami",
            "Modus seperti ini sudah sering kami temukan, karena itu warga harus waspada",
            "Proses hukum akan berjalan transparan dan sesuai ketentuan",
            "Kami terus memburu pemasok yang diduga mengendalikan peredaran dari luar daerah",
        ],
    },
    "peristiwa": {
        "roles": ["Kepala Pelaksana BPBD {kab}", "Kepala Desa di {kec}", "Camat {kec}",
                  "Komandan Regu Damkar {kab}", "Koordinator Basarnas {prov}"],
        "stories": [
            ("Banjir Rendam {nk} Rumah di {kec}",
             "Banjir merendam {nk} rumah di Kecamatan {kec}, Kabupaten {kab}, {event}. Air mulai naik sejak dini hari setelah hujan deras mengguyur kawasan hulu."),
            ("Longsor Tutup Akses Jalan Menuju {kec}",
             "Tanah longsor menutup akses jalan menuju Kecamatan {kec}, {kab}, {event}. Material tanah dan pohon tumbang menutup badan jalan sepanjang puluhan meter."),
            ("Kebakaran Hanguskan {k} Rumah Warga di {kab}",
             "Kebakaran menghanguskan {k} rumah warga di Kecamatan {kec}, {kab}, {event}. Api diduga berasal dari korsleting listrik."),
            ("Angin Kencang Rusak Puluhan Rumah di {kec}",
             "Angin kencang disertai hujan lebat merusak puluhan rumah warga di Kecamatan {kec}, {kab}, {event}. Sebagian atap rumah terbang dan pohon tumbang menimpa kabel listrik."),
            ("BPBD {kab} Siagakan {n} Relawan Hadapi Musim Hujan",
             "Badan Penanggulangan Bencana Daerah {kab} menyiagakan {n} relawan menghadapi puncak musim hujan. Kesiapan itu dicek dalam apel siaga bencana, {event}."),
        ],
        "statements": [
            "tim gabungan telah dikerahkan untuk membantu evakuasi warga, terutama lansia dan anak-anak",
            "posko pengungsian didirikan di masjid dan sekolah yang berada di lokasi lebih tinggi",
            "kerugian material masih dihitung, namun tidak ada korban jiwa dalam peristiwa tersebut",
            "alat berat sudah dikerahkan untuk membersihkan material yang menutup badan jalan",
            "warga diminta tetap waspada karena cuaca ekstrem diperkirakan masih terjadi sepekan ke depan",
        ],
        "quotes": [
            "Prioritas kami keselamatan warga, barang bisa dicari lagi",
            "Kami sudah menyiapkan dapur umum dan logistik untuk tiga hari ke depan",
            "Kalau hujan deras turun lagi malam ini, warga di bantaran sungai sebaiknya mengungsi",
            "Petugas kami siaga dua puluh empat jam di posko",
        ],
    },
    "kesehatan": {
        "roles": ["Kepala Dinas Kesehatan {kab}", "Kepala Puskesmas {kec}",
                  "Direktur RSUD {kab}", "Kabid P2P Dinkes {kab}"],
        "stories": [
            ("Kasus DBD di {kab} Meningkat, Warga Diminta Galakkan 3M Plus",
             "Dinas Kesehatan Kabupaten {kab} mencatat {nk} kasus demam berdarah dengue sejak awal tahun hingga {event}. Sebagian besar kasus ditemukan di Kecamatan {kec}."),
            ("Dinkes {kab} Targetkan Imunisasi {n} Ribu Balita",
             "Dinas Kesehatan {kab} memulai pekan imunisasi untuk {n} ribu balita di seluruh puskesmas dan posyandu, {event}."),
            ("Puskesmas {kec} Buka Layanan Kesehatan Jiwa",
             "Puskesmas {kec} di Kabupaten {kab} membuka layanan konseling kesehatan jiwa bagi remaja dan dewasa, {event}."),
            ("Angka Stunting di {kab} Turun {p} Persen",
             "Prevalensi stunting di Kabupaten {kab} turun {p} persen dibanding tahun lalu. Capaian itu dipaparkan dalam rembuk stunting tingkat kabupaten, {event}."),
            ("RSUD {kab} Tambah Ruang Perawatan Intensif",
             "Rumah Sakit Umum Daerah {kab} menambah {k} tempat tidur perawatan intensif. Ruang baru tersebut mulai digunakan {event}."),
        ],
        "statements": [
            "petugas kesehatan akan mendatangi rumah warga yang belum datang ke posyandu",
            "pemeriksaan dilakukan tanpa biaya bagi peserta BPJS Kesehatan yang aktif",
            "kader posyandu dilatih mengukur tinggi dan berat badan anak dengan alat standar",
            "ketersediaan obat dan vaksin di gudang farmasi dipastikan mencukupi hingga akhir tahun",
            "masyarakat diimbau segera membawa anggota keluarga ke fasilitas kesehatan bila demam tinggi lebih dari dua hari",
        ],
        "quotes": [
            "Pencegahan jauh lebih murah daripada pengobatan",
            "Kami minta orang tua tidak ragu membawa anaknya ke posyandu",
            "Tenaga kesehatan kami siap melayani sampai ke desa paling jauh",
            "Data yang akurat membuat intervensi kita lebih tepat sasaran",
        ],
    },
    "pendidikan": {
        "roles": ["Kepala Dinas Pendidikan {kab}", "Kepala SMP Negeri 1 {kec}",
                  "Kepala Bidang SD Disdik {kab}", "Ketua PGRI {kab}"],
        "stories": [
            ("{n} Sekolah di {kab} Kekurangan Guru",
             "Sebanyak {n} sekolah dasar di Kabupaten {kab} kekurangan guru pada awal semester ini. Kondisi itu terungkap dalam rapat evaluasi pendidikan, {event}."),
            ("Siswa SD di {kec} Ikuti Simulasi Siaga Bencana",
             "Ratusan siswa sekolah dasar di Kecamatan {kec} mengikuti simulasi kesiapsiagaan bencana yang digelar BPBD dan relawan PMI, {event}."),
            ("Disdik {kab} Salurkan Beasiswa untuk {nk} Pelajar",
             "Dinas Pendidikan {kab} menyalurkan beasiswa kepada {nk} pelajar dari keluarga kurang mampu, {event}."),
            ("Gedung SD di {kec} Rusak, Siswa Belajar di Rumah Warga",
             "Siswa sebuah sekolah dasar di Kecamatan {kec}, {kab}, terpaksa belajar di rumah warga karena atap gedung sekolah ambruk. Kondisi itu ditinjau dinas pendidikan, {event}."),
            ("Ratusan Guru Honorer {kab} Ikuti Seleksi PPPK",
             "Ratusan guru honorer di Kabupaten {kab} mengikuti seleksi Pegawai Pemerintah dengan Perjanjian Kerja (PPPK), {event}. Formasi yang tersedia tahun ini sebanyak {n} kursi."),
        ],
        "statements": [
            "sebagian guru terpaksa mengajar dua kelas sekaligus karena tidak ada tenaga pengganti",
            "pemerintah daerah telah mengusulkan tambahan formasi guru kepada pemerintah pusat",
            "materi kesiapsiagaan bencana akan dimasukkan ke dalam kegiatan ekstrakurikuler",
            "beasiswa diberikan untuk biaya sekolah, seragam dan perlengkapan belajar",
            "pihak sekolah diminta memperbarui data pokok pendidikan agar bantuan tidak salah sasaran",
        ],
        "quotes": [
            "Anak-anak di pedalaman berhak mendapat pendidikan yang sama dengan di kota",
            "Guru adalah kunci, gedung bagus tidak ada artinya tanpa guru",
            "Kami ingin siswa tahu apa yang harus dilakukan saat bencana datang",
            "Jangan sampai ada anak yang putus sekolah karena masalah biaya",
        ],
    },
    "ekonomi": {
        "roles": ["Kepala Dinas Perdagangan {kab}", "Kepala Dinas Pertanian {kab}",
                  "Ketua Kelompok Tani di {kec}", "Pimpinan Cabang Bulog {kab}"],
        "stories": [
            ("Harga Cabai di Pasar {kab} Tembus Rp{h} Ribu per Kilogram",
             "Harga cabai rawit di pasar tradisional {kab} naik hingga Rp{h} ribu per kilogram. Pantauan di pasar pada {event} menunjukkan pasokan dari luar daerah berkurang."),
            ("Petani {kec} Panen Raya, Harga Gabah Turun",
             "Petani di Kecamatan {kec}, {kab}, memasuki masa panen raya padi, {event}. Namun harga gabah di tingkat petani justru turun."),
            ("Operasi Pasar Murah Digelar di {n} Kecamatan di {kab}",
             "Pemerintah Kabupaten {kab} menggelar operasi pasar murah di {n} kecamatan mulai {event} untuk menekan kenaikan harga bahan pokok."),
            ("UMKM {kab} Didorong Masuk Pasar Digital",
             "Sebanyak {nk} pelaku usaha mikro, kecil dan menengah di {kab} mengikuti pelatihan pemasaran digital, {event}."),
            ("Harga Karet di Tingkat Petani {kab} Naik",
             "Harga karet di tingkat petani di Kecamatan {kec}, {kab}, naik menjadi Rp{h} ribu per kilogram. Kenaikan itu dirasakan petani sejak {event}."),
        ],
        "statements": [
            "stok beras, minyak goreng dan gula dipastikan aman hingga tiga bulan ke depan",
            "kenaikan harga dipicu cuaca buruk yang mengganggu distribusi dari sentra produksi",
            "pemerintah daerah akan memperluas kerja sama antardaerah untuk menjaga pasokan",
            "petani diminta tidak menjual gabah di bawah harga pembelian pemerintah",
            "pelaku usaha kecil akan mendapat pendampingan pemasaran dan perizinan",
        ],
        "quotes": [
            "Kami pastikan tidak ada penimbunan, pengawasan dilakukan setiap hari",
            "Harga di tingkat petani harus tetap menguntungkan, jangan sampai mereka rugi",
            "Barang sedikit, pembeli tetap banyak, jadi harga naik",
            "Operasi pasar ini kami lakukan sampai harga kembali normal",
        ],
    },
}
GENERIC = [
    "Kegiatan tersebut turut dihadiri unsur Forkopimda, tokoh agama dan tokoh masyarakat setempat.",
    "Pemerintah daerah berharap langkah ini dapat memberikan manfaat langsung bagi masyarakat.",
    "Hingga berita ini diturunkan, petugas masih berada di lokasi untuk melakukan pendataan.",
    "Masyarakat diimbau untuk tidak mudah percaya pada informasi yang belum jelas sumbernya.",
    "Program serupa direncanakan berlanjut pada tahun anggaran berikutnya dengan cakupan yang lebih luas.",
    "Warga menyambut baik kegiatan tersebut dan berharap dilakukan secara rutin.",
    "Evaluasi akan dilakukan setiap bulan untuk memastikan target tercapai.",
    "Sejumlah warga yang ditemui mengaku belum mendapat sosialisasi yang memadai.",
    "Pihaknya juga membuka layanan pengaduan bagi warga yang menemukan kendala di lapangan.",
    "Langkah tersebut sejalan dengan program prioritas pemerintah provinsi.",
]
TAGS = {
    "pemerintahan": ["Pembangunan", "APBD", "Bansos", "Pelayanan Publik", "Infrastruktur"],
    "hukum-kriminal": ["Narkoba", "Korupsi", "Pencurian", "Judi Daring", "Polres"],
    "peristiwa": ["Banjir", "Longsor", "Kebakaran", "BPBD", "Cuaca Ekstrem"],
    "kesehatan": ["DBD", "Stunting", "Imunisasi", "Puskesmas", "BPJS Kesehatan"],
    "pendidikan": ["Guru", "Beasiswa", "Sekolah", "PPPK", "Siaga Bencana"],
    "ekonomi": ["Harga Pangan", "Petani", "UMKM", "Bulog", "Operasi Pasar"],
}


def pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))]


def fmt_num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class TextPool:
    """Deterministic article text from the sentence pool."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> tuple[str, str]:
        first, last = pick(self.rng, FIRST), pick(self.rng, LAST)
        return f"{first} {last}", last

    def slots(self, place: tuple[str, ...]) -> dict[str, str]:
        r = self.rng
        return {
            "kab": place[1], "prov": place[2], "kec": place[3],
            "n": str(r.randint(3, 95)), "nk": fmt_num(r.randint(120, 4800)),
            "m": fmt_num(r.randint(12, 950)), "k": str(r.randint(2, 9)),
            "g": fmt_num(r.randint(15, 2400)), "r": fmt_num(r.randint(180, 2900)),
            "p": str(r.randint(2, 9)), "h": str(r.randint(45, 120)),
            "event": "{event}",  # filled by the builder, which knows the weekday
        }

    def article(self, section: str, place: tuple[str, ...]) -> tuple[str, list[str]]:
        r = self.rng
        text = SECTION_TEXT[section]
        slots = self.slots(place)
        headline, lead = pick(r, text["stories"])
        headline, lead = headline.format(**slots), lead.format(**slots)
        paras = [lead]
        speakers: list[tuple[str, str, str]] = []
        for _ in range(2):
            name, short = self.person()
            speakers.append((name, short, pick(r, text["roles"]).format(**slots)))
        name, short, role = speakers[0]
        statements = text["statements"][:]
        r.shuffle(statements)
        quotes = text["quotes"][:]
        r.shuffle(quotes)
        paras.append(f"{role}, {name}, {pick(r, SAY)} {statements[0]}.")
        paras.append(f"“{quotes[0]},” {pick(r, SPEECH)} {short}.")
        target = r.randint(6, 15)
        i = 1
        generic = GENERIC[:]
        r.shuffle(generic)
        while len(paras) < target - 1:
            kind = r.randrange(6)
            stmt = statements[i % len(statements)].format(**slots)
            if kind == 0:
                intro = pick(r, ["Menurut {s},", "{s} menjelaskan,", "Lebih lanjut, {s} menyebut",
                                 "Dalam kesempatan itu, {s} juga mengingatkan bahwa"])
                paras.append(f"{intro.format(s=short)} {stmt}.")
            elif kind == 1:
                paras.append(f"Ia menambahkan, {stmt}.")
            elif kind == 2:
                name2, short2, role2 = speakers[1]
                paras.append(f"Sementara itu, {role2}, {name2}, {pick(r, SAY)} bahwa {stmt}.")
                short = short2
            elif kind == 3:
                paras.append(f"“{quotes[i % len(quotes)]},” {pick(r, SPEECH)}nya.")
            elif kind == 4:
                paras.append(f"{short} {pick(r, SAY)}, “{quotes[(i + 1) % len(quotes)]}.”")
            else:
                paras.append(generic[i % len(generic)] + " " + generic[(i + 3) % len(generic)])
            i += 1
        paras.append(generic[0])
        return headline, paras


# --------------------------------------------------------------------------- theme weight

def theme_assets(template: str) -> str:
    """Inline CSS/JS like a real theme ships (WordPress block styles, Ghost portal config)."""
    rules = []
    for i in range(160):
        rules.append(
            f".jeg_block_{i} .jeg_post_title a,.wp-block-{i}>.wp-element-button"
            f"{{color:#{(i * 2654435761) % 0xFFFFFF:06x};font-size:{12 + i % 9}px;"
            f"line-height:1.{i % 7 + 2};margin:0 0 {i % 12}px}}"
        )
    config = {
        "ajax_url": "/wp-admin/admin-ajax.php" if template != "ghost" else "/members/api/",
        "lang": "id_ID", "site_slug": "/", "zoom_button": "1", "popup_script": "magnific",
        "single_gallery": "", "ismobile": "", "isie": "", "sidefeed_ajax": "",
        "language": "id", "module_prefix": "jnews_module_ajax_", "live_search": "1",
        "postid": 0, "isblog": "1", "admin_bar": "0", "follow_video": "0",
        "follow_position": "top_right", "rtl": "0", "gif": "", "lang_code": "id",
    }
    return (
        f'<style id="global-styles-inline-css">{"".join(rules)}</style>\n'
        f"<script>var jnewsoption = {json.dumps(config)};</script>\n"
    )


# --------------------------------------------------------------------------- the site


def make_articles(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool = TextPool(rng)
    span = (NEWEST - OLDEST).total_seconds()
    step = span / max(n, 1)
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    sections = list(B.SECTIONS)
    for i in range(n):
        published = NEWEST - timedelta(seconds=step * i + rng.uniform(0, step * 0.8))
        # Newsrooms publish between early morning and late evening.
        published = published.replace(hour=6 + published.hour % 16, second=0, microsecond=0)
        section = pick(rng, sections)
        place = pick(rng, PLACES)
        headline, paras = pool.article(section, place)
        base = B.slugify(headline)[:80].rstrip("-")
        count = seen.get(base, 0) + 1
        seen[base] = count
        slug = base if count == 1 else f"{base}-{count}"
        template = "ghost" if rng.random() < 0.5 else "wp-jnews"
        byline = pick(rng, AUTHORS)
        credit_kind = rng.randrange(3)
        reporter = byline if byline != "Redaksi" else pick(rng, AUTHORS[:-1])
        if credit_kind == 0:
            paras[-1] = paras[-1] + f"// {reporter}."
            credit: tuple[str, str] | None = ("glued", reporter)
        elif credit_kind == 1:
            credit = ("Reporter", reporter)
        else:
            credit = None if byline != "Redaksi" else ("Pewarta", reporter)
        event = (published - timedelta(days=rng.randrange(2))).date()
        modified = None
        if rng.random() < 0.2:
            modified = (published + timedelta(hours=rng.randint(1, 72))).strftime(
                "%Y-%m-%d %H:%M")
        out.append({
            "slug": slug,
            "template": template,
            "published": published.strftime("%Y-%m-%d %H:%M"),
            "modified": modified,
            "event": event.isoformat(),
            "place": place[0] if rng.random() < 0.85 else None,
            "dash": pick(rng, ["–", "–", "-", "—"]),
            "section": section,
            "tags": [*sorted(rng.sample(TAGS[section], rng.randint(2, 3))), place[1]],
            "byline": byline,
            "credit": credit,
            "editor": pick(rng, EDITORS),
            "headline": headline,
            "subheadline": None,
            "image": (f"{slug[:48].rstrip('-')}.jpg",
                      f"{paras[0].split('.')[0][:90]}. Foto: Humas {place[1]}"),
            "paragraphs": paras,
        })
    return out


def write_html(root: Path, path: str, text: str, assets: str) -> None:
    # Theme CSS/JS goes right before </head>, where WordPress and Ghost print it.
    B.write(root, path, text.replace("</head>", assets + "</head>", 1))


def make_site(
    n: int, out: Path, seed: int = 7, *, per_sitemap: int = POSTS_PER_SITEMAP
) -> dict[str, Any]:
    """Write the synthetic mirror; returns its manifest."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    data = make_articles(n, seed)
    posts = [B.make_post(d, i) for i, d in enumerate(data)]
    posts.sort(key=lambda p: (p.published, p.slug), reverse=True)
    by_section: dict[str, list[Any]] = {}
    for p in posts:
        by_section.setdefault(p.section, []).append(p)
    for members in by_section.values():
        for i, p in enumerate(members):  # neighbours in the same section, like "related" does
            p.related = [members[j] for j in (i - 1, i + 1, i + 2) if 0 <= j < len(members)]
    popular = posts[:5]
    assets = {t: theme_assets(t) for t in ("ghost", "wp-jnews")}
    listing_assets = assets["ghost"]

    for p in posts:
        write_html(out, p.path, B.RENDERERS[p.template](p, popular), assets[p.template])

    listings: dict[str, list[str]] = {}

    def archive(base: str, kind: str, members: list[Any], title: str, intro: str) -> None:
        pages = B.listing_pages(base, members, title, intro, popular)
        for path, text in pages.items():
            write_html(out, path, text, listing_assets)
        listings.setdefault(kind, []).extend(pages)

    archive("/", "home", posts, "Spektroom", B.TAGLINE)
    listing_page = {p.path: i // B.PER_PAGE + 1 for i, p in enumerate(posts)}
    for slug, name in B.SECTIONS.items():
        members = by_section.get(slug, [])
        archive(f"/category/{slug}/", "category", members, name, f"Berita {name} terkini.")
        archive(f"/tag/{slug}/", "tag", members, name, f"Berita {name} terkini.")
    tag_members: dict[str, list[Any]] = {}
    for p in posts:
        for t in p.tags:
            tag_members.setdefault(t, []).append(p)
    for tag in sorted(tag_members):
        archive(f"/tag/{B.slugify(tag)}/", "tag", tag_members[tag], tag,
                f"Kumpulan berita tentang {tag}.")
    authors: dict[str, list[Any]] = {}
    for p in posts:
        for name in p.byline_names:
            authors.setdefault(name, []).append(p)
    for name in sorted(authors):
        archive(B.author_path(name), "author", authors[name], name,
                B.AUTHOR_BIOS.get(name, "Penulis di Spektroom."))
    for slug, title, paras in B.STATIC_PAGES:
        B.write(out, f"/{slug}/", B.render_static_page(slug, title, paras))
    B.write(out, "/404.html", B.render_404())

    feed_posts = posts[: B.FEED_SIZE]
    B.write_feed(out, "/feed/", B.rss_feed(feed_posts))
    B.write_feed(out, "/rss/", B.atom_feed(feed_posts))

    by_mod = sorted(posts, key=lambda p: (p.lastmod, p.slug))
    chunks = [by_mod[i:i + per_sitemap] for i in range(0, len(by_mod), per_sitemap)]
    yoast_xsl, ghost_xsl = "//spektroom.co.id/main-sitemap.xsl", "//spektroom.co.id/sitemap.xsl"
    yoast_index = []
    ghost_index = []
    for k, chunk in enumerate(chunks, 1):
        name = "post-sitemap.xml" if k == 1 else f"post-sitemap{k}.xml"
        B.write(out, "/" + name, B.urlset(
            [(p.url, B.iso_wib(p.lastmod), p.image_url) for p in chunk], yoast_xsl))
        yoast_index.append((f"{B.SITE}/{name}", B.iso_wib(chunk[-1].lastmod)))
        gname = "sitemap-posts.xml" if k == 1 else f"sitemap-posts-{k}.xml"
        B.write(out, "/" + gname, B.urlset(
            [(p.url, B.iso_z(p.lastmod), None) for p in reversed(chunk)], ghost_xsl))
        ghost_index.append((f"{B.SITE}/{gname}", B.iso_z(chunk[-1].lastmod)))
    cats = [(f"{B.SITE}/category/{s}/", B.iso_wib(by_section[s][0].lastmod), None)
            for s in B.SECTIONS if s in by_section]
    B.write(out, "/category-sitemap.xml", B.urlset(cats, yoast_xsl))
    yoast_index.append((f"{B.SITE}/category-sitemap.xml", max(c[1] for c in cats)))
    B.write(out, "/sitemap_index.xml", B.sitemap_index(yoast_index, yoast_xsl))
    B.write(out, "/sitemap.xml", B.sitemap_index(ghost_index, ghost_xsl))
    B.write(out, "/robots.txt", B.ROBOTS)
    (out / "_redirects").write_text("# no redirects in the synthetic mirror\n", "utf-8")

    feed_set = {p.path for p in feed_posts}
    manifest = {
        "site_url": B.SITE,
        "seed": seed,
        "article_count": len(posts),
        "articles": [
            {"path": p.path, "url": p.url, "headline": p.clean_headline, "template": p.template,
             "published": B.iso(p.published), "lastmod": B.iso_wib(p.lastmod),
             "section": p.section_name, "authors": p.authors(),
             "in_sitemap": True, "in_feed": p.path in feed_set,
             "on_listing_pages": listing_page[p.path]}
            for p in posts
        ],
        "listings": {"home": listings["home"]},
        "sitemap_indexes": {"/sitemap_index.xml": "yoast", "/sitemap.xml": "ghost"},
        "feeds": {"/feed/": "rss", "/rss/": "atom"},
    }
    (out / "_manifest.json").write_text(json.dumps(manifest, ensure_ascii=False) + "\n", "utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles, e.g. 10000")
    parser.add_argument("outdir", type=Path, help="output directory (replaced)")
    parser.add_argument("--seed", type=int, default=7, help="text and date seed (default 7)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    started = time.perf_counter()
    manifest = make_site(args.n, args.outdir, args.seed)
    elapsed = time.perf_counter() - started
    html = list(args.outdir.rglob("index.html"))
    sizes = sorted((args.outdir / a["path"].strip("/") / "index.html").stat().st_size
                   for a in manifest["articles"])
    total = sum(f.stat().st_size for f in args.outdir.rglob("*") if f.is_file())
    print(f"{args.n} articles -> {args.outdir} in {elapsed:.1f}s; {len(html)} HTML pages, "
          f"{total / 1e6:.0f} MB; article pages {sizes[0] / 1024:.0f}-{sizes[-1] / 1024:.0f} KiB, "
          f"median {sizes[len(sizes) // 2] / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
