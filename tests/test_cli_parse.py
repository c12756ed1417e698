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


def test_cut_json_escapes_and_control_characters_leave_a_printable_record(
    tmp_path: Path,
) -> None:
    """A CMS that cuts a text in the middle of an emoji leaves half a surrogate pair in its
    JSON-LD ("\\ud83d"); "\\u0000" and raw control bytes occur too. The record carries
    U+FFFD for the half pair and no control character, so it prints (it raised before)."""
    page = tmp_path / "page.html"
    page.write_bytes(
        b"<html><head><title>x</title><script type='application/ld+json'>"
        b'{"@type": "NewsArticle", "headline": "Banjir Sintang \\ud83d",'
        b' "datePublished": "2025-11-26T10:00:00+07:00",'
        b' "author": {"@type": "Person", "name": "Budi\\u0000 Santoso"},'
        b' "keywords": "banjir, \\udc00pengungsi", "image": "https://spektroom.co.id/a\\ud800.jpg"}'
        b"</script></head><body><div class='entry-content'>"
        b"<p>SINTANG, Spektroom - Banjir merendam ribuan rumah\x07 warga, Rabu (26/11/2025).</p>"
        b"<p>Warga mengungsi\x1b ke tempat yang lebih tinggi.</p></div></body></html>"
    )
    code, out, err = run(str(page), "--url", "https://spektroom.co.id/banjir/", "--now", NOW)
    assert code == 0, err
    record = json.loads(out)
    assert record["headline"] == "Banjir Sintang \ufffd"
    assert record["authors"] == ["Budi Santoso"]
    assert record["tags"] == ["banjir", "\ufffdpengungsi"]
    assert record["image_url"] == "https://spektroom.co.id/a\ufffd.jpg"
    assert record["paragraphs"] == [
        "SINTANG, Spektroom - Banjir merendam ribuan rumah warga, Rabu (26/11/2025).",
        "Warga mengungsi ke tempat yang lebih tinggi.",
    ]
