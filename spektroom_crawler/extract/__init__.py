"""Pure extraction: HTML + URL -> Article (no Scrapy, no network)."""

from __future__ import annotations

from spektroom_crawler.extract.article import extract_article, is_article

__all__ = ["extract_article", "is_article"]
