"""Quotes and speakers from Indonesian news paragraphs (spektroom_crawler.extract.quotes)."""

from __future__ import annotations

import random

import pytest

from spektroom_crawler.extract import quotes
from spektroom_crawler.extract.quotes import (
    BEFORE_VERB_RE,
    DEGREE_DOTTED_RE,
    INDIRECT_VERB_RE,
    QUOTE_MARK_RE,
    extract_quotes,
    split_person,
)
from spektroom_crawler.record import Quote
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_07e5ee4176d2c5f1.txt"  # the real page, copied from shared/seed

# (kind, text, speaker, speaker_title, verb, paragraph)
Q = tuple[str, str, str | None, str | None, str | None, int]


def _as_tuples(quotes: list[Quote]) -> list[Q]:
    return [(q.kind, q.text, q.speaker, q.speaker_title, q.verb, q.paragraph) for q in quotes]


# --- the real page --------------------------------------------------------------------------

SEED_PARAGRAPHS = [
    "Spektroom – Komitmen Kapuas Hulu dalam memerangi tindak pidana perdagangan orang (TPPO) "
    "kembali mendapat pengakuan di tingkat provinsi. Pada Rapat Koordinasi Pencegahan dan "
    "Penanganan, Launching GT-PP TPPO, serta Deklarasi dan Komitmen Bersama Pencegahan dan "
    "Penanganan TPPO yang berlangsung di Balai Petitih Kantor Gubernur Kalimantan Barat, Rabu "
    "(26/11/2025), daerah tersebut menerima penghargaan atas kontribusi aktif sepanjang tahun "
    "2025.",
    "Dalam kesempatan itu, Gubernur Kalimantan Barat menyerahkan penghargaan kepada tiga institusi "
    "yang dinilai konsisten memberikan dukungan dalam upaya pencegahan dan penanganan perdagangan "
    "orang, yakni Bupati Kapuas Hulu, Polresta Kapuas Hulu, serta Dinas Sosial, Pemberdayaan "
    "Perempuan, Perlindungan Anak, dan Keluarga Berencana (Dinsos PPPA KB) Kapuas Hulu.",
    "Menurut wakil bupati kapuas Sukardi, penghargaan ini bukan sekadar bentuk apresiasi, tetapi "
    "juga menjadi pengingat bahwa ancaman TPPO masih nyata dan membutuhkan kerja bersama.",
    "Ia menegaskan bahwa pemerintah daerah tidak akan lengah dalam mengawal perlindungan "
    "masyarakat, terutama kelompok rentan yang sering menjadi sasaran jaringan perdagangan orang.",
    "“Kami akan terus bekerja sama dengan semua pihak untuk mencegah dan menangani TPPO di Kapuas "
    "Hulu,” ujar Sukardi.",
    "Ia menambahkan, koordinasi lintas sektor menjadi kunci agar penanganan TPPO dapat berjalan "
    "lebih efektif dan terukur.",
    "Selama ini, Kapuas Hulu telah menjalankan berbagai langkah strategis untuk menekan kasus "
    "perdagangan orang.",
    "Upaya tersebut antara lain peningkatan edukasi dan sosialisasi kepada masyarakat mengenai "
    "bahaya TPPO, pemberdayaan kelompok masyarakat, serta pelatihan peningkatan kapasitas bagi "
    "aparat penegak hukum dan petugas perlindungan perempuan dan anak.",
    "Selain itu, pemerintah daerah juga mendorong penguatan sistem data terpadu TPPO untuk "
    "memastikan setiap laporan dapat ditindaklanjuti secara cepat dan akurat.",
    "Langkah ini diharapkan mampu memperkuat pemetaan kerawanan, termasuk jalur-jalur yang rawan "
    "dimanfaatkan untuk aktivitas perdagangan orang.",
    "Sukardi menilai, kolaborasi yang dibangun selama ini sudah memberikan hasil positif. Namun ia "
    "meminta agar semua pihak tetap waspada.",
    "“Ini bukan hanya tugas pemerintah, melainkan tanggung jawab kita bersama. Kesadaran "
    "masyarakat adalah benteng pertama agar TPPO dapat dicegah sedini mungkin,” tegasnya.",
    "Dengan raihan penghargaan tersebut, Kapuas Hulu menunjukkan bahwa semangat melindungi "
    "masyarakat dari kejahatan perdagangan orang terus menjadi prioritas.",
    "Pemerintah daerah berharap penghargaan ini semakin memotivasi seluruh pihak untuk memperkuat "
    "langkah pencegahan dan memastikan setiap warga mendapatkan perlindungan yang layak.",
]

WABUP = "wakil bupati kapuas"
SEED_EXPECTED: list[Q] = [
    (
        "indirect",
        "penghargaan ini bukan sekadar bentuk apresiasi, tetapi juga menjadi pengingat bahwa "
        "ancaman TPPO masih nyata dan membutuhkan kerja bersama.",
        "Sukardi", WABUP, "menurut", 2,
    ),
    (
        "indirect",
        "pemerintah daerah tidak akan lengah dalam mengawal perlindungan masyarakat, terutama "
        "kelompok rentan yang sering menjadi sasaran jaringan perdagangan orang.",
        "Sukardi", WABUP, "menegaskan", 3,
    ),
    (
        "direct",
        "Kami akan terus bekerja sama dengan semua pihak untuk mencegah dan menangani TPPO di "
        "Kapuas Hulu",
        "Sukardi", WABUP, "ujar", 4,
    ),
    (
        "indirect",
        "koordinasi lintas sektor menjadi kunci agar penanganan TPPO dapat berjalan lebih efektif "
        "dan terukur.",
        "Sukardi", WABUP, "menambahkan", 5,
    ),
    (
        "indirect",
        "kolaborasi yang dibangun selama ini sudah memberikan hasil positif.",
        "Sukardi", WABUP, "menilai", 10,
    ),
    (
        "direct",
        "Ini bukan hanya tugas pemerintah, melainkan tanggung jawab kita bersama. Kesadaran "
        "masyarakat adalah benteng pertama agar TPPO dapat dicegah sedini mungkin",
        "Sukardi", WABUP, "tegasnya", 11,
    ),
]


def test_seed_page_quotes_exactly() -> None:
    assert _as_tuples(extract_quotes(SEED_PARAGRAPHS)) == SEED_EXPECTED


def test_seed_paragraphs_match_the_real_page_text() -> None:
    """The test's copy of the body is the real page's text (when the shared seed is present)."""
    if not SEED.exists():
        pytest.skip("shared seed not available in this checkout")
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith("Spektroom – Komitmen"))
    last = next(i for i, ln in enumerate(lines) if "perlindungan yang layak" in ln)
    body = lines[first : last + 1]
    body[-1] = body[-1].replace("// Apolonius.", "")
    assert body == SEED_PARAGRAPHS


# --- the table --------------------------------------------------------------------------------

CASES: list[tuple[str, list[str], list[Q]]] = [
    # Speaker after the quote.
    (
        "after-ujar-name",
        ['"Kami akan terus bekerja," ujar Sukardi.'],
        [("direct", "Kami akan terus bekerja", "Sukardi", None, "ujar", 0)],
    ),
    (
        "after-kata-title-comma-name-date",
        [
            "“Stok beras di gudang Bulog cukup hingga akhir tahun,” kata Kepala Dinas Ketahanan "
            "Pangan Sintang, Ir. Bambang Wiyono, M.Si., Senin (1/12/2025)."
        ],
        [
            (
                "direct", "Stok beras di gudang Bulog cukup hingga akhir tahun",
                "Bambang Wiyono", "Kepala Dinas Ketahanan Pangan Sintang", "kata", 0,
            )
        ],
    ),
    (
        "after-rank-name-kepada",
        [
            "“Kami sudah mengamankan dua terduga pelaku beserta barang bukti,” ungkap Kapolres "
            "Sintang AKBP Marwan Siregar kepada wartawan, Selasa (2/12/2025)."
        ],
        [
            (
                "direct", "Kami sudah mengamankan dua terduga pelaku beserta barang bukti",
                "Marwan Siregar", "Kapolres Sintang AKBP", "ungkap", 0,
            )
        ],
    ),
    (
        # A unit number with its place ("1201/Mempawah") is part of the title; a date is not.
        "after-unit-number-slash-place",
        [
            "“Semua peserta sudah siap, tinggal menjaga stamina sampai hari pelaksanaan,” ungkap "
            "Dandim 1201/Mempawah, Letkol Inf Hendra Gunawan.",
            "Ia menambahkan, pengamanan upacara melibatkan 250 personel gabungan.",
            "“Personel kami siagakan sejak subuh,” kata Kasdim 1207/Pontianak Mayor Inf Andi "
            "Kusuma 15/8/2025.",
        ],
        [
            (
                "direct",
                "Semua peserta sudah siap, tinggal menjaga stamina sampai hari pelaksanaan",
                "Hendra Gunawan", "Dandim 1201/Mempawah, Letkol Inf", "ungkap", 0,
            ),
            (
                "indirect", "pengamanan upacara melibatkan 250 personel gabungan.",
                "Hendra Gunawan", "Dandim 1201/Mempawah, Letkol Inf", "menambahkan", 1,
            ),
            (
                "direct", "Personel kami siagakan sejak subuh",
                "Andi Kusuma", "Kasdim 1207/Pontianak Mayor Inf", "kata", 2,
            ),
        ],
    ),
    (
        "after-subject-then-me-verb",
        ["“Semua sekolah wajib punya jalur evakuasi,” Weni Catur Fitriani menambahkan."],
        [
            (
                "direct", "Semua sekolah wajib punya jalur evakuasi", "Weni Catur Fitriani",
                None, "menambahkan", 0,
            )
        ],
    ),
    (
        "after-kata-dia-pronoun",
        [
            "Bupati Sanggau Yohanes Ontot mengatakan, jalan provinsi itu rusak berat.",
            "“Kami sudah mengusulkan perbaikan ke pemerintah provinsi,” kata dia.",
        ],
        [
            ("indirect", "jalan provinsi itu rusak berat.", "Yohanes Ontot", "Bupati Sanggau",
             "mengatakan", 0),
            ("direct", "Kami sudah mengusulkan perbaikan ke pemerintah provinsi",
             "Yohanes Ontot", "Bupati Sanggau", "kata", 1),
        ],
    ),
    # -nya forms resolve to the last named speaker, with the title last seen for them.
    (
        "nya-forms-carry-title",
        [
            "“Posko pengungsian dibuka 24 jam,” ujar Kepala BPBD Agam, Rahmat Lasmono.",
            "“Logistik cukup untuk satu minggu,” imbuhnya.",
            "“Relawan terus berdatangan dari Padang,” katanya.",
            "“Jangan ada yang kembali ke rumah sebelum aman,” pungkasnya.",
        ],
        [
            ("direct", "Posko pengungsian dibuka 24 jam", "Rahmat Lasmono", "Kepala BPBD Agam",
             "ujar", 0),
            ("direct", "Logistik cukup untuk satu minggu", "Rahmat Lasmono", "Kepala BPBD Agam",
             "imbuhnya", 1),
            ("direct", "Relawan terus berdatangan dari Padang", "Rahmat Lasmono",
             "Kepala BPBD Agam", "katanya", 2),
            ("direct", "Jangan ada yang kembali ke rumah sebelum aman", "Rahmat Lasmono",
             "Kepala BPBD Agam", "pungkasnya", 3),
        ],
    ),
    (
        "verb-ends-the-mention",
        ["Acara ditutup dengan doa bersama. “Semoga Kapuas Hulu selalu aman dan damai,” ucap "
         "Ustaz Hamdan memimpin doa."],
        [("direct", "Semoga Kapuas Hulu selalu aman dan damai", "Hamdan", None, "ucap", 0)],
    ),
    (
        "lowercase-menteri-is-a-role",
        ["“Sekolah rakyat dibuka tahun depan,” kata menteri sosial Saifullah Yusuf."],
        [("direct", "Sekolah rakyat dibuka tahun depan", "Saifullah Yusuf", "menteri sosial",
          "kata", 0)],
    ),
    (
        "demikian-kata",
        ["“Semua posko harus siaga 24 jam,” demikian kata Danramil Putussibau, Kapten Inf "
         "Suharto."],
        [("direct", "Semua posko harus siaga 24 jam", "Suharto", "Danramil Putussibau, Kapten Inf",
          "kata", 0)],
    ),
    (
        "nya-without-any-speaker",
        ["“Harga cabai naik dua kali lipat sejak pekan lalu,” ujarnya."],
        [("direct", "Harga cabai naik dua kali lipat sejak pekan lalu", None, None, "ujarnya", 0)],
    ),
    (
        "jelasnya-ujarnya-two-speakers",
        [
            "“Air bersih sudah kami salurkan ke tiga desa,” kata Camat Putussibau Utara, "
            "Fransiskus Lapi.",
            "“Sumur bor masih dalam pengerjaan,” jelasnya.",
            "“Kami berterima kasih atas bantuan ini,” tutur warga Desa Sibau Hulu, Maria Goreti.",
            "“Anak-anak sudah bisa mandi dengan air bersih,” ujarnya.",
        ],
        [
            ("direct", "Air bersih sudah kami salurkan ke tiga desa", "Fransiskus Lapi",
             "Camat Putussibau Utara", "kata", 0),
            ("direct", "Sumur bor masih dalam pengerjaan", "Fransiskus Lapi",
             "Camat Putussibau Utara", "jelasnya", 1),
            ("direct", "Kami berterima kasih atas bantuan ini", "Maria Goreti",
             "warga Desa Sibau Hulu", "tutur", 2),
            ("direct", "Anak-anak sudah bisa mandi dengan air bersih", "Maria Goreti",
             "warga Desa Sibau Hulu", "ujarnya", 3),
        ],
    ),
    # Speaker before the quote.
    (
        "before-mengatakan-comma",
        [
            "Weni Catur Fitriani mengatakan, “Kesiapsiagaan harus dimulai dari keluarga dan "
            "sekolah.”"
        ],
        [
            ("direct", "Kesiapsiagaan harus dimulai dari keluarga dan sekolah.",
             "Weni Catur Fitriani", None, "mengatakan", 0),
        ],
    ),
    (
        "before-menurut-comma",
        ["Menurut Weni, “Latihan evakuasi rutin membuat siswa tidak panik saat gempa.”"],
        [
            ("direct", "Latihan evakuasi rutin membuat siswa tidak panik saat gempa.", "Weni",
             None, "menurut", 0),
        ],
    ),
    (
        "before-colon-with-connector",
        [
            "Sementara itu, Kapolsek Embaloh Hilir Iptu Darius Tamba menegaskan: \"Tidak ada "
            "toleransi bagi pelaku penyelundupan orang.\""
        ],
        [
            ("direct", "Tidak ada toleransi bagi pelaku penyelundupan orang.", "Darius Tamba",
             "Kapolsek Embaloh Hilir Iptu", "menegaskan", 0),
        ],
    ),
    (
        "before-pronoun-ia",
        [
            "Ketua DPRD Kapuas Hulu Rajuliansyah hadir dalam acara tersebut.",
            "Sebelumnya, Rajuliansyah menyampaikan bahwa anggaran sudah disiapkan.",
            "Ia juga mengatakan, “Dewan akan mengawal program ini sampai tuntas.”",
        ],
        [
            ("indirect", "anggaran sudah disiapkan.", "Rajuliansyah", None, "menyampaikan", 1),
            ("direct", "Dewan akan mengawal program ini sampai tuntas.", "Rajuliansyah", None,
             "mengatakan", 2),
        ],
    ),
    (
        "before-colon-in-previous-paragraph",
        [
            "Dalam sambutannya, Bupati Melawi Dadi Sunarya mengatakan:",
            "“Kami minta seluruh kepala desa mengawasi penyaluran dana desa dengan ketat.”",
        ],
        [("direct", "Kami minta seluruh kepala desa mengawasi penyaluran dana desa dengan ketat.",
          "Dadi Sunarya", "Bupati Melawi", "mengatakan", 1)],
    ),
    (
        "before-bahwa-then-quote",
        ["Sukardi menegaskan bahwa “tidak ada kompromi bagi pelaku perdagangan orang.”"],
        [("direct", "tidak ada kompromi bagi pelaku perdagangan orang.", "Sukardi", None,
          "menegaskan", 0)],
    ),
    # A split quote with the attribution in mid-sentence.
    (
        "split-quote-mid-attribution",
        ['"Kami siap," kata Lili, "untuk membantu."'],
        [("direct", "Kami siap untuk membantu.", "Lili", None, "kata", 0)],
    ),
    (
        "split-quote-curly-with-title",
        [
            "“Bantuan ini bukan yang terakhir,” ujar Ketua PMI Jember, Hj. Siti Aminah, “kami akan "
            "kembali bulan depan dengan paket sekolah.”"
        ],
        [
            ("direct", "Bantuan ini bukan yang terakhir kami akan kembali bulan depan dengan "
             "paket sekolah.", "Siti Aminah", "Ketua PMI Jember", "ujar", 0),
        ],
    ),
    # Quote running over consecutive paragraphs.
    (
        "multi-paragraph-quote",
        [
            "Kepala Dinas Kesehatan Melawi, dr. Robertus Aris, mengatakan, “Kasus DBD naik tajam "
            "sejak awal musim hujan.",
            "“Kami meminta warga menguras bak mandi seminggu sekali.",
            "“Fogging hanya membunuh nyamuk dewasa, bukan jentiknya,” katanya.",
        ],
        [
            ("direct", "Kasus DBD naik tajam sejak awal musim hujan. Kami meminta warga menguras "
             "bak mandi seminggu sekali. Fogging hanya membunuh nyamuk dewasa, bukan jentiknya",
             "Robertus Aris", "Kepala Dinas Kesehatan Melawi", "mengatakan", 0),
        ],
    ),
    (
        "multi-paragraph-quote-after-attribution",
        [
            "“Jalan ini satu-satunya akses warga menuju pasar.",
            "“Kalau hujan, kendaraan tidak bisa lewat sama sekali,” tutur Kepala Desa Nanga "
            "Dangkan, Yosef Alung.",
        ],
        [
            ("direct", "Jalan ini satu-satunya akses warga menuju pasar. Kalau hujan, kendaraan "
             "tidak bisa lewat sama sekali", "Yosef Alung", "Kepala Desa Nanga Dangkan", "tutur",
             0),
        ],
    ),
    # Quote marks: straight, curly, mixed, and a closing mark used as an opening one.
    (
        "closing-mark-as-opening",
        ["”Kami akan terus bekerja,” ujar Sukardi."],
        [("direct", "Kami akan terus bekerja", "Sukardi", None, "ujar", 0)],
    ),
    (
        "mixed-straight-open-curly-close",
        ['"Pendaftaran dibuka sampai Jumat,” ucap Sekretaris Daerah Sekadau, Zulkarnaen.'],
        [("direct", "Pendaftaran dibuka sampai Jumat", "Zulkarnaen", "Sekretaris Daerah Sekadau",
          "ucap", 0)],
    ),
    (
        "mixed-curly-open-straight-close",
        ['“Pendaftaran dibuka sampai Jumat," sebut Zulkarnaen.'],
        [("direct", "Pendaftaran dibuka sampai Jumat", "Zulkarnaen", None, "sebut", 0)],
    ),
    (
        "low-nine-open",
        ["„Kami butuh tambahan tenaga medis,” papar dr. Yuliana."],
        [("direct", "Kami butuh tambahan tenaga medis", "Yuliana", None, "papar", 0)],
    ),
    (
        "single-quoted-term-inside",
        ["“Program ‘Jumat Berkah’ akan kami lanjutkan tahun depan,” terang Kapolres Kapuas Hulu "
         "AKBP Roberto Aritonang."],
        [("direct", "Program ‘Jumat Berkah’ akan kami lanjutkan tahun depan", "Roberto Aritonang",
          "Kapolres Kapuas Hulu AKBP", "terang", 0)],
    ),
    (
        "nested-double-quoted-term-inside",
        ['"Kami mendukung program "Jumat Berkah" setiap pekan," lanjut Sukardi.'],
        [("direct", 'Kami mendukung program "Jumat Berkah" setiap pekan', "Sukardi", None,
          "lanjut", 0)],
    ),
    # Punctuation inside the closing mark.
    (
        "keeps-question-mark",
        ["“Siapa yang akan menanggung biaya perbaikan?” tanya warga. “Kami tidak tahu harus "
         "mengadu ke mana?” tukas Antonius."],
        [
            ("direct", "Siapa yang akan menanggung biaya perbaikan?", None, "warga", "tanya", 0),
            ("direct", "Kami tidak tahu harus mengadu ke mana?", "Antonius", None, "tukas", 0),
        ],
    ),
    (
        "keeps-exclamation",
        ["“Jangan pernah tergiur tawaran kerja ke luar negeri tanpa dokumen resmi!” tandas "
         "Sukardi."],
        [("direct", "Jangan pernah tergiur tawaran kerja ke luar negeri tanpa dokumen resmi!",
          "Sukardi", None, "tandas", 0)],
    ),
    (
        "period-comma-typo-removed",
        ["“Semua laporan akan kami tindak lanjuti.,” sambung Iptu Arbain."],
        [("direct", "Semua laporan akan kami tindak lanjuti", "Arbain", "Iptu", "sambung", 0)],
    ),
    (
        "period-inside-before-attribution-kept",
        ["“Kami tidak akan mundur.” kata Sukardi."],
        [("direct", "Kami tidak akan mundur.", "Sukardi", None, "kata", 0)],
    ),
    # Several quotes in one paragraph.
    (
        "two-quotes-one-paragraph",
        ["“Sekolah kami terendam setinggi lutut,” ujar Kepala SDN 3 Jember, Suyanto. “Kami "
         "terpaksa meliburkan siswa selama tiga hari,” lanjutnya."],
        [
            ("direct", "Sekolah kami terendam setinggi lutut", "Suyanto", "Kepala SDN 3 Jember",
             "ujar", 0),
            ("direct", "Kami terpaksa meliburkan siswa selama tiga hari", "Suyanto",
             "Kepala SDN 3 Jember", "lanjutnya", 0),
        ],
    ),
    # Unattributed but sentence-like speech: a direct quote with no speaker.
    (
        "unattributed-sentence",
        [
            "Warga yang ditemui mengaku resah.",
            "“Kami takut anak-anak kami jadi korban berikutnya.”",
        ],
        [("direct", "Kami takut anak-anak kami jadi korban berikutnya.", None, None, None, 1)],
    ),
    (
        "unattributed-quote-continues-the-previous-speaker",
        ["“Kami siap,” kata Kepala Desa Markus. “Semua tim sudah bergerak sejak pagi.”",
         "“Posko dibuka 24 jam.”",
         "Warga menyambut baik.",
         "“Terima kasih banyak.”"],
        [("direct", "Kami siap", "Markus", "Kepala Desa", "kata", 0),
         ("direct", "Semua tim sudah bergerak sejak pagi.", "Markus", "Kepala Desa", None, 0),
         ("direct", "Posko dibuka 24 jam.", "Markus", "Kepala Desa", None, 1),
         ("direct", "Terima kasih banyak.", None, None, None, 3)],
    ),
    (
        "unattributed-quote-after-a-passive-statement-sentence",
        ["“Kami siap,” kata Sukardi.",
         "Hal senada disampaikan oleh Kepala Desa Markus.",
         "“Semua tim sudah bergerak sejak pagi.”"],
        [("direct", "Kami siap", "Sukardi", None, "kata", 0),
         ("direct", "Semua tim sudah bergerak sejak pagi.", "Markus", "Kepala Desa", None, 2)],
    ),
    # Indirect speech.
    (
        "indirect-mengatakan-bahwa",
        ["Kapolda Kalbar Irjen Pol Pipit Rismanto mengatakan bahwa jaringan TPPO kerap memakai "
         "jalur tikus di perbatasan. Polisi akan menambah patroli."],
        [("indirect", "jaringan TPPO kerap memakai jalur tikus di perbatasan.", "Pipit Rismanto",
          "Kapolda Kalbar Irjen Pol", "mengatakan", 0)],
    ),
    (
        "indirect-menjelaskan-comma",
        ["Spektroom - Koordinator Lapangan program PMI Jember–JRCS, Weni Catur Fitriani, "
         "menjelaskan program kerjasama dengan Japanese Red Cross Society (JRCS) fokus edukasi.",
         "Weni Catur Fitriani menjelaskan, selain mengedukasi masyarakat dan sekolah, juga "
         "pemberian paket kesiapsiagaan."],
        [("indirect", "selain mengedukasi masyarakat dan sekolah, juga pemberian paket "
          "kesiapsiagaan.", "Weni Catur Fitriani", None, "menjelaskan", 1)],
    ),
    (
        "indirect-adverbial-lead-and-short-name",
        ["Dalam sambutannya, Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si., "
         "menyampaikan bahwa bantuan sosial disalurkan tepat sasaran.",
         "Yani menilai, data penerima harus terus diperbarui."],
        [
            ("indirect", "bantuan sosial disalurkan tepat sasaran.", "Ahmad Yani",
             "Kepala Dinas Sosial Kapuas Hulu", "menyampaikan", 0),
            ("indirect", "data penerima harus terus diperbarui.", "Ahmad Yani",
             "Kepala Dinas Sosial Kapuas Hulu", "menilai", 1),
        ],
    ),
    (
        "indirect-menurut-long-subject",
        ["Menurut Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si., jumlah "
         "korban TPPO tahun ini menurun dibanding 2024."],
        [("indirect", "jumlah korban TPPO tahun ini menurun dibanding 2024.", "Ahmad Yani",
          "Kepala Dinas Sosial Kapuas Hulu", "menurut", 0)],
    ),
    (
        "indirect-menurutnya-and-beliau-after-the-subject-of-the-previous-paragraph",
        ["Bupati Sintang Jarot Winarno membuka festival itu.",
         "Menurutnya, festival menjadi ajang promosi produk lokal.",
         "Beliau menegaskan, pemerintah akan memfasilitasi pelaku UMKM."],
        [
            ("indirect", "festival menjadi ajang promosi produk lokal.", "Jarot Winarno",
             "Bupati Sintang", "menurutnya", 1),
            ("indirect", "pemerintah akan memfasilitasi pelaku UMKM.", "Jarot Winarno",
             "Bupati Sintang", "menegaskan", 2),
        ],
    ),
    (
        "indirect-menurutnya-with-no-person-before",
        ["Festival itu dibuka pada Sabtu pagi.",
         "Menurutnya, festival menjadi ajang promosi produk lokal."],
        [("indirect", "festival menjadi ajang promosi produk lokal.", None, None, "menurutnya",
          1)],
    ),
    (
        "pronoun-after-a-subject-with-an-age-in-the-previous-paragraph",
        ["“Kami siap,” kata Gunawan.",
         "Salah seorang warga Desa Sibau Hulu, Suparmi (45), mengaku bersyukur atas bantuan itu.",
         "“Alhamdulillah, sangat membantu kami,” tuturnya.",
         "Warga Desa Sibau terdampak banjir sejak Jumat.",
         "“Air masih tinggi,” katanya."],
        [("direct", "Kami siap", "Gunawan", None, "kata", 0),
         ("direct", "Alhamdulillah, sangat membantu kami", "Suparmi",
          "Salah seorang warga Desa Sibau Hulu", "tuturnya", 2),
         ("direct", "Air masih tinggi", "Suparmi", "Salah seorang warga Desa Sibau Hulu",
          "katanya", 4)],
    ),
    (
        "subject-with-a-spokesperson-or-a-companion",  # the spokesperson speaks, not a companion
        ["Kapolres Kapuas Hulu AKBP Roberto Aprianto Uda, S.I.K., M.Si. melalui Kasi Humas Iptu "
         "Suhadi menyampaikan, personel gabungan disiagakan di lokasi rawan.",
         "Bupati Fransiskus Diaan didampingi Wakil Bupati Yohanes Kusnadi mengatakan, bantuan "
         "sudah disalurkan."],
        [("indirect", "personel gabungan disiagakan di lokasi rawan.", "Suhadi",
          "Kasi Humas Iptu", "menyampaikan", 0),
         ("indirect", "bantuan sudah disalurkan.", "Fransiskus Diaan", "Bupati", "mengatakan",
          1)],
    ),
    (
        "indirect-pronoun-after-named",
        ["Jarot Winarno menyebutkan, festival itu digelar setiap tahun.",
         "Dia menambahkan bahwa tahun depan festival akan diperluas."],
        [
            ("indirect", "festival itu digelar setiap tahun.", "Jarot Winarno", None,
             "menyebutkan", 0),
            ("indirect", "tahun depan festival akan diperluas.", "Jarot Winarno", None,
             "menambahkan", 1),
        ],
    ),
    (
        "indirect-and-direct-same-paragraph",
        ["Wakil Bupati Kapuas Hulu Sukardi menyatakan, perlindungan pekerja migran menjadi "
         "prioritas. “Kami tidak ingin ada warga yang jadi korban,” ujarnya."],
        [
            ("indirect", "perlindungan pekerja migran menjadi prioritas.", "Sukardi",
             "Wakil Bupati Kapuas Hulu", "menyatakan", 0),
            ("direct", "Kami tidak ingin ada warga yang jadi korban", "Sukardi",
             "Wakil Bupati Kapuas Hulu", "ujarnya", 0),
        ],
    ),
    # Attribution details.
    (
        "weak-attribution-no-name",
        ["“Ini pertama kalinya bantuan sampai ke kampung kami,” kata seorang warga."],
        [("direct", "Ini pertama kalinya bantuan sampai ke kampung kami", None, "seorang warga",
          "kata", 0)],
    ),
    (
        "seru-warga",
        ["“Kami siap!” seru warga."],
        [("direct", "Kami siap!", None, "warga", "seru", 0)],
    ),
    (
        "before-comma-quote-then-clause-continues",
        ["Kapolres menegaskan, “Tidak ada ruang bagi pelaku TPPO di Kapuas Hulu,” saat apel "
         "pagi."],
        [("direct", "Tidak ada ruang bagi pelaku TPPO di Kapuas Hulu", None, "Kapolres",
          "menegaskan", 0)],
    ),
    (
        "appositive-yang-juga",
        ["“Kami tidak pernah menerima laporan itu,” ujar Sukardi yang juga Ketua Gugus Tugas "
         "TPPO Kapuas Hulu."],
        [("direct", "Kami tidak pernah menerima laporan itu", "Sukardi",
          "Ketua Gugus Tugas TPPO Kapuas Hulu", "ujar", 0)],
    ),
    (
        "degrees-and-date-after-name",
        ["“Pelayanan harus cepat,” kata Kapolresta Pontianak Kombes Pol Adhe Hariadi, S.H., "
         "S.I.K., M.H., Kamis (4/12/2025) di Mapolresta."],
        [("direct", "Pelayanan harus cepat", "Adhe Hariadi", "Kapolresta Pontianak Kombes Pol",
          "kata", 0)],
    ),
    (
        "short-name-resolves-to-full-name",
        [
            "Weni Catur Fitriani mengatakan, sekolah menjadi sasaran utama.",
            "Ia menegaskan bahwa latihan harus rutin.",
            "“Anak-anak harus hafal jalur evakuasi,” kata Weni.",
        ],
        [
            ("indirect", "sekolah menjadi sasaran utama.", "Weni Catur Fitriani", None,
             "mengatakan", 0),
            ("indirect", "latihan harus rutin.", "Weni Catur Fitriani", None, "menegaskan", 1),
            ("direct", "Anak-anak harus hafal jalur evakuasi", "Weni Catur Fitriani", None, "kata",
             2),
        ],
    ),
    (
        "named-opening-beats-nya-closing",
        ['Sukardi mengatakan, "Kami siap membantu korban," ujarnya.'],
        [("direct", "Kami siap membantu korban", "Sukardi", None, "mengatakan", 0)],
    ),
    (
        "kata-preposed-colon",
        ["Kata Lili: “Relawan kami sudah bergerak sejak pagi.”"],
        [("direct", "Relawan kami sudah bergerak sejak pagi.", "Lili", None, "kata", 0)],
    ),
    (
        "guillemets-and-comma-outside",
        ["«Kami menolak tambang emas ilegal di hulu sungai», tegas tokoh adat Dayak Taman, "
         "Yohanes Buntar."],
        [("direct", "Kami menolak tambang emas ilegal di hulu sungai", "Yohanes Buntar",
          "tokoh adat Dayak Taman", "tegas", 0)],
    ),
    (
        "ellipsis-kept",
        ["“Kami sudah berusaha semampunya...,” kata Stefanus Ngo."],
        [("direct", "Kami sudah berusaha semampunya...", "Stefanus Ngo", None, "kata", 0)],
    ),
    (
        "whitespace-nbsp-newline-collapsed",
        ["\u201cKami\u00a0siap\n membantu,\u201d  ujar\u00a0Sukardi."],
        [("direct", "Kami siap membantu", "Sukardi", None, "ujar", 0)],
    ),
    (
        "pronoun-follows-most-recent-speaker",
        [
            "Ketua DPRD Sintang Florensius Ronny mengatakan, anggaran sudah disetujui.",
            "Sementara itu, Kepala Bappeda Sintang Kurniawan menjelaskan, proyek dimulai Januari.",
            "“Kontraktor sudah ditetapkan,” ujarnya.",
        ],
        [
            ("indirect", "anggaran sudah disetujui.", "Florensius Ronny", "Ketua DPRD Sintang",
             "mengatakan", 0),
            ("indirect", "proyek dimulai Januari.", "Kurniawan", "Kepala Bappeda Sintang",
             "menjelaskan", 1),
            ("direct", "Kontraktor sudah ditetapkan", "Kurniawan", "Kepala Bappeda Sintang",
             "ujarnya", 2),
        ],
    ),
    (
        "pronoun-means-subject-of-previous-sentence",
        ["Sukardi hadir di lokasi. Ia mengatakan, “Kami tidak akan tinggal diam.”"],
        [("direct", "Kami tidak akan tinggal diam.", "Sukardi", None, "mengatakan", 0)],
    ),
    (
        "nya-means-subject-of-previous-sentence-with-title",
        [
            "“Stok pupuk aman,” kata Kepala Dinas Pertanian Sanggau, Antonius Rawing.",
            "Salah seorang petani, Suparmi, mengaku terbantu. “Sekarang kami tidak perlu antre "
            "lagi,” tuturnya.",
            "“Harga juga lebih murah,” imbuhnya.",
        ],
        [
            ("direct", "Stok pupuk aman", "Antonius Rawing", "Kepala Dinas Pertanian Sanggau",
             "kata", 0),
            ("direct", "Sekarang kami tidak perlu antre lagi", "Suparmi", "Salah seorang petani",
             "tuturnya", 1),
            ("direct", "Harga juga lebih murah", "Suparmi", "Salah seorang petani", "imbuhnya",
             2),
        ],
    ),
    (
        "nya-after-a-sentence-opened-by-a-common-noun-goes-to-the-last-speaker",
        ["“Kami siaga,” kata Camat Sambas, Yohanes.",
         "Banjir melanda tiga desa. “Warga sudah kami evakuasi,” ujarnya.",
         "Pembangunan tanggul tertunda. Ia menambahkan, “Kami butuh alat berat.”"],
        [("direct", "Kami siaga", "Yohanes", "Camat Sambas", "kata", 0),
         ("direct", "Warga sudah kami evakuasi", "Yohanes", "Camat Sambas", "ujarnya", 1),
         ("direct", "Kami butuh alat berat.", "Yohanes", "Camat Sambas", "menambahkan", 2)],
    ),
    (
        "subject-of-the-previous-paragraph-is-the-speaker-of-its-pronoun",
        ["Sukardi hadir di lokasi.", "“Kami siap membantu warga,” ujarnya."],
        [("direct", "Kami siap membantu warga", "Sukardi", None, "ujarnya", 1)],
    ),
    (
        "mention-in-previous-paragraph-is-not-a-speaker",
        ["Warga menyambut Sukardi di lokasi.", "“Kami siap membantu warga,” ujarnya.",
         "Pemerintah Desa Sibau menyiapkan posko. “Posko buka 24 jam,” katanya."],
        [("direct", "Kami siap membantu warga", None, None, "ujarnya", 1),
         ("direct", "Posko buka 24 jam", None, None, "katanya", 2)],
    ),
    (
        "previous-sentence-without-a-person",
        [
            "“Jalan ini rusak sejak 2019,” kata Kepala Desa Nanga Lauk, Yosef.",
            "Polres Kapuas Hulu menggelar razia di perbatasan. “Kami periksa semua kendaraan,” "
            "ujarnya.",
        ],
        [
            ("direct", "Jalan ini rusak sejak 2019", "Yosef", "Kepala Desa Nanga Lauk", "kata", 0),
            ("direct", "Kami periksa semua kendaraan", "Yosef", "Kepala Desa Nanga Lauk",
             "ujarnya", 1),
        ],
    ),
    (
        "split-quote-second-attribution-ignored",
        ["“Kami siap,” ujar Sukardi, “dan kami tidak akan mundur,” tambahnya."],
        [("direct", "Kami siap dan kami tidak akan mundur", "Sukardi", None, "ujar", 0)],
    ),
    (
        "indirect-clause-keeps-quoted-term",
        [
            "Sukardi menegaskan bahwa pemerintah hadir.",
            "Ia mengatakan, program “Jumat Berkah” terus berjalan setiap pekan.",
        ],
        [
            ("indirect", "pemerintah hadir.", "Sukardi", None, "menegaskan", 0),
            ("indirect", "program “Jumat Berkah” terus berjalan setiap pekan.", "Sukardi", None,
             "mengatakan", 1),
        ],
    ),
    (
        "indirect-clause-ends-at-direct-quote",
        ["Sukardi mengatakan, pihaknya siap membantu, “karena ini tugas kami,” ujarnya."],
        [
            ("indirect", "pihaknya siap membantu", "Sukardi", None, "mengatakan", 0),
            ("direct", "karena ini tugas kami", "Sukardi", None, "ujarnya", 0),
        ],
    ),
    (
        "quoted-phrase-inside-indirect-speech",
        ["Sukardi mengatakan bahwa “kerja sama lintas sektor” menjadi kunci penanganan TPPO."],
        [("indirect", "“kerja sama lintas sektor” menjadi kunci penanganan TPPO.", "Sukardi", None,
          "mengatakan", 0)],
    ),
    (
        "menurut-clause-starting-with-place-name",
        ["Menurut Sukardi, Kapuas Hulu adalah daerah perbatasan yang rawan TPPO."],
        [("indirect", "Kapuas Hulu adalah daerah perbatasan yang rawan TPPO.", "Sukardi", None,
          "menurut", 0)],
    ),
    (
        "menurut-mid-sentence",
        ["Hal ini, menurut Sukardi, menjadi bukti kerja keras semua pihak."],
        [("indirect", "Hal ini menjadi bukti kerja keras semua pihak.", "Sukardi", None,
          "menurut", 0)],
    ),
    (
        "menurutnya-mid-sentence-resolves-to-the-last-speaker",
        ["“Kami siap membantu,” ujar Sukardi.",
         "Program bedah rumah, menurutnya, sangat membantu warga miskin."],
        [("direct", "Kami siap membantu", "Sukardi", None, "ujar", 0),
         ("indirect", "Program bedah rumah sangat membantu warga miskin.", "Sukardi", None,
          "menurutnya", 1)],
    ),
    (
        "menurut-ends-the-sentence",
        ["Jalan itu rusak parah sejak Januari, menurut Kepala Desa Markus. Warga sudah melapor."],
        [("indirect", "Jalan itu rusak parah sejak Januari.", "Markus", "Kepala Desa", "menurut",
          0)],
    ),
    (
        "menurut-ends-the-sentence-with-an-appositive-name",
        ["Jalan itu rusak parah sejak Januari, menurut Kepala Desa Sungai Ulu, Markus.",
         "Jalan itu, menurut Kepala Desa Sungai Ulu, Markus, rusak parah sejak Januari."],
        [("indirect", "Jalan itu rusak parah sejak Januari.", "Markus", "Kepala Desa Sungai Ulu",
          "menurut", 0),
         ("indirect", "Jalan itu rusak parah sejak Januari.", "Markus", "Kepala Desa Sungai Ulu",
          "menurut", 1)],
    ),
    (
        "reported-speech-without-marks",
        ["PUTUSSIBAU, Spektroom – Jembatan itu selesai Desember, kata Sukardi.",
         "Bantuan sudah disalurkan kepada 300 keluarga, ujar Kepala Desa Markus kepada "
         "Spektroom, Senin (24/11/2025).",
         "Warga menyambut baik, tambahnya.",
         "Hasil panen menurun tahun ini, jelas Kepala Dinas Pertanian, Dr. Ir. Budi Santoso, M.T."],
        [("indirect", "Jembatan itu selesai Desember.", "Sukardi", None, "kata", 0),
         ("indirect", "Bantuan sudah disalurkan kepada 300 keluarga.", "Markus", "Kepala Desa",
          "ujar", 1),
         ("indirect", "Warga menyambut baik.", "Markus", "Kepala Desa", "tambahnya", 2),
         ("indirect", "Hasil panen menurun tahun ini.", "Budi Santoso", "Kepala Dinas Pertanian",
          "jelas", 3)],
    ),
    (
        "pronoun-after-reported-speech-goes-to-its-speaker",
        ["Bantuan sudah disalurkan kepada warga, ujar Kepala Desa Markus. Warga menyambut "
         "baik, tambahnya. “Kami berterima kasih,” katanya."],
        [("indirect", "Bantuan sudah disalurkan kepada warga.", "Markus", "Kepala Desa", "ujar",
          0),
         ("indirect", "Warga menyambut baik.", "Markus", "Kepala Desa", "tambahnya", 0),
         ("direct", "Kami berterima kasih", "Markus", "Kepala Desa", "katanya", 0)],
    ),
    (
        "reported-speech-without-marks-needs-a-person-and-a-statement",
        ["Jalan rusak, kata Sukardi, sejak Januari.",
         "Warga sudah lama menunggu, kata seorang warga.",
         "Harga naik, sebut saja Rp10.000.",
         "Jumlahnya, kata kunci pencarian, meningkat.",
         "Ya, kata dia.",
         "Antrean di pasar murah, kata seorang warga, sudah ada sejak subuh.",
         "Jumlah peserta lomba, kata panitia, terus bertambah.",
         "Harga beras medium, kata Markus, Budi dan Wati, naik tipis."],
        [],
    ),
    (
        "reported-speech-without-marks-in-mid-sentence",
        ["Program bantuan pangan ini, kata Sukardi, sangat membantu warga yang terdampak banjir.",
         "Harga beras medium, kata Kepala Desa Markus kepada wartawan, naik tipis, namun stok "
         "aman.",
         "Stok beras di gudang Bulog, ujarnya, cukup hingga Maret.",
         "Harga gula pasir lokal, jelas Budi Santoso, Kepala Dinas Pangan, turun pekan ini.",
         "Harga minyak goreng curah naik, kata Budi Santoso, saat ditemui di pasar."],
        [("indirect", "Program bantuan pangan ini sangat membantu warga yang terdampak banjir.",
          "Sukardi", None, "kata", 0),
         ("indirect", "Harga beras medium naik tipis, namun stok aman.", "Markus", "Kepala Desa",
          "kata", 1),
         ("indirect", "Stok beras di gudang Bulog cukup hingga Maret.", "Markus", "Kepala Desa",
          "ujarnya", 2),
         ("indirect", "Harga gula pasir lokal turun pekan ini.", "Budi Santoso",
          "Kepala Dinas Pangan", "jelas", 3),
         ("indirect", "Harga minyak goreng curah naik.", "Budi Santoso", "Kepala Dinas Pangan",
          "kata", 4)],
    ),
    (
        "me-verb-with-an-adjunct-or-mengatakan-with-the-clause-right-after",
        ["Bupati Kapuas Hulu, Fransiskus Diaan, mengatakan bantuan itu merupakan bentuk "
         "kepedulian pemerintah daerah.",
         "Sukardi mengatakan kepada wartawan di Putussibau, Senin (24/11/2025), bantuan akan "
         "disalurkan pekan depan.",
         "Camat Putussibau Utara, Yohanes, menuturkan pihaknya terus mendata warga yang belum "
         "menerima bantuan.",
         "Markus menjelaskan saat ditemui di kantornya bahwa jalan itu akan diaspal.",
         "Seorang warga, Maria Yuliana, mengatakan baru kali ini memeriksakan kehamilannya ke "
         "dokter."],
        [("indirect", "bantuan itu merupakan bentuk kepedulian pemerintah daerah.",
          "Fransiskus Diaan", "Bupati Kapuas Hulu", "mengatakan", 0),
         ("indirect", "bantuan akan disalurkan pekan depan.", "Sukardi", None, "mengatakan", 1),
         ("indirect", "pihaknya terus mendata warga yang belum menerima bantuan.", "Yohanes",
          "Camat Putussibau Utara", "menuturkan", 2),
         ("indirect", "jalan itu akan diaspal.", "Markus", None, "menjelaskan", 3),
         ("indirect", "baru kali ini memeriksakan kehamilannya ke dokter.", "Maria Yuliana",
          "Seorang warga", "mengatakan", 4)],
    ),
    (
        "no-indirect-speech-from-a-verb-with-an-object-or-without-a-person",
        ["Sukardi mengatakan hal itu saat meninjau lokasi banjir.",
         "Sukardi menyampaikan terima kasih kepada semua pihak.",
         "Sukardi mengungkapkan kasus itu bermula dari laporan warga.",
         "Seorang warga mengatakan banjir datang tiba-tiba.",
         "Sejumlah warga mengatakan, banjir datang tiba-tiba."],
        [],
    ),
    (
        "relative-clause-after-the-name-is-no-title",
        ["Wakil Bupati Kapuas Hulu, Sukardi, yang meninjau langsung pembagian makanan di SD "
         "Negeri 3, mengatakan, program ini sangat membantu."],
        [("indirect", "program ini sangat membantu.", "Sukardi", "Wakil Bupati Kapuas Hulu",
          "mengatakan", 0)],
    ),
    (
        "sentence-openers-and-quoted-sentences-are-no-subjects",
        ["“Kami siap,” kata Daniel.",
         "Posko utama berada di kantor BPBD. Menurutnya, posko buka 24 jam.",
         "“Remaja putri adalah calon ibu. Kalau mereka anemia, risikonya besar,” ujar Petrus.",
         "Ia menjelaskan, skrining dilakukan di sekolah."],
        [("direct", "Kami siap", "Daniel", None, "kata", 0),
         ("indirect", "posko buka 24 jam.", "Daniel", None, "menurutnya", 1),
         ("direct", "Remaja putri adalah calon ibu. Kalau mereka anemia, risikonya besar",
          "Petrus", None, "ujar", 2),
         ("indirect", "skrining dilakukan di sekolah.", "Petrus", None, "menjelaskan", 3)],
    ),
    (
        "role-alone-is-the-known-holder-and-a-spokesperson-after-a-quote",
        ["Kapolres Sintang AKBP Marthen Tonapa melalui Kasat Resnarkoba AKP Bambang Irawan "
         "mengatakan, kedua tersangka ditangkap di sebuah rumah kos.",
         "“Ancaman hukumannya minimal enam tahun penjara,” tegas Kasat.",
         "Ketua RT setempat, Yohanes Ayub, mengapresiasi langkah cepat kepolisian.",
         "“Warga sudah lama curiga,” katanya.",
         "“Personel sudah siaga,” kata Kapolres Kapuas Hulu AKBP Roberto melalui Kasi Humas Iptu "
         "Suhadi.",
         "“Kami terus berpatroli,” ujar Kapolres."],
        [("indirect", "kedua tersangka ditangkap di sebuah rumah kos.", "Bambang Irawan",
          "Kasat Resnarkoba AKP", "mengatakan", 0),
         ("direct", "Ancaman hukumannya minimal enam tahun penjara", "Bambang Irawan",
          "Kasat Resnarkoba AKP", "tegas", 1),
         ("direct", "Warga sudah lama curiga", "Yohanes Ayub", "Ketua RT setempat", "katanya", 3),
         ("direct", "Personel sudah siaga", "Suhadi", "Kasi Humas Iptu", "kata", 4),
         ("direct", "Kami terus berpatroli", None, "Kapolres", "ujar", 5)],
    ),
    (
        "a-role-many-hold-is-not-the-one-speaker-seen-with-it",
        ["“Kami terbantu,” kata Suparmi, warga Desa Sibau.",
         "“Air masih tinggi,” kata warga."],
        [("direct", "Kami terbantu", "Suparmi", "warga Desa Sibau", "kata", 0),
         ("direct", "Air masih tinggi", None, "warga", "kata", 1)],
    ),
    (
        "adverbial-after-the-name-and-a-capitalized-bersama-in-an-organisation",
        ["Wakil Bupati Kapuas Hulu, Sukardi, dalam sambutannya mengatakan, program ini sangat "
         "penting.",
         "“Kami siap membantu,” kata Markus yang juga Ketua Gapoktan Maju Bersama.",
         "“Kami siap,” kata Budi bersama warga."],
        [("indirect", "program ini sangat penting.", "Sukardi", "Wakil Bupati Kapuas Hulu",
          "mengatakan", 0),
         ("direct", "Kami siap membantu", "Markus", "Ketua Gapoktan Maju Bersama", "kata", 1),
         ("direct", "Kami siap", "Budi", None, "kata", 2)],
    ),
    (
        "a-short-name-is-the-name-the-article-writes-out",
        ["Sementara itu, Bupati Sintang Jarot Winarno meminta seluruh camat ikut mengawasi. "
         "“Jangan sampai generasi muda kita rusak,” pungkas Jarot.",
         "Ketua KPU Agam, Ahmad Jauhari, mengatakan 23 TPS berada di daerah rawan.",
         "“Logistik aman,” jelas Ahmad."],
        [("direct", "Jangan sampai generasi muda kita rusak", "Jarot Winarno", "Bupati Sintang",
          "pungkas", 0),
         ("indirect", "23 TPS berada di daerah rawan.", "Ahmad Jauhari", "Ketua KPU Agam",
          "mengatakan", 1),
         ("direct", "Logistik aman", "Ahmad Jauhari", "Ketua KPU Agam", "jelas", 2)],
    ),
    (
        "a-short-name-written-out-two-ways-or-before-a-day-stays-short",
        ["Jarot Winarno dan Jarot Saputra hadir. “Kami siap,” kata Jarot.",
         "“Kami siap,” kata Budi, Senin (24/11/2025). Budi Senin hadir."],
        [("direct", "Kami siap", "Jarot", None, "kata", 0),
         ("direct", "Kami siap", "Budi", None, "kata", 1)],
    ),
    (
        "speaker-named-by-what-they-are-called",
        ["“Kami berterima kasih,” ucap pria yang akrab disapa Bang Iwan itu.",
         "“Semoga bantuan terus berlanjut,” tambahnya.",
         "“Air sudah surut,” kata perempuan yang biasa dipanggil Mak Ipah.",
         "“Kami senang,” kata Suparmi yang akrab disapa Mak Ijah."],
        [("direct", "Kami berterima kasih", "Iwan", None, "ucap", 0),
         ("direct", "Semoga bantuan terus berlanjut", "Iwan", None, "tambahnya", 1),
         ("direct", "Air sudah surut", "Ipah", None, "kata", 2),
         ("direct", "Kami senang", "Suparmi", None, "kata", 3)],
    ),
    (
        "more-me-verbs-with-a-comma-or-bahwa",
        ["Sukardi berharap, bantuan tersebut dapat meringankan beban warga.",
         "Ia mengemukakan bahwa anggaran sudah disiapkan.",
         "Kapolres Kapuas Hulu Budi mengimbau, warga tidak panik.",
         "Markus membeberkan, ada 300 keluarga yang terdampak.",
         "Lili berharap, “bantuan ini bermanfaat bagi warga.”",
         "Warga berharap jalan segera diperbaiki."],
        [("indirect", "bantuan tersebut dapat meringankan beban warga.", "Sukardi", None,
          "berharap", 0),
         ("indirect", "anggaran sudah disiapkan.", "Sukardi", None, "mengemukakan", 1),
         ("indirect", "warga tidak panik.", "Budi", "Kapolres Kapuas Hulu", "mengimbau", 2),
         ("indirect", "ada 300 keluarga yang terdampak.", "Markus", None, "membeberkan", 3),
         ("direct", "bantuan ini bermanfaat bagi warga.", "Lili", None, "berharap", 4)],
    ),
    (
        "passive-speech-verbs",
        ["Dikatakan Sukardi, bantuan akan disalurkan pekan depan.",
         "Ditambahkannya, penyaluran dilakukan bertahap.",
         "Dijelaskan Kepala Dinas Sosial, Budi Santoso, bantuan berupa beras dan minyak goreng.",
         "Disampaikan oleh Camat Putussibau Utara Yohanes, jalan itu segera diperbaiki."],
        [("indirect", "bantuan akan disalurkan pekan depan.", "Sukardi", None, "dikatakan", 0),
         ("indirect", "penyaluran dilakukan bertahap.", "Sukardi", None, "ditambahkannya", 1),
         ("indirect", "bantuan berupa beras dan minyak goreng.", "Budi Santoso",
          "Kepala Dinas Sosial", "dijelaskan", 2),
         ("indirect", "jalan itu segera diperbaiki.", "Yohanes", "Camat Putussibau Utara",
          "disampaikan", 3)],
    ),
    (
        "passive-sentence-names-the-next-speaker",
        ["“Kami siap membantu warga,” kata Sukardi.",
         "Hal senada disampaikan oleh Kepala Desa Sungai Ulu, Markus.",
         "“Bantuan sudah kami terima,” katanya.",
         "Demikian dikatakan Budi saat meninjau lokasi banjir. Menurutnya, air mulai surut."],
        [("direct", "Kami siap membantu warga", "Sukardi", None, "kata", 0),
         ("direct", "Bantuan sudah kami terima", "Markus", "Kepala Desa Sungai Ulu", "katanya",
          2),
         ("indirect", "air mulai surut.", "Budi", None, "menurutnya", 3)],
    ),
    (
        "passive-statement-sentence-pointing-back-names-the-quotes-before-it",
        ["“Kami siap membantu warga yang terdampak banjir.”",
         "Hal itu disampaikan Kepala Desa Markus kepada Spektroom, Senin (24/11/2025).",
         "“Posko dibuka 24 jam.” Demikian dikatakan Camat Yohanes.",
         "“Kami siap,” kata Sukardi.",
         "Hal senada disampaikan Budi. “Jalan sudah dibuka.”"],
        [("direct", "Kami siap membantu warga yang terdampak banjir.", "Markus", "Kepala Desa",
          None, 0),
         ("direct", "Posko dibuka 24 jam.", "Yohanes", "Camat", None, 2),
         ("direct", "Kami siap", "Sukardi", None, "kata", 3),
         ("direct", "Jalan sudah dibuka.", "Budi", None, None, 4)],
    ),
    (
        "no-passive-attribution-without-a-person",
        ["Disebutkan, korban banjir mencapai 300 jiwa.",
         "Dikatakan, bantuan akan tiba besok.",
         "Dijelaskan dalam laporan itu, korban banjir mencapai 300 jiwa.",
         "Hal itu dikatakannya saat ditemui di kantornya.",
         "Bantuan itu disampaikan Sukardi kepada warga."],
        [],
    ),
    (
        "menurut-with-a-role-appositive-after-the-name",
        ["Menurut Sukardi, Kepala Dinas Sosial Kapuas Hulu, bantuan akan disalurkan pekan depan.",
         "Menurut Budi, S.Sos., Kepala Dinas Pekerjaan Umum dan Penataan Ruang, jalan itu segera "
         "diperbaiki.",
         "Menurut Markus, Kepala Desa harus melapor setiap bulan."],
        [("indirect", "bantuan akan disalurkan pekan depan.", "Sukardi",
          "Kepala Dinas Sosial Kapuas Hulu", "menurut", 0),
         ("indirect", "jalan itu segera diperbaiki.", "Budi",
          "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "menurut", 1),
         ("indirect", "Kepala Desa harus melapor setiap bulan.", "Markus", None, "menurut", 2)],
    ),
    (
        "reported-speech-without-marks-after-a-quote-or-a-me-verb",
        ["“Kami siap,” kata Sukardi. Situasi aman terkendali, tegasnya.",
         "Ia menegaskan bahwa program itu berjalan baik, katanya."],
        [("direct", "Kami siap", "Sukardi", None, "kata", 0),
         ("indirect", "Situasi aman terkendali.", "Sukardi", None, "tegasnya", 0),
         ("indirect", "program itu berjalan baik, katanya.", "Sukardi", None, "menegaskan", 1)],
    ),
    (
        "menurut-mid-sentence-after-a-dateline",
        ["PUTUSSIBAU, Spektroom – Pembangunan jembatan, menurut Sukardi, selesai tahun depan."],
        [("indirect", "Pembangunan jembatan selesai tahun depan.", "Sukardi", None, "menurut",
          0)],
    ),
    (
        "no-menurut-mid-sentence-without-commas-or-a-person",
        ["Hal itu menurut Sukardi tidak benar.",
         "Angka pengangguran, menurut data BPS, menurun tahun ini.",
         "Jumlah korban, menurut laporan, terus bertambah."],
        [],
    ),
    (
        "menurut-mid-sentence-inside-a-me-verb-speech-is-not-a-second-quote",
        ["Sukardi mengatakan, program ini, menurutnya, sangat membantu."],
        [("indirect", "program ini, menurutnya, sangat membantu.", "Sukardi", None,
          "mengatakan", 0)],
    ),
    (
        "dateline-before-indirect",
        ["PUTUSSIBAU, Spektroom – Wakil Bupati Kapuas Hulu Sukardi mengatakan, tim gabungan "
         "sudah dibentuk sejak Oktober."],
        [("indirect", "tim gabungan sudah dibentuk sejak Oktober.", "Sukardi",
          "Wakil Bupati Kapuas Hulu", "mengatakan", 0)],
    ),
    (
        "dateline-before-unattributed-quote",
        ["Spektroom – “Kami tidak akan berhenti sampai semua korban pulang.”"],
        [("direct", "Kami tidak akan berhenti sampai semua korban pulang.", None, None, None, 0)],
    ),
    (
        "name-then-comma-title-after-verb",
        ["“Kami akan mengawal kasus ini sampai tuntas,” kata Sukardi, Wakil Bupati Kapuas Hulu, "
         "Rabu (26/11/2025)."],
        [("direct", "Kami akan mengawal kasus ini sampai tuntas", "Sukardi",
          "Wakil Bupati Kapuas Hulu", "kata", 0)],
    ),
    (
        "comma-outside-closing-mark",
        ["“Kami akan terus bekerja”, ujar Sukardi."],
        [("direct", "Kami akan terus bekerja", "Sukardi", None, "ujar", 0)],
    ),
    (
        "spaces-inside-marks",
        ["“ Kami siap membantu , ” ujar Sukardi.", '" Kami juga siap, " ujar Lili.'],
        [
            ("direct", "Kami siap membantu", "Sukardi", None, "ujar", 0),
            ("direct", "Kami juga siap", "Lili", None, "ujar", 1),
        ],
    ),
    # Negatives: quoted terms and program names are not speech.
    (
        "no-program-name",
        ["Polres Kapuas Hulu kembali menggelar program \"Jumat Berkah\" di Masjid Agung "
         "Putussibau."],
        [],
    ),
    (
        "no-istilah-term",
        ["Kementerian Perhubungan menargetkan istilah “zero ODOL” terwujud pada 2026."],
        [],
    ),
    (
        "no-aplikasi-name",
        ["Warga dapat melapor melalui aplikasi \"Lapor Pak\" yang tersedia di Play Store."],
        [],
    ),
    (
        "no-term-at-sentence-start",
        ["“Jumat Berkah” menjadi agenda rutin Polres Sintang setiap pekan."],
        [],
    ),
    (
        "no-list-of-terms",
        ["Kegiatan meliputi “Jumat Bersih”, “Sabtu Sehat”, dan “Minggu Ceria” di setiap desa."],
        [],
    ),
    (
        "no-menyebut-term",
        ["Ia menyebut “zero ODOL” sebagai target bersama tahun depan."],
        [],
    ),
    (
        "no-event-theme-song-film-slogan",
        [
            "Kegiatan bertajuk \"Gerakan Pangan Murah\" itu digelar di halaman Kantor Bupati "
            "Sekadau, Jumat (15/8/2025).",
            "Tema yang diusung tahun ini adalah “Bersatu Melawan Perdagangan Orang, Lindungi "
            "Generasi Emas”.",
            "Lagu “Indonesia Raya” dikumandangkan sebelum acara dimulai.",
            "Film dokumenter berjudul “Jalan Pulang” diputar pada malam penutupan.",
            "Warga menyebut jalan itu sebagai “jalan neraka” karena rusak parah.",
            "Pesan “jangan mudah percaya tawaran kerja di luar negeri” terus disosialisasikan ke "
            "desa-desa.",
            "Slogan \"Kapuas Hulu Bebas TPPO\" terpampang di spanduk sepanjang jalan.",
        ],
        [],
    ),
    (
        "no-indirect-without-comma-or-bahwa",
        ["Bupati Sintang menyampaikan terima kasih kepada seluruh relawan."],
        [],
    ),
    (
        "no-indirect-non-person-subject",
        ["Data Badan Pusat Statistik menyebutkan, angka kemiskinan turun 0,4 persen.",
         "Menurut data BPS, angka pengangguran juga menurun."],
        [],
    ),
    (
        "no-speech-inside-direct-quote",
        ["“Menurut saya, penghargaan ini milik semua warga,” kata Sukardi."],
        [("direct", "Menurut saya, penghargaan ini milik semua warga", "Sukardi", None, "kata",
          0)],
    ),
    (
        "no-inch-mark",
        ['Layar monitor berukuran 24" itu dipasang di posko.'],
        [],
    ),
    # Bad input.
    ("empty-list", [], []),
    ("empty-paragraphs", ["", "   ", "\n\t"], []),
    ("only-marks", ['"', "“”", '""', "”“"], []),
    (
        "unbalanced-open-no-close",
        ["“Kami akan terus bekerja sama dengan semua pihak", "Sukardi hadir di lokasi."],
        [("direct", "Kami akan terus bekerja sama dengan semua pihak", None, None, None, 0)],
    ),
    (
        "missing-opening-mark-with-attribution",
        ["Kami akan terus bekerja,” ujar Sukardi."],
        [("direct", "Kami akan terus bekerja", "Sukardi", None, "ujar", 0)],
    ),
    (
        "missing-opening-mark-on-last-paragraph-of-running-quote",
        [
            "“Pasokan listrik di Putussibau sering padam sejak sepekan terakhir.",
            "Kami sudah melapor ke PLN, tetapi belum ada perbaikan,” kata Stefanus Ngo.",
        ],
        [("direct", "Pasokan listrik di Putussibau sering padam sejak sepekan terakhir. Kami "
          "sudah melapor ke PLN, tetapi belum ada perbaikan", "Stefanus Ngo", None, "kata", 0)],
    ),
    (
        "stray-closing-mark-without-attribution",
        ["Kami akan terus bekerja” demi warga perbatasan."],
        [],
    ),
    (
        "garbage",
        ["$$$ ))) ((( ,,, ... ” “ \" ?! ¿¡ 12345 ~~~"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_extract_quotes(paragraphs: list[str], expected: list[Q]) -> None:
    assert _as_tuples(extract_quotes(paragraphs)) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        None,
        [None],
        [None, 5, b"bytes", "“Kami siap,” ujar Sukardi."],
        "“Kami siap,” ujar Lili.",
        42,
    ],
    ids=["none", "list-of-none", "mixed-types", "bare-string", "int"],
)
def test_bad_input_never_raises(paragraphs: object) -> None:
    quotes = extract_quotes(paragraphs)  # type: ignore[arg-type]
    assert isinstance(quotes, list)
    assert all(isinstance(q, Quote) for q in quotes)


def test_mixed_types_keep_paragraph_indexes() -> None:
    paragraphs: list[object] = [None, 5, "“Kami siap membantu warga,” ujar Sukardi."]
    quotes = extract_quotes(paragraphs)  # type: ignore[arg-type]
    expected = [("direct", "Kami siap membantu warga", "Sukardi", None, "ujar", 2)]
    assert _as_tuples(quotes) == expected


def test_reversed_page_keeps_paragraph_order() -> None:
    quotes = extract_quotes(SEED_PARAGRAPHS[::-1])
    last = len(SEED_PARAGRAPHS) - 1
    assert [q.paragraph for q in quotes] == [last - e[5] for e in reversed(SEED_EXPECTED)]


def test_fuzz_never_raises() -> None:
    """Random soups of quote marks, verbs, names and punctuation: no exception, sane output."""
    rng = random.Random(20251126)
    pieces = [
        "“", "”", '"', "„", "«", "»", "‘", "’", ",", ".", "?", "!", ":", " ", " ", " ", "(",
        ")", "/", "ujar", "katanya", "Sukardi", "Ia", "menurut", "Menurut", "mengatakan",
        "bahwa", "Kami", "siap", "Dr.", "H.", "S.Sos.,", "Kapolres", "AKBP", "—", "\u00a0",
        "\n", "yang", "juga", "Senin", "(1/12)", "12", "x" * 40,
    ]
    for _ in range(400):
        paras = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
            for _ in range(rng.randint(0, 5))
        ]
        for q in extract_quotes(paras):
            assert q.kind in ("direct", "indirect")
            assert 0 <= q.paragraph < len(paras)
            assert q.text and q.text == q.text.strip()


def test_long_garbage_paragraph_is_fast_and_safe() -> None:
    para = ("“Kami, ” ujar " * 2000) + ("a" * 10_000)
    quotes = extract_quotes([para, para])
    assert all(isinstance(q, Quote) for q in quotes)


# --- split_person ---------------------------------------------------------------------------

PEOPLE: list[tuple[object, tuple[str | None, str | None]]] = [
    ("Dr. H. Ahmad Yani, S.Sos., M.Si.", ("Ahmad Yani", None)),
    (
        "Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si.",
        ("Ahmad Yani", "Kepala Dinas Sosial Kapuas Hulu"),
    ),
    ("wakil bupati kapuas Sukardi", ("Sukardi", "wakil bupati kapuas")),
    ("Kapolda Kalbar Irjen Pol Pipit Rismanto", ("Pipit Rismanto", "Kapolda Kalbar Irjen Pol")),
    ("Sukardi", ("Sukardi", None)),
    ("Sukardi.", ("Sukardi", None)),
    ("Apolonius", ("Apolonius", None)),
    (
        "Koordinator Lapangan program PMI Jember–JRCS, Weni Catur Fitriani",
        ("Weni Catur Fitriani", "Koordinator Lapangan program PMI Jember–JRCS"),
    ),
    ("Bupati Sintang Jarot Winarno", ("Jarot Winarno", "Bupati Sintang")),
    ("Wakil Bupati Kapuas Hulu, Sukardi", ("Sukardi", "Wakil Bupati Kapuas Hulu")),
    ("Sukardi selaku Wakil Bupati Kapuas Hulu", ("Sukardi", "Wakil Bupati Kapuas Hulu")),
    ("Kapolres Sintang AKBP Marwan Siregar", ("Marwan Siregar", "Kapolres Sintang AKBP")),
    ("Kombes Pol Raden Petit Wijaya", ("Raden Petit Wijaya", "Kombes Pol")),
    ("Prof. Dr. Ir. KH. Ma'ruf Amin", ("Ma'ruf Amin", None)),
    ("Prof.Dr.H.Abdul Rahman, S.H., M.H.", ("Abdul Rahman", None)),
    ("Hj. Siti Aminah SH MH", ("Siti Aminah", None)),
    ("Drs. Yosef Alung, M.Pd.", ("Yosef Alung", None)),
    ("Ir. Bambang Wiyono, S.T., M.T.", ("Bambang Wiyono", None)),
    ("Nurana Diah Dhayanti, S.Kom.", ("Nurana Diah Dhayanti", None)),
    ("Budi Santoso, S.E., M.M.", ("Budi Santoso", None)),
    ("dr. Robertus Aris, Sp.PD", ("Robertus Aris", None)),
    ("Sekretaris Daerah Sekadau, Zulkarnaen", ("Zulkarnaen", "Sekretaris Daerah Sekadau")),
    ("Ketua DPRD Kapuas Hulu Rajuliansyah", ("Rajuliansyah", "Ketua DPRD Kapuas Hulu")),
    ("Dandim 1201/Mempawah, Letkol Inf Hendra Gunawan", ("Hendra Gunawan",
     "Dandim 1201/Mempawah, Letkol Inf")),
    # A region right after a role, without a comma: known places, and one word before a
    # name of two or more words (an unknown two-word place needs the comma).
    ("Wakil Bupati Sleman Danang Maharsa", ("Danang Maharsa", "Wakil Bupati Sleman")),
    ("Bupati Agam Benni Warlis", ("Benni Warlis", "Bupati Agam")),
    ("Kapolres Bengkulu Selatan AKBP Florentus Situngkir", ("Florentus Situngkir",
     "Kapolres Bengkulu Selatan AKBP")),
    ("Kepala Desa Tanjung Lokang, Yakobus", ("Yakobus", "Kepala Desa Tanjung Lokang")),
    ("Kepala Desa setempat", (None, "Kepala Desa setempat")),
    ("Gubernur Kalimantan Barat", (None, "Gubernur Kalimantan Barat")),
    ("M. Yusuf Kalla", ("M. Yusuf Kalla", None)),
    ("Abdul Somad bin Ahmad", ("Abdul Somad bin Ahmad", None)),
    ("Iptu Arbain (kiri)", ("Arbain", "Iptu")),
    ("oleh Sukardi", ("Sukardi", None)),
    ("Bapak Sukardi", ("Sukardi", None)),
    ("Budi Sucahyono, Julianto", ("Budi Sucahyono", None)),
    # CMS bylines and credits (the extract helper cleans bylines with split_person).
    ("Reporter: Apolonius", ("Apolonius", "Reporter")),
    ("Editor. : Biantoro", ("Biantoro", "Editor")),
    ("Oleh: Apolonius", ("Apolonius", None)),
    ("By Apolonius", ("Apolonius", None)),
    ("Budi Sucahyono | Spektroom", ("Budi Sucahyono", None)),
    ("Tim Spektroom", (None, None)),
    ("Redaksi", (None, None)),
    ("Admin", (None, None)),
    ("seorang warga", (None, "seorang warga")),
    # Garbage.
    ("Sabtu, 29 November 2025", (None, None)),
    ("https://spektroom.co.id/author/apolonius/", (None, None)),
    ("apolonius", (None, None)),
    (None, (None, None)),
    ("", (None, None)),
    ("   ", (None, None)),
    ("!!!", (None, None)),
    ("12345", (None, None)),
    (", , ,", (None, None)),
    ("Dr. H.", (None, None)),
    ("S.Sos., M.Si.", (None, None)),
    (42, (None, None)),
    (["Sukardi"], (None, None)),
    ("x" * 500, (None, None)),
    ("I Made Suparta, Kepala Desa Sumber Rejeki", ("I Made Suparta", "Kepala Desa Sumber Rejeki")),
    ("Bupati Gianyar I Made Mahayastra", ("I Made Mahayastra", "Bupati Gianyar")),
    ("Ni Luh Putu Ayu", ("Ni Luh Putu Ayu", None)),
    ("Kepala Seksi I, Budi", ("Budi", "Kepala Seksi I")),
    ("Kepala Balai Wilayah Sungai Sumatera V, Maryadi Utama",
     ("Maryadi Utama", "Kepala Balai Wilayah Sungai Sumatera V")),
    ("Kepala Dinas Sosial, Kapuas Hulu", (None, "Kepala Dinas Sosial, Kapuas Hulu")),
    ("Kepala Seksi I", (None, "Kepala Seksi I")),
    ("Warga Desa Sibau", (None, "Warga Desa Sibau")),
    ("Pemerintah Desa Sibau", (None, None)),
    ("Wakil Bupati Kapuas Hulu, Sukardi, yang meninjau lokasi",
     ("Sukardi", "Wakil Bupati Kapuas Hulu")),
]


@pytest.mark.parametrize(("raw", "expected"), PEOPLE, ids=[repr(p[0])[:40] for p in PEOPLE])
def test_split_person(raw: object, expected: tuple[str | None, str | None]) -> None:
    assert split_person(raw) == expected  # type: ignore[arg-type]


# --- the regexes, positive and negative -----------------------------------------------------


@pytest.mark.parametrize(
    ("token", "is_degree"),
    [
        ("S.Sos.", True), ("M.Si.", True), ("S.H.", True), ("S.Kom", True), ("S.Pd.I", True),
        ("A.Md.", True), ("Sp.PD", True), ("M.", False), ("A.Rahman", False), ("Sukardi", False),
        ("DPRD", False),
    ],
)
def test_degree_regex(token: str, is_degree: bool) -> None:
    assert bool(DEGREE_DOTTED_RE.fullmatch(token)) is is_degree


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("“Kami”", 2), ('"Kami"', 2), ("„Kami”", 2), ("«Kami»", 2), ("Jum'at", 0),
        ("‘Jumat Berkah’", 0), ("", 0),
    ],
)
def test_quote_mark_regex(text: str, matches: int) -> None:
    assert len(QUOTE_MARK_RE.findall(text)) == matches


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Sukardi mengatakan, pihaknya siap", "mengatakan"),
        ("Ia menegaskan bahwa pemerintah", "menegaskan"),
        ("Ia menambahkan, koordinasi", "menambahkan"),
        ("Sukardi menyebutkan: ada tiga", "menyebutkan"),
        ("yang dinilai konsisten", None),
        ("menyampaikan terima kasih", None),
        ("Sukardi mengatakan bantuan itu", "mengatakan"),
        ("Sukardi mengatakan hal itu", None),
        ("Sukardi mengatakan Bupati hadir", None),
        ("Ia menjelaskan kepada wartawan, bantuan", "menjelaskan"),
        ("Ia menjelaskan program itu", None),
        ("Kapuas Hulu menunjukkan bahwa semangat", None),
    ],
)
def test_indirect_verb_regex(text: str, verb: str | None) -> None:
    m = INDIRECT_VERB_RE.search(text)
    assert (m.group("verb") if m else None) == verb


@pytest.mark.parametrize(
    ("head", "verb"),
    [
        ("Weni mengatakan, ", "mengatakan"),
        ("Ia menegaskan bahwa ", "menegaskan"),
        ("Sukardi berkata: ", "berkata"),
        ("Ia menyebut ", "menyebut"),
        ("mengatakan bahwa program ", None),
    ],
)
def test_before_verb_regex(head: str, verb: str | None) -> None:
    m = BEFORE_VERB_RE.search(head)
    assert (m.group("verb") if m else None) == verb


# --- a second whole article: many patterns together ------------------------------------------

PMI_ARTICLE = [
    "Spektroom - Koordinator Lapangan program PMI Jember–JRCS, Weni Catur Fitriani, menjelaskan "
    "program kerjasama dengan Japanese Red Cross Society (JRCS) fokus edukasi kepada masyarakat "
    "dan sekolah di Wilayah Rawan Bencana. Sabtu (06/12/2025).",
    "Weni Catur Fitriani menjelaskan, selain mengedukasi masyarakat dan sekolah, juga pemberian "
    "paket kesiapsiagaan, dengan pendistribusian paket kepada 1.200 keluarga.",
    "“Kami ingin setiap keluarga punya tas siaga bencana di rumah. Isinya sederhana: senter, "
    "obat-obatan, dokumen penting dan makanan untuk tiga hari,” ujar Weni.",
    "Program yang diberi nama “Desa Tangguh Bencana” itu menyasar 12 desa di lereng Gunung "
    "Argopuro.",
    "Menurut Weni, warga di lereng gunung paling rentan saat banjir bandang datang pada malam "
    "hari.",
    "“Tahun lalu banjir datang pukul dua dini hari. Banyak warga tidak sempat menyelamatkan diri.",
    "“Karena itu kami latih warga membaca tanda-tanda alam dan membuat jalur evakuasi sendiri,” "
    "imbuhnya.",
    "Sementara itu, Kepala Pelaksana BPBD Jember, Drs. H. Sigit Akbari, M.Si., mengatakan bahwa "
    "pemerintah daerah menyambut baik kerja sama tersebut.",
    "“Kami tidak bisa bekerja sendiri,” kata Sigit, “butuh dukungan PMI, relawan dan "
    "masyarakat.”",
    "Ia menambahkan, BPBD akan memasang sirine peringatan dini di lima titik rawan.",
    "Salah seorang warga Desa Klungkung, Suparmi, mengaku terbantu. “Sekarang anak-anak tahu "
    "harus lari ke mana kalau ada banjir,” tuturnya.",
]

WENI = "Weni Catur Fitriani"
SIGIT, SIGIT_TITLE = "Sigit Akbari", "Kepala Pelaksana BPBD Jember"
PMI_EXPECTED: list[Q] = [
    ("indirect", "selain mengedukasi masyarakat dan sekolah, juga pemberian paket "
     "kesiapsiagaan, dengan pendistribusian paket kepada 1.200 keluarga.", WENI, None,
     "menjelaskan", 1),
    ("direct", "Kami ingin setiap keluarga punya tas siaga bencana di rumah. Isinya sederhana: "
     "senter, obat-obatan, dokumen penting dan makanan untuk tiga hari", WENI, None, "ujar", 2),
    ("indirect", "warga di lereng gunung paling rentan saat banjir bandang datang pada malam "
     "hari.", WENI, None, "menurut", 4),
    ("direct", "Tahun lalu banjir datang pukul dua dini hari. Banyak warga tidak sempat "
     "menyelamatkan diri. Karena itu kami latih warga membaca tanda-tanda alam dan membuat jalur "
     "evakuasi sendiri", WENI, None, "imbuhnya", 5),
    ("indirect", "pemerintah daerah menyambut baik kerja sama tersebut.", SIGIT, SIGIT_TITLE,
     "mengatakan", 7),
    ("direct", "Kami tidak bisa bekerja sendiri butuh dukungan PMI, relawan dan masyarakat.",
     SIGIT, SIGIT_TITLE, "kata", 8),
    ("indirect", "BPBD akan memasang sirine peringatan dini di lima titik rawan.", SIGIT,
     SIGIT_TITLE, "menambahkan", 9),
    ("direct", "Sekarang anak-anak tahu harus lari ke mana kalau ada banjir", "Suparmi",
     "Salah seorang warga Desa Klungkung", "tuturnya", 10),
]


def test_whole_article_with_many_patterns() -> None:
    assert _as_tuples(extract_quotes(PMI_ARTICLE)) == PMI_EXPECTED


# --- the speed-ups find exactly what the full scans find ------------------------------------
# (extract_quotes scans whole articles once with cheap pre-filters; these pin the invariants.)

_CORPUS = [p for _, paras, _ in CASES for p in paras if isinstance(p, str)]
_CORPUS += SEED_PARAGRAPHS + PMI_ARTICLE
_CORPUS += [p.upper() for p in _CORPUS[:40]] + [p.title() for p in _CORPUS[:40]]
_CORPUS += [
    "Bupati MENEGASKAN: semua siap. Menurut Sukardi, jalan rusak. Ia BerKata, aman.",
    "Kepala Desa, İbrahim, menyampaikan bahwa air bersih sudah tiba; menurutnya cukup.",
    "mengatakanmengatakan, xmenurut Sukardi, ya. menyebutkan, menyebut, berkata: ok.",
    "",
]


@pytest.mark.parametrize("with_dotted_i", [False, True], ids=["one-scan", "per-paragraph"])
def test_verb_hints_find_every_verb_match(with_dotted_i: bool) -> None:
    # "İ".lower() is two characters: such an article is hinted paragraph by paragraph.
    paras = quotes._normalize([p for p in _CORPUS if with_dotted_i or "İ" not in p])
    hints = quotes._verb_hints(paras, quotes._SEP.join(paras))
    for pi, text in enumerate(paras):
        me, menurut = hints.get(pi, ([], []))
        for pattern, found in ((INDIRECT_VERB_RE, me), (quotes.MENURUT_RE, menurut)):
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in quotes._matches_at(pattern, text, found)] == want, text


@pytest.mark.parametrize("with_dotted_i", [False, True], ids=["one-scan", "per-paragraph"])
def test_trailing_hits_are_every_trailing_verb_match(with_dotted_i: bool) -> None:
    """The byte scan for 'A, kata X.' finds what the case-insensitive regex finds in each
    paragraph, upper-case and title-case text, verbs at paragraph ends and starts included."""
    extra = [
        "Jalan rusak, KATA Sukardi. Harga naik, Ujarnya.", "akhir paragraf,", "kata dia, ujar",
        "Begitu, demikian kata Lili, begitu tegasnya, ungkap  Weni.", "x,kata y, katanya",
    ]
    paras = quotes._normalize([p for p in [*_CORPUS, *extra] if with_dotted_i or "İ" not in p])
    want = [
        (pi, m.start()) for pi, text in enumerate(paras)
        for m in quotes.TRAILING_VERB_RE.finditer(text)
    ]
    assert len(want) > 20
    joined = quotes._SEP.join(paras)
    low = None if quotes._lower_moves(joined) else quotes._ascii_lower(joined)
    assert (low is None) == with_dotted_i
    assert quotes._trailing_hits(paras, low) == want


def test_mark_offsets_are_the_quote_marks() -> None:
    paras = quotes._normalize([*_CORPUS, "plain ascii with \"marks\" only", "no marks"])
    marks = quotes._mark_offsets(paras, quotes._SEP.join(paras))
    for pi, text in enumerate(paras):
        assert marks.get(pi, []) == [m.start() for m in QUOTE_MARK_RE.finditer(text)], text


@pytest.mark.parametrize(
    "raw",
    ["a  b", " a", "a ", "a\xa0b", "a\nb", "a\tb", "a\u3000b", "a\x1cb", "a\u200bb", "“a” b", ""],
)
def test_normalize_is_split_and_join(raw: str) -> None:
    assert quotes._normalize([raw]) == [" ".join(raw.split())]


def test_split_person_word_caches_do_not_change_results() -> None:
    mention = "Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si."
    first = split_person(mention)
    quotes._split_person.cache_clear()
    quotes._is_name_token.cache_clear()
    quotes._kept_in_mention.cache_clear()
    assert split_person(mention) == first == ("Ahmad Yani", "Kepala Dinas Sosial Kapuas Hulu")
