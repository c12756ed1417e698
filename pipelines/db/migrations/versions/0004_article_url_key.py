"""Articles remember the URL they were fetched at when it is not their canonical URL

A page whose declared canonical URL differs from the address its sitemap lists was stored under
the canonical URL only, so the incremental gate, which looks links up by their own canonical
form, fetched it again on every crawl. `url_key` holds the canonical form of the fetched URL
for those rows (NULL otherwise, the usual case), behind a partial index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pipelines.db.records import url_key

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL_CHUNK = 1000


def upgrade() -> None:
    op.add_column("articles", sa.Column("url_key", sa.String(length=2048), nullable=True))
    op.create_index(
        "ix_articles_url_key",
        "articles",
        ["url_key"],
        sqlite_where=sa.text("url_key IS NOT NULL"),
        postgresql_where=sa.text("url_key IS NOT NULL"),
    )
    # Backfill the rows stored before: only those whose fetched URL is spelled differently
    # from their canonical URL can need a key, and they are few.
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, url, canonical_url FROM articles WHERE url <> canonical_url")
    ).all()
    updates = [
        {"row_id": row_id, "key": key}
        for row_id, url, canonical in rows
        if (key := url_key(url, canonical)) is not None
    ]
    for start in range(0, len(updates), BACKFILL_CHUNK):
        conn.execute(
            sa.text("UPDATE articles SET url_key = :key WHERE id = :row_id"),
            updates[start : start + BACKFILL_CHUNK],
        )


def downgrade() -> None:
    op.drop_index("ix_articles_url_key", table_name="articles")
    op.drop_column("articles", "url_key")
