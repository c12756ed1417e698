"""Rows <-> article records: what goes into the articles row, and the record read back out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from pipelines.db.models import Article as ArticleRow
from pipelines.db.models import ArticlePerson, ArticleTag, Person, QuoteRow, Tag
from pipelines.db.types import When, parse_instant
from spektroom_crawler.record import RECORD_KEYS, Article
from spektroom_crawler.urls import canonicalize_url

PARAGRAPH_SEPARATOR = "\n\n"
# Bounded columns, which PostgreSQL enforces (SQLite does not): a longer URL makes the article
# unstorable (`check_url_lengths`); a longer short text is cut to fit (`_clip`).
URL_COLUMNS = ("url", "url_key", "fetched_url")


def _length(column: str) -> int:
    column_type = ArticleRow.__table__.c[column].type
    assert isinstance(column_type, String) and column_type.length is not None, column
    return column_type.length


MAX_URL = _length("canonical_url")
CLIPPED_COLUMNS: dict[str, int] = {
    name: _length(name)
    for name in ("section", "language", "dateline_place", "dateline_outlet", "lastmod_raw")
}
# Keys of an exported record: the article record, crawl metadata, then the store's own.
EXPORT_KEYS: tuple[str, ...] = (
    "id", *RECORD_KEYS, "fetched_url", "fetched_at", "lastmod",
    "first_seen_at", "last_seen_at", "revision", "duplicate_of",
)


def _date(text: str | None) -> dt.date | None:
    value = When.parse(text)
    return value.local_date if value.instant is None else None


def url_key(url: str | None, canonical_url: str | None) -> str | None:
    """The canonical form of the URL a page was fetched at, when it is not `canonical_url`.

    None in the usual case, where the page was fetched at its canonical URL, and for a URL
    without a canonical form. The incremental gate looks a link up by this key too, so a page
    that declares another canonical URL than its sitemap gives is not fetched again.
    """
    if not url or url == canonical_url:  # the usual case costs one comparison
        return None
    try:
        key = canonicalize_url(url)
    except ValueError:
        return None
    return None if key == canonical_url else key


def article_values(article: Article) -> dict[str, Any]:
    """Column values of the articles row for a normalized article (no ids, no bookkeeping)."""
    published = When.parse(article.published_at)
    modified = When.parse(article.modified_at)
    dateline = article.dateline
    event = When.parse(article.event_date)
    return {
        "url": article.url,
        "url_key": url_key(article.url, article.canonical_url),
        "fetched_url": article.fetched_url,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "section": _clip(article.section, "section"),
        "language": _clip(article.language, "language"),
        "published_at": published.instant,
        "published_offset": published.offset_minutes,
        "published_on": published.local_date,
        "published_at_raw": article.published_at_raw,
        "modified_at": modified.instant,
        "modified_offset": modified.offset_minutes,
        "modified_on": modified.local_date,
        "modified_at_raw": article.modified_at_raw,
        "dateline_place": _clip(dateline.place, "dateline_place") if dateline else None,
        "dateline_outlet": _clip(dateline.outlet, "dateline_outlet") if dateline else None,
        "dateline_text": dateline.text if dateline else None,
        "event_date": event.local_date,
        "photo_credit": article.photo_credit,
        "image_url": article.image_url,
        "image_caption": article.image_caption,
        "body": PARAGRAPH_SEPARATOR.join(article.paragraphs),
        "related_urls": list(article.related_urls),
        "warnings": list(article.warnings),
        "sources": dict(article.sources),
        "lastmod": parse_instant(article.lastmod),
        "lastmod_raw": _clip(article.lastmod, "lastmod_raw"),
    }


def _clip(value: str | None, column: str) -> str | None:
    """A short text cut to its column's length (a junk value; real ones are far shorter)."""
    limit = CLIPPED_COLUMNS[column]
    return value[:limit] if value is not None and len(value) > limit else value


def check_url_lengths(canonical_url: str, values: dict[str, Any]) -> None:
    """Raise ValueError when a URL of the article is longer than its column holds: cut, it
    would be another URL (and two cut alike, one article)."""
    for url in (canonical_url, *(values[name] for name in URL_COLUMNS)):
        if url is not None and len(url) > MAX_URL:
            raise ValueError(f"a URL of {len(url)} characters (at most {MAX_URL} are stored)")


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def row_record(row: ArticleRow) -> dict[str, Any]:
    """The export record of one articles row, without quotes/people/tags (filled by caller)."""
    return {
        "id": row.id,
        "url": row.url,
        "canonical_url": row.canonical_url,
        "headline": row.headline,
        "subheadline": row.subheadline,
        "section": row.section,
        "tags": [],
        "language": row.language,
        "published_at": When(row.published_at, row.published_offset, row.published_on).iso(),
        "modified_at": When(row.modified_at, row.modified_offset, row.modified_on).iso(),
        "published_at_raw": row.published_at_raw,
        "modified_at_raw": row.modified_at_raw,
        "dateline": (
            None
            if row.dateline_text is None
            else {
                "place": row.dateline_place,
                "outlet": row.dateline_outlet,
                "text": row.dateline_text,
            }
        ),
        "event_date": _iso(row.event_date),
        "authors": [],
        "editors": [],
        "photo_credit": row.photo_credit,
        "image_url": row.image_url,
        "image_caption": row.image_caption,
        "paragraphs": row.body.split(PARAGRAPH_SEPARATOR) if row.body else [],
        "quotes": [],
        "related_urls": list(row.related_urls or []),
        "warnings": list(row.warnings or []),
        "fetched_url": row.fetched_url,
        "fetched_at": _iso(row.last_fetched_at),
        "lastmod": row.lastmod_raw,
        "first_seen_at": _iso(row.first_seen_at),
        "last_seen_at": _iso(row.last_seen_at),
        "revision": row.revision,
        "duplicate_of": row.duplicate_of,
    }


def load_records(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Full export records (quotes, people, tags included) for the given article ids.

    Four queries for the whole chunk, whatever its size: callers page through ids in chunks.
    """
    if not ids:
        return {}
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))).all()
    records = {row.id: row_record(row) for row in rows}
    quotes: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for q in session.scalars(
        select(QuoteRow)
        .where(QuoteRow.article_id.in_(ids))
        .order_by(QuoteRow.article_id, QuoteRow.position)
    ):
        quotes[q.article_id].append(
            {
                "text": q.text, "speaker": q.speaker, "speaker_title": q.speaker_title,
                "verb": q.verb, "kind": q.kind, "paragraph": q.paragraph,
            }
        )
    for article_id, role, name in session.execute(
        select(ArticlePerson.article_id, ArticlePerson.role, Person.name)
        .join(Person, Person.id == ArticlePerson.person_id)
        .where(ArticlePerson.article_id.in_(ids))
        .order_by(ArticlePerson.article_id, ArticlePerson.role, ArticlePerson.position)
    ):
        records[article_id]["authors" if role == "author" else "editors"].append(name)
    for article_id, name in session.execute(
        select(ArticleTag.article_id, Tag.name)
        .join(Tag, Tag.id == ArticleTag.tag_id)
        .where(ArticleTag.article_id.in_(ids))
        .order_by(ArticleTag.article_id, ArticleTag.position)
    ):
        records[article_id]["tags"].append(name)
    for article_id, items in quotes.items():
        records[article_id]["quotes"] = items
    return records


def record_article(record: dict[str, Any]) -> Article:
    """An Article dataclass from an export record (drops the store's own keys)."""
    return Article.from_dict(record)


def instant_or_none(text: str | None) -> dt.datetime | None:
    """Aware UTC instant for ISO text, or None."""
    return parse_instant(text)
