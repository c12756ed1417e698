"""Body paragraphs: only the story's own text, with trailers (bylines, editor lines) split off.

The dateline stays inside paragraphs[0] (paragraph text is kept intact; `dateline` records it
separately), so quote paragraph indexes always point at the text as published.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lxml import etree

from spektroom_crawler.chars import collapse_space
from spektroom_crawler.extract.document import (
    element_text,
    is_norm_space,
    norm_space,
    text_content,
)
from spektroom_crawler.extract.sources import Page

# Body containers of the known templates, most specific first (class tokens).
BODY_CLASSES = ("gh-content", "content-inner", "td-post-content", "tdb_single_content",
                "amp-wp-article-content", "entry-content")
# Chrome that sits inside body containers: ads, share buttons, captions, related boxes, embeds.
# Chrome inside body containers is recognized by a part of a class token, split on "-"/"_":
# "jnews_inline_related_post" -> related, "jeg_ad_article" -> ad, "wp-caption-text" -> caption.
CLASS_PART_SPLIT_RE = re.compile(r"[\s_-]+")
SKIP_CLASS_PARTS = frozenset({
    "ad", "ads", "adsbygoogle", "advert", "advertisement", "iklan", "banner", "promo",
    "share", "sharing", "sharedaddy", "social", "sosmed", "caption", "related", "terkait",
    "baca", "readmore", "comment", "comments", "respond", "widget", "newsletter", "subscribe",
    "tags", "breadcrumb", "breadcrumbs", "byline", "meta",
})


@functools.lru_cache(maxsize=4096)  # pure; themes repeat the same class strings on every page
def is_chrome_class(classes: str | None) -> bool:
    """True when a class attribute marks ads, share buttons, captions, related boxes etc."""
    if not classes:
        return False
    return not SKIP_CLASS_PARTS.isdisjoint(CLASS_PART_SPLIT_RE.split(classes.lower()))


SKIP_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "form", "header",
                       "blockquote", "table", "li"})
# Chrome containers never searched by the density fallback.
CHROME_TAGS = frozenset({"header", "footer", "nav", "aside", "form"})
BACA_JUGA_RE = re.compile(
    r"^\s*(?:baca\s+(?:juga|pula)|simak\s+juga|lihat\s+juga|baca\s+berita\s+lainnya)\b", re.I
)
# A heading or line after which a body container holds no more story text.
END_OF_STORY_RE = re.compile(
    r"^(?:berita|artikel|baca juga berita|postingan)\s+(?:terkait|lainnya)\s*:?$"
    r"|^(?:terpopuler|komentar|tinggalkan balasan|related posts?)\s*:?$",
    re.I,
)
# No line of a normalized paragraph longer than this can match END_OF_STORY_RE (its longest
# match, "baca juga berita lainnya :", has 26 characters): longer lines skip the regex.
END_OF_STORY_MAX_CHARS = 32
# The letters (either case, and the long s that re.I folds to "s") BACA_JUGA_RE can start with.
BACA_JUGA_FIRST = frozenset("bBsSlL\u017f")
CREDIT_ROLES = (
    r"Reporter|Penulis|Pewarta|Editor|Redaktur|Fotografer|Foto|Sumber|Kontributor|Laporan"
    r"|Oleh|Wartawan"
)
# Roles that also open story lines ("Laporan: warga mengeluhkan ..."): a credit only when
# every name is capitalized.
LOOSE_CREDIT_ROLES = frozenset({"laporan", "oleh", "wartawan"})
# One credit inside a trailer line: "Reporter: X", "Editor. : Biantoro", "Pewarta : A, B".
CREDIT_RE = re.compile(
    rf"(?P<role>{CREDIT_ROLES})\s*\.?\s*:\s*(?P<names>[^|;/\n]+?)\s*(?=[|;/]|$)", re.I
)
# A whole line made only of credits ("Reporter: X | Editor: Y").
TRAILER_LINE_RE = re.compile(
    rf"^\s*(?:(?:{CREDIT_ROLES})\s*\.?\s*:\s*[^|;/\n]+?\s*(?:[|;/]\s*|$))+$", re.I
)
# "// Apolonius." alone or glued to the end of the last paragraph; not "https://...".
GLUED_TRAILER_RE = re.compile(
    r"\s*(?<![:/])//\s*(?P<name>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,4}?)\s*\.?\s*$"
)
MIN_PARAGRAPH_CHARS = 2
# Two or more line breaks (with only spaces between): a paragraph break in <br>-formatted text.
BLANK_LINE_RE = re.compile(r"\n[ \t\r\xa0]*\n\s*")


@dataclass(slots=True)
class Body:
    paragraphs: list[str] = field(default_factory=list)
    # (role, names) from trailer lines in order: ("reporter", "Budi, Julianto"), ("//", "Apolonius")
    credits: list[tuple[str, str]] = field(default_factory=list)
    source: str | None = None


def find_container(page: Page) -> tuple[etree._Element | None, str | None]:
    """The element holding the body paragraphs, and how it was found."""
    found = page.first_cls(BODY_CLASSES)
    if found:
        return found[0], page.template
    return densest_paragraph_parent(page.root), "text"


def densest_paragraph_parent(root: etree._Element) -> etree._Element | None:
    """Fallback: the element whose direct <p> children carry the most text."""
    scores: dict[etree._Element, int] = {}
    chrome: dict[etree._Element, bool] = {}  # per parent: siblings share the ancestor walk
    for p in root.iter("p"):  # lxml filters by name in C; cheaper than an XPath on small pages
        parent = p.getparent()
        if parent is None:
            continue
        in_chrome = chrome.get(parent)
        if in_chrome is None:
            in_chrome = chrome[parent] = _in_chrome(parent)
        if in_chrome:
            continue
        scores[parent] = scores.get(parent, 0) + len(text_content(p))
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el])


def _in_chrome(el: etree._Element | None) -> bool:
    # Stops below <body>: body classes are layout flags ("right-sidebar"), not chrome.
    while el is not None and el.tag not in ("body", "html"):
        if el.tag in CHROME_TAGS or is_chrome_class(el.get("class")):
            return True
        el = el.getparent()
    return False


def _skipped(p: etree._Element, container: etree._Element) -> bool:
    el: etree._Element | None = p
    while el is not None and el is not container:
        if el.tag in SKIP_TAGS or is_chrome_class(el.get("class")):
            return True
        el = el.getparent()
    return False


def split_trailer(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a glued "// Name." trailer off a paragraph: ("... layak.", [("//", "Name")])."""
    last = text.rfind("//")
    if last < 0:
        return text, []
    # No "/" can follow the "//" of a match, so only the last "//" can start one, and the
    # match starts with the spaces before it: one anchored try instead of a search.
    head = text[:last].rstrip()
    match = GLUED_TRAILER_RE.match(text, len(head))
    if not match:
        return text, []
    return head, [("//", match.group("name"))]


def _capitalized(names: str) -> bool:
    """Every word of the names capitalized ("Budi Sucahyono, Julianto"; "dan" may join them)."""
    return all(w[:1].isupper() for w in names.replace(",", " ").split() if w != "dan")


def trailer_credits(line: str) -> list[tuple[str, str]] | None:
    """Credits of a trailer line, or None when the line is story text."""
    if ":" not in line and "//" not in line:
        return None
    if TRAILER_LINE_RE.match(line):
        credits = [(m.group("role").lower(), m.group("names")) for m in CREDIT_RE.finditer(line)]
        if any(role in LOOSE_CREDIT_ROLES and not _capitalized(names) for role, names in credits):
            return None  # "Laporan: warga mengeluhkan banjir" is story text
        return credits
    rest, credits = split_trailer(line)
    if credits and not rest:
        return credits
    return None


def extract_body(page: Page) -> Body:
    """The story's paragraphs and the credits found in its trailer lines."""
    container, source = find_container(page)
    body = Body(source=source)
    if container is None:
        return body
    page.body_el = container
    for p in container.iter("p", "h2", "h3", "h4"):
        if p.tag != "p":
            # Subheadings are not paragraphs; a "Berita terkait" heading ends the story.
            if END_OF_STORY_RE.match(norm_space(text_content(p))):
                break
            continue
        # A class-less <p> right in the container (the usual case) has nothing to skip.
        if (p.get("class") is not None or p.getparent() is not container) and _skipped(
            p, container
        ):
            continue
        if not _add_block(body, element_text(p)):
            break
    if not body.paragraphs and container.find(".//p") is None:
        # Some CMSs write the story as text separated by <br><br>, without <p>.
        for block in BLANK_LINE_RE.split(element_text(container)):
            if not _add_block(body, block):
                break
    return body


def _lines(raw: str) -> list[str]:
    """The lines of a paragraph's text (split at <br>), each whitespace-normalized."""
    if is_norm_space(raw):  # one line, normalized already: most paragraphs
        return [raw]
    return [collapse_space(line) for line in raw.split("\n")]


def _plain_story_line(raw: str) -> bool:
    """True for the usual paragraph, which `_add_block` keeps exactly as it is: one normalized
    line (see `_lines`) too long to end the story, not opening like "Baca juga" and without the
    ":" or "//" every trailer needs."""
    return (
        len(raw) > END_OF_STORY_MAX_CHARS
        and raw[0] not in BACA_JUGA_FIRST
        and ":" not in raw
        and "//" not in raw
        and is_norm_space(raw)
    )


def _add_block(body: Body, raw: str) -> bool:
    """Add one paragraph's text (lines split by <br>); False when the story has ended."""
    if _plain_story_line(raw):
        body.paragraphs.append(raw)  # what the general path below makes of it, ~3x cheaper
        return True
    kept: list[str] = []
    for line in _lines(raw):
        if not line or (line[0] in BACA_JUGA_FIRST and BACA_JUGA_RE.match(line)):
            continue
        if len(line) <= END_OF_STORY_MAX_CHARS and END_OF_STORY_RE.match(line):
            return False
        # trailer_credits needs a ":" or "//"; story lines without either skip the call.
        if ":" in line or "//" in line:
            credits = trailer_credits(line)
            if credits is not None:
                body.credits.extend(credits)
                continue
        kept.append(line)
    text = kept[0] if len(kept) == 1 else " ".join(kept)
    if len(text) < MIN_PARAGRAPH_CHARS:
        return True
    if "//" in text:  # split_trailer's own first test, without building its result
        text, glued = split_trailer(text)
        body.credits.extend(glued)
    if text:
        body.paragraphs.append(text)
    return True
