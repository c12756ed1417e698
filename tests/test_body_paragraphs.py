"""Invariants of extract_body's paragraphs that later stages rely on (quotes skip normalizing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spektroom_crawler.extract.article import _without_dateline, extract_article
from spektroom_crawler.extract.body import GLUED_TRAILER_RE, extract_body, split_trailer
from spektroom_crawler.extract.document import parse_html
from spektroom_crawler.extract.quotes import extract_quotes
from spektroom_crawler.extract.sources import build_page
from tests.conftest import PAGES, SITE

HTML_FILES = sorted(PAGES.glob("*.html")) + sorted(SITE.rglob("*.html"))
ODD_SPACES = (
    "<div class='entry-content'><p>\u00a0 Satu\u2003dua\t tiga \u3000</p>"
    "<p>A\x1cB<br> \u2028 <br>C\u200bD\n E</p><p>Menurut\u00a0Lili, warga\u2009aman.</p>"
    "<p>Kata Weni\u00a0:  “Kami\u00a0siap.”</p></div>"
)


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_paragraphs_are_whitespace_normalized(path: Path) -> None:
    article = extract_article(path.read_bytes(), "https://spektroom.co.id/x/")
    for text in article.paragraphs:
        assert text == " ".join(text.split())
    paras = _without_dateline(article.paragraphs, article)
    assert extract_quotes(paras, normalized=True) == extract_quotes(paras)


def test_odd_whitespace_is_normalized() -> None:
    root = parse_html(ODD_SPACES)
    assert root is not None
    body = extract_body(build_page(root, "https://spektroom.co.id/x/"))
    assert body.paragraphs == [
        "Satu dua tiga", "A B C\u200bD E", "Menurut Lili, warga aman.", "Kata Weni : “Kami siap.”"
    ]
    assert extract_quotes(body.paragraphs, normalized=True) == extract_quotes(body.paragraphs)


@pytest.mark.parametrize(
    "text",
    [
        "akhir.// Apolonius.", "akhir. //Apolonius", "akhir \u00a0 // Sri Wahyuni.  ",
        "http://x.id // Budi", "a // Budi // Apolonius.", "a ///Budi", "a:// Budi", "a/ // Budi",
        "A // B c d e f g", "A // B c d e f", "akhir.// Budi\n", "// Budi", "//", "x //budi",
        "lihat https://spektroom.co.id/ ya", "a // Budi / Andi", "a //\tO'Neil-Jr. .",
    ],
)
def test_split_trailer_is_the_leftmost_search_match(text: str) -> None:
    match = GLUED_TRAILER_RE.search(text)
    want = (text[: match.start()].rstrip(), [("//", match.group("name"))]) if match else (text, [])
    assert split_trailer(text) == want
