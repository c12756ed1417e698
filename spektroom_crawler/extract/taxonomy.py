"""Section, tags and language of an article."""

from __future__ import annotations

import re
from typing import Any

from spektroom_crawler.extract.document import norm_space, text_content
from spektroom_crawler.extract.people import dedupe
from spektroom_crawler.extract.sources import Page, Source, first_valid, ld_text

# Section links of the known templates (class tokens of their containers, priority order).
SECTION_CLASSES = ("gh-article-tag", "article-tag", "jeg_post_category", "td-category",
                   "tdb-entry-category", "cat-links", "amp-wp-tax-category")
BREADCRUMB_CLASSES = ("crumb", "breadcrumb", "breadcrumbs")
# Unknown/legacy themes: a box named after the section ("kanal", "rubrik" are Indonesian for it).
SECTION_BOX_CLASSES = ("kanal", "rubrik", "post-category", "entry-category")
# Tag lists of the known templates (their links often carry no rel="tag").
TAG_LIST_CLASSES = ("td-tags", "jeg_post_tags", "tags-links", "amp-wp-tax-tag", "post-tags",
                    "article-tags")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOME_LINK_RE = re.compile(r"^(?:home|beranda|index|spektroom)$", re.I)
KEYWORD_SPLIT_RE = re.compile(r"\s*,\s*")
LANG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
# Legacy ISO 639 code for Indonesian still emitted by some CMSs.
LANG_ALIASES = {"in": "id", "ind": "id"}
# Very common Indonesian function words: enough to call an untagged page Indonesian.
INDONESIAN_WORDS = frozenset({"yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu",
                              "tidak", "akan", "pada", "dalam", "juga", "oleh", "sebagai"})
MIN_INDONESIAN_HITS = 4


def section_from_jsonld(page: Page) -> str | None:
    return ld_text(page.ld("articleSection"))


def section_from_meta(page: Page) -> str | None:
    return page.meta("article:section")


def section_from_template(page: Page) -> str | None:
    for box in page.first_cls(SECTION_CLASSES):
        links = [box] if box.tag == "a" else box.iter("a")
        for el in links:
            text = norm_space(text_content(el))
            if text:
                return text
    return None


def section_from_box(page: Page) -> str | None:
    for box in page.first_cls(SECTION_BOX_CLASSES):
        for el in [box] if box.tag == "a" else box.iter("a"):
            text = norm_space(text_content(el))
            if text:
                return text
    return None


def section_from_breadcrumb(page: Page) -> str | None:
    boxes = page.first_cls(BREADCRUMB_CLASSES)
    names = [norm_space(text_content(a)) for box in boxes[:1] for a in box.iter("a")]
    names = [n for n in names if n and not HOME_LINK_RE.match(n)]
    return names[-1] if names else None


SECTION_SOURCES: tuple[Source[str], ...] = (
    ("jsonld", section_from_jsonld),
    ("meta", section_from_meta),
    ("template", section_from_template),
    ("html:section-box", section_from_box),
    ("html:breadcrumb", section_from_breadcrumb),
)


def _keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for item in value for k in _keywords(item)]
    if isinstance(value, str):
        return [norm_space(k) for k in KEYWORD_SPLIT_RE.split(value) if norm_space(k)]
    return []


def tags_from_jsonld(page: Page) -> list[str] | None:
    return dedupe(_keywords(page.ld("keywords"))) or None


def tags_from_meta(page: Page) -> list[str] | None:
    return dedupe(page.meta_all("article:tag")) or None


def tags_from_rel(page: Page) -> list[str] | None:
    names = [
        norm_space(text_content(a))
        for a in page.rel_links
        if "tag" in (rel := (a.get("rel") or "").split()) and "category" not in rel
    ]
    return dedupe(n for n in names if n) or None


def tags_from_template(page: Page) -> list[str] | None:
    names = [
        norm_space(text_content(a))
        for box in page.first_cls(TAG_LIST_CLASSES)[:1]
        for a in box.iter("a")
        if "/tag/" in (a.get("href") or "")
    ]
    return dedupe(n for n in names if n) or None


def tags_from_meta_keywords(page: Page) -> list[str] | None:
    """<meta name="keywords">: legacy CMSs put the article's tags there."""
    return dedupe(_keywords(page.meta("keywords", "news_keywords"))) or None


TAG_SOURCES: tuple[Source[list[str]], ...] = (
    ("jsonld", tags_from_jsonld),
    ("meta", tags_from_meta),
    ("html:rel-tag", tags_from_rel),
    ("template", tags_from_template),
    ("meta:keywords", tags_from_meta_keywords),
)


def normalize_language(raw: Any) -> str | None:
    """"id-ID", "id_ID", "in" -> "id"; anything unreadable -> None."""
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if isinstance(raw, dict):
        raw = raw.get("alternateName") or raw.get("name")
    if not isinstance(raw, str):
        return None
    match = LANG_RE.match(raw)
    if not match:
        return None
    code = match.group(1).lower()
    return LANG_ALIASES.get(code, code)


def language_from_html(page: Page) -> str | None:
    return normalize_language(page.root.get("lang") or page.root.get(XML_LANG))


def language_from_meta(page: Page) -> str | None:
    return normalize_language(page.meta("og:locale", "content-language", "language"))


def language_from_jsonld(page: Page) -> str | None:
    return normalize_language(page.ld("inLanguage"))


LANGUAGE_SOURCES: tuple[Source[str], ...] = (
    ("html:lang", language_from_html),
    ("meta", language_from_meta),
    ("jsonld", language_from_jsonld),
)


def language_from_text(paragraphs: list[str]) -> str | None:
    """"id" when the body is plainly Indonesian (function-word count), else None."""
    words = " ".join(paragraphs[:3]).lower().split()
    hits = sum(1 for w in words if w in INDONESIAN_WORDS)
    return "id" if hits >= MIN_INDONESIAN_HITS else None


def extract_section(page: Page) -> tuple[str | None, str | None]:
    return first_valid(page, SECTION_SOURCES)


def extract_tags(page: Page) -> tuple[list[str] | None, str | None]:
    return first_valid(page, TAG_SOURCES)


def extract_language(page: Page) -> tuple[str | None, str | None]:
    return first_valid(page, LANGUAGE_SOURCES)
