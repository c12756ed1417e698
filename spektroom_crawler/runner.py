"""Run one crawl in this process: check it can run, build its settings, run it, summarize it.

`spektroom crawl` and `spektroom demo` are thin click layers over `preflight`, `run_crawl` and
`format_summary`. Checks happen before Scrapy starts, so a crawl that cannot run (bad base URL,
unreachable site or database, a job directory in use) fails with one clear line.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import Settings

from spektroom_crawler.classify import is_same_site
from spektroom_crawler.discovery import parse_bound
from spektroom_crawler.extensions import jobdir_owner, progress_counts
from spektroom_crawler.spiders.base import validate_base_url
from spektroom_crawler.spiders.urls import read_urls

__all__ = [
    "MODES",
    "CrawlOptions",
    "CrawlResult",
    "CrawlSetupError",
    "build_settings",
    "format_summary",
    "preflight",
    "project_settings",
    "run_crawl",
]

MODES = ("sitemap", "feed", "listing", "urls")
CONNECT_TIMEOUT = 5.0


class CrawlSetupError(Exception):
    """The crawl cannot run; the message is the one line shown to the user."""


@dataclass
class CrawlOptions:
    """Everything `spektroom crawl` accepts."""

    mode: str = "sitemap"
    base_url: str | None = None
    db: str | None = None
    since: str | None = None
    until: str | None = None
    max_pages: int | None = None
    resume: str | None = None
    refresh: bool = False
    concurrency: int | None = None
    urls: Sequence[str] = ()
    urls_file: str | None = None
    progress_interval: float = 5.0
    # A Redis URL makes this crawl one worker of a shared crawl (spektroom_crawler.distributed).
    redis: str | None = None
    log_level: str = "WARNING"
    log_file: str | None = None
    # Extra settings (KEY -> value), e.g. from `-s DOWNLOAD_TIMEOUT=2`.
    overrides: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class CrawlResult:
    """What a finished crawl reports."""

    spider: str
    base_url: str
    database_url: str
    finish_reason: str
    elapsed: float
    stats: dict[str, Any]

    @property
    def lost(self) -> int:
        """Articles extracted but not stored: their batch's write or commit failed."""
        return progress_counts(self.stats)["lost"]

    @property
    def ok(self) -> bool:
        return self.failure() is None

    def failure(self, *, resume: bool = False) -> str | None:
        """Why the crawl is not ok, as one line for stderr (None when it is)."""
        if self.finish_reason != "finished":
            hint = "; run the same command again to continue" if resume else ""
            return f"Error: the crawl ended early ({self.finish_reason}){hint}"
        if self.lost:
            return (
                f"Error: {self.lost} articles could not be stored (database errors, in the log); "
                "run the same command again to fetch them again"
            )
        return None

    def summary(self) -> dict[str, Any]:
        """The summary as JSON-ready data (`spektroom crawl --json`)."""
        counts = progress_counts(self.stats)
        return {
            "spider": self.spider,
            "base_url": self.base_url,
            "database": _safe_url(self.database_url),
            "finish_reason": self.finish_reason,
            "elapsed_seconds": round(self.elapsed, 3),
            "pages_per_second": round(counts["pages"] / self.elapsed, 2) if self.elapsed else 0.0,
            **counts,
            "stats": {k: _json_value(v) for k, v in sorted(self.stats.items())},
        }


def project_settings() -> Settings:
    """The project's settings, wherever the command runs from (no scrapy.cfg needed)."""
    settings = Settings()
    settings.setmodule("spektroom_crawler.settings", priority="project")
    return settings


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError, TypeError):
        return "?"  # only for display


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


def check_reachable(base_url: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """A TCP connection to the site's host and port, or CrawlSetupError saying why not."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return
    except socket.gaierror:
        raise CrawlSetupError(f"cannot reach {base_url}: host {host!r} not found") from None
    except TimeoutError:
        raise CrawlSetupError(f"cannot reach {base_url}: no answer in {timeout:.0f} s") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CrawlSetupError(f"cannot reach {base_url}: {reason.lower()}") from None


def check_database(url: str) -> None:
    """Open the store once (creating/upgrading the schema), or CrawlSetupError saying why not."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from pipelines.db.engine import DatabaseError
    from pipelines.db.store import ArticleStore

    try:
        store = ArticleStore.open(url)
        try:
            store.stored_versions([])
        finally:
            store.close()
    except ArgumentError:
        raise CrawlSetupError(f"bad database URL {url!r}") from None
    except (DatabaseError, SQLAlchemyError, OSError) as exc:
        if isinstance(exc, DatabaseError) and isinstance(exc.__cause__, ArgumentError):
            raise CrawlSetupError(f"bad database URL {url!r}") from None
        cause = exc.__cause__ if isinstance(exc, DatabaseError) and exc.__cause__ else exc
        reason = str(getattr(cause, "orig", None) or cause).strip().splitlines()[0]
        raise CrawlSetupError(f"cannot open database {_safe_url(url)}: {reason}") from None


def preflight(options: CrawlOptions, settings: Settings | None = None) -> CrawlOptions:
    """Validate options and check site and database; returns them with defaults filled in."""
    settings = settings or project_settings()
    if options.mode not in MODES:
        raise CrawlSetupError(f"unknown crawl mode {options.mode!r} (one of {', '.join(MODES)})")
    try:
        base_url = validate_base_url(options.base_url or settings.get("SPEKTROOM_BASE_URL"))
    except ValueError as exc:
        raise CrawlSetupError(str(exc)) from None
    try:
        since = parse_bound(options.since)
        until = parse_bound(options.until, end=True)
    except ValueError as exc:
        raise CrawlSetupError(f"bad --since/--until: {exc}") from None
    if since and until and since > until:
        raise CrawlSetupError(f"--since {options.since} is after --until {options.until}")
    if options.max_pages is not None and options.max_pages < 1:
        raise CrawlSetupError("--max-pages must be at least 1")
    if options.concurrency is not None and options.concurrency < 1:
        raise CrawlSetupError("--concurrency must be at least 1")
    if options.mode == "urls":
        if options.urls_file and not Path(options.urls_file).is_file():
            raise CrawlSetupError(f"no such file: {options.urls_file}")
        urls = read_urls(" ".join(options.urls), options.urls_file)
        if not urls:
            raise CrawlSetupError("the urls mode needs --url URL or --urls-file FILE")
        if not any(is_same_site(url, base_url) for url in urls):
            raise CrawlSetupError(f"none of the URLs is on {base_url} (see --base-url)")
    elif options.urls or options.urls_file:
        raise CrawlSetupError("--url and --urls-file only go with the urls mode")
    if options.resume:
        owner = jobdir_owner(options.resume)
        if owner is not None:
            raise CrawlSetupError(f"{options.resume} is in use by a running crawl (pid {owner})")
    db = options.db or settings.get("SPEKTROOM_DATABASE_URL")
    redis_url = options.redis or settings.get("SPEKTROOM_REDIS_URL") or None
    if redis_url:
        if options.resume:
            raise CrawlSetupError("--resume and --redis do not mix: Redis keeps a shared crawl")
        from spektroom_crawler.distributed import check_redis

        problem = check_redis(redis_url)
        if problem:
            raise CrawlSetupError(problem)
        options.redis = redis_url
    check_reachable(base_url)
    check_database(db)
    options.base_url, options.db = base_url, db
    return options


def build_settings(options: CrawlOptions, settings: Settings | None = None) -> Settings:
    """The project settings with this crawl's options applied (command-line priority)."""
    settings = settings or project_settings()
    values: dict[str, Any] = {
        "SPEKTROOM_BASE_URL": options.base_url,
        "SPEKTROOM_DATABASE_URL": options.db,
        "SPEKTROOM_REFRESH": options.refresh,
        "SPEKTROOM_PROGRESS_INTERVAL": options.progress_interval,
        "LOG_LEVEL": options.log_level,
    }
    if options.log_file:
        values["LOG_FILE"] = options.log_file
    if options.resume:
        values["JOBDIR"] = options.resume
    if options.concurrency:
        values["CONCURRENT_REQUESTS"] = options.concurrency
        values["CONCURRENT_REQUESTS_PER_DOMAIN"] = options.concurrency
        values["AUTOTHROTTLE_TARGET_CONCURRENCY"] = min(
            float(options.concurrency), settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY")
        )
    redis_url = options.redis or settings.get("SPEKTROOM_REDIS_URL") or None
    if redis_url:
        from spektroom_crawler.distributed import apply_redis_settings

        base_url = str(options.base_url or settings.get("SPEKTROOM_BASE_URL"))
        apply_redis_settings(settings, redis_url, base_url, options.mode, priority="cmdline")
    values.update(options.overrides)
    settings.setdict({k: v for k, v in values.items() if v is not None}, priority="cmdline")
    return settings


def spider_arguments(options: CrawlOptions) -> dict[str, Any]:
    """The spider's `-a` arguments for these options."""
    kwargs: dict[str, Any] = {}
    if options.since:
        kwargs["since"] = options.since
    if options.until:
        kwargs["until"] = options.until
    if options.max_pages:
        kwargs["max_pages"] = options.max_pages
    if options.mode == "urls":
        if options.urls:
            kwargs["urls"] = ",".join(options.urls)
        if options.urls_file:
            kwargs["urls_file"] = str(options.urls_file)
    return kwargs


def run_crawl(options: CrawlOptions, settings: Settings | None = None) -> CrawlResult:
    """Run the crawl to its end in this process (starts and stops the Twisted reactor)."""
    from scrapy.crawler import CrawlerProcess

    settings = build_settings(options, settings)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(options.mode)
    started = time.monotonic()
    process.crawl(crawler, **spider_arguments(options))
    process.start()
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    # The spider's own open-to-close time (no interpreter or reactor start-up) when known.
    elapsed = float(stats.get("elapsed_time_seconds") or time.monotonic() - started)
    return CrawlResult(
        spider=options.mode,
        base_url=str(options.base_url),
        database_url=str(options.db),
        finish_reason=str(stats.get("finish_reason", "did not start")),
        elapsed=elapsed,
        stats=stats,
    )


def format_summary(result: CrawlResult) -> str:
    """The end-of-crawl summary, a few aligned lines."""
    data = result.summary()
    rows = [
        ("pages fetched", f"{data['pages']} ({data['pages_per_second']} pages/s)"),
        ("articles stored", data["stored"]),
        ("articles updated", data["updated"]),
        ("unchanged", data["unchanged"]),
        *([("  of which with new quotes", data["requoted"])] if data.get("requoted") else []),
        ("duplicates", data["duplicates"]),
        ("skipped (already stored)", data["skipped"]),
        ("dropped (invalid)", data["dropped"]),
        *([("not stored (database errors)", data["lost"])] if data.get("lost") else []),
        ("pages not articles", data["not_articles"]),
        ("retries", data["retries"]),
        ("errors", data["errors"]),
        ("database", data["database"]),
    ]
    head = (
        f"{result.spider} crawl of {result.base_url}: {result.finish_reason} "
        f"in {result.elapsed:.1f} s"
    )
    width = max(len(name) for name, _ in rows)
    return "\n".join([head, *(f"  {name:<{width}}  {value}" for name, value in rows)])


def summary_json(result: CrawlResult) -> str:
    return json.dumps(result.summary(), ensure_ascii=False, indent=2)
