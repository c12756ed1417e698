"""Crawl extensions: the live progress line; the JOBDIR guard that makes --resume SIGKILL-safe."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["CrawlProgress", "JobDirGuard", "format_progress", "jobdir_owner", "progress_counts"]

logger = logging.getLogger(__name__)

LOCK_NAME = "spektroom.lock"


def progress_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """The few numbers a person watching a crawl wants, from Scrapy's stats."""

    def get(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    dropped = sum(int(v or 0) for k, v in stats.items() if k.startswith("spektroom/dropped/"))
    return {
        "pages": get("response_received_count"),
        "articles": get("spektroom/pages/article"),
        "stored": get("spektroom/articles/stored"),
        "updated": get("spektroom/articles/updated"),
        "unchanged": get("spektroom/articles/unchanged"),
        # Of those, stored with other quotes (a better extractor's) and given the new ones.
        "requoted": get("spektroom/articles/requoted"),
        "duplicates": get("spektroom/articles/duplicate_exact")
        + get("spektroom/articles/duplicate_near"),
        "skipped": get("spektroom/gate/skipped") + get("spektroom/gate/skipped_redirect"),
        "dropped": dropped,
        # Articles of batches the database refused (a write or commit that failed).
        "lost": get("spektroom/store/lost_items"),
        "not_articles": get("spektroom/pages/not_article"),
        "retries": get("retry/count"),
        # Every failure that ends a request logs an ERROR (retries given up, download errors,
        # callback exceptions); final 4xx/5xx responses are counted by HttpErrorMiddleware.
        "errors": get("log_count/ERROR") + get("httperror/response_ignored_count"),
    }


def format_progress(name: str, counts: Mapping[str, int], elapsed: float) -> str:
    """One progress line: pages, articles stored/updated/skipped, errors, rate."""
    rate = counts["pages"] / elapsed if elapsed > 0 else 0.0
    return (
        f"[{name}] {counts['pages']} pages, {counts['stored']} stored, "
        f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['skipped']} skipped, {counts['errors']} errors, {rate:.1f} pages/s"
    )


class CrawlProgress:
    """Writes the progress line to stderr every SPEKTROOM_PROGRESS_INTERVAL seconds (0: off).

    On a terminal the line rewrites itself in place; otherwise (logs, CI) each report is a line.
    """

    def __init__(self, crawler: Crawler, interval: float, stream: IO[str] | None = None) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.task: Any = None
        self.inline = bool(getattr(self.stream, "isatty", lambda: False)())

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        interval = crawler.settings.getfloat("SPEKTROOM_PROGRESS_INTERVAL", 0.0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.task = create_looping_call(self.report, spider.name)
        self.task.start(self.interval, now=False)

    def report(self, name: str) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        line = format_progress(name, progress_counts(stats), time.monotonic() - self.started)
        if self.inline:
            self.stream.write("\r\x1b[K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        if self.inline:
            self.stream.write("\n")
            self.stream.flush()


def jobdir_owner(jobdir: str | os.PathLike[str]) -> int | None:
    """The pid of a live crawl holding `jobdir`, or None (no lock, or its owner is dead)."""
    lock = Path(jobdir, LOCK_NAME)
    try:
        pid = int(lock.read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, owned by someone else
        return pid
    return pid


class JobDirGuard:
    """Makes JOBDIR resumable after a crash, not only after a clean Ctrl-C.

    Scrapy's on-disk request queue is only consistent after a clean shutdown; after a SIGKILL it
    may be stale or half-written. The guard keeps a lock file while the crawl runs; when it finds
    the lock of a dead crawl it drops that queue, and the rerun rediscovers everything, with the
    incremental gate skipping what the store already has.
    """

    def __init__(self, crawler: Crawler, jobdir: Path) -> None:
        self.crawler = crawler
        self.jobdir = jobdir
        self.lock = jobdir / LOCK_NAME
        jobdir.mkdir(parents=True, exist_ok=True)
        owner = jobdir_owner(jobdir)
        if owner is not None:
            raise RuntimeError(f"{jobdir} is in use by a running crawl (pid {owner})")
        if self.lock.exists():
            queue = jobdir / "requests.queue"
            logger.warning("%s: the previous crawl did not end cleanly; rediscovering", jobdir)
            if queue.exists():
                shutil.rmtree(queue)
            if crawler.stats is not None:
                crawler.stats.set_value("spektroom/resume/after_crash", 1)
        self.lock.write_text(str(os.getpid()))
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JobDirGuard:
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured
        return cls(crawler, Path(jobdir))

    def engine_stopped(self) -> None:
        # The scheduler has flushed its queue by now: the job directory is consistent again.
        self.lock.unlink(missing_ok=True)
