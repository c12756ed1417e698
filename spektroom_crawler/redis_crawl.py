"""The Redis side of a shared crawl (loaded by name, only with `--redis`): seed, seen-set, exit.

scrapy-redis provides the shared queue and seen-set; these three pieces fit it to our spiders:

- `RedisCanonicalDupeFilter`: the shared seen-set keyed by our canonical-URL fingerprint, so an
  article's AMP/utm/www spellings are one request across all workers, as in a single crawl.
- `RedisSeedMiddleware`: the spider's discovery requests (robots.txt, feeds, listings) enter the
  shared queue exactly once per crawl, from whichever worker sets the seed marker first (SETNX).
- `RedisCoordinator`: a worker stays up while the shared queue may still fill (another worker is
  parsing a sitemap) and exits once it has stayed empty MAX_IDLE_TIME_BEFORE_CLOSE seconds; the
  last worker to exit a finished crawl deletes the crawl's keys, so the next run starts afresh.
  An interrupted crawl keeps its queue: starting workers again resumes it. The crawl's keys
  expire SPEKTROOM_REDIS_STATE_TTL seconds after the last sign of a live worker, so a worker
  killed outright (its count never given back) cannot leave the next runs seeded-but-empty.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

__all__ = ["RedisCanonicalDupeFilter", "RedisCoordinator", "RedisSeedMiddleware"]

logger = logging.getLogger(__name__)

# Seconds between expiry refreshes of a busy worker (a few cheap EXPIREs each time).
REFRESH_SECONDS = 30.0


class RedisCanonicalDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared seen-set, with the crawler's (canonical-URL) request fingerprints."""

    fingerprinter: Any = None

    @classmethod
    def from_spider(cls, spider: Spider) -> RedisCanonicalDupeFilter:
        dupefilter = super().from_spider(spider)
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request: Request) -> str:
        if self.fingerprinter is None:
            return str(super().request_fingerprint(request))
        return str(self.fingerprinter.fingerprint(request).hex())


class RedisSeedMiddleware:
    """Pass the spider's start requests on only in the worker that wins the seed marker."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seed_key = crawler.settings.get("SPEKTROOM_REDIS_SEED_KEY")
        if not self.seed_key:
            raise NotConfigured("no SPEKTROOM_REDIS_SEED_KEY")
        self.server = get_redis_from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisSeedMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        stats = self.crawler.stats
        ttl = self.crawler.settings.getint("SPEKTROOM_REDIS_STATE_TTL", 900) or None
        if not self.server.set(self.seed_key, str(time.time()), nx=True, ex=ttl):
            logger.info("the shared crawl is seeded already: taking requests from the queue")
            if stats is not None:
                stats.set_value("spektroom/redis/seeded", 0)
            return
        if stats is not None:
            stats.set_value("spektroom/redis/seeded", 1)
        async for item_or_request in start:
            yield item_or_request


class RedisCoordinator:
    """Keep a worker open while the shared crawl may still need it; clean up after the last."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.workers_key = settings.get("SPEKTROOM_REDIS_WORKERS_KEY")
        if not self.workers_key:
            raise NotConfigured("no SPEKTROOM_REDIS_WORKERS_KEY")
        self.crawler = crawler
        self.keys = [
            settings.get(name) % {"spider": "_"}
            for name in ("SCHEDULER_QUEUE_KEY", "SCHEDULER_DUPEFILTER_KEY")
        ]
        self.seed_key = settings.get("SPEKTROOM_REDIS_SEED_KEY")
        self.ttl = settings.getint("SPEKTROOM_REDIS_STATE_TTL", 900)
        self.refreshed = 0.0
        self.max_idle = settings.getfloat("MAX_IDLE_TIME_BEFORE_CLOSE")
        self.server = get_redis_from_settings(settings)
        self.idle_since: float | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisCoordinator:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        workers = self.server.incr(self.workers_key)
        self.refresh(force=True)
        logger.info("worker %s of the shared crawl %s", workers, self.workers_key)

    def refresh(self, *, force: bool = False) -> None:
        """Push back the expiry of the crawl's keys (at most every REFRESH_SECONDS)."""
        now = time.monotonic()
        if not self.ttl or (not force and now - self.refreshed < REFRESH_SECONDS):
            return
        self.refreshed = now
        with self.server.pipeline() as pipe:
            for key in (*self.keys, self.seed_key, self.workers_key):
                pipe.expire(key, self.ttl)
            pipe.execute()

    def response_received(self) -> None:
        self.idle_since = None
        self.refresh()

    def spider_idle(self, spider: Spider) -> None:
        """Raise DontCloseSpider until the shared queue has been empty for max_idle seconds."""
        self.refresh()
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.max_idle:
            raise DontCloseSpider

    def spider_closed(self, spider: Spider, reason: str) -> None:
        remaining = int(self.server.decr(self.workers_key))
        if remaining > 0:
            self.refresh(force=True)
            return
        # The last worker out. A finished crawl's state goes, so tomorrow's run seeds again; an
        # interrupted one keeps its queue and seed marker, and the next workers resume it.
        if reason == "finished":
            self.server.delete(*self.keys, self.seed_key, self.workers_key)
            logger.info("shared crawl finished: cleared %s", ", ".join(self.keys))
        else:
            self.server.delete(self.workers_key)
            self.refresh(force=True)
