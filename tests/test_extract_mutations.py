"""extract_article on mangled pages: it never raises, and its record is clean printable text.

Fixture and mirror pages are cut, spliced and sprinkled with what broken pages carry: stray tags,
quote marks, JSON escapes cut from their surrogate pair ("\\ud83d"), escaped NULs, raw control
bytes, invalid UTF-8. A seeded generator makes the same 400 pages on every run. Before
spektroom_crawler/chars.py, 19 of them gave a record with a lone surrogate or a control
character, which `spektroom parse` could not print (a surrogate) and PostgreSQL refused (a NUL).
"""

from __future__ import annotations

import json
import random
from typing import Any

from spektroom_crawler.chars import clean_chars
from spektroom_crawler.extract import extract_article
from tests.conftest import PAGES, ROOT

SITE = ROOT / "fixtures" / "site"
CASES = 400
SNIPPETS = (
    b"\\ud83d", b"\\udc00", b"\\u0000", b"\\u001b", b"\x00", b"\x07", b"\x1b", b"\x7f", b"\t\n",
    b"\xff\xfe", b"\xc3", b"<", b">", b"</p>", b"<p>", b"<br>", b"<h1>", b"<!--", b'"', b"'",
    b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"&#", b"&#0;", b"&#x1b;", b"(26/11", b"Jum'at",
    b" ujar ", b", kata ", b"Reporter:", b"Editor :", b"Foto:", b"//", b"{", b"]",
    b'<script type="application/ld+json">', b"</script>",
    # whole comments and processing instructions: nodes whose tag is no str (see element_tag)
    b"<!-- x -->", b"<?php the_author(); ?>", b"<![CDATA[x]]>",
)


def _pages() -> list[tuple[bytes, str]]:
    pages = []
    for path in sorted(PAGES.glob("*.html")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["_meta"]
        if path.stat().st_size:
            pages.append((path.read_bytes(), meta["url"]))
    manifest = json.loads((SITE / "_manifest.json").read_text(encoding="utf-8"))
    for article in manifest["articles"][:20]:
        page = SITE / article["path"].strip("/") / "index.html"
        pages.append((page.read_bytes(), article["url"]))
    return pages


def _mangle(data: bytes, rng: random.Random) -> bytes:
    page = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        if not page:
            break
        at = rng.randrange(len(page))
        roll = rng.random()
        if roll < 0.25:
            del page[at : at + rng.randint(1, 200)]
        elif roll < 0.75:
            page[at:at] = rng.choice(SNIPPETS)
        elif roll < 0.85:
            start = rng.randrange(len(page))
            page[at:at] = page[start : start + rng.randint(1, 500)]
        elif roll < 0.9:
            del page[at:]
        else:
            page[at] = rng.randrange(256)
    return bytes(page)


def _unclean_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [] if clean_chars(value) == value else [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _unclean_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _unclean_strings(item)]
    return []


def test_mangled_pages_give_clean_records() -> None:
    rng = random.Random(20261129)
    pages = _pages()
    unclean: list[tuple[int, str]] = []
    for case in range(CASES):
        data, url = rng.choice(pages)
        page = _mangle(data, rng)
        record = extract_article(page, url).to_dict(sources=True)
        json.dumps(record, ensure_ascii=False).encode("utf-8")  # raises on a lone surrogate
        unclean += [(case, text) for text in _unclean_strings(record)]
    assert not unclean, unclean[:5]

