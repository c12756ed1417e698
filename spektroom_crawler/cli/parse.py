"""`spektroom parse FILE --url URL`: print one saved page's article record as JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from spektroom_crawler.extract import extract_article, is_article


class _IsoDatetime(click.ParamType):
    name = "ISO-DATETIME"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            parsed = dt.datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 date-time (e.g. 2026-11-28T12:00:00+07:00)")
        if parsed.tzinfo is None:
            self.fail(f"{value!r} has no UTC offset (e.g. 2026-11-28T12:00:00+07:00)")
        return parsed


@click.command(name="parse")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option(
    "--now",
    type=_IsoDatetime(),
    default=None,
    help="Fetch time (ISO 8601 with offset); dates after it are rejected. Default: the clock.",
)
@click.option("--sources", is_flag=True, help="Also print which source produced each field.")
def command(file: Path, url: str, now: dt.datetime | None, sources: bool) -> None:
    """Extract the article record from a saved page and print it as JSON.

    FILE holds the page's raw bytes, as the site served them (any encoding).
    Exits with status 1 and one line on stderr when the file cannot be read or the page is
    not an article (a listing, an error page, an empty document).

    \b
    Example:
      spektroom parse page.html --url https://spektroom.co.id/penghargaan-untuk-kapuas-hulu/
      spektroom parse page.html --url https://spektroom.co.id/x/ \
          --now 2026-11-28T12:00:00+07:00 --sources
    """
    try:
        html = file.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {file}: {exc.strerror or exc}") from None
    if now is None:
        now = dt.datetime.now(dt.UTC)  # the CLI is the crawl boundary: here "now" is read once
    article = extract_article(html, url, now=now)
    if not is_article(article):
        why = "; ".join(article.warnings) or "no headline or body found"
        raise click.ClickException(f"{file} is not an article: {why}")
    json.dump(article.to_dict(sources=sources), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
