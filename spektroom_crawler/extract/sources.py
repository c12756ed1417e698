"""What a page says about itself in machine-readable form: JSON-LD, OpenGraph/meta, link tags.

`Page` is built once per document; every field extractor reads from it, so the tree is walked for
meta and JSON-LD exactly once.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import SplitResult, urljoin, urlsplit

from lxml import etree

from spektroom_crawler.chars import clean_chars
from spektroom_crawler.extract.document import norm_space

IndexTree = Callable[
    [etree._Element, tuple[str, ...], dict[str, list[etree._Element]],
     dict[str, list[etree._Element]], dict[str, tuple[str, ...]], Callable[[str], tuple[str, ...]],
     list[etree._Element], dict[str, list[str]]],
    None,
]


def _load_index_tree() -> IndexTree | None:
    """The C page index (extract/_index.pyx) when it was built for the running lxml, else None.

    It reads libxml2's structures directly: under another lxml than the one it was compiled
    against, the pure-Python index is the safe choice.
    """
    try:
        from spektroom_crawler.extract import _index
    except Exception:  # not built (no compiler, no Cython), or refused by this lxml's types
        return None
    if etree.__version__ != _index.BUILT_FOR_LXML:
        return None
    return _index.index_tree


INDEX_TREE: IndexTree | None = _load_index_tree()

T = TypeVar("T")
Source = tuple[str, Callable[["Page"], T | None]]

# Class tokens the field extractors look up; the one-pass index keeps only these.
KNOWN_CLASSES = frozenset({
    # ghost
    "gh-article", "gh-article-title", "gh-article-excerpt", "gh-article-tag", "gh-content",
    "gh-article-image", "byline-meta-content", "gh-article-author-name", "author-list",
    "byline-meta-date", "read-more-wrap",
    # ghost casper 5 names (article-* instead of gh-article-*)
    "article-title", "article-excerpt", "article-image", "article-tag", "author-name",
    # wp-jnews
    "jeg_main_content", "jeg_post_title", "jeg_post_subtitle", "jeg_meta_date", "jeg_meta_author",
    "jeg_featured", "content-inner", "jeg_post_category", "jnews_related_post_container",
    # wp-newspaper
    "td-post-content", "tdb_single_content", "tdb-title-text", "td-post-author-name",
    "td-category", "td-post-featured-image", "td-post-date", "td-post-sub-title",
    "td_block_related_posts",
    # tagDiv theme-builder (tdb) single templates
    "tdb-author-name", "tdb-entry-category", "tdb_single_featured_image",
    # wp-plain
    "type-post", "entry-title", "entry-content", "entry-subtitle", "cat-links", "posted-on",
    "vcard", "post-title",
    # amp
    "amp-wp-article", "amp-wp-title", "amp-wp-article-content", "amp-wp-author",
    "amp-wp-posted-on", "amp-wp-article-featured-image", "amp-wp-tax-category",
    # generic
    "wp-caption-text", "caption", "ket", "keterangan", "crumb", "breadcrumb", "breadcrumbs",
    "related-posts", "related", "terkait", "error404", "error-404",
    "kanal", "rubrik", "post-category", "entry-category",
    "td-tags", "jeg_post_tags", "tags-links", "amp-wp-tax-tag", "post-tags", "article-tags",
})
# Tags whose elements the extractors read directly.
KNOWN_TAGS = frozenset({"meta", "script", "link", "base", "title", "h1", "h2", "h3", "h4",
                        "time", "article", "figcaption", "body"})
INDEXED_TAGS = tuple(sorted(KNOWN_TAGS))
# Every element's class attribute, the root's too, in document order: the same nodes as
# "//*/@class" (the root is the only element child of the document), but libxml2 evaluates
# "//" as descendant-or-self::node()/child::*, a step over every node including text, and
# this direct element axis ~30% faster (~21 us vs ~29 us on a fixture page).
CLASS_ATTRS_XPATH = etree.XPath("descendant-or-self::*/@class")
# The rel attributes of links, as strings that know their element: an attribute step is cheaper
# for libxml2 than a predicate on every <a> ("a[@rel != '']": ~7 us vs ~5 us on a page).
# "descendant-or-self::" rather than "//": libxml2 evaluates "//a..." as a slower node-set merge.
REL_ATTRS_XPATH = etree.XPath("descendant-or-self::a/@rel")
# A plain absolute http(s) URL without query, fragment, whitespace or non-ASCII: what urlsplit
# returns for it is just these three groups (urlsplit itself is ~3x slower, and its small LRU
# cache misses on a crawl, where nearly every URL is new).
SIMPLE_URL_RE = re.compile(
    r"(https?)://([A-Za-z0-9.-]+(?::[0-9]+)?)((?:/[\x21\x22\x24-\x3e\x40-\x7e]*)?)"
)
SPLIT_CACHE_SIZE = 2048
HREF_DROPPED = str.maketrans("", "", "\t\n\r")
# Template family markers in priority order: (family, class token, required tag or None).
FAMILY_MARKERS: tuple[tuple[str, str, str | None], ...] = (
    ("amp", "amp-wp-article", None),
    ("ghost", "gh-article", "article"),
    ("wp-jnews", "jeg_main_content", None),
    ("wp-newspaper", "td-post-content", None),
    ("wp-newspaper", "tdb_single_content", None),
    ("wp-plain", "type-post", "article"),
    ("wp-plain", "entry-content", None),
)
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting",
})
COLLECTION_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})
# json.loads(raw, strict=False) builds a new decoder (and its scanner) on every call, ~2 us;
# one shared decoder reads the same. (A leading BOM, which json.loads rejects up front, is
# no JSON value either: decode rejects it too.)
JSON_DECODER = json.JSONDecoder(strict=False)
# Some CMSs emit JSON-LD wrapped in HTML comments or with a trailing semicolon.
JSONLD_JUNK_RE = re.compile(r"^\s*(?:<!--)?|(?:-->)?\s*;?\s*$")


@dataclass(slots=True)
class Page:
    """One parsed page with its machine-readable metadata pulled out once."""

    root: etree._Element
    url: str
    base_url: str
    family: str
    metas: dict[str, list[str]] = field(default_factory=dict)
    ld_nodes: list[dict[str, Any]] = field(default_factory=list)
    ld_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    article_ld: dict[str, Any] | None = None
    by_class: dict[str, list[etree._Element]] = field(default_factory=dict)
    by_tag: dict[str, list[etree._Element]] = field(default_factory=dict)
    _rel_links: list[etree._Element] | None = None
    # Filled by the field extractors, shared with later ones (headline h1 -> visible date).
    headline_el: etree._Element | None = None
    body_el: etree._Element | None = None

    def cls(self, token: str, tag: str | None = None) -> list[etree._Element]:
        """Elements carrying a class token (only KNOWN_CLASSES are indexed), document order."""
        found = self.by_class.get(token)
        if not found:
            return []  # most tokens asked about are absent: no filtering to do
        return [el for el in found if el.tag == tag] if tag else found

    def first_cls(
        self, tokens: Sequence[str], tag: str | None = None
    ) -> list[etree._Element]:
        """Elements of the first token (in the given priority order) that has any."""
        by_class = self.by_class
        for token in tokens:
            found = by_class.get(token)  # cls() inlined: most tokens asked about are absent
            if found and tag:
                found = [el for el in found if el.tag == tag]
            if found:
                return found
        return []

    @property
    def rel_links(self) -> list[etree._Element]:
        """<a rel="..."> links (rel=author/tag/category), found on first use: most pages settle
        authors and tags from JSON-LD or meta and never ask."""
        if self._rel_links is None:
            self._rel_links = [rel.getparent() for rel in nodes(REL_ATTRS_XPATH, self.root) if rel]
        return self._rel_links

    def tag(self, name: str) -> list[etree._Element]:
        return self.by_tag.get(name, [])

    @property
    def template(self) -> str:
        return f"template:{self.family}"

    def meta(self, *names: str) -> str | None:
        """The first non-empty meta content for any of the given names/properties."""
        for name in names:
            for value in self.metas.get(name, ()):
                value = norm_space(value)
                if value:
                    return value
        return None

    def meta_all(self, name: str) -> list[str]:
        return [v for v in (norm_space(x) for x in self.metas.get(name, ())) if v]

    def ld(self, key: str) -> Any:
        """A property of the main Article JSON-LD node, references resolved."""
        if self.article_ld is None:
            return None
        return self.resolve(self.article_ld.get(key))

    def resolve(self, value: Any) -> Any:
        """Replace {"@id": ...} references by the node they point to (one level, lists too)."""
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, dict) and set(value) <= {"@id", "name"} and "@id" in value:
            return self.ld_by_id.get(value["@id"], value)
        return value

    def absolute(self, href: str | None) -> str | None:
        if not href:
            return None
        href = href.strip()
        if not href.isprintable():  # a C-speed test; most hrefs are printable ASCII
            # As a browser reads an href: tabs and newlines dropped (an href wrapped in the
            # source), and with them the other controls the page bytes may carry.
            href = clean_chars(href.translate(HREF_DROPPED))
        if href.startswith(("https://", "http://")):
            return href  # already absolute: skip urljoin, the common case
        if not href or href.startswith(("data:", "javascript:")):
            return None
        try:
            return urljoin(self.base_url, href)
        except ValueError:  # malformed URL (e.g. "http://[bad"): not a usable link
            return None

    def ld_types(self) -> set[str]:
        out: set[str] = set()
        for node in self.ld_nodes:
            out.update(node_types(node))
        return out


def nodes(xpath: etree.XPath, node: Any) -> list[Any]:
    """Run a compiled XPath that selects nodes or strings; always a list."""
    result = xpath(node)
    return result if isinstance(result, list) else []


# A page's own URL is split by several extractors, and template links repeat across pages:
# a cache hit is ~10x cheaper than even the fast path (urlsplit's own cache holds only 128).
@functools.lru_cache(maxsize=SPLIT_CACHE_SIZE)
def split_url(url: str | None) -> SplitResult:
    """urlsplit that never raises: a malformed URL splits as empty."""
    if url:
        simple = SIMPLE_URL_RE.fullmatch(url)
        if simple:
            return SplitResult(simple[1], simple[2], simple[3], "", "")
    try:
        return urlsplit(url or "")
    except ValueError:
        return urlsplit("")


def node_types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def build_page(root: etree._Element, url: str) -> Page:
    """Index the document (tags, class tokens, metas; one C walk when INDEX_TREE is built),
    then collect JSON-LD and the template family."""
    page = Page(root=root, url=url, base_url=url, family="fallback")
    if INDEX_TREE is not None:  # rel links and metas in the same walk
        page._rel_links = []
        INDEX_TREE(root, INDEXED_TAGS, page.by_tag, page.by_class, _TOKEN_CACHE, _known_tokens,
                   page._rel_links, page.metas)
    else:
        index_tree(root, page.by_tag, page.by_class)
        index_metas(page)
    page.family = detect_family(page)
    for el in page.tag("base"):
        if el.get("href"):
            page.base_url = page.absolute(el.get("href")) or url
            break
    for el in page.tag("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        for node in _flatten(_load_json(el.text)):
            page.ld_nodes.append(node)
            node_id = node.get("@id")
            if isinstance(node_id, str):
                page.ld_by_id.setdefault(node_id, node)
    for node in page.ld_nodes:
        if node_types(node) & ARTICLE_TYPES:
            page.article_ld = node
            break
    return page


def index_tree(
    root: etree._Element,
    by_tag: dict[str, list[etree._Element]],
    by_class: dict[str, list[etree._Element]],
) -> None:
    """The page index in pure Python: what INDEX_TREE builds in one C walk."""
    # lxml filters by tag name in C: only the few elements the extractors read get a Python proxy.
    for el in root.iter(*INDEXED_TAGS):
        by_tag.setdefault(el.tag, []).append(el)
    _index_classes(root, by_class)


def index_metas(page: Page) -> None:
    """Meta contents by name (property, name or itemprop; lower-cased), in document order."""
    for el in page.tag("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content is not None:
            page.metas.setdefault(key.strip().lower(), []).append(content)


def _index_classes(root: etree._Element, by_class: dict[str, list[etree._Element]]) -> None:
    """Elements by known class token, in document order.

    The class attributes come from one XPath as strings that know their element, evaluated
    from the root element (CLASS_ATTRS_XPATH is relative to it).
    """
    cache = _TOKEN_CACHE
    for classes in nodes(CLASS_ATTRS_XPATH, root):
        hits = cache.get(classes)
        if hits is None:
            hits = _known_tokens(str(classes))  # a plain str key: the result pins its tree
        if hits:
            el = classes.getparent()
            for token in hits:
                by_class.setdefault(token, []).append(el)


# class attribute -> its known tokens. Themes repeat the same class strings on every page, so
# this pure mapping is cached across pages (bounded: cleared when it grows past the limit).
_TOKEN_CACHE: dict[str, tuple[str, ...]] = {}
TOKEN_CACHE_LIMIT = 20_000


def _known_tokens(classes: str) -> tuple[str, ...]:
    hits = tuple(t for t in classes.split() if t in KNOWN_CLASSES)
    if len(_TOKEN_CACHE) >= TOKEN_CACHE_LIMIT:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[classes] = hits
    return hits


def detect_family(page: Page) -> str:
    """Which template family the page is built with ("fallback" when none is recognized)."""
    for family, token, tag in FAMILY_MARKERS:
        if page.cls(token, tag):
            return family
    html = page.root
    if html.get("amp") is not None or html.get("⚡") is not None:
        return "amp"
    return "fallback"


def _load_json(raw: str) -> Any:
    """Decoded JSON-LD, None when unreadable. Its strings may hold what `clean_chars` removes
    (a "\\u0000" escape, one cut from its surrogate pair): every value reaches the record
    through `norm_space` or `Page.absolute`, which clean it, and a scan of the raw text here
    cost more (~100k instructions a page, a regex with no literal to skip ahead by)."""
    try:
        return JSON_DECODER.decode(raw)
    except ValueError:
        pass
    try:
        return JSON_DECODER.decode(JSONLD_JUNK_RE.sub("", raw))
    except ValueError:
        return None  # unreadable JSON-LD is ignored; other sources still apply


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten(graph)
        if "@type" in data:
            yield data


def first_valid(page: Page, sources: Sequence[Source[T]]) -> tuple[T | None, str | None]:
    """Run sources in order; the first one returning a value wins (value, source name)."""
    for name, source in sources:
        value = source(page)
        if value is not None and value != [] and value != "":
            return value, (page.template if name == "template" else name)
    return None, None


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as plain text: strings, {"name"|"@value"}, first of a list."""
    if isinstance(value, list):
        for item in value:
            text = ld_text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float):
        return norm_space(str(value)) or None
    return None
