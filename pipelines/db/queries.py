"""Read-side query functions over the corpus. Each receives a session; the CLI is a thin layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipelines.db.models import Article, ArticleRevision
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
