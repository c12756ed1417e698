"""The article record contract: keys, order, round trip, date formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from spektroom_crawler.record import RECORD_KEYS, Article, Dateline, Quote, format_when


def _article() -> Article:
    return Article(
        url="https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/",
        headline="Penghargaan untuk Kapuas Hulu",
        dateline=Dateline(place=None, outlet="Spektroom", text="Spektroom –"),
        quotes=[
            Quote(
                text="Kami akan terus bekerja sama",
                speaker="Sukardi",
                speaker_title="wakil bupati kapuas",
                verb="ujar",
                kind="direct",
                paragraph=4,
            )
        ],
        paragraphs=["Spektroom – Komitmen Kapuas Hulu ..."],
        sources={"headline": "jsonld"},
        fetched_url="http://127.0.0.1:8000/2025/11/26/penghargaan-untuk-kapuas-hulu/",
    )


def test_to_dict_has_exactly_the_record_keys_in_order() -> None:
    data = _article().to_dict()
    assert tuple(data) == RECORD_KEYS
    assert data["dateline"] == {"place": None, "outlet": "Spektroom", "text": "Spektroom –"}
    assert data["quotes"][0]["speaker"] == "Sukardi"


def test_debug_and_crawl_metadata_only_on_request() -> None:
    article = _article()
    assert "sources" not in article.to_dict()
    assert article.to_dict(sources=True)["sources"] == {"headline": "jsonld"}
    assert article.to_dict(crawl=True)["fetched_url"].startswith("http://127.0.0.1")


def test_round_trip_through_dict() -> None:
    article = _article()
    again = Article.from_dict(article.to_dict(crawl=True))
    assert again.to_dict(crawl=True) == article.to_dict(crawl=True)
    assert isinstance(again.dateline, Dateline)
    assert isinstance(again.quotes[0], Quote)


def test_from_dict_ignores_unknown_keys() -> None:
    article = Article.from_dict({"url": "https://spektroom.co.id/x/", "revision": 3})
    assert article.url == "https://spektroom.co.id/x/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (dt.date(2025, 11, 26), "2025-11-26"),
        (
            dt.datetime(2025, 11, 29, 19, 45, tzinfo=dt.timezone(dt.timedelta(hours=7))),
            "2025-11-29T19:45:00+07:00",
        ),
        (dt.datetime(2025, 11, 29, 12, 45, tzinfo=dt.UTC), "2025-11-29T12:45:00+00:00"),
    ],
)
def test_format_when(value: dt.date | None, expected: str | None) -> None:
    assert format_when(value) == expected


def test_format_when_rejects_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        format_when(dt.datetime(2025, 11, 29, 19, 45))
