"""The optional mypyc build (setup.py, SPEKTROOM_COMPILE=1) extracts exactly what pure Python does.

The extractor's modules are compiled from a copy of the sources into a temporary directory, then
every fixture page and every HTML page of the offline mirror is extracted there (in a subprocess,
so the compiled modules are the ones imported) and compared with the records of this process.
This is the guard against code that mypyc compiles differently (runtime type checks at function
boundaries, integer semantics, ...). It takes about a minute: mypyc and gcc do real work.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import runpy
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("mypyc.build", reason="mypy (the test extra) brings mypyc")

NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)  # passed to DUMP as its first argument

# Runs inside the compiled copy: the record of every page as JSON on stdout.
DUMP = r"""
import datetime as dt, json, sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
import spektroom_crawler.extract.quotes as quotes
from spektroom_crawler import extract_article, parse_date
assert quotes.__file__.endswith(tuple(EXTENSION_SUFFIXES)), quotes.__file__
# Compiled functions check argument types: public ones still take anything.
assert parse_date(b"26/11/2025") is None and parse_date(None) is None
assert quotes.split_person(42) == (None, None)
now = dt.datetime.fromisoformat(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    data = Path(path).read_bytes()
    url = "https://spektroom.co.id/" + Path(path).stem + "/"
    out[path] = extract_article(data, url, now=now).to_dict(sources=True)
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def test_compiled_extractor_gives_the_same_records(tmp_path: Path) -> None:
    setup_py = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_for_tests")
    modules: list[str] = setup_py["COMPILED_MODULES"]
    shutil.copytree(
        ROOT / "spektroom_crawler", tmp_path / "spektroom_crawler",
        ignore=shutil.ignore_patterns("__pycache__", "*.so"),
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "MYPY_CACHE_DIR": str(tmp_path / ".mypy")}
    # No pyproject.toml in tmp_path: mypyc runs with mypy's defaults, as a wheel build does.
    build = subprocess.run(
        [sys.executable, "-m", "mypyc", "--ignore-missing-imports", *modules],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]

    pages = sorted(str(p) for p in (ROOT / "fixtures" / "pages").glob("*.html"))
    pages += sorted(str(p) for p in (ROOT / "fixtures" / "site").rglob("*.html"))
    run = subprocess.run(
        [sys.executable, "-c", DUMP, NOW.isoformat(), *pages],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    compiled = json.loads(run.stdout)

    # The same records from the pure-Python modules of this process.
    from spektroom_crawler import extract_article

    # No mypyc module here (the C page index, extract/_index.pyx, may be: it is no mypyc build,
    # and tests/test_index_speedup.py shows it changes no record).
    assert not [
        m for m in _loaded_modules()
        if m.endswith(tuple(EXTENSION_SUFFIXES)) and not Path(m).name.startswith("_index.")
    ]
    pure = {
        # through JSON, as the compiled records came: tuples become lists on both sides
        path: json.loads(json.dumps(extract_article(
            Path(path).read_bytes(), "https://spektroom.co.id/" + Path(path).stem + "/", now=NOW,
        ).to_dict(sources=True)))
        for path in pages
    }
    assert len(pages) > 100
    mismatched = [path for path in pages if compiled[path] != pure[path]]
    assert not mismatched, mismatched[:5]


def _loaded_modules() -> list[str]:
    """Files of the spektroom_crawler modules this process imported."""
    return [
        str(m.__file__) for name, m in sys.modules.items()
        if name.startswith("spektroom_crawler.") and getattr(m, "__file__", None)
    ]
