"""The extractor's C parts (everything else is in pyproject.toml). Every install builds both;
each is optional, so a machine without a C compiler still gets a working (slower) install.

- `spektroom_crawler/extract/_index.pyx` (Cython), against the installed lxml: the page index in
  one C walk over libxml2's tree (see its docstring). When it is not built, or the running lxml
  is not the one it was built for, the extractor uses the same index in pure Python.
- The extractor's modules (`spektroom_crawler/_build.py`, `COMPILED`), compiled with mypyc: the
  same typed sources turned into C extensions, the way black and mypy ship. Records are identical
  (tests/test_compiled_build.py compares them on every fixture and mirror page); extraction is
  8-14% faster. `_compiled.json` records what was compiled from which source, and the package
  runs the sources instead whenever one of them changed since (`_build.select_build`), so an
  edited file never hides behind a stale compiled module in an editable install.

SPEKTROOM_COMPILE=0 skips mypyc (the C page index is still built).
"""

from __future__ import annotations

import json
import os
import runpy
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# Stdlib only, so it loads before the package's dependencies are installed.
BUILD = runpy.run_path(str(ROOT / "spektroom_crawler" / "_build.py"), run_name="setup_build")
COMPILED_MODULES = [
    str(BUILD["source_path"](module, Path("spektroom_crawler")))
    for module in BUILD["COMPILED"]
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


def compiled_extensions() -> list[object]:
    """The mypyc group of the extractor's modules, and the manifest of the sources it compiles;
    nothing when mypyc is not in the build environment or SPEKTROOM_COMPILE=0."""
    # A build starts from nothing: without a manifest no compiled module is used (_build.py),
    # and an extension left by an earlier build must not pass for this one's if its compile fails.
    manifest: Path = BUILD["MANIFEST"]
    manifest.unlink(missing_ok=True)
    group_lib = BUILD["GROUP"] + "__mypyc"
    for module in [*BUILD["COMPILED"], group_lib]:
        stale = BUILD["extension_path"](module)
        if stale is not None:
            stale.unlink()
    if os.environ.get("SPEKTROOM_COMPILE", "").strip() in ("0", "false", "no"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    extensions = list(mypycify(COMPILED_MODULES, opt_level="3", group_name=BUILD["GROUP"]))
    for extension in extensions:
        extension.optional = True  # a failed compile leaves the sources (the manifest says so)
    sources = {"sources": BUILD["source_digests"](ROOT / "spektroom_crawler")}
    manifest.write_text(json.dumps(sources, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return extensions


def ext_modules() -> list[object]:
    return index_extension() + compiled_extensions()


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import the list
    setup(ext_modules=ext_modules())
