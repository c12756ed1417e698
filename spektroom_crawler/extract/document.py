"""Bytes to one parsed lxml tree: encoding detection, parsing, and text helpers.

Decoding follows what a browser (and Scrapy's HtmlResponse) does for a page without HTTP headers:
a byte-order mark wins, then a <meta charset> / http-equiv declaration in the first bytes, then
UTF-8 if the bytes are valid UTF-8, then windows-1252 (the web's de-facto "latin-1").
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from typing import Any

from lxml import etree

from spektroom_crawler.chars import SURROGATES_RE, clean_chars, collapse_space

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BOM_PREFIXES = tuple(bom for bom, _ in BOMS)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
META_CHARSET_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# lxml refuses str input that still carries an XML encoding declaration.
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# Labels browsers treat as windows-1252 (WHATWG encoding standard).
WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "latin-1", "ascii", "cp1252", "windows-1252"})
SNIFF_BYTES = 4096


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (BOM or meta), as a Python codec name."""
    if data.startswith(BOM_PREFIXES):
        for bom, name in BOMS:
            if data.startswith(bom):
                return name
    match = META_CHARSET_RE.search(data, 0, SNIFF_BYTES)  # endpos: no copy of the first bytes
    return _codec_name(match.group(1)) if match else None


@functools.lru_cache(maxsize=256)
def _codec_name(label: bytes) -> str | None:
    """A declared charset label as a Python codec name, None when unknown. Cached: a crawl sees
    the same few labels ("utf-8", "UTF-8", ...) on nearly every page."""
    try:
        name = codecs.lookup(label.decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in WINDOWS_1252_ALIASES else name


def decode_html(data: bytes | str) -> str:
    """Page bytes (or an already decoded str) to text, never raising."""
    if isinstance(data, str):
        return data
    declared = declared_encoding(data)
    candidates = [declared] if declared else []
    candidates += [c for c in ("utf-8", "cp1252") if c != declared]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return text[1:] if text.startswith("\ufeff") else text
    # windows-1252 leaves five bytes undefined; replace them rather than fail.
    return data.decode("cp1252", errors="replace")


# lxml parser objects must not be shared between threads; one per thread, made on first use.
# collect_ids=False: libxml2 otherwise hashes every id="..." into a table nothing here reads
# (no id() XPath, no getElementById); skipping it makes parse + free ~5% cheaper.
_PARSERS = threading.local()


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    parsers: dict[str | None, etree.HTMLParser] | None = getattr(_PARSERS, "parsers", None)
    if parsers is None:
        parsers = _PARSERS.parsers = {}
    parser = parsers.get(encoding)
    if parser is None:
        parser = parsers[encoding] = etree.HTMLParser(encoding=encoding, collect_ids=False)
    return parser


def parse_document(data: bytes | str) -> etree._Element | None:
    """Decode and parse in one step, never raising; None when there is nothing to parse.

    UTF-8 bytes (declared or valid as such: the common case) go to libxml2 as bytes with the
    encoding fixed, which skips building a Python str and re-encoding it for the parser.
    Everything else is decoded by `decode_html` first.

    The UTF-8 check decodes the whole page up front, and that is cheaper than it looks: the
    large allocation makes glibc consolidate the chunks the previous page's tree left behind
    before libxml2 allocates this one, and the parse after it runs ~10% faster. (Parsing first
    and checking only when libxml2 logged an error skips the decode but measured ~6 us slower.)
    """
    if isinstance(data, bytes):
        if declared_encoding(data) in (None, "utf-8"):
            body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
            if body.isascii() or _is_utf8(body):
                # isspace: what `not body.strip()` says, without copying the page
                return None if not body or body.isspace() else _parse(body, _parser("utf-8"))
        data = decode_html(data)  # no decoder of ours leaves a surrogate
    elif not data.isascii() and SURROGATES_RE.search(data) is not None:
        # Text decoded by the caller with errors="surrogateescape": libxml2 would end the text
        # at the first lone surrogate. As U+FFFD, as a browser shows the bytes behind it.
        data = clean_chars(data)
    text = XML_DECL_RE.sub("", data, count=1)
    return _parse(text, _parser(None)) if text.strip() else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse(data: bytes | str, parser: etree.HTMLParser) -> etree._Element | None:
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and element_tag(root) is not None else None


def parse_html(text: str) -> etree._Element | None:
    """One lxml tree for the whole page, or None when there is nothing to parse.

    Plain lxml.etree elements (not lxml.html's): same libxml2 parse, but element proxies are
    created without lxml.html's per-element Python class lookup, which halves tree walks.
    """
    return parse_document(text)


def text_content(el: etree._Element) -> str:
    """All text inside an element (like lxml.html's text_content()).

    Same text as "".join(el.itertext()) (comments and processing instructions contribute only
    their tails), collected by libxml2 in one call: ~6x faster on a heading or paragraph.
    An element without children (most links, headings, titles) holds nothing but its .text,
    which is read ~10x cheaper than a serializer run.
    """
    if not len(el):
        return el.text or ""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def norm_space(text: str | None) -> str:
    """Collapse every run of whitespace (incl. no-break spaces) into one space; strip. Control
    characters and lone surrogates go too (`collapse_space`)."""
    if not text:
        return ""
    if is_norm_space(text):  # most meta values, titles, captions and paragraphs are
        return text
    return collapse_space(text)


def is_norm_space(text: str) -> bool:
    """Whether `norm_space` leaves `text` as it is ("" included).

    Printable means no whitespace but the plain space (no "\n" either), so a double, leading
    or trailing space is all there is left to check: ~4x cheaper than split + join.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def element_text(el: etree._Element) -> str:
    """Visible text of an element; each <br> becomes a newline, and only a <br> does.

    Newlines in the HTML source are just whitespace, so they become spaces: callers split lines
    on "\n" to find trailer lines ("Reporter: X<br>Editor: Y") and paragraph breaks.
    """
    if len(el) == 0:
        return (el.text or "").replace("\n", " ")
    parts: list[str] = []
    _walk(el, parts)
    return "".join(parts)


def element_tag(node: Any) -> str | None:
    """A node's tag when it is an element; None for a comment, processing instruction or entity
    (whose tag is a function). Takes Any: lxml's stubs type every node's tag as str, and the
    compiled build checks a read of a str-typed attribute, so `node.tag` on a comment typed as
    an element would raise there."""
    tag = node.tag
    return tag if isinstance(tag, str) else None


SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})


def _walk(el: etree._Element, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text.replace("\n", " "))
    for child in el:
        tag = element_tag(child)
        if tag is not None:
            if tag == "br":
                parts.append("\n")
            elif tag not in SKIP_TEXT_TAGS:
                _walk(child, parts)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))
