"""`spektroom delete`: remove articles from the corpus (takedowns, pages that were never news)."""

from __future__ import annotations

import click

from spektroom_crawler.cli._corpus import database_errors, db_option, open_store


@click.command("delete")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("--dry-run", is_flag=True, help="Show what would be removed; change nothing.")
@db_option
@database_errors
def command(urls: tuple[str, ...], dry_run: bool, db_url: str) -> None:
    """Remove the articles at URL... (any variant: utm, AMP, www) with their quotes, credits,
    tags, revisions and search entries, in one transaction, and the people and tags no other
    article names. Their duplicates stay: each becomes an original or a duplicate of another
    copy. Exits 1 when a URL is not stored.

    \b
    Example:
      spektroom delete https://spektroom.co.id/some-article/ --dry-run
    """
    report = open_store(db_url).delete(urls, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for result in report.deleted:
        line = f"{verb} {result.canonical_url} (id {result.article_id})"
        if result.promoted:
            line += f"; duplicates now originals: {', '.join(map(str, result.promoted))}"
        if result.repointed:
            line += f"; duplicates re-pointed: {', '.join(map(str, result.repointed))}"
        click.echo(line)
    if report.people_removed or report.tags_removed:
        click.echo(
            f"{'would also delete' if dry_run else 'also deleted'}: {report.people_removed}"
            f" people and {report.tags_removed} tags that no other article names"
        )
    for url in report.not_stored:
        click.echo(f"not stored: {url}", err=True)
    if report.not_stored:
        raise SystemExit(1)
