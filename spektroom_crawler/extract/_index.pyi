from collections.abc import Callable

from lxml import etree

BUILT_FOR_LXML: str

def index_tree(
    root: etree._Element,
    tags: tuple[str, ...],
    by_tag: dict[str, list[etree._Element]],
    by_class: dict[str, list[etree._Element]],
    cache: dict[str, tuple[str, ...]],
    known_tokens: Callable[[str], tuple[str, ...]],
    rel_links: list[etree._Element] | None = None,
    metas: dict[str, list[str]] | None = None,
) -> None: ...
