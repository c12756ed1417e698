"""`ArticleStore`: the corpus's write side and the crawl's incremental gate.

One `save()` call is one transaction: the batch is looked up with a few indexed queries
(canonical URLs, fingerprints, LSH bands), then written with multi-row INSERT statements
(`bulk_insert`; the articles themselves in `_sqlite_insert_articles` on SQLite). A failure rolls
the whole batch back, so the database never holds half of a batch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import ColumnElement, Date, Table, any_, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from pipelines.db.engine import get_sessionmaker
from pipelines.db.models import (
    Article as ArticleRow,
)
from pipelines.db.models import (
    ArticleBand,
    ArticlePerson,
    ArticleRevision,
    ArticleTag,
    CrawlRun,
    Person,
    QuoteRow,
    Tag,
)
from pipelines.db.records import (
    PARAGRAPH_SEPARATOR,
    article_values,
    check_url_lengths,
    load_records,
)
from pipelines.db.types import UTC, UTCDateTime, When, parse_instant
from pipelines.dedupe import (
    band_hashes,
    body_bytes,
    body_fingerprint,
    minhash_packed,
    minhash_packed_many,
    normalize_article,
    quotes_hash,
    similarity,
    unpack_signature,
    version_hash,
)
from spektroom_crawler.record import Article
from spektroom_crawler.urls import canonicalize_url

log = logging.getLogger(__name__)

Status = Literal["stored", "updated", "unchanged", "duplicate_exact", "duplicate_near"]
DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8
# Bound on parameters per IN (...) query (SQLite allows 32766; keep statements small).
CHUNK = 500
# Fewer values than this go to PostgreSQL as an IN list, more as one array (`ArticleStore._in`).
ARRAY_MIN = 64

ARTICLES: Table = ArticleRow.__table__  # type: ignore[assignment]
QUOTES: Table = QuoteRow.__table__  # type: ignore[assignment]
PEOPLE: Table = Person.__table__  # type: ignore[assignment]
ARTICLE_PEOPLE: Table = ArticlePerson.__table__  # type: ignore[assignment]
TAGS: Table = Tag.__table__  # type: ignore[assignment]
ARTICLE_TAGS: Table = ArticleTag.__table__  # type: ignore[assignment]
BANDS: Table = ArticleBand.__table__  # type: ignore[assignment]
QUOTE_COLUMNS = (
    "article_id", "position", "text", "speaker", "speaker_title", "verb", "kind", "paragraph",
)


@dataclass(frozen=True, slots=True)
class StoredInfo:
    """What the incremental gate needs to know about an article already stored.

    All aware datetimes (UTC). A date-only value counts as midnight WIB (+07:00).
    """

    lastmod: dt.datetime | None
    modified_at: dt.datetime | None
    last_fetched_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What happened to one article in `ArticleStore.save`."""

    canonical_url: str
    article_id: int
    status: Status
    duplicate_of: int | None = None
    similarity: float | None = None
    # An unchanged story stored with other quotes (an older extractor's): replaced in place.
    requoted: bool = False


@dataclass(frozen=True, slots=True)
class DeleteResult:
    """What `ArticleStore.delete` did: the article removed, and what became of its duplicates
    (ids that became originals, ids now pointing at one of those)."""

    canonical_url: str
    article_id: int
    promoted: tuple[int, ...] = ()
    repointed: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DeleteReport:
    """`ArticleStore.delete`'s answer: the articles removed, and the URLs given (as given)
    that no stored article has."""

    deleted: list[DeleteResult]
    not_stored: list[str]
    # People and tags that only the removed articles named (removed with them).
    people_removed: int = 0
    tags_removed: int = 0


@dataclass(slots=True)
class WrittenBatch:
    """A batch written by `ArticleStore.write` in a transaction still open.

    `commit()` ends it. A caller that commits on another thread runs `commit_database()`
    there, then `commit()` (or `discard()` when that failed) back on the writing thread: the
    thread's work is then one driver call that releases the GIL, with none of the session's
    Python bookkeeping to contend for it; `commit()` after it finds nothing left to commit
    (DBAPI drivers commit no open transaction as a no-op).
    """

    session: Session
    results: list[SaveResult]
    driver_connection: Any  # the DBAPI connection of the session's transaction
    dialect: Dialect

    def commit(self) -> None:
        """Commit the transaction (a failure rolls it back and propagates); the session ends."""
        try:
            self.session.commit()
        finally:
            self.session.close()

    def commit_database(self) -> None:
        """The driver's commit alone, from any one thread (see the class); a driver error is
        raised as SQLAlchemy's (OperationalError...), as `commit()` would raise it."""
        try:
            self.driver_connection.commit()
        except Exception as exc:
            dbapi_error = self.dialect.loaded_dbapi.Error
            if isinstance(exc, dbapi_error):
                raise DBAPIError.instance("COMMIT", None, exc, dbapi_error) from exc
            raise

    def discard(self) -> None:
        """Roll the transaction back; the session ends."""
        self.session.close()


@dataclass(slots=True)
class Prepared:
    """An article made ready for `ArticleStore.write` (`ArticleStore.prepare`)."""

    article: Article
    key: str
    values: dict[str, Any]
    version: str
    quotes: str  # `quotes_hash`
    fetched_at: dt.datetime | None  # the record's fetched_at as an instant
    seen_at: dt.datetime
    # Computed only for new or changed articles: a re-crawl of unchanged pages skips them.
    _body: bytes | None = field(default=None)
    _fingerprint: str | None = field(default=None)
    _packed: bytes | None = field(default=None)
    _signature: tuple[int, ...] | None = field(default=None)
    _bands: list[int] | None = field(default=None)

    @property
    def body(self) -> bytes:
        if self._body is None:
            # `ArticleStore.prepare_one` has normalized the article, here or upstream.
            self._body = body_bytes(self.article.paragraphs, normalized=True)
        return self._body

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = body_fingerprint(self.body)
        return self._fingerprint

    @property
    def packed(self) -> bytes:
        """The MinHash signature as stored (`pack_signature`)."""
        if self._packed is None:
            self._packed = minhash_packed(self.body)
        return self._packed

    @staticmethod
    def sign_all(items: Iterable[Prepared]) -> None:
        """Compute the missing `packed` signatures of a batch at once (`minhash_packed_many`:
        a third of the cost per item of one at a time)."""
        todo = [item for item in items if item._packed is None]
        for item, packed in zip(todo, minhash_packed_many(i.body for i in todo), strict=True):
            item._packed = packed

    @property
    def signature(self) -> tuple[int, ...]:
        """The signature's values, unpacked only for items that have candidates to compare."""
        if self._signature is None:
            self._signature = unpack_signature(self.packed)
        return self._signature

    @property
    def bands(self) -> list[int]:
        if self._bands is None:
            self._bands = band_hashes(self.packed)
        return self._bands


def name_key(name: str) -> str:
    """The identity of a person or tag name: case-folded, single-spaced."""
    return " ".join(name.casefold().split())[:255]


class ArticleStore:
    """The corpus on one database URL (created/upgraded on open)."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        near_duplicate_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    ) -> None:
        self._factory = factory
        self.near_duplicate_threshold = near_duplicate_threshold
        bind = factory.kw["bind"]
        self.dialect = bind.dialect.name
        # A `WrittenBatch` may be committed by another thread than the one that wrote it,
        # except where each thread has a connection of its own (SQLite in memory).
        self.commits_in_any_thread = not isinstance(bind.pool, SingletonThreadPool)

    @classmethod
    def open(
        cls, url: str, *, near_duplicate_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD
    ) -> ArticleStore:
        """Open the store at `url`, creating or upgrading its schema first."""
        return cls(get_sessionmaker(url), near_duplicate_threshold=near_duplicate_threshold)

    @property
    def sessionmaker(self) -> sessionmaker[Session]:
        return self._factory

    def close(self) -> None:
        """Release this store (the process-wide engine stays cached for other users)."""

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- the incremental gate -----------------------------------------------------------

    def stored_versions(self, canonical_urls: Iterable[str]) -> dict[str, StoredInfo]:
        """For each given canonical URL already stored: its lastmod, modified_at, last fetch.

        A URL is stored when an article has it as its canonical URL or was fetched at it
        (`url_key`: a page that declares another canonical URL than its sitemap lists). The
        second lookup runs only for the URLs the first did not find, through a partial index.
        """
        urls = list(dict.fromkeys(canonical_urls))
        out: dict[str, StoredInfo] = {}
        cols = ARTICLES.c
        with self._factory() as session:
            for column in (cols.canonical_url, cols.url_key):
                missing = [url for url in urls if url not in out]
                for where in self._in(column, missing):
                    rows = session.execute(
                        select(
                            column, cols.lastmod, cols.modified_at, cols.modified_on,
                            cols.last_fetched_at,
                        )
                        .where(where)
                        .order_by(cols.id)  # several pages fetched at one URL: the latest wins
                    )
                    for url, lastmod, modified_at, modified_on, fetched in rows:
                        if modified_at is None and modified_on is not None:
                            modified_at = parse_instant(modified_on.isoformat())
                        out[url] = StoredInfo(lastmod, modified_at, fetched)
        return out

    # --- crawl runs -----------------------------------------------------------------------

    def start_crawl_run(
        self, spider: str, arguments: dict[str, Any], *, now: dt.datetime | None = None
    ) -> int:
        """Record the start of a crawl; returns the run id."""
        with self._factory.begin() as session:
            run = CrawlRun(
                spider=spider, arguments=dict(arguments), started_at=now or dt.datetime.now(UTC)
            )
            session.add(run)
            session.flush()
            return run.id

    def finish_crawl_run(
        self,
        run_id: int,
        *,
        stats: dict[str, Any],
        outcome: str,
        now: dt.datetime | None = None,
    ) -> None:
        """Record the end of a crawl: its stats (JSON-safe) and outcome (the close reason)."""
        with self._factory.begin() as session:
            session.execute(
                update(CrawlRun)
                .where(CrawlRun.id == run_id)
                .values(finished_at=now or dt.datetime.now(UTC), stats=stats, outcome=outcome)
            )

    # --- writing --------------------------------------------------------------------------

    def save(
        self,
        articles: Sequence[Article],
        *,
        now: dt.datetime | None = None,
        normalized: bool = False,
    ) -> list[SaveResult]:
        """Store a batch in one transaction; one result per article, in order.

        New URL -> stored (or duplicate_exact / duplicate_near, linked to the original);
        known URL with a different version -> updated (previous version kept as a revision);
        known URL, same version -> unchanged (only last_seen_at / fetch metadata move).
        Articles are normalized in place first, unless `normalized` says it was done already.
        """
        if not articles:
            return []
        now = now or dt.datetime.now(UTC)
        written = self.write(self.prepare(articles, now=now, normalized=normalized), now=now)
        written.commit()
        return written.results

    def prepare(
        self, articles: Sequence[Article], *, now: dt.datetime, normalized: bool = False
    ) -> list[Prepared]:
        """The first half of `save`, without the database: each article normalized (unless
        `normalized`) with its row values and version hashes. `StorePipeline` calls
        `prepare_one` article by article instead, while the previous batch commits, so that
        one article it cannot prepare is dropped alone."""
        return [self.prepare_one(article, now=now, normalized=normalized) for article in articles]

    def write(self, prepared: Sequence[Prepared], *, now: dt.datetime) -> WrittenBatch:
        """The second half of `save`: write a prepared batch in a new transaction and leave
        it open. The caller commits it (`WrittenBatch`: on this thread, or at the driver on
        another one) or lets it go (`WrittenBatch.discard`: nothing of the batch stays). A
        failure here rolls the transaction back before it propagates."""
        session = self._factory()
        try:
            session.begin()
            results = self._save(session, list(prepared), now)
            connection = session.connection()
        except BaseException:
            session.close()
            raise
        return WrittenBatch(
            session, results, connection.connection.dbapi_connection, connection.dialect
        )

    def prepare_one(self, article: Article, *, now: dt.datetime, normalized: bool) -> Prepared:
        """`prepare` of one article. Raises ValueError when it has no URL, or one too long to
        store."""
        if not normalized:
            normalize_article(article)
        if not article.url or not article.canonical_url:
            raise ValueError("an article needs a url to be stored")
        fetched_at = parse_instant(article.fetched_at)
        values = article_values(article)
        check_url_lengths(article.canonical_url, values)
        return Prepared(
            article=article,
            key=article.canonical_url,
            values=values,
            version=version_hash(article),
            quotes=quotes_hash(article),
            fetched_at=fetched_at,
            seen_at=fetched_at or now,
        )

    def _save(
        self, session: Session, prepared: list[Prepared], now: dt.datetime
    ) -> list[SaveResult]:
        results: dict[int, SaveResult] = {}
        # A URL twice in one batch: later occurrences go in a later round, in order.
        pending = list(enumerate(prepared))
        while pending:
            round_items: list[tuple[int, Prepared]] = []
            later: list[tuple[int, Prepared]] = []
            keys: set[str] = set()
            for index, item in pending:
                (later if item.key in keys else round_items).append((index, item))
                keys.add(item.key)
            retry = self._save_round(session, round_items, now, results)
            pending = sorted(retry + later, key=lambda pair: pair[0])
        return [results[i] for i in range(len(prepared))]

    def _save_round(
        self,
        session: Session,
        items: list[tuple[int, Prepared]],
        now: dt.datetime,
        results: dict[int, SaveResult],
    ) -> list[tuple[int, Prepared]]:
        existing = self._existing(session, [item.key for _, item in items])
        unchanged: list[dict[str, Any]] = []
        requoted: list[tuple[int, Prepared]] = []
        new: list[tuple[int, Prepared]] = []
        for index, item in items:
            row = existing.get(item.key)
            if row is None:
                new.append((index, item))
            elif row["version_hash"] == item.version:
                lastmod = _latest(row["lastmod"], item.values["lastmod"])
                unchanged.append(
                    {
                        "b_id": row["id"], "last_seen_at": max(item.seen_at, row["last_seen_at"]),
                        "last_fetched_at": item.fetched_at or row["last_fetched_at"],
                        "lastmod": lastmod,
                        "lastmod_raw": item.values["lastmod_raw"]
                        if lastmod is not None and lastmod == item.values["lastmod"]
                        else row["lastmod_raw"],
                        # Fetched at another URL this time: keep that one for the gate.
                        "url_key": item.values["url_key"] or row["url_key"],
                        "quotes_hash": item.quotes,
                    }
                )
                again = row["quotes_hash"] != item.quotes
                if again:
                    requoted.append((row["id"], item))
                results[index] = SaveResult(
                    item.key, row["id"], "unchanged", row["duplicate_of"], requoted=again
                )
            else:
                self._revise(session, row, item, now)
                results[index] = SaveResult(item.key, row["id"], "updated", row["duplicate_of"])
        if unchanged:
            session.execute(
                update(ARTICLES)
                .where(ARTICLES.c.id == bindparam("b_id")),
                unchanged,
            )
        if requoted:
            for where in self._in(QUOTES.c.article_id, [article_id for article_id, _ in requoted]):
                session.execute(delete(QUOTES).where(where))
            self._insert_quotes(session, requoted)
        if new:
            return self._insert_new(session, new, results)
        return []

    def _existing(self, session: Session, keys: list[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        cols = ARTICLES.c
        for where in self._in(cols.canonical_url, keys):
            rows = session.execute(
                select(
                    cols.id, cols.canonical_url, cols.version_hash, cols.fingerprint,
                    cols.revision, cols.duplicate_of, cols.last_seen_at, cols.last_fetched_at,
                    cols.lastmod, cols.lastmod_raw, cols.url_key, cols.quotes_hash,
                ).where(where)
            )
            for row in rows.mappings():
                out[row["canonical_url"]] = dict(row)
        return out

    # --- new articles and duplicates -----------------------------------------------------

    def _insert_new(
        self,
        session: Session,
        new: list[tuple[int, Prepared]],
        results: dict[int, SaveResult],
    ) -> list[tuple[int, Prepared]]:
        """Insert articles with unseen URLs; returns those another writer inserted meanwhile."""
        # Exact duplicates: same body fingerprint as a stored original (or an earlier item).
        fingerprints = list({item.fingerprint for _, item in new})
        by_fingerprint: dict[str, int] = {}
        cols = ARTICLES.c
        for where in self._in(cols.fingerprint, fingerprints):
            for fp, article_id, dup_of in session.execute(
                select(cols.fingerprint, cols.id, cols.duplicate_of).where(where).order_by(cols.id)
            ):
                by_fingerprint.setdefault(fp, dup_of or article_id)

        # Near duplicates: candidates share an LSH band with the item, then the signatures
        # are compared. Only originals carry bands, so a match is always an original.
        need_near = [(i, item) for i, item in new if item.fingerprint not in by_fingerprint]
        Prepared.sign_all(item for _, item in need_near)
        candidates_by_band = self._band_candidates(
            session, {band for _, item in need_near for band in item.bands}
        )
        signatures = self._signatures(
            session, {a for ids in candidates_by_band.values() for a in ids}
        )

        # Decide each item's fate in order; in-batch originals are referred to by position.
        batch_fp: dict[str, int] = {}  # fingerprint -> position in `new` of the in-batch original
        batch_bands: dict[int, list[int]] = {}
        decisions: list[tuple[Status, int | None, int | None, float | None]] = []
        for pos, (_, item) in enumerate(new):
            if item.fingerprint in by_fingerprint:
                decisions.append(("duplicate_exact", by_fingerprint[item.fingerprint], None, 1.0))
                continue
            if item.fingerprint in batch_fp:
                decisions.append(("duplicate_exact", None, batch_fp[item.fingerprint], 1.0))
                continue
            bands = item.bands
            best: tuple[float, int | None, int | None] = (0.0, None, None)  # score, id, pos
            # Most items share no band with anything: two C-level scans skip the loop.
            shared = not (
                candidates_by_band.keys().isdisjoint(bands)
                and batch_bands.keys().isdisjoint(bands)
            )
            for band in bands if shared else ():
                for article_id in candidates_by_band.get(band, ()):
                    # A band row outlives its article only when someone deleted the article
                    # by hand (the table has no foreign key, see ArticleBand).
                    if article_id not in signatures:
                        continue
                    score = similarity(item.signature, signatures[article_id])
                    if score > best[0]:
                        best = (score, article_id, None)
                for other in batch_bands.get(band, ()):
                    score = similarity(item.signature, new[other][1].signature)
                    if score > best[0]:
                        best = (score, None, other)
            if best[0] >= self.near_duplicate_threshold:
                decisions.append(("duplicate_near", best[1], best[2], best[0]))
                continue
            decisions.append(("stored", None, None, None))
            batch_fp[item.fingerprint] = pos
            for band in bands:
                batch_bands.setdefault(band, []).append(pos)

        # Originals first (duplicates may point at them), then duplicates.
        ids: dict[int, int] = {}
        lost: list[tuple[int, Prepared]] = []
        for want_originals in (True, False):
            rows: list[dict[str, Any]] = []
            positions: list[int] = []
            for pos, (_, item) in enumerate(new):
                status, dup_id, dup_pos, dup_score = decisions[pos]
                if (status == "stored") != want_originals:
                    continue
                if dup_pos is not None:
                    if dup_pos not in ids:  # its original was inserted by another writer
                        lost.append(new[pos])
                        continue
                    dup_id = ids[dup_pos]
                row = dict(item.values)
                row.update(
                    canonical_url=item.key,
                    fingerprint=item.fingerprint,
                    version_hash=item.version,
                    quotes_hash=item.quotes,
                    minhash=item.packed if status == "stored" else None,
                    duplicate_of=dup_id,
                    duplicate_kind=None if status == "stored" else status[len("duplicate_") :],
                    duplicate_similarity=dup_score,
                    first_seen_at=item.seen_at,
                    last_seen_at=item.seen_at,
                    last_fetched_at=item.fetched_at,
                    revision=1,
                )
                rows.append(row)
                positions.append(pos)
            if not rows:
                continue
            inserted = self._insert_articles(session, rows)
            for pos, row in zip(positions, rows, strict=True):
                index, item = new[pos]
                article_id = inserted.get(item.key)
                if article_id is None:
                    lost.append((index, item))
                    continue
                ids[pos] = article_id
                results[index] = SaveResult(
                    item.key,
                    article_id,
                    decisions[pos][0],
                    row["duplicate_of"],
                    row["duplicate_similarity"],
                )
        stored = [(ids[pos], item) for pos, (_, item) in enumerate(new) if pos in ids]
        self._insert_children(session, stored)
        band_rows = [
            (band, ids[pos])
            for pos, (_, item) in enumerate(new)
            if pos in ids and decisions[pos][0] == "stored"
            for band in item.bands
        ]
        insert_bands(session, band_rows)
        return lost

    def _insert_articles(self, session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
        """Insert rows, skipping canonical URLs that exist already; returns url -> new id."""
        if self.dialect == "sqlite":
            return _sqlite_insert_articles(session, rows)
        stmt = self._dialect_insert(ARTICLES).on_conflict_do_nothing(
            index_elements=[ARTICLES.c.canonical_url]
        ).returning(ARTICLES.c.id, ARTICLES.c.canonical_url)
        result = session.execute(stmt, rows)
        return {url: article_id for article_id, url in result}

    def _in(self, column: ColumnElement[Any], values: Sequence[Any]) -> list[ColumnElement[bool]]:
        """`column IN values` as few statements need: IN lists of at most CHUNK values, or on
        PostgreSQL, for more than ARRAY_MIN values, one `= ANY(array)` bound as a single
        parameter. An expanded IN list is rendered and converted bind by bind: for a batch's
        16,000 band keys that cost ~150-270 ms of client CPU, the array ~26 ms. For a few values
        the array is the dearer one: one-article batches ran ~15% slower with it."""
        if not values:
            return []
        if self.dialect == "postgresql" and len(values) > ARRAY_MIN:
            return [column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))]
        return [column.in_(values[start : start + CHUNK]) for start in range(0, len(values), CHUNK)]

    def _dialect_insert(self, table: Table) -> Any:
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        if self.dialect == "sqlite":
            return sqlite.insert(table)
        raise RuntimeError(f"unsupported database backend {self.dialect!r}")

    def _band_candidates(self, session: Session, bands: set[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        band_list = list(bands)
        if self.dialect == "sqlite" and band_list:
            # One statement with one JSON parameter (a primary-key search per band) instead of
            # thousands of bound parameters that SQLAlchemy expands and processes one by one.
            for band, article_id in session.connection().exec_driver_sql(
                SQLITE_BAND_CANDIDATES, (json.dumps(band_list),)
            ):
                out.setdefault(band, []).append(article_id)
            return out
        for where in self._in(BANDS.c.band_hash, band_list):
            for band, article_id in session.execute(
                select(BANDS.c.band_hash, BANDS.c.article_id).where(where)
            ):
                out.setdefault(band, []).append(article_id)
        return out

    def _signatures(self, session: Session, ids: set[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, tuple[int, ...]] = {}
        id_list = list(ids)
        for where in self._in(ARTICLES.c.id, id_list):
            for article_id, data in session.execute(
                select(ARTICLES.c.id, ARTICLES.c.minhash).where(where)
            ):
                if data:
                    out[article_id] = unpack_signature(data)
        return out

    # --- children: people, tags, quotes ---------------------------------------------------

    def _name_ids(self, session: Session, table: Table, names: Iterable[str]) -> dict[str, int]:
        """Ids by name (identity: name_key), inserting the missing ones (ON CONFLICT DO NOTHING).

        Each distinct name is keyed once: a batch repeats its authors, editors and tags.
        """
        key_of: dict[str, str] = {}
        wanted: dict[str, str] = {}
        for name in names:
            if name not in key_of:
                key = key_of[name] = name_key(name)
                wanted.setdefault(key, name[:255])
        if not wanted:
            return {}
        keys = list(wanted)
        out = self._read_name_ids(session, table, keys)
        missing = [{"name": wanted[k], "name_key": k} for k in keys if k not in out]
        if missing:
            stmt = self._dialect_insert(table).on_conflict_do_nothing(
                index_elements=[table.c.name_key]
            )
            session.execute(stmt, missing)
            out.update(self._read_name_ids(session, table, [row["name_key"] for row in missing]))
        return {name: out[key] for name, key in key_of.items()}

    def _read_name_ids(self, session: Session, table: Table, keys: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for where in self._in(table.c.name_key, keys):
            for key, ident in session.execute(select(table.c.name_key, table.c.id).where(where)):
                out[key] = ident
        return out

    def _insert_children(self, session: Session, stored: list[tuple[int, Prepared]]) -> None:
        if not stored:
            return
        people = self._name_ids(
            session, PEOPLE,
            (n for _, item in stored for n in (*item.article.authors, *item.article.editors)),
        )
        tags = self._name_ids(session, TAGS, (t for _, item in stored for t in item.article.tags))
        credit_rows: list[tuple[Any, ...]] = []
        tag_rows: list[tuple[Any, ...]] = []
        for article_id, item in stored:
            article = item.article
            for role, names in (("author", article.authors), ("editor", article.editors)):
                for position, name in enumerate(names):
                    credit_rows.append((article_id, role, position, people[name]))
            seen_tags: set[int] = set()
            for tag in article.tags:
                tag_id = tags[tag]
                if tag_id not in seen_tags:
                    tag_rows.append((article_id, len(seen_tags), tag_id))
                    seen_tags.add(tag_id)
        bulk_insert(session, ARTICLE_PEOPLE, ("article_id", "role", "position", "person_id"),
                    credit_rows)
        bulk_insert(session, ARTICLE_TAGS, ("article_id", "position", "tag_id"), tag_rows)
        self._insert_quotes(session, stored)

    def _insert_quotes(self, session: Session, stored: list[tuple[int, Prepared]]) -> None:
        quote_rows = [
            (
                article_id, position, quote.text,
                quote.speaker[:255] if quote.speaker else None,
                quote.speaker_title,
                quote.verb[:64] if quote.verb else None,
                quote.kind if quote.kind in ("direct", "indirect") else "direct",
                int(quote.paragraph),
            )
            for article_id, item in stored
            for position, quote in enumerate(item.article.quotes)
        ]
        bulk_insert(session, QUOTES, QUOTE_COLUMNS, quote_rows)

    # --- removing articles ---------------------------------------------------------------

    def delete(self, urls: Iterable[str], *, dry_run: bool = False) -> DeleteReport:
        """Remove stored articles (any spelling of their URL) in one transaction.

        Each goes with its quotes, credits, tag links, revisions, LSH bands and full-text entry.
        Its duplicates stay and are decided again among themselves, as if the removed original
        had never been stored: in the order they were stored, each becomes a duplicate of the
        most similar one promoted before it when the similarity reaches the threshold, else an
        original (with the signature and bands of its stored body). `dry_run` reports the same
        and rolls everything back.
        """
        given: dict[str, str | None] = {}  # URL as given -> its canonical form
        for url in urls:
            try:
                given[url] = canonicalize_url(url.strip())
            except ValueError:  # no canonical form: nothing can be stored under it
                given[url] = None
        keys = list(dict.fromkeys(key for key in given.values() if key is not None))
        cols = ARTICLES.c
        session = self._factory()
        try:
            found: dict[str, tuple[int, bytes | None]] = {}
            for where in self._in(cols.canonical_url, keys):
                for article_id, url, packed in session.execute(
                    select(cols.id, cols.canonical_url, cols.minhash).where(where)
                ):
                    found[url] = (article_id, packed)
            doomed = {article_id for article_id, _ in found.values()}
            results: list[DeleteResult] = []
            for url in keys:
                if url not in found:
                    continue
                article_id, packed = found[url]
                promoted, repointed = self._rehome_duplicates(session, article_id, doomed)
                if packed:
                    _delete_bands(session, article_id, packed)
                results.append(DeleteResult(url, article_id, promoted, repointed))
            doomed_ids = sorted(doomed)
            credited = self._linked(session, ARTICLE_PEOPLE.c.person_id, doomed_ids)
            tagged = self._linked(session, ARTICLE_TAGS.c.tag_id, doomed_ids)
            for where in self._in(cols.id, doomed_ids):
                session.execute(delete(ARTICLES).where(where))
            people = self._delete_unlinked(session, PEOPLE, ARTICLE_PEOPLE.c.person_id, credited)
            tags = self._delete_unlinked(session, TAGS, ARTICLE_TAGS.c.tag_id, tagged)
            if dry_run:
                session.rollback()
            else:
                session.commit()
            return DeleteReport(
                results, [url for url, key in given.items() if key not in found], people, tags
            )
        finally:
            session.close()

    def _linked(
        self, session: Session, link: ColumnElement[int], article_ids: list[int]
    ) -> list[int]:
        """The people (or tags) that the given articles' credits (or tag links) name."""
        table = link.table
        found: set[int] = set()
        for where in self._in(table.c.article_id, article_ids):
            found.update(session.scalars(select(link).where(where).distinct()))
        return sorted(found)

    def _delete_unlinked(
        self, session: Session, table: Table, link: ColumnElement[int], ids: list[int]
    ) -> int:
        """Delete those of `ids` from people (or tags) that no credit (tag link) names any
        more; returns how many. The link's index on the person (tag) makes each check a seek."""
        removed = 0
        named = select(link).where(link == table.c.id).exists()
        for where in self._in(table.c.id, ids):
            result = session.execute(delete(table).where(where, ~named))
            removed += result.rowcount  # type: ignore[attr-defined]
        return removed

    def _rehome_duplicates(
        self, session: Session, original_id: int, doomed: set[int]
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Decide the duplicates of an original about to go (see `delete`)."""
        cols = ARTICLES.c
        heirs: list[tuple[int, str, tuple[int, ...]]] = []  # id, fingerprint, signature
        promoted: list[int] = []
        repointed: list[int] = []
        for dup_id, body, fingerprint in session.execute(
            select(cols.id, cols.body, cols.fingerprint)
            .where(cols.duplicate_of == original_id)
            .order_by(cols.id)
        ).all():
            if dup_id in doomed:
                continue
            # The text the signature was made of: the stored body is the normalized paragraphs
            # joined by a blank line.
            packed = minhash_packed(
                body_bytes(body.split(PARAGRAPH_SEPARATOR), normalized=True)
            )
            signature = unpack_signature(packed)
            best: tuple[float, int, str] | None = None  # score, heir id, kind
            for heir_id, heir_fingerprint, heir_signature in heirs:
                exact = heir_fingerprint == fingerprint
                score = 1.0 if exact else similarity(signature, heir_signature)
                if best is None or score > best[0]:
                    best = (score, heir_id, "exact" if exact else "near")
            if best is not None and best[0] >= self.near_duplicate_threshold:
                score, heir_id, kind = best
                values: dict[str, Any] = {
                    "duplicate_of": heir_id, "duplicate_kind": kind,
                    "duplicate_similarity": score,
                }
                repointed.append(dup_id)
            else:
                values = {
                    "duplicate_of": None, "duplicate_kind": None,
                    "duplicate_similarity": None, "minhash": packed,
                }
                _insert_bands(session, dup_id, band_hashes(packed))
                heirs.append((dup_id, fingerprint, signature))
                promoted.append(dup_id)
            session.execute(update(ARTICLES).where(cols.id == dup_id).values(**values))
        return tuple(promoted), tuple(repointed)

    # --- revisions -------------------------------------------------------------------------

    def _revise(
        self, session: Session, row: dict[str, Any], item: Prepared, now: dt.datetime
    ) -> None:
        """Keep the stored version as a revision, then overwrite the article with `item`."""
        article_id = row["id"]
        snapshot = load_records(session, [article_id])[article_id]
        session.add(
            ArticleRevision(
                article_id=article_id,
                revision=row["revision"],
                fetched_at=row["last_fetched_at"],
                replaced_at=now,
                fingerprint=row["fingerprint"],
                version_hash=row["version_hash"],
                snapshot=snapshot,
            )
        )
        session.flush()
        for table in (ARTICLE_PEOPLE, ARTICLE_TAGS, QUOTES):
            session.execute(delete(table).where(table.c.article_id == article_id))
        # Only originals carry a signature and bands.
        old_signature = session.scalar(
            select(ARTICLES.c.minhash).where(ARTICLES.c.id == article_id)
        )
        if old_signature:
            _delete_bands(session, article_id, old_signature)
        values = dict(item.values)
        lastmod = _latest(row["lastmod"], values["lastmod"])
        if lastmod != values["lastmod"]:
            values["lastmod"], values["lastmod_raw"] = row["lastmod"], row["lastmod_raw"]
        is_original = row["duplicate_of"] is None
        values.update(
            fingerprint=item.fingerprint,
            version_hash=item.version,
            quotes_hash=item.quotes,
            minhash=item.packed if is_original else None,
            last_seen_at=max(item.seen_at, row["last_seen_at"]),
            last_fetched_at=item.fetched_at or row["last_fetched_at"],
            revision=row["revision"] + 1,
        )
        session.execute(update(ARTICLES).where(ARTICLES.c.id == article_id).values(**values))
        self._insert_children(session, [(article_id, item)])
        if is_original:
            _insert_bands(session, article_id, item.bands)


def _insert_bands(session: Session, article_id: int, bands: list[int]) -> None:
    """The LSH band rows of one original (rows already there are kept: see `insert_bands`)."""
    insert_bands(session, [(b, article_id) for b in bands])


def insert_bands(session: Session, rows: list[tuple[int, int]]) -> None:
    """Insert (band_hash, article_id) rows, skipping those that exist: without a foreign key
    (ArticleBand), rows of an article deleted by hand stay, and SQLite gives its id to the
    next article inserted when it was the highest.

    The rows are sorted first (in place), so the inserts walk the table's B-tree in key order:
    the keys are hashes, and a batch's 16,000 rows in arrival order land on its leaf pages at
    random, each page fetched again and again while other tables' pages push it out of the
    cache. Sorted, each leaf is visited in one run. A 10k-article batched pass into SQLite ran
    5.6% faster (median of 10 alternating A/B pairs, each pass in a fresh process); the sort
    costs ~5 ms a batch."""
    rows.sort()
    bulk_insert(session, BANDS, ("band_hash", "article_id"), rows, skip_existing=True)


def _delete_bands(session: Session, article_id: int, signature: bytes) -> None:
    """Remove one original's LSH band rows, found by primary key from the signature they were
    made of: article_bands has no index on article_id (see ArticleBand)."""
    session.execute(
        delete(BANDS).where(
            BANDS.c.band_hash.in_(band_hashes(signature)), BANDS.c.article_id == article_id
        )
    )


# PostgreSQL's statements, by (dialect, table, columns, skip_existing).
_INSERTS: dict[tuple[str, str, tuple[str, ...], bool], str] = {}
# SQLite's full-size multi-row statements, by the same key and their number of rows.
_SQLITE_INSERTS: dict[tuple[str, str, tuple[str, ...], bool, int], str] = {}
# Child rows per SQLite INSERT statement. A multi-row VALUES statement is stepped once for all
# its rows: an executemany steps, resets and rebinds the statement row by row, which cost more
# than the B-tree inserts of the small child rows (25 a typical article, 16 of them LSH bands).
SQLITE_ROWS_PER_INSERT = 500


def bulk_insert(
    session: Session,
    table: Table,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    *,
    skip_existing: bool = False,
) -> None:
    """Insert plain rows (ints and text, no type processing) in as few round trips as possible;
    with `skip_existing`, a row whose key is taken already is skipped (ON CONFLICT DO NOTHING).

    Straight to the driver: SQLAlchemy's per-row parameter processing costs more than the
    insert itself for the small child rows (quotes, credits, tags, LSH bands).
    SQLite: multi-row `INSERT ... VALUES (...), (...)` statements of SQLITE_ROWS_PER_INSERT
    rows (the full-size one is the same text every time, so the driver's statement cache keeps
    it prepared). PostgreSQL: one statement whatever the number of rows, each column bound as
    one array and unnested on the server. An executemany runs one INSERT per row there (16,000
    band rows a batch of 1000 articles), and SQLAlchemy's multi-row VALUES binds every value
    on its own.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name not in ("postgresql", "sqlite"):
        raise RuntimeError(f"unsupported database backend {dialect.name!r}")
    key = (dialect.name, table.name, columns, skip_existing)
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
    tail = " ON CONFLICT DO NOTHING" if skip_existing else ""
    if dialect.name == "postgresql":
        sql = _INSERTS.get(key)
        if sql is None:
            arrays = ", ".join(
                f"%s::{table.c[name].type.compile(dialect=dialect)}[]" for name in columns
            )
            sql = _INSERTS[key] = f"{head}SELECT * FROM unnest({arrays}){tail}"
        connection.exec_driver_sql(sql, tuple(list(column) for column in zip(*rows, strict=True)))
        return
    row = "(" + ", ".join("?" * len(columns)) + ")"
    per_statement = max(1, min(SQLITE_ROWS_PER_INSERT, SQLITE_MAX_PARAMETERS // len(columns)))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        full = len(chunk) == per_statement  # the last, shorter chunk varies: its text not kept
        sql = _SQLITE_INSERTS.get((*key, per_statement)) if full else None
        if sql is None:
            sql = f"{head}VALUES {', '.join([row] * len(chunk))}{tail}"
            if full:
                _SQLITE_INSERTS[(*key, per_statement)] = sql
        if set(map(len, chunk)) != {len(columns)}:  # flattened below: a short row would shift
            raise ValueError(f"{table.name} rows must have {len(columns)} values each")
        connection.exec_driver_sql(sql, tuple(chain.from_iterable(chunk)))


SQLITE_BAND_CANDIDATES = (
    "SELECT band_hash, article_id FROM article_bands "
    "WHERE band_hash IN (SELECT value FROM json_each(?))"
)
# SQLite's default limit on parameters in one statement is 32766.
SQLITE_MAX_PARAMETERS = 32766
_ARTICLE_PLANS: dict[
    tuple[str, ...], tuple[itemgetter[Any], list[tuple[int, Any]], dict[int, str]]
] = {}
# Insert plans (by the columns a statement names) and their statement texts (by row count)
# kept at most: a crawl's time-flushed batches come in every size, and a text runs to ~100 KB.
PLANS_KEPT = 16


def _sqlite_insert_articles(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """`INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING RETURNING` straight to the driver.

    The same statement SQLAlchemy's "insertmanyvalues" sends, without its per-row parameter
    bookkeeping, which cost more than SQLite's own work for a 40-column row. Values go through
    the columns' own bind processors (UTC datetimes, dates, JSON), so the stored text is the same.
    A column that is NULL in every row of a statement is left out of it (no column has a
    server default, so it is NULL all the same): the driver binds a None ~4x slower than an
    int or a string (it looks for an adapter first), and a crawl's rows have a dozen NULL
    columns (no subheadline, no modification time, no duplicate, ...).
    """
    connection = session.connection()
    dialect = connection.dialect
    columns = tuple(rows[0])
    per_statement = max(1, SQLITE_MAX_PARAMETERS // len(columns))
    out: dict[str, int] = {}
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        if any(len(row) != len(columns) for row in chunk):
            raise ValueError("article rows of one batch must have the same columns")
        # Only the columns NULL in the first row can be NULL in all of them.
        first = chunk[0]
        kept = tuple(
            name
            for name in columns
            if first[name] is not None
            or list(map(itemgetter(name), chunk)).count(None) != len(chunk)
        )
        plan = _ARTICLE_PLANS.get(kept)
        if plan is None:
            if len(_ARTICLE_PLANS) >= PLANS_KEPT:  # bounded: NULL patterns and sizes vary
                _ARTICLE_PLANS.clear()
            processors = [_sqlite_bind_processor(ARTICLES.c[name].type, dialect) for name in kept]
            # Only the columns with a processor are visited one by one (a third of them).
            processed = [(i, proc) for i, proc in enumerate(processors) if proc is not None]
            plan = _ARTICLE_PLANS[kept] = (itemgetter(*kept), processed, {})
        getter, processed, statements = plan
        sql = statements.get(len(chunk))
        if sql is None:
            if len(statements) >= PLANS_KEPT:
                statements.clear()
            quote = dialect.identifier_preparer.quote
            one = "(" + ", ".join("?" * len(kept)) + ")"
            sql = statements[len(chunk)] = (
                f"INSERT INTO articles ({', '.join(quote(c) for c in kept)}) VALUES "
                + ", ".join([one] * len(chunk))
                + " ON CONFLICT (canonical_url) DO NOTHING RETURNING id, canonical_url"
            )
        params: list[Any] = []
        for row in chunk:
            values = list(getter(row))
            for i, process in processed:
                value = values[i]
                if value is not None:
                    values[i] = process(value)
            params.extend(values)
        # All rows in one driver call: iterating the result fetches them one by one.
        for article_id, url in connection.exec_driver_sql(sql, tuple(params)).all():
            out[url] = article_id
    return out


UTC_TEXT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"


def _sqlite_bind_processor(column_type: Any, dialect: Any) -> Any:
    """The column type's SQLite bind processor, with a shortcut for the instants and dates.

    SQLAlchemy formats each SQLite DATETIME/DATE field by field in Python (~4 us a value, five
    or more per article); `isoformat` writes the same text in C. Anything but the plain
    aware datetime or date goes the column type's own way (naive datetimes are refused there).
    """
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None
    if isinstance(column_type, UTCDateTime):

        def utc_text(value: Any) -> Any:
            if type(value) is dt.datetime:
                if value.tzinfo is UTC:  # the usual value (records.py makes UTC instants)
                    # What isoformat(" ", "microseconds") writes, without "+00:00": isoformat
                    # formats through C sprintf and the offset (~16k instructions, 2.3 us),
                    # %-formatting takes half the time.
                    return UTC_TEXT % (
                        value.year, value.month, value.day,
                        value.hour, value.minute, value.second, value.microsecond,
                    )
                if value.utcoffset() is not None:
                    return value.astimezone(UTC).replace(tzinfo=None).isoformat(
                        " ", "microseconds"
                    )
            return process(value)

        return utc_text
    if isinstance(column_type, Date):

        def date_text(value: Any) -> Any:
            return value.isoformat() if type(value) is dt.date else process(value)

        return date_text
    return process


def _latest(a: dt.datetime | None, b: dt.datetime | None) -> dt.datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def stored_when(row: ArticleRow) -> dt.datetime | dt.date | None:
    """An article row's published time as the record had it (original offset or a date)."""
    return When(row.published_at, row.published_offset, row.published_on).value()
