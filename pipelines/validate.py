"""First pipeline: drop items that are not usable articles, with the reason in the stats."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from spektroom_crawler.record import Article

STATS_PREFIX = "spektroom/dropped/"


def rejection(item: Any) -> str | None:
    """Why an item cannot be stored (a short stats-friendly reason), or None when it can."""
    if not isinstance(item, Article):
        return "not_an_article"
    if not isinstance(item.url, str) or not item.url.strip():
        return "missing_url"
    if not item.url.strip().lower().startswith(("http://", "https://")):
        return "bad_url"
    if not isinstance(item.headline, str) or not item.headline.strip():
        return "missing_headline"
    if not any(isinstance(p, str) and p.strip() for p in item.paragraphs or ()):
        return "missing_body"
    return None


class ValidatePipeline:
    """Required: url, headline, at least one body paragraph. Rejects raise DropItem(reason)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        reason = rejection(item)
        if reason is None:
            return item
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(STATS_PREFIX + reason)
        url = getattr(item, "url", None)
        raise DropItem(f"{reason}: {url!r}" if url else reason)
