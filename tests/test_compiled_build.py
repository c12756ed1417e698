"""The mypyc build of the extractor (setup.py, spektroom_crawler/_build.py).

- It extracts exactly what the sources do: every fixture page and every HTML page of the offline
  mirror, extracted by the compiled modules of this process and by the sources in a subprocess
  (SPEKTROOM_PURE=1), give the same records. This is the guard against code that mypyc compiles
  differently (runtime type checks at function boundaries, integer semantics, ...).
- It is used only while it is fresh: an edited, missing or unrecorded module makes the package
  import every compiled module from its .py file, so an edit never hides behind a stale build.

Every install compiles it; in CI (CI=true) a missing build fails these tests instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import runpy
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import spektroom_crawler
from spektroom_crawler import _build
from spektroom_crawler.extract import quotes
from tests.conftest import PAGES, ROOT, SITE, skip_or_fail_in_ci

NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)

# Runs in a subprocess: which build the package chose, where each compiled module came from,
# and (with page paths) the record of every page as JSON, all on one line of stdout.
REPORT = r"""
import datetime as dt, json, sys
from pathlib import Path
import spektroom_crawler
from spektroom_crawler import _build, extract_article
modules = {}
for name in _build.COMPILED:
    __import__(name)
    modules[name] = sys.modules[name].__file__
now = dt.datetime.fromisoformat(sys.argv[1])
records = {
    path: extract_article(
        Path(path).read_bytes(), "https://spektroom.co.id/" + Path(path).stem + "/", now=now,
    ).to_dict(sources=True)
    for path in sys.argv[2:]
}
build = spektroom_crawler.BUILD
print(json.dumps({"compiled": build.compiled, "reason": build.reason, "modules": modules,
                  "records": records}, ensure_ascii=False, sort_keys=True))
"""


def _require_compiled() -> None:
    if not spektroom_crawler.BUILD.compiled:
        # every install compiles it
        skip_or_fail_in_ci(f"the extractor is not compiled: {spektroom_crawler.BUILD.reason}")


def _report(package_root: Path, *pages: str, pure: bool = False) -> dict[str, object]:
    env = {key: value for key, value in os.environ.items() if key != _build.PURE_ENV}
    env["PYTHONPATH"] = str(package_root)
    if pure:
        env[_build.PURE_ENV] = "1"
    run = subprocess.run(
        [sys.executable, "-c", REPORT, NOW.isoformat(), *pages],
        cwd=package_root, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report: dict[str, object] = json.loads(run.stdout)
    return report


def _is_extension(path: object) -> bool:
    return str(path).endswith(tuple(EXTENSION_SUFFIXES))


def test_this_process_runs_the_compiled_extractor() -> None:
    _require_compiled()
    assert all(_is_extension(importlib.import_module(m).__file__) for m in _build.COMPILED)
    assert spektroom_crawler.BUILD.describe().startswith("compiled with mypyc")
    # Compiled functions check argument types: the public ones still take anything.
    assert spektroom_crawler.parse_date(b"26/11/2025") is None  # type: ignore[arg-type]
    assert spektroom_crawler.parse_date(None) is None  # type: ignore[arg-type]
    assert quotes.split_person(42) == (None, None)  # type: ignore[arg-type]


def test_compiled_extractor_gives_the_same_records() -> None:
    _require_compiled()
    pages = sorted(str(p) for p in PAGES.glob("*.html"))
    pages += sorted(str(p) for p in SITE.rglob("*.html"))
    assert len(pages) > 100
    pure = _report(ROOT, *pages, pure=True)
    assert pure["compiled"] is False and pure["reason"] == f"{_build.PURE_ENV} is set"
    assert isinstance(pure["modules"], dict)
    assert not [f for f in pure["modules"].values() if _is_extension(f)]

    from spektroom_crawler import extract_article

    compiled = {
        # through JSON, as the pure records came: tuples become lists on both sides
        path: json.loads(json.dumps(extract_article(
            Path(path).read_bytes(), "https://spektroom.co.id/" + Path(path).stem + "/", now=NOW,
        ).to_dict(sources=True)))
        for path in pages
    }
    assert isinstance(pure["records"], dict)
    mismatched = [path for path in pages if compiled[path] != pure["records"][path]]
    assert not mismatched, mismatched[:5]


def _copy_package(tmp_path: Path) -> Path:
    """This install's package, built extensions and manifest included, under tmp_path."""
    shutil.copytree(
        ROOT / "spektroom_crawler", tmp_path / "spektroom_crawler",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return tmp_path


def test_an_edited_source_runs_instead_of_its_stale_build(tmp_path: Path) -> None:
    _require_compiled()
    root = _copy_package(tmp_path)
    page = str(PAGES / "seed_ghost.html")
    fresh = _report(root, page)
    assert fresh["compiled"] is True
    assert isinstance(fresh["modules"], dict)
    assert all(_is_extension(f) for f in fresh["modules"].values())

    # An edit a developer makes: the quote finder no longer sees any quote.
    source = root / "spektroom_crawler" / "extract" / "quotes.py"
    source.write_text(
        source.read_text(encoding="utf-8")
        + "\n\ndef extract_quotes(paragraphs, *, normalized=False):  # type: ignore\n"
        + "    return []\n",
        encoding="utf-8",
    )
    edited = _report(root, page)
    assert edited["compiled"] is False
    assert edited["reason"] == (
        "changed since the build: spektroom_crawler/extract/quotes.py; reinstall"
    )
    # All or none: every compiled module now comes from its .py file, the edit takes effect.
    assert isinstance(edited["modules"], dict)
    assert edited["modules"] == {
        name: str(_build.source_path(name, root / "spektroom_crawler"))
        for name in _build.COMPILED
    }
    assert isinstance(fresh["records"], dict) and isinstance(edited["records"], dict)
    assert fresh["records"][page]["quotes"]
    assert edited["records"][page]["quotes"] == []
    assert edited["records"][page]["headline"] == fresh["records"][page]["headline"]


def test_a_missing_extension_runs_the_sources(tmp_path: Path) -> None:
    _require_compiled()
    root = _copy_package(tmp_path)
    built = _build.extension_path("spektroom_crawler.extract.body", root / "spektroom_crawler")
    assert built is not None
    built.unlink()
    report = _report(root)
    assert report["compiled"] is False
    assert report["reason"] == "not compiled: spektroom_crawler.extract.body is not built"
    assert isinstance(report["modules"], dict)
    assert not [f for f in report["modules"].values() if _is_extension(f)]


# The decision itself, on a fake build (empty extension files and a manifest): no compiler needed.


def _fake_build(tmp_path: Path) -> Path:
    package = tmp_path / "spektroom_crawler"
    for name in _build.COMPILED:
        source = _build.source_path(name, package)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"# {name}\n", encoding="utf-8")
        source.with_name(source.stem + EXTENSION_SUFFIXES[0]).touch()
    (package / ("extractor__mypyc" + EXTENSION_SUFFIXES[0])).touch()
    manifest = {"sources": _build.source_digests(package)}
    (package / _build.MANIFEST.name).write_text(json.dumps(manifest), encoding="utf-8")
    return package


def test_a_fresh_build_is_used(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    assert _build.check_build(package, env={}) == _build.Build(True, "")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda p: (p / "_compiled.json").unlink(), "not compiled: no build manifest"),
        (lambda p: (p / "_compiled.json").write_text("{not json"),
         "not compiled: no build manifest"),
        (lambda p: (p / "_compiled.json").write_text('{"sources": []}'),
         "the build manifest lists other modules: reinstall"),
        (lambda p: (p / "_compiled.json").write_text('{"sources": {"spektroom_crawler.x": "0"}}'),
         "the build manifest lists other modules: reinstall"),
        (lambda p: (p / ("extractor__mypyc" + EXTENSION_SUFFIXES[0])).unlink(),
         "not compiled: mypyc's group library is missing"),
        (lambda p: (p / "urls.py").write_text("# edited\n"),
         "changed since the build: spektroom_crawler/urls.py; reinstall"),
        (lambda p: [(p / "urls.py").write_text("#\n"), (p / "extract" / "body.py").unlink()],
         "changed since the build: spektroom_crawler/urls.py, "
         "spektroom_crawler/extract/body.py; reinstall"),
    ],
    ids=["no manifest", "bad manifest", "list manifest", "other modules", "no group library",
         "edited", "edited and deleted"],
)
def test_a_spoiled_build_is_not_used(tmp_path: Path, spoil: object, reason: str) -> None:
    package = _fake_build(tmp_path)
    assert callable(spoil)
    spoil(package)
    assert _build.check_build(package, env={}) == _build.Build(False, reason)


def test_pure_env_forces_the_sources(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    assert _build.check_build(package, env={"SPEKTROOM_PURE": "1"}).reason == (
        "SPEKTROOM_PURE is set"
    )
    assert _build.check_build(package, env={"SPEKTROOM_PURE": "0"}).compiled


def test_setup_compiles_the_modules_the_package_checks() -> None:
    setup_py = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_for_tests")
    assert setup_py["COMPILED_MODULES"] == [
        f"spektroom_crawler/{name.split('.', 1)[1].replace('.', '/')}.py"
        for name in _build.COMPILED
    ]
    assert all((ROOT / path).is_file() for path in setup_py["COMPILED_MODULES"])
