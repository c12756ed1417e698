"""The incremental gate: fetch only articles the store does not have, or has in an older version.

Spiders hand the gate a whole batch of discovered links (one sitemap, one feed, one listing page)
and it asks the store once per batch (`ArticleStore.stored_versions`, an indexed lookup by
canonical URL), so a re-run costs one query per batch, never an in-memory set of the whole
history. A link is fetched when the store lacks its canonical URL, when its sitemap/feed date is
newer than the stored version, or when the crawl runs with refresh.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from spektroom_crawler.discovery import Link, parse_lastmod
from spektroom_crawler.urls import canonicalize_url

__all__ = ["IncrementalGate", "StatsLike", "VersionLookup"]

logger = logging.getLogger(__name__)

STAT_NEW = "spektroom/gate/new"
STAT_SKIPPED = "spektroom/gate/skipped"
STAT_NEWER = "spektroom/gate/refetched_newer"
STAT_REFRESH = "spektroom/gate/refresh"
STAT_QUERIES = "spektroom/gate/queries"
STAT_REPEATED = "spektroom/gate/repeated"


class VersionLookup(Protocol):
    """What the gate needs from the store (pipelines.db.store.ArticleStore provides it)."""

    def stored_versions(self, canonical_urls: Sequence[str]) -> Mapping[str, Any]: ...


class StatsLike(Protocol):
    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...


def _as_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    if isinstance(value, str):
        return parse_lastmod(value)
    return None


def stored_reference(info: object) -> dt.datetime | None:
    """What a discovered lastmod is compared with: stored lastmod, else modified, else fetched."""
    for name in ("lastmod", "modified_at", "last_fetched_at"):
        when = _as_datetime(getattr(info, name, None))
        if when is not None:
            return when
    return None


class IncrementalGate:
    """Decides, per batch of discovered article links, which ones to request."""

    def __init__(
        self,
        lookup: VersionLookup | None,
        *,
        refresh: bool = False,
        stats: StatsLike | None = None,
        batch_size: int = 500,
    ) -> None:
        self.lookup = lookup
        self.refresh = refresh
        self.stats = stats
        self.batch_size = max(1, batch_size)
        # Canonical URLs already decided in this crawl (the WordPress and Ghost sitemaps, or many
        # listing pages, repeat the same articles): each is looked up and counted once. Like
        # Scrapy's seen-set it lives for one crawl only, never across the site's history.
        self._decided: set[str] = set()

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(key, count)

    def admit(self, links: Iterable[Link]) -> list[Link]:
        """The links worth fetching, in their original order, one per canonical URL."""
        unique: dict[str, Link] = {}
        repeated = 0
        for link in links:
            key = canonicalize_url(link.url)
            if key in self._decided:
                repeated += 1
                continue
            kept = unique.get(key)
            # Keep the first spelling, but the newest date any source gave.
            if kept is None:
                unique[key] = link
            elif link.lastmod and (kept.lastmod is None or link.lastmod > kept.lastmod):
                unique[key] = Link(kept.url, link.lastmod)
        self._inc(STAT_REPEATED, repeated)
        self._decided.update(unique)
        if self.refresh or self.lookup is None:
            self._inc(STAT_REFRESH if self.refresh else STAT_NEW, len(unique))
            return list(unique.values())
        keys = list(unique)
        admitted: list[Link] = []
        for start in range(0, len(keys), self.batch_size):
            chunk = keys[start : start + self.batch_size]
            stored = self.lookup.stored_versions(chunk)
            self._inc(STAT_QUERIES)
            for key in chunk:
                link = unique[key]
                verdict = self.verdict(link, stored.get(key))
                if verdict is not None:
                    self._inc(verdict)
                    admitted.append(link)
                else:
                    self._inc(STAT_SKIPPED)
        return admitted

    @staticmethod
    def verdict(link: Link, info: object | None) -> str | None:
        """Why `link` is fetched (a stats key), or None when the stored version is current."""
        if info is None:
            return STAT_NEW
        reference = stored_reference(info)
        if link.lastmod is not None and reference is not None and link.lastmod > reference:
            return STAT_NEWER
        return None

    def admit_one(self, url: str) -> bool:
        """Single-URL check (for redirect targets, which no batch saw)."""
        return bool(self.admit([Link(url)]))
