"""Links of the "Berita terkait" (related articles) block."""

from __future__ import annotations

import re

from lxml import etree

from spektroom_crawler.extract.document import norm_space, text_content
from spektroom_crawler.extract.sources import Page, split_url

# Related-block containers of the known templates (class tokens, priority order).
RELATED_CLASSES = ("jnews_related_post_container", "td_block_related_posts", "read-more-wrap",
                   "related-posts", "related", "terkait")
HEADING_TAGS = ("h2", "h3", "h4")
RELATED_HEADING_RE = re.compile(
    r"^(?:berita|artikel|baca juga berita|postingan|tulisan)\s+terkait:?$"
    r"|^related(?: posts| articles)?:?$",
    re.I,
)
NON_ARTICLE_PATH_RE = re.compile(r"/(?:author|tag|category|kategori|page|search)/|/feed/?$")
MAX_ASCENT = 4


def extract_related(page: Page, hosts: set[str] | None = None) -> list[str]:
    """Absolute article URLs of the related block, in order, without duplicates."""
    for block in page.first_cls(RELATED_CLASSES):
        links = _article_links(page, block, hosts)
        if links:
            return links
    for tag in HEADING_TAGS:
        for heading in page.tag(tag):
            if RELATED_HEADING_RE.match(norm_space(text_content(heading))):
                found = _block_with_links(heading)
                if found is not None:
                    return _article_links(page, found, hosts)
    return []


def _hrefs(el: etree._Element) -> list[str]:
    return [a.get("href") or "" for a in el.iter("a")]


def _block_with_links(start: etree._Element | None) -> etree._Element | None:
    el = start
    for _ in range(MAX_ASCENT):
        if el is None:
            return None
        hrefs = [h for h in _hrefs(el) if h and not h.startswith("#")]
        if hrefs:
            return el
        el = el.getparent()
    return None


def _article_links(
    page: Page, block: etree._Element, hosts: set[str] | None
) -> list[str]:
    own = split_url(page.url)
    allowed = hosts or {own.netloc}
    out: list[str] = []
    for href in _hrefs(block):
        url = page.absolute(href)
        if not url or url in out:
            continue
        parts = split_url(url)
        if parts.scheme not in ("http", "https") or parts.netloc not in allowed:
            continue
        if parts.path in ("", "/") or NON_ARTICLE_PATH_RE.search(parts.path):
            continue
        if parts.path.rstrip("/") == own.path.rstrip("/"):
            continue
        out.append(url)
    return out
