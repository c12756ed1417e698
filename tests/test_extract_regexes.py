"""Positive and negative cases for the module-level regexes not covered elsewhere."""

from __future__ import annotations

import re

import pytest

from spektroom_crawler.extract.article import CLOSING_HTML_BYTES_RE, CLOSING_HTML_RE
from spektroom_crawler.extract.headline import (
    LOGO_CLASS_PATTERN,
    SITE_HEADER_PATTERN,
    SITE_HEADER_RE,
    _search_folded,
)
from spektroom_crawler.extract.media import DANGLING_PUNCT_RE
from spektroom_crawler.extract.pagekind import ERROR_BODY_CLASS_RE, LISTING_BODY_CLASS_RE
from spektroom_crawler.extract.people import BYLINE_PREFIX_RE, NAME_CHARS_RE
from spektroom_crawler.extract.related import NON_ARTICLE_PATH_RE
from spektroom_crawler.extract.sources import JSONLD_JUNK_RE
from spektroom_crawler.extract.taxonomy import HOME_LINK_RE, KEYWORD_SPLIT_RE

CASES: list[tuple[re.Pattern[str], str, str]] = [
    (SITE_HEADER_RE, "site-header", "gh-article-header"),
    (SITE_HEADER_RE, "masthead", "entry-header"),
    (DANGLING_PUNCT_RE, "kantor Gubernur .", "kantor Gubernur."),
    (ERROR_BODY_CLASS_RE, "error404 wp-theme", "post-template"),
    (LISTING_BODY_CLASS_RE, "archive category category-kalbar", "single single-post"),
    (BYLINE_PREFIX_RE, "Oleh: Apolonius", "Olehan khas Sambas"),
    (NAME_CHARS_RE, "Nurana Diah Dhayanti", "2025 Redaksi"),
    (NON_ARTICLE_PATH_RE, "/author/apolonius/", "/2025/11/26/penghargaan-untuk-kapuas-hulu/"),
    (NON_ARTICLE_PATH_RE, "/tag/tppo/", "/tagihan-listrik-naik/"),
    (JSONLD_JUNK_RE, "<!-- ", "x"),
    (HOME_LINK_RE, "Beranda", "Berita"),
    (KEYWORD_SPLIT_RE, "a , b", "a b"),
    (CLOSING_HTML_RE, "</body></HTML >", "</body>"),
]


@pytest.mark.parametrize(
    ("pattern", "yes", "no"), CASES, ids=[f"{c[0].pattern[:25]}" for c in CASES]
)
def test_regex(pattern: re.Pattern[str], yes: str, no: str) -> None:
    assert pattern.search(yes)
    if pattern is JSONLD_JUNK_RE:  # matches empty prefixes by design: check it removes nothing
        assert pattern.sub("", no) == no
    else:
        assert not pattern.search(no)


def test_closing_html_bytes() -> None:
    assert CLOSING_HTML_BYTES_RE.search(b"</html>\n")
    assert not CLOSING_HTML_BYTES_RE.search(b"<html><body>")


# --- headline: the lower-cased ASCII search finds what the re.I search finds -----------------
FOLDED_TEXTS = [
    "", "site-title", "SITE-TITLE", "Site-Name logo", "gh-article-title", "jeg_post_title",
    "navbar-brand", "BRAND", "header-masthead", "MastHead", "top-bar", "TOPBAR", "top--bar",
    "site-header sticky", "entry-header", "Logo_wrap", "l o g o", "site_title", "sitename",
    # Non-ASCII letters that re.I folds onto ASCII ones: these keep the re.I search.
    "\u017fite-title", "s\u0131te-name", "LOGO \u212a", "navbar\u00a0x", "\u0130logo", "marke ✓",
]


@pytest.mark.parametrize("pattern", [LOGO_CLASS_PATTERN, SITE_HEADER_PATTERN])
def test_search_folded_matches_like_ignorecase(pattern: str) -> None:
    ignorecase, lower = re.compile(pattern, re.I), re.compile(pattern)
    words = [*FOLDED_TEXTS, *pattern.replace("-?", "-").split("|")]
    texts = [*words, *(a + " " + b.upper() for a in words for b in words[:12])]
    texts += [t[i:] for t in words for i in range(len(t))]  # every suffix: partial words too
    for text in texts:
        assert _search_folded(text, lower, ignorecase) is bool(ignorecase.search(text)), text
