# cython: language_level=3, boundscheck=False, wraparound=False
"""The page index of `sources.build_page` in one C walk over libxml2's tree (optional).

In pure Python, `sources.build_page` walks every page twice and reads each element it keeps
through lxml: elements of the tags the field extractors read (`root.iter(*INDEXED_TAGS)`), then
elements by known class token (an XPath that returns every class attribute as a string that
knows its element), then the meta contents (`get` per attribute); `Page.rel_links` is a third
walk. The class XPath alone costs ~0.2 us per class attribute (a str, a smart-string object and
a proxy for its element), and only ~7% of class attributes hold a known token. This walk reads
names and attribute values in place and makes an element proxy only for what is indexed: the
same lists, in the same order, with the same element objects (lxml's `elementFactory` returns
the proxy an element already has).

It is built against the lxml it finds at build time and used only under that same lxml version
(`BUILT_FOR_LXML`); everywhere else `sources.py` keeps the pure-Python index, which
tests/test_index_speedup.py compares with this one on fixture, mirror and mangled pages.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes.tree cimport (
    XML_ELEMENT_NODE,
    XML_TEXT_NODE,
    xmlAttr,
    xmlNode,
)

cetree.import_lxml__etree()

cdef extern from *:
    """
    #ifndef SPEKTROOM_LXML_VERSION
    #define SPEKTROOM_LXML_VERSION ""
    #endif
    """
    const char* SPEKTROOM_LXML_VERSION

BUILT_FOR_LXML = SPEKTROOM_LXML_VERSION.decode("ascii")
cdef enum:
    MAX_TAGS = 32


cdef inline bint _is_indexed(const char* name, const char** tags, int count):
    cdef int i
    for i in range(count):
        if name[0] == tags[i][0] and strcmp(name, tags[i]) == 0:
            return True
    return False


cdef object _attribute(cetree._Element root, xmlNode* c_node, const char* name):
    """An attribute of the element as a str (None when it has none), as XPath's @name gives it.

    Only struct fields are read: libxml2's functions are internal to lxml's module (not
    exported), so an attribute that is not one text node is read through lxml (`get`).
    """
    cdef xmlAttr* attr = c_node.properties
    cdef const char* value
    while attr is not NULL:
        if attr.ns is NULL and strcmp(<const char*>attr.name, name) == 0:
            if attr.children is NULL:
                return ""
            if attr.children.next is NULL and attr.children.type == XML_TEXT_NODE:
                value = <const char*>attr.children.content
                return PyUnicode_DecodeUTF8(value, strlen(value), "replace") if value else ""
            return cetree.elementFactory(root._doc, c_node).get(name.decode("ascii"))
        attr = attr.next
    return None


cdef void _add_meta(cetree._Element root, xmlNode* c_node, dict metas) except *:
    """What `sources.build_page` files under `Page.metas` for one <meta> element."""
    key = (_attribute(root, c_node, b"property") or _attribute(root, c_node, b"name")
           or _attribute(root, c_node, b"itemprop"))
    content = _attribute(root, c_node, b"content")
    if key and content is not None:
        metas.setdefault(key.strip().lower(), []).append(content)


def index_tree(cetree._Element root, tuple tags, dict by_tag, dict by_class, dict cache,
               object known_tokens, list rel_links=None, dict metas=None):
    """Fill `by_tag` (elements named in `tags`), `by_class` (elements by the tokens that
    `cache.get(class)` or else `known_tokens(class)` gives), `rel_links` (<a> elements with
    a non-empty rel) and `metas` (<meta> contents by name, when "meta" is one of `tags`), all
    in document order."""
    cdef const char* tag_names[MAX_TAGS]
    cdef int count = len(tags)
    cdef list encoded = [t.encode("utf-8") for t in tags]  # keeps the bytes alive
    cdef xmlNode* top = root._c_node
    cdef xmlNode* c_node = top
    cdef object el, classes, hits, found, name
    cdef int i
    if count > MAX_TAGS:
        raise ValueError(f"at most {MAX_TAGS} tags")
    for i in range(count):
        tag_names[i] = <const char*>(<bytes>encoded[i])
    while c_node is not NULL:
        if c_node.type == XML_ELEMENT_NODE:
            el = None
            if c_node.ns is NULL and _is_indexed(<const char*>c_node.name, tag_names, count):
                el = cetree.elementFactory(root._doc, c_node)
                name = PyUnicode_DecodeUTF8(<const char*>c_node.name,
                                            strlen(<const char*>c_node.name), "replace")
                found = by_tag.get(name)
                if found is None:
                    by_tag[name] = [el]
                else:
                    (<list>found).append(el)
                if metas is not None and strcmp(<const char*>c_node.name, b"meta") == 0:
                    _add_meta(root, c_node, metas)
            if rel_links is not None and c_node.ns is NULL and strcmp(
                <const char*>c_node.name, b"a"
            ) == 0 and _attribute(root, c_node, b"rel"):
                if el is None:
                    el = cetree.elementFactory(root._doc, c_node)
                rel_links.append(el)
            classes = _attribute(root, c_node, b"class")
            if classes is not None:
                hits = cache.get(classes)
                if hits is None:
                    hits = known_tokens(classes)
                if hits:
                    if el is None:
                        el = cetree.elementFactory(root._doc, c_node)
                    for token in hits:
                        found = by_class.get(token)
                        if found is None:
                            by_class[token] = [el]
                        else:
                            (<list>found).append(el)
            if c_node.children is not NULL:  # (attributes are not among the children)
                c_node = c_node.children
                continue
        # No child to go down to: the next sibling of this node or of its nearest ancestor.
        while c_node is not NULL:
            if c_node is top:
                c_node = NULL
            elif c_node.next is not NULL:
                c_node = c_node.next
                break
            else:
                c_node = c_node.parent
