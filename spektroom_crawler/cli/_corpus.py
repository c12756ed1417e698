"""Shared pieces of the corpus commands: the --db option, output formats, one-line errors."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from sqlalchemy.exc import SQLAlchemyError

from pipelines.db.engine import DEFAULT_DATABASE_URL, DatabaseError
from pipelines.db.store import ArticleStore

F = TypeVar("F", bound=Callable[..., Any])

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def db_option(func: F) -> F:
    """--db URL (or SPEKTROOM_DATABASE_URL; default sqlite:///spektroom.db)."""
    return click.option(
        "--db",
        "db_url",
        envvar="SPEKTROOM_DATABASE_URL",
        default=DEFAULT_DATABASE_URL,
        show_default=True,
        metavar="URL",
        help="Database URL (sqlite:///FILE or postgresql+psycopg://...); "
        "env SPEKTROOM_DATABASE_URL.",
    )(func)


def output_options(func: F) -> F:
    """--json / --nl / --csv: a JSON array, newline-delimited JSON, or CSV instead of a table."""
    func = click.option("--csv", "fmt", flag_value="csv", help="Output CSV.")(func)
    func = click.option("--nl", "fmt", flag_value="nl", help="Output newline-delimited JSON.")(func)
    func = click.option("--json", "fmt", flag_value="json", help="Output a JSON array.")(func)
    return func


def open_store(db_url: str) -> ArticleStore:
    """The store, or a one-line error (bad URL, unreachable server) with a non-zero exit."""
    try:
        return ArticleStore.open(db_url)
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise click.ClickException(f"database error: {_first_line(exc)}") from exc


def database_errors(func: F) -> F:
    """Turn database failures inside a command into one clear line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatabaseError as exc:
            raise click.ClickException(str(exc)) from exc
        except SQLAlchemyError as exc:
            raise click.ClickException(f"database error: {_first_line(exc)}") from exc

    return wrapper  # type: ignore[return-value]


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: a leading = + - @ tab or CR gets '."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(stream: Any, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    """Stream rows as CSV (formula-safe cells); returns the number of rows written."""
    writer = csv.writer(stream)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([safe_cell(_flat(row.get(c))) for c in columns])
        n += 1
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit(rows: list[dict[str, Any]], fmt: str | None, columns: Sequence[str]) -> None:
    """Print rows as a table (default), a JSON array, newline-delimited JSON or CSV."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "nl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(out, columns, rows)
    else:
        out.write(table(rows, columns))


def table(rows: list[dict[str, Any]], columns: Sequence[str], width: int = 60) -> str:
    """A plain-text table; long cells are cut to `width` characters."""
    if not rows:
        return "(no results)\n"

    def cell(value: Any) -> str:
        text = "" if value is None else " ".join(str(_flat(value)).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells
    )
    return "\n".join(lines) + "\n"


def info(message: str) -> None:
    """A progress/summary line on stderr (stdout stays clean for data)."""
    click.echo(message, err=True)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
