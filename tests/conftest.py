"""Shared test fixtures: real local services (PostgreSQL, Redis) and fixture paths.

A test that needs a service uses the real one on 127.0.0.1. Outside CI it is skipped when the
server is absent; in CI (CI=true) a missing server fails the test loudly.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES = FIXTURES / "pages"
SITE = FIXTURES / "site"

PG_HOST, PG_PORT = "127.0.0.1", 5432
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def skip_or_fail_in_ci(message: str) -> NoReturn:
    """Skip the test, or fail it in CI (CI=true), where what it needs must be there."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (required in CI)")
    pytest.skip(message)


def require_service(name: str, host: str, port: int) -> None:
    """Skip (outside CI) or fail (in CI) when a local service is not listening."""
    if not _port_open(host, port):
        skip_or_fail_in_ci(f"{name} is not reachable on {host}:{port}")


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on 127.0.0.1, dropped after the test."""
    require_service("PostgreSQL", PG_HOST, PG_PORT)
    import psycopg

    name = f"spektroom_test_{uuid.uuid4().hex[:12]}"
    admin = f"host={PG_HOST} port={PG_PORT} user=postgres dbname=test"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def redis_url() -> str:
    """The local Redis server's URL (database 15, flushed before the test)."""
    require_service("Redis", REDIS_HOST, REDIS_PORT)
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=15)
    client.flushdb()
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/15"


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    """A file-backed SQLite database in the test's temp folder."""
    return f"sqlite:///{tmp_path / 'spektroom.db'}"
