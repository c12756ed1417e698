"""What every Spektroom spider shares: arguments, base URL, the gate, the article callback.

Spiders stay thin: they discover links (spektroom_crawler.discovery), ask the incremental gate
which ones to fetch, and hand fetched pages to extraction. Arguments (`-a name=value` or the
`spektroom crawl` options) are parsed once, here, and kept in `crawl_arguments` for the crawl-run
record.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from spektroom_crawler.classify import UrlKind, classify_url, site_host
from spektroom_crawler.discovery import Link, parse_bound
from spektroom_crawler.extract import extract_article, is_article
from spektroom_crawler.gate import IncrementalGate

__all__ = ["SpektroomSpider", "parse_bool", "validate_base_url"]

logger = logging.getLogger(__name__)

TRUE_WORDS = frozenset({"1", "true", "yes", "on", "y"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", "n", ""})
# Article requests go before listing/sitemap requests, so the queue drains instead of growing.
ARTICLE_PRIORITY = 10
BOT_NAME, BOT_VERSION = "SpektroomCorpusBot", "0.1"


def parse_bool(value: object) -> bool:
    """A spider argument or setting as a bool ("1", "true", "yes", "on" / "0", "false", ...)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f"not a yes/no value: {value!r}")


def validate_base_url(url: str | None) -> str:
    """The site's base URL without a trailing slash; ValueError with the reason when unusable."""
    if not url or not str(url).strip():
        raise ValueError("the base URL is empty")
    text = str(url).strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"bad base URL {text!r}: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"bad base URL {text!r}: it must start with http:// or https://")
    if not parts.hostname or not site_host(text):
        raise ValueError(f"bad base URL {text!r}: it has no host name")
    if parts.query or parts.fragment:
        raise ValueError(f"bad base URL {text!r}: it must not have a query or fragment")
    netloc = parts.hostname + (f":{port}" if port else "")
    path = parts.path.rstrip("/")
    return f"{parts.scheme}://{netloc}{path}"


class SpektroomSpider(scrapy.Spider):
    """Base class: parsed arguments, allowed domains, the incremental gate, `parse_article`."""

    allowed_domains: list[str]
    # Spider arguments every spider accepts (on top of its own), in `crawl_arguments` order.
    common_arguments: ClassVar[tuple[str, ...]] = (
        "base_url", "since", "until", "max_pages", "refresh",
    )

    def __init__(
        self,
        *args: Any,
        base_url: str | None = None,
        since: str | None = None,
        until: str | None = None,
        max_pages: str | int | None = None,
        refresh: str | bool | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._base_url_arg = base_url
        self.since = parse_bound(since)
        self.until = parse_bound(until, end=True)
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({since}) is after until ({until})")
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError(f"max_pages must be at least 1, not {max_pages}")
        self._refresh_arg = None if refresh in (None, "") else parse_bool(refresh)
        # "now" for extraction (relative dates, future-date checks): one instant per crawl.
        self.crawl_time = dt.datetime.now(dt.UTC)
        self.base_url = ""
        self.refresh = False
        self.gate: IncrementalGate | None = None
        self._store: Any = None
        self.crawl_arguments: dict[str, Any] = {}
        self._raw_arguments = {"since": since, "until": until, "max_pages": self.max_pages}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SpektroomSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.base_url = validate_base_url(
            spider._base_url_arg or settings.get("SPEKTROOM_BASE_URL") or "https://spektroom.co.id"
        )
        host = urlsplit(spider.base_url).hostname or ""
        # Both spellings of the host: links to "www." variants are the same site.
        bare = host[4:] if host.startswith("www.") else host
        spider.allowed_domains = [bare, f"www.{bare}"] if not _is_ip(bare) else [bare]
        spider.refresh = (
            spider._refresh_arg
            if spider._refresh_arg is not None
            else parse_bool(settings.get("SPEKTROOM_REFRESH", False))
        )
        spider.crawl_arguments = {
            "base_url": spider.base_url,
            "since": spider._raw_arguments["since"],
            "until": spider._raw_arguments["until"],
            "max_pages": spider.max_pages,
            "refresh": spider.refresh,
            **spider.extra_arguments(),
        }
        return spider

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """Rebuild the User-Agent around a contact URL given later than settings.py's default.

        settings.py builds USER_AGENT from SPEKTROOM_CONTACT_URL once, at import; a contact URL
        set on the command line (`-s SPEKTROOM_CONTACT_URL=...`) must still reach the header.
        """
        super().update_settings(settings)
        contact = settings.get("SPEKTROOM_CONTACT_URL")
        priority = settings.getpriority("SPEKTROOM_CONTACT_URL") or 0
        if contact and priority > (settings.getpriority("USER_AGENT") or 0):
            settings.set("USER_AGENT", f"{BOT_NAME}/{BOT_VERSION} (+{contact})", priority=priority)
        redis_url = settings.get("SPEKTROOM_REDIS_URL")
        if redis_url and not str(settings.get("SCHEDULER", "")).startswith("scrapy_redis."):
            # `scrapy crawl` / Scrapyd with SPEKTROOM_REDIS_URL set (`spektroom crawl --redis`
            # applies these itself): a worker of the shared crawl.
            from spektroom_crawler.distributed import apply_redis_settings

            base_url = validate_base_url(settings.get("SPEKTROOM_BASE_URL"))
            apply_redis_settings(settings, redis_url, base_url, cls.name, priority="spider")

    def extra_arguments(self) -> dict[str, Any]:
        """Spider-specific arguments for the crawl-run record."""
        return {}

    # -- the incremental gate -----------------------------------------------------------------

    def open_gate(self) -> IncrementalGate:
        """The gate, opening the store for lookups on first use (not needed with refresh)."""
        if self.gate is None:
            stats = self.crawler.stats
            if self.refresh:
                self.gate = IncrementalGate(None, refresh=True, stats=stats)
            else:
                from pipelines.db.store import ArticleStore

                self._store = ArticleStore.open(self.settings.get("SPEKTROOM_DATABASE_URL"))
                self.gate = IncrementalGate(
                    self._store,
                    stats=stats,
                    batch_size=self.settings.getint("SPEKTROOM_GATE_BATCH_SIZE", 500),
                )
        return self.gate

    def closed(self, reason: str) -> None:
        store, self._store = self._store, None
        if store is not None and hasattr(store, "close"):
            store.close()

    # -- helpers for subclasses ---------------------------------------------------------------

    def url(self, path: str) -> str:
        """An absolute URL on the site from a path such as "/feed/"."""
        return self.base_url + "/" + path.lstrip("/")

    def in_window(self, when: dt.datetime | None) -> bool:
        """True when a discovered date is inside --since/--until (an unknown date always is)."""
        if when is None:
            return True
        if self.since is not None and when < self.since:
            return False
        return not (self.until is not None and when > self.until)

    def window(self, links: Iterable[Link], source: str) -> list[Link]:
        """Links inside --since/--until, counting the ones outside and the undated ones."""
        kept: list[Link] = []
        stats = self.crawler.stats
        for link in links:
            if link.lastmod is None and stats is not None:
                stats.inc_value(f"spektroom/{source}/undated")
            if self.in_window(link.lastmod):
                kept.append(link)
            elif stats is not None:
                stats.inc_value(f"spektroom/{source}/outside_window")
        return kept

    def article_links(self, links: Iterable[Link], source: str) -> list[Link]:
        """The article links among a sitemap's or feed's entries, inside --since/--until.

        Entries that are not article URLs are counted as `spektroom/<source>/not_article_url`.
        """
        articles: list[Link] = []
        for link in links:
            if classify_url(link.url, self.base_url) is UrlKind.ARTICLE:
                articles.append(link)
            else:
                self.count(f"spektroom/{source}/not_article_url")
        return self.window(articles, source)

    def article_requests(self, links: Iterable[Link]) -> Iterator[scrapy.Request]:
        """Requests for the links the gate admits."""
        for link in self.open_gate().admit(links):
            yield self.article_request(link)

    def article_request(self, link: Link) -> scrapy.Request:
        return scrapy.Request(
            link.url,
            callback=self.parse_article,
            priority=ARTICLE_PRIORITY,
            meta={"spektroom_article": True, "lastmod": link.lastmod_iso},
        )

    def count(self, key: str, value: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, value)

    # -- the article callback -----------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Any]:
        """Extract the page; yield the article, or count the page as not an article."""
        article = extract_article(response.body, response.url, now=self.crawl_time)
        if not is_article(article):
            self.count("spektroom/pages/not_article")
            logger.info("not an article: %s (%s)", response.url, "; ".join(article.warnings))
            return
        article.fetched_url = response.url
        article.fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        article.lastmod = response.meta.get("lastmod")
        self.count("spektroom/pages/article")
        yield article


def _is_ip(host: str) -> bool:
    parts = host.split(".")
    return len(parts) == 4 and all(p.isdigit() for p in parts)
