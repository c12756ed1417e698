"""`spektroom crawl` refuses to start, with one clear line, when the crawl cannot run."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from spektroom_crawler.cli import main
from spektroom_crawler.runner import CrawlOptions, build_settings, spider_arguments


@pytest.fixture()
def listening() -> Iterator[str]:
    """A base URL on 127.0.0.1 that accepts TCP connections (nothing is crawled from it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["crawl", *args])
    lines = [line for line in result.output.splitlines() if line.strip()]
    return result.exit_code, lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "ftp://spektroom.co.id"], "bad base URL"),
        (["--base-url", "spektroom"], "bad base URL"),
        (["--base-url", "https://"], "bad base URL"),
        (["--base-url", "http://127.0.0.1:99999/"], "bad base URL"),
        (["--base-url", "http://127.0.0.1:{closed}"], "cannot reach http://127.0.0.1:"),
        (["--since", "kemarin"], "bad --since/--until"),
        (["--since", "2025-12-01", "--until", "2025-11-01"], "is after --until"),
        (["--max-pages", "0"], "--max-pages must be at least 1"),
        (["--concurrency", "0"], "--concurrency must be at least 1"),
        (["urls"], "needs --url URL or --urls-file"),
        (["urls", "--urls-file", "/tidak/ada/urls.txt"], "no such file"),
        (["feed", "--url", "https://spektroom.co.id/x/"], "only go with the urls mode"),
    ],
)
def test_crawl_refuses_with_one_line(args: list[str], message: str) -> None:
    args = [a.replace("{closed}", str(closed_port())) for a in args]
    code, lines = run(*args)
    assert code != 0
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: ") and message in lines[0]


def test_crawl_refuses_unreachable_database(listening: str, tmp_path: Path) -> None:
    missing_dir = tmp_path / "tidak-ada" / "x.db"
    code, lines = run("--base-url", listening, "--db", f"sqlite:///{missing_dir}")
    assert code != 0 and len(lines) == 1, lines
    assert lines[0].startswith("Error: cannot open database sqlite:///")
    port = closed_port()
    code, lines = run(
        "--base-url", listening, "--db", f"postgresql+psycopg://u:rahasia@127.0.0.1:{port}/x"
    )
    assert code != 0 and len(lines) == 1, lines
    assert "cannot open database" in lines[0] and "rahasia" not in lines[0]
    code, lines = run("--base-url", listening, "--db", "bukan-url")
    assert code != 0 and lines == ["Error: bad database URL 'bukan-url'"]


def test_crawl_rejects_bad_setting_pair() -> None:
    code, lines = run("-s", "DOWNLOAD_TIMEOUT")
    assert code != 0 and any("KEY=VALUE" in line for line in lines)


def test_build_settings_and_spider_arguments(tmp_path: Path) -> None:
    options = CrawlOptions(
        mode="listing",
        base_url="http://127.0.0.1:8000",
        db="sqlite:///x.db",
        since="2025-11-01",
        max_pages=3,
        resume=str(tmp_path / "job"),
        refresh=True,
        concurrency=2,
        overrides={"DOWNLOAD_TIMEOUT": "2"},
    )
    settings = build_settings(options)
    assert settings.get("SPEKTROOM_BASE_URL") == "http://127.0.0.1:8000"
    assert settings.get("SPEKTROOM_DATABASE_URL") == "sqlite:///x.db"
    assert settings.getbool("SPEKTROOM_REFRESH") is True
    assert settings.get("JOBDIR") == str(tmp_path / "job")
    assert settings.getint("CONCURRENT_REQUESTS") == 2
    assert settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") == 2.0
    assert settings.getint("DOWNLOAD_TIMEOUT") == 2
    # politeness defaults stay on
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert "SpektroomCorpusBot" in settings.get("USER_AGENT") and "+http" in settings.get(
        "USER_AGENT"
    )
    assert spider_arguments(options) == {"since": "2025-11-01", "max_pages": 3}
    urls = CrawlOptions(mode="urls", urls=("https://a/x/", "https://a/y/"), urls_file="f.txt")
    assert spider_arguments(urls) == {"urls": "https://a/x/,https://a/y/", "urls_file": "f.txt"}
