"""`listing`: the homepage and its /page/N/ pagination, plus section, tag and author pages.

Each listing is paged until a whole page is older than --since, a page lists no article, or
--max-pages pages of that listing were read. Article links on fetched articles ("Baca juga",
"Berita terkait", links in the text) are followed too, so articles that dropped off every listing
are still found; off-site links never are.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse

from spektroom_crawler.classify import UrlKind, classify_url
from spektroom_crawler.discovery import Link, listing_entries, listing_links, next_page_url
from spektroom_crawler.spiders.base import SpektroomSpider, parse_bool

__all__ = ["ListingSpider", "page_number"]

PAGE_RE = re.compile(r"/page/(\d+)/?$")
FOLLOWED_KINDS = frozenset({UrlKind.SECTION, UrlKind.AUTHOR})


def page_number(url: str) -> int:
    """The /page/N/ number of a listing URL (1 without one)."""
    match = PAGE_RE.search(url.split("?", 1)[0].split("#", 1)[0])
    return int(match.group(1)) if match else 1


class ListingSpider(SpektroomSpider):
    """Articles reachable from the homepage and the section/tag/author listings."""

    name = "listing"

    def __init__(
        self,
        *args: Any,
        listings: str | None = None,
        follow_sections: str | bool = True,
        follow_article_links: str | bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.follow_article_links = parse_bool(follow_article_links)
        # Comma-separated listing paths to start from (default: the homepage).
        self.start_paths = [p.strip() for p in (listings or "/").split(",") if p.strip()]
        self.follow_sections = parse_bool(follow_sections)

    def extra_arguments(self) -> dict[str, Any]:
        return {
            "listings": self.start_paths,
            "follow_sections": self.follow_sections,
            "follow_article_links": self.follow_article_links,
        }

    async def start(self) -> AsyncIterator[Any]:
        for path in self.start_paths:
            yield self.listing_request(self.url(path), page_number(path))

    def listing_request(self, url: str, page: int) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing, meta={"listing_page": page})

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            self.count("spektroom/listing/not_html")
            return
        self.count("spektroom/listing/pages")
        page = int(response.meta.get("listing_page", page_number(response.url)))
        links = listing_entries(response.selector, response.url, self.base_url)
        yield from self.article_requests(self.window(self.dated(links), "listing"))
        if self.follow_sections:
            for url in listing_links(response.selector, response.url, self.base_url):
                if classify_url(url, self.base_url) in FOLLOWED_KINDS and page_number(url) == 1:
                    yield self.listing_request(url, 1)
        if self.stop_paging(links, page):
            return
        # Only a page that links its successor (rel=next) has one: guessing /page/N+1/ would
        # cost a 404 at the end of every listing.
        next_url = next_page_url(response.selector, response.url)
        if next_url is None:
            self.count("spektroom/listing/stopped_last_page")
            return
        yield self.listing_request(next_url, page + 1)

    def parse_article(self, response: Response) -> Iterator[Any]:
        """The article, then the article links on it (through the window and the gate)."""
        found = False
        for item in super().parse_article(response):
            found = True
            yield item
        if found and self.follow_article_links and isinstance(response, TextResponse):
            links = listing_entries(response.selector, response.url, self.base_url, cards=False)
            yield from self.article_requests(self.window(self.dated(links), "article_links"))

    def dated(self, links: list[Link]) -> list[Link]:
        """With --since/--until, only links the page dates: "Terpopuler" sidebars and "Baca juga"
        links reach far into the past, and an undated link cannot be placed in the window."""
        if self.since is None and self.until is None:
            return links
        kept = [link for link in links if link.lastmod is not None]
        self.count("spektroom/listing/undated_skipped", len(links) - len(kept))
        return kept

    def stop_paging(self, links: list[Link], page: int) -> bool:
        """True after the last useful page of this listing."""
        if not links:
            self.count("spektroom/listing/stopped_empty")
            return True
        dated = [link.lastmod for link in links if link.lastmod is not None]
        if self.since is not None and dated and max(dated) < self.since:
            self.count("spektroom/listing/stopped_since")
            return True
        if self.max_pages is not None and page >= self.max_pages:
            self.count("spektroom/listing/stopped_max_pages")
            return True
        return False
