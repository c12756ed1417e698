"""`spektroom stats`: what the corpus holds."""

from __future__ import annotations

import json

import click

from pipelines.db.queries import corpus_stats
from spektroom_crawler.cli._corpus import database_errors, db_option, open_store, table


@click.command("stats")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many authors and speakers to list.",
)
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@db_option
@database_errors
def command(top: int, as_json: bool, db_url: str) -> None:
    """Articles per month, top authors, top speakers and field coverage (the share of stories
    with a date, a byline, quotes, ...). Duplicate copies are counted apart.

    \b
    Example:
      spektroom stats
      spektroom stats --json --top 20
    """
    store = open_store(db_url)
    with store.sessionmaker() as session:
        stats = corpus_stats(session, top=top)
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{stats['articles']} articles, {stats['duplicates']} duplicate copies, "
        f"{stats['revised']} revised\n"
    )
    click.echo("Articles per month")
    click.echo(table(stats["per_month"], ("month", "articles")))
    click.echo("Top authors")
    click.echo(table(stats["top_authors"], ("name", "articles")))
    click.echo("Top speakers")
    click.echo(table(stats["top_speakers"], ("speaker", "quotes", "articles")))
    click.echo("Field coverage (share of articles)")
    coverage = [{"field": k, "share": f"{v:.1%}"} for k, v in stats["coverage"].items()]
    click.echo(table(coverage, ("field", "share")), nl=False)
