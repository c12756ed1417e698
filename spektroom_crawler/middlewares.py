"""Downloader plumbing: request identity by canonical URL, Retry-After, and the redirect gate."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.request import RequestFingerprinter

from spektroom_crawler.urls import canonicalize_url

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = [
    "CanonicalRequestFingerprinter",
    "CrawlDupeFilter",
    "RedirectGateMiddleware",
    "RetryAfterMiddleware",
    "parse_retry_after",
]

logger = logging.getLogger(__name__)


class CanonicalRequestFingerprinter(RequestFingerprinter):
    """GET requests are identified by their canonical URL.

    So `/slug/`, `/slug/amp/`, `/slug/?utm_source=wa` and `http://www.` spellings are one request
    for the scheduler's duplicate filter: an article is downloaded once per crawl whichever link
    led to it. Other methods keep Scrapy's fingerprint.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        super().__init__(crawler)
        self._canonical_cache: WeakKeyDictionary[Request, bytes] = WeakKeyDictionary()

    def fingerprint(self, request: Request) -> bytes:
        if request.method != "GET" or request.body:
            return super().fingerprint(request)
        cached = self._canonical_cache.get(request)
        if cached is None:
            key = b"GET " + canonicalize_url(request.url).encode("utf-8")
            cached = self._canonical_cache[request] = hashlib.sha1(key).digest()
        return cached


class CrawlDupeFilter(RFPDupeFilter):
    """Scrapy's duplicate filter, but never persisted to JOBDIR.

    A request is "seen" the moment it is scheduled, long before its article is committed by the
    store's batched writes; after a SIGKILL a persisted seen-set would therefore hide articles
    that were never stored. On resume the spiders rediscover everything and the incremental gate
    (the store itself) skips what was stored: nothing lost, nothing stored twice.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDupeFilter:
        return cls(
            None,
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=crawler.request_fingerprinter,
        )


def parse_retry_after(value: bytes | str | None, *, now: dt.datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if unusable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT by definition
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware:
    """Wait as long as a 429/503 response's Retry-After asks (capped), then retry the request.

    It sits after RetryMiddleware in the response chain (priority above 550), so responses with
    a usable Retry-After are retried here, with the wait, and count against the same RETRY_TIMES;
    429/503 without the header fall through to RetryMiddleware's immediate retry.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.max_delay = settings.getfloat("SPEKTROOM_RETRY_AFTER_MAX", 120.0)
        self.codes = {int(c) for c in settings.getlist("SPEKTROOM_RETRY_AFTER_CODES", [429, 503])}
        self.max_retry_times = settings.getint("RETRY_TIMES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        delay = parse_retry_after(
            response.headers.get("Retry-After"), now=dt.datetime.now(dt.UTC)
        )
        if delay is None:
            return response
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,  # type: ignore[arg-type]
            reason=f"{response.status} Retry-After",
            max_retry_times=request.meta.get("max_retry_times", self.max_retry_times),
        )
        if retry is None:
            return response
        wait = min(delay, self.max_delay)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("spektroom/retry_after/count")
            stats.inc_value("spektroom/retry_after/waited_ms", round(wait * 1000))
        logger.info("%s answered %s: retrying in %.1f s", request.url, response.status, wait)
        await asyncio.sleep(wait)
        return retry


class RedirectGateMiddleware:
    """Apply the incremental gate to redirect targets, which no discovery batch has seen.

    A link to an old URL (301 -> the current article) is not in the store under its own
    canonical URL, so discovery admits it; its redirect target is checked here, one lookup each
    (redirects are rare), and skipped when the store already has it.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGateMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        meta: dict[str, Any] = request.meta
        if not meta.get("redirect_urls") or not meta.get("spektroom_article"):
            return
        gate = getattr(self.crawler.spider, "gate", None)
        if gate is None or gate.admit_one(request.url):
            return
        raise IgnoreRequest(f"already stored: {request.url}")
