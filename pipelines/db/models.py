"""The corpus schema: SQLAlchemy 2.x typed models.

Uniqueness lives here (one article per canonical URL, one person/tag per normalized name), so
dedupe never depends on an in-memory set. Record times are split into instant + offset + local
date (see `types.When`) so nothing is lost on SQLite.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipelines.db.types import UTCDateTime

# Stable constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
    }


class Article(Base):
    """One article per canonical URL, with every field of the record."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(2048), unique=True)
    url: Mapped[str] = mapped_column(String(2048))
    fetched_url: Mapped[str | None] = mapped_column(String(2048))
    # The canonical form of `url` (the address the page was fetched at) when it differs from
    # canonical_url, else NULL: a page that declares another canonical URL than the one its
    # sitemap lists is still recognized as stored on the next crawl (`stored_versions`).
    url_key: Mapped[str | None] = mapped_column(String(2048))

    headline: Mapped[str | None] = mapped_column(Text)
    subheadline: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(16))

    # published_at / modified_at: UTC instant + original offset (minutes) + local date + raw text.
    published_at: Mapped[dt.datetime | None]
    published_offset: Mapped[int | None] = mapped_column(SmallInteger)
    published_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_at_raw: Mapped[str | None] = mapped_column(Text)
    modified_at: Mapped[dt.datetime | None]
    modified_offset: Mapped[int | None] = mapped_column(SmallInteger)
    modified_on: Mapped[dt.date | None] = mapped_column(Date)
    modified_at_raw: Mapped[str | None] = mapped_column(Text)

    dateline_place: Mapped[str | None] = mapped_column(String(255))
    dateline_outlet: Mapped[str | None] = mapped_column(String(255))
    dateline_text: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[dt.date | None] = mapped_column(Date)

    photo_credit: Mapped[str | None] = mapped_column(Text)
    image_url: Mapped[str | None] = mapped_column(Text)
    image_caption: Mapped[str | None] = mapped_column(Text)
    # Body paragraphs joined by a blank line; normalization guarantees no newline inside one.
    body: Mapped[str] = mapped_column(Text)
    related_urls: Mapped[list[str]] = mapped_column(JSONType)
    warnings: Mapped[list[str]] = mapped_column(JSONType)
    sources: Mapped[dict[str, str]] = mapped_column(JSONType)

    # Dedupe: exact body fingerprint, MinHash signature, and what this one duplicates.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    version_hash: Mapped[str] = mapped_column(String(64))
    # Hash of the quotes stored (`quotes_hash`): derived data, outside the version (0006).
    quotes_hash: Mapped[str | None] = mapped_column(String(64))
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    duplicate_kind: Mapped[str | None] = mapped_column(String(8))
    duplicate_similarity: Mapped[float | None] = mapped_column(Float)

    # Crawl bookkeeping.
    first_seen_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    last_fetched_at: Mapped[dt.datetime | None]
    revision: Mapped[int] = mapped_column(Integer, default=1)
    lastmod: Mapped[dt.datetime | None]
    lastmod_raw: Mapped[str | None] = mapped_column(String(64))

    quotes: Mapped[list[QuoteRow]] = relationship(
        back_populates="article", order_by="QuoteRow.position", cascade="all, delete-orphan"
    )
    revisions: Mapped[list[ArticleRevision]] = relationship(
        back_populates="article", order_by="ArticleRevision.revision", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("duplicate_kind IN ('exact', 'near')", name="duplicate_kind"),
        CheckConstraint("revision >= 1", name="revision_positive"),
        # Partial: nearly every page is fetched at its canonical URL (url_key NULL), and those
        # rows cost the index nothing.
        Index(
            "ix_articles_url_key",
            "url_key",
            sqlite_where=text("url_key IS NOT NULL"),
            postgresql_where=text("url_key IS NOT NULL"),
        ),
    )


class Person(Base):
    """An author or editor, unique by normalized name."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)


class ArticlePerson(Base):
    """A byline credit: person, role (author|editor) and position in the byline."""

    __tablename__ = "article_people"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(8), primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)

    __table_args__ = (CheckConstraint("role IN ('author', 'editor')", name="role"),)


class QuoteRow(Base):
    """One attributed statement, direct or indirect, in article order."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(SmallInteger)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(255), index=True)
    speaker_title: Mapped[str | None] = mapped_column(Text)
    verb: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    paragraph: Mapped[int] = mapped_column(SmallInteger)

    article: Mapped[Article] = relationship(back_populates="quotes")

    __table_args__ = (CheckConstraint("kind IN ('direct', 'indirect')", name="kind"),)


class Tag(Base):
    """A tag, unique by normalized name."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)


class ArticleTag(Base):
    __tablename__ = "article_tags"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), index=True)


class ArticleRevision(Base):
    """A previous version of an article, kept when the article came back changed."""

    __tablename__ = "article_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime | None]
    replaced_at: Mapped[dt.datetime]
    fingerprint: Mapped[str] = mapped_column(String(64))
    version_hash: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONType)

    article: Mapped[Article] = relationship(back_populates="revisions")

    __table_args__ = (UniqueConstraint("article_id", "revision"),)


class ArticleBand(Base):
    """One LSH band of an original article's MinHash: candidates for near-duplicates.

    `band_hash` mixes the band index with its rows, so one indexed column serves every band.
    No index on article_id (migration 0003) and no foreign key (0005): the store deletes an
    article's bands by primary key, recomputed from its stored signature, when it revises or
    deletes the article; a cascade could only find them by scanning the table.
    """

    __tablename__ = "article_bands"

    band_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, primary_key=True)

    # WITHOUT ROWID on SQLite: the table is its primary-key B-tree (one insert per row, not two).
    __table_args__ = ({"sqlite_with_rowid": False},)


class CrawlRun(Base):
    """One crawl: which spider, with what arguments, when, how it ended, its stats."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spider: Mapped[str] = mapped_column(String(64))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSONType)
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    stats: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    outcome: Mapped[str | None] = mapped_column(String(64))


class StoreMeta(Base):
    """Key/value facts about this database (e.g. the full-text configuration in use)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
