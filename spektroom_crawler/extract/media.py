"""The lead image: its URL, its caption and the photo credit inside the caption."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from spektroom_crawler.extract.document import element_tag, norm_space, text_content
from spektroom_crawler.extract.sources import Page, Source, first_valid

# Featured image boxes of the known templates (class tokens, priority order).
FEATURED_CLASSES = ("gh-article-image", "article-image", "jeg_featured",
                    "td-post-featured-image", "tdb_single_featured_image",
                    "amp-wp-article-featured-image")
CAPTION_CLASSES = ("figcaption", "wp-caption-text")
GENERIC_CAPTION_CLASSES = ("wp-caption-text", "caption", "ket", "keterangan")
IMG_TAGS = ("img", "amp-img")
# Credit at the end of a caption: "(Foto: Setwapres)", ".Foto : Adpim Pemprov.", "Foto: X",
# "ANTARA FOTO/Name". The caption keeps its own final period; a dangling " ." is dropped.
# The patterns start with their first literal (no leading \s*: the caption before the match is
# rstripped anyway), so a search jumps from candidate to candidate instead of trying every
# position of the caption.
PHOTO_CREDIT_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\(\s*Foto\s*\.?\s*:\s*(?P<credit>[^()]+?)\s*\)\s*\.?\s*$", re.I),
    re.compile(r"\bFoto\s*\.?\s*:\s*(?P<credit>[^:]+?)\s*\.?\s*$", re.I),
    re.compile(r"\b(?P<credit>ANTARA\s+FOTO\s*/\s*[^/]+?)\s*\.?\s*$"),
    # "Foto/Istimewa", "(Dok. Humas Pemkab)", "Dok: Diskominfo".
    re.compile(r"(?:\(\s*)?\bFoto\s*/\s*(?P<credit>[^/()]+?)\s*\)?\s*\.?\s*$", re.I),
    re.compile(r"\(\s*(?P<credit>Dok(?:umentasi)?\s*[.:]\s*[^()]+?)\s*\)\s*\.?\s*$", re.I),
)
# Per pattern above, characters/words every match contains as written: patterns that open with
# \b are tried at every position, so a caption without them skips the search.
PHOTO_CREDIT_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("(", ":"), (":",), ("ANTARA", "/"), ("/",), ("(", ")"),
)
# Per pattern above, the word its match opens with (after an optional "(" and spaces), where the
# search may start: patterns that open with \b have no literal prefix, and a re.I "\bFoto" tried
# at every position costs ~40 ns a character. "foto" is looked up in the lowercased caption: under
# re.I only the ASCII letters f/o/t match f/o/t. None: the pattern opens with a literal already.
PHOTO_CREDIT_ANCHORS: tuple[str | None, ...] = (None, "foto", "ANTARA", "foto", None)
PHOTO_CREDIT_CHECKS = tuple(
    zip(PHOTO_CREDIT_RES, PHOTO_CREDIT_NEEDLES, PHOTO_CREDIT_ANCHORS, strict=True)
)
DANGLING_PUNCT_RE = re.compile(r"\s+[.,;:|-]+$")
DANGLING_PUNCT_CHARS = ".,;:|-"


def split_photo_credit(caption: str | None) -> tuple[str | None, str | None]:
    """(caption without the credit, credit) from a caption's text."""
    text = norm_space(caption)
    if not text:
        return None, None
    if ":" not in text and "/" not in text and "(" not in text:
        return text, None  # every credit pattern needs one of these: most captions stop here
    lowered: str | None = None
    for pattern, needles, anchor in PHOTO_CREDIT_CHECKS:
        for needle in needles:
            if needle not in text:
                break
        else:
            start = 0
            if anchor is not None:
                if anchor.islower():
                    lowered = text.lower() if lowered is None else lowered
                    start = lowered.find(anchor) if len(lowered) == len(text) else 0
                else:
                    start = text.find(anchor)
                if start < 0:
                    continue  # the pattern cannot match
                start = _opening_bracket(text, start)
            match = pattern.search(text, start)
            if match:
                rest = _without_dangling_punct(text[: match.start()].rstrip())
                return rest or None, norm_space(match.group("credit"))
    return text, None


def _without_dangling_punct(rest: str) -> str:
    """`DANGLING_PUNCT_RE.sub("", rest)` on an rstripped text, without trying the regex at every
    position: its only match is the trailing punctuation run with the whitespace run before it
    (punctuation preceded by punctuation cannot start the match)."""
    end = len(rest.rstrip(DANGLING_PUNCT_CHARS))
    if end == len(rest):
        return rest  # no trailing punctuation
    start = len(rest[:end].rstrip())
    return rest[:start] if start < end else rest  # the punctuation needs whitespace before it


def _opening_bracket(text: str, at: int) -> int:
    """Where a match whose anchor word is at `at` can start: before the "(" and spaces that a
    credit pattern may open with. (No match can start earlier: it would need an earlier anchor.)
    The search still sees the text before it (\b and lookbehinds read the whole string)."""
    start = at
    while start and text[start - 1].isspace():
        start -= 1
    if start and text[start - 1] == "(":
        start -= 1
    return start


def _ld_image_url(value: Any) -> str | None:
    if isinstance(value, list):
        for item in value:
            url = _ld_image_url(item)
            if url:
                return url
        return None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) and value.strip() else None


def image_from_jsonld(page: Page) -> str | None:
    image = page.ld("image")
    if image is None:
        image = page.ld("thumbnailUrl")
    return page.absolute(_ld_image_url(page.resolve(image)))


def image_from_meta(page: Page) -> str | None:
    return page.absolute(page.meta("og:image", "og:image:url", "twitter:image"))


def _featured_boxes(page: Page) -> list[etree._Element]:
    boxes = page.first_cls(FEATURED_CLASSES)
    if not boxes and page.family == "wp-plain":
        # Plain WordPress: the first figure inside the entry content.
        for content in page.cls("entry-content"):
            boxes = list(content.iter("figure"))[:1]
            break
    return boxes


def image_from_template(page: Page) -> str | None:
    for box in _featured_boxes(page):
        for img in box.iter(*IMG_TAGS):
            url = page.absolute(img.get("src"))
            if url:
                return url
    return None


def image_after_headline(page: Page) -> str | None:
    """Fallback: the first image after the article's h1 (the logo comes before it)."""
    node: etree._Element | None = page.headline_el
    while node is not None:
        for sibling in node.itersiblings():
            if element_tag(sibling) is None:
                continue
            for img in sibling.iter(*IMG_TAGS):
                url = page.absolute(img.get("src"))
                if url:
                    return url
        node = node.getparent()
    return None


IMAGE_SOURCES: tuple[Source[str], ...] = (
    ("jsonld", image_from_jsonld),
    ("meta", image_from_meta),
    ("template", image_from_template),
    ("html:img-after-h1", image_after_headline),
)


def caption_from_template(page: Page) -> str | None:
    for box in _featured_boxes(page):
        for el in box.iter("figcaption", "p", "div", "span"):
            if el.tag == "figcaption" or "wp-caption-text" in (el.get("class") or ""):
                text = norm_space(text_content(el))
                if text:
                    return text
    return None


def caption_generic(page: Page) -> str | None:
    candidates = [*page.tag("figcaption")]
    for token in GENERIC_CAPTION_CLASSES:
        candidates.extend(page.cls(token))
    for el in candidates:
        if _in_related(el):
            continue
        text = norm_space(text_content(el))
        if text:
            return text
    return None


def _in_related(el: Any) -> bool:
    while el is not None:
        if el.tag in ("aside", "footer") or "related" in (el.get("class") or ""):
            return True
        el = el.getparent()
    return False


def caption_from_jsonld(page: Page) -> str | None:
    image = page.resolve(page.ld("image"))
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict) and isinstance(image.get("caption"), str):
        return norm_space(image["caption"]) or None
    return None


CAPTION_SOURCES: tuple[Source[str], ...] = (
    ("template", caption_from_template),
    ("html:caption", caption_generic),
    ("jsonld", caption_from_jsonld),
)


def extract_media(page: Page) -> dict[str, tuple[str | None, str | None]]:
    """{"image_url": (value, source), "image_caption": ..., "photo_credit": ...}."""
    image_url, image_source = first_valid(page, IMAGE_SOURCES)
    caption, caption_source = first_valid(page, CAPTION_SOURCES)
    text, credit = split_photo_credit(caption)
    return {
        "image_url": (image_url, image_source),
        "image_caption": (text, caption_source if text else None),
        "photo_credit": (credit, caption_source if credit else None),
    }
