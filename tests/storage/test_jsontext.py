"""pipelines.jsontext writes exactly what json.dumps writes: stored JSON and the version and
quotes hashes (computed over this text) must not change with the encoder."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import text

from pipelines import jsontext
from pipelines.db.engine import get_engine
from pipelines.db.store import ArticleStore
from pipelines.dedupe import quotes_hash, version_hash
from tests.factories import synthetic_article, tppo_article

VALUES: list[Any] = [
    None, True, False, 0, -1, 2**70, 1.5, -0.0, 1e300, float("nan"), float("inf"),
    float("-inf"), "", "plain", "Kata “Sukardi” – Jum’at", "quote \" back\\slash / tab\t nl\n",
    "\x00\x1f\x7f", "\ud800 lone surrogate", "emoji 😀", [], {}, [[], {}],
    {"b": 1, "a": [1, "dua", None], "": {"nested": [1.25, {"x": "ÿ"}]}},
    {1: "int key", 2.5: "float key", False: "bool key", None: "null key"},
    ("a", "tuple"),
]  # fmt: skip


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert jsontext.dumps(value) == json.dumps(value)
    assert jsontext.dumps_unicode(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("value", [dt.date(2025, 11, 26), {"when": dt.datetime(2025, 1, 1)},
                                   {("tuple", "key"): 1}, b"bytes", {1, 2}])
def test_refuses_what_json_dumps_refuses(value: Any) -> None:
    with pytest.raises(TypeError) as expected:
        json.dumps(value)
    with pytest.raises(TypeError) as got:
        jsontext.dumps(value)
    assert str(got.value) == str(expected.value)
    with pytest.raises(TypeError):
        jsontext.dumps_unicode(value)


def test_a_failed_value_leaves_the_encoder_usable() -> None:
    with pytest.raises(TypeError):
        jsontext.dumps([1, [2, {"x": object()}]])
    assert jsontext.dumps([1, [2, {"x": 3}]]) == "[1, [2, {\"x\": 3}]]"


def test_hashes_stay_those_stored_by_earlier_releases() -> None:
    """Pinned (computed with json.dumps before pipelines.jsontext existed): a different hash
    would make every stored story look changed on its next crawl."""
    assert [version_hash(tppo_article()), quotes_hash(tppo_article())] == [
        "1582d07110b92707a759203ccaad33bb2f99a367e6fdac03b121d2588c2c5479",
        "6a12b31419eca143b97d55e85023f51ededbcd014f849be826f49ff8a751ff0f",
    ]
    assert [version_hash(synthetic_article(7)), quotes_hash(synthetic_article(7))] == [
        "71631c56ec91ab73d04e7146a27e6841e3ecd9d9cc2f4aeb2fe1d1df7d2c79b0",
        "53ee9d39b8370c78b583705655e55f6b68ef503390c6e5a3a775af5a00815ebd",
    ]


def test_stored_json_columns_hold_json_dumps_text(db_url: str) -> None:
    article = synthetic_article(7)
    article.related_urls = ["https://spektroom.co.id/a/", "https://spektroom.co.id/b/"]
    article.warnings = ["no byline found"]
    with ArticleStore.open(db_url) as store:
        (saved,) = store.save([article], now=dt.datetime(2025, 12, 1, tzinfo=dt.UTC))
    column = "CAST({} AS TEXT)" if db_url.startswith("postgresql") else "{}"
    with get_engine(db_url).connect() as conn:
        row = conn.execute(
            text(
                f"SELECT {column.format('related_urls')}, {column.format('warnings')} "
                "FROM articles WHERE id = :id"
            ),
            {"id": saved.article_id},
        ).one()
    if db_url.startswith("sqlite"):  # PostgreSQL's jsonb keeps its own normal form
        assert tuple(row) == (json.dumps(article.related_urls), json.dumps(article.warnings))
    else:
        assert [json.loads(v) for v in row] == [article.related_urls, article.warnings]
