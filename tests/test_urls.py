"""canonicalize_url: the already-canonical fast path agrees with the full normalization."""

from __future__ import annotations

import pytest

from spektroom_crawler.urls import CANONICAL_URL_RE, canonicalize_url


@pytest.mark.parametrize(
    "url",
    [
        "https://spektroom.co.id/banjir-rob-genangi-pesisir-sambas/",
        "https://spektroom.co.id/2025/08/15/bupati-sintang-resmikan-jembatan/",
    ],
)
def test_canonical_url_is_returned_as_is(url: str) -> None:
    assert CANONICAL_URL_RE.fullmatch(url)
    assert canonicalize_url(url) == url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Each breaks one condition of the fast path and is still normalized in full.
        ("https://www.spektroom.co.id/berita/", "https://spektroom.co.id/berita/"),
        ("https://Spektroom.co.id/berita/", "https://spektroom.co.id/berita/"),
        ("http://spektroom.co.id/berita/", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id/berita", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id//berita/", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id/berita/amp/", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id/amp/berita/", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id/berita/?utm_source=fb", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id/berita/#komentar", "https://spektroom.co.id/berita/"),
        (" https://spektroom.co.id/berita/\n", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id:443/berita/", "https://spektroom.co.id/berita/"),
        ("https://spektroom.co.id", "https://spektroom.co.id/"),
        ("http://127.0.0.1:8000/berita/", "http://127.0.0.1:8000/berita/"),
    ],
)
def test_non_canonical_urls_are_normalized(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_bad_input() -> None:
    assert canonicalize_url("") == "https:///"
    with pytest.raises(ValueError):
        canonicalize_url("https://[bad/berita/")
