"""Canonical URLs: one article per canonical URL, whatever variant the crawl met."""

from __future__ import annotations

import pytest

from pipelines.dedupe import canonical_url_for, same_site
from spektroom_crawler.urls import canonicalize_url
from tests.factories import tppo_article

CANON = "https://spektroom.co.id/bupati-agam-tinjau-banjir/"


@pytest.mark.parametrize(
    "variant",
    [
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir",  # trailing slash
        "http://spektroom.co.id/bupati-agam-tinjau-banjir/",  # scheme
        "https://www.spektroom.co.id/bupati-agam-tinjau-banjir/",  # www
        "https://SPEKTROOM.co.id/bupati-agam-tinjau-banjir/",  # host case
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/#komentar",  # fragment
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?utm_source=facebook&utm_medium=social",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?fbclid=IwAR0abc",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?gclid=xyz&utm_campaign=pilkada",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/amp/",  # AMP suffix
        "https://spektroom.co.id/amp/bupati-agam-tinjau-banjir/",  # AMP prefix
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?amp",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?amp=1",
        "https://spektroom.co.id//bupati-agam-tinjau-banjir//",
        "  https://spektroom.co.id/bupati-agam-tinjau-banjir/  ",
    ],
)
def test_variants_share_one_canonical_url(variant: str) -> None:
    assert canonicalize_url(variant) == CANON


@pytest.mark.parametrize(
    "different",
    [
        "https://spektroom.co.id/bupati-agam-tinjau-banjir-susulan/",
        "https://spektroom.co.id/?p=1234",
        "https://spektroom.co.id/bupati-agam-tinjau-banjir/?page=2",
        "https://spektroom.co.id/Bupati-Agam-Tinjau-Banjir/",  # paths are case-sensitive
    ],
)
def test_different_pages_stay_different(different: str) -> None:
    assert canonicalize_url(different) != CANON


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8731/berita/amp/?utm_source=x", "http://127.0.0.1:8731/berita/"),
        ("http://localhost:8000/berita", "http://localhost:8000/berita/"),
        ("https://127.0.0.1:8443/berita/", "https://127.0.0.1:8443/berita/"),
        ("http://spektroom.co.id:80/berita/", "https://spektroom.co.id/berita/"),
    ],
)
def test_loopback_mirror_keeps_its_scheme_and_port(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_declared_canonical_used_only_on_same_host() -> None:
    same = tppo_article(
        url="https://spektroom.co.id/amp/lama/", canonical_url="https://www.spektroom.co.id/baru/"
    )
    other = tppo_article(
        url="https://spektroom.co.id/berita/", canonical_url="https://kompas.com/berita/"
    )
    relative = tppo_article(
        url="https://spektroom.co.id/berita/?utm_source=x", canonical_url="/berita-asli/"
    )
    missing = tppo_article(url="https://spektroom.co.id/berita/", canonical_url=None)
    assert canonical_url_for(same) == "https://spektroom.co.id/baru/"
    assert canonical_url_for(other) == "https://spektroom.co.id/berita/"
    assert canonical_url_for(relative) == "https://spektroom.co.id/berita-asli/"
    assert canonical_url_for(missing) == "https://spektroom.co.id/berita/"
    assert not same_site("not a url", "https://spektroom.co.id/")


def test_a_malformed_or_dirty_declared_canonical() -> None:
    """A declared canonical URL that is no URL leaves the page URL (it raised, and the item
    was lost); a NUL in one (PostgreSQL refuses it in any text) is dropped."""
    page = "https://spektroom.co.id/berita/"
    malformed = tppo_article(url=page, canonical_url="http://[bad/berita-asli/")
    assert canonical_url_for(malformed) == page
    dirty = tppo_article(url=page, canonical_url="/berita-\x00asli/")
    assert canonical_url_for(dirty) == "https://spektroom.co.id/berita-asli/"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.Spektroom.co.id/amp/berita/?utm_source=fb&b=2&a=1#komentar",
        "http://spektroom.co.id//2025/11/lama?amp=1",
        "https://spektroom.co.id/a/../b/;p?q=1",
        "http:///tanpa-host/",
    ],
)
def test_canonical_equal_to_url_takes_the_short_path_with_the_same_result(url: str) -> None:
    """canonical_url == url skips urljoin and the host check; the result must not change."""
    from urllib.parse import urljoin

    from spektroom_crawler.urls import canonicalize_url

    declared = urljoin(url, url)
    slow = canonicalize_url(declared if same_site(declared, url) else url)
    assert canonical_url_for(tppo_article(url=url, canonical_url=url)) == slow
