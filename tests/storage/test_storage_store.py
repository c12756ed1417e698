"""ArticleStore on both backends: schema, exact times, dedupe, revisions, the gate, crawl runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from pipelines.db import store as db_store
from pipelines.db.engine import (
    alembic_config,
    current_revision,
    get_engine,
    head_revision,
    upgrade,
)
from pipelines.db.models import Article, ArticleBand, ArticleRevision, CrawlRun, QuoteRow
from pipelines.db.queries import article_history
from pipelines.db.records import load_records, url_key
from pipelines.db.store import SQLITE_ROWS_PER_INSERT, ArticleStore, StoredInfo, bulk_insert
from pipelines.db.types import UTCDateTime, When
from pipelines.dedupe import (
    NUM_BANDS,
    band_hashes,
    body_words,
    minhash,
    normalize_article,
    similarity,
)
from spektroom_crawler.record import Quote
from tests.factories import (
    TPPO_URL,
    lightly_edited_copy,
    other_tppo_article,
    synthetic_article,
    tppo_article,
)

UTC = dt.UTC
WITA = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2025, 12, 1, 3, 0, tzinfo=UTC)


def _record(store: ArticleStore, article_id: int) -> dict:
    with store.sessionmaker() as session:
        return load_records(session, [article_id])[article_id]


# --- schema ---------------------------------------------------------------------------------


def test_open_creates_schema_at_head_and_upgrade_is_idempotent(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        assert store.save([tppo_article()], now=NOW)[0].status == "stored"
    assert current_revision(db_url) == head_revision() == "0006"
    tables = set(inspect(get_engine(db_url)).get_table_names())
    assert {
        "articles",
        "people",
        "article_people",
        "quotes",
        "tags",
        "article_tags",
        "article_revisions",
        "article_bands",
        "crawl_runs",
        "store_meta",
    } <= tables
    upgrade(db_url)  # again: nothing to do, data intact
    with get_engine(db_url).connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Article)) == 1


def test_sqlite_pragmas_wal_and_foreign_keys(sqlite_url: str) -> None:
    ArticleStore.open(sqlite_url)
    with get_engine(sqlite_url).connect() as conn:
        assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
        assert conn.scalar(text("PRAGMA foreign_keys")) == 1


# --- exact times --------------------------------------------------------------------------


def test_wita_offset_survives_storage(db_url: str) -> None:
    article = other_tppo_article()  # published "2025-11-22T10:20:00+08:00" (WITA)
    with ArticleStore.open(db_url) as store:
        result = store.save([article], now=NOW)[0]
        record = _record(store, result.article_id)
        with store.sessionmaker() as session:
            row = session.get(Article, result.article_id)
            assert row is not None
            assert row.published_at == dt.datetime(2025, 11, 22, 2, 20, tzinfo=UTC)
            assert row.published_offset == 480
    assert record["published_at"] == "2025-11-22T10:20:00+08:00"
    back = dt.datetime.fromisoformat(record["published_at"])
    assert back.utcoffset() == dt.timedelta(hours=8)
    assert back == dt.datetime(2025, 11, 22, 10, 20, tzinfo=WITA)
    assert record["published_at_raw"] == "Sabtu, 22 November 2025 | 10:20 WITA"


def test_date_only_values_stay_dates(db_url: str) -> None:
    article = tppo_article(published_at="2025-11-29", modified_at=None, event_date="2025-11-26")
    with ArticleStore.open(db_url) as store:
        record = _record(store, store.save([article], now=NOW)[0].article_id)
    assert record["published_at"] == "2025-11-29"
    assert record["modified_at"] is None
    assert record["event_date"] == "2025-11-26"


@pytest.mark.parametrize(
    ("text_value", "iso"),
    [
        ("2025-11-29T19:45:00+07:00", "2025-11-29T19:45:00+07:00"),
        ("2025-11-29T11:45:00Z", "2025-11-29T11:45:00+00:00"),
        ("2025-12-04T10:20:00+09:00", "2025-12-04T10:20:00+09:00"),
        ("2025-11-29", "2025-11-29"),
        ("2025-11-29T19:45:00", None),  # naive: unknown zone, not guessed
        ("29 November 2025", None),
        ("", None),
        (None, None),
    ],
)
def test_when_round_trip(text_value: str | None, iso: str | None) -> None:
    assert When.parse(text_value).iso() == iso


def test_utc_datetime_refuses_naive_values() -> None:
    from sqlalchemy.dialects import sqlite

    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(dt.datetime(2025, 1, 1), sqlite.dialect())


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2025, 11, 29, 19, 45, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        dt.datetime(2025, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        dt.datetime(2026, 1, 1, 0, 30, tzinfo=WITA),  # the previous day in UTC
        dt.datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=UTC),  # a 3-digit year, zero-padded
        dt.datetime(1, 1, 1, tzinfo=UTC),  # no microseconds: still written, as zeros
        dt.datetime(2025, 11, 29, 12, 0, tzinfo=dt.timezone(dt.timedelta(0), "GMT")),  # not UTC
        dt.date(2025, 11, 29),
        dt.datetime(2025, 11, 29, 19, 45),  # naive: refused by both
        "2025-11-29",  # not a date object: refused by both
        None,
    ],
    ids=repr,
)
def test_article_insert_shortcut_writes_what_sqlalchemy_writes(value: object) -> None:
    """The insert path formats SQLite instants and dates itself; the text must be the
    column types' own, and whatever they refuse stays refused."""
    from sqlalchemy.dialects import sqlite

    from pipelines.db.store import _sqlite_bind_processor

    dialect = sqlite.dialect()
    for column in (Article.__table__.c.published_at, Article.__table__.c.published_on):
        own = column.type.dialect_impl(dialect).bind_processor(dialect)
        fast = _sqlite_bind_processor(column.type, dialect)
        if value is None:
            assert fast(value) is None
            continue
        try:
            expected: object = own(value)
        except (AttributeError, TypeError, ValueError) as error:
            with pytest.raises(type(error)):
                fast(value)
        else:
            assert fast(value) == expected


# --- dedupe ---------------------------------------------------------------------------------


def test_signature_similarity_separates_edits_from_other_stories() -> None:
    original = minhash(body_words(tppo_article().paragraphs))
    edited = minhash(body_words(lightly_edited_copy().paragraphs))
    other = minhash(body_words(other_tppo_article().paragraphs))
    assert similarity(original, edited) >= 0.8
    assert similarity(original, other) < 0.2
    assert similarity(original, original) == 1.0
    assert similarity(minhash([]), minhash([])) == 0.0


def test_exact_duplicate_under_another_url_is_linked(db_url: str) -> None:
    copy = tppo_article(
        url="https://spektroom.co.id/berita/penghargaan-kapuas-hulu/", canonical_url=None
    )
    with ArticleStore.open(db_url) as store:
        original = store.save([tppo_article()], now=NOW)[0]
        result = store.save([copy], now=NOW)[0]
        assert result.status == "duplicate_exact"
        assert result.duplicate_of == original.article_id
        record = _record(store, result.article_id)
        assert record["duplicate_of"] == original.article_id
        assert record["quotes"]  # the copy is stored whole, only linked
        with store.sessionmaker() as session:  # duplicates carry no LSH bands
            assert (
                session.scalar(
                    select(func.count()).where(ArticleBand.article_id == result.article_id)
                )
                == 0
            )


def test_lightly_edited_copy_is_a_near_duplicate_other_story_is_not(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        original = store.save([tppo_article()], now=NOW)[0]
        near, other = store.save([lightly_edited_copy(), other_tppo_article()], now=NOW)
    assert near.status == "duplicate_near"
    assert near.duplicate_of == original.article_id
    assert near.similarity is not None and near.similarity >= 0.8
    assert other.status == "stored"
    assert other.duplicate_of is None


def test_near_duplicate_threshold_is_a_setting(db_url: str) -> None:
    with ArticleStore.open(db_url, near_duplicate_threshold=0.995) as store:
        store.save([tppo_article()], now=NOW)
        assert store.save([lightly_edited_copy()], now=NOW)[0].status == "stored"


def test_duplicates_inside_one_batch(db_url: str) -> None:
    exact = tppo_article(url="https://spektroom.co.id/salinan/", canonical_url=None)
    with ArticleStore.open(db_url) as store:
        results = store.save([tppo_article(), exact, lightly_edited_copy()], now=NOW)
    assert [r.status for r in results] == ["stored", "duplicate_exact", "duplicate_near"]
    assert results[1].duplicate_of == results[0].article_id
    assert results[2].duplicate_of == results[0].article_id


def test_url_variants_are_one_article(db_url: str) -> None:
    variants = [
        tppo_article(url=TPPO_URL + "?utm_source=facebook&utm_medium=social", canonical_url=None),
        tppo_article(url=TPPO_URL.replace("https://", "http://www.") + "amp/", canonical_url=None),
        tppo_article(url=TPPO_URL.rstrip("/") + "#komentar", canonical_url=None),
    ]
    with ArticleStore.open(db_url) as store:
        first = store.save([tppo_article()], now=NOW)[0]
        results = store.save(variants, now=NOW)
        with store.sessionmaker() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 1
    assert {r.article_id for r in results} == {first.article_id}
    assert {r.status for r in results} == {"unchanged"}


# --- revisions ------------------------------------------------------------------------------


def test_changed_article_keeps_previous_version(db_url: str) -> None:
    later = NOW + dt.timedelta(days=1)
    changed = tppo_article(
        headline="Kapuas Hulu Terima Penghargaan Pencegahan TPPO dari Gubernur",
        authors=["Apolonius", "Julianto"],
        fetched_at="2025-12-02T01:00:00+00:00",
    )
    with ArticleStore.open(db_url) as store:
        first = store.save([tppo_article()], now=NOW)[0]
        result = store.save([changed], now=later)[0]
        assert result.status == "updated"
        record = _record(store, first.article_id)
        with store.sessionmaker() as session:
            history = article_history(session, TPPO_URL + "?utm_source=x")
            revisions = session.scalars(select(ArticleRevision)).all()
            assert session.scalar(select(func.count()).select_from(QuoteRow)) == 3
    assert record["revision"] == 2
    assert record["headline"].startswith("Kapuas Hulu Terima")
    assert record["authors"] == ["Apolonius", "Julianto"]
    assert record["first_seen_at"] == "2025-11-30T01:00:00+00:00"
    assert record["last_seen_at"] == "2025-12-02T01:00:00+00:00"
    assert len(revisions) == 1
    previous = revisions[0]
    assert previous.revision == 1
    assert previous.fetched_at == dt.datetime(2025, 11, 30, 1, 0, tzinfo=UTC)
    assert previous.snapshot["headline"] == tppo_article().headline
    assert previous.snapshot["authors"] == ["Apolonius"]
    assert len(previous.fingerprint) == 64
    assert [(h.revision, h.current) for h in history] == [(1, False), (2, True)]


def test_same_url_changed_twice_in_one_batch(db_url: str) -> None:
    """The second copy is a revision of the first, written a round later in the same
    transaction: the revision's snapshot has the first's credits, tags and quotes, and the
    second's replace them."""
    first = tppo_article()
    second = tppo_article(
        headline="Kapuas Hulu Terima Penghargaan Pencegahan TPPO dari Gubernur",
        authors=["Julianto"],
        tags=["Penghargaan"],
        quotes=[Quote(text="Kami terus bekerja.", speaker="Sukardi", speaker_title=None,
                      verb="kata", kind="direct", paragraph=1)],
    )
    with ArticleStore.open(db_url) as store:
        results = store.save([first, second], now=NOW)
        assert [r.status for r in results] == ["stored", "updated"]
        record = _record(store, results[0].article_id)
        with store.sessionmaker() as session:
            (revision,) = session.scalars(select(ArticleRevision)).all()
            bands = session.scalar(select(func.count()).select_from(ArticleBand))
    assert record["revision"] == 2 and record["headline"] == second.headline
    assert (record["authors"], record["tags"]) == (["Julianto"], ["Penghargaan"])
    assert [q["text"] for q in record["quotes"]] == ["Kami terus bekerja."]
    assert revision.snapshot["authors"] == first.authors
    assert revision.snapshot["tags"] == first.tags
    assert len(revision.snapshot["quotes"]) == len(first.quotes) > 0
    assert bands == len(band_hashes(minhash(body_words(second.paragraphs))))


def test_a_nul_character_in_a_quote_survives_sqlite(sqlite_url: str) -> None:
    # The driver binds the text whole (SQLite's JSON functions, for one, would cut it there).
    # Normalization removes a NUL (see test_storage_normalize.py); a caller that promises
    # normalized text (normalized=True) can still hand one to the store.
    article = normalize_article(synthetic_article(3))
    article.quotes = [Quote(text="sebelum\x00sesudah", speaker="Lili", speaker_title=None,
                            verb="kata", kind="direct", paragraph=0)]
    with ArticleStore.open(sqlite_url) as store:
        (result,) = store.save([article], now=NOW, normalized=True)
        record = _record(store, result.article_id)
    assert [q["text"] for q in record["quotes"]] == ["sebelum\x00sesudah"]
    assert record["authors"] == article.authors and record["tags"] == article.tags


def test_columns_null_in_a_whole_statement_are_stored_null(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite leaves a column NULL in every row out of the INSERT: statements of two rows here,
    the subheadline NULL in the whole first one, in the first row of the second, set in the
    third; the modification time set only in the last."""
    monkeypatch.setattr(db_store, "SQLITE_MAX_PARAMETERS", 2 * len(Article.__table__.c))
    articles = [synthetic_article(i) for i in range(5)]
    for article, sub in zip(articles, [None, None, None, "Sub tiga", "Sub empat"], strict=True):
        article.subheadline = sub
    articles[4].modified_at = "2025-11-30T08:00:00+07:00"
    with ArticleStore.open(sqlite_url) as store:
        saved = store.save(articles, now=NOW)
        records = [_record(store, r.article_id) for r in saved]
    assert [r.status for r in saved] == ["stored"] * 5
    assert [r["subheadline"] for r in records] == [None, None, None, "Sub tiga", "Sub empat"]
    assert [r["modified_at"] for r in records] == [None] * 4 + ["2025-11-30T08:00:00+07:00"]
    assert [r["paragraphs"] for r in records] == [a.paragraphs for a in articles]


def test_revised_original_gets_the_bands_of_its_new_body(db_url: str) -> None:
    """Old bands are deleted by primary key from the old signature (no article_id index)."""
    rewritten = tppo_article(paragraphs=other_tppo_article().paragraphs)
    old_bands = set(band_hashes(minhash(body_words(tppo_article().paragraphs))))
    new_bands = set(band_hashes(minhash(body_words(rewritten.paragraphs))))
    assert old_bands - new_bands
    with ArticleStore.open(db_url) as store:
        first = store.save([tppo_article()], now=NOW)[0]
        other = store.save([other_tppo_article()], now=NOW)[0]
        assert store.save([rewritten], now=NOW)[0].status == "updated"
        with store.sessionmaker() as session:
            rows = session.execute(select(ArticleBand.article_id, ArticleBand.band_hash)).all()
    by_article: dict[int, set[int]] = {}
    for article_id, band in rows:
        by_article.setdefault(article_id, set()).add(band)
    assert by_article == {first.article_id: new_bands, other.article_id: new_bands}


def test_migration_0003_drops_the_band_article_index(db_url: str) -> None:
    def band_indexes() -> set[str | None]:
        return {ix["name"] for ix in inspect(get_engine(db_url)).get_indexes("article_bands")}

    upgrade(db_url, "0002")
    assert band_indexes() == {"ix_article_bands_article_id"}
    with get_engine(db_url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, canonical_url, url, body, related_urls, warnings, "
                "sources, fingerprint, version_hash, first_seen_at, last_seen_at, revision) "
                "VALUES (1, 'u', 'u', 'b', '[]', '[]', '{}', 'f', 'v', "
                "'2025-12-01 00:00:00', '2025-12-01 00:00:00', 1)"
            )
        )
        conn.execute(text("INSERT INTO article_bands VALUES (42, 1)"))
    upgrade(db_url)
    assert band_indexes() == set()
    with get_engine(db_url).connect() as conn:
        assert conn.execute(text("SELECT band_hash, article_id FROM article_bands")).all() == [
            (42, 1)
        ]
    config = alembic_config(db_url)
    with get_engine(db_url).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert band_indexes() == {"ix_article_bands_article_id"}


def test_unchanged_article_only_moves_last_seen(db_url: str) -> None:
    again = tppo_article(
        fetched_at="2025-12-05T01:00:00+00:00", related_urls=["https://spektroom.co.id/lain/"]
    )
    with ArticleStore.open(db_url) as store:
        first = store.save([tppo_article()], now=NOW)[0]
        assert store.save([again], now=NOW)[0].status == "unchanged"
        record = _record(store, first.article_id)
        with store.sessionmaker() as session:
            assert session.scalar(select(func.count()).select_from(ArticleRevision)) == 0
    assert record["revision"] == 1
    assert record["first_seen_at"] == "2025-11-30T01:00:00+00:00"
    assert record["last_seen_at"] == "2025-12-05T01:00:00+00:00"
    assert record["related_urls"] == [
        "https://spektroom.co.id/bupati-kapuas-hulu-resmikan-jembatan-desa/"
    ]


def test_unchanged_story_with_other_quotes_gets_them_in_place(db_url: str) -> None:
    """Quotes are derived data: a better extractor's quotes for the same story replace the
    stored ones without a revision (and only when they differ)."""
    better = tppo_article(fetched_at="2025-12-05T01:00:00+00:00")
    better.quotes[1].speaker_title = "Wakil Bupati Kapuas Hulu"
    better.quotes.append(
        Quote("penghargaan ini milik semua pihak.", "Sukardi", None, "menurutnya", "indirect", 2)
    )

    def stored_quotes(store: ArticleStore, article_id: int) -> list[tuple[Any, ...]]:
        with store.sessionmaker() as session:
            return [
                tuple(row) for row in session.execute(
                    select(QuoteRow.text, QuoteRow.speaker, QuoteRow.speaker_title, QuoteRow.verb)
                    .where(QuoteRow.article_id == article_id).order_by(QuoteRow.position)
                )
            ]

    with ArticleStore.open(db_url) as store:
        first = store.save([tppo_article()], now=NOW)[0]
        assert not first.requoted
        again = store.save([better], now=NOW)[0]
        assert (again.status, again.requoted) == ("unchanged", True)
        assert stored_quotes(store, first.article_id) == [
            (q.text, q.speaker, q.speaker_title, q.verb) for q in better.quotes
        ]
        record = _record(store, first.article_id)
        assert record["revision"] == 1 and len(record["quotes"]) == len(better.quotes)
        with store.sessionmaker() as session:
            assert session.scalar(select(func.count()).select_from(ArticleRevision)) == 0
        same = tppo_article(fetched_at="2025-12-06T01:00:00+00:00")
        same.quotes = list(better.quotes)
        assert not store.save([same], now=NOW)[0].requoted
        # Rows stored before the hash existed (NULL) take the quotes they come back with.
        with store.sessionmaker() as session, session.begin():
            session.execute(text("UPDATE articles SET quotes_hash = NULL"))
        assert store.save([same], now=NOW)[0].requoted
        assert len(stored_quotes(store, first.article_id)) == len(better.quotes)


def test_history_of_unknown_url_is_empty(db_url: str) -> None:
    with ArticleStore.open(db_url) as store, store.sessionmaker() as session:
        assert article_history(session, "https://spektroom.co.id/tidak-ada/") == []


# --- the incremental gate -------------------------------------------------------------------


def test_stored_versions_batch_lookup(db_url: str) -> None:
    articles = [synthetic_article(i) for i in range(30)]
    with ArticleStore.open(db_url) as store:
        store.save(articles, now=NOW)
        urls = [a.canonical_url for a in articles] + ["https://spektroom.co.id/belum-ada/"]
        found = store.stored_versions(u for u in urls if u)
        assert set(found) == {a.canonical_url for a in articles}
        info = found[articles[0].canonical_url or ""]
        assert isinstance(info, StoredInfo)
        assert info.lastmod is not None and info.lastmod.tzinfo is not None
        assert info.last_fetched_at == dt.datetime(2025, 12, 1, tzinfo=UTC)
        # A newer lastmod with unchanged content is still recorded (else the gate refetches).
        newer = synthetic_article(0)
        newer.lastmod = "2026-01-05T08:00:00+07:00"
        assert store.save([newer], now=NOW)[0].status == "unchanged"
        info = store.stored_versions([articles[0].canonical_url or ""])[
            articles[0].canonical_url or ""
        ]
        assert info.lastmod == dt.datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
        assert store.stored_versions([]) == {}


def test_stored_versions_date_only_modified_is_midnight_wib(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        store.save([tppo_article(modified_at="2025-11-30", lastmod=None)], now=NOW)
        info = store.stored_versions([TPPO_URL])[TPPO_URL]
    assert info.modified_at == dt.datetime(2025, 11, 29, 17, 0, tzinfo=UTC)
    assert info.lastmod is None


def test_stored_versions_finds_a_page_by_the_url_it_was_fetched_at(db_url: str) -> None:
    """A page that declares another canonical URL than its sitemap gives is found by both."""
    sitemap_url = "https://www.spektroom.co.id/2025/11/29/kapuas-hulu-raih-penghargaan-tppo?utm_source=fb"
    sitemap_key = "https://spektroom.co.id/2025/11/29/kapuas-hulu-raih-penghargaan-tppo/"
    other = synthetic_article(1)
    with ArticleStore.open(db_url) as store:
        saved = store.save([tppo_article(url=sitemap_url), other], now=NOW)
        assert [r.canonical_url for r in saved] == [TPPO_URL, other.canonical_url]
        found = store.stored_versions(
            [sitemap_key, TPPO_URL, "https://spektroom.co.id/belum-ada/"]
        )
        assert set(found) == {sitemap_key, TPPO_URL}
        assert found[sitemap_key] == found[TPPO_URL]
        assert found[sitemap_key].last_fetched_at == dt.datetime(2025, 11, 30, 1, 0, tzinfo=UTC)
        with store.sessionmaker() as session:
            keys = dict(session.execute(select(Article.canonical_url, Article.url_key)).all())
        # Fetched at its canonical URL (the usual case): no key, nothing in the partial index.
        assert keys == {TPPO_URL: sitemap_key, other.canonical_url: None}


def test_url_key_is_kept_when_the_page_comes_back_unchanged_or_revised(db_url: str) -> None:
    first_url = "https://spektroom.co.id/kapuas-hulu-raih-penghargaan-tppo/"
    later_url = "https://spektroom.co.id/berita/kapuas-hulu-raih-penghargaan-tppo/"
    with ArticleStore.open(db_url) as store:
        store.save([tppo_article()], now=NOW)  # fetched at its canonical URL: no key
        assert store.stored_versions([first_url]) == {}
        # The same content fetched at another URL: unchanged, and that URL is remembered.
        assert store.save([tppo_article(url=first_url)], now=NOW)[0].status == "unchanged"
        assert set(store.stored_versions([first_url])) == {first_url}
        # Back at the canonical URL: the remembered one stays.
        assert store.save([tppo_article()], now=NOW)[0].status == "unchanged"
        assert set(store.stored_versions([first_url])) == {first_url}
        # A revision fetched at a third URL moves the key there.
        revised = tppo_article(url=later_url, headline="Kapuas Hulu raih penghargaan TPPO")
        assert store.save([revised], now=NOW)[0].status == "updated"
        assert set(store.stored_versions([first_url, later_url])) == {later_url}


def test_url_key_of_unusual_urls() -> None:
    assert url_key(TPPO_URL, TPPO_URL) is None
    assert url_key(None, TPPO_URL) is None
    assert url_key(TPPO_URL.replace("spektroom.co.id", "WWW.Spektroom.co.id"), TPPO_URL) is None
    assert url_key(TPPO_URL + "#komentar", TPPO_URL) is None  # the same page
    assert url_key("http://[::1", TPPO_URL) is None  # no canonical form
    assert url_key("https://spektroom.co.id/amp/lain", TPPO_URL) == "https://spektroom.co.id/lain/"


def test_migration_0004_backfills_url_key(db_url: str) -> None:
    upgrade(db_url, "0003")
    row = (
        "INSERT INTO articles (id, canonical_url, url, body, related_urls, warnings, "
        "sources, fingerprint, version_hash, first_seen_at, last_seen_at, revision) "
        "VALUES ({id}, '{canonical}', '{url}', 'b', '[]', '[]', '{{}}', 'f{id}', 'v', "
        "'2025-12-01 00:00:00', '2025-12-01 00:00:00', 1)"
    )
    with get_engine(db_url).begin() as conn:
        for article_id, url in (
            (1, TPPO_URL),  # fetched at its canonical URL
            (2, TPPO_URL.replace("https://", "https://www.") + "?utm_medium=wa"),  # same page
            (3, "https://spektroom.co.id/lama/kapuas-hulu-tppo"),
            (4, "http://[::1"),  # malformed: no key
        ):
            conn.execute(text(row.format(id=article_id, canonical=f"c{article_id}"
                                         if article_id > 1 else TPPO_URL, url=url)))
    upgrade(db_url)
    with get_engine(db_url).connect() as conn:
        keys = dict(conn.execute(text("SELECT id, url_key FROM articles")).all())
    assert keys == {
        1: None, 2: "https://spektroom.co.id/penghargaan-untuk-kapuas-hulu-bukti-konsistensi"
        "-daerah-lawan-perdagangan-orang/", 3: "https://spektroom.co.id/lama/kapuas-hulu-tppo/",
        4: None,
    }
    config = alembic_config(db_url)
    with get_engine(db_url).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    columns = {c["name"] for c in inspect(get_engine(db_url)).get_columns("articles")}
    assert "url_key" not in columns and "canonical_url" in columns


def test_child_rows_round_trip_exactly(db_url: str) -> None:
    """Quotes, credits and tags go in as one array per column on PostgreSQL (executemany on
    SQLite): NULLs, quote marks, braces, backslashes and commas come back as they went in."""
    from spektroom_crawler.record import Quote

    odd = ['Kata "dia", {kurung}', "garis\\miring", "“Kutip” – ‘satu’", "NULL", "a,b"]
    article = synthetic_article(7)
    article.tags = [*odd, "Kapuas Hulu"]
    article.authors = ["O'Neil", "Budi, S.Sos."]
    article.editors = ["{Redaktur}"]
    article.quotes = [
        Quote(text=t, speaker=None if i % 2 else f"Pembicara {t}", speaker_title=None,
              verb=None if i % 3 else "ujar", kind="direct" if i % 2 else "indirect",
              paragraph=i)
        for i, t in enumerate(odd)
    ]
    with ArticleStore.open(db_url) as store:
        (result,) = store.save([article], now=NOW)
        record = _record(store, result.article_id)
    assert record["tags"] == article.tags
    assert (record["authors"], record["editors"]) == (article.authors, article.editors)
    assert record["quotes"] == [
        {"text": q.text, "speaker": q.speaker, "speaker_title": None, "verb": q.verb,
         "kind": q.kind, "paragraph": q.paragraph}
        for q in article.quotes
    ]


def test_migration_0005_drops_the_band_foreign_key(db_url: str) -> None:
    """Band rows keep their data and (on SQLite) their WITHOUT ROWID table; the key goes, and
    a downgrade restores it after removing rows of articles that are gone."""
    with ArticleStore.open(db_url) as store:
        kept, gone = store.save([tppo_article(), other_tppo_article()], now=NOW)
    engine = get_engine(db_url)
    config = alembic_config(db_url)

    def state() -> tuple[list[dict[str, Any]], dict[int, int]]:
        keys = inspect(engine).get_foreign_keys("article_bands")
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT article_id, count(*) FROM article_bands GROUP BY article_id")
            )
            return keys, {article_id: n for article_id, n in rows}

    keys, bands = state()
    assert keys == [] and bands == {kept.article_id: NUM_BANDS, gone.article_id: NUM_BANDS}
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'article_bands'"))
        assert "WITHOUT ROWID" in str(sql)
    with engine.begin() as conn:  # an article deleted by hand leaves its bands behind
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": gone.article_id})
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    keys, bands = state()
    assert [(k["referred_table"], k["options"].get("ondelete")) for k in keys] == [
        ("articles", "CASCADE")
    ]
    assert bands == {kept.article_id: NUM_BANDS}
    upgrade(db_url)
    assert state() == ([], {kept.article_id: NUM_BANDS})


def test_band_rows_of_an_article_deleted_by_hand_are_skipped(db_url: str) -> None:
    """Without the foreign key, bands can outlive an article removed with plain SQL: a later
    copy of its text finds them and is stored as an original, not a duplicate of nothing."""
    with ArticleStore.open(db_url) as store:
        (first,) = store.save([tppo_article()], now=NOW)
        with get_engine(db_url).begin() as conn:
            conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": first.article_id})
        (copy,) = store.save([lightly_edited_copy()], now=NOW)
    assert copy.status == "stored" and copy.duplicate_of is None


def test_bulk_insert_spans_statements_and_skips_taken_keys(db_url: str) -> None:
    """Child rows go in multi-row statements (SQLite: SQLITE_ROWS_PER_INSERT rows each): every
    row lands once, in statements of any size; with skip_existing a taken key is skipped, also
    when it repeats inside one statement; a row of the wrong length is refused, not shifted."""
    rows = [(band, band % 7) for band in range(1, 2 * SQLITE_ROWS_PER_INSERT + 35)]
    bands = ("band_hash", "article_id")

    def stored() -> list[tuple[int, int]]:
        with get_engine(db_url).connect() as conn:
            return [tuple(r) for r in conn.execute(
                select(ArticleBand.band_hash, ArticleBand.article_id).order_by(
                    ArticleBand.band_hash, ArticleBand.article_id
                )
            )]

    with ArticleStore.open(db_url) as store:
        with store.sessionmaker.begin() as session:
            bulk_insert(session, ArticleBand.__table__, bands, rows)
        assert stored() == rows
        again = [*rows[-3:], (10**12, 1), (10**12, 1), *rows[:2]]
        with store.sessionmaker.begin() as session:
            bulk_insert(session, ArticleBand.__table__, bands, again, skip_existing=True)
        assert stored() == [*rows, (10**12, 1)]
        with store.sessionmaker.begin() as session, pytest.raises(ValueError):
            bulk_insert(session, ArticleBand.__table__, bands, [(1, 2), (3,), (4, 5, 6)])
    assert stored() == [*rows, (10**12, 1)]


# --- crawl runs -----------------------------------------------------------------------------


def test_crawl_runs_are_recorded(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        run_id = store.start_crawl_run("sitemap", {"since": "2025-11-01"}, now=NOW)
        store.finish_crawl_run(
            run_id,
            stats={"spektroom/articles/stored": 3},
            outcome="finished",
            now=NOW + dt.timedelta(minutes=5),
        )
        with store.sessionmaker() as session:
            run = session.get(CrawlRun, run_id)
    assert run is not None
    assert (run.spider, run.arguments, run.outcome) == (
        "sitemap",
        {"since": "2025-11-01"},
        "finished",
    )
    assert run.stats == {"spektroom/articles/stored": 3}
    assert run.finished_at is not None and run.finished_at - run.started_at == dt.timedelta(
        minutes=5
    )


def test_save_rejects_article_without_url(db_url: str) -> None:
    with ArticleStore.open(db_url) as store, pytest.raises(ValueError, match="url"):
        store.save([tppo_article(url="")], now=NOW)


def test_migrations_match_the_models(db_url: str) -> None:
    """The migrated schema is exactly what the models declare (full-text objects aside)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pipelines.db.models import Base

    def include(obj: object, name: str | None, type_: str, reflected: bool, _: object) -> bool:
        return not (name or "").startswith(("articles_fts", "search_vector", "ix_articles_search"))

    upgrade(db_url)
    with get_engine(db_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(context, Base.metadata) == []
