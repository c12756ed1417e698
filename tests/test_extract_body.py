"""extract_body on small pages: container choice, chrome skipping, trailers and credits."""

from __future__ import annotations

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
