"""`feed`: the RSS/Atom feeds (/feed/ on WordPress, /rss/ on Ghost), for frequent runs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spektroom_crawler.classify import UrlKind, classify_url
from spektroom_crawler.discovery import feed_entries
from spektroom_crawler.spiders.base import SpektroomSpider

__all__ = ["FeedSpider"]

FEED_PATHS = ("/feed/", "/rss/")


class FeedSpider(SpektroomSpider):
    """The articles in the site's feeds that are new or changed since the last run."""

    name = "feed"

    async def start(self) -> AsyncIterator[Any]:
        for path in FEED_PATHS:
            yield scrapy.Request(self.url(path), callback=self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        links = feed_entries(response.body, self.base_url)
        if not links:
            self.count("spektroom/feed/empty_or_unreadable")
            self.logger.warning("no feed items in %s", response.url)
            return
        self.count("spektroom/feed/items", len(links))
        articles = []
        for link in links:
            if classify_url(link.url, self.base_url) is UrlKind.ARTICLE:
                articles.append(link)
            else:
                self.count("spektroom/feed/not_article_url")
        yield from self.article_requests(self.window(articles, "feed"))
