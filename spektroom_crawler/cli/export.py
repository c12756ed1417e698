"""`spektroom export`: the corpus as JSONL, CSV or Parquet, streamed in constant memory."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

import click

from pipelines.db.queries import iter_export_records
from pipelines.db.records import EXPORT_KEYS
from spektroom_crawler.cli._corpus import database_errors, db_option, info, open_store, write_csv

# CSV: one row per article; lists joined with "; ", the dateline split in three, the body as
# paragraphs separated by a blank line, quotes as JSON (plus a count and the speakers).
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "url",
    "canonical_url",
    "headline",
    "subheadline",
    "section",
    "tags",
    "language",
    "published_at",
    "modified_at",
    "published_at_raw",
    "modified_at_raw",
    "dateline_place",
    "dateline_outlet",
    "dateline_text",
    "event_date",
    "authors",
    "editors",
    "photo_credit",
    "image_url",
    "image_caption",
    "body",
    "paragraph_count",
    "quote_count",
    "quote_speakers",
    "quotes",
    "related_urls",
    "warnings",
    "fetched_url",
    "fetched_at",
    "lastmod",
    "first_seen_at",
    "last_seen_at",
    "revision",
    "duplicate_of",
)
ROW_GROUP = 2000


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten one export record for CSV."""
    row = dict(record)
    dateline = record.get("dateline") or {}
    row["dateline_place"] = dateline.get("place")
    row["dateline_outlet"] = dateline.get("outlet")
    row["dateline_text"] = dateline.get("text")
    row["body"] = "\n\n".join(record["paragraphs"])
    row["paragraph_count"] = len(record["paragraphs"])
    row["quote_count"] = len(record["quotes"])
    speakers = dict.fromkeys(q["speaker"] for q in record["quotes"] if q["speaker"])
    row["quote_speakers"] = list(speakers)
    row["quotes"] = json.dumps(record["quotes"], ensure_ascii=False) if record["quotes"] else ""
    return row


def parquet_schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    quote = pa.struct(
        [
            ("text", text),
            ("speaker", text),
            ("speaker_title", text),
            ("verb", text),
            ("kind", text),
            ("paragraph", pa.int32()),
        ]
    )
    dateline = pa.struct([("place", text), ("outlet", text), ("text", text)])
    types: dict[str, Any] = {
        "id": pa.int64(),
        "revision": pa.int32(),
        "duplicate_of": pa.int64(),
        "tags": pa.list_(text),
        "authors": pa.list_(text),
        "editors": pa.list_(text),
        "paragraphs": pa.list_(text),
        "related_urls": pa.list_(text),
        "warnings": pa.list_(text),
        "quotes": pa.list_(quote),
        "dateline": dateline,
    }
    return pa.schema([(key, types.get(key, text)) for key in EXPORT_KEYS])


def write_parquet(path: str, records: Iterable[dict[str, Any]]) -> int:
    """Write records to Parquet, one row group per ROW_GROUP records (bounded memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(records, ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--search", "search_text", metavar="TEXT", help="Only articles matching TEXT.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="Output file (default: stdout; required for parquet).",
)
@db_option
@database_errors
def command(
    fmt: str,
    since: str | None,
    until: str | None,
    search_text: str | None,
    output: str,
    db_url: str,
) -> None:
    """Export every stored article: every record field plus first_seen_at, last_seen_at,
    revision and duplicate_of. Quotes and people are nested in JSONL and Parquet, flattened
    in CSV (formula-safe cells). Streams in constant memory.

    \b
    Examples:
      spektroom export --format jsonl -o corpus.jsonl
      spektroom export --format csv --since 2025-11-01 --search "perdagangan orang" -o tppo.csv
    """
    since_date, until_date = _date(since, "--since"), _date(until, "--until")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs a file: add -o FILE")
    store = open_store(db_url)
    with store.sessionmaker() as session:
        records = iter_export_records(
            session, since=since_date, until=until_date, search_text=search_text
        )
        if fmt == "parquet":
            n = write_parquet(output, records)
        else:
            with ExitStack() as stack:
                stream = (
                    sys.stdout
                    if output == "-"
                    else stack.enter_context(open(output, "w", encoding="utf-8", newline=""))
                )
                if fmt == "csv":
                    n = write_csv(stream, CSV_COLUMNS, (csv_row(r) for r in records))
                else:
                    n = 0
                    for record in records:
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                        n += 1
    info(f"exported {n} articles" + ("" if output == "-" else f" to {output}"))
