"""The corpus commands through click's CliRunner, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.db.store import ArticleStore
from spektroom_crawler.cli import main
from spektroom_crawler.cli._corpus import safe_cell
from tests.factories import TPPO_URL, other_tppo_article, synthetic_article, tppo_article

PLAIN_STORY_URL = "https://spektroom.co.id/banjir-rendam-tiga-nagari-di-agam/"


def plain_story() -> object:
    """A non-trafficking story whose headline starts with '=' and '-' (CSV injection bait)."""
    return other_tppo_article(
        url=PLAIN_STORY_URL,
        headline='=HYPERLINK("http://evil.example","Banjir") Banjir Rendam Tiga Nagari',
        subheadline="-2+3 warga mengungsi",
        section="@Daerah",
        tags=["Banjir", "Agam"],
        authors=["Rahmat Hidayat"],
        published_at="2025-10-03T08:15:00+07:00",
        paragraphs=[
            "AGAM, Spektroom – Banjir merendam tiga nagari di Kecamatan Tanjung Mutiara, "
            "Kabupaten Agam, Jumat (3/10/2025), setelah hujan deras sejak malam.",
            "Kepala BPBD Agam Rahmat Lasmono mengatakan ketinggian air mencapai satu meter.",
            "\tWarga mengungsi ke masjid dan sekolah terdekat.",
        ],
        quotes=[],
    )


@pytest.fixture()
def corpus(db_url: str) -> str:
    with ArticleStore.open(db_url) as store:
        store.save([tppo_article(), other_tppo_article(), plain_story()])  # type: ignore[list-item]
        store.save([tppo_article(url="https://spektroom.co.id/salinan-tppo/", canonical_url=None)])
        store.save([tppo_article(headline="Kapuas Hulu Diganjar Penghargaan TPPO")])
    return db_url


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_search_ranks_and_snippets(corpus: str) -> None:
    code, out, _ = run("search", "perdagangan orang", "--json", "--db", corpus)
    assert code == 0
    hits = json.loads(out)
    assert {h["url"] for h in hits} == {TPPO_URL, other_tppo_article_url()}
    assert PLAIN_STORY_URL not in {h["url"] for h in hits}  # no match
    assert all("[" in h["snippet"] and "]" in h["snippet"] for h in hits)
    assert hits == sorted(hits, key=lambda h: -h["score"])
    # The duplicate copy is hidden unless asked for.
    code, out, _ = run("search", "Kapuas Hulu", "--nl", "--all", "--db", corpus)
    urls = [json.loads(line)["url"] for line in out.splitlines()]
    assert "https://spektroom.co.id/salinan-tppo/" in urls


def other_tppo_article_url() -> str:
    return "https://spektroom.co.id/polda-kalbar-gagalkan-pengiriman-pekerja-migran-nonprosedural/"


def test_search_ranking_prefers_the_focused_story(corpus: str) -> None:
    # "Sukardi" appears only in the Kapuas Hulu story; "paspor" only in the Polda story.
    _, out, _ = run("search", "paspornya", "--json", "--db", corpus)
    assert [h["url"] for h in json.loads(out)] == [other_tppo_article_url()]
    _, out, _ = run("search", "Kapuas Hulu", "--json", "--db", corpus)
    hits = json.loads(out)
    assert hits[0]["url"] == TPPO_URL  # headline + many body mentions beat one passing mention
    code, out, _ = run("search", "zzzz tidak ada", "--db", corpus)
    assert code == 0 and "(no results)" in out
    code, out, _ = run("search", '"*) OR NEAR(', "--json", "--db", corpus)  # FTS syntax is inert
    assert code == 0 and json.loads(out) == []


def test_quotes_by_speaker(corpus: str) -> None:
    code, out, _ = run("quotes", "--speaker", "sukardi", "--json", "--db", corpus)
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 3  # the duplicate copy's quotes are not counted twice
    assert {r["speaker"] for r in rows} == {"Sukardi"}
    assert rows[1]["text"].startswith("Kami akan terus bekerja sama")
    _, out, _ = run("quotes", "--speaker", "Bayu", "--kind", "direct", "--csv", "--db", corpus)
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [r["speaker"] for r in parsed] == ["Bayu Suseno"]
    _, out, _ = run("quotes", "--speaker", "100%_", "--db", corpus)
    assert "(no results)" in out


def test_stats(corpus: str) -> None:
    code, out, _ = run("stats", "--json", "--db", corpus)
    assert code == 0
    stats = json.loads(out)
    assert stats["articles"] == 3 and stats["duplicates"] == 1 and stats["revised"] == 1
    assert stats["per_month"] == [
        {"month": "2025-10", "articles": 1},
        {"month": "2025-11", "articles": 2},
    ]
    assert [a["name"] for a in stats["top_authors"]] == [
        "Apolonius",
        "Budi Sucahyono",
        "Julianto",
        "Rahmat Hidayat",
    ]
    assert stats["top_speakers"][0] == {"speaker": "Sukardi", "quotes": 3, "articles": 1}
    assert stats["coverage"]["published_at"] == 1.0
    assert stats["coverage"]["quotes"] == pytest.approx(2 / 3, abs=1e-3)
    assert stats["coverage"]["event_date"] == pytest.approx(1 / 3, abs=1e-3)
    code, out, _ = run("stats", "--db", corpus)
    assert code == 0 and "Field coverage" in out and "Sukardi" in out


def test_history(corpus: str) -> None:
    code, out, _ = run("history", TPPO_URL + "?utm_source=twitter", "--json", "--db", corpus)
    assert code == 0
    entries = json.loads(out)
    assert [e["revision"] for e in entries] == [1, 2]
    assert entries[0]["record"]["headline"].startswith("Penghargaan untuk Kapuas Hulu")
    assert entries[1]["headline"] == "Kapuas Hulu Diganjar Penghargaan TPPO"
    code, out, err = run("history", "https://spektroom.co.id/tidak-ada/", "--db", corpus)
    assert code == 1 and "no stored article" in err


def test_export_jsonl_every_field(corpus: str, tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    code, _, err = run("export", "--format", "jsonl", "-o", str(target), "--db", corpus)
    assert code == 0 and "exported 4 articles" in err
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    first = next(r for r in records if r["canonical_url"] == TPPO_URL)
    from pipelines.db.records import EXPORT_KEYS

    assert tuple(first) == EXPORT_KEYS
    assert first["revision"] == 2 and first["duplicate_of"] is None
    assert first["quotes"][1]["speaker"] == "Sukardi"
    assert first["authors"] == ["Apolonius"] and first["editors"] == ["Biantoro"]
    assert first["dateline"] == {
        "place": "Kapuas Hulu",
        "outlet": "Spektroom",
        "text": "KAPUAS HULU, Spektroom –",
    }
    assert first["published_at"] == "2025-11-29T19:45:00+07:00"
    copy = next(r for r in records if r["canonical_url"].endswith("/salinan-tppo/"))
    assert copy["duplicate_of"] == first["id"]


def test_export_filters(corpus: str) -> None:
    _, out, _ = run("export", "--since", "2025-11-01", "--db", corpus)
    assert len(out.splitlines()) == 3
    _, out, _ = run("export", "--until", "2025-10-31", "--db", corpus)
    assert [json.loads(line)["canonical_url"] for line in out.splitlines()] == [PLAIN_STORY_URL]
    _, out, _ = run("export", "--search", "paspornya", "--db", corpus)
    assert [json.loads(line)["canonical_url"] for line in out.splitlines()] == [
        other_tppo_article_url()
    ]
    code, _, err = run("export", "--since", "kemarin", "--db", corpus)
    assert code == 2 and "not a date" in err


def test_export_csv_neutralizes_formulas(corpus: str) -> None:
    code, out, _ = run("export", "--format", "csv", "--db", corpus)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4
    plain = next(r for r in rows if r["canonical_url"] == PLAIN_STORY_URL)
    assert plain["headline"].startswith("'=HYPERLINK")
    assert plain["subheadline"] == "'-2+3 warga mengungsi"
    assert plain["section"] == "'@Daerah"
    assert "\t" not in plain["body"]  # normalization removed the stray tab
    tppo = next(r for r in rows if r["canonical_url"] == TPPO_URL)
    assert tppo["authors"] == "Apolonius"
    assert tppo["tags"] == "TPPO; Kapuas Hulu; Kalimantan Barat"
    assert tppo["quote_count"] == "3" and json.loads(tppo["quotes"])[0]["speaker"] == "Sukardi"
    assert tppo["body"].count("\n\n") == 7
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Bupati", "Bupati"),
        ("", ""),
        (None, None),
        (-5, -5),
    ],
)
def test_safe_cell(value: object, safe: object) -> None:
    assert safe_cell(value) == safe


def test_export_parquet_nested(corpus: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "corpus.parquet"
    code, _, _ = run("export", "--format", "parquet", "-o", str(target), "--db", corpus)
    assert code == 0
    table = pq.read_table(target)
    assert table.num_rows == 4
    rows = {r["canonical_url"]: r for r in table.to_pylist()}
    assert rows[TPPO_URL]["quotes"][2]["verb"] == "tegasnya"
    assert rows[TPPO_URL]["dateline"]["place"] == "Kapuas Hulu"
    code, _, err = run("export", "--format", "parquet", "--db", corpus)
    assert code == 2 and "-o FILE" in err


def test_export_streams_in_chunks(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records are read chunk by chunk: no query ever loads more than one chunk of articles."""
    from pipelines.db import queries
    from pipelines.db.engine import dispose_all

    with ArticleStore.open(sqlite_url) as store:
        store.save([synthetic_article(i) for i in range(45)])
    seen: list[int] = []
    real = queries.load_records

    def spy(session, ids):  # type: ignore[no-untyped-def]
        seen.append(len(ids))
        return real(session, ids)

    monkeypatch.setattr(queries, "load_records", spy)
    with ArticleStore.open(sqlite_url).sessionmaker() as session:
        stream = queries.iter_export_records(session, chunk=10)
        first = next(stream)  # lazily: only the first chunk has been read
        assert seen == [10] and first["id"] == 1
        rest = list(stream)
    assert len(rest) == 44 and seen == [10, 10, 10, 10, 5]
    dispose_all()


def test_db_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'neu.db'}"
    code, out, _ = run("db", "current", "--db", url)
    assert code == 0 and "empty" in out
    code, out, _ = run("db", "upgrade", "--db", url)
    assert code == 0 and "upgraded from empty to revision 0006" in out
    code, out, _ = run("db", "upgrade", "--db", url)
    assert "already at revision 0006" in out
    code, out, _ = run("db", "history")
    assert out.startswith("0006")


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/spektroom"),
        ("search", "banjir", "--db", "notadialect://x"),
        ("db", "upgrade", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/spektroom"),
        ("export", "--db", "sqlite:////nonexistent-dir/x/y.db"),
    ],
)
def test_database_errors_are_one_line(args: tuple[str, ...]) -> None:
    code, _, err = run(*args)
    assert code == 1
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_help_has_examples() -> None:
    for name in ("export", "search", "quotes", "stats", "history", "db"):
        code, out, _ = run(name, "--help")
        assert code == 0 and "Example" in out, name
