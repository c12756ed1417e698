"""`spektroom demo`: serve the offline mirror on 127.0.0.1 and crawl it, no internet needed."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from spektroom_crawler.runner import (
    CrawlOptions,
    CrawlSetupError,
    format_summary,
    preflight,
    run_crawl,
)

# fixtures/site/ beside the package (a source checkout or an editable install).
DEFAULT_SITE = Path(__file__).resolve().parents[2] / "fixtures" / "site"
# A fixed port keeps the mirror's URLs (and so the stored canonical URLs) the same from one demo
# run to the next, so a second run shows the incremental gate skipping everything.
DEFAULT_PORT = 8731


@click.command("demo")
@click.option("--db", metavar="URL", help="Database URL [default: SPEKTROOM_DATABASE_URL].")
@click.option(
    "--site",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SITE,
    show_default=True,
    help="Offline mirror to serve.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.option("--no-progress", is_flag=True, help="No progress line on stderr.")
def command(db: str | None, site: Path, port: int, no_progress: bool) -> None:
    """Serve the offline copy of the site on 127.0.0.1 and crawl it (sitemap spider).

    Shows the whole flow (robots.txt, sitemaps, extraction, dedupe, storage) without internet.
    A second run finds nothing new: the crawl is incremental.

    \b
    Example:
      spektroom demo && spektroom search "banjir"
    """
    from spektroom_crawler.mirror import MirrorServer

    if not site.is_dir():
        raise click.ClickException(f"no offline mirror at {site} (use --site DIR)")
    try:
        server = MirrorServer(site, port=port).start()
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None
    with server:
        click.echo(f"serving {site} at {server.base_url}", err=True)
        options = CrawlOptions(
            mode="sitemap",
            base_url=server.base_url,
            db=db,
            progress_interval=0.0 if no_progress else 2.0,
            # The mirror is on this machine: no reason to pace requests as for the real site.
            overrides={"AUTOTHROTTLE_START_DELAY": 0.05},
        )
        try:
            preflight(options)
        except CrawlSetupError as exc:
            raise click.ClickException(str(exc)) from None
        result = run_crawl(options)
    click.echo(format_summary(result))
    failure = result.failure()
    if failure:
        click.echo(failure, err=True)
        sys.exit(1)
