"""Headline and subheadline: the article's own h1, never the site logo or the <title> suffix."""

from __future__ import annotations

import re

from lxml import etree

from spektroom_crawler.extract.document import norm_space, text_content
from spektroom_crawler.extract.sources import Page, Source, first_valid, ld_text

H1_CLASSES = ("gh-article-title", "article-title", "jeg_post_title", "tdb-title-text",
              "amp-wp-title", "entry-title", "post-title")
SUBHEADLINE_CLASSES = ("gh-article-excerpt", "article-excerpt", "jeg_post_subtitle",
                       "td-post-sub-title", "entry-subtitle")
# " - Spektroom", " | Spektroom", " – Spektroom.co.id" at the end of <title>/og:title.
TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—:·]\s+Spektroom(?:\.co\.id)?\s*$", re.I)
# An h1 that is the site's logo/name, which some themes wrap in h1 on every page.
LOGO_CLASS_PATTERN = r"site-title|site-name|logo|brand|masthead"
SITE_HEADER_PATTERN = r"site-header|masthead|navbar|top-?bar"
LOGO_CLASS_RE = re.compile(LOGO_CLASS_PATTERN, re.I)
SITE_HEADER_RE = re.compile(SITE_HEADER_PATTERN, re.I)
# The same patterns without re.I, for lower-cased ASCII text (see `_search_folded`).
LOGO_CLASS_LOWER_RE = re.compile(LOGO_CLASS_PATTERN)
SITE_HEADER_LOWER_RE = re.compile(SITE_HEADER_PATTERN)
SITE_NAMES = frozenset({"spektroom", "spektroom.co.id"})
# Yoast cuts JSON-LD headlines at 110 characters and appends an ellipsis.
TRUNCATED_RE = re.compile(r"(?:\.\.\.|…)\s*$")


def is_logo_h1(el: etree._Element) -> bool:
    """True for an h1 that holds the site logo or name rather than a headline."""
    return _headline_text(el) is None


def _search_folded(text: str, lower_re: re.Pattern[str], ignorecase_re: re.Pattern[str]) -> bool:
    """Whether `ignorecase_re` (the lower-case pattern `lower_re` with re.I) matches in `text`.

    re.I tries every alternative at every position (~1 us on a class attribute); the pattern
    without it searches the lower-cased text skipping straight to the alternatives' first
    letters. On ASCII text both match alike: only non-ASCII letters ("ſ", "ı", "K") fold onto
    ASCII ones under re.I, so other text keeps the re.I search.
    """
    if text.isascii():
        return lower_re.search(text.lower()) is not None
    return ignorecase_re.search(text) is not None


def _headline_text(el: etree._Element) -> str | None:
    """The h1's text, or None when the h1 is the site logo/name (its text is read only once)."""
    if _search_folded(el.get("class") or "", LOGO_CLASS_LOWER_RE, LOGO_CLASS_RE):
        return None
    text = norm_space(text_content(el))
    if not text or text.lower() in SITE_NAMES:
        return None
    parent = el.getparent()
    while parent is not None and parent.tag not in ("article", "main", "body"):
        if parent.tag == "nav" or (
            parent.tag == "header"
            and _search_folded(
                f"{parent.get('class') or ''} {parent.get('id') or ''}",
                SITE_HEADER_LOWER_RE,
                SITE_HEADER_RE,
            )
        ):
            return None
        parent = parent.getparent()
    return text


def _h1_text(page: Page, elements: list[etree._Element]) -> str | None:
    for el in elements:
        text = _headline_text(el)
        if text:
            page.headline_el = el
            return text
    return None


def from_template(page: Page) -> str | None:
    return _h1_text(page, page.first_cls(H1_CLASSES, "h1"))


def from_jsonld(page: Page) -> str | None:
    text = ld_text(page.ld("headline"))
    if not text or TRUNCATED_RE.search(text):
        return None
    return strip_site_suffix(text)


def from_any_h1(page: Page) -> str | None:
    return _h1_text(page, page.tag("h1"))


def from_og_title(page: Page) -> str | None:
    text = page.meta("og:title", "twitter:title")
    return strip_site_suffix(text) if text else None


def from_title(page: Page) -> str | None:
    for el in page.tag("title"):
        text = strip_site_suffix(norm_space(text_content(el)))
        if text:
            return text
    return None


def strip_site_suffix(text: str) -> str:
    """Drop the " - Spektroom" style suffix CMSs append to titles."""
    return TITLE_SUFFIX_RE.sub("", norm_space(text))


# The theme's own h1 comes before JSON-LD because Yoast truncates long JSON-LD headlines; og:title
# comes last among the real sources because sites shorten it for social cards.
HEADLINE_SOURCES: tuple[Source[str], ...] = (
    ("template", from_template),
    ("jsonld", from_jsonld),
    ("html:h1", from_any_h1),
    ("meta", from_og_title),
    ("html:title", from_title),
)


def extract_headline(page: Page) -> tuple[str | None, str | None]:
    """The headline and its source; also remembers the article's h1 for later fields."""
    headline, source = first_valid(page, HEADLINE_SOURCES)
    if page.headline_el is None:
        # Headline from JSON-LD or meta: still anchor the visible-date/image search on the h1.
        for el in page.tag("h1"):
            if not is_logo_h1(el):
                page.headline_el = el
                break
    return headline, source


def subheadline_from_template(page: Page) -> str | None:
    for el in page.first_cls(SUBHEADLINE_CLASSES):
        text = norm_space(text_content(el))
        if text:
            return text
    return None


def extract_subheadline(page: Page) -> tuple[str | None, str | None]:
    return first_valid(page, (("template", subheadline_from_template),))
