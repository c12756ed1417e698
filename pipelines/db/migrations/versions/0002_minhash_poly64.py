"""MinHash signatures and LSH bands recomputed with the vectorized shingle hash

Signatures made by the CRC-32 shingle hash of 0001 cannot be compared with the new ones, so
every original's signature and bands are rebuilt from its stored body; the scheme in use is
recorded in store_meta ("minhash_scheme"). No table or column changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pipelines.dedupe import (
    SIGNATURE_SCHEME,
    band_hashes,
    body_bytes,
    minhash_body,
    pack_signature,
)

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 500
ARTICLES = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("body", sa.Text),
    sa.column("minhash", sa.LargeBinary),
)
BANDS = sa.table(
    "article_bands", sa.column("band_hash", sa.BigInteger), sa.column("article_id", sa.Integer)
)
META = sa.table("store_meta", sa.column("key", sa.String), sa.column("value", sa.Text))


def rebuild_signatures(bind: sa.Connection) -> int:
    """Recompute the signature and bands of every original (an article with a signature)."""
    bind.execute(sa.delete(BANDS))
    done = 0
    last = 0
    while True:
        rows = bind.execute(
            sa.select(ARTICLES.c.id, ARTICLES.c.body)
            .where(ARTICLES.c.minhash.is_not(None), ARTICLES.c.id > last)
            .order_by(ARTICLES.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return done
        updates: list[dict[str, object]] = []
        bands: list[dict[str, int]] = []
        for article_id, body in rows:
            # The body column is the paragraphs joined by blank lines: the same words.
            signature = minhash_body(body_bytes([body or ""]))
            updates.append({"b_id": article_id, "minhash": pack_signature(signature)})
            bands.extend(
                {"band_hash": band, "article_id": article_id}
                for band in dict.fromkeys(band_hashes(signature))
            )
        bind.execute(
            sa.update(ARTICLES).where(ARTICLES.c.id == sa.bindparam("b_id")), updates
        )
        if bands:
            bind.execute(sa.insert(BANDS), bands)
        done += len(rows)
        last = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    rebuild_signatures(bind)
    bind.execute(sa.delete(META).where(META.c.key == "minhash_scheme"))
    bind.execute(sa.insert(META).values(key="minhash_scheme", value=SIGNATURE_SCHEME))


def downgrade() -> None:
    # The old CRC-32 signatures are not rebuilt: near-duplicate matching against articles
    # stored before a downgrade stays off until they are re-crawled.
    bind = op.get_bind()
    bind.execute(sa.delete(META).where(META.c.key == "minhash_scheme"))
