"""`sitemap`: robots.txt `Sitemap:` lines and /sitemap.xml, down to the post sitemaps.

Both layouts occur: WordPress (Yoast /sitemap_index.xml -> post-sitemap.xml, core
/wp-sitemap.xml -> wp-sitemap-posts-post-1.xml) and Ghost (/sitemap.xml -> sitemap-posts.xml).
Page, tag, author and category sitemaps are skipped. `lastmod` filters backfills by
--since/--until and feeds the incremental gate.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spektroom_crawler.classify import is_same_site
from spektroom_crawler.discovery import Link, is_post_sitemap, robots_sitemaps, sitemap_entries
from spektroom_crawler.spiders.base import SpektroomSpider

__all__ = ["SitemapSpider"]

DEFAULT_SITEMAP_PATHS = ("/sitemap.xml",)
# The conventional /sitemap.xml may not exist where robots.txt names another: not an error.
MISSING = [404, 410]


class SitemapSpider(SpektroomSpider):
    """Every article the site's sitemaps list (inside --since/--until)."""

    name = "sitemap"

    async def start(self) -> AsyncIterator[Any]:
        yield scrapy.Request(
            self.url("/robots.txt"),
            callback=self.parse_robots,
            errback=self.robots_failed,
            dont_filter=True,
        )

    def sitemap_request(self, url: str, *, optional: bool = False) -> scrapy.Request:
        meta = {"handle_httpstatus_list": MISSING} if optional else {}
        return scrapy.Request(url, callback=self.parse_sitemap, meta=meta)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        """The robots.txt sitemaps, then the conventional /sitemap.xml (duplicates are filtered)."""
        listed = robots_sitemaps(response.body, self.base_url)
        self.count("spektroom/sitemap/from_robots", len(listed))
        for url in listed:
            if not is_same_site(url, self.base_url):
                self.count("spektroom/sitemap/offsite")
            elif is_post_sitemap(url):
                yield self.sitemap_request(url)
        for path in DEFAULT_SITEMAP_PATHS:
            yield self.sitemap_request(self.url(path), optional=True)

    def robots_failed(self, failure: Any) -> Iterator[scrapy.Request]:
        """No robots.txt: fall back to the conventional sitemap locations."""
        self.logger.warning("robots.txt unavailable (%s); trying /sitemap.xml", failure.value)
        for path in DEFAULT_SITEMAP_PATHS:
            yield self.sitemap_request(self.url(path))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status in MISSING:
            self.count("spektroom/sitemap/missing")
            return
        kind, links = sitemap_entries(response.body, self.base_url)
        if kind == "index":
            yield from self._follow_index(links)
        elif kind == "urlset":
            self.count("spektroom/sitemap/urlsets")
            yield from self.article_requests(self.article_links(links, "sitemap"))
        else:
            self.count("spektroom/sitemap/unreadable")
            self.logger.warning("not a sitemap: %s", response.url)

    def _follow_index(self, links: list[Link]) -> Iterator[scrapy.Request]:
        for link in links:
            if not is_same_site(link.url, self.base_url):
                self.count("spektroom/sitemap/offsite")
            elif not is_post_sitemap(link.url):
                self.count("spektroom/sitemap/ignored")
            elif self.since and link.lastmod and link.lastmod < self.since:
                # Nothing in a sub-sitemap is newer than its own lastmod.
                self.count("spektroom/sitemap/older_than_since")
            else:
                yield self.sitemap_request(link.url)
