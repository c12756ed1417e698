"""Is this page an article at all? Listing pages and error pages are recognized up front."""

from __future__ import annotations

import re

from spektroom_crawler.extract.document import norm_space, text_content
from spektroom_crawler.extract.sources import COLLECTION_TYPES, Page, split_url

ERROR_TEXT_RE = re.compile(
    r"\b404\b|tidak ditemukan|tak ditemukan|not found|page not found|halaman tidak ada", re.I
)
# Every ERROR_TEXT_RE match contains one of these in the lower-cased text, unless the text has
# "İ"/"ı" (which IGNORECASE matches to "i"). The regex tries all its alternatives at every
# position (~7 us on a title); these substring tests settle most titles and headings first.
ERROR_TEXT_HINTS = ("404", "ditemukan", "not found", "tidak ada")
ERROR_BODY_CLASS_RE = re.compile(r"\berror-?404\b")
LISTING_PATH_RE = re.compile(r"/(?:category|kategori|tag|topik|author|penulis|page|search)/")
LISTING_BODY_CLASS_RE = re.compile(r"\b(?:archive|category|tag-template|home|blog|search)\b")
MIN_TEASERS = 3

WARN_EMPTY = "empty document"
WARN_UNPARSABLE = "document could not be parsed as HTML"
WARN_LISTING = "page looks like a listing, not an article"
WARN_ERROR = "page looks like an error page (not found), not an article"
WARN_STATIC = "page looks like a static page (about, contact, policy), not an article"
WARN_TRUNCATED = "document looks truncated (no closing </html>)"
NOT_ARTICLE_WARNINGS = frozenset(
    {WARN_EMPTY, WARN_UNPARSABLE, WARN_LISTING, WARN_ERROR, WARN_STATIC}
)
# Body classes of CMS static pages (Ghost "page-template", WordPress "page page-template-default").
STATIC_BODY_CLASSES = frozenset({"page-template", "page", "page-template-default"})


def is_error_page(page: Page) -> bool:
    body_class = _body_class(page)
    # The regex needs "error" as written: the substring test spares it the long class list.
    if "error" in body_class and ERROR_BODY_CLASS_RE.search(body_class):
        return True
    if page.article_ld is not None or page.meta("og:type") == "article":
        return False
    titles = page.tag("title")
    if titles and _error_text(text_content(titles[0])):
        return True
    return any(_error_text(norm_space(text_content(h))) for h in page.tag("h1")[:2])


def _error_text(text: str) -> bool:
    """Does ERROR_TEXT_RE match? (The substring tests first: most texts stop there.)"""
    low = text.lower()
    hinted = any(hint in low for hint in ERROR_TEXT_HINTS)
    if not hinted and "\u0130" not in text and "\u0131" not in text:
        return False
    return ERROR_TEXT_RE.search(text) is not None


def _body_class(page: Page) -> str:
    bodies = page.tag("body")
    return (bodies[0].get("class") or "") if bodies else ""


def _teasers(page: Page) -> int:
    """Article teasers: <article> elements and h2/h3 headings that are links."""
    headings = [h for tag in ("h2", "h3") for h in page.tag(tag) if h.find(".//a") is not None]
    return len(page.tag("article")) + len(headings)


def is_static_page(page: Page) -> bool:
    """CMS static pages (Tentang Kami, Redaksi, Kontak): page body classes, no article markup."""
    if page.article_ld is not None or page.meta("og:type") == "article":
        return False
    return not STATIC_BODY_CLASSES.isdisjoint(_body_class(page).split())


def is_listing_page(page: Page) -> bool:
    """Section/tag/author/home pages: a listing signal and no article markup.

    A strong signal (a /tag/, /category/, /author/, /page/N/ URL, CollectionPage JSON-LD, an
    archive body class) is enough, even for a listing with no posts yet; og:type "website"
    alone also needs a few teasers (some themes mark articles "website" too).
    """
    if page.article_ld is not None or page.meta("og:type") == "article":
        return False
    strong = (
        bool(page.ld_types() & COLLECTION_TYPES)
        or bool(LISTING_PATH_RE.search(split_url(page.url).path))
        or bool(LISTING_BODY_CLASS_RE.search(_body_class(page)))
    )
    if strong:
        return True
    return page.meta("og:type") == "website" and _teasers(page) >= MIN_TEASERS
