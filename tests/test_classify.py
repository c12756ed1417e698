"""The URL classifier: which URLs are articles, listings, feeds, assets or off-site."""

from __future__ import annotations

import pytest

from spektroom_crawler.classify import UrlKind, classify_url, is_same_site, site_host
from spektroom_crawler.urls import canonicalize_url

BASE = "https://spektroom.co.id"
MIRROR = "http://127.0.0.1:8123"

CASES = [
    # articles: WordPress date permalinks and Ghost slugs, with AMP and tracking variants
    (f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu/", UrlKind.ARTICLE),
    (f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu", UrlKind.ARTICLE),
    (f"{BASE}/2025/11/26/penghargaan-untuk-kapuas-hulu/amp/", UrlKind.ARTICLE),
    (f"{BASE}/penghargaan-untuk-kapuas-hulu/", UrlKind.ARTICLE),
    (f"{BASE}/penghargaan-untuk-kapuas-hulu/amp/", UrlKind.ARTICLE),
    (f"{BASE}/amp/penghargaan-untuk-kapuas-hulu/", UrlKind.ARTICLE),
    (f"{BASE}/penghargaan-untuk-kapuas-hulu/?utm_source=facebook&utm_medium=x", UrlKind.ARTICLE),
    ("https://www.spektroom.co.id/polda-kalbar-ungkap-tppo/#comments", UrlKind.ARTICLE),
    ("http://SPEKTROOM.co.id/polda-kalbar-ungkap-tppo/", UrlKind.ARTICLE),
    (f"{MIRROR}/bupati-agam-resmikan-jembatan/", UrlKind.ARTICLE),
    # listings
    (f"{BASE}/", UrlKind.HOME),
    (BASE, UrlKind.HOME),
    (f"{BASE}/page/2/", UrlKind.HOME),
    (f"{BASE}/page/17", UrlKind.HOME),
    (f"{BASE}/category/daerah/", UrlKind.SECTION),
    (f"{BASE}/category/daerah/page/3/", UrlKind.SECTION),
    (f"{BASE}/category/berita/hukum/", UrlKind.SECTION),
    (f"{BASE}/tag/kapuas-hulu/", UrlKind.SECTION),
    (f"{BASE}/tag/kapuas-hulu/page/2/", UrlKind.SECTION),
    (f"{BASE}/author/apolonius/", UrlKind.AUTHOR),
    (f"{BASE}/author/apolonius/page/2/", UrlKind.AUTHOR),
    (f"{BASE}/2025/11/", UrlKind.ARCHIVE),
    (f"{BASE}/2025/", UrlKind.ARCHIVE),
    (f"{BASE}/2025/11/26/", UrlKind.ARCHIVE),
    # feeds and sitemaps
    (f"{BASE}/feed/", UrlKind.FEED),
    (f"{BASE}/rss/", UrlKind.FEED),
    (f"{BASE}/feed/atom/", UrlKind.FEED),
    (f"{BASE}/category/daerah/feed/", UrlKind.FEED),
    (f"{BASE}/penghargaan-untuk-kapuas-hulu/feed/", UrlKind.FEED),
    (f"{BASE}/?feed=rss2", UrlKind.FEED),
    (f"{BASE}/sitemap.xml", UrlKind.SITEMAP),
    (f"{BASE}/sitemap_index.xml", UrlKind.SITEMAP),
    (f"{BASE}/post-sitemap.xml", UrlKind.SITEMAP),
    (f"{BASE}/sitemap-posts.xml", UrlKind.SITEMAP),
    (f"{BASE}/wp-sitemap-posts-post-1.xml", UrlKind.SITEMAP),
    (f"{BASE}/robots.txt", UrlKind.SITEMAP),
    # assets
    (f"{BASE}/wp-content/uploads/2025/11/jembatan-agam.jpg", UrlKind.ASSET),
    (f"{BASE}/content/images/2025/11/foto.webp", UrlKind.ASSET),
    (f"{BASE}/wp-includes/js/jquery.min.js?ver=3.7.1", UrlKind.ASSET),
    (f"{BASE}/laporan-tahunan.pdf", UrlKind.ASSET),
    (f"{BASE}/favicon.ico", UrlKind.ASSET),
    # everything else on the site
    (f"{BASE}/redaksi/", UrlKind.OTHER),
    (f"{BASE}/pedoman-media-siber/", UrlKind.OTHER),
    (f"{BASE}/?s=perdagangan+orang", UrlKind.OTHER),
    (f"{BASE}/search/?q=banjir", UrlKind.OTHER),
    (f"{BASE}/wp-admin/", UrlKind.OTHER),
    (f"{BASE}/wp-json/wp/v2/posts", UrlKind.OTHER),
    (f"{BASE}/wp-login.php", UrlKind.OTHER),
    (f"{BASE}/draft/rencana-liputan/", UrlKind.OTHER),
    (f"{BASE}/berita/bupati-agam-resmikan-jembatan/", UrlKind.ARTICLE),
    (f"{BASE}/draft/rencana-mutasi-pejabat-eselon-ii/", UrlKind.ARTICLE),  # robots.txt decides
    (f"{BASE}/read/2025/11/26/penghargaan-untuk-kapuas-hulu/amp/", UrlKind.ARTICLE),
    (f"{BASE}/kanal/daerah/", UrlKind.OTHER),
    (f"{BASE}/a/b/c/d/", UrlKind.OTHER),
    # off-site
    ("https://www.antaranews.com/berita/123/banjir", UrlKind.OFFSITE),
    ("https://spektroom.co.id.evil.example/x/", UrlKind.OFFSITE),
    ("https://m.spektroom.co.id/x/", UrlKind.OFFSITE),
    (f"{BASE}:8443/x/", UrlKind.OFFSITE),
    ("http://127.0.0.1:9999/x/", UrlKind.OFFSITE),
    # invalid
    ("mailto:redaksi@spektroom.co.id", UrlKind.INVALID),
    ("javascript:void(0)", UrlKind.INVALID),
    ("ftp://spektroom.co.id/x/", UrlKind.INVALID),
    ("/relative/path/", UrlKind.INVALID),
    ("", UrlKind.INVALID),
    (None, UrlKind.INVALID),
    ("http://", UrlKind.INVALID),
]


@pytest.mark.parametrize(("url", "kind"), CASES)
def test_classify_url(url: str | None, kind: UrlKind) -> None:
    base = MIRROR if url and url.startswith(MIRROR) else BASE
    assert classify_url(url, base) is kind


def test_classify_url_garbage_does_not_raise() -> None:
    assert classify_url("http://[::1", BASE) is UrlKind.INVALID
    assert classify_url("https://spektroom.co.id:notaport/x/", BASE) is UrlKind.OFFSITE
    assert classify_url(12345, BASE) is UrlKind.INVALID  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "variant",
    [
        "https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/amp/",
        "https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/?utm_source=wa",
        "https://www.spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu?amp=1",
        "http://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/#respond",
    ],
)
def test_variants_are_the_same_article(variant: str) -> None:
    original = "https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/"
    assert classify_url(variant, BASE) is UrlKind.ARTICLE
    assert canonicalize_url(variant) == canonicalize_url(original)


def test_listing_kinds() -> None:
    assert UrlKind.HOME.is_listing and UrlKind.SECTION.is_listing and UrlKind.AUTHOR.is_listing
    assert not UrlKind.ARTICLE.is_listing and not UrlKind.FEED.is_listing


def test_site_host() -> None:
    assert site_host("https://WWW.Spektroom.co.id/") == "spektroom.co.id"
    assert site_host("http://127.0.0.1:8080") == "127.0.0.1:8080"
    assert site_host("https://spektroom.co.id:443/") == "spektroom.co.id"
    assert site_host("not a url") == ""
    assert is_same_site("http://www.spektroom.co.id/x/", "https://spektroom.co.id")
    assert not is_same_site("", "https://spektroom.co.id")
