"""The pipeline chain without the Scrapy engine: validate -> normalize -> store, crawl runs."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import threading
from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from pipelines import store as store_module
from pipelines.crawl_runs import CrawlRunRecorder, json_safe
from pipelines.db import store as db_store
from pipelines.db.engine import dispose_all, get_engine
from pipelines.db.models import Article as ArticleRow
from pipelines.db.models import ArticlePerson, CrawlRun, QuoteRow
from pipelines.db.queries import iter_export_records
from pipelines.db.store import ArticleStore
from pipelines.dedupe import NormalizePipeline
from pipelines.store import StorePipeline
from pipelines.validate import ValidatePipeline
from spektroom_crawler import settings
from spektroom_crawler.extensions import progress_counts
from spektroom_crawler.record import Article
from tests.factories import other_tppo_article, synthetic_article, tppo_article

MakeCrawler = Callable[..., Crawler]


class Chain:
    """The three pipelines, driven the way Scrapy 2.19 drives them (no spider argument)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.validate = ValidatePipeline.from_crawler(crawler)
        self.normalize = NormalizePipeline.from_crawler(crawler)
        self.store = StorePipeline.from_crawler(crawler)
        self.store.open_spider()

    def feed(self, items: list[Any]) -> list[str]:
        dropped = []
        for item in items:
            try:
                self.store.process_item(
                    self.normalize.process_item(self.validate.process_item(item))
                )
            except DropItem as exc:
                dropped.append(str(exc))
        return dropped

    def settle(self) -> None:
        """Wait for the batch committing in the background (see StorePipeline)."""
        self.store.flush()

    def close(self) -> None:
        self.store.close_spider()

    def stat(self, name: str) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats.get_value(name)


def count(db_url: str, model: Any) -> int:
    with get_engine(db_url).connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (tppo_article(headline=None), "missing_headline"),
        (tppo_article(headline="   "), "missing_headline"),
        (tppo_article(paragraphs=[]), "missing_body"),
        (tppo_article(paragraphs=["", "  \u00a0 "]), "missing_body"),
        (tppo_article(url=""), "missing_url"),
        (tppo_article(url="javascript:void(0)"), "bad_url"),
        (
            {"url": "https://spektroom.co.id/x/", "headline": "Dict, bukan Article"},
            "not_an_article",
        ),
        (None, "not_an_article"),
    ],
)
def test_validate_drops_with_reason_in_stats(
    item: Any, reason: str, make_crawler: MakeCrawler, sqlite_url: str
) -> None:
    crawler = make_crawler(sqlite_url)
    pipeline = ValidatePipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match=reason):
        pipeline.process_item(item)
    assert crawler.stats is not None
    assert crawler.stats.get_value(f"spektroom/dropped/{reason}") == 1


def test_validate_passes_a_good_article(make_crawler: MakeCrawler, sqlite_url: str) -> None:
    article = tppo_article()
    assert ValidatePipeline.from_crawler(make_crawler(sqlite_url)).process_item(article) is article


def test_normalize_cleans_in_place() -> None:
    article = tppo_article(
        url="https://WWW.Spektroom.co.id/amp/penghargaan/?utm_source=wa&fbclid=abc#top",
        canonical_url="https://other-site.example/penghargaan/",  # another host: ignored
        headline="  Penghargaan\u00a0untuk  Kapuas\u200b Hulu ",
        paragraphs=["  Paragraf   satu. ", "", "Paragraf\ndua."],
        tags=["TPPO", "tppo", " Kapuas Hulu "],
    )
    NormalizePipeline(None).process_item(article)  # type: ignore[arg-type]
    assert article.canonical_url == "https://spektroom.co.id/penghargaan/"
    assert article.headline == "Penghargaan untuk Kapuas Hulu"
    assert article.paragraphs == ["Paragraf satu.", "Paragraf dua."]
    assert article.tags == ["TPPO", "Kapuas Hulu"]


@pytest.mark.parametrize(("n_items", "batch_size"), [(23, 5), (10, 10), (7, 200)])
def test_batches_one_transaction_per_batch(
    n_items: int, batch_size: int, db_url: str, make_crawler: MakeCrawler
) -> None:
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=batch_size))
    commits: list[int] = []
    event.listen(get_engine(db_url), "commit", lambda conn: commits.append(1))
    chain.feed([synthetic_article(i) for i in range(n_items)])
    chain.close()
    assert len(commits) == math.ceil(n_items / batch_size)
    assert count(db_url, ArticleRow) == n_items
    assert chain.stat("spektroom/articles/stored") == n_items
    assert chain.stat("spektroom/store/batches") == math.ceil(n_items / batch_size)


def test_crash_mid_batch_leaves_database_consistent(
    db_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=4))
    chain.feed([synthetic_article(i) for i in range(4)])  # batch 1 written
    chain.settle()  # and committed
    assert count(db_url, ArticleRow) == 4
    real = db_store.bulk_insert
    calls = {"n": 0}

    def failing(session: Any, table: Any, columns: Any, rows: Any) -> None:
        calls["n"] += 1
        if table.name == "quotes":  # articles and credits of batch 2 are already written
            raise OperationalError("INSERT INTO quotes", {}, Exception("disk I/O error"))
        real(session, table, columns, rows)

    monkeypatch.setattr(db_store, "bulk_insert", failing)
    with pytest.raises(OperationalError, match="disk I/O error"):
        chain.feed([synthetic_article(i) for i in range(4, 8)])
    assert chain.stat("spektroom/store/failed_batches") == 1
    assert chain.stat("spektroom/store/lost_items") == 4
    assert calls["n"] >= 2
    # Nothing of batch 2 is visible: no article, no credit, no quote of it.
    assert count(db_url, ArticleRow) == 4
    assert count(db_url, ArticlePerson) == 8
    with get_engine(db_url).connect() as conn:
        orphans = conn.scalar(
            select(func.count())
            .select_from(QuoteRow)
            .where(QuoteRow.article_id.not_in(select(ArticleRow.id)))
        )
    assert orphans == 0
    monkeypatch.setattr(db_store, "bulk_insert", real)
    chain.feed([synthetic_article(i) for i in range(4, 8)])
    chain.close()
    assert count(db_url, ArticleRow) == 8


def test_control_characters_and_lone_surrogates_are_stored_clean(
    db_url: str, make_crawler: MakeCrawler
) -> None:
    """A JSON-LD escape cut from its pair ("\\ud83d") and a "\\u0000" reach the record as a
    lone surrogate and a NUL: no UTF-8 encoder takes the first, PostgreSQL refuses both. The
    normalizer makes them storable, and the whole batch (here with four good articles) is kept.
    """
    dirty = synthetic_article(0)
    dirty.headline = "Banjir Sintang \ud83d"
    dirty.paragraphs = [*dirty.paragraphs, "Warga\x00 mengungsi \x07ke posko \udc00."]
    dirty.tags = [*dirty.tags, "banjir\x00"]
    dirty.authors = ["Budi\x00 Santoso \ud83d\ude00"]
    dirty.warnings = ["\x1b[31mperingatan"]
    dirty.related_urls = ["https://spektroom.co.id/berita-\ud800/"]
    dirty.quotes[0].text = "Kami\x00 siap \ud83d"
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=5))
    chain.feed([dirty, *(synthetic_article(i) for i in range(1, 5))])
    chain.close()
    assert chain.stat("spektroom/articles/stored") == 5
    assert chain.stat("spektroom/store/lost_items") is None
    with ArticleStore.open(db_url).sessionmaker() as session:
        record = next(iter_export_records(session))
    assert record["headline"] == "Banjir Sintang \ufffd"
    assert record["paragraphs"][-1] == "Warga mengungsi ke posko \ufffd."
    assert record["tags"][-1] == "banjir"
    assert record["authors"] == ["Budi Santoso \U0001f600"]
    assert record["warnings"] == ["[31mperingatan"]
    assert record["related_urls"] == ["https://spektroom.co.id/berita-\ufffd/"]
    assert record["quotes"][0]["text"] == "Kami siap \ufffd"
    json.dumps(record, default=str, ensure_ascii=False).encode()  # every text is UTF-8 now


def test_values_too_long_for_their_columns_on_both_backends(
    db_url: str, make_crawler: MakeCrawler
) -> None:
    """PostgreSQL enforces VARCHAR lengths, which SQLite ignores: a junk section or language is
    cut to fit instead of failing the batch there, and an article with a URL too long to store
    (cut, it would be another URL) is dropped alone."""
    long_text = synthetic_article(0)
    long_text.section = "Daerah " * 60
    long_text.language = "id-ID, en-US, ms-MY"
    long_text.lastmod = "2025-11-29T10:00:00+07:00 " + "x" * 80
    assert long_text.dateline is not None
    long_text.dateline.place = "Kapuas Hulu " * 30
    long_url = synthetic_article(1)
    long_url.url = long_url.canonical_url = "https://spektroom.co.id/" + "a" * 2100 + "/"
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=3))
    chain.feed([long_text, long_url, synthetic_article(2)])
    chain.close()
    assert chain.stat("spektroom/articles/stored") == 2
    assert chain.stat("spektroom/dropped/unstorable") == 1
    with ArticleStore.open(db_url).sessionmaker() as session:
        record = next(iter_export_records(session))
    assert record["section"] == ("Daerah " * 60).strip()[:255]
    assert record["language"] == "id-ID, en-US, ms"
    assert record["dateline"]["place"] == ("Kapuas Hulu " * 30).strip()[:255]
    assert record["lastmod"] == long_text.lastmod[:64]  # the raw text, as the sitemap gave it


def test_an_article_the_store_cannot_prepare_is_dropped_alone(
    sqlite_url: str, make_crawler: MakeCrawler, caplog: pytest.LogCaptureFixture
) -> None:
    """Without the validator, an article without a URL reaches the store: it is counted as
    dropped and logged, and the rest of its batch is stored (raised, it took the batch)."""
    crawler = make_crawler(
        sqlite_url,
        SPEKTROOM_STORE_BATCH_SIZE=3,
        ITEM_PIPELINES={"pipelines.store.StorePipeline": 300},
    )
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    no_url = synthetic_article(1)
    no_url.url = ""
    with caplog.at_level(logging.ERROR, logger="pipelines.store"):
        for item in (synthetic_article(0), no_url, synthetic_article(2)):
            pipeline.process_item(item)
        pipeline.close_spider()
    assert count(sqlite_url, ArticleRow) == 2
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    assert stats["spektroom/dropped/unstorable"] == 1
    assert stats["spektroom/articles/stored"] == 2
    assert "spektroom/store/lost_items" not in stats
    assert progress_counts(stats)["dropped"] == 1
    assert "could not prepare the article at '' for storing" in caplog.text


BIG = store_module.BACKGROUND_COMMIT_MIN  # the least batch committed in the background


def test_a_batch_commits_in_the_background_while_items_keep_coming(
    db_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=BIG))
    assert chain.store.committer is not None
    release = threading.Event()
    threads: list[str] = []
    real = db_store.WrittenBatch.commit_database

    def slow_commit(self: db_store.WrittenBatch) -> None:
        threads.append(threading.current_thread().name)
        assert release.wait(10)  # a slow disk
        real(self)

    monkeypatch.setattr(db_store.WrittenBatch, "commit_database", slow_commit)
    chain.feed([synthetic_article(i) for i in range(BIG + 2)])  # batch 1 written, 2 buffered
    assert len(chain.store.buffer) == 2 and chain.store.committing is not None
    assert count(db_url, ArticleRow) == 0  # not committed yet: other connections see nothing
    assert chain.stat("spektroom/articles/stored") is None  # counted once committed
    release.set()
    chain.close()  # the last batch (2 articles) commits on this thread
    assert len(threads) == 2
    assert threads[0].startswith("spektroom-store-commit")
    assert threads[1] == threading.current_thread().name
    assert count(db_url, ArticleRow) == BIG + 2
    assert chain.stat("spektroom/articles/stored") == BIG + 2
    assert chain.stat("spektroom/store/batches") == 2


def test_a_failed_background_commit_is_counted_and_logged_by_the_next_write(
    db_url: str,
    make_crawler: MakeCrawler,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=BIG))
    real = db_store.WrittenBatch.commit_database
    failures = iter([True])

    class FailingDriver:  # the driver's connection, refusing the commit with its own error
        def __init__(self, error: type[Exception]) -> None:
            self.error = error

        def commit(self) -> None:
            raise self.error("disk I/O error")

    def commit(self: db_store.WrittenBatch) -> None:
        if next(failures, False):
            self.driver_connection = FailingDriver(self.dialect.loaded_dbapi.OperationalError)
        real(self)

    monkeypatch.setattr(db_store.WrittenBatch, "commit_database", commit)
    chain.feed([synthetic_article(i) for i in range(BIG)])  # batch 1: its commit fails
    with caplog.at_level(logging.ERROR, logger="pipelines.store"):
        # Found by batch 2's write: logged, not raised (batch 2's items did not fail).
        chain.feed([synthetic_article(i) for i in range(BIG, 2 * BIG)])
    (record,) = caplog.records
    assert record.getMessage() == f"could not store a batch of {BIG} articles; none was written"
    assert record.exc_info is not None and "disk I/O error" in str(record.exc_info[1])
    assert chain.stat("spektroom/store/failed_batches") == 1
    assert chain.stat("spektroom/store/lost_items") == BIG
    chain.close()  # batch 2 was written all the same
    with get_engine(db_url).connect() as conn:
        urls = set(conn.scalars(select(ArticleRow.url)))
    assert urls == {synthetic_article(i).url for i in range(BIG, 2 * BIG)}
    assert chain.stat("spektroom/articles/stored") == BIG
    assert chain.stat("spektroom/store/batches") == 1


def test_flush_raises_the_failed_commit_of_its_batch(
    sqlite_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = Chain(make_crawler(sqlite_url, SPEKTROOM_STORE_BATCH_SIZE=BIG))

    def refused(self: db_store.WrittenBatch) -> None:
        raise OperationalError("COMMIT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(db_store.WrittenBatch, "commit_database", refused)
    chain.feed([synthetic_article(i) for i in range(BIG)])  # written; its commit will fail
    with pytest.raises(OperationalError, match="disk is full"):
        chain.store.flush()  # as close_spider does
    assert chain.stat("spektroom/store/lost_items") == BIG
    assert count(sqlite_url, ArticleRow) == 0
    chain.close()


def test_sqlite_in_memory_commits_on_the_crawl_thread(make_crawler: MakeCrawler) -> None:
    # Each thread has its own connection to an in-memory database: no committer thread.
    chain = Chain(make_crawler("sqlite://", SPEKTROOM_STORE_BATCH_SIZE=BIG))
    try:
        assert chain.store.committer is None
        chain.feed([synthetic_article(i) for i in range(BIG + 1)])
        assert chain.stat("spektroom/articles/stored") == BIG  # committed and counted at once
        chain.close()
        assert chain.stat("spektroom/articles/stored") == BIG + 1
    finally:
        dispose_all()  # the cached engine holds the database


def test_outcome_stats_over_two_crawls(db_url: str, make_crawler: MakeCrawler) -> None:
    chain = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=3))
    copy = tppo_article(url="https://spektroom.co.id/salinan-berita/", canonical_url=None)
    dropped = chain.feed([tppo_article(), other_tppo_article(), copy, tppo_article(headline="")])
    chain.close()
    assert dropped and "missing_headline" in dropped[0]
    assert chain.stat("spektroom/articles/stored") == 2
    assert chain.stat("spektroom/articles/duplicate_exact") == 1
    assert chain.stat("spektroom/dropped/missing_headline") == 1

    second = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=3))
    second.feed([tppo_article(), other_tppo_article(headline="Polda Kalbar Gagalkan TPPO")])
    second.close()
    assert second.stat("spektroom/articles/unchanged") == 1
    assert second.stat("spektroom/articles/updated") == 1
    assert second.stat("spektroom/articles/stored") is None
    assert second.stat("spektroom/articles/requoted") is None

    # The same story again, with quotes a better extractor found: unchanged, requoted.
    requoted = tppo_article()
    requoted.quotes = requoted.quotes[:1]
    third = Chain(make_crawler(db_url, SPEKTROOM_STORE_BATCH_SIZE=3))
    third.feed([requoted])
    third.close()
    assert third.stat("spektroom/articles/unchanged") == 1
    assert third.stat("spektroom/articles/requoted") == 1


def test_close_without_items_and_bad_batch_size(sqlite_url: str, make_crawler: MakeCrawler) -> None:
    chain = Chain(make_crawler(sqlite_url))
    chain.close()
    assert chain.stat("spektroom/store/batches") is None
    with pytest.raises(ValueError, match="BATCH_SIZE"):
        StorePipeline.from_crawler(make_crawler(sqlite_url, SPEKTROOM_STORE_BATCH_SIZE=0))


def test_slow_crawl_commits_when_the_oldest_item_has_waited_flush_seconds(
    sqlite_url: str, make_crawler: MakeCrawler
) -> None:
    crawler = make_crawler(sqlite_url, SPEKTROOM_STORE_FLUSH_SECONDS=10)
    pipeline = StorePipeline.from_crawler(crawler)
    assert pipeline.batch_size == store_module.DEFAULT_BATCH_SIZE
    ticks = iter([100.0, 105.0, 109.9, 110.0, 200.0, 200.0, 205.0])
    pipeline.clock = lambda: next(ticks)
    pipeline.open_spider()
    first = [synthetic_article(i) for i in range(4)]
    for article in first[:2]:  # the first opens the batch at 100 (due at 110)
        pipeline.process_item(NormalizePipeline(crawler).process_item(article))
    assert count(sqlite_url, ArticleRow) == 0
    pipeline.process_item(NormalizePipeline(crawler).process_item(first[2]))  # at 110: written
    assert not pipeline.buffer
    pipeline.flush()  # waits for its commit
    assert count(sqlite_url, ArticleRow) == 3
    pipeline.process_item(NormalizePipeline(crawler).process_item(first[3]))  # new batch at 200
    assert count(sqlite_url, ArticleRow) == 3 and len(pipeline.buffer) == 1
    pipeline.close_spider()
    assert count(sqlite_url, ArticleRow) == 4
    assert crawler.stats is not None
    assert crawler.stats.get_value("spektroom/store/batches") == 2
    with pytest.raises(ValueError, match="FLUSH_SECONDS"):
        StorePipeline.from_crawler(make_crawler(sqlite_url, SPEKTROOM_STORE_FLUSH_SECONDS=0))


class FakeTimers:
    """Stands in for scrapy's call_later: records each scheduled call, runs it on demand."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, Callable[[], object]]] = []
        self.cancelled = 0

    def __call__(self, delay: float, func: Callable[[], object]) -> Any:
        self.calls.append((delay, func))
        timers = self

        class Handle:
            def cancel(self) -> None:
                timers.cancelled += 1

        return Handle()

    def fire(self) -> None:
        _delay, func = self.calls.pop(0)
        func()


def timed_pipeline(
    sqlite_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch, now: list[float]
) -> tuple[StorePipeline, Crawler, FakeTimers]:
    """An open store pipeline (flush after 10 s) on the clock `now[0]`, with fake timers."""
    timers = FakeTimers()
    monkeypatch.setattr(store_module, "call_later", timers)
    crawler = make_crawler(sqlite_url, SPEKTROOM_STORE_FLUSH_SECONDS=10)
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.clock = lambda: now[0]
    pipeline.open_spider()
    return pipeline, crawler, timers


def test_running_crawl_writes_a_due_batch_when_no_item_comes(
    sqlite_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [100.0]
    pipeline, crawler, timers = timed_pipeline(sqlite_url, make_crawler, monkeypatch, now)
    normalize = NormalizePipeline(crawler).process_item

    crawler.crawling = False  # a harness calling process_item: no event loop, no timer
    pipeline.process_item(normalize(synthetic_article(0)))
    assert timers.calls == []
    pipeline.flush()

    crawler.crawling = True
    pipeline.process_item(normalize(synthetic_article(1)))  # opens a batch: due at 110
    pipeline.process_item(normalize(synthetic_article(2)))
    assert [delay for delay, _ in timers.calls] == [10]  # one timer per batch
    now[0] = 109.0  # the loop's clock ran ahead: not due yet by ours, so it waits 1 s more
    timers.fire()
    assert [delay for delay, _ in timers.calls] == [1.0]
    assert count(sqlite_url, ArticleRow) == 1 and len(pipeline.buffer) == 2
    now[0] = 110.0
    timers.fire()  # no item came meanwhile: the batch is written now
    assert not pipeline.buffer and not timers.calls
    pipeline.flush()  # waits for its commit
    assert count(sqlite_url, ArticleRow) == 3

    pipeline.process_item(normalize(synthetic_article(3)))  # a new batch, a new timer
    pipeline.close_spider()  # written on close; the pending timer is cancelled
    assert count(sqlite_url, ArticleRow) == 4 and timers.cancelled == 1


def test_timer_flush_failure_is_counted_and_the_crawl_goes_on(
    sqlite_url: str, make_crawler: MakeCrawler, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline, crawler, timers = timed_pipeline(sqlite_url, make_crawler, monkeypatch, [200.0])
    crawler.crawling = True

    def failing(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("INSERT INTO quotes", {}, Exception("disk I/O error"))

    monkeypatch.setattr(db_store, "bulk_insert", failing)
    pipeline.buffer.append(NormalizePipeline(crawler).process_item(synthetic_article(0)))
    pipeline.flush_due = 200.0
    pipeline._schedule(0.0)
    timers.fire()  # raises nothing into the event loop
    assert crawler.stats is not None
    assert crawler.stats.get_value("spektroom/store/failed_batches") == 1
    assert crawler.stats.get_value("spektroom/store/lost_items") == 1
    assert not pipeline.buffer and count(sqlite_url, ArticleRow) == 0
    pipeline.close_spider()


def test_project_settings_match_the_pipeline_defaults() -> None:
    assert settings.SPEKTROOM_STORE_BATCH_SIZE == store_module.DEFAULT_BATCH_SIZE
    assert settings.SPEKTROOM_STORE_FLUSH_SECONDS == store_module.DEFAULT_FLUSH_SECONDS


def test_store_skips_second_normalization_only_when_normalizer_runs_first(
    sqlite_url: str, make_crawler: MakeCrawler
) -> None:
    assert StorePipeline.from_crawler(make_crawler(sqlite_url)).normalized_upstream
    alone = make_crawler(sqlite_url, ITEM_PIPELINES={"pipelines.store.StorePipeline": 300})
    pipeline = StorePipeline.from_crawler(alone)
    assert not pipeline.normalized_upstream
    pipeline.open_spider()
    pipeline.process_item(
        tppo_article(
            url="https://www.spektroom.co.id/amp/berita-x/?utm_source=a", canonical_url=None
        )
    )
    pipeline.close_spider()
    with get_engine(sqlite_url).connect() as conn:
        assert conn.scalar(select(ArticleRow.canonical_url)) == "https://spektroom.co.id/berita-x/"
    assert store_module.STATS["stored"] == "spektroom/articles/stored"


class _Spider(Spider):
    name = "sitemap"
    crawl_arguments: ClassVar[dict[str, Any]] = {"since": dt.date(2025, 11, 1), "max_pages": 3}


def test_crawl_run_recorder_extension(db_url: str, make_crawler: MakeCrawler) -> None:
    crawler = make_crawler(db_url)
    recorder = CrawlRunRecorder.from_crawler(crawler)
    spider = _Spider()
    recorder.spider_opened(spider)
    assert crawler.stats is not None
    crawler.stats.set_value("start_time", dt.datetime(2025, 12, 1, tzinfo=dt.UTC))
    crawler.stats.inc_value("spektroom/articles/stored", 5)
    recorder.spider_closed(spider, "finished")
    with get_engine(db_url).connect() as conn:
        run = conn.execute(select(CrawlRun)).one()
    assert run.spider == "sitemap"
    assert run.arguments == {"since": "2025-11-01", "max_pages": 3}
    assert run.outcome == "finished"
    assert run.stats["spektroom/articles/stored"] == 5
    assert run.stats["start_time"] == "2025-12-01T00:00:00+00:00"
    assert run.finished_at is not None


def test_json_safe() -> None:
    assert json_safe(
        {"a": {1, 2}, "b": (dt.timedelta(seconds=2),), "c": float("nan"), 3: object}
    ) == {
        "a": [1, 2],
        "b": [2.0],
        "c": None,
        "3": repr(object),
    }


def test_article_is_what_flows() -> None:
    assert isinstance(tppo_article(), Article)
