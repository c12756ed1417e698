"""LSH band table without its secondary index on article_id

Each band row cost two B-tree inserts (the primary key (band_hash, article_id) and this index)
for a lookup only a revision needed: a revised original's old bands are now deleted by primary
key, recomputed from the signature stored with the article. Articles are never deleted by the
store, so the ON DELETE CASCADE that the index also served is off the hot path.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_article_bands_article_id", table_name="article_bands")


def downgrade() -> None:
    op.create_index("ix_article_bands_article_id", "article_bands", ["article_id"])
