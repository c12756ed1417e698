"""Spektroom news pipeline: crawl https://spektroom.co.id/ into a clean, queryable SQL corpus."""

from __future__ import annotations

from spektroom_crawler.extract.article import extract_article, is_article
from spektroom_crawler.extract.dates import parse_date
from spektroom_crawler.record import Article, Dateline, Quote

__all__ = ["Article", "Dateline", "Quote", "extract_article", "is_article", "parse_date"]
