"""Storage test fixtures: the same tests on SQLite and on the real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from pipelines.db.engine import dispose_all

CHAIN = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.dedupe.NormalizePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database: SQLite in tmp, and PostgreSQL on 127.0.0.1 (skipped/failed per CI)."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    yield url
    dispose_all()  # before the PostgreSQL fixture drops the database


@pytest.fixture()
def make_crawler() -> Callable[..., Crawler]:
    """A configured (not running) crawler with the project's pipeline chain and given settings."""

    def build(db_url: str, **settings: Any) -> Crawler:
        return get_crawler(
            settings_dict={
                "SPEKTROOM_DATABASE_URL": db_url,
                "ITEM_PIPELINES": CHAIN,
                **settings,
            }
        )

    return build
