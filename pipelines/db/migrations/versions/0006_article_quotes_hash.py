"""Articles remember which quotes they were stored with

Quotes are derived from the body by the extractor, not written by the publisher, so they are
no part of an article's version: a page that comes back with the same story keeps its version
and revision. But a better extractor finds other quotes in the same story, and they only
reached the corpus when the story itself changed. `quotes_hash` is the hash of the quotes
stored (NULL for rows stored before, which count as different): a page that comes back with
the same story and other quotes gets its quotes replaced in place, without a revision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("quotes_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("quotes_hash")
