"""One engine and sessionmaker per database URL per process, and schema creation/upgrade.

The schema is managed by the Alembic migrations inside this package (no alembic.ini): the
first `get_sessionmaker(url)` in a process brings the database to the newest revision.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from pipelines import jsontext

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# PostgreSQL advisory lock key serializing schema migrations across processes ("spektroom").
MIGRATION_LOCK_ID = 0x5370656B74726F
DEFAULT_DATABASE_URL = "sqlite:///spektroom.db"

logger = logging.getLogger(__name__)
_LOCK = threading.RLock()
_ENGINES: dict[str, Engine] = {}
_SESSIONMAKERS: dict[str, sessionmaker[Session]] = {}
_UPGRADED: set[str] = set()


class DatabaseError(RuntimeError):
    """The database URL is wrong or the server cannot be reached (a one-line message)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (CLI queries, the crawl gate) run while a crawl writes; foreign keys are
    # off by default in SQLite and the schema relies on ON DELETE CASCADE.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed batch survives power loss too, which --resume relies on (NORMAL
        # would be crash-safe under WAL but could lose the last commits on power failure).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # 16 MiB page cache (the default is 2 MiB): the random-keyed indexes (fingerprints,
        # LSH bands) outgrow 2 MiB within a few thousand articles, and every insert then reads
        # pages back from the OS. 64 MiB was no faster at 10k articles but made a crawl's peak
        # memory grow with the corpus (bench/crawl.py: 10k/1k RSS 1.63x vs 1.28x at 16 MiB).
        cursor.execute("PRAGMA cache_size=-16384")
        # The default 4 KiB pages stay. 16 KiB pages (bench/store.py, 10k articles, interleaved
        # runs) made the batched write ~5% faster, as an article row (~6 KB) no longer spills
        # into overflow pages, but a commit of a single article ~28% slower: it rewrites whole
        # pages of the random-keyed indexes, which a crawl's small time-flushed batches pay.
    finally:
        cursor.close()


def get_engine(url: str) -> Engine:
    """The process-wide engine for `url` (created on first use, cached by URL)."""
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is not None:
            return engine
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise DatabaseError(f"invalid database URL {url!r}: {exc}") from exc
        # JSON columns get json.dumps's text, from an encoder made once (pipelines/jsontext.py).
        kwargs: dict[str, Any] = {"json_serializer": jsontext.dumps}
        if parsed.get_backend_name() == "postgresql":
            kwargs["pool_pre_ping"] = True
        try:
            engine = create_engine(parsed, **kwargs)
        except (ArgumentError, ImportError) as exc:
            raise DatabaseError(f"cannot use database URL {url!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        _ENGINES[url] = engine
        return engine


def get_sessionmaker(url: str, *, upgrade: bool = True) -> sessionmaker[Session]:
    """The process-wide sessionmaker for `url`; the schema is upgraded to head on first use."""
    engine = get_engine(url)
    if upgrade:
        ensure_schema(url)
    with _LOCK:
        factory = _SESSIONMAKERS.get(url)
        if factory is None:
            factory = sessionmaker(engine, expire_on_commit=False)
            _SESSIONMAKERS[url] = factory
        return factory


def alembic_config(url: str) -> Any:
    """An Alembic Config pointing at the migrations inside this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # The URL travels in attributes, not the ini options: '%' in passwords breaks configparser.
    config.attributes["database_url"] = url
    return config


def ensure_schema(url: str) -> None:
    """Create or upgrade the schema to the newest migration (once per process per URL)."""
    if url in _UPGRADED:
        return
    with _LOCK:
        if url in _UPGRADED:
            return
        if not MIGRATIONS.is_dir():
            # Inside a zipped egg (a Scrapyd deploy) Alembic cannot read its scripts: the
            # database is migrated beforehand with `spektroom db upgrade` from an installed copy.
            logger.info("no migration scripts at %s: schema upgrade skipped", MIGRATIONS)
            _UPGRADED.add(url)
            return
        upgrade(url)
        _UPGRADED.add(url)


def upgrade(url: str, revision: str = "head") -> None:
    """Run the migrations up to `revision` on the database at `url`."""
    from alembic import command
    from sqlalchemy.exc import OperationalError

    engine = get_engine(url)
    config = alembic_config(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Workers of a shared crawl start together on one fresh database: one migrates,
                # the others wait here, then find the schema at head (held until commit).
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach {_safe(url)}: {_line(exc.orig or exc)}") from exc


def current_revision(url: str) -> str | None:
    """The migration revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy.exc import OperationalError

    try:
        with get_engine(url).connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach {_safe(url)}: {_line(exc.orig or exc)}") from exc


def head_revision() -> str | None:
    """The newest migration revision shipped with this package."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def dispose_all() -> None:
    """Close every cached engine (tests; long-lived processes switching databases)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()
        _SESSIONMAKERS.clear()
        _UPGRADED.clear()


def _line(error: BaseException) -> str:
    """The first line of a driver error (psycopg adds hints on further lines)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"
