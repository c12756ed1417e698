"""extract_article: HTML + URL -> Article, field by field, from one parsed tree.

Every field runs an ordered list of small sources (JSON-LD -> meta -> template selectors ->
text heuristics); the first valid value wins and its source name lands in `Article.sources`.
Decisions worth knowing:
- paragraphs keep their text intact: the dateline stays in paragraphs[0] and is also recorded
  in `dateline`, so quote paragraph indexes point at the published text;
- a trailer glued to the last paragraph ("... layak.// Apolonius.") is cut off the paragraph
  and credited; trailer lines (Reporter/Penulis/Pewarta/Editor/Redaktur) are not paragraphs;
- listing and error pages return a record with only url/canonical_url/language and a warning.
Extraction never raises on bad input: problems become `warnings`.
"""

from __future__ import annotations

import datetime as dt
import re

from spektroom_crawler.extract.body import extract_body
from spektroom_crawler.extract.dateline import dateline_length, parse_dateline
from spektroom_crawler.extract.dates import find_event_date
from spektroom_crawler.extract.document import parse_document
from spektroom_crawler.extract.headline import extract_headline, extract_subheadline
from spektroom_crawler.extract.media import extract_media
from spektroom_crawler.extract.pagekind import (
    NOT_ARTICLE_WARNINGS,
    WARN_EMPTY,
    WARN_ERROR,
    WARN_LISTING,
    WARN_STATIC,
    WARN_TRUNCATED,
    WARN_UNPARSABLE,
    is_error_page,
    is_listing_page,
    is_static_page,
)
from spektroom_crawler.extract.people import extract_people
from spektroom_crawler.extract.quotes import extract_quotes
from spektroom_crawler.extract.related import extract_related
from spektroom_crawler.extract.sources import Page, build_page, split_url
from spektroom_crawler.extract.taxonomy import (
    extract_language,
    extract_section,
    extract_tags,
    language_from_text,
)
from spektroom_crawler.extract.timestamps import extract_modified, extract_published
from spektroom_crawler.record import Article, format_when
from spektroom_crawler.urls import canonicalize_url

CLOSING_HTML_RE = re.compile(r"</html\s*>", re.I)
CLOSING_HTML_BYTES_RE = re.compile(rb"</html\s*>", re.I)
TAIL_CHARS = 4096
LEAD_PARAGRAPHS = 2


def extract_article(
    html: bytes | str | None, url: str, *, now: dt.datetime | None = None
) -> Article:
    """Turn one page (bytes as served, or decoded text) into an Article; never raises."""
    article = Article(url=url)
    data = html or b""
    root = parse_document(data)
    if root is None:
        article.canonical_url = _safe_canonical(url)
        article.warnings.append(WARN_UNPARSABLE if data.strip() else WARN_EMPTY)
        return article
    page = build_page(root, url)
    article.canonical_url = _canonical(page) or _safe_canonical(url)
    article.language, source = extract_language(page)
    _note(article, "language", source)

    if is_error_page(page):
        article.warnings.append(WARN_ERROR)
        return article
    if is_listing_page(page):
        article.warnings.append(WARN_LISTING)
        return article
    if is_static_page(page):
        article.warnings.append(WARN_STATIC)
        return article
    if not _has_closing_html(data):
        article.warnings.append(WARN_TRUNCATED)
    _fill(page, article, now)
    return article


def _fill(page: Page, article: Article, now: dt.datetime | None) -> None:
    article.headline, source = extract_headline(page)
    _note(article, "headline", source)
    article.subheadline, source = extract_subheadline(page)
    _note(article, "subheadline", source)
    article.section, source = extract_section(page)
    _note(article, "section", source)
    tags, source = extract_tags(page)
    article.tags = tags or []
    _note(article, "tags", source)

    body = extract_body(page)
    article.paragraphs = body.paragraphs
    _note(article, "paragraphs", body.source if body.paragraphs else None)
    if article.language is None:
        article.language = language_from_text(body.paragraphs)
        _note(article, "language", "text" if article.language else None)

    published = extract_published(page, now)
    article.published_at = format_when(published.value)
    article.published_at_raw = published.raw
    _note(article, "published_at", published.source)
    modified = extract_modified(page, now)
    # Ghost and others stamp dateModified == datePublished on untouched posts: not a change.
    if not _same_instant(modified.value, published.value):
        article.modified_at = format_when(modified.value)
        article.modified_at_raw = modified.raw
        _note(article, "modified_at", modified.source)

    article.dateline = parse_dateline(body.paragraphs[0] if body.paragraphs else None)
    _note(article, "dateline", "text" if article.dateline else None)
    # A datetime reference lets find_event_date take the day on the WIB calendar (a UTC stamp
    # late in the evening is already the next day in Indonesia).
    reference = published.value
    event = None
    for lead in body.paragraphs[:LEAD_PARAGRAPHS]:  # one at a time: most leads settle it in p0
        event = find_event_date(lead, reference=reference)
        if event:
            break
    article.event_date = event.isoformat() if event else None
    _note(article, "event_date", "text" if event else None)

    authors, source, editors, editor_source = extract_people(page, body.credits)
    article.authors, article.editors = authors, editors
    _note(article, "authors", source)
    _note(article, "editors", editor_source)

    for name, (value, src) in extract_media(page).items():
        setattr(article, name, value)
        _note(article, name, src)

    article.quotes = extract_quotes(_without_dateline(body.paragraphs, article), normalized=True)
    _note(article, "quotes", "text" if article.quotes else None)
    article.related_urls = extract_related(page, _site_hosts(page, article))
    _note(article, "related_urls", "html:related" if article.related_urls else None)

    if not article.headline:
        article.warnings.append("no headline found")
    if not article.paragraphs:
        article.warnings.append("no body paragraphs found")
    if not article.published_at:
        article.warnings.append("no published date found")
    if not article.authors:
        article.warnings.append("no byline found")


def _has_closing_html(data: bytes | str) -> bool:
    if isinstance(data, bytes):
        # "</html>" is normally the last end tag: try the regex only at end tags, from the end,
        # instead of a case-insensitive scan through the whole tail (searched in place: the
        # tail is the end of the data, so it needs no copy).
        start = max(0, len(data) - TAIL_CHARS)
        at = data.rfind(b"</", start)
        while at >= 0:
            if CLOSING_HTML_BYTES_RE.match(data, at):
                return True
            at = data.rfind(b"</", start, at)
        return False
    return CLOSING_HTML_RE.search(data[-TAIL_CHARS:]) is not None


def _same_instant(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None or type(a) is not type(b):
        return False
    return a == b  # aware datetimes compare as instants


def _without_dateline(paragraphs: list[str], article: Article) -> list[str]:
    """Paragraphs for quote finding: the dateline lead-in is not part of anyone's words.

    Same length and order as `paragraphs`, so quote paragraph indexes stay valid.
    """
    if not paragraphs or article.dateline is None:
        return paragraphs
    first = paragraphs[0]
    return [first[dateline_length(first) :], *paragraphs[1:]]


def is_article(article: Article) -> bool:
    """True when the record is an article: a headline, body text, and no non-article warning."""
    if NOT_ARTICLE_WARNINGS.intersection(article.warnings):
        return False
    return bool(article.headline and article.paragraphs)


def _note(article: Article, field: str, source: str | None) -> None:
    if source:
        article.sources[field] = source


def _safe_canonical(url: str) -> str | None:
    try:
        return canonicalize_url(url)
    except ValueError:  # malformed URL: no canonical form
        return None


def _canonical(page: Page) -> str | None:
    """The page's declared canonical URL (<link rel=canonical>, then og:url), canonicalized.

    og:url is looked up only when the link gives nothing usable (most pages have the link).
    """
    for find in (_link_canonical, _og_url):
        absolute = page.absolute(find(page))
        if absolute:
            canonical = _safe_canonical(absolute)
            if canonical:
                return canonical
    return None


def _link_canonical(page: Page) -> str | None:
    for link in page.tag("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href"))
    return None


def _og_url(page: Page) -> str | None:
    return page.meta("og:url")


def _site_hosts(page: Page, article: Article) -> set[str]:
    hosts = {split_url(page.url).netloc, "spektroom.co.id", "www.spektroom.co.id"}
    if article.canonical_url:
        hosts.add(split_url(article.canonical_url).netloc)
    return hosts
