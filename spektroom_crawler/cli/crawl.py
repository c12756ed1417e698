"""`spektroom crawl`: discover, fetch, extract and store, incrementally and resumably."""

from __future__ import annotations

import sys
from typing import Any

import click

from spektroom_crawler.runner import (
    MODES,
    CrawlOptions,
    CrawlSetupError,
    format_summary,
    preflight,
    run_crawl,
    summary_json,
)


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, Any]:
    """`-s KEY=VALUE` pairs as a settings dict (values stay text; Scrapy converts them)."""
    overrides: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="-s/--set")
        overrides[key.strip()] = value
    return overrides


@click.command("crawl")
@click.argument("mode", type=click.Choice(MODES), default="sitemap")
@click.option("--base-url", metavar="URL", help="Site to crawl [default: SPEKTROOM_BASE_URL].")
@click.option("--db", metavar="URL", help="Database URL [default: SPEKTROOM_DATABASE_URL].")
@click.option("--since", metavar="DATE", help="Only articles dated on/after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only articles dated on/before DATE.")
@click.option("--max-pages", type=int, metavar="N", help="Listing pages per listing (listing).")
@click.option(
    "--resume",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Job directory: rerun the same command after an interruption to continue.",
)
@click.option("--refresh", is_flag=True, help="Refetch articles the store already has.")
@click.option("--concurrency", type=int, metavar="N", help="Concurrent requests [default: 16].")
@click.option("--url", "urls", multiple=True, metavar="URL", help="An article URL (urls mode).")
@click.option(
    "--urls-file", type=click.Path(dir_okay=False), help="File of URLs, one a line (urls mode)."
)
@click.option(
    "-s", "--set", "settings", multiple=True, metavar="KEY=VALUE", help="Override a setting."
)
@click.option(
    "--redis",
    "redis_url",
    metavar="URL",
    help="Share the crawl through Redis with other workers [default: SPEKTROOM_REDIS_URL].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="No progress line on stderr.")
@click.option(
    "--log-level",
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
    default="WARNING",
    show_default=True,
)
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the log to a file.")
def command(
    mode: str,
    base_url: str | None,
    db: str | None,
    since: str | None,
    until: str | None,
    max_pages: int | None,
    resume: str | None,
    refresh: bool,
    concurrency: int | None,
    urls: tuple[str, ...],
    urls_file: str | None,
    settings: tuple[str, ...],
    redis_url: str | None,
    as_json: bool,
    no_progress: bool,
    log_level: str,
    log_file: str | None,
) -> None:
    """Crawl the site into the corpus: only new or changed articles are fetched.

    MODE is how articles are discovered: sitemap (full or --since/--until backfills), feed
    (frequent incremental runs), listing (homepage, sections, tags, authors) or urls.

    \b
    Examples:
      spektroom crawl feed                              # every 15 minutes from cron
      spektroom crawl sitemap --since 2025-01-01 --until 2025-06-30 --resume jobs/h1
      spektroom crawl listing --max-pages 5
      spektroom crawl urls --url https://spektroom.co.id/penghargaan-untuk-kapuas-hulu/
      spektroom crawl sitemap --redis redis://queue:6379/0 --db postgresql+psycopg://...
    """
    options = CrawlOptions(
        mode=mode,
        base_url=base_url,
        db=db,
        since=since,
        until=until,
        max_pages=max_pages,
        resume=resume,
        refresh=refresh,
        concurrency=concurrency,
        urls=urls,
        urls_file=urls_file,
        progress_interval=0.0 if no_progress else 5.0,
        log_level=log_level.upper(),
        log_file=log_file,
        overrides=parse_overrides(settings),
        redis=redis_url,
    )
    try:
        preflight(options)
    except CrawlSetupError as exc:
        raise click.ClickException(str(exc)) from None
    result = run_crawl(options)
    click.echo(summary_json(result) if as_json else format_summary(result))
    failure = result.failure(resume=bool(resume))
    if failure:
        click.echo(failure, err=True)
        sys.exit(1)
