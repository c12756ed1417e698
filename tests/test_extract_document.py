"""Decoding, parsing and text helpers of extract/document.py."""

from __future__ import annotations

import pytest

from spektroom_crawler.extract.document import (
    META_CHARSET_RE,
    XML_DECL_RE,
    declared_encoding,
    decode_html,
    element_text,
    norm_space,
    parse_document,
    parse_html,
    text_content,
)

CP1252_TEXT = "“Kami siap,” kata Weni – Café"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", None),
        (b"<html><body>no declaration</body></html>", None),
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=UTF-8>", "utf-8"),
        (b'<meta charset="windows-1252">', "cp1252"),
        (b'<meta charset="ISO-8859-1">', "cp1252"),  # browsers read latin-1 as windows-1252
        (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">',
         "iso8859-15"),
        (b'<meta charset="no-such-codec">', None),
        (b"\xef\xbb\xbf<html>", "utf-8"),
        (b"\xff\xfe<\x00h\x00", "utf-16-le"),
    ],
)
def test_declared_encoding(data: bytes, expected: str | None) -> None:
    assert declared_encoding(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ""),
        ("already text", "already text"),
        ("“Kami”".encode(), "“Kami”"),
        (b"\xef\xbb\xbfBOM", "BOM"),
        (b'<meta charset="windows-1252">' + CP1252_TEXT.encode("cp1252"),
         '<meta charset="windows-1252">' + CP1252_TEXT),
        (CP1252_TEXT.encode("cp1252"), CP1252_TEXT),  # undeclared, not UTF-8: windows-1252
        # declared UTF-8 but really windows-1252: the declaration loses, the text survives
        (b'<meta charset="utf-8">' + CP1252_TEXT.encode("cp1252"),
         '<meta charset="utf-8">' + CP1252_TEXT),
        (b"\x81\x8d", "\ufffd\ufffd"),  # bytes windows-1252 leaves undefined
    ],
)
def test_decode_html(data: bytes | str, expected: str) -> None:
    assert decode_html(data) == expected


def test_meta_charset_re() -> None:
    assert META_CHARSET_RE.search(b"<META CHARSET='utf-8'>")
    assert not META_CHARSET_RE.search(b"<p>charset=utf-8</p>")


def test_xml_decl_re() -> None:
    assert XML_DECL_RE.sub("", "<?xml version='1.0' encoding='utf-8'?><p/>") == "<p/>"
    assert XML_DECL_RE.sub("", "<p>?xml</p>") == "<p>?xml</p>"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_parse_html_nothing(text: str) -> None:
    assert parse_html(text) is None


def test_parse_html_tree_and_xml_declaration() -> None:
    root = parse_html("<?xml version='1.0' encoding='utf-8'?><html><body><p>Isi</p></body></html>")
    assert root is not None and root.tag == "html"
    assert text_content(root) == "Isi"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  a \xa0 b\n c ", "a b c"),
        ("PU  Percepat", "PU Percepat"),
        # libxml2 keeps C0 controls of the page bytes; a JSON escape can leave half a pair.
        ("Banjir\x07 Sintang \x1b", "Banjir Sintang"),
        ("Banjir \x00 Sintang \ud83d", "Banjir Sintang \ufffd"),
        ("Kata\u200bkunci", "Kata\u200bkunci"),  # a format character is not a control
    ],
)
def test_norm_space(raw: str | None, expected: str) -> None:
    assert norm_space(raw) == expected


def test_a_lone_surrogate_in_text_input_does_not_end_the_text() -> None:
    """Text decoded with errors="surrogateescape" holds lone surrogates; libxml2 stopped
    reading the paragraph at the first one. It becomes U+FFFD, as a browser shows the byte."""
    root = parse_document("<html><body><p>Warga \udce9 mengungsi ke posko.</p></body></html>")
    assert root is not None
    assert text_content(root) == "Warga \ufffd mengungsi ke posko."


def test_element_text_keeps_br_and_drops_scripts() -> None:
    root = parse_html("<p>Reporter: A<br>Editor: <b>B</b><script>x()</script> akhir</p>")
    assert root is not None
    p = root.find(".//p")
    assert p is not None
    assert element_text(p) == "Reporter: A\nEditor: B akhir"


# Undeclared bytes are UTF-8 only when all of them are, wherever the bad byte sits: also after
# more parse errors than libxml2 reports (it logs only its first 100).
MANY_ERRORS = b"<p>x</q>" * 150


@pytest.mark.parametrize(
    "prefix", [b"", b"<p>x</q>", MANY_ERRORS], ids=["clean", "one-error", "errors-past-cap"]
)
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (CP1252_TEXT.encode("cp1252"), CP1252_TEXT),  # not UTF-8: windows-1252
        (CP1252_TEXT.encode(), CP1252_TEXT),  # valid UTF-8
        (b"caf\xc3", "caf\u00c3"),  # truncated sequence at the very end: windows-1252
    ],
)
def test_parse_document_undeclared_bytes(prefix: bytes, raw: bytes, expected: str) -> None:
    root = parse_document(b"<html><body>" + prefix + b"<h1>" + raw + b"</h1></body></html>")
    assert root is not None
    h1 = root.find(".//h1")
    assert h1 is not None and text_content(h1) == expected
    assert parse_document(prefix + b"<h1>" + raw + b"</h1>") is not None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p></p>", ""),
        ("<p>a &amp; b</p>", "a & b"),
        ("<p>a<!-- c -->b</p>", "ab"),  # a comment child: its text is not content, its tail is
        ("<p>a<b>b</b>c<br>d</p>", "abcd"),
    ],
)
def test_text_content(html: str, expected: str) -> None:
    root = parse_html(html)
    assert root is not None
    p = root.find(".//p")
    assert p is not None and text_content(p) == expected


# Comments and processing instructions where the extractors walk children and siblings: their
# tag is a function, not a str (the compiled build raised on them before `element_tag`).
NODES_PAGE = b"""<html><head><title>Kasus Banjir Agam - Spektroom</title></head><body>
<article><h1>Bupati Agam Tinjau Lokasi Banjir</h1><!-- byline --><?php the_author(); ?>
<div class="byline"><!-- date -->Sabtu, 29 November 2025 - 19:45 WIB<?pi x?></div>
<!-- hero --><div><img src="/img/banjir.jpg" alt=""></div>
<p>AGAM, Spektroom &#8211; Bupati <!-- nama -->Agam<?pi y?> meninjau lokasi banjir, Rabu
(26/11/2025).<br><!-- c -->Warga diungsikan.</p>
<p>\xe2\x80\x9cKami siap membantu,\xe2\x80\x9d ujar Sukardi.</p>
</article></body></html>"""


def test_comments_and_processing_instructions_are_not_elements() -> None:
    from spektroom_crawler import extract_article

    root = parse_html(NODES_PAGE.decode("utf-8"))
    assert root is not None
    p = root.find(".//p")
    assert p is not None
    assert element_text(p) == (
        "AGAM, Spektroom – Bupati Agam meninjau lokasi banjir, Rabu (26/11/2025)."
        "\nWarga diungsikan."
    )
    article = extract_article(NODES_PAGE, "https://spektroom.co.id/banjir-agam/")
    assert article.headline == "Bupati Agam Tinjau Lokasi Banjir"
    assert article.published_at == "2025-11-29T19:45:00+07:00"
    assert article.sources["published_at"] == "text"  # the text after the headline
    assert article.image_url == "https://spektroom.co.id/img/banjir.jpg"
    assert article.sources["image_url"] == "html:img-after-h1"
    assert article.event_date == "2025-11-26"
    assert article.paragraphs[0].startswith("AGAM, Spektroom – Bupati Agam meninjau")
    assert [(q.text, q.speaker) for q in article.quotes] == [("Kami siap membantu", "Sukardi")]
