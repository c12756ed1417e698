"""A shared crawl: several workers, one Redis queue and seen-set, one PostgreSQL corpus."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import pytest

from spektroom_crawler.distributed import redis_keys, redis_namespace, redis_settings
from spektroom_crawler.mirror import MirrorServer
from spektroom_crawler.runner import (
    CrawlOptions,
    CrawlSetupError,
    build_settings,
    preflight,
    project_settings,
)
from tests.conftest import ROOT, SITE
from tests.test_crawl_e2e import FAST, canonical, crawl_command, flag, paths

REDIS_URL = "redis://127.0.0.1:6379/15"


def scrapy_redis_keys(settings: Any) -> list[str]:
    """Settings that name a scrapy_redis class or belong to scrapy-redis."""
    found = []
    for key, value in settings.items():
        text = json.dumps(value, default=str) if not isinstance(value, str) else value
        if "scrapy_redis" in text or "redis_crawl" in text or key.startswith("REDIS_"):
            found.append(key)
    return sorted(found)


# -- settings (no server needed) -------------------------------------------------------------


def test_default_crawl_has_no_redis_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPEKTROOM_REDIS_URL", raising=False)
    settings = build_settings(CrawlOptions(mode="sitemap", base_url="https://spektroom.co.id"))
    assert scrapy_redis_keys(settings) == []
    assert settings.get("SCHEDULER") == "scrapy.core.scheduler.Scheduler"
    assert settings.get("DUPEFILTER_CLASS") == "spektroom_crawler.middlewares.CrawlDupeFilter"
    assert not settings.getbool("SCHEDULER_PERSIST")


def test_default_crawl_never_imports_scrapy_redis() -> None:
    code = (
        "import sys\n"
        "from spektroom_crawler.runner import CrawlOptions, build_settings\n"
        "import spektroom_crawler.cli.crawl\n"
        "build_settings(CrawlOptions(mode='feed', base_url='https://spektroom.co.id'))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('scrapy_redis', 'redis'))))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_redis_crawl_settings() -> None:
    options = CrawlOptions(mode="sitemap", base_url="http://127.0.0.1:8081", redis=REDIS_URL)
    settings = build_settings(options)
    assert settings.get("SCHEDULER") == "scrapy_redis.scheduler.Scheduler"
    assert settings.get("REDIS_URL") == REDIS_URL
    assert settings.getbool("SCHEDULER_PERSIST") is True
    assert settings.get("DUPEFILTER_CLASS") == (
        "spektroom_crawler.redis_crawl.RedisCanonicalDupeFilter"
    )
    assert settings.get("SCHEDULER_QUEUE_KEY") == "spektroom:127.0.0.1:8081:sitemap:requests"
    assert settings.get("SCHEDULER_DUPEFILTER_KEY") == "spektroom:127.0.0.1:8081:sitemap:seen"
    assert settings.getint("MAX_IDLE_TIME_BEFORE_CLOSE") == 30
    # The project's own extensions and middlewares stay, the Redis ones are added.
    extensions = settings.getdict("EXTENSIONS")
    assert "pipelines.crawl_runs.CrawlRunRecorder" in extensions
    assert "spektroom_crawler.extensions.CrawlProgress" in extensions
    assert "spektroom_crawler.redis_crawl.RedisCoordinator" in extensions
    assert "spektroom_crawler.redis_crawl.RedisSeedMiddleware" in settings.getdict(
        "SPIDER_MIDDLEWARES"
    )


def test_redis_url_from_setting_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = project_settings()
    settings.set("SPEKTROOM_REDIS_URL", REDIS_URL)
    options = CrawlOptions(
        mode="feed",
        base_url="https://spektroom.co.id",
        overrides={"MAX_IDLE_TIME_BEFORE_CLOSE": "3"},
    )
    built = build_settings(options, settings)
    assert built.get("SCHEDULER") == "scrapy_redis.scheduler.Scheduler"
    assert built.getint("MAX_IDLE_TIME_BEFORE_CLOSE") == 3
    assert built.get("SCHEDULER_QUEUE_KEY") == "spektroom:spektroom.co.id:feed:requests"


def test_namespaces_keep_sites_and_modes_apart() -> None:
    a = redis_keys("https://spektroom.co.id", "sitemap")
    b = redis_keys("https://spektroom.co.id", "feed")
    c = redis_keys("http://127.0.0.1:8080/mirror", "sitemap")
    assert not set(a.values()) & set(b.values())
    assert not set(a.values()) & set(c.values())
    assert redis_namespace("http://127.0.0.1:8080/mirror/", "sitemap") == (
        "spektroom:127.0.0.1:8080/mirror:sitemap"
    )
    # '%' would break scrapy-redis's "%(spider)s" key templates.
    assert "%" not in redis_namespace("https://spektroom.co.id/a%20b", "sitemap")
    assert redis_namespace("", "") == "spektroom:_:"


def test_redis_settings_idle_time() -> None:
    assert redis_settings(REDIS_URL, "https://spektroom.co.id", "urls", 7)[
        "MAX_IDLE_TIME_BEFORE_CLOSE"
    ] == 7


def test_preflight_refuses_resume_with_redis(tmp_path: Any, sqlite_url: str) -> None:
    options = CrawlOptions(
        mode="sitemap", base_url="http://127.0.0.1:9", db=sqlite_url, resume=str(tmp_path / "j"),
        redis=REDIS_URL,
    )
    with pytest.raises(CrawlSetupError, match="--resume and --redis"):
        preflight(options)


def test_preflight_reports_unreachable_redis(sqlite_url: str) -> None:
    # Port 9 (discard) on 127.0.0.1: nothing listens there.
    options = CrawlOptions(
        mode="sitemap", base_url="https://spektroom.co.id", db=sqlite_url,
        redis="redis://127.0.0.1:9/0",
    )
    with pytest.raises(CrawlSetupError, match=re.escape("cannot reach Redis at redis://127.0.0.1:9/0")):
        preflight(options)


def test_preflight_reports_bad_redis_url(sqlite_url: str) -> None:
    options = CrawlOptions(
        mode="sitemap", base_url="https://spektroom.co.id", db=sqlite_url, redis="nonsense"
    )
    with pytest.raises(CrawlSetupError, match="bad Redis URL"):
        preflight(options)


# -- two workers, one crawl ------------------------------------------------------------------


def stored_pg(url: str) -> dict[str, int]:
    """canonical_url -> number of rows, from the shared PostgreSQL corpus."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT canonical_url, count(*) FROM articles GROUP BY canonical_url")
            ).all()
    finally:
        engine.dispose()
    return {str(u): int(n) for u, n in rows}


@pytest.mark.e2e
@pytest.mark.redis
@pytest.mark.postgres
def test_two_workers_share_one_sitemap_crawl(redis_url: str, postgres_url: str) -> None:
    import redis

    with MirrorServer(SITE) as server:
        # One request at a time per worker, spaced out: the shared queue stays full long enough
        # for the second worker's engine (idle checks every 5 s) to join in.
        args = [
            "sitemap", "--base-url", server.base_url, "--db", postgres_url,
            "--redis", redis_url, "--concurrency", "1", "--json", "--no-progress", *FAST,
            "-s", "DOWNLOAD_DELAY=0.2", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=1",
        ]  # fmt: skip
        started = time.monotonic()
        workers = [
            subprocess.Popen(
                crawl_command(*args),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            for _ in range(2)
        ]
        summaries = []
        for proc in workers:
            try:
                out, err = proc.communicate(timeout=60)
            finally:
                proc.kill()
            assert proc.returncode == 0, err[-3000:]
            summaries.append(json.loads(out))
        elapsed = time.monotonic() - started
        seen = [path for _method, path, _status in server.requests]

    expected = {canonical(server.base_url, p) for p in paths(lambda a: flag(a, "in_sitemap"))}
    rows = stored_pg(postgres_url)
    assert set(rows) == expected
    assert set(rows.values()) == {1}
    assert sum(s["stored"] for s in summaries) == len(expected)
    assert all(s["finish_reason"] == "finished" for s in summaries)
    # Exactly one worker seeded; both fetched pages.
    assert sorted(s["stats"].get("spektroom/redis/seeded") for s in summaries) == [0, 1]
    assert all(s["stats"].get("downloader/response_count", 0) > 1 for s in summaries), [
        s["stats"].get("downloader/response_count") for s in summaries
    ]
    # The shared seen-set: no page fetched twice across workers. Each worker's robots.txt
    # middleware reads robots.txt itself, and the seeded crawl reads it once more.
    counts = Counter(seen)
    assert counts["/robots.txt"] <= 3
    assert [p for p, n in counts.items() if n > 1 and p != "/robots.txt"] == []
    # The last worker out cleared the finished crawl's keys: the next run starts afresh.
    client = redis.Redis.from_url(redis_url)
    assert client.keys(redis_namespace(server.base_url, "sitemap") + ":*") == []
    assert elapsed < 45


@pytest.mark.postgres
def test_concurrent_insert_of_one_url_is_counted_not_a_crash(postgres_url: str) -> None:
    """Two workers store the same canonical URL at once: one inserts, the other waits and
    finds the row (ON CONFLICT DO NOTHING, then a retry round), with no error."""
    import datetime as dt
    import threading

    from pipelines.db.store import ArticleStore
    from tests.factories import synthetic_article

    store = ArticleStore.open(postgres_url)
    now = dt.datetime(2025, 12, 7, 12, 0, tzinfo=dt.UTC)
    inserted, release = threading.Event(), threading.Event()
    results: dict[str, Any] = {}

    def first() -> None:
        # A worker's batch transaction that has inserted the row but not committed yet.
        with store.sessionmaker.begin() as session:
            prepared = [store.prepare_one(synthetic_article(1), now=now, normalized=False)]
            results["first"] = store._save(session, prepared, now)
            inserted.set()
            assert release.wait(10)

    def second() -> None:
        results["second"] = store.save([synthetic_article(1)], now=now)

    a = threading.Thread(target=first)
    a.start()
    assert inserted.wait(10)
    b = threading.Thread(target=second)
    b.start()
    b.join(0.5)
    assert b.is_alive()  # blocked on the first transaction's uncommitted row
    release.set()
    a.join(10)
    b.join(10)
    assert not a.is_alive() and not b.is_alive()
    try:
        (one,) = results["first"]
        (two,) = results["second"]
        assert one.status == "stored"
        assert two.status == "unchanged"
        assert two.article_id == one.article_id
        assert set(stored_pg(postgres_url).values()) == {1}
    finally:
        store.close()


@pytest.mark.parametrize("redis_setting", ["", REDIS_URL])
def test_scrapy_crawl_and_scrapyd_take_redis_from_the_setting(redis_setting: str) -> None:
    """`scrapy crawl` / Scrapyd jobs have no --redis: SPEKTROOM_REDIS_URL alone makes a worker."""
    from scrapy.crawler import Crawler

    from spektroom_crawler.spiders.feed import FeedSpider

    settings = project_settings()
    settings.set("SPEKTROOM_REDIS_URL", redis_setting, priority="cmdline")
    settings.set("SPEKTROOM_BASE_URL", "https://spektroom.co.id/", priority="cmdline")
    settings.set("MAX_IDLE_TIME_BEFORE_CLOSE", 5, priority="cmdline")
    crawler = Crawler(FeedSpider, settings)
    built = crawler.settings
    if not redis_setting:
        assert scrapy_redis_keys(built) == []
        return
    assert built.get("SCHEDULER") == "scrapy_redis.scheduler.Scheduler"
    assert built.get("SCHEDULER_QUEUE_KEY") == "spektroom:spektroom.co.id:feed:requests"
    assert built.getint("MAX_IDLE_TIME_BEFORE_CLOSE") == 5  # the command line still wins
    assert "pipelines.crawl_runs.CrawlRunRecorder" in built.getdict("EXTENSIONS")
    assert "spektroom_crawler.redis_crawl.RedisCoordinator" in built.getdict("EXTENSIONS")


def test_schema_upgrade_skipped_inside_a_zipped_egg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """Scrapyd runs the project from an egg, where Alembic cannot read the migration scripts."""
    import sqlite3

    from pipelines.db import engine

    monkeypatch.setattr(engine, "MIGRATIONS", tmp_path / "project.egg" / "migrations")
    db = tmp_path / "egg.db"
    engine.ensure_schema(f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == []
    engine.dispose_all()


@pytest.mark.redis
def test_last_worker_clears_and_a_killed_worker_only_delays_it(redis_url: str) -> None:
    import redis
    from scrapy.crawler import Crawler

    from spektroom_crawler.redis_crawl import RedisCoordinator
    from spektroom_crawler.spiders.feed import FeedSpider

    base = "http://127.0.0.1:8099"
    options = CrawlOptions(mode="feed", base_url=base, redis=redis_url)
    keys = redis_keys(base, "feed")
    client = redis.Redis.from_url(redis_url)

    def worker() -> RedisCoordinator:
        return RedisCoordinator(Crawler(FeedSpider, build_settings(options)))

    # Two workers; the queue and seen-set hold work; the first out leaves it all in place.
    first, second = worker(), worker()
    first.spider_opened(spider=None)  # type: ignore[arg-type]
    second.spider_opened(spider=None)  # type: ignore[arg-type]
    client.set(keys["seeded"], "1")
    client.zadd(keys["requests"], {"a request": 0})
    client.sadd(keys["seen"], "a fingerprint")
    first.spider_closed(spider=None, reason="finished")  # type: ignore[arg-type]
    assert client.exists(keys["requests"], keys["seen"], keys["seeded"]) == 3
    assert 0 < client.ttl(keys["seen"]) <= 900
    second.spider_closed(spider=None, reason="finished")  # type: ignore[arg-type]
    assert client.keys("spektroom:*") == []

    # A worker killed outright never gives its count back: the state expires instead.
    killed, survivor = worker(), worker()
    killed.spider_opened(spider=None)  # type: ignore[arg-type]
    survivor.spider_opened(spider=None)  # type: ignore[arg-type]
    client.set(keys["seeded"], "1")
    survivor.spider_closed(spider=None, reason="finished")  # type: ignore[arg-type]
    assert int(client.get(keys["workers"]) or 0) == 1
    assert all(0 < client.ttl(key) <= 900 for key in (keys["workers"], keys["seeded"]))

    # Interrupted (not finished) last worker: the queue stays for a resume.
    client.delete(*keys.values())
    last = worker()
    last.spider_opened(spider=None)  # type: ignore[arg-type]
    client.set(keys["seeded"], "1")
    client.zadd(keys["requests"], {"a request": 0})
    last.spider_closed(spider=None, reason="shutdown")  # type: ignore[arg-type]
    assert client.exists(keys["requests"], keys["seeded"]) == 2
    assert not client.exists(keys["workers"])
