"""`spektroom parse`: JSON on stdout, one clear line on stderr for failures."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from spektroom_crawler.cli import main
from tests.conftest import PAGES

SEED_URL = "https://spektroom.co.id/penghargaan-untuk-kapuas-hulu/"
NOW = "2026-11-28T12:00:00+07:00"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["parse", *args])
    return result.exit_code, result.stdout, result.stderr


def test_prints_the_record_as_json() -> None:
    code, out, err = run(str(PAGES / "seed_ghost.html"), "--url", SEED_URL, "--now", NOW)
    assert code == 0, err
    record = json.loads(out)
    expected = json.loads((PAGES / "seed_ghost.json").read_text(encoding="utf-8"))
    assert record["headline"] == expected["headline"]
    assert record["authors"] == ["Apolonius"]
    assert "sources" not in record
    assert "Penghargaan untuk Kapuas Hulu" in out  # ensure_ascii=False keeps text readable
    assert out.startswith("{\n  ")  # indent=2


def test_sources_flag() -> None:
    code, out, _ = run(str(PAGES / "seed_jnews.html"), "--url", SEED_URL, "--now", NOW, "--sources")
    assert code == 0
    assert json.loads(out)["sources"]["published_at"] == "jsonld"


def test_not_an_article_exits_nonzero_with_one_line() -> None:
    code, out, err = run(str(PAGES / "bad_listing.html"), "--url",
                         "https://spektroom.co.id/category/kalbar/", "--now", NOW)
    assert code == 1
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "not an article" in err and "listing" in err
    assert "Traceback" not in err


def test_empty_file_is_not_an_article(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    code, _, err = run(str(empty), "--url", SEED_URL)
    assert code == 1
    assert "empty document" in err and err.strip().count("\n") == 0


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.html"), "--url", SEED_URL)
    assert code == 1
    assert "cannot read" in err and err.strip().count("\n") == 0
    assert "Traceback" not in err


def test_directory_is_rejected(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path), "--url", SEED_URL)
    assert code != 0 and "Traceback" not in err


def test_bad_now_and_missing_url() -> None:
    code, _, err = run(str(PAGES / "seed_ghost.html"), "--url", SEED_URL, "--now", "kemarin")
    assert code == 2 and "ISO 8601" in err
    code, _, err = run(str(PAGES / "seed_ghost.html"), "--url", SEED_URL, "--now",
                       "2026-11-28T12:00:00")
    assert code == 2 and "offset" in err
    code, _, err = run(str(PAGES / "seed_ghost.html"))
    assert code == 2 and "--url" in err


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["parse", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "spektroom parse" in result.output
