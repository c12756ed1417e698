"""JSON-LD/meta collection, template family, related links, page kind, date sources."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

import pytest

from spektroom_crawler.extract.document import parse_html
from spektroom_crawler.extract.pagekind import (
    ERROR_TEXT_RE,
    LISTING_PATH_RE,
    is_error_page,
    is_listing_page,
)
from spektroom_crawler.extract.related import RELATED_HEADING_RE, extract_related
from spektroom_crawler.extract.sources import (
    Page,
    _flatten,
    _load_json,
    build_page,
    ld_text,
    split_url,
)
from spektroom_crawler.extract.timestamps import (
    VISIBLE_DATE_RE,
    _check,
    extract_modified,
    extract_published,
    texts_after,
)

URL = "https://spektroom.co.id/2025/11/26/contoh/"
NOW = dt.datetime(2026, 11, 28, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def page_of(html: str, url: str = URL) -> Page:
    root = parse_html(html)
    assert root is not None
    return build_page(root, url)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"@type": "Article"}', {"@type": "Article"}),
        ("<!-- {\"@type\": \"Article\"} -->", {"@type": "Article"}),
        ('{"@type": "Article"};', {"@type": "Article"}),
        ("{broken", None),
        ("", None),
        # Decoded as they are: ld_text and Page.absolute clean what reaches the record.
        ('{"headline": "Banjir \\ud83d"}', {"headline": "Banjir \ud83d"}),
        ('{"headline": "Banjir \\ud83d\\ude00"}', {"headline": "Banjir \U0001f600"}),
        ('{"a": ["x\\u0000y", "b\x07"]}', {"a": ["x\x00y", "b\x07"]}),
    ],
)
def test_load_json(raw: str, expected: Any) -> None:
    assert _load_json(raw) == expected


def test_flatten_graphs_and_lists() -> None:
    data = [{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle"}]}, {"@type": "Person"}, 5]
    assert [n["@type"] for n in _flatten(data)] == ["WebPage", "NewsArticle", "Person"]
    assert list(_flatten(None)) == []
    assert list(_flatten({"no": "type"})) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("  Kalbar ", "Kalbar"), (["", "Kalbar"], "Kalbar"),
     ({"name": "Apolonius"}, "Apolonius"), ({"@value": "x"}, "x"), (7, "7"), ({}, None),
     # A JSON escape cut from its surrogate pair, a NUL escape, a raw control: cleaned.
     ("Banjir \ud83d", "Banjir \ufffd"), ({"name": "Budi\x00 Santoso\x07"}, "Budi Santoso")],
)
def test_ld_text(value: Any, expected: str | None) -> None:
    assert ld_text(value) == expected


def test_build_page_resolves_yoast_references() -> None:
    page = page_of(
        """<html><head><script type="application/ld+json">{"@graph": [
        {"@type": "NewsArticle", "author": [{"@id": "#p1"}], "headline": "H"},
        {"@type": "Person", "@id": "#p1", "name": "Julianto"}]}</script>
        <meta property="og:type" content="article"><meta name="author" content="Redaksi">
        </head><body></body></html>"""
    )
    assert page.article_ld is not None
    assert page.ld("author") == [{"@type": "Person", "@id": "#p1", "name": "Julianto"}]
    assert page.meta("og:type") == "article"
    assert page.meta("missing", "author") == "Redaksi"
    assert page.family == "fallback"


@pytest.mark.parametrize(
    ("html", "family"),
    [
        ('<article class="gh-article post"></article>', "ghost"),
        ('<div class="jeg_main_content"></div>', "wp-jnews"),
        ('<div class="td-post-content"></div>', "wp-newspaper"),
        ('<article class="post type-post"></article>', "wp-plain"),
        ('<html amp><body><p>x</p></body></html>', "amp"),
        ('<div id="main"><p>x</p></div>', "fallback"),
    ],
)
def test_family(html: str, family: str) -> None:
    assert page_of(html).family == family


@pytest.mark.parametrize(
    "url",
    [
        "https://spektroom.co.id/2025/11/30/pu-percepat-akses-jalan/",
        "http://127.0.0.1:8000/tag/banjir/",
        "https://Spektroom.co.id",
        "HTTPS://spektroom.co.id/a/",
        "https://spektroom.co.id/a/?p=12#komentar",
        "https://spektroom.co.id/a/#top",
        " https://spektroom.co.id/a/ ",
        "https://spektroom.co.id/a b/",
        "https://spektroom.co.id/berita/\tbanjir/",
        "https://spektroom.co.id/kabar-ḍaerah/",
        "https://user@spektroom.co.id/a/",
        "https://[::1]:8000/a/",
        "https://spektroom.co.id:/a/",
        "ftp://spektroom.co.id/a/",
        "//spektroom.co.id/a/",
        "/2025/11/30/a/",
        "",
        None,
    ],
)
def test_split_url_same_as_urlsplit(url: str | None) -> None:
    # The fast path for plain URLs must split exactly as urlsplit does.
    assert split_url(url) == urlsplit(url or "")


def test_split_url_malformed_is_empty() -> None:
    assert split_url("http://[bad/a/") == urlsplit("")


def test_absolute_urls() -> None:
    page = page_of('<html><head><base href="/sub/"></head><body></body></html>')
    assert page.absolute("a.jpg") == "https://spektroom.co.id/sub/a.jpg"
    assert page.absolute("https://cdn.example/x.jpg") == "https://cdn.example/x.jpg"
    assert page.absolute("data:image/png;base64,xx") is None
    assert page.absolute("") is None and page.absolute(None) is None
    # As a browser reads an href: tabs and newlines (a wrapped attribute) and controls go.
    assert page.absolute("https://spektroom.co.id/2025/\n  11/a/") == (
        "https://spektroom.co.id/2025/  11/a/"
    )
    assert page.absolute("\t/posy\x1bandu-\r\nremaja/ ") == (
        "https://spektroom.co.id/posyandu-remaja/"
    )


# ------------------------------------------------------------------------------ related

RELATED_PAGE = """<html><body><article><p>Isi</p></article>
<section class="widget"><h3>Berita Terkait</h3>
<ul><li><a href="/2025/11/20/satu/">Satu</a></li>
<li><a href="https://spektroom.co.id/2025/11/21/dua/">Dua</a></li>
<li><a href="https://spektroom.co.id/2025/11/21/dua/">Dua lagi</a></li>
<li><a href="https://spektroom.co.id/author/apolonius/">Apolonius</a></li>
<li><a href="https://spektroom.co.id/tag/tppo/">TPPO</a></li>
<li><a href="https://other.example/berita/">Luar</a></li>
<li><a href="https://spektroom.co.id/2025/11/26/contoh/">Artikel ini sendiri</a></li>
<li><a href="#">Atas</a></li></ul></section></body></html>"""


def test_extract_related_filters_links() -> None:
    assert extract_related(page_of(RELATED_PAGE)) == [
        "https://spektroom.co.id/2025/11/20/satu/",
        "https://spektroom.co.id/2025/11/21/dua/",
    ]


def test_extract_related_none() -> None:
    assert extract_related(page_of("<h3>Terpopuler</h3><a href='/2025/1/1/x/'>x</a>")) == []


def test_related_heading_re() -> None:
    for text in ("Berita terkait", "BERITA TERKAIT", "Artikel Terkait:", "Related posts"):
        assert RELATED_HEADING_RE.match(text)
    for text in ("Terpopuler", "Berita terkait banjir di Agam hari ini", ""):
        assert not RELATED_HEADING_RE.match(text)


# ------------------------------------------------------------------------------ page kind


def test_page_kind_regexes() -> None:
    assert ERROR_TEXT_RE.search("Halaman tidak ditemukan") and ERROR_TEXT_RE.search("Error 404")
    assert not ERROR_TEXT_RE.search("Dana 4040 juta ditemukan warga")
    assert LISTING_PATH_RE.search("/category/kalbar/") and LISTING_PATH_RE.search("/page/2/")
    assert not LISTING_PATH_RE.search("/2025/11/26/penghargaan-untuk-kapuas-hulu/")


def test_static_pages() -> None:
    from spektroom_crawler.extract.pagekind import is_static_page

    ghost = page_of("<html><head><meta property='og:type' content='website'></head>"
                    "<body class='page-template'><article class='article page'><h1>Kontak</h1>"
                    "<p>Alamat redaksi</p></article></body></html>")
    assert is_static_page(ghost)
    post = page_of("<html><body class='post-template tag-kalbar'><h1>X</h1></body></html>")
    assert not is_static_page(post)
    marked = page_of("<html><head><meta property='og:type' content='article'></head>"
                     "<body class='page'><h1>X</h1></body></html>")
    assert not is_static_page(marked)


def test_error_and_listing_pages() -> None:
    error = page_of("<html><body class='error404'><h1>Oops</h1></body></html>")
    assert is_error_page(error)
    teasers = "".join(f"<article><h2><a href='/a{i}/'>A{i}</a></h2></article>" for i in range(4))
    listing = page_of(f"<html><body class='archive'>{teasers}</body></html>",
                      "https://spektroom.co.id/category/kalbar/")
    assert is_listing_page(listing) and not is_error_page(listing)
    article = page_of("<html><head><meta property='og:type' content='article'></head>"
                      f"<body>{teasers}</body></html>", "https://spektroom.co.id/tag/x/")
    assert not is_listing_page(article)


# ------------------------------------------------------------------------------ dates


def test_visible_date_re() -> None:
    for text in ("Kamis, 4 Desember 2025 | 10:20 WITA", "Senin, 1 Des 2025 08.15 WIB",
                 "27/03/2024, 06:16 WIB", "Jum’at, 14 November 2025"):
        assert VISIBLE_DATE_RE.search(text)
    for text in ("Sabtu", "4 Desember", "Rp1,5 miliar", "Desember 2025"):
        assert not VISIBLE_DATE_RE.search(text)


@pytest.mark.parametrize(
    ("raw", "ok"),
    [(None, False), ("", False), ("garbage", False), ("33 Desember 2025", False),
     ("1990-01-01", False), ("2099-01-01T00:00:00Z", False), ("2025-11-26T20:05:00+07:00", True),
     ("Sabtu, 29 November 2025 - 19:45 WIB", True)],
)
def test_check_rejects_implausible(raw: str | None, ok: bool) -> None:
    assert (_check(raw, NOW) is not None) is ok


def test_header_today_date_is_not_the_article_date() -> None:
    page = page_of(
        "<html><body><header class='site-header'><span>Sabtu, 28 November 2026</span></header>"
        "<div id='main'><h1>Judul</h1><div>Kamis, 4 Desember 2025 | 10:20 WITA</div>"
        "<p>Isi.</p></div></body></html>"
    )
    from spektroom_crawler.extract.headline import extract_headline

    extract_headline(page)
    stamp = extract_published(page, NOW)
    assert stamp.raw == "Kamis, 4 Desember 2025 | 10:20 WITA"
    wita = dt.timezone(dt.timedelta(hours=8))
    assert stamp.value == dt.datetime(2025, 12, 4, 10, 20, tzinfo=wita)
    assert extract_modified(page, NOW).value is None


def test_tagdiv_entry_date_updated_is_published() -> None:
    page = page_of('<time class="entry-date updated td-module-date" datetime="2025-11-18T14:00:00'
                   '+07:00">18 November 2025</time>')
    assert extract_published(page, NOW).raw == "2025-11-18T14:00:00+07:00"
    assert extract_modified(page, NOW).value is None


def test_texts_after() -> None:
    root = parse_html("<div><h1>H</h1>tail<p>a</p><p> </p><p>b <i>c</i></p></div><p>d</p>")
    assert root is not None
    h1 = root.find(".//h1")
    assert h1 is not None
    assert texts_after(h1, 4) == ["tail", "a", "b ", "c"]
    assert texts_after(h1, 10)[-1] == "d"


def test_rel_links_and_class_index_in_document_order() -> None:
    page = page_of(
        '<html class="related"><body><a rel="tag" href="/t/a">A</a><a rel="">empty</a>'
        '<div class="related x"><a rel="author nofollow" href="/author/b">B</a></div>'
        "<a>no rel</a><a rel=' '>blank</a></body></html>"
    )
    assert [a.text for a in page.rel_links] == ["A", "B", "blank"]  # rel="" is no rel
    assert [el.tag for el in page.cls("related")] == ["html", "div"]  # the root's class too
