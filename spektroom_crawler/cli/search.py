"""`spektroom search`: ranked full-text search over headlines and bodies, with snippets."""

from __future__ import annotations

from dataclasses import asdict

import click

from pipelines.db.queries import search
from spektroom_crawler.cli._corpus import (
    database_errors,
    db_option,
    emit,
    open_store,
    output_options,
)

COLUMNS = ("score", "published_at", "headline", "snippet", "url")


@click.command("search")
@click.argument("text")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--all", "include_duplicates", is_flag=True, help="Include duplicate copies.")
@output_options
@db_option
@database_errors
def command(text: str, limit: int, include_duplicates: bool, fmt: str | None, db_url: str) -> None:
    """Full-text search (SQLite FTS5, or PostgreSQL with the 'indonesian' configuration),
    best match first, with the matching words [bracketed] in a snippet.

    \b
    Example:
      spektroom search "perdagangan orang"
      spektroom search "banjir Agam" --json -n 5
    """
    store = open_store(db_url)
    with store.sessionmaker() as session:
        hits = search(session, text, limit=limit, include_duplicates=include_duplicates)
    rows = [asdict(hit) | {"score": round(hit.score, 4)} for hit in hits]
    emit(rows, fmt, ("id", *COLUMNS) if fmt in ("csv",) else COLUMNS)
