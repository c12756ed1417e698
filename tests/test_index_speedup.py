"""The C page index (extract/_index.pyx) builds exactly the pure-Python index.

Same tag lists, class-token lists, rel links and meta contents, with the same element objects
in the same order, on every fixture and mirror page and on 400 mangled ones; and the same
records from extract_article with the C index and without it. In CI it must have been built.
"""

from __future__ import annotations

import random

import pytest
from lxml import etree

from spektroom_crawler.extract import extract_article, sources
from spektroom_crawler.extract.document import parse_document
from tests.conftest import skip_or_fail_in_ci
from tests.test_extract_mutations import _mangle, _pages

MANGLED = 400


@pytest.fixture
def index_tree() -> sources.IndexTree:
    if sources.INDEX_TREE is None:
        skip_or_fail_in_ci("the C page index (spektroom_crawler/extract/_index.pyx) is not built")
    return sources.INDEX_TREE


def _ids(index: dict[str, list[etree._Element]]) -> dict[str, list[int]]:
    return {key: [id(el) for el in found] for key, found in index.items()}


def _assert_same_index(data: bytes, index_tree: sources.IndexTree) -> None:
    root = parse_document(data)
    if root is None:
        return
    by_tag: dict[str, list[etree._Element]] = {}
    by_class: dict[str, list[etree._Element]] = {}
    rel_links: list[etree._Element] = []
    metas: dict[str, list[str]] = {}
    index_tree(root, sources.INDEXED_TAGS, by_tag, by_class, sources._TOKEN_CACHE,
               sources._known_tokens, rel_links, metas)
    pure = sources.Page(root=root, url="", base_url="", family="fallback")
    sources.index_tree(root, pure.by_tag, pure.by_class)  # the proxies made above are reused
    sources.index_metas(pure)
    pure_rel = [rel.getparent() for rel in sources.nodes(sources.REL_ATTRS_XPATH, root) if rel]
    assert _ids(by_tag) == _ids(pure.by_tag)
    assert _ids(by_class) == _ids(pure.by_class)
    assert [id(el) for el in rel_links] == [id(el) for el in pure_rel]
    assert metas == pure.metas


def test_same_index_on_fixture_and_mirror_pages(index_tree: sources.IndexTree) -> None:
    for data, _url in _pages():
        _assert_same_index(data, index_tree)


def test_same_index_on_mangled_pages(index_tree: sources.IndexTree) -> None:
    rng = random.Random(20261130)
    pages = _pages()
    for _ in range(MANGLED):
        _assert_same_index(_mangle(rng.choice(pages)[0], rng), index_tree)


@pytest.mark.parametrize(
    "html",
    [
        # empty, valueless and entity-holding classes; a namespaced one; rel on a non-link
        b'<html><body class=""><div class>x</div><p class="a &amp; entry-content">y</p>'
        b'<span xml:class="entry-title">z</span><b rel="tag">t</b><a rel="">e</a>'
        b'<a rel="tag" class="cat-links">w</a></body></html>',
        # classes and known tags in head, comments and processing instructions between them
        b'<html class="amp-wp-article"><head><title class="caption">T</title><!-- c -->'
        b'<meta name="a" content="b"><?pi x?><script type="x">1</script>'
        b'<meta property="" name=" OG:Title " content=""><meta itemprop="x"><meta content="y">'
        b'<meta name="a" content="c"></head>'
        b'<body><h1 class="entry-title  related">H</h1><time class="posted-on">t</time>'
        b"</body></html>",
        # a fragment: the root is not <html>
        b'<div class="gh-content"><p class="caption">c</p></div>',
        # deep nesting and long sibling runs
        b"<html><body>" + b"<div class='ket'>" * 300 + b"x" + b"</div>" * 300
        + b"<p class='crumb'>p</p>" * 500 + b"</body></html>",
    ],
)
def test_same_index_on_odd_markup(html: bytes, index_tree: sources.IndexTree) -> None:
    _assert_same_index(html, index_tree)


def test_same_records_with_and_without_the_c_index(
    index_tree: sources.IndexTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages()
    fast = [extract_article(data, url).to_dict(sources=True) for data, url in pages]
    monkeypatch.setattr(sources, "INDEX_TREE", None)
    pure = [extract_article(data, url).to_dict(sources=True) for data, url in pages]
    assert fast == pure


def test_not_used_under_another_lxml(
    index_tree: sources.IndexTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spektroom_crawler.extract import _index

    assert sources._load_index_tree() is index_tree
    monkeypatch.setattr(_index, "BUILT_FOR_LXML", "0.0.0")
    assert sources._load_index_tree() is None
