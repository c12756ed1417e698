"""LSH band rows without a foreign key to their article

The key's ON DELETE CASCADE found a deleted article's band rows by scanning the whole table:
there is no index on article_id (0003), and on PostgreSQL too an unindexed referencing column
means a scan per deleted row. The store deletes an article's bands itself, by primary key,
before it deletes or revises the article, so the cascade only ever found nothing, slowly:
`spektroom delete` cost ~30 ms per article in a 10k-article SQLite corpus, 1.5 ms without the
key. Band rows are derived data that only the store writes; a candidate whose article is gone
(deleted by hand) is skipped when duplicates are looked for.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_article_bands_article_id_articles"


def upgrade() -> None:
    # SQLite cannot drop a constraint: batch mode rebuilds the table (WITHOUT ROWID kept).
    with op.batch_alter_table(
        "article_bands", table_kwargs={"sqlite_with_rowid": False}
    ) as batch_op:
        batch_op.drop_constraint(FOREIGN_KEY, type_="foreignkey")


def downgrade() -> None:
    # Rows of articles deleted by hand would fail the restored key.
    op.execute("DELETE FROM article_bands WHERE article_id NOT IN (SELECT id FROM articles)")
    with op.batch_alter_table(
        "article_bands", table_kwargs={"sqlite_with_rowid": False}
    ) as batch_op:
        batch_op.create_foreign_key(
            FOREIGN_KEY, "articles", ["article_id"], ["id"], ondelete="CASCADE"
        )
