"""Column types and conversions that keep times exact on every backend.

SQLite's DateTime silently drops UTC offsets, so the store keeps each record time as three
columns: the UTC instant (`UTCDateTime`), the original offset in minutes, and the local calendar
date. A date-only value ("2025-11-29") keeps its date and has no instant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeDecorator

UTC = dt.UTC
# The site's own zone (WIB). A date-only value, when an instant is unavoidable, is read as
# midnight here: Spektroom's sitemaps and pages speak local time.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored as a UTC instant; always returned aware (UTC).

    PostgreSQL gets `timestamptz`; SQLite gets naive UTC text, re-labelled UTC on the way out.
    Naive datetimes are refused: an unknown zone is a bug, not a default.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r} cannot be stored; attach a zone")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQLite text, e.g. from a text() query
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class When:
    """A record time split into storable parts: instant (UTC), offset (minutes), local date."""

    instant: dt.datetime | None
    offset_minutes: int | None
    local_date: dt.date | None

    @classmethod
    def parse(cls, text: str | None) -> When:
        """Split ISO text from the record ("2025-11-29T19:45:00+07:00" or "2025-11-29").

        Garbage or a naive datetime gives an empty When (the raw text is kept elsewhere).
        """
        value = parse_iso(text)
        if value is None:
            return cls(None, None, None)
        if isinstance(value, dt.datetime):
            offset = value.utcoffset()
            assert offset is not None  # parse_iso only returns aware datetimes
            return cls(value.astimezone(UTC), int(offset.total_seconds() // 60), value.date())
        return cls(None, None, value)

    def value(self) -> dt.datetime | dt.date | None:
        """The original value: an aware datetime in its original offset, a date, or None."""
        if self.instant is not None:
            offset = dt.timezone(dt.timedelta(minutes=self.offset_minutes or 0))
            return self.instant.astimezone(offset)
        return self.local_date

    def iso(self) -> str | None:
        """ISO text as in the record."""
        value = self.value()
        return None if value is None else value.isoformat()


def parse_iso(text: str | None) -> dt.datetime | dt.date | None:
    """An aware datetime, a date, or None for ISO 8601 text (a "Z" suffix is UTC)."""
    if not text or not isinstance(text, str):
        return None
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        return None
    return value


def to_instant(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    """An aware UTC instant; a bare date becomes midnight WIB (the site's zone)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}")
        return value.astimezone(UTC)
    return dt.datetime.combine(value, dt.time(0, 0), WIB).astimezone(UTC)


def parse_instant(text: str | None) -> dt.datetime | None:
    """ISO text (datetime or date) as an aware UTC instant, or None (see `to_instant`)."""
    return to_instant(parse_iso(text))
