"""A Scrapy extension that records each crawl in the store's crawl_runs table."""

from __future__ import annotations

import datetime as dt
import decimal
import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from pipelines.db.store import ArticleStore

log = logging.getLogger(__name__)


def json_safe(value: Any) -> Any:
    """Stats as JSON: datetimes as ISO text, sets/tuples as lists, unknown objects as repr."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    return repr(value)


class CrawlRunRecorder:
    """spider_opened -> a crawl_runs row; spider_closed -> its stats and outcome (close reason)."""

    def __init__(self, crawler: Crawler, database_url: str) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.store: ArticleStore | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRunRecorder:
        url = crawler.settings.get("SPEKTROOM_DATABASE_URL") or "sqlite:///spektroom.db"
        recorder = cls(crawler, url)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider: Spider) -> None:
        self.store = ArticleStore.open(self.database_url)
        arguments = json_safe(dict(getattr(spider, "crawl_arguments", {}) or {}))
        self.run_id = self.store.start_crawl_run(spider.name, arguments)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.store is None or self.run_id is None:
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        self.store.finish_crawl_run(self.run_id, stats=json_safe(stats), outcome=str(reason))
        self.store.close()
        self.store = None
