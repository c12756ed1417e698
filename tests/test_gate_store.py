"""The incremental gate against a real SQLite store: what is stored is not fetched again."""

from __future__ import annotations

import datetime as dt

import pytest
from scrapy.utils.test import get_crawler

from pipelines.db.store import ArticleStore
from spektroom_crawler.discovery import Link
from spektroom_crawler.gate import IncrementalGate
from spektroom_crawler.record import Article
from spektroom_crawler.spiders.sitemap import SitemapSpider

BASE = "https://spektroom.co.id"
FETCHED = dt.datetime(2025, 12, 1, 3, 0, tzinfo=dt.UTC)


def article(slug: str, lastmod: str | None, modified: str | None = None) -> Article:
    url = f"{BASE}/{slug}/"
    return Article(
        url=url,
        canonical_url=url,
        headline=f"Berita {slug.replace('-', ' ')}",
        published_at="2025-11-26T10:00:00+07:00",
        modified_at=modified,
        paragraphs=[
            f"PONTIANAK, Spektroom – Warga {slug} menggelar gotong royong membersihkan parit "
            "pada Rabu (26/11/2025) pagi menjelang musim hujan.",
            "Kegiatan itu diikuti sekitar seratus warga dari tiga rukun tetangga.",
        ],
        fetched_url=url,
        fetched_at=FETCHED.isoformat(),
        lastmod=lastmod,
    )


@pytest.fixture()
def store(sqlite_url: str):  # type: ignore[no-untyped-def]
    opened = ArticleStore.open(sqlite_url)
    opened.save(
        [
            article("warga-sungai-raya-gotong-royong", "2025-11-29T12:45:00+00:00"),
            article("banjir-rob-di-pontianak-utara", None),
            article("harga-cabai-naik-jelang-nataru", None, "2025-11-30T08:00:00+07:00"),
        ],
        now=FETCHED,
    )
    yield opened
    opened.close()


def test_gate_with_sqlite_store(store) -> None:  # type: ignore[no-untyped-def]
    crawler = get_crawler(SitemapSpider)
    gate = IncrementalGate(store, stats=crawler.stats)
    older = dt.datetime(2025, 11, 29, 12, 45, tzinfo=dt.UTC)
    links = [
        # stored, same lastmod: skipped
        Link(f"{BASE}/warga-sungai-raya-gotong-royong/", older),
        # stored, the sitemap says it changed since: fetched
        Link(
            f"{BASE}/banjir-rob-di-pontianak-utara/?utm_source=wa", FETCHED + dt.timedelta(hours=1)
        ),
        # stored, no date from the source: skipped
        Link(f"{BASE}/harga-cabai-naik-jelang-nataru/amp/"),
        # stored modified_at is newer than this lastmod: skipped
        Link(f"{BASE}/harga-cabai-naik-jelang-nataru/", dt.datetime(2025, 11, 29, tzinfo=dt.UTC)),
        # new
        Link(f"{BASE}/festival-danau-sentarum-2025/", older),
    ]
    admitted = [link.url for link in gate.admit(links)]
    assert admitted == [
        f"{BASE}/banjir-rob-di-pontianak-utara/?utm_source=wa",
        f"{BASE}/festival-danau-sentarum-2025/",
    ]
    stats = crawler.stats
    assert stats.get_value("spektroom/gate/skipped") == 2
    assert stats.get_value("spektroom/gate/refetched_newer") == 1
    assert stats.get_value("spektroom/gate/new") == 1
    assert stats.get_value("spektroom/gate/queries") == 1
    assert IncrementalGate(store, refresh=True).admit(links[:1]) == links[:1]


def test_page_with_another_canonical_url_is_not_fetched_again(sqlite_url: str) -> None:
    """The sitemap lists an address the page does not call canonical: the page is stored under
    its canonical URL, and the next crawl still recognizes the sitemap's address as stored."""
    sitemap_url = f"{BASE}/2025/11/festival-danau-sentarum"  # the page says /festival-.../
    page = article("festival-danau-sentarum-2025", None)
    page.url = page.fetched_url = sitemap_url
    with ArticleStore.open(sqlite_url) as opened:
        first = IncrementalGate(opened)
        assert first.admit([Link(sitemap_url)]) == [Link(sitemap_url)]  # not stored yet
        assert opened.save([page], now=FETCHED)[0].canonical_url == page.canonical_url
        crawler = get_crawler(SitemapSpider)
        again = IncrementalGate(opened, stats=crawler.stats)
        newer = FETCHED + dt.timedelta(days=1)
        assert again.admit([Link(sitemap_url + "?utm_source=wa"), Link(page.canonical_url)]) == []
        assert crawler.stats.get_value("spektroom/gate/skipped") == 2
        assert crawler.stats.get_value("spektroom/gate/queries") == 1
        # A newer sitemap date still brings it back.
        assert IncrementalGate(opened).admit([Link(sitemap_url, newer)]) == [
            Link(sitemap_url, newer)
        ]
