"""The `spektroom` command group: a thin layer over library functions."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="spektroom-crawler")
def main() -> None:
    """Crawl Spektroom (https://spektroom.co.id/) into a clean, queryable SQL corpus.

    \b
    Example:
      spektroom demo            # serve the offline mirror and crawl it into spektroom.db
      spektroom parse page.html --url https://spektroom.co.id/some-article/
    """


COMMANDS = (
    "parse", "crawl", "demo", "db", "export", "search", "quotes", "stats", "history", "delete",
)


def _register() -> None:
    # Each command lives in its own module `spektroom_crawler.cli.<name>` exposing `command`.
    from importlib import import_module

    for name in COMMANDS:
        main.add_command(import_module(f"spektroom_crawler.cli.{name}").command)


_register()
