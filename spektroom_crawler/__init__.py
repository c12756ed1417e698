"""Spektroom news pipeline: crawl https://spektroom.co.id/ into a clean, queryable SQL corpus."""

from __future__ import annotations

from spektroom_crawler import _build

# Before any extractor module is imported: compiled (mypyc) or from the sources (see _build).
BUILD = _build.select_build()

from spektroom_crawler.extract.article import extract_article, is_article  # noqa: E402
from spektroom_crawler.extract.dates import parse_date  # noqa: E402
from spektroom_crawler.record import Article, Dateline, Quote  # noqa: E402

__all__ = ["BUILD", "Article", "Dateline", "Quote", "extract_article", "is_article", "parse_date"]
