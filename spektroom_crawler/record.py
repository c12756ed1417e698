"""The article record: what extraction returns, what `spektroom parse` prints, what the store keeps.

Plain dataclasses (no Scrapy import): extraction builds them, spiders yield them as items
(Scrapy handles dataclass items through itemadapter), pipelines read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect"]

# The keys of the public record, in the order `spektroom parse` prints them.
RECORD_KEYS: tuple[str, ...] = (
    "url",
    "canonical_url",
    "headline",
    "subheadline",
    "section",
    "tags",
    "language",
    "published_at",
    "modified_at",
    "published_at_raw",
    "modified_at_raw",
    "dateline",
    "event_date",
    "authors",
    "editors",
    "photo_credit",
    "image_url",
    "image_caption",
    "paragraphs",
    "quotes",
    "related_urls",
    "warnings",
)


@dataclass(slots=True)
class Dateline:
    """The lead-in of the first paragraph.

    "AGAM, Spektroom –" -> place "Agam", outlet "Spektroom".
    """

    place: str | None
    outlet: str | None
    text: str


@dataclass(slots=True)
class Quote:
    """One attributed statement, direct ("...," ujar X) or indirect (Menurut X, ...)."""

    text: str
    speaker: str | None
    speaker_title: str | None
    verb: str | None
    kind: QuoteKind
    paragraph: int  # 0-based index into Article.paragraphs


@dataclass(slots=True)
class Article:
    """One article page turned into data. Dates are ISO 8601 strings (see `format_when`)."""

    url: str
    canonical_url: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    published_at_raw: str | None = None
    modified_at_raw: str | None = None
    dateline: Dateline | None = None
    event_date: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photo_credit: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    related_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Which source produced each field ("jsonld", "meta", "template:ghost", "text", ...);
    # kept for debugging (`spektroom parse --sources`), not part of the record.
    sources: dict[str, str] = field(default_factory=dict)
    # Crawl metadata, set by spiders (never by extraction), stored but not printed by `parse`.
    fetched_url: str | None = None
    fetched_at: str | None = None
    lastmod: str | None = None

    def to_dict(self, *, sources: bool = False, crawl: bool = False) -> dict[str, Any]:
        """The public record as a JSON-ready dict, keys in RECORD_KEYS order."""
        data = asdict(self)
        out: dict[str, Any] = {key: data[key] for key in RECORD_KEYS}
        if sources:
            out["sources"] = data["sources"]
        if crawl:
            out["fetched_url"] = self.fetched_url
            out["fetched_at"] = self.fetched_at
            out["lastmod"] = self.lastmod
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from `to_dict()` output (unknown keys are ignored)."""
        kwargs = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        dateline = kwargs.get("dateline")
        if isinstance(dateline, dict):
            kwargs["dateline"] = Dateline(**dateline)
        quotes = kwargs.get("quotes") or []
        kwargs["quotes"] = [q if isinstance(q, Quote) else Quote(**q) for q in quotes]
        return cls(**kwargs)


def format_when(value: dt.datetime | dt.date | None) -> str | None:
    """ISO 8601 text for the record: with a UTC offset for datetimes, bare YYYY-MM-DD for dates."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("record datetimes must be timezone-aware")
        return value.isoformat()
    return value.isoformat()
