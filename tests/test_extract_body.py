"""extract_body on small pages: container choice, chrome skipping, trailers and credits."""

from __future__ import annotations

from spektroom_crawler import extract_article
from spektroom_crawler.extract.body import extract_body
from spektroom_crawler.extract.document import parse_html
from spektroom_crawler.extract.sources import Page, build_page

P1 = "Spektroom – Warga Kapuas Hulu menggelar gotong royong membersihkan parit di kampung."
P2 = "Kegiatan itu diikuti ratusan warga dari tiga desa dan didukung pemerintah kecamatan."


def page_of(html: str) -> Page:
    root = parse_html(html)
    assert root is not None
    return build_page(root, "https://spektroom.co.id/2025/11/26/contoh/")


def test_template_body_skips_chrome_and_collects_credits() -> None:
    body = extract_body(page_of(f"""<div class="jeg_main_content"><div class="content-inner">
        <p>{P1}</p>
        <div class="jnews_inline_related_post"><p>Banjir Rob Genangi Pontianak</p></div>
        <p><strong>Baca juga:</strong> <a href="/x/">Harga Karet Naik</a></p>
        <div class="jeg_ad"><p>ADVERTISEMENT</p></div>
        <figure><img src="a.jpg"><figcaption><p>Foto: Humas</p></figcaption></figure>
        <p>{P2}// Apolonius.</p>
        <p>Reporter: Budi Sucahyono, Julianto<br>Editor. : Biantoro</p>
        <p>&nbsp;</p></div></div>"""))
    assert body.paragraphs == [P1, P2]
    assert body.credits == [("//", "Apolonius."), ("reporter", "Budi Sucahyono, Julianto"),
                            ("editor", "Biantoro")]
    assert body.source == "template:wp-jnews"


def test_fallback_body_is_the_densest_paragraph_block() -> None:
    body = extract_body(page_of(f"""<html><body class="single right-sidebar has-sidebar">
        <header class="site-header"><p>Sabtu, 28 November 2026 — berita terkini</p></header>
        <div id="main"><h1>Judul</h1><div class="isi"><p>{P1}</p><p>{P2}</p></div></div>
        <aside><p>{P1} {P2} terpopuler di samping</p></aside>
        <div class="comments"><p>{P1} {P2} komentar pembaca yang panjang sekali</p></div>
        </body></html>"""))
    assert body.paragraphs == [P1, P2]
    assert body.source == "text"


def test_no_paragraphs() -> None:
    body = extract_body(page_of("<html><body><div>tanpa paragraf</div></body></html>"))
    assert body.paragraphs == [] and body.credits == []


def test_other_theme_variants() -> None:
    """Casper 5 (article-* classes) and tagDiv theme-builder (tdb) markup."""
    from spektroom_crawler.extract.article import extract_article

    casper = extract_article(
        f"""<html lang="id"><body><article class="article post">
        <header class="article-header"><section class="article-tag">
        <a href="/tag/kalbar/">Kalbar</a></section>
        <h1 class="article-title">Gotong Royong di Kapuas Hulu</h1>
        <p class="article-excerpt">Ratusan warga turun ke parit.</p>
        <h4 class="author-name"><a href="/author/apolonius/">Apolonius</a></h4>
        <time class="byline-meta-date" datetime="2025-11-26">26 Nov 2025</time>
        <figure class="article-image"><img src="/content/images/parit.jpg">
        <figcaption>Warga bekerja. Foto: Humas</figcaption></figure></header>
        <section class="gh-content gh-canvas"><p>{P1}</p><p>{P2}</p></section></article>
        </body></html>""",
        "https://spektroom.co.id/gotong-royong/",
    )
    assert casper.headline == "Gotong Royong di Kapuas Hulu"
    assert casper.subheadline == "Ratusan warga turun ke parit."
    assert casper.section == "Kalbar" and casper.authors == ["Apolonius"]
    assert casper.published_at == "2025-11-26" and casper.photo_credit == "Humas"
    assert casper.image_url == "https://spektroom.co.id/content/images/parit.jpg"

    tdb = extract_article(
        f"""<html lang="id-ID"><body class="tdb-template">
        <a class="tdb-entry-category" href="/category/kalbar/">Kalbar</a>
        <h1 class="tdb-title-text">Gotong Royong</h1>
        <div class="tdb-author-name"><a href="/author/julianto/">Julianto</a></div>
        <time class="entry-date updated td-module-date"
              datetime="2025-11-26T09:00:00+07:00">x</time>
        <div class="tdb_single_featured_image"><img src="https://spektroom.co.id/f.jpg"></div>
        <div class="tdb_single_content"><div class="tdb-block-inner"><p>{P1}</p><p>{P2}</p>
        </div></div></body></html>""",
        "https://spektroom.co.id/2025/11/26/gotong-royong/",
    )
    assert tdb.paragraphs == [P1, P2] and tdb.authors == ["Julianto"]
    assert tdb.section == "Kalbar" and tdb.published_at == "2025-11-26T09:00:00+07:00"
    assert tdb.image_url == "https://spektroom.co.id/f.jpg"


def test_related_heading_inside_the_body_ends_the_story() -> None:
    body = extract_body(page_of(f"""<div class="entry-content"><p>{P1}</p>
        <h2>Warga Bergotong Royong</h2><p>{P2}</p>
        <p>Editor: Biantoro</p>
        <h3>Berita Terkait</h3><p>Banjir Rob Genangi Pontianak, warga diminta waspada.</p>
        <p><a href="/x/">Harga Karet di Sintang Naik</a></p></div>"""))
    assert body.paragraphs == [P1, P2]
    assert body.credits == [("editor", "Biantoro")]
    lone = extract_body(page_of(f"""<div class="entry-content"><p>{P1}</p><p>Berita terkait</p>
        <p>Judul berita lain yang tidak boleh masuk.</p></div>"""))
    assert lone.paragraphs == [P1]


def test_end_of_story_re() -> None:
    from spektroom_crawler.extract.body import END_OF_STORY_RE

    for text in ("Berita terkait", "BERITA TERKAIT", "Artikel Lainnya:", "Terpopuler", "Komentar"):
        assert END_OF_STORY_RE.match(text)
    for text in ("Berita terkait banjir di Agam masih bertambah.", "Komentar warga beragam", ""):
        assert not END_OF_STORY_RE.match(text)


def test_br_separated_story_without_p() -> None:
    body = extract_body(page_of(f"""<div class="entry-content">{P1}<br><br>
        {P2}<br>
        <br>Reporter: Yulianus<br>Editor: Biantoro</div>"""))
    assert body.paragraphs == [P1, P2]
    assert body.credits == [("reporter", "Yulianus"), ("editor", "Biantoro")]


def test_blank_line_re() -> None:
    from spektroom_crawler.extract.body import BLANK_LINE_RE

    assert BLANK_LINE_RE.split("a\n\nb\n \n c") == ["a", "b", "c"]
    assert BLANK_LINE_RE.split("a\nb") == ["a\nb"]


def test_source_newlines_are_not_line_breaks() -> None:
    """A paragraph wrapped in the HTML source stays one paragraph; a wrapped line that starts
    with "Baca juga" or "Editor:" is still story text."""
    body = extract_body(page_of("""<div class="entry-content"><p>Warga diminta membaca
        Baca juga aturan baru yang dipasang di balai desa sejak pekan lalu.</p>
        <p>Kepala desa menunjuk seorang
        Editor: video dokumenter untuk merekam kegiatan.</p></div>"""))
    assert body.paragraphs == [
        "Warga diminta membaca Baca juga aturan baru yang dipasang di balai desa sejak pekan lalu.",
        "Kepala desa menunjuk seorang Editor: video dokumenter untuk merekam kegiatan.",
    ]
    assert body.credits == []


def test_laporan_oleh_wartawan_credits_only_with_capitalized_names() -> None:
    story = "Laporan: warga mengeluhkan banjir yang merendam jalan sejak pagi."
    body = extract_body(page_of(f"""<div class="entry-content">
        <p>Oleh: Apolonius</p>
        <p>{P1}</p>
        <p>{story}</p>
        <p>{P2}</p>
        <p>Laporan: Budi Sucahyono dan Julianto | Editor: Ani</p>
        <p>Wartawan: Markus</p></div>"""))
    assert body.paragraphs == [P1, story, P2]
    assert body.credits == [("oleh", "Apolonius"), ("laporan", "Budi Sucahyono dan Julianto"),
                            ("editor", "Ani"), ("wartawan", "Markus")]


def test_laporan_and_oleh_credits_are_authors() -> None:
    html = f"""<html><body><article class="post type-post">
        <h1 class="entry-title">Gotong Royong di Kapuas Hulu</h1><div class="entry-content">
        <p>Oleh: Apolonius</p><p>{P1}</p><p>{P2}</p>
        <p>Laporan: Budi Sucahyono dan Julianto | Editor: Ani</p></div></article></body></html>"""
    article = extract_article(html, "https://spektroom.co.id/2025/11/26/contoh/")
    assert article.authors == ["Apolonius", "Budi Sucahyono", "Julianto"]
    assert article.editors == ["Ani"]
    assert article.paragraphs == [P1, P2]
