"""Initial schema: articles, people, quotes, tags, revisions, LSH bands, crawl runs, full text

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from pipelines.db.types import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_T = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
# Full-text search: SQLite FTS5 (external content kept in sync by triggers) or a PostgreSQL
# tsvector column with a GIN index, in the 'indonesian' configuration when the server has it
# ('simple' otherwise); the configuration used is recorded in store_meta. The tsvector is set by
# a trigger that fires only when headline or body change: a generated column would be
# recomputed on every UPDATE, and each re-crawl updates last_seen_at.
FTS_SQLITE = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, headline, body) "
    "VALUES ('delete', old.id, old.headline, old.body); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF headline, body ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, headline, body) "
    "VALUES ('delete', old.id, old.headline, old.body); "
    "INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body); END",
)


def _create_full_text() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in FTS_SQLITE:
            op.execute(statement)
        config = "fts5"
    elif bind.dialect.name == "postgresql":
        names = {row[0] for row in bind.execute(sa.text("SELECT cfgname FROM pg_ts_config"))}
        config = "indonesian" if "indonesian" in names else "simple"
        op.execute("ALTER TABLE articles ADD COLUMN search_vector tsvector")
        op.execute(
            "CREATE FUNCTION articles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN NEW.search_vector := "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(NEW.headline, '')), 'A') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(NEW.body, '')), 'B'); "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER articles_search_vector BEFORE INSERT OR UPDATE OF headline, body "
            "ON articles FOR EACH ROW EXECUTE FUNCTION articles_search_vector()"
        )
        op.execute("CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)")
    else:
        config = "like"
    op.bulk_insert(
        sa.table("store_meta", sa.column("key", sa.String), sa.column("value", sa.Text)),
        [{"key": "fulltext", "value": config}],
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_url", sa.String(length=2048), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("fetched_url", sa.String(length=2048), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("subheadline", sa.Text(), nullable=True),
        sa.Column("section", sa.String(length=255), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("published_offset", sa.SmallInteger(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_at_raw", sa.Text(), nullable=True),
        sa.Column("modified_at", UTCDateTime(), nullable=True),
        sa.Column("modified_offset", sa.SmallInteger(), nullable=True),
        sa.Column("modified_on", sa.Date(), nullable=True),
        sa.Column("modified_at_raw", sa.Text(), nullable=True),
        sa.Column("dateline_place", sa.String(length=255), nullable=True),
        sa.Column("dateline_outlet", sa.String(length=255), nullable=True),
        sa.Column("dateline_text", sa.Text(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("photo_credit", sa.Text(), nullable=True),
        sa.Column("image_url", sa.Text(), nullable=True),
        sa.Column("image_caption", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("related_urls", JSON_T, nullable=False),
        sa.Column("warnings", JSON_T, nullable=False),
        sa.Column("sources", JSON_T, nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("version_hash", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("duplicate_kind", sa.String(length=8), nullable=True),
        sa.Column("duplicate_similarity", sa.Float(), nullable=True),
        sa.Column("first_seen_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("last_fetched_at", UTCDateTime(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("lastmod", UTCDateTime(), nullable=True),
        sa.Column("lastmod_raw", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "duplicate_kind IN ('exact', 'near')", name=op.f("ck_articles_duplicate_kind")
        ),
        sa.CheckConstraint("revision >= 1", name=op.f("ck_articles_revision_positive")),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["articles.id"],
            name=op.f("fk_articles_duplicate_of_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_articles_canonical_url")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_duplicate_of"), ["duplicate_of"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_fingerprint"), ["fingerprint"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_published_on"), ["published_on"], unique=False
        )

    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spider", sa.String(length=64), nullable=False),
        sa.Column("arguments", JSON_T, nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("stats", JSON_T, nullable=True),
        sa.Column("outcome", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("name_key", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name_key", name=op.f("uq_people_name_key")),
    )
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("name_key", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name_key", name=op.f("uq_tags_name_key")),
    )
    op.create_table(
        "article_bands",
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band_hash", "article_id", name=op.f("pk_article_bands")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.create_index("ix_article_bands_article_id", ["article_id"], unique=False)

    op.create_table(
        "article_people",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('author', 'editor')", name=op.f("ck_article_people_role")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_people_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_article_people_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "role", "position", name=op.f("pk_article_people")),
    )
    with op.batch_alter_table("article_people", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_people_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("fetched_at", UTCDateTime(), nullable=True),
        sa.Column("replaced_at", UTCDateTime(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("version_hash", sa.String(length=64), nullable=False),
        sa.Column("snapshot", JSON_T, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_revisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revisions")),
        sa.UniqueConstraint(
            "article_id", "revision", name=op.f("uq_article_revisions_article_id_revision")
        ),
    )
    op.create_table(
        "article_tags",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_tags_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_article_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name=op.f("pk_article_tags")),
    )
    with op.batch_alter_table("article_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=255), nullable=True),
        sa.Column("speaker_title", sa.Text(), nullable=True),
        sa.Column("verb", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("paragraph", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("kind IN ('direct', 'indirect')", name=op.f("ck_quotes_kind")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_speaker"), ["speaker"], unique=False)

    _create_full_text()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS articles_search_vector ON articles")
        op.execute("DROP FUNCTION IF EXISTS articles_search_vector()")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_speaker"))
        batch_op.drop_index(batch_op.f("ix_quotes_article_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("article_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_tags_tag_id"))

    op.drop_table("article_tags")
    op.drop_table("article_revisions")
    with op.batch_alter_table("article_people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_people_person_id"))

    op.drop_table("article_people")
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_article_bands_article_id")

    op.drop_table("article_bands")
    op.drop_table("tags")
    op.drop_table("store_meta")
    op.drop_table("people")
    op.drop_table("crawl_runs")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published_on"))
        batch_op.drop_index(batch_op.f("ix_articles_fingerprint"))
        batch_op.drop_index(batch_op.f("ix_articles_duplicate_of"))

    op.drop_table("articles")
