"""What a URL on the site is, from the URL alone: article, listing, section, feed, asset, off-site.

Pure and fast (no network, no HTML): spiders use it to decide which links to follow and which
responses to hand to extraction. Whether a fetched page really is an article is decided later by
extraction; this only sorts URLs, so a Ghost slug ("/penghargaan-untuk-kapuas-hulu/") and a static
page ("/redaksi/") look alike except for the known static slugs below.
"""

from __future__ import annotations

import enum
import re
from urllib.parse import urlsplit

from spektroom_crawler.urls import canonicalize_url

__all__ = ["UrlKind", "classify_url", "is_same_site", "site_host"]


class UrlKind(enum.StrEnum):
    """The kinds of URL a crawl meets."""

    ARTICLE = "article"
    HOME = "home"  # the homepage and its /page/N/ pagination
    SECTION = "section"  # /category/x/ (WordPress) or /tag/x/ (Ghost), with pagination
    AUTHOR = "author"
    ARCHIVE = "archive"  # date archives: /2025/, /2025/11/, /2025/11/26/
    FEED = "feed"
    SITEMAP = "sitemap"
    ASSET = "asset"  # images, scripts, styles, documents, uploads
    OTHER = "other"  # static pages, search, admin, login, JSON API, comments
    OFFSITE = "offsite"
    INVALID = "invalid"  # not http(s), no host, unparsable

    @property
    def is_listing(self) -> bool:
        """Pages that list articles and are worth following for discovery."""
        return self in (UrlKind.HOME, UrlKind.SECTION, UrlKind.AUTHOR, UrlKind.ARCHIVE)


# WordPress date permalinks /YYYY/MM/DD/slug/ (also /YYYY/MM/slug/), optionally an AMP variant.
DATE_PERMALINK_RE = re.compile(r"^/(?:19|20)\d\d/[01]\d/(?:[0-3]\d/)?[^/]+/(?:amp/)?$")
DATE_ARCHIVE_RE = re.compile(r"^/(?:19|20)\d\d/(?:[01]\d/(?:[0-3]\d/)?)?(?:page/\d+/)?$")
# A Ghost/WordPress "postname" slug, optionally with an /amp/ suffix or /amp/ prefix.
SLUG_RE = re.compile(r"^/(?:amp/)?([a-z0-9][a-z0-9_%.-]*)/(?:amp/)?$", re.IGNORECASE)
PAGINATION_RE = re.compile(r"^/page/\d+/$")
SECTION_RE = re.compile(
    r"^/(?:category|tag|kategori|rubrik|topik)/[^/]+(?:/[^/]+)*/(?:page/\d+/)?$"
)
AUTHOR_RE = re.compile(r"^/(?:author|penulis)/[^/]+/(?:page/\d+/)?$")
# /feed/, /rss/, /feed/atom/, /category/x/feed/, /slug/feed/ (comment feeds are still feeds).
FEED_RE = re.compile(r"(?:^|/)(?:feed|rss|atom)(?:/(?:atom|rss2?|rdf))?/$|\.(?:rss|atom)$")
SITEMAP_RE = re.compile(r"sitemap[^/]*\.xml(?:\.gz)?$|^/robots\.txt$", re.IGNORECASE)
ASSET_EXT_RE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|css|js|mjs|map|json|woff2?|ttf|eot|otf"
    r"|pdf|docx?|xlsx?|pptx?|zip|rar|gz|mp[34]|m4a|webm|ogg|wav|mov|avi)$",
    re.IGNORECASE,
)
ASSET_PREFIX_RE = re.compile(r"^/(?:wp-content|wp-includes|content/images|assets|static|cdn-cgi)/")
OTHER_PREFIX_RE = re.compile(
    r"^/(?:wp-admin|wp-json|wp-login\.php|xmlrpc\.php|ghost|members|search|cari|comments"
    r"|p/[0-9a-f-]+|preview|trackback)(?:/|$)",
    re.IGNORECASE,
)
# A descriptive slug of three or more words: "bupati-agam-resmikan-jembatan".
LONG_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$", re.IGNORECASE)
# First path segments that are sections of the site, not article slugs.
RESERVED_SLUGS = frozenset(
    {
        "page", "category", "tag", "author", "feed", "rss", "amp", "search", "cari",
        "redaksi", "tentang-kami", "tentang", "about", "about-us", "kontak", "kontak-kami",
        "contact", "pedoman-media-siber", "kebijakan-privasi", "privacy-policy",
        "disclaimer", "syarat-dan-ketentuan", "iklan", "karir", "indeks", "index",
        "signin", "signup", "subscribe", "account", "login", "register", "sitemap",
    }
)


def site_host(base_url: str) -> str:
    """The comparable host[:port] of a base URL: lower case, without "www."; "" when invalid."""
    try:
        parts = urlsplit(base_url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # a port that is not a number
        return ""
    if host.startswith("www."):
        host = host[4:]
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    return host


def is_same_site(url: str, base_url: str) -> bool:
    """True when `url` is on the site of `base_url` (scheme and "www." ignored)."""
    host = site_host(url)
    return bool(host) and host == site_host(base_url)


def classify_url(url: str | None, base_url: str) -> UrlKind:
    """Sort one absolute URL into a `UrlKind` relative to the site at `base_url`."""
    if not url or not isinstance(url, str):
        return UrlKind.INVALID
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
    except ValueError:  # "http://[::1" and other unparsable netlocs
        return UrlKind.INVALID
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        return UrlKind.INVALID
    if not is_same_site(url, base_url):
        return UrlKind.OFFSITE
    # Canonical form: tracking parameters gone, one trailing slash on page paths.
    canonical = urlsplit(canonicalize_url(url))
    path = canonical.path
    raw_path = parts.path or "/"
    query = canonical.query
    if SITEMAP_RE.search(raw_path):
        return UrlKind.SITEMAP
    if ASSET_PREFIX_RE.match(raw_path) or ASSET_EXT_RE.search(raw_path):
        return UrlKind.ASSET
    if FEED_RE.search(path) or "feed=" in query:
        return UrlKind.FEED
    if OTHER_PREFIX_RE.match(path) or query.startswith("s=") or "&s=" in query:
        return UrlKind.OTHER
    if path == "/" or PAGINATION_RE.match(path):
        return UrlKind.HOME
    if SECTION_RE.match(path):
        return UrlKind.SECTION
    if AUTHOR_RE.match(path):
        return UrlKind.AUTHOR
    if DATE_ARCHIVE_RE.match(path):
        return UrlKind.ARCHIVE
    if DATE_PERMALINK_RE.match(raw_path if raw_path.endswith("/") else raw_path + "/"):
        return UrlKind.ARTICLE
    slug = SLUG_RE.match(raw_path if raw_path.endswith("/") else raw_path + "/")
    if slug and slug.group(1).lower() not in RESERVED_SLUGS and "." not in slug.group(1):
        return UrlKind.ARTICLE
    # Deeper paths ("/berita/<slug>/", "/news/<slug>/") are articles when the last segment is a
    # descriptive slug; whether the page really is one is extraction's call.
    segments = [s for s in path.split("/") if s]
    if segments and segments[-1] == "amp":
        segments.pop()
    if len(segments) >= 2 and LONG_SLUG_RE.match(segments[-1]):
        return UrlKind.ARTICLE
    return UrlKind.OTHER
