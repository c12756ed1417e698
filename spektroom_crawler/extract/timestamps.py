"""published_at / modified_at: machine-readable stamps first, then visible Indonesian text.

Each source returns (value, raw text); the raw text is what the value was parsed from (the
attribute value for machine-readable sources). Values outside 1995..now are rejected, so a
source with a garbage stamp falls through to the next one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from spektroom_crawler.extract.dates import parse_date, plausible
from spektroom_crawler.extract.document import element_tag, norm_space, text_content
from spektroom_crawler.extract.sources import Page, ld_text

When = dt.datetime | dt.date
Found = tuple[When, str]

# <time> classes that mark the publication stamp (tagDiv's "entry-date updated" is published).
PUBLISHED_TIME_CLASSES = frozenset({"published", "entry-date", "byline-meta-date",
                                    "td-module-date"})
PUBLISHED_TIME_PARENTS = ("amp-wp-posted-on",)
VISIBLE_DATE_CLASSES = ("jeg_meta_date", "td-post-date", "posted-on")
TEXTS_AFTER_H1 = 12
# A visible date: a month name with a year, or dd/mm/yyyy. Cheap gate before parse_date (only
# asked whether it matches). It opens with a digit and checks the word boundary before it with a
# lookbehind ("\d(?<!\w\d)" is "\b\d"), so a search skips straight to the next digit.
VISIBLE_DATE_RE = re.compile(
    r"\d(?<!\w\d)\d?(?:\s+(?:jan|feb|peb|mar|apr|mei|jun|jul|agu|agt|ags|aug|sep|okt|oct|nov|nop"
    r"|des|dec)[a-z]*\.?\s+\d{4}\b|/\d{1,2}/\d{4}\b)",
    re.I,
)
MAX_VISIBLE_DATE_CHARS = 80
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                  "pubdate", "publish-date", "date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")


@dataclass(slots=True)
class Stamp:
    value: When | None = None
    raw: str | None = None
    source: str | None = None


def _check(raw: str | None, now: dt.datetime | None) -> Found | None:
    raw = norm_space(raw)
    if not raw:
        return None
    value = parse_date(raw, now=now)
    if value is None:
        return None
    if now is not None:
        if not plausible(value, now=now):
            return None
    elif value.year < 1995:
        return None
    return value, raw


def _jsonld(key: str) -> Callable[[Page, dt.datetime | None], Found | None]:
    def source(page: Page, now: dt.datetime | None) -> Found | None:
        return _check(ld_text(page.ld(key)), now)

    return source


def _meta(names: tuple[str, ...]) -> Callable[[Page, dt.datetime | None], Found | None]:
    def source(page: Page, now: dt.datetime | None) -> Found | None:
        for name in names:
            for raw in page.metas.get(name, ()):
                found = _check(raw, now)
                if found:
                    return found
        return None

    return source


def published_time_attr(page: Page, now: dt.datetime | None) -> Found | None:
    """<time datetime> of the publication stamp in the template."""
    candidates = [
        el for el in page.tag("time")
        if PUBLISHED_TIME_CLASSES.intersection((el.get("class") or "").split())
        or el.get("itemprop") == "datePublished"
    ]
    for token in PUBLISHED_TIME_PARENTS:
        for box in page.cls(token):
            candidates.extend(box.iter("time"))
    for el in candidates:
        found = _check(el.get("datetime"), now)
        if found:
            return found
    return None


def modified_time_attr(page: Page, now: dt.datetime | None) -> Found | None:
    """<time class="updated" datetime> (not tagDiv's "entry-date updated", which is published)."""
    for el in page.tag("time"):
        classes = (el.get("class") or "").split()
        if ("updated" in classes and "entry-date" not in classes) or (
            el.get("itemprop") == "dateModified"
        ):
            found = _check(el.get("datetime"), now)
            if found:
                return found
    return None


def visible_template_date(page: Page, now: dt.datetime | None) -> Found | None:
    for el in page.first_cls(VISIBLE_DATE_CLASSES):
        text = norm_space(text_content(el))
        if VISIBLE_DATE_RE.search(text):
            found = _check(text, now)
            if found:
                return found
    return None


def texts_after(el: etree._Element, limit: int) -> list[str]:
    """The first `limit` non-blank text pieces after an element, in document order."""
    return list(itertools.islice(_iter_texts_after(el), limit))


def _iter_texts_after(el: etree._Element) -> Iterator[str]:
    """Non-blank text pieces after an element, in document order, produced as they are read
    (the date after a headline is usually the first one: the rest of the page is not walked)."""
    node: etree._Element | None = el
    while node is not None:
        if node.tail and node.tail.strip():
            yield node.tail
        for sibling in node.itersiblings():
            if element_tag(sibling) in (None, "script", "style"):
                continue
            for text in sibling.itertext():
                if text.strip():
                    yield str(text)
        node = node.getparent()


def visible_date_after_headline(page: Page, now: dt.datetime | None) -> Found | None:
    """The first date-looking text after the article's h1 (skips the header's "today")."""
    if page.headline_el is None:
        return None
    for text in itertools.islice(_iter_texts_after(page.headline_el), TEXTS_AFTER_H1):
        text = norm_space(str(text))
        if len(text) <= MAX_VISIBLE_DATE_CHARS and VISIBLE_DATE_RE.search(text):
            found = _check(text, now)
            if found:
                return found
    return None


PUBLISHED_SOURCES: tuple[StampSource, ...] = (
    ("jsonld", _jsonld("datePublished")),
    ("meta", _meta(PUBLISHED_META)),
    ("template", published_time_attr),
    ("template:visible", visible_template_date),
    ("text", visible_date_after_headline),
)
MODIFIED_SOURCES: tuple[StampSource, ...] = (
    ("jsonld", _jsonld("dateModified")),
    ("meta", _meta(MODIFIED_META)),
    ("template", modified_time_attr),
)


StampSource = tuple[str, Callable[[Page, dt.datetime | None], Found | None]]


def _first(page: Page, now: dt.datetime | None, sources: tuple[StampSource, ...]) -> Stamp:
    for name, source in sources:
        found = source(page, now)
        if found:
            label = page.template if name == "template" else name
            if name == "template:visible":
                label = f"{page.template}:visible"
            return Stamp(found[0], found[1], label)
    return Stamp()


def extract_published(page: Page, now: dt.datetime | None) -> Stamp:
    return _first(page, now, PUBLISHED_SOURCES)


def extract_modified(page: Page, now: dt.datetime | None) -> Stamp:
    return _first(page, now, MODIFIED_SOURCES)
