"""`urls`: explicit article URLs, from `-a urls=...` (comma or whitespace separated) or a file."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from spektroom_crawler.classify import UrlKind, classify_url
from spektroom_crawler.discovery import Link
from spektroom_crawler.spiders.base import SpektroomSpider

__all__ = ["UrlsSpider", "read_urls"]

SEPARATOR_RE = re.compile(r"[\s,]+")
# Kinds that can never be an article page; everything else on the site is tried.
NEVER_ARTICLE = frozenset(
    {UrlKind.OFFSITE, UrlKind.INVALID, UrlKind.ASSET, UrlKind.FEED, UrlKind.SITEMAP}
)


def read_urls(urls: str | None = None, urls_file: str | Path | None = None) -> list[str]:
    """URLs from an argument string and/or a file (one per line, # comments), without repeats."""
    found: dict[str, None] = {}
    for token in SEPARATOR_RE.split(urls or ""):
        if token:
            found.setdefault(token, None)
    if urls_file:
        for line in Path(urls_file).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                found.setdefault(line, None)
    return list(found)


class UrlsSpider(SpektroomSpider):
    """Fetch and extract exactly the given URLs (still through the incremental gate)."""

    name = "urls"

    def __init__(
        self, *args: Any, urls: str | None = None, urls_file: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.urls = read_urls(urls, urls_file)
        self.urls_file = urls_file
        if not self.urls:
            raise ValueError("no URLs given: use -a urls=URL[,URL...] or -a urls_file=FILE")

    def extra_arguments(self) -> dict[str, Any]:
        return {"urls": len(self.urls), "urls_file": self.urls_file}

    async def start(self) -> AsyncIterator[Any]:
        links = []
        for url in self.urls:
            kind = classify_url(url, self.base_url)
            if kind in NEVER_ARTICLE:
                self.count(f"spektroom/urls/rejected_{kind.value}")
                self.logger.warning("skipping %s: %s URL, not an article of %s", url, kind.value,
                                    self.base_url)
                continue
            links.append(Link(url))
        for request in self.article_requests(links):
            yield request
