"""Spider request generation: responses built from bytes go into the callbacks."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from spektroom_crawler.discovery import Link
from spektroom_crawler.gate import IncrementalGate
from spektroom_crawler.record import Article
from spektroom_crawler.spiders.base import SpektroomSpider, parse_bool, validate_base_url
from spektroom_crawler.spiders.feed import FeedSpider
from spektroom_crawler.spiders.listing import ListingSpider, page_number
from spektroom_crawler.spiders.sitemap import SitemapSpider
from spektroom_crawler.spiders.urls import UrlsSpider, read_urls
from tests.conftest import PAGES
from tests.crawl_samples import (
    ATOM_FEED,
    BASE,
    GHOST_POST_SITEMAP,
    GHOST_SITEMAP_INDEX,
    ROBOTS_TXT,
    RSS_FEED,
    WP_POST_SITEMAP,
    WP_SITEMAP_INDEX,
    listing_page,
)

S = TypeVar("S", bound=SpektroomSpider)


def make_spider(cls: type[S], **kwargs: Any) -> S:
    """A spider bound to a configured crawler; refresh by default so no store is needed."""
    crawler = get_crawler(cls, {"SPEKTROOM_BASE_URL": BASE, "SPEKTROOM_REFRESH": True})
    spider = cls.from_crawler(crawler, **kwargs)
    assert isinstance(spider, cls)
    crawler.spider = spider
    return spider


def urls_of(requests: Any) -> list[str]:
    return [r.url for r in requests if isinstance(r, Request)]


def stat(spider: SpektroomSpider, key: str) -> Any:
    return spider.crawler.stats.get_value(key)  # type: ignore[union-attr]


def start_requests(spider: SpektroomSpider) -> list[Request]:
    async def collect() -> list[Request]:
        return [r async for r in spider.start()]

    return asyncio.run(collect())


# -- base ------------------------------------------------------------------------------------


def test_base_arguments_parsed_once() -> None:
    spider = make_spider(
        SitemapSpider,
        base_url="http://127.0.0.1:8123/",
        since="2025-11-01",
        until="2025-11-30",
        max_pages="3",
    )
    assert spider.base_url == "http://127.0.0.1:8123"
    assert spider.allowed_domains == ["127.0.0.1"]
    assert spider.max_pages == 3 and spider.refresh is True
    assert spider.crawl_arguments == {
        "base_url": "http://127.0.0.1:8123",
        "since": "2025-11-01",
        "until": "2025-11-30",
        "max_pages": 3,
        "refresh": True,
    }
    default = make_spider(FeedSpider)
    assert default.base_url == BASE
    assert default.allowed_domains == ["spektroom.co.id", "www.spektroom.co.id"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": "2025-12-01", "until": "2025-11-01"}, "after until"),
        ({"since": "kemarin"}, "not a date"),
        ({"max_pages": "0"}, "at least 1"),
        ({"refresh": "mungkin"}, "yes/no"),
    ],
)
def test_base_bad_arguments(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_spider(SitemapSpider, **kwargs)


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        "spektroom.co.id",
        "ftp://spektroom.co.id",
        "https://",
        "http://x:port/",
        "https://spektroom.co.id/?s=1",
    ],
)
def test_validate_base_url_rejects(url: str | None) -> None:
    with pytest.raises(ValueError):
        validate_base_url(url)


def test_validate_base_url_normalizes() -> None:
    assert validate_base_url(" https://Spektroom.co.id/ ") == "https://spektroom.co.id"
    assert validate_base_url("http://127.0.0.1:9000/berita/") == "http://127.0.0.1:9000/berita"


def test_user_agent_follows_a_later_contact_url() -> None:
    crawler = get_crawler(FeedSpider, {"SPEKTROOM_CONTACT_URL": "https://github.com/spektroom"})
    # without the project settings, Scrapy's default User-Agent is replaced too
    assert (
        crawler.settings.get("USER_AGENT")
        == "SpektroomCorpusBot/0.1 (+https://github.com/spektroom)"
    )
    from spektroom_crawler.runner import CrawlOptions, build_settings

    settings = build_settings(
        CrawlOptions(overrides={"SPEKTROOM_CONTACT_URL": "mailto:arsip@example.org"})
    )
    FeedSpider.update_settings(settings)
    assert settings.get("USER_AGENT") == "SpektroomCorpusBot/0.1 (+mailto:arsip@example.org)"
    explicit = build_settings(CrawlOptions(overrides={"USER_AGENT": "Arsip/1.0"}))
    FeedSpider.update_settings(explicit)
    assert explicit.get("USER_AGENT") == "Arsip/1.0"


def test_parse_bool() -> None:
    assert parse_bool("yes") and parse_bool(True) and parse_bool("1")
    assert not parse_bool("off") and not parse_bool("") and not parse_bool(False)


# -- sitemap ---------------------------------------------------------------------------------


def test_sitemap_start_and_robots() -> None:
    spider = make_spider(SitemapSpider)
    assert urls_of(start_requests(spider)) == [f"{BASE}/robots.txt"]
    robots = TextResponse(f"{BASE}/robots.txt", body=ROBOTS_TXT)
    assert urls_of(spider.parse_robots(robots)) == [
        f"{BASE}/sitemap_index.xml",
        f"{BASE}/news-sitemap.xml",
        f"{BASE}/sitemap.xml",
    ]
    empty = TextResponse(f"{BASE}/robots.txt", body=b"User-agent: *\nDisallow: /draft/\n")
    assert urls_of(spider.parse_robots(empty)) == [f"{BASE}/sitemap.xml"]


def test_sitemap_index_follows_post_sitemaps_only() -> None:
    spider = make_spider(SitemapSpider)
    response = XmlResponse(f"{BASE}/sitemap_index.xml", body=WP_SITEMAP_INDEX)
    assert urls_of(spider.parse_sitemap(response)) == [
        f"{BASE}/post-sitemap.xml",
        f"{BASE}/post-sitemap2.xml",
    ]
    assert stat(spider, "spektroom/sitemap/ignored") == 4
    assert stat(spider, "spektroom/sitemap/offsite") == 1
    ghost = XmlResponse(f"{BASE}/sitemap.xml", body=GHOST_SITEMAP_INDEX)
    assert urls_of(spider.parse_sitemap(ghost)) == [f"{BASE}/sitemap-posts.xml"]


def test_sitemap_index_skips_sub_sitemaps_older_than_since() -> None:
    spider = make_spider(SitemapSpider, since="2025-11-01")
    response = XmlResponse(f"{BASE}/sitemap_index.xml", body=WP_SITEMAP_INDEX)
    assert urls_of(spider.parse_sitemap(response)) == [f"{BASE}/post-sitemap.xml"]
    assert stat(spider, "spektroom/sitemap/older_than_since") == 1


def test_sitemap_urlset_articles_with_lastmod() -> None:
    spider = make_spider(SitemapSpider)
    requests = list(
        spider.parse_sitemap(XmlResponse(f"{BASE}/post-sitemap.xml", body=WP_POST_SITEMAP))
    )
    assert urls_of(requests) == [
        f"{BASE}/2025/12/04/bupati-agam-resmikan-jembatan-gantung/",
        f"{BASE}/2025/11/29/polda-kalbar-ungkap-kasus-tppo/",
        f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu/",
        f"{BASE}/2025/11/15/harga-cabai-naik-jelang-nataru/",
        f"{BASE}/2025/10/02/festival-danau-sentarum-2025/",
    ]
    first = requests[0]
    assert first.callback == spider.parse_article
    assert first.meta["spektroom_article"] is True
    assert first.meta["lastmod"] == "2025-12-04T10:20:00+08:00"
    assert requests[3].meta["lastmod"] is None
    assert stat(spider, "spektroom/sitemap/not_article_url") == 1  # the homepage


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # lastmods: 12-04 (WITA), 11-29, 11-26 (date only), none, 10-02
        ("2025-11-26", None, ["bupati", "polda", "penghargaan", "harga"]),
        ("2025-11-27", None, ["bupati", "polda", "harga"]),
        (None, "2025-11-29", ["polda", "penghargaan", "harga", "festival"]),
        ("2025-11-26", "2025-11-29", ["polda", "penghargaan", "harga"]),
        ("2025-12-05", None, ["harga"]),  # an undated entry is never filtered out
    ],
)
def test_sitemap_since_until(since: str | None, until: str | None, expected: list[str]) -> None:
    spider = make_spider(SitemapSpider, since=since, until=until)
    urls = urls_of(
        spider.parse_sitemap(XmlResponse(f"{BASE}/post-sitemap.xml", body=WP_POST_SITEMAP))
    )
    assert [u.rstrip("/").rsplit("/", 1)[-1].split("-")[0] for u in urls] == expected


def test_sitemap_ghost_urlset_and_garbage() -> None:
    spider = make_spider(SitemapSpider)
    urls = urls_of(
        spider.parse_sitemap(XmlResponse(f"{BASE}/sitemap-posts.xml", body=GHOST_POST_SITEMAP))
    )
    assert urls == [
        f"{BASE}/wagub-kalbar-tinjau-banjir-sintang/",
        f"{BASE}/warga-sintang-gotong-royong/",
    ]
    html = HtmlResponse(f"{BASE}/sitemap.xml", body=b"<html><body>404</body></html>")
    assert urls_of(spider.parse_sitemap(html)) == []
    assert stat(spider, "spektroom/sitemap/unreadable") == 1


# -- feed ------------------------------------------------------------------------------------


def test_feed_start_and_items() -> None:
    spider = make_spider(FeedSpider)
    assert urls_of(start_requests(spider)) == [f"{BASE}/feed/", f"{BASE}/rss/"]
    requests = list(spider.parse_feed(XmlResponse(f"{BASE}/feed/", body=RSS_FEED)))
    assert urls_of(requests) == [
        f"{BASE}/2025/12/04/bupati-agam-resmikan-jembatan-gantung/?utm_source=rss&utm_medium=rss",
        f"{BASE}/2025/11/29/polda-kalbar-ungkap-kasus-tppo/",
        f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu/",
    ]
    assert requests[1].meta["lastmod"] == "2025-11-29T12:45:00+00:00"
    assert stat(spider, "spektroom/feed/not_article_url") == 1
    atom = urls_of(spider.parse_feed(XmlResponse(f"{BASE}/rss/", body=ATOM_FEED)))
    assert atom == [
        f"{BASE}/wagub-kalbar-tinjau-banjir-sintang/",
        f"{BASE}/warga-sintang-gotong-royong/",
    ]


def test_feed_since_and_not_a_feed() -> None:
    spider = make_spider(FeedSpider, since="2025-11-29")
    urls = urls_of(spider.parse_feed(XmlResponse(f"{BASE}/feed/", body=RSS_FEED)))
    assert len(urls) == 2 and "penghargaan" not in " ".join(urls)
    html = HtmlResponse(f"{BASE}/rss/", body=b"<html><h1>Halaman tidak ditemukan</h1></html>")
    assert urls_of(spider.parse_feed(html)) == []
    assert stat(spider, "spektroom/feed/empty_or_unreadable") == 1


# -- listing ---------------------------------------------------------------------------------

HOME_ENTRIES = [
    ("/2025/12/04/bupati-agam-resmikan-jembatan-gantung/", "2025-12-04T10:20:00+08:00"),
    ("/wagub-kalbar-tinjau-banjir-sintang/", "2025-11-30T08:00:00Z"),
    ("/2025/11/29/polda-kalbar-ungkap-kasus-tppo/", "2025-11-29T19:45:00+07:00"),
]
OLD_ENTRIES = [
    ("/2025/10/02/festival-danau-sentarum-2025/", "2025-10-02T07:00:00Z"),
    ("/2025/09/20/harga-karet-turun/", "2025-09-20T09:00:00+07:00"),
]


def listing(
    url: str, entries: list[tuple[str, str | None]], page: int, nxt: str | None
) -> HtmlResponse:
    request = Request(url, meta={"listing_page": page})
    return HtmlResponse(url, body=listing_page(entries, next_href=nxt), request=request)


def test_listing_page_yields_articles_sections_and_next() -> None:
    spider = make_spider(ListingSpider)
    assert urls_of(start_requests(spider)) == [f"{BASE}/"]
    requests = list(spider.parse_listing(listing(f"{BASE}/", HOME_ENTRIES, 1, "/page/2/")))
    articles = [r.url for r in requests if r.meta.get("spektroom_article")]
    listings = [(r.url, r.meta["listing_page"]) for r in requests if "listing_page" in r.meta]
    assert articles == [f"{BASE}{path}" for path, _ in HOME_ENTRIES]
    assert (f"{BASE}/category/daerah/", 1) in listings
    assert (f"{BASE}/tag/banjir/", 1) in listings
    assert (f"{BASE}/author/apolonius/", 1) in listings
    assert listings[-1] == (f"{BASE}/page/2/", 2)
    # pagination of another listing is reached by paging that listing, not from here
    assert all("/category/daerah/page/2/" not in url for url, _ in listings)


def test_listing_stops_after_max_pages() -> None:
    spider = make_spider(ListingSpider, max_pages="2", follow_sections="no")
    first = urls_of(spider.parse_listing(listing(f"{BASE}/", HOME_ENTRIES, 1, "/page/2/")))
    assert first[-1] == f"{BASE}/page/2/"
    second = urls_of(spider.parse_listing(listing(f"{BASE}/page/2/", OLD_ENTRIES, 2, "/page/3/")))
    assert all("/page/" not in url for url in second) and len(second) == 2
    assert stat(spider, "spektroom/listing/stopped_max_pages") == 1


INSIDE = ("/2025/11/29/warga-sintang-gotong-royong/", "2025-11-29T09:00:00+07:00")


def test_listing_stops_when_whole_page_older_than_since() -> None:
    spider = make_spider(ListingSpider, since="2025-11-29", follow_sections="no")
    first = urls_of(spider.parse_listing(listing(f"{BASE}/", HOME_ENTRIES, 1, "/page/2/")))
    assert first == [f"{BASE}{path}" for path, _ in HOME_ENTRIES] + [f"{BASE}/page/2/"]
    # a page with some articles still inside the window goes on paging
    mixed = urls_of(
        spider.parse_listing(
            listing(f"{BASE}/page/2/", [HOME_ENTRIES[2], INSIDE, *OLD_ENTRIES], 2, "/page/3/")
        )
    )
    # the repeated article is decided already: only the new one, then the next page
    assert mixed == [f"{BASE}{INSIDE[0]}", f"{BASE}/page/3/"]
    assert stat(spider, "spektroom/gate/repeated") == 1
    old = urls_of(spider.parse_listing(listing(f"{BASE}/page/3/", OLD_ENTRIES, 3, "/page/4/")))
    assert old == []
    assert stat(spider, "spektroom/listing/stopped_since") == 1
    assert stat(spider, "spektroom/listing/outside_window") == 4


def test_listing_stops_on_the_last_or_an_empty_page() -> None:
    spider = make_spider(ListingSpider, follow_sections="no")
    urls = urls_of(spider.parse_listing(listing(f"{BASE}/tag/banjir/", HOME_ENTRIES[:1], 1, None)))
    assert urls == [f"{BASE}{HOME_ENTRIES[0][0]}"]  # no rel=next: no guessed /page/2/
    assert stat(spider, "spektroom/listing/stopped_last_page") == 1
    empty = listing(f"{BASE}/tag/banjir/page/2/", [], 2, "/tag/banjir/page/3/")
    assert urls_of(spider.parse_listing(empty)) == []
    assert stat(spider, "spektroom/listing/stopped_empty") == 1
    image = Response_like_image()
    assert urls_of(spider.parse_listing(image)) == []


def Response_like_image() -> Any:
    from scrapy.http import Response

    return Response(f"{BASE}/page/9/", body=b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("url", "number"),
    [
        (f"{BASE}/", 1),
        (f"{BASE}/page/7/", 7),
        (f"{BASE}/category/daerah/page/3/", 3),
        (f"{BASE}/tag/banjir/page/12", 12),
        (f"{BASE}/tag/banjir/page/2/?utm_source=x#top", 2),
        (f"{BASE}/2025/11/26/halaman-page-sebelas/", 1),
        ("", 1),
    ],
)
def test_page_numbers(url: str, number: int) -> None:
    assert page_number(url) == number


# -- urls ------------------------------------------------------------------------------------


def test_read_urls(tmp_path: Path) -> None:
    listing_file = tmp_path / "urls.txt"
    listing_file.write_text(
        f"# artikel untuk diarsip ulang\n{BASE}/penghargaan-untuk-kapuas-hulu/\n\n"
        f"  {BASE}/2025/11/29/polda-kalbar-ungkap-kasus-tppo/  \n",
        encoding="utf-8",
    )
    assert read_urls(f"{BASE}/a-satu/, {BASE}/b-dua/ {BASE}/a-satu/", listing_file) == [
        f"{BASE}/a-satu/",
        f"{BASE}/b-dua/",
        f"{BASE}/penghargaan-untuk-kapuas-hulu/",
        f"{BASE}/2025/11/29/polda-kalbar-ungkap-kasus-tppo/",
    ]
    assert read_urls(None, None) == [] and read_urls(" , ") == []


def test_urls_spider_rejects_offsite_and_assets() -> None:
    spider = make_spider(
        UrlsSpider,
        urls=f"{BASE}/penghargaan-untuk-kapuas-hulu/,https://www.antaranews.com/berita/1/x,"
        f"{BASE}/wp-content/uploads/foto.jpg,{BASE}/penghargaan-untuk-kapuas-hulu/amp/",
    )
    requests = start_requests(spider)
    # the AMP variant is the same article: one request
    assert urls_of(requests) == [f"{BASE}/penghargaan-untuk-kapuas-hulu/"]
    assert requests[0].meta["spektroom_article"] is True
    assert stat(spider, "spektroom/urls/rejected_offsite") == 1
    assert stat(spider, "spektroom/urls/rejected_asset") == 1
    assert spider.crawl_arguments["urls"] == 4


def test_urls_spider_needs_urls() -> None:
    with pytest.raises(ValueError, match="no URLs"):
        make_spider(UrlsSpider)


# -- the gate inside spiders -----------------------------------------------------------------


class FakeStored:
    def __init__(self, lastmod: dt.datetime | None) -> None:
        self.lastmod = lastmod
        self.modified_at = None
        self.last_fetched_at = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)


class DictLookup:
    """A lookup over a dict, recording each batch it was asked."""

    def __init__(self, stored: Mapping[str, FakeStored]) -> None:
        self.stored = stored
        self.batches: list[list[str]] = []

    def stored_versions(self, canonical_urls: Sequence[str]) -> dict[str, FakeStored]:
        self.batches.append(list(canonical_urls))
        return {u: self.stored[u] for u in canonical_urls if u in self.stored}


def test_gated_sitemap_skips_stored_and_refetches_newer() -> None:
    spider = make_spider(SitemapSpider)
    lookup = DictLookup(
        {
            # stored with an older lastmod than the sitemap's: refetched
            f"{BASE}/2025/12/04/bupati-agam-resmikan-jembatan-gantung/": FakeStored(
                dt.datetime(2025, 12, 3, tzinfo=dt.UTC)
            ),
            # stored with the same lastmod: skipped
            f"{BASE}/2025/11/29/polda-kalbar-ungkap-kasus-tppo/": FakeStored(
                dt.datetime(2025, 11, 29, 12, 45, tzinfo=dt.UTC)
            ),
            # stored, sitemap gives no lastmod: skipped
            f"{BASE}/2025/11/15/harga-cabai-naik-jelang-nataru/": FakeStored(None),
        }
    )
    spider.gate = IncrementalGate(lookup, stats=spider.crawler.stats)
    urls = urls_of(
        spider.parse_sitemap(XmlResponse(f"{BASE}/post-sitemap.xml", body=WP_POST_SITEMAP))
    )
    assert urls == [
        f"{BASE}/2025/12/04/bupati-agam-resmikan-jembatan-gantung/",
        f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu/",
        f"{BASE}/2025/10/02/festival-danau-sentarum-2025/",
    ]
    assert len(lookup.batches) == 1 and len(lookup.batches[0]) == 5  # one query per sitemap
    assert stat(spider, "spektroom/gate/skipped") == 2
    assert stat(spider, "spektroom/gate/refetched_newer") == 1
    assert stat(spider, "spektroom/gate/new") == 2


def test_gate_dedupes_variants_and_batches() -> None:
    lookup = DictLookup({})
    gate = IncrementalGate(lookup, batch_size=2)
    admitted = gate.admit(
        [
            Link(f"{BASE}/a-satu/?utm_source=wa"),
            Link(f"{BASE}/a-satu/amp/", dt.datetime(2025, 12, 1, tzinfo=dt.UTC)),
            Link(f"{BASE}/b-dua/"),
            Link(f"{BASE}/c-tiga/"),
        ]
    )
    assert [link.url for link in admitted] == [
        f"{BASE}/a-satu/?utm_source=wa",
        f"{BASE}/b-dua/",
        f"{BASE}/c-tiga/",
    ]
    assert admitted[0].lastmod == dt.datetime(2025, 12, 1, tzinfo=dt.UTC)  # newest date kept
    assert lookup.batches == [[f"{BASE}/a-satu/", f"{BASE}/b-dua/"], [f"{BASE}/c-tiga/"]]
    assert gate.admit([]) == []


def test_gate_refresh_never_asks_the_store() -> None:
    lookup = DictLookup({f"{BASE}/a-satu/": FakeStored(None)})
    gate = IncrementalGate(lookup, refresh=True)
    assert len(gate.admit([Link(f"{BASE}/a-satu/")])) == 1
    assert lookup.batches == []


# -- the article callback --------------------------------------------------------------------


def page_response(name: str, *, lastmod: str | None = None) -> HtmlResponse:
    """A saved fixture page as an article response (raw bytes: encoding detection runs)."""
    expected = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    request = Request(expected["url"], meta={"spektroom_article": True, "lastmod": lastmod})
    body = (PAGES / f"{name}.html").read_bytes()
    return HtmlResponse(expected["url"], body=body, request=request)


def test_parse_article_yields_the_record_with_crawl_metadata() -> None:
    spider = make_spider(SitemapSpider)
    response = page_response("ghost_pontianak", lastmod="2025-12-01T02:15:00+00:00")
    items = list(spider.parse_article(response))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert article.headline and article.headline.startswith("Banjir Rob Genangi")
    assert article.fetched_url == response.url
    assert article.lastmod == "2025-12-01T02:15:00+00:00"
    assert article.fetched_at and dt.datetime.fromisoformat(article.fetched_at).tzinfo
    assert stat(spider, "spektroom/pages/article") == 1


def test_parse_article_amp_page_points_at_the_canonical_article() -> None:
    spider = make_spider(SitemapSpider)
    (article,) = spider.parse_article(page_response("amp_putussibau"))
    assert article.fetched_url.endswith("/amp/")
    assert article.canonical_url == (
        "https://spektroom.co.id/2025/12/02/banjir-rendam-ratusan-rumah-di-putussibau/"
    )


@pytest.mark.parametrize("name", ["bad_listing", "bad_404", "bad_empty"])
def test_parse_article_counts_pages_that_are_not_articles(name: str) -> None:
    spider = make_spider(SitemapSpider)
    assert list(spider.parse_article(page_response(name))) == []
    assert stat(spider, "spektroom/pages/not_article") == 1
    assert stat(spider, "spektroom/pages/article") is None


def test_listing_follows_article_links_on_articles_only_inside_a_dated_window() -> None:
    spider = make_spider(ListingSpider)
    items = list(spider.parse_article(page_response("ghost_pontianak")))
    assert isinstance(items[0], Article)
    followed = [r.url for r in items[1:]]
    assert followed and all(isinstance(r, Request) for r in items[1:])
    assert all(r.meta["spektroom_article"] for r in items[1:])
    dated = make_spider(ListingSpider, since="2025-01-01")
    dated_items = list(dated.parse_article(page_response("ghost_pontianak")))
    # Ghost slugs carry no date: in a dated backfill they are not followed from articles
    assert [r.url for r in dated_items[1:]] == [
        u for u in followed if re.search(r"/20\d\d/\d\d/\d\d/", u)
    ]
