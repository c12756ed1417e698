"""The vectorized MinHash: what it hashes, that it is stable, and the migration to it."""

from __future__ import annotations

import random
import subprocess
import sys
import zlib

import pytest
from sqlalchemy import create_engine, text

from pipelines.db.engine import dispose_all, upgrade
from pipelines.db.store import ArticleStore
from pipelines.dedupe import (
    EMPTY_BIN,
    GROUP_BYTES,
    NUM_BINS,
    SIGNATURE_SCHEME,
    band_hashes,
    body_bytes,
    body_words,
    content_fingerprint,
    lower_utf8,
    minhash,
    minhash_body,
    minhash_packed,
    minhash_packed_many,
    normalize_article,
    pack_signature,
    shingle_hashes,
    shingles,
)
from tests.factories import TPPO_PARAGRAPHS, synthetic_article, tppo_article

MASK = (1 << 64) - 1
BASE = 0x100000001B3


def reference_hash(shingle: bytes) -> int:
    """The shingle hash written out one byte at a time (what numpy computes at once)."""
    h = 0
    for j, byte in enumerate(shingle):
        h = (h + byte * pow(BASE, j, 1 << 64)) & MASK
    h = (h + len(shingle) + 0x9E3779B97F4A7C15) & MASK
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & MASK
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & MASK
    return h ^ (h >> 31)


@pytest.mark.parametrize(
    "body",
    [b"", b"banjir", b"banjir bandang", b"banjir bandang agam", " ".join(TPPO_PARAGRAPHS).encode()],
)
def test_shingle_hashes_match_the_byte_by_byte_definition(body: bytes) -> None:
    body = b" ".join(body.lower().split())
    assert shingle_hashes(body).tolist() == [reference_hash(s) for s in shingles(body.split())]


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        [""],
        ["  Banjir\tmerendam  TIGA nagari. ", "Warga\nmengungsi."],
        ["“Kami siap,” ujar Sukardi.", "Café di Pontianak"],
        list(TPPO_PARAGRAPHS),
    ],
)
def test_body_bytes_is_the_words_joined(paragraphs: list[str]) -> None:
    assert body_bytes(paragraphs) == b" ".join(body_words(paragraphs))
    assert minhash_body(body_bytes(paragraphs)) == minhash(body_words(paragraphs))
    # After normalization the scan for other whitespace can be skipped: same text.
    normalized = normalize_article(tppo_article(paragraphs=paragraphs)).paragraphs
    assert body_bytes(normalized, normalized=True) == b" ".join(body_words(paragraphs))


def test_fingerprint_is_unchanged_sha256_of_the_words() -> None:
    import hashlib

    words = body_words(TPPO_PARAGRAPHS)
    assert content_fingerprint(TPPO_PARAGRAPHS) == hashlib.sha256(b" ".join(words)).hexdigest()


def test_signature_is_the_same_in_another_process() -> None:
    """No PYTHONHASHSEED or other per-process state in the hash (signatures are stored)."""
    code = (
        "from pipelines.dedupe import minhash_body, body_bytes;"
        "from tests.factories import TPPO_PARAGRAPHS;"
        "print(minhash_body(body_bytes(TPPO_PARAGRAPHS)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONHASHSEED": "12345", "PYTHONPATH": "."},
    ).stdout.strip()
    assert out == str(minhash_body(body_bytes(TPPO_PARAGRAPHS)))


def test_signature_shape_and_long_bodies() -> None:
    signature = minhash_body(body_bytes(TPPO_PARAGRAPHS))
    assert len(signature) == NUM_BINS
    assert all(0 <= v < 2**32 or v == EMPTY_BIN for v in signature)
    # A body longer than the precomputed powers (64 KiB) grows them and still agrees.
    long_body = b" ".join([body_bytes(TPPO_PARAGRAPHS)] * 60)
    assert len(long_body) > 1 << 16
    tail = long_body[-200:].split(b" ", 1)[1]
    assert shingle_hashes(long_body)[-1] == shingle_hashes(tail)[-1]


def reference_signature(body: bytes) -> bytes:
    """`minhash_packed` written out from `reference_hash`, one shingle at a time."""
    bins = [EMPTY_BIN] * NUM_BINS
    for shingle in shingles(body.split(b" ")) if body else ():
        h = reference_hash(shingle)
        bins[(h & 0xFFFFFFFF) % NUM_BINS] = min(bins[(h & 0xFFFFFFFF) % NUM_BINS], h >> 32)
    return pack_signature(bins)


def test_signatures_of_a_batch_are_each_body_alone() -> None:
    """Bodies hashed together (joined by spaces) get the signatures they get one by one: no
    shingle spans two bodies, and empty, one- and two-word bodies, stray spaces and bodies
    longer than a group (which then form groups of one) all come out as alone."""
    rng = random.Random(7)
    words = [b"banjir", b"di", b"agam", b"\xe2\x80\x9ckami", b"x", b""]
    bodies: list[bytes] = []
    for _ in range(400):
        body = b" ".join(rng.choice(words) for _ in range(rng.choice([0, 1, 2, 3, 4, 9, 60])))
        bodies.append(rng.choice([b"", b" "]) + body + rng.choice([b"", b" "]))
    bodies += [body_bytes(synthetic_article(i).paragraphs) for i in range(120)]
    bodies.append(b" ".join(bodies[-120:]))  # one body bigger than a group
    assert len(bodies[-1]) > GROUP_BYTES
    rng.shuffle(bodies)
    signatures = minhash_packed_many(bodies)
    assert signatures == [minhash_packed(body) for body in bodies]
    assert minhash_packed_many([]) == []
    # And against the definition, for bodies short enough to hash byte by byte.
    for body in bodies[:150]:
        if len(body) < 2000:
            assert minhash_packed(body) == reference_signature(body), body


def test_synthetic_corpus_has_few_spurious_band_matches() -> None:
    """Distinct synthetic stories rarely share an LSH band (candidate lookups stay cheap)."""
    bands = [set(band_hashes(minhash(body_words(synthetic_article(i).paragraphs))))
             for i in range(60)]
    shared = sum(1 for i in range(60) for j in range(i) if bands[i] & bands[j])
    assert shared <= 5


def test_migration_rebuilds_old_signatures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database from before 0002 holds CRC-32 signatures; the upgrade replaces them."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0001")
    body = "\n\n".join(TPPO_PARAGRAPHS)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, canonical_url, url, body, related_urls, warnings, "
                "sources, fingerprint, version_hash, minhash, first_seen_at, last_seen_at, "
                "revision) VALUES (1, 'u', 'u', :body, '[]', '[]', '{}', 'f', 'v', :old, "
                "'2025-12-01 00:00:00', '2025-12-01 00:00:00', 1), "
                "(2, 'd', 'd', :body, '[]', '[]', '{}', 'f', 'v', NULL, "
                "'2025-12-01 00:00:00', '2025-12-01 00:00:00', 1)"
            ),
            {"body": body, "old": b"\x00" * (8 * NUM_BINS)},
        )
        conn.execute(text("INSERT INTO article_bands VALUES (42, 1)"))
    engine.dispose()
    dispose_all()
    upgrade(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT id, minhash FROM articles")).all())
        bands = {b for (b,) in conn.execute(text("SELECT band_hash FROM article_bands"))}
        owners = {a for (a,) in conn.execute(text("SELECT article_id FROM article_bands"))}
        scheme = conn.execute(
            text("SELECT value FROM store_meta WHERE key = 'minhash_scheme'")
        ).scalar()
    engine.dispose()
    signature = minhash_body(body_bytes(TPPO_PARAGRAPHS))
    assert stored == {1: pack_signature(signature), 2: None}  # duplicates carry none
    assert bands == set(band_hashes(signature)) and owners == {1}
    assert scheme == SIGNATURE_SCHEME
    # And a lightly edited copy stored afterwards is matched against the rebuilt signature.
    with ArticleStore.open(url) as store:
        copy = tppo_article(
            url="https://spektroom.co.id/salinan/",
            canonical_url=None,
            paragraphs=[*TPPO_PARAGRAPHS[:-1], TPPO_PARAGRAPHS[-1].replace("bersama", "semua")],
        )
        (result,) = store.save([copy])
    assert result.status == "duplicate_near" and result.duplicate_of == 1
    dispose_all()


def test_sqlite_driver_insert_stores_what_sqlalchemy_would(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The direct article insert on SQLite writes the same column text as SQLAlchemy's."""
    import sqlite3

    from sqlalchemy import insert, select

    from pipelines.db import store as store_module
    from pipelines.db.records import article_values
    from pipelines.dedupe import normalize_article

    url = f"sqlite:///{tmp_path / 'a.db'}"
    article = normalize_article(tppo_article())
    with ArticleStore.open(url) as store:
        (result,) = store.save([article])
        values = article_values(article)
        with store.sessionmaker.begin() as session:
            table = store_module.ARTICLES
            row = session.execute(
                select(table).where(table.c.id == result.article_id)
            ).mappings().one()
            again = {k: v for k, v in dict(row).items() if k != "id"}
            again.update(values)
            again["canonical_url"] = "https://spektroom.co.id/salinan-sqlalchemy/"
            session.execute(insert(store_module.ARTICLES), [again])
            again["canonical_url"] = "https://spektroom.co.id/salinan-driver/"
            ids = store_module._sqlite_insert_articles(session, [again, dict(again)])
    assert list(ids) == ["https://spektroom.co.id/salinan-driver/"]  # the repeat is skipped
    dispose_all()
    raw = sqlite3.connect(tmp_path / "a.db")
    raw.row_factory = sqlite3.Row
    rows = {r["canonical_url"]: dict(r) for r in raw.execute("SELECT * FROM articles")}
    raw.close()
    first = rows[article.canonical_url or ""]
    via_sqlalchemy = rows["https://spektroom.co.id/salinan-sqlalchemy/"]
    via_driver = rows["https://spektroom.co.id/salinan-driver/"]
    for name in first:
        if name in ("id", "canonical_url"):
            continue
        assert via_driver[name] == via_sqlalchemy[name] == first[name], name
    assert first["published_at"] == "2025-11-29 12:45:00.000000"  # UTC text, offset kept apart
    assert first["published_offset"] == 420 and first["event_date"] == "2025-11-26"


def test_sqlite_connections_keep_full_sync_and_get_a_bigger_page_cache(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Speed settings on SQLite connections never trade away durability (synchronous=FULL)."""
    from pipelines.db.engine import get_engine

    engine = get_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -16384
    dispose_all()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Kapuas Hulu TPPO",
        "LANDAK, Spektroom \u2013 \u201cKami siap,\u201d kata Bupati \u2018Ahmad\u2019 \u2026",
        "\u00c9COLE \u00e9cole",  # a Latin capital with a lower case
        "D\u0130YARBAKIR",  # dotted capital I: lower() gives two characters
        "\u039f\u0394\u039f\u03a3 \u03a3",  # final sigma depends on its neighbours
        "STRA\u1e9eE stra\u00dfe",  # capital sharp s
        "\u041c\u041e\u0421\u041a\u0412\u0410 \u2014 \u6771\u4eac \U0001f600 \u00a0x",
    ],
)
def test_lower_utf8_is_lower_then_encode(text: str) -> None:
    assert lower_utf8(text) == text.lower().encode()


def test_lower_utf8_on_every_code_point() -> None:
    """Each code point (surrogates aside) after ASCII capitals: both paths, every case rule."""
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        text = "Ab " + chr(code)
        assert lower_utf8(text) == text.lower().encode(), hex(code)


def test_packed_signature_and_band_keys_are_the_stored_ones() -> None:
    """Signatures and band keys are stored: their values may never drift (else every stored
    article stops matching its copies). Golden values of the TPPO body."""
    import hashlib

    signature = minhash_body(body_bytes(TPPO_PARAGRAPHS))
    packed = minhash_packed(body_bytes(TPPO_PARAGRAPHS))
    assert packed == pack_signature(signature)
    assert hashlib.sha256(packed).hexdigest()[:16] == "7922a9944c3a4a68"
    bands = band_hashes(packed)
    assert bands == band_hashes(signature) == band_hashes(memoryview(packed))
    assert bands[:3] == [63139716436124707, 77490487173900531, 182444144832947038]
    assert hashlib.sha256(repr(bands).encode()).hexdigest()[:16] == "64ea5b54ff8329c7"
    assert len(set(bands)) == len(bands) == 16  # every band has a shingle


def reference_bands(signature: list[int]) -> list[int]:
    """The LSH band keys as stored since migration 0003, written out: per band of six values,
    the band number in the top byte, its CRC-32 and its CRC-32 from seed 0x5BD1E995 below."""
    out = []
    for band in range(NUM_BINS // 6):
        values = signature[band * 6 : (band + 1) * 6]
        if all(v == EMPTY_BIN for v in values):
            continue
        chunk = b"".join(v.to_bytes(8, "little") for v in values)
        crc, seeded = zlib.crc32(chunk), zlib.crc32(chunk, 0x5BD1E995)
        out.append(band << 56 | crc << 24 | seeded & 0xFFFFFF)
    return out


def test_band_keys_are_the_stored_ones() -> None:
    """Stored bands are found again only if the keys never change: random signatures, some
    bands empty, packed and unpacked."""
    rng = random.Random(5)
    for case in range(300):
        signature = [rng.getrandbits(32) for _ in range(NUM_BINS)]
        for band in rng.sample(range(NUM_BINS // 6), case % 5):
            signature[band * 6 : (band + 1) * 6] = [EMPTY_BIN] * 6
        expected = reference_bands(signature)
        assert band_hashes(signature) == expected
        assert band_hashes(pack_signature(signature)) == expected
        assert band_hashes(memoryview(pack_signature(signature))) == expected
