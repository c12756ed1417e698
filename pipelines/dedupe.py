"""Normalization and content identity: canonical URLs, whitespace, fingerprints, MinHash.

`NormalizePipeline` cleans each item in place (canonical URL, whitespace, empty values). The
duplicate *detection* runs in the store (`pipelines.db.store.ArticleStore.save`), batch by batch,
against indexed columns: the exact `fingerprint` and the LSH band table `article_bands`, so its
memory never grows with the corpus. The functions here are pure and shared by both.

Near-duplicates use one-permutation MinHash over 3-word shingles of the body: each shingle is
hashed once into one of NUM_BINS bins keeping the minimum, so a signature costs one hash per
shingle, not one per permutation. The shingle hash is a polynomial hash (mod 2**64) of the
shingle's bytes, finished with the splitmix64 mixer; numpy computes it for every shingle at once
from prefix sums over the body, or over a whole batch's bodies (no Python object per word or
shingle), and it is the same in every process (no PYTHONHASHSEED). The signature is split into
LSH bands; articles sharing a band are compared on the full signature. SIGNATURE_SCHEME names
this hashing: signatures made another way are not comparable (migration 0002 recomputed those
of older databases).
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import numpy as np
from scrapy.crawler import Crawler

from pipelines.jsontext import dumps_unicode
from spektroom_crawler.chars import UNCLEAN_CHARS_RE, clean_chars, collapse_space
from spektroom_crawler.record import Article, Dateline, Quote
from spektroom_crawler.urls import canonicalize_url

# Invisible characters that CMS editors paste in (zero-width, word joiner, BOM, soft hyphen).
INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# The same characters for a presence test: six `in` scans are ~10x faster than one regex search.
INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")

SHINGLE_SIZE = 3
NUM_BINS = 96
BAND_ROWS = 6
NUM_BANDS = NUM_BINS // BAND_ROWS
EMPTY_BIN = (1 << 64) - 1  # above every 32-bit shingle hash
_SIGNATURE = struct.Struct(f"<{NUM_BINS}Q")
_EMPTY_BAND = struct.pack(f"<{BAND_ROWS}Q", *[(1 << 64) - 1] * BAND_ROWS)
_CRC_SEED = 0x5BD1E995  # a second, independent CRC start value
SIGNATURE_SCHEME = "poly64-splitmix-v2"
# Whatever bytes.split() splits on, other than the single space of a canonical body.
_OTHER_SPACES = (b"\t", b"\n", b"\r", b"\x0b", b"\x0c")
_ASCII_BYTES = bytes(range(128))
_U64 = np.uint64
_BASE = 0x100000001B3  # odd, so invertible mod 2**64
_BASE_INV = pow(_BASE, -1, 1 << 64)
_MIX1, _MIX2, _GOLDEN = _U64(0xBF58476D1CE4E5B9), _U64(0x94D049BB133111EB), _U64(0x9E3779B97F4A7C15)
_SHIFT30, _SHIFT27, _SHIFT31 = _U64(30), _U64(27), _U64(31)
_POWERS_LOCK = threading.Lock()
# (BASE**j, BASE_INV**j) for j < len; grown by doubling when a longer body comes.
_POWERS: tuple[np.ndarray, np.ndarray] = (np.ones(0, np.uint64), np.ones(0, np.uint64))


def normalize_text(value: str | None) -> str | None:
    """NFC, no invisible or control characters, lone surrogates as U+FFFD (`clean_chars`: no
    database or encoder refuses the text), runs of whitespace as one space, stripped;
    "" -> None."""
    if value is None:
        return None
    text = str(value)
    if text.isascii():  # O(1) in CPython; ASCII needs neither NFC nor invisible-char removal
        return collapse_space(text) or None
    text = clean_chars(text)  # before NFC, which a lone surrogate would pass through
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(ch in text for ch in INVISIBLES):
        text = INVISIBLE_RE.sub("", text)
    # str.split() splits on every Unicode space (NBSP, thin and ideographic spaces included).
    text = " ".join(text.split())
    return text or None


def _normalize_paragraphs(paragraphs: Sequence[str | None]) -> list[str]:
    """`normalize_text` over the body, empty paragraphs dropped; the Unicode checks run once
    over the whole body instead of once per paragraph (the body is most of the text)."""
    texts = [p if isinstance(p, str) else str(p) for p in paragraphs if p is not None]
    joined = "".join(texts)
    if not joined.isascii():
        if UNCLEAN_CHARS_RE.search(joined):
            # Before the NFC check, as in normalize_text: "e\x00\u0301" is NFC, "e\u0301" not.
            texts = [clean_chars(t) for t in texts]
            joined = "".join(texts)
        if not unicodedata.is_normalized("NFC", joined):
            texts = [unicodedata.normalize("NFC", t) for t in texts]
        if any(ch in joined for ch in INVISIBLES):
            texts = [INVISIBLE_RE.sub("", t) for t in texts]
    return [t for t in map(collapse_space, texts) if t]


def _clean_list(values: Iterable[str | None] | None) -> list[str]:
    """Normalized, non-empty, first occurrence kept (case-insensitive)."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values or ():
        text = normalize_text(value)
        if text is None:
            continue
        key = text.casefold()
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on the same host (ignoring case, port and a leading "www.")."""

    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name

    return bool(host(a)) and host(a) == host(b)


def canonical_url_for(article: Article) -> str:
    """The URL an article is stored under: its declared canonical URL when on the same host
    as the page and well-formed, else the page URL, in canonical form (see `canonicalize_url`).
    Raises ValueError only for a malformed page URL."""
    declared = (article.canonical_url or "").strip()
    if declared == article.url:  # the common case: no join or host comparison needed
        return canonicalize_url(declared)
    if declared:
        try:
            declared = urljoin(article.url, clean_chars(declared))
            if same_site(declared, article.url):
                return canonicalize_url(declared)
        except ValueError:  # "http://[bad": not a URL; the page URL stands
            pass
    return canonicalize_url(article.url)


TEXT_FIELDS = (
    "headline", "subheadline", "section", "language", "photo_credit", "image_url",
    "image_caption", "published_at", "modified_at", "published_at_raw", "modified_at_raw",
    "event_date", "fetched_url", "fetched_at", "lastmod",
)
LIST_FIELDS = ("paragraphs", "tags", "authors", "editors", "related_urls", "warnings")
DEDUPED_FIELDS = ("tags", "authors", "editors", "related_urls")  # case-insensitively
# The ASCII controls: whitespace `normalize_text` turns into a space (all but the space itself),
# the others it removes (`clean_chars`).
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])
_DOUBLE_SPACE_RE = re.compile(b"  ")
# The non-ASCII characters `normalize_text` removes, turns into a space, or (a surrogate) into
# U+FFFD.
_UNCLEAN_OTHERS_RE = re.compile(r"[^\S ]|[\ud800-\udfff]|" + INVISIBLE_RE.pattern)


def is_normalized_article(article: Article) -> bool:
    """Whether `normalize_article` would leave every text of the article as it is (the URLs
    aside). Extraction yields clean text, so the pipeline verifies that in a few C-level scans
    of the article's joined text instead of rebuilding forty strings, the lists and the quotes.
    """
    texts: list[str] = [
        value for value in (getattr(article, name) for name in TEXT_FIELDS) if value is not None
    ]
    for name in LIST_FIELDS:
        values = getattr(article, name)
        if type(values) is not list:
            return False
        texts += values
    if type(article.quotes) is not list:
        return False
    # A dateline or quote whose text is "" or None is dropped; their other parts may be None.
    dateline = article.dateline
    if dateline is not None:
        texts.append(dateline.text)
        texts += [part for part in (dateline.place, dateline.outlet) if part is not None]
    for quote in article.quotes:
        texts.append(quote.text)
        texts += [
            part for part in (quote.speaker, quote.speaker_title, quote.verb) if part is not None
        ]
    try:  # every text a str: None list items, None quote texts, numbers... are not
        joined = " ".join(texts)
    except TypeError:
        return False
    # The least text starts with the least first character: "" or a leading space (or a
    # control character, which only costs the full normalization) shows up there.
    first = min(texts, default="")
    if not first or first[0] <= " ":
        return False
    data = joined.encode("utf-8", "surrogatepass")
    # Joined by single spaces, the texts show a double space where one has a double space or
    # ends with a space (or starts with one, as above). `in` with a two-byte needle steps
    # through every space of the text; the regex engine's literal search takes half the time.
    # A control character shows as a byte `translate` deletes (UTF-8 puts no byte below 0x80
    # in a multi-byte character): one pass, ~2.7 us on a 4 KB article where nine memchr scans
    # for the whitespace controls alone took ~2.0 us and a regex character class ~25 us.
    if (
        _DOUBLE_SPACE_RE.search(data)
        or data[-1:] == b" "
        or len(data.translate(None, _ASCII_CONTROLS)) != len(data)
    ):
        return False
    for name in DEDUPED_FIELDS:
        values = getattr(article, name)
        if len(values) > 1 and len({value.casefold() for value in values}) < len(values):
            return False  # a repeated name is dropped
    if not data.isascii():
        others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if _UNCLEAN_OTHERS_RE.search(others):
            return False
        if not _nfc_inert(set(others)) and not unicodedata.is_normalized("NFC", joined):
            return False
    return True


# Non-ASCII characters met so far that cannot make a text non-NFC (see `_nfc_inert`).
_NFC_INERT: set[str] = set()


def _nfc_inert(chars: set[str]) -> bool:
    """Whether a text is NFC whatever these characters stand next to (ASCII is NFC).

    True when each is its own NFC form, combines with nothing before it (canonical combining
    class 0) and is no second character of a canonical composition. The last holds below
    U+0900 and in the punctuation block U+2000-U+206F (dashes, curly quotes, ellipsis); the
    first composing characters of class 0 are Indic vowel signs from U+093C on
    (tests/storage/test_storage_normalize.py checks this against the whole Unicode table).
    Most articles only add curly quotes, dashes and accented Latin letters to ASCII, so this
    replaces a full `unicodedata.is_normalized` scan of the text with a set lookup.
    """
    unknown = chars - _NFC_INERT
    for char in unknown:
        code = ord(char)
        if not (code < 0x900 or 0x2000 <= code < 0x2070):
            return False
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", char):
            return False
    _NFC_INERT.update(unknown)
    return True


def normalize_article(article: Article) -> Article:
    """Clean an article in place and return it (idempotent)."""
    article.url = clean_chars((article.url or "").strip())
    if article.url:
        article.canonical_url = canonical_url_for(article)
    if not is_normalized_article(article):
        _normalize_texts(article)
    return article


def _normalize_texts(article: Article) -> None:
    """`normalize_text` over every text of the article, empty values and list items dropped."""
    for name in TEXT_FIELDS:
        setattr(article, name, normalize_text(getattr(article, name)))
    # A paragraph never keeps a newline: the store joins paragraphs with a blank line.
    article.paragraphs = _normalize_paragraphs(article.paragraphs or [])
    article.tags = _clean_list(article.tags)
    article.authors = _clean_list(article.authors)
    article.editors = _clean_list(article.editors)
    article.related_urls = _clean_list(article.related_urls)
    article.warnings = [w for w in (normalize_text(w) for w in article.warnings or ()) if w]
    if article.dateline is not None:
        text = normalize_text(article.dateline.text)
        article.dateline = (
            Dateline(
                place=normalize_text(article.dateline.place),
                outlet=normalize_text(article.dateline.outlet),
                text=text,
            )
            if text
            else None
        )
    quotes: list[Quote] = []
    for quote in article.quotes or ():
        text = normalize_text(quote.text)
        if text:
            quotes.append(
                Quote(
                    text=text,
                    speaker=normalize_text(quote.speaker),
                    speaker_title=normalize_text(quote.speaker_title),
                    verb=normalize_text(quote.verb),
                    kind=quote.kind,
                    paragraph=quote.paragraph,
                )
            )
    article.quotes = quotes


def body_words(paragraphs: Sequence[str]) -> list[bytes]:
    """Lower-cased, whitespace-separated words of the body, UTF-8 encoded (what the
    fingerprints compare; bytes because every hash below wants bytes).

    Punctuation stays attached: a punctuation-only edit is then a near duplicate, not an exact
    one, which is cheap to live with; a regex word split would cost 3x more per article.
    """
    return lower_utf8(" ".join(paragraphs)).split()


def lower_utf8(text: str) -> bytes:
    """`text.lower().encode()`, computed as `text.encode().lower()` (ASCII case only, several
    times faster than str.lower on a text with any non-ASCII character) when no non-ASCII
    character of the text has a lower case: the usual dashes and curly quotes have none."""
    data = text.encode()
    if not data.isascii():
        # Deleting the ASCII bytes leaves whole UTF-8 sequences: the non-ASCII characters.
        others = data.translate(None, _ASCII_BYTES).decode()
        if others.lower() != others:
            return text.lower().encode()
    return data.lower()


def body_bytes(paragraphs: Sequence[str], *, normalized: bool = False) -> bytes:
    """The body's words (see `body_words`) joined by single spaces: what the hashes read.

    A normalized body already is that text, lower-cased and encoded, so the split and re-join
    (most of the cost) are skipped when a scan finds no other whitespace to collapse, and the
    scan too when the caller knows the paragraphs went through `normalize_article` (no
    whitespace but single inner spaces, no empty paragraph).
    """
    text = lower_utf8(" ".join(paragraphs))
    if normalized:
        return text
    if (
        b"  " in text
        or text[:1] == b" "
        or text[-1:] == b" "
        or any(text.find(space) >= 0 for space in _OTHER_SPACES)  # memchr: faster than a regex
    ):
        return b" ".join(text.split())
    return text


def content_fingerprint(paragraphs: Sequence[str]) -> str:
    """Exact-duplicate fingerprint: SHA-256 of the body's words (case and spacing ignored)."""
    return body_fingerprint(body_bytes(paragraphs))


def body_fingerprint(body: bytes) -> str:
    """`content_fingerprint` from the text `body_bytes` made."""
    return hashlib.sha256(body).hexdigest()


def words_fingerprint(words: Sequence[bytes]) -> str:
    """`content_fingerprint` from words already split by `body_words`."""
    return body_fingerprint(b" ".join(words))


# Fields whose change makes a new revision (headline, body, dates, bylines, ...). Related links,
# warnings and crawl metadata change from crawl to crawl without the story changing.
VERSION_FIELDS = (
    "headline", "subheadline", "section", "tags", "language", "published_at", "modified_at",
    "dateline", "event_date", "authors", "editors", "photo_credit", "image_url", "image_caption",
    "paragraphs",
)


# json.dumps(data, ensure_ascii=False): the text the stored hashes were made of.
_VERSION_JSON = dumps_unicode


def version_hash(article: Article) -> str:
    """SHA-256 over the fields that define a version of the story."""
    dateline = article.dateline
    data: list[Any] = [
        getattr(article, name) if name != "dateline" else
        (None if dateline is None else [dateline.place, dateline.outlet, dateline.text])
        for name in VERSION_FIELDS
        if name != "paragraphs"
    ]
    digest = hashlib.sha256(_VERSION_JSON(data).encode())
    # The body is hashed as raw text (unit separator before each paragraph), sparing a JSON
    # escaping pass over the biggest field.
    digest.update("\x1f".join(["", *article.paragraphs]).encode())
    return digest.hexdigest()


def quotes_hash(article: Article) -> str:
    """SHA-256 over the article's quotes (what the store keeps of each). Quotes are derived by
    the extractor, so they are no part of `version_hash`: the store compares this one to
    replace the quotes of an unchanged story when a better extractor found other ones."""
    data = [
        [q.text, q.speaker, q.speaker_title, q.verb, q.kind, q.paragraph] for q in article.quotes
    ]
    return hashlib.sha256(_VERSION_JSON(data).encode()).hexdigest()


def shingles(words: Sequence[bytes]) -> Iterable[bytes]:
    """Overlapping SHINGLE_SIZE-word strings (the whole text when it is shorter)."""
    if len(words) < SHINGLE_SIZE:
        return [b" ".join(words)] if words else []
    return map(b" ".join, zip(*(words[i:] for i in range(SHINGLE_SIZE)), strict=False))


def _powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**j and BASE_INV**j (mod 2**64) for j < at least `length`."""
    global _POWERS
    powers = _POWERS
    if len(powers[0]) >= length:
        return powers
    with _POWERS_LOCK:
        size = max(1 << 16, 1 << (length - 1).bit_length())
        with np.errstate(over="ignore"):
            up = np.cumprod(np.full(size, _BASE, dtype=np.uint64))
            down = np.cumprod(np.full(size, _BASE_INV, dtype=np.uint64))
        up = np.concatenate(([_U64(1)], up[:-1]))
        down = np.concatenate(([_U64(1)], down[:-1]))
        _POWERS = (up, down)
        return _POWERS


def shingle_hashes(body: bytes) -> np.ndarray:
    """64-bit hashes of the SHINGLE_SIZE-word shingles of a `body_bytes` text (the whole text
    when it is shorter): splitmix64(polynomial hash of the shingle's bytes + its length)."""
    return _shingle_hashes_many([body])[0]


# Bodies hashed together in one pass of numpy operations. Each numpy call costs about a
# microsecond whatever its size, and one body needs some thirty of them for a few hundred
# shingles: a group of a hundred bodies spends its time on the arithmetic instead. The bound
# keeps the power tables (two uint64 arrays of this length) at 2 MiB each.
GROUP_BYTES = 1 << 18


def _shingle_hashes_many(bodies: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_hashes` of each body, computed at once over the bodies joined by spaces:
    (all hashes, body after body; each body's shingle count).

    The polynomial hash of a slice is (prefix[end] - prefix[start]) * BASE**-start, the same
    wherever the slice sits, so a shingle hashes as it would in its body alone. A shingle runs
    from one word boundary to the SHINGLE_SIZE-th next one; a body's boundaries are the joined
    text's spaces between the two separators around it, which also end its last shingle.
    """
    joined = b" ".join(bodies)
    size = len(joined)
    data = np.frombuffer(joined, dtype=np.uint8)
    up, down = _powers(size + 1)
    # In place, into preallocated arrays: at the size of one body, each temporary costs as much
    # as the arithmetic.
    prefix = np.empty(size + 1, dtype=np.uint64)
    prefix[0] = 0
    tail = prefix[1:]
    np.multiply(data, up[:size], out=tail)
    np.cumsum(tail, out=tail)
    # Word boundaries: a virtual space before the text, every space, a virtual one after it.
    spaces = np.flatnonzero(data == 32)
    bounds = np.empty(len(spaces) + 2, dtype=np.intp)
    bounds[0] = -1
    bounds[1:-1] = spaces
    bounds[-1] = size
    # Shingles per body: one per word from the SHINGLE_SIZE-th on, at least the whole text;
    # none for an empty body. `at`: the index in `bounds` of each shingle's start boundary.
    if len(bodies) == 1:  # a revision or a one-item batch: a third fewer numpy calls
        count = max(len(bounds) - SHINGLE_SIZE, 1) if size else 0
        counts = np.full(1, count, dtype=np.intp)
        at = np.arange(count, dtype=np.intp)
        end_at = np.minimum(at + SHINGLE_SIZE, len(bounds) - 1)
    else:
        lengths = np.fromiter(map(len, bodies), dtype=np.intp, count=len(bodies))
        ends_at = np.cumsum(lengths + 1) - 1  # each body's end: the separator after it or `size`
        first = np.searchsorted(bounds, ends_at - lengths - 1)  # the boundary before each body
        last = np.searchsorted(bounds, ends_at)  # and the one after it
        counts = np.maximum(last - first - (SHINGLE_SIZE - 1), 1)
        counts[lengths == 0] = 0
        offsets = np.cumsum(counts) - counts
        at = np.arange(int(counts.sum()), dtype=np.intp)
        at += np.repeat(first - offsets, counts)  # first[k], first[k] + 1, ... for body k
        end_at = np.minimum(at + SHINGLE_SIZE, np.repeat(last, counts))
    starts = bounds[at] + 1
    ends = bounds[end_at]
    h = prefix[ends]
    h -= prefix[starts]
    h *= down[starts]
    h += (ends - starts).astype(np.uint64)
    h += _GOLDEN
    h ^= h >> _SHIFT30
    h *= _MIX1
    h ^= h >> _SHIFT27
    h *= _MIX2
    h ^= h >> _SHIFT31
    return h, counts


def minhash_body(body: bytes) -> tuple[int, ...]:
    """One-permutation MinHash signature of a `body_bytes` text: NUM_BINS values (the high 32
    bits of the least shingle hash whose low bits chose the bin; EMPTY_BIN where none fell)."""
    return tuple(_minhash_bins([body])[0].tolist())


def minhash_packed(body: bytes) -> bytes:
    """`pack_signature(minhash_body(body))`, straight from the array (what the store keeps)."""
    return minhash_packed_many([body])[0]


def minhash_packed_many(bodies: Iterable[bytes]) -> list[bytes]:
    """`minhash_packed` of each body, in groups of about GROUP_BYTES (much cheaper per body)."""
    out: list[bytes] = []
    group: list[bytes] = []
    size = 0
    for body in bodies:
        if group and size + len(body) >= GROUP_BYTES:
            out += _packed(group)
            group, size = [], 0
        group.append(body)
        size += len(body) + 1
    if group:
        out += _packed(group)
    return out


def _packed(bodies: Sequence[bytes]) -> list[bytes]:
    data = _minhash_bins(bodies).astype("<u8", copy=False).tobytes()
    width = NUM_BINS * 8
    return [data[start : start + width] for start in range(0, len(data), width)]


def _minhash_bins(bodies: Sequence[bytes]) -> np.ndarray:
    """The signatures of the bodies as rows of a (len(bodies), NUM_BINS) array."""
    mins = np.full((len(bodies), NUM_BINS), EMPTY_BIN, dtype=np.uint64)
    h, counts = _shingle_hashes_many(bodies)
    if len(h):
        bins = (h & _U64(0xFFFFFFFF)) % _U64(NUM_BINS)
        if len(bodies) > 1:  # each body's bins are its row of the flattened array
            bins += np.repeat(np.arange(0, mins.size, NUM_BINS, dtype=np.uint64), counts)
        np.minimum.at(mins.reshape(-1), bins, h >> _U64(32))
    return mins


def minhash(words: Sequence[bytes]) -> tuple[int, ...]:
    """`minhash_body` from words split by `body_words`."""
    return minhash_body(b" ".join(words))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    agree = total = 0
    for x, y in zip(a, b, strict=True):
        if x == EMPTY_BIN and y == EMPTY_BIN:
            continue
        total += 1
        if x == y:
            agree += 1
    return agree / total if total else 0.0


def pack_signature(signature: Sequence[int]) -> bytes:
    return _SIGNATURE.pack(*signature)


def unpack_signature(data: bytes) -> tuple[int, ...]:
    return _SIGNATURE.unpack(data)


_BAND_WIDTH = BAND_ROWS * 8
# A packed signature cut into its bands in one C call, and the band numbers in the top bits.
_BANDS = struct.Struct(f"{_BAND_WIDTH}s" * NUM_BANDS)
_BAND_TOPS = tuple(band << 56 for band in range(NUM_BANDS))
# CRC-32 is affine: for inputs of one length, crc32(x, seed) == crc32(x) ^ a constant. So the
# second CRC of a band (started from _CRC_SEED) is the first XOR this, one zlib call instead of
# two (the keys are the same; the second CRC adds no information to them, it never did).
_SEEDED_CRC_XOR = zlib.crc32(bytes(_BAND_WIDTH), _CRC_SEED) ^ zlib.crc32(bytes(_BAND_WIDTH))


def band_hashes(signature: Sequence[int] | bytes | memoryview) -> list[int]:
    """LSH band keys, non-negative 63-bit integers (index-friendly BIGINT): the band number in
    the top bits, two CRC-32s of the band's rows below; distinct by construction. Bands with no
    shingle are skipped. Takes the signature or its packed form (`pack_signature`, or the
    stored column as a driver returns it)."""
    if isinstance(signature, bytes | memoryview):
        data = bytes(signature)
    else:
        data = _SIGNATURE.pack(*signature)
    chunks = _BANDS.unpack(data)
    return [
        top | (value << 24) | ((value ^ _SEEDED_CRC_XOR) & 0xFFFFFF)
        for top, chunk, value in zip(_BAND_TOPS, chunks, map(zlib.crc32, chunks), strict=True)
        if chunk != _EMPTY_BAND
    ]


class NormalizePipeline:
    """Second pipeline: canonical URL, whitespace and empty-value cleanup, in place."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            normalize_article(item)
        return item
