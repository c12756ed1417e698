"""`spektroom quotes`: who said what, from the stored articles."""

from __future__ import annotations

import click

from pipelines.db.queries import quotes
from spektroom_crawler.cli._corpus import (
    database_errors,
    db_option,
    emit,
    open_store,
    output_options,
)

COLUMNS = ("published_on", "speaker", "speaker_title", "verb", "kind", "text", "url")


@click.command("quotes")
@click.option("--speaker", help="Speaker name, case-insensitive, part of the name is enough.")
@click.option("--contains", help="Only quotes whose text contains this.")
@click.option(
    "--kind", type=click.Choice(["direct", "indirect"]), help="Direct or indirect speech."
)
@click.option("-n", "--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
@db_option
@database_errors
def command(
    speaker: str | None,
    contains: str | None,
    kind: str | None,
    limit: int,
    fmt: str | None,
    db_url: str,
) -> None:
    """List quotes with their speaker, newest article first.

    \b
    Example:
      spektroom quotes --speaker Sukardi
      spektroom quotes --contains TPPO --kind direct --csv > kutipan.csv
    """
    store = open_store(db_url)
    with store.sessionmaker() as session:
        rows = quotes(session, speaker=speaker, contains=contains, kind=kind, limit=limit)
    emit(rows, fmt, (*COLUMNS, "headline") if fmt == "csv" else COLUMNS)
