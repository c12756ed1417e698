"""Read-side query functions over the corpus. Each receives a session; the CLI is a thin layer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.orm import Session

from pipelines.db.models import (
    Article,
    ArticlePerson,
    ArticleRevision,
    ArticleTag,
    Person,
    QuoteRow,
    StoreMeta,
)
from pipelines.db.records import load_records
from spektroom_crawler.urls import canonicalize_url


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One version of an article: the current one (`current=True`) or a kept revision."""

    revision: int
    fetched_at: str | None
    replaced_at: str | None
    fingerprint: str
    headline: str | None
    current: bool
    record: dict[str, Any]


def find_article(session: Session, url: str) -> Article | None:
    """The stored article for any variant of its URL (utm, AMP, www, ...)."""
    key = canonicalize_url(url)
    return session.scalars(select(Article).where(Article.canonical_url == key)).first()


def article_history(session: Session, url: str) -> list[HistoryEntry]:
    """Every version of the article at `url`, oldest first, the current one last ([] if unknown)."""
    article = find_article(session, url)
    if article is None:
        return []
    entries = [
        HistoryEntry(
            revision=rev.revision,
            fetched_at=rev.fetched_at.isoformat() if rev.fetched_at else None,
            replaced_at=rev.replaced_at.isoformat(),
            fingerprint=rev.fingerprint,
            headline=rev.snapshot.get("headline"),
            current=False,
            record=rev.snapshot,
        )
        for rev in session.scalars(
            select(ArticleRevision)
            .where(ArticleRevision.article_id == article.id)
            .order_by(ArticleRevision.revision)
        )
    ]
    current = load_records(session, [article.id])[article.id]
    entries.append(
        HistoryEntry(
            revision=article.revision,
            fetched_at=current["fetched_at"],
            replaced_at=None,
            fingerprint=article.fingerprint,
            headline=article.headline,
            current=True,
            record=current,
        )
    )
    return entries


# --- full-text search -----------------------------------------------------------------------

TOKEN_RE = re.compile(r"\w+")
SNIPPET_OPEN, SNIPPET_CLOSE = "[", "]"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result (higher score = better) with a snippet around the match."""

    id: int
    url: str
    headline: str | None
    published_at: str | None
    score: float
    snippet: str


def fulltext_config(session: Session) -> str:
    """How this database does full text: 'fts5', a PostgreSQL configuration name, or 'like'."""
    value = session.scalar(select(StoreMeta.value).where(StoreMeta.key == "fulltext"))
    return value or "like"


def _fts5_query(text: str) -> str | None:
    # Each word quoted: user input never reaches FTS5's query syntax (AND/OR/NEAR, columns, *).
    tokens = TOKEN_RE.findall(text)
    return " ".join(f'"{token}"' for token in tokens) if tokens else None


def search(
    session: Session, text: str, *, limit: int = 20, include_duplicates: bool = False
) -> list[SearchHit]:
    """Articles matching every word of `text`, best first (SQLite FTS5 bm25 or PostgreSQL
    ts_rank_cd over headline (weighted up) and body), each with a highlighted snippet."""
    config = fulltext_config(session)
    dup_filter = "" if include_duplicates else " AND a.duplicate_of IS NULL"
    if config == "fts5":
        query = _fts5_query(text)
        if query is None:
            return []
        rows = session.execute(
            sql_text(
                "SELECT a.id, a.canonical_url, a.headline, a.published_on, "
                "-bm25(articles_fts, 5.0, 1.0) AS score, "
                f"snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24) "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                f"WHERE articles_fts MATCH :q{dup_filter} "
                "ORDER BY bm25(articles_fts, 5.0, 1.0), a.id LIMIT :limit"
            ),
            {"q": query, "limit": limit},
        )
    elif config != "like":
        if not TOKEN_RE.search(text):
            return []
        rows = session.execute(
            sql_text(
                "SELECT a.id, a.canonical_url, a.headline, a.published_on, "
                "ts_rank_cd(a.search_vector, q) AS score, "
                "ts_headline(CAST(:cfg AS regconfig), a.body, q, "
                f"'StartSel={SNIPPET_OPEN},StopSel={SNIPPET_CLOSE},MaxWords=30,MinWords=12,"
                "MaxFragments=1,FragmentDelimiter=…') "
                "FROM articles a, websearch_to_tsquery(CAST(:cfg AS regconfig), :q) q "
                f"WHERE a.search_vector @@ q{dup_filter} "
                "ORDER BY score DESC, a.id LIMIT :limit"
            ),
            {"cfg": config, "q": text, "limit": limit},
        )
    else:
        raise RuntimeError("this database has no full-text index; run `spektroom db upgrade`")
    return [
        SearchHit(
            id=row[0], url=row[1], headline=row[2],
            published_at=row[3].isoformat() if hasattr(row[3], "isoformat") else row[3],
            score=float(row[4]), snippet=" ".join(str(row[5] or "").split()),
        )
        for row in rows
    ]


def search_filter(session: Session, text: str) -> ColumnElement[bool]:
    """A WHERE condition on Article selecting the articles that match `text` (for export)."""
    config = fulltext_config(session)
    if config == "fts5":
        query = _fts5_query(text)
        if query is None:
            return false()
        matching = sql_text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q")
        return Article.id.in_(matching.bindparams(q=query).columns(rowid=Integer))
    if config != "like":
        return literal_column("articles.search_vector").op("@@")(
            func.websearch_to_tsquery(cast(literal(config), REGCONFIG), text)
        )
    return Article.body.ilike(f"%{text}%")


# --- quotes ---------------------------------------------------------------------------------


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def quotes(
    session: Session,
    *,
    speaker: str | None = None,
    contains: str | None = None,
    kind: str | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Quotes, newest article first, filtered by speaker name (case-insensitive substring),
    text and kind; each with its article's URL, headline and date."""
    stmt = (
        select(
            QuoteRow.speaker, QuoteRow.speaker_title, QuoteRow.verb, QuoteRow.kind,
            QuoteRow.text, QuoteRow.paragraph, Article.canonical_url, Article.headline,
            Article.published_on,
        )
        .join(Article, Article.id == QuoteRow.article_id)
        .where(Article.duplicate_of.is_(None))
        .order_by(Article.published_on.desc().nulls_last(), Article.id.desc(), QuoteRow.position)
    )
    if speaker:
        stmt = stmt.where(func.lower(QuoteRow.speaker).like(_like(speaker), escape="\\"))
    if contains:
        stmt = stmt.where(func.lower(QuoteRow.text).like(_like(contains), escape="\\"))
    if kind:
        stmt = stmt.where(QuoteRow.kind == kind)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        {
            "speaker": r.speaker, "speaker_title": r.speaker_title, "verb": r.verb,
            "kind": r.kind, "text": r.text, "paragraph": r.paragraph, "url": r.canonical_url,
            "headline": r.headline,
            "published_on": r.published_on.isoformat() if r.published_on else None,
        }
        for r in session.execute(stmt)
    ]


# --- corpus statistics ----------------------------------------------------------------------


def _month(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def corpus_stats(session: Session, *, top: int = 10) -> dict[str, Any]:
    """Articles per month, top authors and speakers, and field coverage (share of stories with
    a date, a byline, quotes, ...). Duplicates are counted apart, not as stories."""
    originals = Article.duplicate_of.is_(None)
    stories = session.scalar(select(func.count()).where(originals)) or 0
    duplicates = session.scalar(select(func.count()).where(Article.duplicate_of.is_not(None))) or 0
    month = _month(session, Article.published_on).label("month")
    per_month = [
        {"month": m, "articles": n}
        for m, n in session.execute(
            select(month, func.count()).where(originals).group_by(month).order_by(month)
        )
    ]
    n_articles = func.count(func.distinct(ArticlePerson.article_id)).label("n")
    authors = [
        {"name": name, "articles": n}
        for name, n in session.execute(
            select(Person.name, n_articles)
            .join(ArticlePerson, ArticlePerson.person_id == Person.id)
            .join(Article, Article.id == ArticlePerson.article_id)
            .where(ArticlePerson.role == "author", originals)
            .group_by(Person.id, Person.name)
            .order_by(n_articles.desc(), Person.name)
            .limit(top)
        )
    ]
    n_quotes = func.count().label("n")
    speakers = [
        {"speaker": name, "quotes": n, "articles": a}
        for name, n, a in session.execute(
            select(QuoteRow.speaker, n_quotes, func.count(func.distinct(QuoteRow.article_id)))
            .join(Article, Article.id == QuoteRow.article_id)
            .where(QuoteRow.speaker.is_not(None), originals)
            .group_by(QuoteRow.speaker)
            .order_by(n_quotes.desc(), QuoteRow.speaker)
            .limit(top)
        )
    ]

    def has_credit(role: str) -> ColumnElement[bool]:
        return exists().where(ArticlePerson.article_id == Article.id, ArticlePerson.role == role)

    checks: dict[str, ColumnElement[bool]] = {
        "published_at": Article.published_on.is_not(None),
        "published_time": Article.published_at.is_not(None),
        "modified_at": Article.modified_on.is_not(None),
        "authors": has_credit("author"),
        "editors": has_credit("editor"),
        "quotes": exists().where(QuoteRow.article_id == Article.id),
        "tags": exists().where(ArticleTag.article_id == Article.id),
        "dateline": Article.dateline_text.is_not(None),
        "event_date": Article.event_date.is_not(None),
        "section": Article.section.is_not(None),
        "subheadline": Article.subheadline.is_not(None),
        "image_url": Article.image_url.is_not(None),
        "photo_credit": Article.photo_credit.is_not(None),
    }
    counts = session.execute(
        select(*(func.sum(case((cond, 1), else_=0)) for cond in checks.values())).where(originals)
    ).one()
    coverage = {
        name: round((int(n or 0) / stories) if stories else 0.0, 4)
        for name, n in zip(checks, counts, strict=True)
    }
    revised = session.scalar(select(func.count()).where(originals, Article.revision > 1)) or 0
    return {
        "articles": stories,
        "duplicates": duplicates,
        "revised": revised,
        "per_month": per_month,
        "top_authors": authors,
        "top_speakers": speakers,
        "coverage": coverage,
    }


# --- export ---------------------------------------------------------------------------------


def iter_export_records(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    search_text: str | None = None,
    chunk: int = 500,
) -> Iterator[dict[str, Any]]:
    """Every stored article as an export record, in id order, `chunk` at a time.

    Keyset pagination (id > last id) keeps memory constant for any corpus size and works the
    same on both backends; each chunk costs five queries. `since`/`until` bound the
    publication date (inclusive).
    """
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(Article.published_on >= since)
    if until is not None:
        conditions.append(Article.published_on <= until)
    if search_text:
        conditions.append(search_filter(session, search_text))
    last = 0
    while True:
        ids = list(
            session.scalars(
                select(Article.id)
                .where(Article.id > last, *conditions)
                .order_by(Article.id)
                .limit(chunk)
            )
        )
        if not ids:
            return
        records = load_records(session, ids)
        for article_id in ids:
            yield records[article_id]
        last = ids[-1]
        session.expunge_all()  # drop the chunk's ORM objects: constant memory
