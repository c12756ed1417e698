"""ArticleStore.delete and `spektroom delete` on both backends: an article goes whole, its
duplicates stay and are decided again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.db.models import (
    Article,
    ArticleBand,
    ArticlePerson,
    ArticleRevision,
    Person,
    QuoteRow,
    Tag,
)
from pipelines.db.queries import search
from pipelines.db.store import ArticleStore
from pipelines.dedupe import band_hashes, body_bytes, minhash_packed, normalize_article
from spektroom_crawler.cli import main
from tests.factories import TPPO_URL, lightly_edited_copy, other_tppo_article, tppo_article

NOW = dt.datetime(2025, 12, 1, 3, 0, tzinfo=dt.UTC)
EXACT_URL = "https://spektroom.co.id/berita/penghargaan-kapuas-hulu/"


def counts(store: ArticleStore, article_id: int) -> dict[str, int]:
    """Rows that belong to one article, table by table."""
    tables: dict[str, Any] = {
        "articles": Article.id, "quotes": QuoteRow.article_id,
        "credits": ArticlePerson.article_id, "revisions": ArticleRevision.article_id,
        "bands": ArticleBand.article_id,
    }
    with store.sessionmaker() as session:
        return {
            name: session.scalar(select(func.count()).where(column == article_id)) or 0
            for name, column in tables.items()
        }


def names(store: ArticleStore) -> tuple[list[str], list[str]]:
    """Every person's and every tag's name in the store."""
    with store.sessionmaker() as session:
        return (
            sorted(session.scalars(select(Person.name))),
            sorted(session.scalars(select(Tag.name))),
        )


def row(store: ArticleStore, article_id: int) -> Article:
    with store.sessionmaker() as session:
        found = session.get(Article, article_id)
        assert found is not None
        session.expunge(found)
        return found


def test_delete_removes_an_article_with_everything_it_owns(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        first, other = store.save([tppo_article(), other_tppo_article()], now=NOW)
        revised = tppo_article(headline="Kapuas Hulu raih penghargaan TPPO dari Gubernur")
        assert store.save([revised], now=NOW)[0].status == "updated"
        before = counts(store, first.article_id)
        assert all(before.values()), before  # a revision, quotes, credits and bands to remove
        untouched = counts(store, other.article_id)
        with store.sessionmaker() as session:
            assert [hit.id for hit in search(session, "Balai Petitih")] == [first.article_id]

        # Any spelling of the URL finds it.
        report = store.delete([TPPO_URL.replace("https://", "https://www.") + "?utm_source=wa"])
        assert [(r.canonical_url, r.article_id) for r in report.deleted] == [
            (TPPO_URL, first.article_id)
        ]
        assert report.not_stored == []
        assert counts(store, first.article_id) == dict.fromkeys(before, 0)
        assert counts(store, other.article_id) == untouched
        # Whom and what only the removed article named go with it; the shared ones stay.
        assert (report.people_removed, report.tags_removed) == (1, 2)
        assert names(store) == (
            ["Biantoro", "Budi Sucahyono", "Julianto"], ["Polda Kalbar", "TPPO"]
        )
        with store.sessionmaker() as session:
            assert search(session, "Balai Petitih") == []
        assert store.stored_versions([TPPO_URL]) == {}
        # Stored again later, it is a new article (first version).
        again = store.save([tppo_article()], now=NOW)[0]
        assert again.status == "stored" and again.article_id != first.article_id
        assert row(store, again.article_id).revision == 1


def test_delete_an_original_decides_its_duplicates_again(db_url: str) -> None:
    exact_copy = tppo_article(url=EXACT_URL, canonical_url=None)
    with ArticleStore.open(db_url) as store:
        original, exact, near, other = store.save(
            [tppo_article(), exact_copy, lightly_edited_copy(), other_tppo_article()],
            now=NOW,
        )
        assert (exact.status, near.status) == ("duplicate_exact", "duplicate_near")

        report = store.delete([TPPO_URL])
        assert [(r.article_id, r.promoted, r.repointed) for r in report.deleted] == [
            (original.article_id, (exact.article_id,), (near.article_id,))
        ]
        # The exact copy is the original now, with the signature and bands the store would have
        # given it; the edited copy is its near duplicate.
        heir = row(store, exact.article_id)
        assert (heir.duplicate_of, heir.duplicate_kind, heir.duplicate_similarity) == (
            None, None, None
        )
        normalized = normalize_article(tppo_article(url=EXACT_URL, canonical_url=None))
        assert heir.minhash == minhash_packed(body_bytes(normalized.paragraphs, normalized=True))
        with store.sessionmaker() as session:
            bands = set(session.scalars(
                select(ArticleBand.band_hash).where(ArticleBand.article_id == exact.article_id)
            ))
        assert bands == set(band_hashes(heir.minhash))
        edited = row(store, near.article_id)
        assert (edited.duplicate_of, edited.duplicate_kind) == (exact.article_id, "near")
        assert edited.duplicate_similarity == near.similarity  # same signatures as before
        assert row(store, other.article_id).duplicate_of is None

        # The new original's bands work: another copy is caught as its duplicate.
        third = store.save([tppo_article(url="https://spektroom.co.id/salinan-ketiga/",
                                         canonical_url=None)], now=NOW)[0]
        assert (third.status, third.duplicate_of) == ("duplicate_exact", exact.article_id)
        fourth = tppo_article(url="https://spektroom.co.id/salinan-keempat/", canonical_url=None)
        fourth.paragraphs[1] = fourth.paragraphs[1].replace("tiga institusi", "tiga lembaga")
        result = store.save([fourth], now=NOW)[0]
        assert (result.status, result.duplicate_of) == ("duplicate_near", exact.article_id)


def test_delete_a_duplicate_or_the_original_with_its_copies(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        original, exact = store.save(
            [tppo_article(), tppo_article(url=EXACT_URL, canonical_url=None)], now=NOW
        )
        report = store.delete([EXACT_URL])  # a duplicate: nothing else changes
        assert [(r.article_id, r.promoted, r.repointed) for r in report.deleted] == [
            (exact.article_id, (), ())
        ]
        assert counts(store, original.article_id)["bands"] > 0
        copy = store.save([tppo_article(url=EXACT_URL, canonical_url=None)], now=NOW)[0]
        # Both at once: no copy is left to promote.
        report = store.delete([EXACT_URL, TPPO_URL])
        assert {r.article_id: r.promoted for r in report.deleted} == {
            copy.article_id: (), original.article_id: ()
        }
        with store.sessionmaker() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 0
            assert session.scalar(select(func.count()).select_from(ArticleBand)) == 0
        assert names(store) == ([], [])


def test_delete_dry_run_and_urls_not_stored(db_url: str) -> None:
    with ArticleStore.open(db_url) as store:
        original, exact = store.save(
            [tppo_article(), tppo_article(url=EXACT_URL, canonical_url=None)], now=NOW
        )
        given = [TPPO_URL, "https://spektroom.co.id/belum-ada/", "http://[::1", TPPO_URL]
        report = store.delete(given, dry_run=True)
        assert [(r.article_id, r.promoted) for r in report.deleted] == [
            (original.article_id, (exact.article_id,))
        ]
        assert report.not_stored == ["https://spektroom.co.id/belum-ada/", "http://[::1"]
        assert (report.people_removed, report.tags_removed) == (0, 0)  # the copy names them
        assert store.delete([EXACT_URL, TPPO_URL], dry_run=True).people_removed == 2
        assert names(store)[0] == ["Apolonius", "Biantoro"]  # a dry run keeps them
        assert counts(store, original.article_id)["articles"] == 1
        assert row(store, exact.article_id).duplicate_of == original.article_id
        assert store.delete([]).deleted == []


def test_delete_command(db_url: str, tmp_path: Any) -> None:
    with ArticleStore.open(db_url) as store:
        original, exact = store.save(
            [tppo_article(), tppo_article(url=EXACT_URL, canonical_url=None)], now=NOW
        )
    runner = CliRunner()
    dry = runner.invoke(main, ["delete", TPPO_URL, "--dry-run", "--db", db_url])
    assert dry.exit_code == 0, dry.output
    assert dry.output == (
        f"would delete {TPPO_URL} (id {original.article_id}); duplicates now originals:"
        f" {exact.article_id}\n"
    )
    missing = "https://spektroom.co.id/belum-ada/"
    done = runner.invoke(main, ["delete", TPPO_URL, missing, "--db", db_url])
    assert done.exit_code == 1
    assert done.stdout.startswith(f"deleted {TPPO_URL} (id {original.article_id});")
    assert done.stderr == f"not stored: {missing}\n"
    again = runner.invoke(main, ["delete", TPPO_URL, "--db", db_url])
    assert again.exit_code == 1 and again.stdout == ""
    last = runner.invoke(main, ["delete", EXACT_URL, "--db", db_url])
    assert last.exit_code == 0
    assert last.stdout == (
        f"deleted {EXACT_URL} (id {exact.article_id})\n"
        "also deleted: 2 people and 3 tags that no other article names\n"
    )
