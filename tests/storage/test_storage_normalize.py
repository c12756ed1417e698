"""Whitespace/Unicode normalization and the content hashes built on it."""

from __future__ import annotations

import pytest

from pipelines.dedupe import (
    band_hashes,
    content_fingerprint,
    minhash,
    normalize_article,
    normalize_text,
    version_hash,
)
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
    ],
)
def test_normalize_text(raw: object, clean: str | None) -> None:
    assert normalize_text(raw) == clean  # type: ignore[arg-type]


def test_normalize_paragraphs_like_normalize_text() -> None:
    raw = ["  “Kami\u00a0siap,”  ujar\u200b Sukardi. ", "", "Cafe\u0301", "\u200b", "Baris\nbaru"]
    article = normalize_article(tppo_article(paragraphs=list(raw)))
    assert article.paragraphs == [t for t in map(normalize_text, raw) if t]
    assert article.paragraphs == ["“Kami siap,” ujar Sukardi.", "Café", "Baris baru"]


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
