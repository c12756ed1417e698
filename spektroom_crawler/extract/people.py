"""Authors and editors: CMS bylines (JSON-LD, byline element, meta) plus in-text credits."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from spektroom_crawler.extract.document import norm_space, text_content
from spektroom_crawler.extract.sources import Page, Source, first_valid

# Byline containers of the known templates; author names are their links (or their text).
BYLINE_CLASSES = ("byline-meta-content", "gh-article-author-name", "author-name",
                  "jeg_meta_author", "td-post-author-name", "tdb-author-name", "vcard")
AMP_AUTHOR_CLASS = "amp-wp-author"
# "Budi Sucahyono, Julianto", "A dan B", "A & B", "A; B".
NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bdan\b)\s*", re.I)
BYLINE_PREFIX_RE = re.compile(
    r"^(?:oleh|by|penulis|reporter|pewarta|ditulis oleh)\b\s*:?\s*", re.I
)
# Desk and system accounts: not people.
DESK_ACCOUNT_RE = re.compile(
    r"^(?:redaksi|admin|administrator|tim|tim redaksi|tim spektroom|redaksi spektroom|spektroom"
    r"|spektroom\.co\.id|editor|webmaster|staff|contributor|kontributor|humas)$",
    re.I,
)
NAME_CHARS_RE = re.compile(r"^[^\W\d_][\w'’. -]*$")
AUTHOR_ROLES = frozenset({
    "reporter", "penulis", "pewarta", "kontributor", "laporan", "oleh", "wartawan", "//",
})
EDITOR_ROLES = frozenset({"editor", "redaktur"})
MAX_NAME_CHARS = 60


def clean_name(raw: str | None) -> str | None:
    """A person's name from byline text, or None for desk accounts and garbage."""
    name = BYLINE_PREFIX_RE.sub("", norm_space(raw)).strip(" .,:;-–—")
    if not name or len(name) > MAX_NAME_CHARS or not NAME_CHARS_RE.match(name):
        return None
    if DESK_ACCOUNT_RE.match(name):
        return None
    return name


def split_names(raw: str | None) -> list[str]:
    """"Budi Sucahyono, Julianto" -> ["Budi Sucahyono", "Julianto"] (desk accounts dropped)."""
    return list(_split_names(raw)) if raw else []


@functools.lru_cache(maxsize=4096)  # pure; the same bylines recur (JSON-LD, template, pages)
def _split_names(raw: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in NAME_SPLIT_RE.split(BYLINE_PREFIX_RE.sub("", norm_space(raw))):
        name = clean_name(part)
        if name:
            out.append(name)
    return tuple(out)


def dedupe(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for item in value for n in _ld_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    return split_names(value) if isinstance(value, str) else []


def from_jsonld(page: Page) -> list[str] | None:
    return dedupe(_ld_names(page.ld("author"))) or None


def from_template(page: Page) -> list[str] | None:
    names: list[str] = []
    for token in BYLINE_CLASSES:
        for box in page.cls(token):
            if token == "vcard" and "author" not in (box.get("class") or "").split():
                continue  # comment-author vcards are commenters, not writers
            for link in box.iter("a"):
                if "/author/" in (link.get("href") or "") or token == "vcard":
                    names.extend(split_names(text_content(link)))
    for el in page.cls(AMP_AUTHOR_CLASS):
        names.extend(split_names(text_content(el)))
    return dedupe(names) or None


def from_rel_author(page: Page) -> list[str] | None:
    names = [
        n
        for el in page.rel_links
        if "author" in (el.get("rel") or "").split()
        for n in split_names(text_content(el))
    ]
    return dedupe(names) or None


def from_meta(page: Page) -> list[str] | None:
    return dedupe(split_names(page.meta("author", "article:author"))) or None


CMS_AUTHOR_SOURCES: tuple[Source[list[str]], ...] = (
    ("jsonld", from_jsonld),
    ("template", from_template),
    ("html:rel-author", from_rel_author),
    ("meta", from_meta),
)


def extract_people(
    page: Page, credits: list[tuple[str, str]]
) -> tuple[list[str], str | None, list[str], str | None]:
    """(authors, source, editors, source): CMS byline first, then in-text credits, deduped."""
    cms, cms_source = first_valid(page, CMS_AUTHOR_SOURCES)
    text_authors = [n for role, raw in credits if role in AUTHOR_ROLES for n in split_names(raw)]
    editors = dedupe(n for role, raw in credits if role in EDITOR_ROLES for n in split_names(raw))
    authors = dedupe([*(cms or []), *text_authors])
    names = [s for s in (cms_source, "text" if text_authors else None) if s]
    return authors, "+".join(names) or None, editors, "text" if editors else None
