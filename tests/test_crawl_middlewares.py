"""Retry-After, canonical request identity, the redirect gate, the JOBDIR guard, progress."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from spektroom_crawler.discovery import Link
from spektroom_crawler.extensions import (
    LOCK_NAME,
    CrawlProgress,
    JobDirGuard,
    format_progress,
    jobdir_owner,
    progress_counts,
)
from spektroom_crawler.gate import IncrementalGate
from spektroom_crawler.middlewares import (
    CanonicalRequestFingerprinter,
    CrawlDupeFilter,
    RedirectGateMiddleware,
    RetryAfterMiddleware,
    parse_retry_after,
)

BASE = "https://spektroom.co.id"
NOW = dt.datetime(2025, 12, 4, 2, 20, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"2", 2.0),
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Thu, 04 Dec 2025 02:20:30 GMT", 30.0),
        ("Thu, 04 Dec 2025 02:19:00 GMT", 0.0),  # a date in the past: retry now
        (None, None),
        ("", None),
        ("-5", None),
        ("soon", None),
        ("1.5", None),  # not delta-seconds
    ],
)
def test_parse_retry_after(value: bytes | str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


def make_middleware(**settings: Any) -> tuple[RetryAfterMiddleware, Spider]:
    crawler = get_crawler(Spider, {"RETRY_TIMES": 2, **settings})
    spider = Spider.from_crawler(crawler, name="t")
    crawler.spider = spider
    return RetryAfterMiddleware.from_crawler(crawler), spider


def answer(status: int, retry_after: str | None, request: Request) -> HtmlResponse:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return HtmlResponse(
        request.url, status=status, headers=headers, body=b"<h1>429</h1>", request=request
    )


def test_retry_after_waits_then_retries() -> None:
    mw, spider = make_middleware()
    request = Request(f"{BASE}/feed/")
    started = time.monotonic()
    result = asyncio.run(mw.process_response(request, answer(429, "1", request)))
    waited = time.monotonic() - started
    assert isinstance(result, Request) and result.url == request.url
    assert result.dont_filter and result.meta["retry_times"] == 1
    assert 0.95 <= waited < 2.0
    stats = spider.crawler.stats
    assert stats.get_value("spektroom/retry_after/count") == 1
    assert stats.get_value("spektroom/retry_after/waited_ms") == 1000
    assert stats.get_value("retry/count") == 1


def test_retry_after_is_capped() -> None:
    mw, _ = make_middleware(SPEKTROOM_RETRY_AFTER_MAX=0.2)
    request = Request(f"{BASE}/feed/")
    started = time.monotonic()
    result = asyncio.run(mw.process_response(request, answer(503, "3600", request)))
    assert isinstance(result, Request)
    assert time.monotonic() - started < 1.0


def test_retry_after_passes_other_responses_through() -> None:
    mw, _ = make_middleware()
    request = Request(f"{BASE}/feed/")
    for status, header in ((200, "5"), (404, "5"), (429, None), (503, "nanti"), (500, "1")):
        response = answer(status, header, request)
        assert asyncio.run(mw.process_response(request, response)) is response
    no_retry = Request(f"{BASE}/feed/", meta={"dont_retry": True})
    response = answer(429, "1", no_retry)
    assert asyncio.run(mw.process_response(no_retry, response)) is response


def test_retry_after_gives_up_after_retry_times() -> None:
    mw, spider = make_middleware(SPEKTROOM_RETRY_AFTER_MAX=0.01)
    request = Request(f"{BASE}/feed/", meta={"retry_times": 2})
    response = answer(429, "1", request)
    assert asyncio.run(mw.process_response(request, response)) is response
    assert spider.crawler.stats.get_value("retry/max_reached") == 1


@pytest.mark.parametrize(
    "variant",
    [
        f"{BASE}/penghargaan-untuk-kapuas-hulu/amp/",
        f"{BASE}/penghargaan-untuk-kapuas-hulu/?utm_source=facebook&utm_campaign=x",
        "http://www.spektroom.co.id/penghargaan-untuk-kapuas-hulu",
        f"{BASE}/penghargaan-untuk-kapuas-hulu/#comments",
    ],
)
def test_fingerprint_is_the_canonical_url(variant: str) -> None:
    fp = CanonicalRequestFingerprinter()
    original = fp.fingerprint(Request(f"{BASE}/penghargaan-untuk-kapuas-hulu/"))
    assert fp.fingerprint(Request(variant)) == original
    assert fp.fingerprint(Request(f"{BASE}/warga-sintang-gotong-royong/")) != original
    post = Request(f"{BASE}/penghargaan-untuk-kapuas-hulu/", method="POST", body=b"q=1")
    assert fp.fingerprint(post) != original


def test_dupefilter_is_not_persisted(tmp_path: Path) -> None:
    crawler = get_crawler(
        Spider,
        {
            "JOBDIR": str(tmp_path),
            "DUPEFILTER_CLASS": CrawlDupeFilter,
            "REQUEST_FINGERPRINTER_CLASS": CanonicalRequestFingerprinter,
        },
    )
    dupefilter = CrawlDupeFilter.from_crawler(crawler)
    assert not dupefilter.request_seen(Request(f"{BASE}/a-satu/"))
    assert dupefilter.request_seen(Request(f"{BASE}/a-satu/amp/"))
    dupefilter.close("finished")
    assert not (tmp_path / "requests.seen").exists()


class OneStored:
    def stored_versions(self, urls: list[str]) -> dict[str, Any]:
        class Info:
            lastmod = modified_at = None
            last_fetched_at = NOW

        return {u: Info() for u in urls if u == f"{BASE}/artikel-baru/"}


def test_redirect_gate() -> None:
    crawler = get_crawler(Spider)
    spider = Spider.from_crawler(crawler, name="t")
    spider.gate = IncrementalGate(OneStored(), stats=crawler.stats)  # type: ignore[attr-defined]
    crawler.spider = spider
    mw = RedirectGateMiddleware.from_crawler(crawler)
    redirected = {"redirect_urls": [f"{BASE}/artikel-lama/"], "spektroom_article": True}
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request(f"{BASE}/artikel-baru/", meta=redirected))
    assert mw.process_request(Request(f"{BASE}/artikel-lain/", meta=redirected)) is None
    # not a redirect, or not an article: no lookup
    assert (
        mw.process_request(Request(f"{BASE}/artikel-baru/", meta={"spektroom_article": True}))
        is None
    )
    assert (
        mw.process_request(Request(f"{BASE}/artikel-baru/", meta={"redirect_urls": ["x"]})) is None
    )
    assert IncrementalGate(OneStored()).admit([Link(f"{BASE}/artikel-baru/")]) == []


def test_jobdir_guard_lock_and_crash_recovery(tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    crawler = get_crawler(Spider, {"JOBDIR": str(jobdir)})
    guard = JobDirGuard.from_crawler(crawler)
    assert (jobdir / LOCK_NAME).read_text() == str(os.getpid())
    guard.engine_stopped()
    assert not (jobdir / LOCK_NAME).exists()
    # A crawl killed with SIGKILL leaves its lock and maybe a half-written queue behind.
    (jobdir / "requests.queue").mkdir()
    (jobdir / "requests.queue" / "p0").write_bytes(b"\x00\x00garbage")
    (jobdir / LOCK_NAME).write_text("999999999")  # no such process
    crawler = get_crawler(Spider, {"JOBDIR": str(jobdir)})
    JobDirGuard.from_crawler(crawler)
    assert not (jobdir / "requests.queue").exists()
    assert crawler.stats.get_value("spektroom/resume/after_crash") == 1
    assert jobdir_owner(jobdir) is None  # our own pid does not count


def test_jobdir_guard_refuses_a_live_owner(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_text(str(os.getppid()))
    assert jobdir_owner(tmp_path) == os.getppid()
    with pytest.raises(RuntimeError, match="in use"):
        JobDirGuard.from_crawler(get_crawler(Spider, {"JOBDIR": str(tmp_path)}))


def test_progress_line() -> None:
    stats = {
        "response_received_count": 120,
        "spektroom/articles/stored": 90,
        "spektroom/articles/updated": 4,
        "spektroom/articles/unchanged": 1,
        "spektroom/gate/skipped": 20,
        "log_count/ERROR": 2,
        "httperror/response_ignored_count": 1,
        "spektroom/dropped/no_headline": 3,
        "spektroom/dropped/no_body": 1,
    }
    counts = progress_counts(stats)
    assert counts["dropped"] == 4 and counts["errors"] == 3
    assert format_progress("sitemap", counts, 4.0) == (
        "[sitemap] 120 pages, 90 stored, 4 updated, 1 unchanged, 20 skipped, 3 errors, 30.0 pages/s"
    )
    assert progress_counts({})["pages"] == 0
    assert "0.0 pages/s" in format_progress("feed", progress_counts({}), 0.0)


def test_progress_extension_writes_lines() -> None:
    crawler = get_crawler(Spider, {"SPEKTROOM_PROGRESS_INTERVAL": 0.5})
    stream = io.StringIO()
    ext = CrawlProgress(crawler, 0.5, stream)
    crawler.stats.set_value("response_received_count", 3)
    ext.report("listing")
    assert stream.getvalue().startswith("[listing] 3 pages, 0 stored")
    assert stream.getvalue().endswith("\n")
