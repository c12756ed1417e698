"""Link discovery from robots.txt, sitemaps, feeds and listing pages; date bounds."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest
from parsel import Selector

from spektroom_crawler.discovery import (
    WIB,
    Link,
    feed_entries,
    is_post_sitemap,
    listing_entries,
    listing_links,
    next_page_url,
    parse_bound,
    parse_lastmod,
    robots_sitemaps,
    sitemap_entries,
)
from tests.crawl_samples import (
    ATOM_FEED,
    BASE,
    GHOST_SITEMAP_INDEX,
    ROBOTS_TXT,
    RSS_FEED,
    WP_POST_SITEMAP,
    WP_SITEMAP_INDEX,
    listing_page,
)

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-26T19:45:00+07:00", dt.datetime(2025, 11, 26, 12, 45, tzinfo=UTC)),
        ("2025-12-01T02:15:00.000Z", dt.datetime(2025, 12, 1, 2, 15, tzinfo=UTC)),
        ("2025-11-26", dt.datetime(2025, 11, 26, tzinfo=WIB)),
        ("2025-11-26T10:00:00", dt.datetime(2025, 11, 26, 10, tzinfo=WIB)),
        ("Thu, 04 Dec 2025 02:20:00 +0000", dt.datetime(2025, 12, 4, 2, 20, tzinfo=UTC)),
        ("Thu, 04 Dec 2025 09:20:00 GMT", dt.datetime(2025, 12, 4, 9, 20, tzinfo=UTC)),
        ("  2025-11-26T19:45:00+0700 ", dt.datetime(2025, 11, 26, 12, 45, tzinfo=UTC)),
        (None, None),
        ("", None),
        ("   ", None),
        ("kemarin sore", None),
        ("2025-13-45", None),
        ("Sabtu, 29 November 2025 - 19:45 WIB", None),  # visible text is extraction's job
    ],
)
def test_parse_lastmod(text: str | None, expected: dt.datetime | None) -> None:
    assert parse_lastmod(text) == expected


def test_parse_bound() -> None:
    assert parse_bound("2025-11-26") == dt.datetime(2025, 11, 26, tzinfo=WIB)
    end = parse_bound("2025-11-26", end=True)
    assert end is not None and end.date() == dt.date(2025, 11, 26)
    assert end > dt.datetime(2025, 11, 26, 23, 59, 59, tzinfo=WIB)
    assert parse_bound("2025-11-26T10:00:00Z") == dt.datetime(2025, 11, 26, 10, tzinfo=UTC)
    assert parse_bound(None) is None and parse_bound("  ") is None
    with pytest.raises(ValueError, match="not a date"):
        parse_bound("kemarin")
    with pytest.raises(ValueError):
        parse_bound("2025-02-30")


def test_robots_sitemaps() -> None:
    assert robots_sitemaps(ROBOTS_TXT, BASE) == [
        "https://spektroom.co.id/sitemap_index.xml",
        "https://spektroom.co.id/news-sitemap.xml",
    ]
    assert robots_sitemaps(b"User-agent: *\nDisallow:\n", BASE) == []
    assert robots_sitemaps(None, BASE) == []
    assert robots_sitemaps(b"\xff\xfe garbage", BASE) == []


@pytest.mark.parametrize(
    ("url", "is_post"),
    [
        ("https://spektroom.co.id/post-sitemap.xml", True),
        ("https://spektroom.co.id/post-sitemap2.xml", True),
        ("https://spektroom.co.id/sitemap-posts.xml", True),
        ("https://spektroom.co.id/wp-sitemap-posts-post-1.xml", True),
        ("https://spektroom.co.id/news-sitemap.xml", True),
        ("https://spektroom.co.id/sitemap.xml", True),
        ("https://spektroom.co.id/sitemap_index.xml", True),
        ("https://spektroom.co.id/page-sitemap.xml", False),
        ("https://spektroom.co.id/sitemap-pages.xml", False),
        ("https://spektroom.co.id/category-sitemap.xml", False),
        ("https://spektroom.co.id/post_tag-sitemap.xml", False),
        ("https://spektroom.co.id/sitemap-tags.xml", False),
        ("https://spektroom.co.id/author-sitemap.xml", False),
        ("https://spektroom.co.id/sitemap-authors.xml", False),
        ("https://spektroom.co.id/wp-sitemap-posts-page-1.xml", False),
        ("https://spektroom.co.id/wp-sitemap-taxonomies-category-1.xml", False),
        ("https://spektroom.co.id/wp-sitemap-users-1.xml", False),
    ],
)
def test_is_post_sitemap(url: str, is_post: bool) -> None:
    assert is_post_sitemap(url) is is_post


def test_sitemap_index_and_urlset() -> None:
    kind, links = sitemap_entries(WP_SITEMAP_INDEX, BASE)
    assert kind == "index"
    assert links[0] == Link(
        "https://spektroom.co.id/post-sitemap.xml", dt.datetime(2025, 12, 4, 2, 20, tzinfo=UTC)
    )
    assert len(links) == 7 and links[3].lastmod is None
    kind, links = sitemap_entries(WP_POST_SITEMAP, BASE)
    assert kind == "urlset"
    assert [link.url for link in links][1] == (
        "https://spektroom.co.id/2025/12/04/bupati-agam-resmikan-jembatan-gantung/"
    )
    assert links[3].lastmod == dt.datetime(2025, 11, 26, tzinfo=WIB)
    assert links[4].lastmod is None  # no <lastmod>
    # image:loc children are not page URLs
    assert all("wp-content" not in link.url for link in links)
    kind, links = sitemap_entries(GHOST_SITEMAP_INDEX, BASE)
    assert kind == "index" and len(links) == 4


def test_sitemap_gzip_and_garbage() -> None:
    kind, links = sitemap_entries(gzip.compress(WP_POST_SITEMAP), BASE)
    assert kind == "urlset" and len(links) == 6
    assert sitemap_entries(b"", BASE) == ("", [])
    assert sitemap_entries(None, BASE) == ("", [])
    assert sitemap_entries(b"<html><body>Not found</body></html>", BASE) == ("", [])
    assert sitemap_entries(b"\x1f\x8b broken gzip", BASE) == ("", [])
    # Truncated XML still yields the complete entries before the cut.
    kind, links = sitemap_entries(WP_POST_SITEMAP[: len(WP_POST_SITEMAP) // 2], BASE)
    assert kind == "urlset" and 1 <= len(links) < 6
    # XXE: external entities are never resolved.
    xxe = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url></urlset>"""
    assert all("root:" not in link.url for link in sitemap_entries(xxe, BASE)[1])


def test_feed_entries_rss_and_atom() -> None:
    links = feed_entries(RSS_FEED, BASE)
    assert [link.url for link in links] == [
        "https://spektroom.co.id/2025/12/04/bupati-agam-resmikan-jembatan-gantung/"
        "?utm_source=rss&utm_medium=rss",
        "https://spektroom.co.id/2025/11/29/polda-kalbar-ungkap-kasus-tppo/",
        "https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/",
        "https://www.antaranews.com/berita/5012345/banjir-sintang",
    ]
    assert links[1].lastmod == dt.datetime(2025, 11, 29, 12, 45, tzinfo=UTC)
    atom = feed_entries(ATOM_FEED, BASE)
    assert [link.url for link in atom] == [
        "https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/",
        "https://spektroom.co.id/warga-sintang-gotong-royong/",
    ]
    # Atom <updated> wins over <published>
    assert atom[0].lastmod == dt.datetime(2025, 12, 1, 2, 15, tzinfo=UTC)
    assert feed_entries(b"", BASE) == [] and feed_entries(b"<html></html>", BASE) == []


def test_listing_entries_dates_and_filtering() -> None:
    page = listing_page(
        [
            ("/2025/12/04/bupati-agam-resmikan-jembatan-gantung/", "2025-12-04T10:20:00+08:00"),
            ("https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/?utm_source=home", None),
            ("/2025/11/29/polda-kalbar-ungkap-kasus-tppo/", None),
        ],
        next_href="/page/2/",
    )
    sel = Selector(text=page.decode())
    links = listing_entries(sel, f"{BASE}/", BASE)
    assert [link.url for link in links] == [
        "https://spektroom.co.id/2025/12/04/bupati-agam-resmikan-jembatan-gantung/",
        "https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/?utm_source=home",
        "https://spektroom.co.id/2025/11/29/polda-kalbar-ungkap-kasus-tppo/",
    ]
    assert links[0].lastmod == dt.datetime(2025, 12, 4, 2, 20, tzinfo=UTC)
    assert links[1].lastmod is None
    assert links[2].lastmod == dt.datetime(2025, 11, 29, tzinfo=WIB)  # from the permalink
    assert next_page_url(sel, f"{BASE}/") == f"{BASE}/page/2/"
    followed = list(listing_links(sel, f"{BASE}/", BASE))
    assert f"{BASE}/category/daerah/" in followed and f"{BASE}/tag/banjir/" in followed
    assert f"{BASE}/author/apolonius/" in followed
    assert not any("facebook" in u or "redaksi" in u or "wp-content" in u for u in followed)


def test_listing_entries_empty_and_garbage() -> None:
    assert listing_entries(Selector(text="<html></html>"), f"{BASE}/", BASE) == []
    assert listing_entries(Selector(text="\x00\x01 garbage"), f"{BASE}/", BASE) == []
    assert next_page_url(Selector(text="<html></html>"), f"{BASE}/") is None


def test_article_page_links_are_not_dated_by_the_article() -> None:
    page = listing_page(
        [("/2025/12/04/bupati-agam-resmikan-jembatan-gantung/", "2025-12-04T10:20:00+08:00")],
        next_href=None,
    ).replace(b"Judul berita", b'Baca juga <a href="/wagub-kalbar-tinjau-banjir-sintang/">x</a>')
    sel = Selector(text=page.decode())
    as_listing = dict((link.url, link.lastmod) for link in listing_entries(sel, f"{BASE}/", BASE))
    as_article = {
        link.url: link.lastmod for link in listing_entries(sel, f"{BASE}/", BASE, cards=False)
    }
    wagub = f"{BASE}/wagub-kalbar-tinjau-banjir-sintang/"
    assert as_listing[wagub] is not None  # inside a dated card
    assert as_article[wagub] is None  # an article's own date does not date its links
    assert as_article[f"{BASE}/2025/12/04/bupati-agam-resmikan-jembatan-gantung/"] == (
        dt.datetime(2025, 12, 4, tzinfo=WIB)
    )
