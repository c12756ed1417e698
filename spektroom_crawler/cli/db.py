"""`spektroom db`: create, upgrade and inspect the corpus database schema."""

from __future__ import annotations

import click

from pipelines.db.engine import current_revision, head_revision, upgrade
from spektroom_crawler.cli._corpus import database_errors, db_option


@click.group("db")
def command() -> None:
    """Manage the corpus database schema (Alembic migrations shipped with the package).

    \b
    Example:
      spektroom db upgrade --db postgresql+psycopg://localhost/spektroom
    """


@command.command("upgrade")
@db_option
@database_errors
def upgrade_command(db_url: str) -> None:
    """Create the database or upgrade it to the newest schema.

    \b
    Example:
      spektroom db upgrade                      # sqlite:///spektroom.db
    """
    before = current_revision(db_url)
    upgrade(db_url)
    after = current_revision(db_url)
    if before == after:
        click.echo(f"database already at revision {after}")
    else:
        click.echo(f"database upgraded from {before or 'empty'} to revision {after}")


@command.command("current")
@db_option
@database_errors
def current_command(db_url: str) -> None:
    """Show the schema revision of the database and whether it is the newest.

    \b
    Example:
      spektroom db current
    """
    revision = current_revision(db_url)
    head = head_revision()
    state = "up to date" if revision == head else f"newest is {head}; run `spektroom db upgrade`"
    click.echo(f"{revision or 'empty (no schema)'} ({state})")


@command.command("history")
def history_command() -> None:
    """List the schema migrations shipped with this version, newest first.

    \b
    Example:
      spektroom db history
    """
    from alembic.script import ScriptDirectory

    from pipelines.db.engine import MIGRATIONS

    for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions():
        click.echo(f"{script.revision}  {(script.doc or '').splitlines()[0]}")
