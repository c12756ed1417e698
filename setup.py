"""Optional compiled build of the extractor (everything else is in pyproject.toml).

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


def ext_modules() -> list[object]:
    if os.environ.get("SPEKTROOM_COMPILE", "").strip() not in ("1", "true", "yes"):
        return []
    from mypyc.build import mypycify  # needs mypy in the build environment (see above)

    return list(mypycify(COMPILED_MODULES, opt_level="3"))


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import the list
    setup(ext_modules=ext_modules())
