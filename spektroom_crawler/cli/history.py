"""`spektroom history`: every stored version of one article."""

from __future__ import annotations

from dataclasses import asdict

import click

from pipelines.db.queries import article_history
from spektroom_crawler.cli._corpus import (
    database_errors,
    db_option,
    emit,
    open_store,
    output_options,
)

COLUMNS = ("revision", "current", "fetched_at", "replaced_at", "fingerprint", "headline")


@click.command("history")
@click.argument("url")
@output_options
@db_option
@database_errors
def command(url: str, fmt: str | None, db_url: str) -> None:
    """List the versions of the article at URL (any variant: utm, AMP, www), oldest first.
    --json/--nl include each version's full record.

    \b
    Example:
      spektroom history https://spektroom.co.id/penghargaan-untuk-kapuas-hulu/
    """
    store = open_store(db_url)
    with store.sessionmaker() as session:
        entries = article_history(session, url)
    if not entries:
        raise click.ClickException(f"no stored article for {url}")
    rows = [asdict(e) for e in entries]
    if fmt not in ("json", "nl"):
        for row in rows:
            row.pop("record")
            row["fingerprint"] = row["fingerprint"][:12]
    emit(rows, fmt, COLUMNS)
