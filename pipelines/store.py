"""Last pipeline: write articles to the corpus in batched transactions.

Items are buffered and written SPEKTROOM_STORE_BATCH_SIZE at a time, one transaction per batch
(`ArticleStore.save`); the rest is flushed in close_spider. A failure inside a batch rolls that
batch back whole, so the database is never left with half a batch. An article that cannot even
be prepared for writing is dropped alone before the batch is written (counted, logged).

Big batches are cheaper per article (a commit rewrites every page the batch dirtied, and the
random-keyed indexes spread each batch over most of their pages), so a slow crawl would hold
its items for long: a batch is also written once its oldest item has waited
SPEKTROOM_STORE_FLUSH_SECONDS. That is checked as each item arrives and, in a running crawl,
by a timer, so a batch is written on time even while no item comes (a crawl stalled on slow
pages or retries would otherwise keep it in memory, to be lost if the process is killed).

A batch is written on the crawl's thread and committed on a thread of its own: the commit
(the WAL write, a checkpoint now and then, the fsync) runs while the crawl goes on and the next
batch is prepared (normalization checks, hashes, row values); that batch waits for it before
writing. A batch smaller than BACKGROUND_COMMIT_MIN commits on the crawl's thread. A commit
that failed is counted (failed_batches, lost_items) and logged when the next write finds it;
only `flush()` (and so close_spider) raises it, for its own batch: raised from process_item,
Scrapy would report a later item, stored all right, as the one that failed. `flush()` writes
and waits for the commit. Stats count a batch once committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.asyncio import CallLaterResult, call_later
from sqlalchemy.exc import SQLAlchemyError

from pipelines.db.store import (
    DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    ArticleStore,
    Prepared,
    SaveResult,
    WrittenBatch,
)
from pipelines.validate import STATS_PREFIX as DROPPED_PREFIX
from spektroom_crawler.record import Article

log = logging.getLogger(__name__)

NORMALIZER = "pipelines.dedupe.NormalizePipeline"
# 1000: the commit cost per article of a 10k-article SQLite corpus is half that of 200
# (bench/store.py); the flush interval bounds how long an item waits in a slow crawl.
DEFAULT_BATCH_SIZE = 1000
DEFAULT_FLUSH_SECONDS = 10.0
# Smaller batches commit on the crawl's thread. Handing a commit over costs two thread wake-ups
# (~0.4 ms here: one commit per item ran 12% slower through the committer thread), and what it
# wins is the next batch's preparation meanwhile (~0.1 ms an article).
BACKGROUND_COMMIT_MIN = 8


def _dotted(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


# Articles the store could not prepare (`StorePipeline._prepare`): counted with the
# validator's drops, which the crawl summary adds up.
UNSTORABLE_STAT = DROPPED_PREFIX + "unstorable"
STATS = {
    "stored": "spektroom/articles/stored",
    "updated": "spektroom/articles/updated",
    "unchanged": "spektroom/articles/unchanged",
    "duplicate_exact": "spektroom/articles/duplicate_exact",
    "duplicate_near": "spektroom/articles/duplicate_near",
}


@dataclass(slots=True)
class _Committing:
    """A written batch whose database commit runs on the committer thread."""

    future: Future[None]
    written: WrittenBatch


class StorePipeline:
    """Buffers articles and saves them through `ArticleStore` in batches."""

    def __init__(
        self,
        crawler: Crawler,
        *,
        database_url: str,
        batch_size: int,
        near_duplicate_threshold: float,
        flush_seconds: float = DEFAULT_FLUSH_SECONDS,
        now: Callable[[], dt.datetime] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"SPEKTROOM_STORE_BATCH_SIZE must be >= 1, not {batch_size}")
        if flush_seconds <= 0:
            raise ValueError(f"SPEKTROOM_STORE_FLUSH_SECONDS must be > 0, not {flush_seconds}")
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.clock = clock
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
        self.flush_due = 0.0  # clock() time by which the buffered items are written
        self.timer: CallLaterResult | None = None  # writes a due batch when no item comes
        self.batches = 0
        self.committer: ThreadPoolExecutor | None = None  # None: commits on the caller's thread
        self.committing: _Committing | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        return cls(
            crawler,
            database_url=settings.get("SPEKTROOM_DATABASE_URL") or "sqlite:///spektroom.db",
            batch_size=settings.getint("SPEKTROOM_STORE_BATCH_SIZE", DEFAULT_BATCH_SIZE),
            near_duplicate_threshold=settings.getfloat(
                "SPEKTROOM_NEAR_DUPLICATE_THRESHOLD", DEFAULT_NEAR_DUPLICATE_THRESHOLD
            ),
            flush_seconds=settings.getfloat("SPEKTROOM_STORE_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS),
        )

    def open_spider(self) -> None:
        self.store = ArticleStore.open(
            self.database_url, near_duplicate_threshold=self.near_duplicate_threshold
        )
        if self.store.commits_in_any_thread:
            self.committer = ThreadPoolExecutor(1, thread_name_prefix="spektroom-store-commit")

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        buffer = self.buffer
        if not buffer:
            self.flush_due = self.clock() + self.flush_seconds
            self._schedule(self.flush_seconds)
        buffer.append(item)
        if len(buffer) >= self.batch_size or self.clock() >= self.flush_due:
            self._write()
        return item

    def _schedule(self, delay: float) -> None:
        # Only in a running crawl: a harness calling process_item has no event loop to run it.
        if self.timer is None and self.crawler.crawling:
            self.timer = call_later(delay, self._flush_when_due)

    def _flush_when_due(self) -> None:
        self.timer = None
        if not self.buffer:
            return
        remaining = self.flush_due - self.clock()
        if remaining > 0:  # the event loop's clock ran ahead of ours
            self._schedule(remaining)
            return
        # A failed batch: _write() logged it and counted the lost items; the crawl goes on.
        with contextlib.suppress(SQLAlchemyError):
            self._write()

    def close_spider(self) -> None:
        try:
            self.flush()
        finally:
            if self.committer is not None:
                self.committer.shutdown()  # after a failed flush: the commit is in flight
                self.committer = None
            if self.store is not None:
                self.store.close()
                self.store = None

    def flush(self) -> list[SaveResult]:
        """Write the buffered articles in one transaction and wait until it is committed
        (and the batch before it); returns the results of the articles written."""
        try:
            return self._write()
        finally:
            self._settle()

    def _write(self) -> list[SaveResult]:
        """Write the buffered articles in one transaction, committed in the background.

        Raises when this batch's write fails. The previous batch's commit, awaited here, is
        counted and logged if it failed (`_settle`), not raised."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.buffer:
            return []
        store = self.store
        if store is None:
            raise RuntimeError("StorePipeline.flush() before open_spider()")
        batch, self.buffer = self.buffer, []
        now = self.now()
        prepared = self._prepare(store, batch, now)
        # The previous batch: its commit ran while this one was prepared.
        with contextlib.suppress(SQLAlchemyError):  # counted and logged; not these items'
            self._settle()
        if not prepared:
            return []
        try:
            written = store.write(prepared, now=now)
        except Exception:
            self._lost(len(prepared))  # rolled back whole
            raise
        background = self.committer is not None and len(prepared) >= BACKGROUND_COMMIT_MIN
        self.committing = _Committing(self._submit(written.commit_database, background), written)
        if not background:
            self._settle()  # committed on this thread: counted now
        return written.results

    def _prepare(
        self, store: ArticleStore, batch: list[Article], now: dt.datetime
    ) -> list[Prepared]:
        """The batch made ready for writing, article by article: one that cannot be prepared
        (no URL, since no validator ran; any failure of normalization or hashing) is counted
        under spektroom/dropped/unstorable and logged, and the others go on. Raised, it would
        have taken the whole batch with it, uncounted: the items were accepted long before."""
        prepared: list[Prepared] = []
        for article in batch:
            try:
                prepared.append(
                    store.prepare_one(article, now=now, normalized=self.normalized_upstream)
                )
            except Exception:
                stats = self.crawler.stats
                if stats is not None:
                    stats.inc_value(UNSTORABLE_STAT)
                log.exception(
                    "could not prepare the article at %r for storing; dropped",
                    getattr(article, "url", None),
                )
        return prepared

    def _submit(self, commit: Callable[[], None], background: bool) -> Future[None]:
        """Run a database commit on the committer thread, or here."""
        if background and self.committer is not None:
            return self.committer.submit(commit)
        future: Future[None] = Future()
        try:
            commit()
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(None)
        return future

    def _settle(self) -> None:
        """Wait for the batch being committed, if any, and count its outcomes."""
        committing, self.committing = self.committing, None
        if committing is None:
            return
        written = committing.written
        try:
            committing.future.result()
        except BaseException as exc:
            written.discard()  # the commit failed: rolled back whole
            if isinstance(exc, SQLAlchemyError):
                self._lost(len(written.results))
            raise
        written.commit()  # the session's side: the database has committed already
        self._count(written.results)

    def _count(self, results: list[SaveResult]) -> None:
        self.batches += 1
        stats = self.crawler.stats
        if stats is not None:
            for result in results:
                stats.inc_value(STATS[result.status])
                if result.requoted:
                    stats.inc_value("spektroom/articles/requoted")
            stats.inc_value("spektroom/store/batches")

    def _lost(self, size: int) -> None:
        """Count a batch that is not in the database and log why (called with the error)."""
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("spektroom/store/failed_batches")
            stats.inc_value("spektroom/store/lost_items", size)
        log.exception("could not store a batch of %d articles; none was written", size)
