"""Link discovery: the URLs (and their dates) that sitemaps, feeds and listing pages point to.

Pure functions over bytes or a parsel Selector: the spiders call them and only build requests from
the results, so every rule here is unit-tested without Scrapy. Dates are the machine-readable ones
(sitemap `lastmod`, feed `pubDate`/`updated`, `<time datetime>` on listing cards, the date in a
WordPress permalink); Indonesian visible-text dates are extraction's business, not discovery's.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

from spektroom_crawler.classify import UrlKind, classify_url

__all__ = [
    "WIB",
    "Link",
    "feed_entries",
    "is_post_sitemap",
    "listing_entries",
    "next_page_url",
    "parse_bound",
    "parse_lastmod",
    "robots_sitemaps",
    "sitemap_entries",
]

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")

# Sub-sitemaps of non-article content in WordPress (Yoast, core wp-sitemap, Rank Math) and Ghost.
NON_POST_SITEMAP_RE = re.compile(
    r"(?:^|[/_-])(?:page|pages|tag|tags|post_tag|category|categories|taxonom\w*|author|authors"
    r"|users?|attachment|media|image|video|web-story)(?:[_-]|sitemap|\d|\.xml)",
    re.IGNORECASE,
)
ROBOTS_SITEMAP_RE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
# /2025/11/26/slug/ in a WordPress permalink.
PERMALINK_DATE_RE = re.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)/[^/]+/")
GZIP_MAGIC = b"\x1f\x8b"
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit (uncompressed)
XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, recover=True, huge_tree=True, remove_comments=True
)
LISTING_CARD_XPATH = (
    "//article | //*[contains(concat(' ', normalize-space(@class), ' '), ' post-card ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' jeg_post ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' td_module_wrap ')]"
)
FEED_DATE_ORDER = ("updated", "modified", "pubDate", "published", "date")
NEXT_PAGE_CSS = "link[rel=next]::attr(href), a[rel=next]::attr(href), a.next::attr(href)"


@dataclass(frozen=True, slots=True)
class Link:
    """A discovered URL with the date its source gave for it (None when it gave none)."""

    url: str
    lastmod: dt.datetime | None = None

    @property
    def lastmod_iso(self) -> str | None:
        """The date as ISO 8601 text, as stored in `Article.lastmod`."""
        return self.lastmod.isoformat() if self.lastmod else None


def parse_lastmod(text: str | None) -> dt.datetime | None:
    """An aware datetime from a W3C/ISO 8601 or RFC 822 date; None when unreadable.

    A bare date means midnight WIB (the site's zone); so does a time without an offset.
    """
    if not text or not isinstance(text, str):
        return None
    value = text.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=WIB)
    return parsed


def parse_bound(text: str | None, *, end: bool = False) -> dt.datetime | None:
    """A --since/--until bound: a date (whole day in WIB) or an ISO datetime; None when empty.

    `end=True` turns a bare date into the end of that day, so "--until 2025-11-30" includes the
    30th. Raises ValueError on text that is not a date.
    """
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        parsed = parse_lastmod(value)
        if parsed is None:
            raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD or ISO 8601)") from None
        return parsed
    start = dt.datetime.combine(day, dt.time(), tzinfo=WIB)
    return start + dt.timedelta(days=1, microseconds=-1) if end else start


def robots_sitemaps(robots_txt: bytes | str | None, base_url: str) -> list[str]:
    """The `Sitemap:` URLs of a robots.txt, absolute, in order, without repeats."""
    if not robots_txt:
        return []
    text = robots_txt.decode("utf-8", "replace") if isinstance(robots_txt, bytes) else robots_txt
    seen: dict[str, None] = {}
    for match in ROBOTS_SITEMAP_RE.finditer(text):
        seen.setdefault(urljoin(base_url + "/", match.group(1)), None)
    return list(seen)


def is_post_sitemap(url: str) -> bool:
    """True for sub-sitemaps that list articles (not pages, tags, authors, categories, media)."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    return not NON_POST_SITEMAP_RE.search(name)


def _xml_root(body: bytes) -> etree._Element | None:
    if body[:2] == GZIP_MAGIC:
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError):
            return None
    if len(body) > MAX_SITEMAP_BYTES or not body.strip():
        return None
    try:
        return etree.fromstring(body, parser=XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def sitemap_entries(body: bytes | None, base_url: str) -> tuple[str, list[Link]]:
    """Parse a sitemap: ("index", sub-sitemaps) or ("urlset", pages); ("", []) when unreadable."""
    root = _xml_root(body or b"")
    if root is None:
        return "", []
    kind = _local(root.tag).lower()
    if kind not in ("sitemapindex", "urlset"):
        return "", []
    links: list[Link] = []
    for entry in root:
        loc = lastmod = None
        for child in entry:
            name = _local(child.tag)
            if name == "loc":
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = parse_lastmod(child.text)
        if loc:
            links.append(Link(urljoin(base_url + "/", loc), lastmod))
    return ("index" if kind == "sitemapindex" else "urlset"), links


def feed_entries(body: bytes | None, base_url: str) -> list[Link]:
    """The item links of an RSS 2.0 or Atom feed, each with updated/pubDate when given."""
    root = _xml_root(body or b"")
    if root is None:
        return []
    links: list[Link] = []
    for item in root.iter():
        if _local(item.tag) not in ("item", "entry"):
            continue
        url: str | None = None
        dates: dict[str, dt.datetime | None] = {}
        for child in item:
            name = _local(child.tag)
            if name == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    url = href.strip()
                elif child.text and child.text.strip():
                    url = child.text.strip()
            elif name in ("updated", "modified", "pubDate", "published", "date"):
                dates.setdefault(name, parse_lastmod(child.text))
        if not url:
            continue
        # The newest "changed" date wins: Atom/dc modified dates over the publication date.
        when = next((dates[k] for k in FEED_DATE_ORDER if dates.get(k)), None)
        links.append(Link(urljoin(base_url + "/", url), when))
    return links


def _permalink_date(url: str) -> dt.datetime | None:
    match = PERMALINK_DATE_RE.search(url)
    if not match:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return dt.datetime.combine(day, dt.time(), tzinfo=WIB)


def _card_date(card: Selector) -> dt.datetime | None:
    for value in card.css("time::attr(datetime), [itemprop=datePublished]::attr(content)").getall():
        parsed = parse_lastmod(value)
        if parsed is not None:
            return parsed
    return None


def listing_entries(
    selector: Selector, page_url: str, base_url: str, *, cards: bool = True
) -> list[Link]:
    """Article links of a page, in page order, each with the date the page gives it.

    On a listing page (`cards=True`) a card (`<article>`, Ghost `post-card`, JNews `jeg_post`,
    Newspaper `td_module_wrap`) dates the links in it by its `<time datetime>`; otherwise a
    WordPress date permalink dates its own URL. Links outside cards (menus, "Terpopuler"
    sidebars) are included undated: they still lead to articles. On an article page
    (`cards=False`) the page's own `<article>` and date say nothing about the links in its text.
    """
    found: dict[str, dt.datetime | None] = {}
    for card in selector.xpath(LISTING_CARD_XPATH) if cards else ():
        when = _card_date(card)
        for href in card.css("a::attr(href)").getall():
            url = urljoin(page_url, href.strip())
            if classify_url(url, base_url) is UrlKind.ARTICLE and found.get(url) is None:
                found[url] = when or _permalink_date(url)
    for href in selector.css("a::attr(href)").getall():
        url = urljoin(page_url, href.strip())
        if url not in found and classify_url(url, base_url) is UrlKind.ARTICLE:
            found[url] = _permalink_date(url)
    return [Link(url, when) for url, when in found.items()]


def listing_links(selector: Selector, page_url: str, base_url: str) -> Iterator[str]:
    """Same-site listing pages linked from a page (sections, tags, authors), without repeats."""
    seen: set[str] = set()
    for href in selector.css("a::attr(href)").getall():
        url = urljoin(page_url, href.strip()).split("#", 1)[0]
        if url not in seen and classify_url(url, base_url).is_listing:
            seen.add(url)
            yield url


def next_page_url(selector: Selector, page_url: str) -> str | None:
    """The listing's next page, from rel=next or a "next" pagination link."""
    href = selector.css(NEXT_PAGE_CSS).get()
    return urljoin(page_url, href.strip()) if href else None
