"""Which build of the extractor runs: its mypyc-compiled modules, or the .py sources beside them.

Every install compiles the modules in `COMPILED` with mypyc into one group (setup.py) and records
the SHA-256 of each source it compiled in `MANIFEST`. Python's import system prefers an extension
module to the .py file beside it, so in an editable install a compiled module would hide every
later edit of its source until the next install. `select_build`, which the package runs before it
imports any of them, prevents that: the compiled modules are used only when all of them are built
and every source is still the one they were compiled from. Otherwise all of them are imported from
their .py files. All or none, because mypyc calls across the modules of a group natively: a stale
module would keep running inside the fresh ones. SPEKTROOM_PURE=1 forces the sources.

Stdlib only: setup.py loads this file with runpy, before the package's dependencies exist.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PACKAGE = "spektroom_crawler"
PACKAGE_DIR = Path(__file__).resolve().parent
# The extractor's leaf modules. extract/article.py stays Python: it is the glue whose module
# globals bench/extract.py wraps with per-stage timers. record.py stays Python: compiled, its
# dataclasses would refuse the loosely typed records the store's normalizer exists to clean.
COMPILED: tuple[str, ...] = (
    "spektroom_crawler.chars",
    "spektroom_crawler.urls",
    *(
        f"spektroom_crawler.extract.{name}"
        for name in (
            "body", "dateline", "dates", "document", "headline", "media", "pagekind", "people",
            "quotes", "related", "sources", "taxonomy", "timestamps",
        )
    ),
)
# mypyc's shared library for the group: spektroom_crawler/extractor__mypyc.<abi>.so
GROUP = "spektroom_crawler.extractor"
MANIFEST = PACKAGE_DIR / "_compiled.json"
PURE_ENV = "SPEKTROOM_PURE"


@dataclass(frozen=True)
class Build:
    compiled: bool
    reason: str  # why the sources run (empty when compiled)

    def describe(self) -> str:
        if self.compiled:
            return f"compiled with mypyc ({len(COMPILED)} modules)"
        return f"pure Python ({self.reason})"


def source_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    parts = module.split(".")
    assert parts[0] == PACKAGE, module
    return package_dir.joinpath(*parts[1:]).with_suffix(".py")


def source_digests(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """SHA-256 of each compiled module's source, by module name (what setup.py records)."""
    return {module: _digest(source_path(module, package_dir)) for module in COMPILED}


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:  # a deleted source matches no recorded digest
        return ""


def extension_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The built extension module for `module` (for this interpreter), if there is one."""
    source = source_path(module, package_dir)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = source.with_name(source.stem + suffix)
        if path.is_file():
            return path
    return None


def check_build(package_dir: Path = PACKAGE_DIR, env: dict[str, str] | None = None) -> Build:
    """Whether the compiled modules under `package_dir` can run: all built, none stale."""
    environ = os.environ if env is None else env
    if environ.get(PURE_ENV, "").strip() not in ("", "0"):
        return Build(False, f"{PURE_ENV} is set")
    manifest = package_dir / MANIFEST.name
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return Build(False, "not compiled: no build manifest")
    if not isinstance(recorded, dict) or sorted(recorded) != sorted(COMPILED):
        return Build(False, "the build manifest lists other modules: reinstall")
    if extension_path(GROUP + "__mypyc", package_dir) is None:
        return Build(False, "not compiled: mypyc's group library is missing")
    for module in COMPILED:
        if extension_path(module, package_dir) is None:
            return Build(False, f"not compiled: {module} is not built")
    digests = source_digests(package_dir)
    changed = [
        str(source_path(m, package_dir).relative_to(package_dir.parent))
        for m in COMPILED if digests[m] != recorded[m]
    ]
    if changed:
        return Build(False, f"changed since the build: {', '.join(changed)}; reinstall")
    return Build(True, "")


class SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the compiled modules from their .py files, ahead of the extensions beside them."""

    def __init__(self, package_dir: Path) -> None:
        self.package_dir = package_dir

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(
            fullname, source_path(fullname, self.package_dir)
        )


_selected: Build | None = None


def select_build() -> Build:
    """Decide, once per process and before any of them is imported, where the compiled modules
    come from; when from the sources while extensions exist, put `SourceFinder` in front."""
    global _selected
    if _selected is None:
        _selected = check_build()
        if not _selected.compiled and any(extension_path(m) for m in COMPILED):
            sys.meta_path.insert(0, SourceFinder(PACKAGE_DIR))
    return _selected
