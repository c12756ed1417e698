"""The extractor's C parts (everything else is in pyproject.toml).

Every install builds `spektroom_crawler/extract/_index.pyx` with Cython against the installed
lxml: the page index in one C walk over libxml2's tree (see its docstring). It is optional: when
Cython, lxml's headers or a C compiler are missing, or the running lxml is not the one it was
built for, the extractor uses the same index in pure Python.

    pip install mypy && SPEKTROOM_COMPILE=1 pip install --no-build-isolation .

compiles the extraction modules with mypyc (the same typed sources, turned into C extensions;
the way black and mypy ship). Records are identical to the pure-Python ones (a test builds
both and compares them on every fixture and mirror page); extraction is ~15-25% faster.
A plain `pip install` or `pip install -e .` stays pure Python, so an edited source file never
hides behind a stale compiled module.
"""

from __future__ import annotations

import os

from setuptools import setup

# Leaf modules of the extractor. extract/article.py stays Python: it is the glue whose module
# globals bench/extract.py wraps with per-stage timers.
COMPILED_MODULES = [
    "spektroom_crawler/chars.py",
    "spektroom_crawler/record.py",
    "spektroom_crawler/urls.py",
    *(
        f"spektroom_crawler/extract/{name}.py"
        for name in (
            "body", "dateline", "dates", "document", "headline", "media", "pagekind", "people",
            "quotes", "related", "sources", "taxonomy", "timestamps",
        )
    ),
]


INDEX_EXTENSION = "spektroom_crawler/extract/_index.pyx"


def index_extension() -> list[object]:
    """The Cython page index, built against the lxml of the build environment (whose version it
    records), or nothing when Cython or lxml is not there to build it."""
    try:
        import lxml
        from Cython.Build import cythonize
        from lxml import etree
    except ImportError:
        return []
    from setuptools import Extension

    extension = Extension(
        "spektroom_crawler.extract._index",
        [INDEX_EXTENSION],
        include_dirs=lxml.get_include(),
        define_macros=[("SPEKTROOM_LXML_VERSION", f'"{etree.__version__}"')],
        optional=True,  # a failed compile leaves the pure-Python index, not a failed install
    )
    return list(cythonize([extension], quiet=True))


def ext_modules() -> list[object]:
    extensions = index_extension()
    if os.environ.get("SPEKTROOM_COMPILE", "").strip() not in ("1", "true", "yes"):
        return extensions
    from mypyc.build import mypycify  # needs mypy in the build environment (see above)

    return extensions + list(mypycify(COMPILED_MODULES, opt_level="3"))


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import the list
    setup(ext_modules=ext_modules())
