"""Small field sources and cleaners: headline, people, body trailers, dateline, media, taxonomy."""

from __future__ import annotations

import pytest

from spektroom_crawler.extract.body import (
    BACA_JUGA_RE,
    CLASS_PART_SPLIT_RE,
    CREDIT_RE,
    GLUED_TRAILER_RE,
    TRAILER_LINE_RE,
    is_chrome_class,
    split_trailer,
    trailer_credits,
)
from spektroom_crawler.extract.dateline import DATELINE_RE, parse_dateline, title_case_place
from spektroom_crawler.extract.headline import (
    LOGO_CLASS_RE,
    TITLE_SUFFIX_RE,
    TRUNCATED_RE,
    strip_site_suffix,
)
from spektroom_crawler.extract.media import (
    DANGLING_PUNCT_RE,
    PHOTO_CREDIT_RES,
    _without_dangling_punct,
    split_photo_credit,
)
from spektroom_crawler.extract.people import (
    DESK_ACCOUNT_RE,
    NAME_SPLIT_RE,
    clean_name,
    dedupe,
    split_names,
)
from spektroom_crawler.extract.taxonomy import LANG_RE, language_from_text, normalize_language
from spektroom_crawler.record import Dateline

# ------------------------------------------------------------------------------ headline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("Judul Berita - Spektroom", "Judul Berita"),
        ("Judul Berita | Spektroom", "Judul Berita"),
        ("Judul Berita – Spektroom.co.id", "Judul Berita"),
        ("Judul  Berita — spektroom ", "Judul Berita"),
        ("Spektroom Raih Penghargaan Pers", "Spektroom Raih Penghargaan Pers"),
        ("Kapuas Hulu - Sintang", "Kapuas Hulu - Sintang"),
    ],
)
def test_strip_site_suffix(raw: str, expected: str) -> None:
    assert strip_site_suffix(raw) == expected


def test_headline_regexes() -> None:
    assert TITLE_SUFFIX_RE.search("X | Spektroom")
    assert not TITLE_SUFFIX_RE.search("Spektroom - X")
    assert TRUNCATED_RE.search("Pasar Perbatasan Jagoi Babang Kembali Ramai Usai PLBN...")
    assert TRUNCATED_RE.search("Judul terpotong…")
    assert not TRUNCATED_RE.search("Judul utuh")
    assert LOGO_CLASS_RE.search("site-title") and LOGO_CLASS_RE.search("navbar-brand")
    assert not LOGO_CLASS_RE.search("entry-title")


# ------------------------------------------------------------------------------ people


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("Redaksi", None),
        ("admin", None),
        ("Tim Spektroom", None),
        ("Oleh: Apolonius", "Apolonius"),
        ("Apolonius.", "Apolonius"),
        ("12345", None),
        ("x" * 80, None),
        ("<script>", None),
        ("Nurana Diah Dhayanti", "Nurana Diah Dhayanti"),
        ("Byan Saputra", "Byan Saputra"),  # "By" prefix only as a word
    ],
)
def test_clean_name(raw: str | None, expected: str | None) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, []),
        ("", []),
        ("Budi Sucahyono, Julianto", ["Budi Sucahyono", "Julianto"]),
        ("Rizki Ramadhan dan Sri Wahyuni", ["Rizki Ramadhan", "Sri Wahyuni"]),
        ("A. Rahman & Yulianus", ["A. Rahman", "Yulianus"]),
        ("Redaksi, Apolonius", ["Apolonius"]),
        ("Oleh Tim Spektroom", []),
        (";;,,", []),
    ],
)
def test_split_names(raw: str | None, expected: list[str]) -> None:
    assert split_names(raw) == expected


def test_people_regexes_and_dedupe() -> None:
    assert DESK_ACCOUNT_RE.match("Redaksi Spektroom")
    assert not DESK_ACCOUNT_RE.match("Redaksiana Putri")
    assert NAME_SPLIT_RE.split("A dan B") == ["A", "B"]
    assert NAME_SPLIT_RE.split("Danu Wijaya") == ["Danu Wijaya"]  # "dan" inside a name
    assert dedupe(["Julianto", "julianto", "Budi"]) == ["Julianto", "Budi"]
    assert dedupe([]) == []


# ------------------------------------------------------------------------------ body trailers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ("", [])),
        ("perlindungan yang layak.// Apolonius.",
         ("perlindungan yang layak.", [("//", "Apolonius.")])),
        ("dari pusat kota. // Sri Wahyuni.", ("dari pusat kota.", [("//", "Sri Wahyuni.")])),
        ("Lihat https://spektroom.co.id//", ("Lihat https://spektroom.co.id//", [])),
        ("rasio 1//2 tidak berubah", ("rasio 1//2 tidak berubah", [])),
        ("teks biasa tanpa trailer.", ("teks biasa tanpa trailer.", [])),
    ],
)
def test_split_trailer(text: str, expected: tuple[str, list[tuple[str, str]]]) -> None:
    assert split_trailer(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", None),
        ("Editor. : Biantoro", [("editor", "Biantoro")]),
        ("Editor : Biantoro", [("editor", "Biantoro")]),
        ("Redaktur: Apolonius", [("redaktur", "Apolonius")]),
        ("Reporter: Budi | Editor: Nurana", [("reporter", "Budi"), ("editor", "Nurana")]),
        ("Pewarta: A, B", [("pewarta", "A, B")]),
        ("// Apolonius.", [("//", "Apolonius.")]),
        ("Menurut dia: semua aman.", None),
        ("Kepala dinas mengatakan, program berjalan.", None),
        ("Laporan: Julianto", [("laporan", "Julianto")]),
        ("Oleh : Apolonius", [("oleh", "Apolonius")]),
        ("Wartawan: Budi Sucahyono dan Julianto", [("wartawan", "Budi Sucahyono dan Julianto")]),
        ("Laporan: warga mengeluhkan banjir", None),
        ("Oleh: karena itu warga mengungsi", None),
    ],
)
def test_trailer_credits(line: str, expected: list[tuple[str, str]] | None) -> None:
    assert trailer_credits(line) == expected


def test_body_regexes() -> None:
    assert BACA_JUGA_RE.match("Baca juga: Harga Karet Naik")
    assert BACA_JUGA_RE.match("BACA JUGA Festival Dayak")
    assert not BACA_JUGA_RE.match("Warga diminta membaca juga aturan baru")
    assert CREDIT_RE.search("Penulis: Apolonius").group("names") == "Apolonius"  # type: ignore[union-attr]
    assert not CREDIT_RE.search("tanpa kredit apa pun")
    assert TRAILER_LINE_RE.match("Reporter: X / Editor: Y")
    assert not TRAILER_LINE_RE.match("Reporter senior itu berkata: cukup.")
    assert GLUED_TRAILER_RE.search("akhir.// Apolonius.")
    assert not GLUED_TRAILER_RE.search("akhir http://x.id")
    assert CLASS_PART_SPLIT_RE.split("jeg_ad  wp-caption-text") == ["jeg", "ad", "wp", "caption",
                                                                    "text"]


@pytest.mark.parametrize(
    ("classes", "chrome"),
    [
        (None, False), ("", False), ("content-inner", False), ("gh-content gh-canvas", False),
        ("thread head", False), ("entry-content", False), ("wp-block-paragraph", False),
        ("jeg_ad jeg_ad_article", True), ("ads-wrapper", True), ("sharedaddy", True),
        ("jnews_inline_related_post", True), ("wp-caption-text", True), ("baca-juga", True),
        ("comment-content", True), ("widget widget_popular", True), ("ADS", True),
    ],
)
def test_is_chrome_class(classes: str | None, chrome: bool) -> None:
    assert is_chrome_class(classes) is chrome


# ------------------------------------------------------------------------------ dateline


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (None, None),
        ("", None),
        ("Spektroom – Komitmen Kapuas Hulu", Dateline(None, "Spektroom", "Spektroom –")),
        ("Spektroom  — Kementerian PU", Dateline(None, "Spektroom", "Spektroom —")),
        ("Spektroom - Koordinator", Dateline(None, "Spektroom", "Spektroom -")),
        ("AGAM, Spektroom — Kementerian", Dateline("Agam", "Spektroom", "AGAM, Spektroom —")),
        ("KAPUAS HULU, Spektroom – Banjir",
         Dateline("Kapuas Hulu", "Spektroom", "KAPUAS HULU, Spektroom –")),
        ("Pontianak, Spektroom - Banjir",
         Dateline("Pontianak", "Spektroom", "Pontianak, Spektroom -")),
        ("Menurut Sukardi - penghargaan ini", None),
        ("Banjir di Spektroom – bukan dateline", None),
        ("SpektroomX – bukan", None),
    ],
)
def test_parse_dateline(paragraph: str | None, expected: Dateline | None) -> None:
    assert parse_dateline(paragraph) == expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [("AGAM", "Agam"), ("KAPUAS HULU", "Kapuas Hulu"), ("Pontianak", "Pontianak"),
     ("TANJUNG-PINANG", "Tanjung-Pinang"), ("", "")],
)
def test_title_case_place(place: str, expected: str) -> None:
    assert title_case_place(place) == expected


def test_dateline_re_negative() -> None:
    assert not DATELINE_RE.match("Kamis (20/11/2025) - warga berkumpul")


# ------------------------------------------------------------------------------ photo credit


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (None, (None, None)),
        ("", (None, None)),
        ("di Balai Petitih kantor Gubernur .Foto : Adpim Pemprov.",
         ("di Balai Petitih kantor Gubernur", "Adpim Pemprov")),
        ("Relawan di Kecamatan Silo. (Foto: PMI Jember)",
         ("Relawan di Kecamatan Silo.", "PMI Jember")),
        ("Konferensi pers. Foto: Humas Polda Kalbar", ("Konferensi pers.", "Humas Polda Kalbar")),
        ("Warga melintas, Selasa (2/12/2025). ANTARA FOTO/Jessica Wuysang",
         ("Warga melintas, Selasa (2/12/2025).", "ANTARA FOTO/Jessica Wuysang")),
        ("Foto bersama peserta upacara", ("Foto bersama peserta upacara", None)),
        ("Warga memadati lokasi. Foto/Istimewa", ("Warga memadati lokasi.", "Istimewa")),
        ("Rapat di aula kantor bupati (Dok. Humas Pemkab)",
         ("Rapat di aula kantor bupati", "Dok. Humas Pemkab")),
        ("Dokumen (Dokumen lama) disimpan", ("Dokumen (Dokumen lama) disimpan", None)),
        ("Tanpa kredit", ("Tanpa kredit", None)),
        # The search starts at the anchor word, in any case, with the "(" and spaces before it.
        ("Warga antre ( FOTO/Humas)", ("Warga antre", "Humas")),
        ("Foto lama dipajang. fOtO: Arsip", ("Foto lama dipajang.", "Arsip")),
        ("İzmir (Foto: Kontributor)", ("İzmir", "Kontributor")),  # lower() lengthens "İ"
        ("İzmir. Foto/Istimewa", ("İzmir.", "Istimewa")),
        ("Dilantik, ANTARA FOTO/Ahmad", ("Dilantik,", "ANTARA FOTO/Ahmad")),
    ],
)
def test_split_photo_credit(caption: str | None, expected: tuple[str | None, str | None]) -> None:
    assert split_photo_credit(caption) == expected


@pytest.mark.parametrize(
    "rest",
    [
        "kantor Gubernur .", "kantor Gubernur.", "kantor Gubernur ,;", "kantor Gubernur\u00a0|",
        "a - .", "a -", "a.-", "-", " .", ".", "a  ..", "Foto", "", "a , b", "a ,b .",
    ],
)
def test_dangling_punct_is_the_regex_substitution(rest: str) -> None:
    """split_photo_credit drops a dangling " ." without the regex: the same text as
    DANGLING_PUNCT_RE.sub on the rstripped text before the credit."""
    rest = rest.rstrip()
    assert _without_dangling_punct(rest) == DANGLING_PUNCT_RE.sub("", rest)


def test_photo_credit_regexes() -> None:
    paren, plain, antara, slash, dok = PHOTO_CREDIT_RES
    assert slash.search("x Foto/Istimewa") and not slash.search("x foto-foto lama")
    assert dok.search("x (Dok. Humas)") and not dok.search("x (Dokter jaga)")
    assert paren.search("x (Foto: Setwapres)") and not paren.search("x (Foto bersama)")
    assert plain.search("x Foto : Diskominfo.") and not plain.search("Fotografer senior")
    assert antara.search("x ANTARA FOTO/Nama") and not antara.search("antara foto dan video")


# ------------------------------------------------------------------------------ language


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("", None), ("id-ID", "id"), ("id_ID", "id"), ("in", "id"), ("ID", "id"),
     ("en_US", "en"), (["id"], "id"), ({"alternateName": "id"}, "id"), ("123", None),
     ("bahasa indonesia", None), (42, None)],
)
def test_normalize_language(raw: object, expected: str | None) -> None:
    assert normalize_language(raw) == expected


def test_language_regex_and_text() -> None:
    assert LANG_RE.match("id-ID") and not LANG_RE.match("i")
    assert language_from_text(["Pemerintah daerah akan terus bekerja sama dengan semua pihak"
                               " untuk mencegah dan menangani TPPO di Kapuas Hulu yang rawan."])
    assert language_from_text(["The government will keep working with everyone."]) is None
    assert language_from_text([]) is None
