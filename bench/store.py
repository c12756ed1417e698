"""Store benchmark: synthetic articles through the real pipeline chain into SQLite and PostgreSQL.

For each backend, side by side:
  batched      validate -> normalize -> store with the store pipeline's default batch size
  per-item     the same chain with batch size 1 (one commit per article)
  second pass  the same articles again into the batched database (all unchanged)

The rates are compared over the same minutes: the per-item run is fed in --segments slices,
and before each slice a first pass runs on a fresh database, then the second pass into it,
and that database is removed (its unflushed pages would otherwise be written back during the
slice and slow its fsyncs). The machine's speed drifts by +-20% within minutes; timed one
after the other (a ~4 s batched pass, then a ~40 s per-item run), the two rates drew on
different minutes and their ratio swung with them. The batched rates are the median passes;
the per-item rate is over its whole run (its database grows as in one run; only the clock
stops between slices).

    python bench/store.py                 # 10,000 articles, SQLite + PostgreSQL if reachable
    python bench/store.py -n 2000 --no-postgres
    python bench/store.py --no-postgres --repeat 3   # SQLite three times, verdict on medians

Targets (issue 4): >= 2,000 articles/s into SQLite, >= 10x the one-commit-per-item rate, and
the second pass at least as fast as the first.
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapy.utils.test import get_crawler  # noqa: E402

from pipelines.db.engine import dispose_all, get_engine  # noqa: E402
from pipelines.dedupe import NormalizePipeline  # noqa: E402
from pipelines.store import DEFAULT_BATCH_SIZE, StorePipeline  # noqa: E402
from pipelines.validate import ValidatePipeline  # noqa: E402
from spektroom_crawler.record import Article  # noqa: E402
from tests.factories import synthetic_article  # noqa: E402

CHAIN = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.dedupe.NormalizePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


class ChainRun:
    """The three pipelines on one database, fed as Scrapy would, in one or more slices.

    Only the feeding (and the closing flush) is timed: wall clock and this process's CPU.
    With SQLite the whole write path is in-process, so the CPU rate is free of other load on
    the machine (PostgreSQL's server CPU is not in it).
    """

    def __init__(self, db_url: str, batch_size: int) -> None:
        self.url = db_url
        self.crawler = get_crawler(
            settings_dict={
                "SPEKTROOM_DATABASE_URL": db_url,
                "SPEKTROOM_STORE_BATCH_SIZE": batch_size,
                "ITEM_PIPELINES": CHAIN,
            }
        )
        self.validate = ValidatePipeline.from_crawler(self.crawler)
        self.normalize = NormalizePipeline.from_crawler(self.crawler)
        self.store = StorePipeline.from_crawler(self.crawler)
        self.store.open_spider()  # schema creation happens here, outside the timing
        self.wall = 0.0
        self.cpu = 0.0

    @contextmanager
    def _timed(self) -> Iterator[None]:
        # The harness holds the whole synthetic corpus in memory, which a crawl never does:
        # keep those objects out of the garbage collector's scans so they don't bill the
        # pipeline. And it lets go of each item once the chain has it, as a crawl does: the
        # lists and quotes that normalization makes would otherwise pile up in the oldest
        # generation, and every full collection would scan all the articles processed so far.
        gc.collect()
        gc.freeze()
        # Every timed part starts with nothing of another run left to write back (this run's
        # own writes are written back while it runs, as in a crawl).
        os.sync()
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - start
            self.cpu += time.process_time() - cpu_start
            gc.unfreeze()

    def feed(self, articles: list[Article]) -> None:
        """Feed articles through the chain; `articles` is consumed (each item leaves the list
        as it enters the chain)."""
        articles.reverse()
        store, normalize, validate = self.store, self.normalize, self.validate
        with self._timed():
            while articles:
                store.process_item(normalize.process_item(validate.process_item(articles.pop())))
            # A batch still in flight is this slice's work: without a wait it would commit on
            # the clock of whatever runs next. The per-item chain has nothing in flight.
            store.flush()

    def close(self) -> dict[str, object]:
        """Flush and close (timed); the chain's spektroom/ stats."""
        with self._timed():
            self.store.close_spider()
        assert self.crawler.stats is not None
        return {
            k: v for k, v in self.crawler.stats.get_stats().items() if k.startswith("spektroom/")
        }


def run_chain(db_url: str, articles: list[Article], batch_size: int) -> tuple[ChainRun, dict]:
    """One whole run: every article through a new chain, then close; `articles` is consumed."""
    run = ChainRun(db_url, batch_size)
    run.feed(articles)
    return run, run.close()


@dataclass(frozen=True)
class Databases:
    """Fresh databases of one backend: `make()` a new one, `discard(url)` it when done.

    A batched pass's database is discarded before the per-item slice that follows it: the
    pages it wrote and the kernel has not flushed yet would otherwise be written back during
    the slice, and each per-item commit's fsync would wait for them (removed, they are
    dropped unwritten).
    """

    make: Callable[[], str]
    discard: Callable[[str], None]


@contextmanager
def sqlite_db() -> Iterator[Databases]:
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(1000))

        def discard(url: str) -> None:
            get_engine(url).dispose()
            path = url.removeprefix("sqlite:///")
            for suffix in ("", "-wal", "-shm"):
                Path(path + suffix).unlink(missing_ok=True)

        yield Databases(lambda: f"sqlite:///{tmp}/bench-{next(counter)}.db", discard)


@contextmanager
def postgres_db() -> Iterator[Databases]:
    import psycopg

    names: list[str] = []

    def make() -> str:
        name = f"spektroom_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

    def drop(name: str) -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def discard(url: str) -> None:
        get_engine(url).dispose()
        name = url.rsplit("/", 1)[1]
        drop(name)
        names.remove(name)

    try:
        yield Databases(make, discard)
    finally:
        dispose_all()
        for name in names:
            drop(name)


def postgres_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1.0):
            return True
    except OSError:
        return False


def bench_backend(
    name: str,
    databases: Databases,
    corpus: list[Article],
    per_item_n: int,
    batch: int,
    segments: int,
) -> dict[str, float]:
    """Batched passes (each: a first pass on a fresh database, then the second pass into it)
    interleaved with slices of the per-item run."""
    n = len(corpus)
    per_item_corpus = corpus[:per_item_n]
    bounds = [per_item_n * k // segments for k in range(segments + 1)]
    single = ChainRun(databases.make(), 1)
    firsts: list[ChainRun] = []
    seconds: list[ChainRun] = []
    print(
        f"\n{name}  ({n} articles, batch size {batch}; per-item run over {per_item_n},"
        f" in {segments} slices, each after a batched first and second pass)"
    )
    for k in range(segments):
        batched_url = databases.make()
        first, stats1 = run_chain(batched_url, copy.deepcopy(corpus), batch)
        second, stats2 = run_chain(batched_url, copy.deepcopy(corpus), batch)
        databases.discard(batched_url)
        firsts.append(first)
        seconds.append(second)
        before = single.wall
        single.feed(copy.deepcopy(per_item_corpus[bounds[k] : bounds[k + 1]]))
        slice_rate = (bounds[k + 1] - bounds[k]) / (single.wall - before)
        print(
            f"  pass {k + 1}: first {n / first.wall:6.0f}/s, second {n / second.wall:6.0f}/s;"
            f"  per-item slice {bounds[k]}-{bounds[k + 1]}: {slice_rate:5.0f}/s"
        )
    single_stats = single.close()
    databases.discard(single.url)
    # The median pass (of an even number, the slower middle one).
    first = sorted(firsts, key=lambda run: run.wall)[(segments - 1) // 2]
    second = sorted(seconds, key=lambda run: run.wall)[(segments - 1) // 2]
    rates = {
        "batched": n / first.wall,
        "per_item": per_item_n / single.wall,
        "second": n / second.wall,
    }
    print("                          wall clock                    this process's CPU")
    for label, count, run in (
        ("batched, first pass ", n, first),
        ("one commit per item ", per_item_n, single),
        ("batched, second pass", n, second),
    ):
        print(
            f"  {label}  {count / run.wall:7.0f} articles/s {run.wall:7.2f} s"
            f"   {count / run.cpu:7.0f} articles/s {run.cpu:7.2f} s"
        )
    print(f"  (first and second pass: the median of {segments})")
    print(f"  batched / per-item    {rates['batched'] / rates['per_item']:9.1f} x")
    print(f"  second / first        {rates['second'] / rates['batched']:9.2f} x")
    print(f"  first pass stats  {stats1}")
    print(f"  per-item stats    {single_stats}")
    print(f"  second pass stats {stats2}")
    dispose_all()
    return rates


def median_rates(rounds: list[dict[str, float]]) -> dict[str, float]:
    """Each rate's median over the rounds (a machine that drifts by +-20% within minutes makes
    one round's ratio a draw near the threshold)."""
    return {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles per run (default 10000)")
    parser.add_argument(
        "--per-item",
        type=int,
        default=None,
        help="articles in the one-commit-per-item run (default: same as -n)",
    )
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="SQLite rounds (each: batched passes interleaved with the per-item run); the "
        "verdict takes the median of each rate (default 1)",
    )
    parser.add_argument(
        "--segments",
        type=int,
        default=5,
        help="slices of the per-item run, each after a first and a second batched pass on a "
        "fresh database (default 5)",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be >= 1")
    if not 1 <= args.segments <= (args.per_item or args.n):
        parser.error("--segments must be >= 1 and at most the per-item run's articles")

    corpus = [synthetic_article(i) for i in range(args.n)]
    words = sum(len(" ".join(a.paragraphs).split()) for a in corpus) / len(corpus)
    quotes = sum(len(a.quotes) for a in corpus) / len(corpus)
    print(
        f"corpus: {args.n} articles, {words:.0f} words, {quotes:.1f} quotes, "
        f"{len(corpus[0].tags)} tags, 2 people each on average"
    )
    per_item = args.per_item or args.n
    results = {}
    rounds = []
    with sqlite_db() as databases:
        for number in range(1, args.repeat + 1):
            name = "SQLite" if args.repeat == 1 else f"SQLite, round {number} of {args.repeat}"
            rounds.append(
                bench_backend(name, databases, corpus, per_item, args.batch_size, args.segments)
            )
    results["SQLite"] = median_rates(rounds)
    if args.repeat > 1:
        sqlite = results["SQLite"]
        print(
            f"\nSQLite, median of {args.repeat} rounds: batched {sqlite['batched']:.0f}/s, "
            f"per item {sqlite['per_item']:.0f}/s, second pass {sqlite['second']:.0f}/s; "
            f"batched / per-item {sqlite['batched'] / sqlite['per_item']:.1f}x (rounds: "
            + ", ".join(f"{r['batched'] / r['per_item']:.1f}x" for r in rounds)
            + ")"
        )
    if not args.no_postgres and postgres_reachable():
        with postgres_db() as databases:
            results["PostgreSQL"] = bench_backend(
                "PostgreSQL", databases, corpus, per_item, args.batch_size, args.segments
            )
    elif not args.no_postgres:
        print("\nPostgreSQL: not reachable on 127.0.0.1:5432, skipped")
    sqlite = results["SQLite"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    met = {
        ">= 2000/s": sqlite["batched"] >= 2000,
        ">= 10x per-item": sqlite["batched"] >= 10 * sqlite["per_item"],
        "second pass >= first": sqlite["second"] >= sqlite["batched"],
    }
    print(
        f"\ntargets (SQLite, wall clock{', medians' if args.repeat > 1 else ''}): "
        + "; ".join(f"{name}: {verdict(ok)}" for name, ok in met.items())
    )
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
