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


def _register() -> None:
    # Each command lives in its own module; registering here keeps `main` importable cheaply.
    from importlib import import_module

    for name in ("parse", "crawl", "demo", "db", "export", "search", "quotes", "stats",
                 "history"):
        try:
            module = import_module(f"spektroom_crawler.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"spektroom_crawler.cli.{name}":
                raise
            continue
        main.add_command(module.command)


_register()
