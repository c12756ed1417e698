"""Several crawl workers, one crawl: the settings that share a request queue through Redis.

`spektroom crawl MODE --redis URL` puts scrapy-redis's scheduler in place of Scrapy's: the
request queue and the seen-set (canonical-URL fingerprints) live in Redis, so workers on
different machines pull from one queue and never fetch a URL another has taken. The corpus is a
shared PostgreSQL database; the store's unique constraints keep concurrent writers safe.

This module only builds settings (it never imports scrapy_redis); the Redis side runs in
`spektroom_crawler.redis_crawl`, loaded by name from those settings only when --redis is given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.settings import Settings

__all__ = [
    "DEFAULT_IDLE_SECONDS",
    "DEFAULT_STATE_TTL",
    "apply_redis_settings",
    "check_redis",
    "redis_keys",
    "redis_namespace",
    "redis_settings",
]

# Seconds a worker waits with the shared queue empty before it exits: long enough for another
# worker to parse a sitemap and queue its articles (Scrapy checks idleness every 5 s). 0: exit
# at the first idle check.
DEFAULT_IDLE_SECONDS = 30
DEFAULT_STATE_TTL = 900
# Characters kept in a key's site part; '%' in particular would break scrapy-redis's
# "%(spider)s" key templates.
UNSAFE_KEY_CHARS = re.compile(r"[^A-Za-z0-9.:/_-]")


def redis_namespace(base_url: str, spider: str) -> str:
    """`spektroom:<host[:port][/path]>:<spider>`: two sites or two modes never share keys."""
    parts = urlsplit(base_url)
    site = (parts.hostname or "") + (f":{parts.port}" if parts.port else "") + parts.path
    site = UNSAFE_KEY_CHARS.sub("_", site.rstrip("/")) or "_"
    return f"spektroom:{site}:{UNSAFE_KEY_CHARS.sub('_', spider)}"


def redis_keys(base_url: str, spider: str) -> dict[str, str]:
    """Every Redis key one shared crawl uses, by role."""
    prefix = redis_namespace(base_url, spider)
    return {
        "requests": f"{prefix}:requests",
        "seen": f"{prefix}:seen",
        "seeded": f"{prefix}:seeded",
        "workers": f"{prefix}:workers",
    }


def redis_settings(
    redis_url: str, base_url: str, spider: str, idle_seconds: int = DEFAULT_IDLE_SECONDS
) -> dict[str, Any]:
    """The Scrapy settings that turn a crawl into one worker of a shared crawl."""
    keys = redis_keys(base_url, spider)
    return {
        "SPEKTROOM_REDIS_URL": redis_url,
        "REDIS_URL": redis_url,
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": keys["requests"],
        "SCHEDULER_DUPEFILTER_KEY": keys["seen"],
        # The seen-set by canonical URL (our fingerprinter), shared in Redis.
        "DUPEFILTER_CLASS": "spektroom_crawler.redis_crawl.RedisCanonicalDupeFilter",
        # One worker finishing must not wipe the queue the others still work on; the last
        # worker out clears it (RedisCoordinator).
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "MAX_IDLE_TIME_BEFORE_CLOSE": idle_seconds,
        # A crawl's keys outlive the last live worker by this long (a resume window), then go.
        "SPEKTROOM_REDIS_STATE_TTL": DEFAULT_STATE_TTL,
        "SPEKTROOM_REDIS_SEED_KEY": keys["seeded"],
        "SPEKTROOM_REDIS_WORKERS_KEY": keys["workers"],
        "SPIDER_MIDDLEWARES": {"spektroom_crawler.redis_crawl.RedisSeedMiddleware": 10},
        "EXTENSIONS": {"spektroom_crawler.redis_crawl.RedisCoordinator": 520},
    }


def apply_redis_settings(
    settings: Settings, redis_url: str, base_url: str, spider: str, *, priority: str
) -> None:
    """Make `settings` those of one worker of a shared crawl.

    Dict settings (spider middlewares, extensions) are added to the project's, not replaced.
    """
    for key, value in redis_settings(redis_url, base_url, spider).items():
        if isinstance(value, dict):
            value = {**settings.getdict(key), **value}
        settings.set(key, value, priority=priority)


def check_redis(url: str, timeout: float = 5.0) -> str | None:
    """None when Redis answers PING at `url`, else the one-line reason."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    except ValueError as exc:
        return f"bad Redis URL {url!r}: {exc}"
    try:
        client.ping()
    except redis.RedisError as exc:
        return f"cannot reach Redis at {url}: {exc}"
    finally:
        client.close()
    return None
