"""`feed`: the RSS/Atom feeds (/feed/ on WordPress, /rss/ on Ghost), for frequent runs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spektroom_crawler.discovery import feed_entries
from spektroom_crawler.spiders.base import SpektroomSpider

__all__ = ["FeedSpider"]

FEED_PATHS = ("/feed/", "/rss/")
# A site has one of the two (WordPress /feed/, Ghost /rss/): the other's 404 is expected, not an
# error to report on every 15-minute run.
MISSING = [404, 410]


class FeedSpider(SpektroomSpider):
    """The articles in the site's feeds that are new or changed since the last run."""

    name = "feed"

    async def start(self) -> AsyncIterator[Any]:
        for path in FEED_PATHS:
            yield scrapy.Request(
                self.url(path), callback=self.parse_feed, meta={"handle_httpstatus_list": MISSING}
            )

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status in MISSING:
            self.count("spektroom/feed/missing")
            self.logger.info("no feed at %s (%s)", response.url, response.status)
            return
        links = feed_entries(response.body, self.base_url)
        if not links:
            self.count("spektroom/feed/empty_or_unreadable")
            self.logger.warning("no feed items in %s", response.url)
            return
        self.count("spektroom/feed/items", len(links))
        yield from self.article_requests(self.article_links(links, "feed"))
