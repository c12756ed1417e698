"""Last pipeline: write articles to the corpus in batched transactions.

Items are buffered and written SPEKTROOM_STORE_BATCH_SIZE at a time, one transaction per batch
(`ArticleStore.save`); the rest is flushed in close_spider. A failure inside a batch rolls that
batch back whole, so the database is never left with half a batch.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from scrapy.crawler import Crawler
from sqlalchemy.exc import SQLAlchemyError

from pipelines.db.store import DEFAULT_NEAR_DUPLICATE_THRESHOLD, ArticleStore, SaveResult
from spektroom_crawler.record import Article

log = logging.getLogger(__name__)

NORMALIZER = "pipelines.dedupe.NormalizePipeline"


def _dotted(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


STATS = {
    "stored": "spektroom/articles/stored",
    "updated": "spektroom/articles/updated",
    "unchanged": "spektroom/articles/unchanged",
    "duplicate_exact": "spektroom/articles/duplicate_exact",
    "duplicate_near": "spektroom/articles/duplicate_near",
}


class StorePipeline:
    """Buffers articles and saves them through `ArticleStore` in batches."""

    def __init__(
        self,
        crawler: Crawler,
        *,
        database_url: str,
        batch_size: int,
        near_duplicate_threshold: float,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"SPEKTROOM_STORE_BATCH_SIZE must be >= 1, not {batch_size}")
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.near_duplicate_threshold = near_duplicate_threshold
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.store: ArticleStore | None = None
        # NormalizePipeline earlier in the chain already cleaned each item: skip a second pass.
        pipelines = crawler.settings.getwithbase("ITEM_PIPELINES")
        order = {
            name if isinstance(name, str) else _dotted(name): p for name, p in pipelines.items()
        }
        mine, normalizer = order.get(_dotted(type(self))), order.get(NORMALIZER)
        self.normalized_upstream = normalizer is not None and (mine is None or normalizer < mine)
        self.buffer: list[Article] = []
        self.batches = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        return cls(
            crawler,
            database_url=settings.get("SPEKTROOM_DATABASE_URL") or "sqlite:///spektroom.db",
            batch_size=settings.getint("SPEKTROOM_STORE_BATCH_SIZE", 200),
            near_duplicate_threshold=settings.getfloat(
                "SPEKTROOM_NEAR_DUPLICATE_THRESHOLD", DEFAULT_NEAR_DUPLICATE_THRESHOLD
            ),
        )

    def open_spider(self) -> None:
        self.store = ArticleStore.open(
            self.database_url, near_duplicate_threshold=self.near_duplicate_threshold
        )

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            if self.store is not None:
                self.store.close()
                self.store = None

    def flush(self) -> list[SaveResult]:
        """Write the buffered articles in one transaction and count the outcomes."""
        if not self.buffer:
            return []
        if self.store is None:
            raise RuntimeError("StorePipeline.flush() before open_spider()")
        batch, self.buffer = self.buffer, []
        stats = self.crawler.stats
        try:
            results = self.store.save(batch, now=self.now(), normalized=self.normalized_upstream)
        except SQLAlchemyError:
            # The transaction rolled back whole: count what was lost, let Scrapy log the error.
            if stats is not None:
                stats.inc_value("spektroom/store/failed_batches")
                stats.inc_value("spektroom/store/lost_items", len(batch))
            log.exception("could not store a batch of %d articles; none was written", len(batch))
            raise
        self.batches += 1
        if stats is not None:
            for result in results:
                stats.inc_value(STATS[result.status])
            stats.inc_value("spektroom/store/batches")
        return results
