"""End to end: real crawls, in a subprocess, of the offline mirror served over HTTP on 127.0.0.1.

Each test checks exactly which articles landed in the store against fixtures/site/_manifest.json,
and what the server saw (robots.txt obeyed, faults survived, nothing fetched twice).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipelines.db.engine import dispose_all, upgrade
from spektroom_crawler.mirror import (
    MirrorServer,
    drop_connection,
    error_then_ok,
    rate_limited,
    slow,
    truncated,
    unavailable,
    wrong_charset,
)
from spektroom_crawler.urls import canonicalize_url
from tests.conftest import ROOT, SITE

pytestmark = pytest.mark.e2e

# Fast, still realistic: a 1 s timeout against a 3 s slow fault, 1 s Retry-After.
FAST = [
    "-s", "DOWNLOAD_TIMEOUT=1",
    "-s", "RETRY_TIMES=3",
    "-s", "AUTOTHROTTLE_START_DELAY=0",
    "-s", "AUTOTHROTTLE_MAX_DELAY=0.5",
    "-s", "SPEKTROOM_RETRY_AFTER_MAX=3",
]  # fmt: skip
SLOW_SECONDS = 3.0
CRAWL_TIMEOUT = 90


# -- the manifest --------------------------------------------------------------------------


def load_manifest() -> list[dict[str, Any]]:
    data = json.loads((SITE / "_manifest.json").read_text(encoding="utf-8"))
    articles = data["articles"] if isinstance(data, dict) else data
    return list(articles)


MANIFEST = load_manifest() if (SITE / "_manifest.json").exists() else []


def flag(article: dict[str, Any], name: str) -> Any:
    return article.get(name) or (article.get("flags") or {}).get(name)


def paths(predicate: Any = None) -> set[str]:
    """Article paths of the manifest (drafts excluded) matching `predicate`."""
    return {
        a["path"]
        for a in MANIFEST
        if not flag(a, "is_draft") and (predicate is None or predicate(a))
    }


def canonical(base_url: str, path: str) -> str:
    return canonicalize_url(base_url + path)


# -- running crawls ------------------------------------------------------------------------


def crawl_command(*args: str) -> list[str]:
    code = "from spektroom_crawler.cli import main; main()"
    return [sys.executable, "-c", code, "crawl", *args]


def crawl(*args: str, timeout: float = CRAWL_TIMEOUT) -> dict[str, Any]:
    """Run `spektroom crawl ... --json` to its end; the parsed summary."""
    proc = subprocess.run(
        crawl_command(*args, "--json", "--no-progress", *FAST),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary: dict[str, Any] = json.loads(proc.stdout)
    summary["_stderr"] = proc.stderr
    return summary


def stored(db_path: Path) -> dict[str, str]:
    """canonical_url -> headline of every stored article."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT canonical_url, headline FROM articles").fetchall()
    return {url: headline for url, headline in rows}


def stored_count(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def requested(server: MirrorServer) -> list[str]:
    return [path for _method, path, _status in server.requests]


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the mirror, so a test may change a lastmod."""
    if not MANIFEST:
        pytest.fail("fixtures/site/_manifest.json is missing")
    target = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(SITE, target)
    return target


def fault_targets() -> dict[str, str]:
    """Six sitemap articles, one per fault."""
    chosen = sorted(paths(lambda a: flag(a, "in_sitemap")))[:7]
    names = ["error", "rate", "unavailable", "slow", "drop", "truncated", "charset"]
    return dict(zip(names, chosen, strict=True))


# -- sitemap: full, faults, incremental, refresh -------------------------------------------


@pytest.fixture(scope="module")
def sitemap_run(site_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One full sitemap crawl through every fault; the server stays up for the re-runs."""
    targets = fault_targets()
    faults = {
        targets["error"]: error_then_ok(500),
        targets["rate"]: rate_limited(1),
        targets["unavailable"]: unavailable(1),
        targets["slow"]: slow(SLOW_SECONDS),
        targets["drop"]: drop_connection(),
        targets["truncated"]: truncated(),
        targets["charset"]: wrong_charset(),
    }
    db = tmp_path_factory.mktemp("db") / "spektroom.db"
    with MirrorServer(site_copy, faults=faults) as server:
        started = time.monotonic()
        summary = crawl("sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}")
        elapsed = time.monotonic() - started
        # The server logs the timed-out slow answer only when its sleep ends: let it, so the
        # re-runs below see only their own requests.
        deadline = time.monotonic() + SLOW_SECONDS + 1
        while requested(server).count(targets["slow"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        yield server, db, summary, targets, elapsed


def test_sitemap_stores_exactly_the_sitemap_articles(sitemap_run: Any) -> None:
    server, db, summary, _targets, _elapsed = sitemap_run
    expected = {canonical(server.base_url, p) for p in paths(lambda a: flag(a, "in_sitemap"))}
    assert set(stored(db)) == expected
    assert summary["stored"] == len(expected)
    assert summary["finish_reason"] == "finished"


def test_sitemap_headlines_match_the_manifest(sitemap_run: Any) -> None:
    server, db, _summary, _targets, _elapsed = sitemap_run
    headlines = stored(db)
    for article in MANIFEST:
        url = canonical(server.base_url, article["path"])
        if url in headlines:
            assert headlines[url] == article["headline"], url


def test_robots_txt_obeyed_and_drafts_never_requested(sitemap_run: Any) -> None:
    server, *_ = sitemap_run
    seen = requested(server)
    assert "/robots.txt" in seen
    assert not [p for p in seen if p.startswith("/draft/")]
    drafts = {a["path"] for a in MANIFEST if flag(a, "is_draft")}
    assert not drafts & set(seen)


def test_each_article_fetched_once_except_faults(sitemap_run: Any) -> None:
    server, _db, _summary, targets, _elapsed = sitemap_run
    counts: dict[str, int] = {}
    for path in requested(server):
        counts[path] = counts.get(path, 0) + 1
    faulty = set(targets.values())
    for path in paths(lambda a: flag(a, "in_sitemap")):
        if path not in faulty:
            assert counts.get(path) == 1, path
    # AMP and utm variants were never fetched beside their article
    assert not [p for p in counts if p.endswith("/amp/") or "utm_" in p]


def test_faults_are_survived(sitemap_run: Any) -> None:
    server, db, summary, targets, _elapsed = sitemap_run
    log = server.requests
    statuses = {name: [s for _m, p, s in log if p == path] for name, path in targets.items()}
    assert statuses["error"] == [500, 200]
    assert statuses["rate"] == [429, 200]
    assert statuses["unavailable"] == [503, 200]
    assert statuses["drop"][0] == 0 and statuses["drop"][-1] == 200
    assert len(statuses["slow"]) == 2  # the first answer came after the client's timeout
    assert len(statuses["truncated"]) == 2
    stats = summary["stats"]
    assert stats["spektroom/retry_after/count"] == 2
    assert stats["spektroom/retry_after/waited_ms"] >= 2000
    # Scrapy retries: 500, 429, 503, the timeout and the truncated body. The dropped keep-alive
    # connection is usually retried by Twisted's connection pool itself (idempotent GET), below
    # Scrapy; on a loaded machine it can surface to Scrapy's retry as well (a 6th retry).
    assert 5 <= stats["retry/count"] <= 6
    assert any("Timeout" in k for k in stats if k.startswith("retry/reason_count/"))
    headlines = stored(db)
    by_path = {a["path"]: a for a in MANIFEST}
    for path in targets.values():
        assert headlines[canonical(server.base_url, path)] == by_path[path]["headline"]


def test_wrong_charset_header_still_extracts_correct_text(sitemap_run: Any) -> None:
    server, db, _summary, targets, _elapsed = sitemap_run
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT headline, body FROM articles WHERE canonical_url = ?",
            (canonical(server.base_url, targets["charset"]),),
        ).fetchone()
    text = f"{row[0]} {row[1]}"
    assert "Ã" not in text and "â€" not in text


def test_incremental_rerun_fetches_nothing_new(sitemap_run: Any) -> None:
    server, db, first, _targets, _elapsed = sitemap_run
    for fault in server.faults.values():
        fault.times = 0  # the site behaves now
    before = len(server.requests)
    summary = crawl("sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}")
    fetched = requested(server)[before:]
    article_paths = paths()
    assert not [p for p in fetched if p in article_paths]
    assert summary["stats"].get("spektroom/gate/skipped", 0) == first["stored"]
    assert summary["stored"] == 0


def test_rerun_fetches_an_article_whose_lastmod_is_newer(sitemap_run: Any, site_copy: Path) -> None:
    server, db, _first, _targets, _elapsed = sitemap_run
    target = sorted(paths(lambda a: flag(a, "in_sitemap")))[-1]
    changed = 0
    for sitemap in site_copy.rglob("*.xml"):
        text = sitemap.read_text(encoding="utf-8")
        pattern = re.compile(
            r"(<loc>[^<]*" + re.escape(target) + r"</loc>\s*<lastmod>)([^<]+)(</lastmod>)"
        )
        new, n = pattern.subn(r"\g<1>2099-01-01T00:00:00+07:00\g<3>", text)
        if n:
            sitemap.write_text(new, encoding="utf-8")
            changed += n
    assert changed, f"no <lastmod> for {target} in the sitemaps"
    before = len(server.requests)
    summary = crawl("sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}")
    fetched = [p for p in requested(server)[before:] if p in paths()]
    assert fetched == [target]
    assert summary["stats"]["spektroom/gate/refetched_newer"] == 1


def test_refresh_refetches_everything(sitemap_run: Any) -> None:
    server, db, first, _targets, _elapsed = sitemap_run
    before = len(server.requests)
    summary = crawl(
        "sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}", "--refresh"
    )
    fetched = {p for p in requested(server)[before:] if p in paths()}
    assert fetched == paths(lambda a: flag(a, "in_sitemap"))
    assert summary["stored"] == 0  # same content: nothing new, nothing twice
    assert len(stored(db)) == first["stored"]


# -- other modes ---------------------------------------------------------------------------


@pytest.fixture()
def server() -> Iterator[MirrorServer]:
    with MirrorServer(SITE) as srv:
        yield srv


def test_feed_mode(server: MirrorServer, tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    summary = crawl("feed", "--base-url", server.base_url, "--db", f"sqlite:///{db}")
    expected = {canonical(server.base_url, p) for p in paths(lambda a: flag(a, "in_feed"))}
    assert expected and set(stored(db)) == expected
    assert {"/feed/", "/rss/"} <= set(requested(server))
    assert summary["finish_reason"] == "finished"


def test_listing_mode_follows_redirects_and_stays_on_site(
    server: MirrorServer, tmp_path: Path
) -> None:
    db = tmp_path / "listing.db"
    log = tmp_path / "crawl.log"
    summary = crawl(
        "listing", "--base-url", server.base_url, "--db", f"sqlite:///{db}",
        "--log-level", "DEBUG", "--log-file", str(log),
        "-s", "SPEKTROOM_PROGRESS_INTERVAL=0.1",
    )  # fmt: skip
    progress = [line for line in summary["_stderr"].splitlines() if line.startswith("[listing] ")]
    assert progress and re.search(
        r"\d+ pages, \d+ stored, .* errors, [\d.]+ pages/s$", progress[-1]
    )
    expected = {canonical(server.base_url, p) for p in paths()}
    assert set(stored(db)) == expected
    seen = requested(server)
    old_urls = [flag(a, "old_url") for a in MANIFEST if flag(a, "old_url")]
    # the 301 was followed (the link carries utm parameters) and its article stored once
    assert old_urls and all(any(p.split("?")[0] == u for p in seen) for u in old_urls)
    # the homepage links the draft: robots.txt, not luck, kept it from being requested
    assert not [p for p in seen if p.startswith("/draft/")]
    assert summary["stats"]["robotstxt/forbidden"] >= 1
    text = log.read_text(encoding="utf-8")
    fetched_hosts = set(re.findall(r"<GET https?://([^/]+)/", text))
    assert fetched_hosts == {server.base_url.split("//", 1)[1]}
    assert summary["stats"].get("httperror/response_ignored_status_count/404", 0) >= 1


def test_listing_max_pages(server: MirrorServer, tmp_path: Path) -> None:
    db = tmp_path / "listing.db"
    crawl("listing", "--base-url", server.base_url, "--db", f"sqlite:///{db}", "--max-pages", "1")
    seen = requested(server)
    assert "/" in seen
    assert not [p for p in seen if "/page/" in p]
    # article links on articles are still followed, so everything may be found, just less paging
    assert 0 < len(stored(db)) <= len(paths())


def test_listing_since_stops_paging_at_an_older_page(server: MirrorServer, tmp_path: Path) -> None:
    since = "2025-11-01"
    db = tmp_path / "listing.db"
    summary = crawl(
        "listing", "--base-url", server.base_url, "--db", f"sqlite:///{db}", "--since", since
    )  # fmt: skip
    expected = {
        canonical(server.base_url, a["path"])
        for a in MANIFEST
        if not flag(a, "is_draft") and a["published"][:10] >= since
    }
    assert expected and set(stored(db)) == expected
    seen = requested(server)
    # page 2 of the homepage lists only older articles: paging stops there
    assert "/page/2/" in seen and "/page/3/" not in seen
    assert summary["stats"]["spektroom/listing/stopped_since"] >= 1


def test_urls_mode_variants_are_one_article(server: MirrorServer, tmp_path: Path) -> None:
    amp = sorted(paths(lambda a: flag(a, "has_amp")))[0]
    other = sorted(paths(lambda a: not flag(a, "has_amp")))[0]
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(f"{server.base_url}{other}\n# komentar\n", encoding="utf-8")
    db = tmp_path / "urls.db"
    crawl(
        "urls", "--base-url", server.base_url, "--db", f"sqlite:///{db}",
        "--url", f"{server.base_url}{amp}amp/",
        "--url", f"{server.base_url}{amp}?utm_source=whatsapp&utm_medium=share",
        "--url", "https://www.antaranews.com/berita/1/luar-situs",
        "--urls-file", str(urls_file),
    )  # fmt: skip
    assert set(stored(db)) == {canonical(server.base_url, amp), canonical(server.base_url, other)}


def test_sitemap_since_until_window(server: MirrorServer, tmp_path: Path) -> None:
    dated = sorted(
        (a["lastmod"][:10], a["path"])
        for a in MANIFEST
        if flag(a, "in_sitemap") and not flag(a, "is_draft") and a.get("lastmod")
    )
    since, until = dated[len(dated) // 4][0], dated[(3 * len(dated)) // 4][0]
    db = tmp_path / "window.db"
    crawl(
        "sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}",
        "--since", since, "--until", until,
    )  # fmt: skip
    expected = {canonical(server.base_url, p) for day, p in dated if since <= day <= until}
    assert expected and set(stored(db)) == expected


# -- resume after SIGKILL ------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_resume_after_kill(tmp_path: Path, signum: int) -> None:
    db = tmp_path / "resume.db"
    job = tmp_path / "job"
    # Every article answers slowly, so the crawl is surely mid-way when it is killed.
    faults = {p: slow(0.4, times=None) for p in paths(lambda a: flag(a, "in_sitemap"))}
    with MirrorServer(SITE, faults=faults) as srv:
        args = [
            "sitemap", "--base-url", srv.base_url, "--db", f"sqlite:///{db}",
            "--resume", str(job), "--concurrency", "2",
            "-s", "SPEKTROOM_STORE_BATCH_SIZE=5",
        ]  # fmt: skip
        proc = subprocess.Popen(
            crawl_command(*args, "--no-progress", *FAST),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while stored_count(db) < 5 and time.monotonic() < deadline:
                time.sleep(0.1)
                assert proc.poll() is None, "the crawl ended before it could be killed"
            os.kill(proc.pid, signum)
            _out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        if signum == signal.SIGINT:  # a clean stop: Scrapy saved its queue, the CLI says so
            assert proc.returncode == 1 and "ended early (shutdown)" in err
        partial = stored_count(db)
        expected = {canonical(srv.base_url, p) for p in paths(lambda a: flag(a, "in_sitemap"))}
        assert 0 < partial < len(expected)
        for fault in srv.faults.values():
            fault.times = 0
        summary = crawl(*args)
        assert set(stored(db)) == expected
        crashed = summary["stats"].get("spektroom/resume/after_crash")
        assert crashed == (1 if signum == signal.SIGKILL else None)
        assert summary["stats"].get("spektroom/gate/skipped", 0) >= partial
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)


# -- a database that refuses the batches ---------------------------------------------------


def test_articles_the_database_refuses_are_reported_and_fail_the_crawl(
    server: MirrorServer, tmp_path: Path
) -> None:
    """Every batch fails (a trigger refuses quote rows, as a full disk or a bad constraint
    would fail them): the crawl goes on to its end, then says how many articles it could not
    store, in the summary and in one line on stderr, and exits 1."""
    db = tmp_path / "refusing.db"
    upgrade(f"sqlite:///{db}")
    dispose_all()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER refuse_quotes BEFORE INSERT ON quotes "
            "BEGIN SELECT RAISE(ABORT, 'quotes refused'); END"
        )
    proc = subprocess.run(
        crawl_command(
            "sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}", "--no-progress",
            "-s", "SPEKTROOM_STORE_BATCH_SIZE=10", *FAST,
        ),
        capture_output=True, text=True, timeout=CRAWL_TIMEOUT, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr[-3000:]
    expected = len(paths(lambda a: flag(a, "in_sitemap")))
    assert re.search(rf"not stored \(database errors\)\s+{expected}\n", proc.stdout)
    assert re.search(r"articles stored\s+0\n", proc.stdout)
    assert proc.stderr.rstrip().splitlines()[-1] == (
        f"Error: {expected} articles could not be stored (database errors, in the log); "
        "run the same command again to fetch them again"
    )
    assert "quotes refused" in proc.stderr  # the log says why
    assert stored_count(db) == 0


# -- a slow crawl's batch is written on time -----------------------------------------------


def test_slow_crawl_writes_a_due_batch_before_the_next_item_arrives(tmp_path: Path) -> None:
    """The store writes a batch once it is due even while no item comes (its timer): one
    article at a time, each answered 3 s after it is asked for, batches of 1000 due after
    0.5 s. Checked only as items arrive, the first article would wait for the second."""
    db = tmp_path / "timer.db"
    articles = paths(lambda a: flag(a, "in_sitemap"))
    faults = {p: slow(SLOW_SECONDS, times=None) for p in articles}
    with MirrorServer(SITE, faults=faults) as srv:

        def answered() -> list[str]:
            return [path for path in requested(srv) if path in articles]

        args = [
            "sitemap", "--base-url", srv.base_url, "--db", f"sqlite:///{db}",
            "--concurrency", "1", "--no-progress",
            "-s", "SPEKTROOM_STORE_BATCH_SIZE=1000", "-s", "SPEKTROOM_STORE_FLUSH_SECONDS=0.5",
            "-s", "DOWNLOAD_TIMEOUT=30", "-s", "AUTOTHROTTLE_ENABLED=False",
        ]  # fmt: skip
        proc = subprocess.Popen(
            crawl_command(*args), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while not answered() and time.monotonic() < deadline:
                time.sleep(0.05)
                assert proc.poll() is None, "the crawl ended early"
            first = time.monotonic()
            while stored_count(db) == 0 and time.monotonic() < first + SLOW_SECONDS - 0.5:
                time.sleep(0.05)
            assert stored_count(db) == 1
            assert len(answered()) == 1  # the next article has not come yet
        finally:
            proc.kill()
            proc.communicate(timeout=30)


# -- the offline quick start ----------------------------------------------------------------


def test_demo_serves_the_mirror_and_crawls_it(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    with socket.socket() as sock:  # a free port, the same for both runs
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    command = [sys.executable, "-c", "from spektroom_crawler.cli import main; main()", "demo"]
    outputs = []
    for _run in (1, 2):
        proc = subprocess.run(
            [*command, "--db", f"sqlite:///{db}", "--port", port, "--no-progress"],
            capture_output=True, text=True, timeout=60, cwd=ROOT,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert f"sitemap crawl of http://127.0.0.1:{port}: finished" in proc.stdout
        outputs.append(proc.stdout)
    expected = len(paths(lambda a: flag(a, "in_sitemap")))
    assert re.search(rf"articles stored\s+{expected}\n", outputs[0])
    # the second run is incremental: nothing new, everything skipped
    assert re.search(r"articles stored\s+0\n", outputs[1])
    assert re.search(rf"skipped \(already stored\)\s+{expected}\n", outputs[1])
    assert stored_count(db) == expected


# -- refusing to start ---------------------------------------------------------------------


def test_cli_exits_with_one_line_when_the_crawl_cannot_run(tmp_path: Path) -> None:
    with MirrorServer(SITE) as srv:
        for args in (
            ["--base-url", "htp:/spektroom"],
            ["--base-url", srv.base_url, "--db", f"sqlite:///{tmp_path}/tidak/ada/x.db"],
        ):
            proc = subprocess.run(
                crawl_command(*args), capture_output=True, text=True, timeout=60, cwd=ROOT
            )
            assert proc.returncode != 0
            lines = [line for line in proc.stderr.splitlines() if line.strip()]
            assert len(lines) == 1 and lines[0].startswith("Error: "), proc.stderr
        assert srv.requests == []  # it checked, it did not crawl
