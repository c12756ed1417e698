"""Small, realistic sitemap / feed / listing documents for the discovery and spider unit tests."""

from __future__ import annotations

BASE = "https://spektroom.co.id"

ROBOTS_TXT = b"""User-agent: *
Disallow: /wp-admin/
Disallow: /draft/
Allow: /wp-admin/admin-ajax.php

Sitemap: https://spektroom.co.id/sitemap_index.xml
sitemap: /news-sitemap.xml
Sitemap: https://spektroom.co.id/sitemap_index.xml
"""

WP_SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="//spektroom.co.id/main-sitemap.xsl"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://spektroom.co.id/post-sitemap.xml</loc>
    <lastmod>2025-12-04T10:20:00+08:00</lastmod></sitemap>
  <sitemap><loc>https://spektroom.co.id/post-sitemap2.xml</loc>
    <lastmod>2025-10-31T23:10:00+07:00</lastmod></sitemap>
  <sitemap><loc>https://spektroom.co.id/page-sitemap.xml</loc>
    <lastmod>2025-06-01T08:00:00+07:00</lastmod></sitemap>
  <sitemap><loc>https://spektroom.co.id/category-sitemap.xml</loc></sitemap>
  <sitemap><loc>https://spektroom.co.id/post_tag-sitemap.xml</loc></sitemap>
  <sitemap><loc>https://spektroom.co.id/author-sitemap.xml</loc></sitemap>
  <sitemap><loc>https://mirror.example.net/post-sitemap.xml</loc></sitemap>
</sitemapindex>
"""

WP_POST_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
  xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://spektroom.co.id/</loc><lastmod>2025-12-04T10:20:00+08:00</lastmod></url>
  <url><loc>https://spektroom.co.id/2025/12/04/bupati-agam-resmikan-jembatan-gantung/</loc>
    <lastmod>2025-12-04T10:20:00+08:00</lastmod>
    <image:image><image:loc>https://spektroom.co.id/wp-content/uploads/2025/12/jembatan.jpg</image:loc></image:image>
  </url>
  <url><loc>https://spektroom.co.id/2025/11/29/polda-kalbar-ungkap-kasus-tppo/</loc>
    <lastmod>2025-11-29T19:45:00+07:00</lastmod></url>
  <url><loc>https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/</loc>
    <lastmod>2025-11-26</lastmod></url>
  <url><loc>https://spektroom.co.id/2025/11/15/harga-cabai-naik-jelang-nataru/</loc></url>
  <url><loc>https://spektroom.co.id/2025/10/02/festival-danau-sentarum-2025/</loc>
    <lastmod>2025-10-02T07:00:00Z</lastmod></url>
</urlset>
"""

GHOST_SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://spektroom.co.id/sitemap-pages.xml</loc><lastmod>2025-11-20T03:00:00.000Z</lastmod></sitemap>
<sitemap><loc>https://spektroom.co.id/sitemap-posts.xml</loc><lastmod>2025-12-01T02:15:00.000Z</lastmod></sitemap>
<sitemap><loc>https://spektroom.co.id/sitemap-authors.xml</loc><lastmod>2025-12-01T02:15:00.000Z</lastmod></sitemap>
<sitemap><loc>https://spektroom.co.id/sitemap-tags.xml</loc><lastmod>2025-12-01T02:15:00.000Z</lastmod></sitemap>
</sitemapindex>
"""

GHOST_POST_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/</loc><lastmod>2025-12-01T02:15:00.000Z</lastmod></url>
<url><loc>https://spektroom.co.id/pedoman-media-siber/</loc><lastmod>2025-01-01T00:00:00.000Z</lastmod></url>
<url><loc>https://spektroom.co.id/tag/banjir/</loc><lastmod>2025-12-01T02:15:00.000Z</lastmod></url>
<url><loc>https://spektroom.co.id/warga-sintang-gotong-royong/</loc><lastmod>2025-11-30T09:00:00.000Z</lastmod></url>
</urlset>
"""

RSS_FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Spektroom</title>
  <atom:link href="https://spektroom.co.id/feed/" rel="self" type="application/rss+xml" />
  <link>https://spektroom.co.id</link>
  <description>Berita Kalimantan Barat dan Nusantara</description>
  <lastBuildDate>Thu, 04 Dec 2025 02:20:00 +0000</lastBuildDate>
  <item>
    <title>Bupati Agam Resmikan Jembatan Gantung</title>
    <link>https://spektroom.co.id/2025/12/04/bupati-agam-resmikan-jembatan-gantung/?utm_source=rss&amp;utm_medium=rss</link>
    <dc:creator><![CDATA[Redaksi]]></dc:creator>
    <pubDate>Thu, 04 Dec 2025 02:20:00 +0000</pubDate>
    <category><![CDATA[Daerah]]></category>
    <description><![CDATA[AGAM, Spektroom &#8211; Bupati Agam meresmikan...]]></description>
  </item>
  <item>
    <title>Polda Kalbar Ungkap Kasus TPPO</title>
    <link>https://spektroom.co.id/2025/11/29/polda-kalbar-ungkap-kasus-tppo/</link>
    <pubDate>Sat, 29 Nov 2025 12:45:00 +0000</pubDate>
  </item>
  <item>
    <title>Penghargaan untuk Kapuas Hulu</title>
    <link>https://spektroom.co.id/2025/11/26/penghargaan-untuk-kapuas-hulu/</link>
    <pubDate>Wed, 26 Nov 2025 03:00:00 +0000</pubDate>
  </item>
  <item>
    <title>Berita dari mitra</title>
    <link>https://www.antaranews.com/berita/5012345/banjir-sintang</link>
    <pubDate>Wed, 26 Nov 2025 01:00:00 +0000</pubDate>
  </item>
</channel>
</rss>
"""

ATOM_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Spektroom</title>
  <link href="https://spektroom.co.id/" rel="alternate"/>
  <updated>2025-12-01T02:15:00Z</updated>
  <entry>
    <title>Wagub Kalbar Tinjau Banjir Sintang</title>
    <link rel="alternate" href="https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/"/>
    <link rel="replies" href="https://spektroom.co.id/wagub-kalbar-tinjau-banjir-sintang/#comments"/>
    <published>2025-11-30T08:00:00Z</published>
    <updated>2025-12-01T02:15:00Z</updated>
  </entry>
  <entry>
    <title>Warga Sintang Gotong Royong</title>
    <link href="https://spektroom.co.id/warga-sintang-gotong-royong/"/>
    <published>2025-11-30T09:00:00+07:00</published>
  </entry>
</feed>
"""


def listing_page(entries: list[tuple[str, str | None]], *, next_href: str | None) -> bytes:
    """A WordPress-style listing page: header/nav, article cards, a sidebar, pagination."""
    cards = "\n".join(
        f"""<article class="post type-post jeg_post">
  <div class="jeg_thumb"><a href="{href}"><img src="/wp-content/uploads/thumb.jpg" alt=""></a></div>
  <h3 class="jeg_post_title"><a href="{href}">Judul berita</a></h3>
  {f'<time class="entry-date" datetime="{when}">{when}</time>' if when else ""}
  <a href="/author/apolonius/">Apolonius</a> <a href="/category/daerah/">Daerah</a>
</article>"""
        for href, when in entries
    )
    nav = (
        f'<a class="next page-numbers" rel="next" href="{next_href}">Berikutnya</a>'
        if next_href
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Spektroom - Berita Terkini</title></head>
<body>
<header><a href="/">Spektroom</a> <span>Sabtu, 28 November 2026</span>
<nav><a href="/category/daerah/">Daerah</a> <a href="/category/hukum/">Hukum</a>
<a href="/tag/banjir/">Banjir</a> <a href="/redaksi/">Redaksi</a>
<a href="https://www.facebook.com/spektroom">Facebook</a></nav></header>
<main>{cards}</main>
<aside><h4>Terpopuler</h4></aside>
<div class="pagination"><a href="/category/daerah/page/2/">2</a> {nav}</div>
<footer><a href="/pedoman-media-siber/">Pedoman Media Siber</a>
<a href="/wp-content/uploads/logo.png">logo</a></footer>
</body></html>""".encode()
