"""Whitespace/Unicode normalization and the content hashes built on it."""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import replace
from typing import Any

import pytest

from pipelines.dedupe import (
    _nfc_inert,
    _normalize_texts,
    band_hashes,
    content_fingerprint,
    is_normalized_article,
    minhash,
    normalize_article,
    normalize_text,
    version_hash,
)
from spektroom_crawler.record import Article, Dateline
from tests.factories import tppo_article


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, None),
        ("", None),
        ("   \n\t ", None),
        ("\u200b\ufeff", None),
        ("Bupati  Agam\u00a0meninjau\tbanjir", "Bupati Agam meninjau banjir"),
        ("Jum\u200bat (15/8/2025)", "Jumat (15/8/2025)"),
        ("Kapuas\u2009Hulu\u3000–\u202fSpektroom", "Kapuas Hulu – Spektroom"),
        ("Cafe\u0301 Pontianak", "Café Pontianak"),  # NFD -> NFC
        ("  baris satu\r\nbaris dua  ", "baris satu baris dua"),
        (12345, "12345"),
        # Controls go (PostgreSQL refuses a NUL in any text), whitespace ones become a space.
        ("Kapuas\x00 Hulu\x07", "Kapuas Hulu"),
        ("warna \x1b[0m\x7f hijau", "warna [0m hijau"),
        ("\x00\x08", None),
        ("Café\x00 Pontianak", "Café Pontianak"),
        # A lone surrogate (an escape cut from its pair) becomes U+FFFD; a pair, its character.
        ("Banjir Sintang \ud83d", "Banjir Sintang \ufffd"),
        ("\ud83d\ude00 Kapuas \udc00", "\U0001f600 Kapuas \ufffd"),
    ],
)
def test_normalize_text(raw: object, clean: str | None) -> None:
    assert normalize_text(raw) == clean  # type: ignore[arg-type]


def test_normalize_paragraphs_like_normalize_text() -> None:
    raw = ["  “Kami\u00a0siap,”  ujar\u200b Sukardi. ", "", "Cafe\u0301", "\u200b", "Baris\nbaru"]
    article = normalize_article(tppo_article(paragraphs=list(raw)))
    assert article.paragraphs == [t for t in map(normalize_text, raw) if t]
    assert article.paragraphs == ["“Kami siap,” ujar Sukardi.", "Café", "Baris baru"]
    # Controls and surrogates, in an ASCII body and in one with other non-ASCII characters.
    for raw in (
        ["Banjir \ud83d", "a\x00b \x07 c", "\x00"],
        ["“Banjir” \ud83d", "a\x00b – \x07 c", "Cafe\x00\u0301"],
    ):
        article = normalize_article(tppo_article(paragraphs=list(raw)))
        assert article.paragraphs == [t for t in map(normalize_text, raw) if t]
        assert "".join(article.paragraphs).isprintable()


def test_normalization_is_idempotent_and_keeps_hashes() -> None:
    once = normalize_article(tppo_article())
    hashes = (version_hash(once), content_fingerprint(once.paragraphs))
    twice = normalize_article(once)
    assert (version_hash(twice), content_fingerprint(twice.paragraphs)) == hashes


def test_fingerprint_ignores_case_and_spacing_but_not_words() -> None:
    base = ["Banjir merendam tiga nagari.", "Warga mengungsi."]
    assert content_fingerprint(base) == content_fingerprint(
        ["BANJIR  merendam tiga", "nagari. Warga mengungsi."]
    )
    assert content_fingerprint(base) != content_fingerprint(
        ["Banjir merendam empat nagari.", "Warga mengungsi."]
    )


def test_version_hash_sees_bylines_dates_and_body() -> None:
    base = version_hash(tppo_article())
    assert version_hash(tppo_article()) == base
    assert version_hash(tppo_article(authors=["Julianto"])) != base
    assert version_hash(tppo_article(published_at="2025-11-29T20:00:00+07:00")) != base
    assert version_hash(tppo_article(paragraphs=tppo_article().paragraphs[:-1])) != base
    # Crawl-to-crawl noise is not a new version.
    assert version_hash(tppo_article(related_urls=[], fetched_at=None, warnings=["x"])) == base


def test_signatures_of_short_and_empty_bodies() -> None:
    assert band_hashes(minhash([])) == []
    short = minhash([b"banjir"])
    assert len(band_hashes(short)) == 1  # one shingle fills one bin, hence one band
    assert all(0 <= band < 2**63 for band in band_hashes(minhash(b"a b c d e f g".split())))


def _dirty_variants() -> list[tuple[str, Any]]:
    """One article per kind of dirt, in every place normalization looks."""
    article = tppo_article()
    texts = {
        "double space": "Kapuas  Hulu",
        "leading space": " Kapuas Hulu",
        "trailing space": "Kapuas Hulu ",
        "empty": "",
        "newline": "Kapuas\nHulu",
        "tab": "Kapuas\tHulu",
        "unit separator": "Kapuas\x1fHulu",
        "nbsp": "Kapuas\u00a0Hulu",
        "thin space": "Kapuas\u2009Hulu",
        "ideographic space": "Kapuas\u3000Hulu",
        "zero width": "Kapuas\u200bHulu",
        "soft hyphen": "Kapu\u00adas Hulu",
        "bom": "\ufeffKapuas Hulu",
        "nfd": "Cafe\u0301 Kapuas",
        "whitespace only": " \u00a0 ",
        "nul": "Kapuas\x00Hulu",
        "bell": "Kapuas Hulu\x07",
        "delete": "\x7fKapuas Hulu",
        "lone surrogate": "Kapuas Hulu \ud83d",
        "lone surrogate, non-ASCII": "Kapuas – Hulu \udc00",
        "nul before a combining mark": "Cafe\x00\u0301 Kapuas",
    }
    variants: list[tuple[str, Any]] = []
    for label, text in texts.items():
        variants += [
            (f"headline {label}", replace(article, headline=text)),
            (f"lastmod {label}", replace(article, lastmod=text)),
            (f"paragraph {label}", replace(article, paragraphs=[*article.paragraphs, text])),
            (f"tag {label}", replace(article, tags=[text, *article.tags])),
            (f"warning {label}", replace(article, warnings=[text])),
            (f"related {label}", replace(article, related_urls=[text])),
            (f"dateline {label}", replace(article, dateline=Dateline("Agam", text, text))),
            (
                f"quote {label}",
                replace(article, quotes=[replace(q, text=text, verb=text) for q in article.quotes]),
            ),
            (
                f"speaker {label}",
                replace(article, quotes=[replace(q, speaker=text) for q in article.quotes]),
            ),
        ]
    variants += [
        ("repeated tag", replace(article, tags=["TPPO", "tppo"])),
        ("repeated author", replace(article, authors=["Apolonius", "APOLONIUS"])),
        ("tuple of tags", replace(article, tags=("TPPO",))),
        ("None paragraph", replace(article, paragraphs=[None, *article.paragraphs])),
        ("None author", replace(article, authors=[None, "Apolonius"])),
        ("number headline", replace(article, headline=12345)),
        ("None quote text", replace(article, quotes=[replace(article.quotes[0], text=None)])),
        ("None dateline text", replace(article, dateline=Dateline("Agam", None, None))),
        # The check joins every text; with no dateline or quote a warning comes last.
        ("last text trailing space", replace(article, dateline=None, quotes=[], warnings=["x "])),
    ]
    return variants


@pytest.mark.parametrize(("label", "dirty"), _dirty_variants(), ids=lambda v: str(v)[:40])
def test_clean_article_check_sees_every_dirt(label: str, dirty: Article) -> None:
    """The fast path (`is_normalized_article`) must never skip a text that needs cleaning: the
    result equals a full normalization, and is itself recognized as clean."""
    assert not is_normalized_article(dirty), label
    fast = normalize_article(copy.deepcopy(dirty))
    slow = copy.deepcopy(dirty)
    _normalize_texts(slow)
    slow.canonical_url = fast.canonical_url
    assert fast == slow
    assert is_normalized_article(fast)
    assert normalize_article(copy.deepcopy(fast)) == fast


def test_clean_article_is_left_alone() -> None:
    article = normalize_article(tppo_article())
    assert is_normalized_article(article)
    quotes, paragraphs = article.quotes, article.paragraphs
    assert normalize_article(article) is article
    assert article.quotes is quotes and article.paragraphs is paragraphs
    # Non-ASCII text that is clean (curly quotes, en dash, accented NFC letters) stays clean.
    assert is_normalized_article(replace(article, headline="“Café” – Kapuas Hulu"))


def test_nfc_inert_characters_never_compose() -> None:
    """`_nfc_inert` trusts every class-0, self-normalized character below U+0900 and in
    U+2000-U+206F: none of them may be the second character of a canonical composition."""
    seconds: set[str] = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    trusted = [
        chr(code)
        for code in (*range(0x80, 0x900), *range(0x2000, 0x2070))
        if _nfc_inert({chr(code)})
    ]
    assert "–" in trusted and "“" in trusted and "é" in trusted
    assert not seconds.intersection(trusted)
    assert not seconds.intersection(map(chr, range(0x80)))  # ASCII never composes either
    assert not _nfc_inert({"\u0301"}) and not _nfc_inert({"\u093e"})  # acute accent, vowel sign
    # A combining accent after an ASCII letter is caught by the full check.
    assert not is_normalized_article(replace(tppo_article(), headline="Cafe\u0301"))
