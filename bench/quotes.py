"""Benchmark: quote extraction time per article (budget: about 80-100 us for ~15 paragraphs).

Run: python bench/quotes.py [--rounds N] [--against REV]

Articles: the real page's body (tests/test_quotes.py SEED_PARAGRAPHS), the PMI test article,
a quote-heavy synthetic article built from the test table, and the body paragraphs of every
fixture page (fixtures/pages/*.html, as extract_article hands them to extract_quotes).
Prints, per article, the median time of `extract_quotes` in three cache states:
  cold   every article is new text: the caches keyed by paragraph or mention text
         (_after_attr, _split_person) are cleared before each run; the per-word caches stay
         warm, as they are a few articles into a crawl;
  frozen every cache of the module cleared (the first article of a process: pessimistic);
  warm   the same article again (all caches hit; what a repeated-page benchmark sees).
--against REV also loads spektroom_crawler/extract/quotes.py as of git revision REV (e.g.
main) and times it interleaved with the working tree's (same machine load for both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spektroom_crawler.extract import quotes  # noqa: E402
from tests.test_quotes import CASES, PMI_ARTICLE, SEED_PARAGRAPHS  # noqa: E402

# Caches keyed by whole paragraphs or mentions: new text in every article of a crawl.
TEXT_CACHES = ("_after_attr", "_split_person")


def _caches(module: types.ModuleType, only: tuple[str, ...] | None) -> list[Any]:
    return [
        fn
        for name, fn in vars(module).items()
        if hasattr(fn, "cache_clear") and (only is None or name in only)
    ]


def fixture_articles() -> list[tuple[str, list[str]]]:
    """The body paragraphs extract_article passes to extract_quotes, per fixture page."""
    from spektroom_crawler.extract import article as article_mod

    seen: list[list[str]] = []
    real = article_mod.extract_quotes

    def spy(paragraphs: list[str], **kwargs: Any) -> list[Any]:
        seen.append(list(paragraphs))
        return real(paragraphs, **kwargs)

    out = []
    article_mod.extract_quotes = spy  # type: ignore[assignment]
    try:
        for html in sorted((ROOT / "fixtures" / "pages").glob("*.html")):
            data = html.read_bytes()
            meta = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))["_meta"]
            if not data or not meta.get("article"):
                continue
            seen.clear()
            now = dt.datetime.fromisoformat(meta["now"])
            article_mod.extract_article(data, meta["url"], now=now)
            if seen:
                out.append((html.stem, seen[-1]))
    finally:
        article_mod.extract_quotes = real
    return out


def load_revision(rev: str) -> types.ModuleType:
    """quotes.py as of git revision `rev`, as a separate module."""
    source = subprocess.run(
        ["git", "show", f"{rev}:spektroom_crawler/extract/quotes.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    module = types.ModuleType(f"quotes_at_{rev}")
    module.__file__ = f"{rev}:quotes.py"
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def time_states(
    extract: Callable[[list[str]], object], module: types.ModuleType, paras: list[str]
) -> dict[str, float]:
    """One timed run in each cache state (seconds)."""
    out = {}
    for fn in _caches(module, None):
        fn.cache_clear()
    t0 = time.perf_counter()
    extract(paras)
    out["frozen"] = time.perf_counter() - t0
    for fn in _caches(module, TEXT_CACHES):
        fn.cache_clear()
    t0 = time.perf_counter()
    extract(paras)
    out["cold"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract(paras)
    out["warm"] = time.perf_counter() - t0
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rounds", type=int, default=300, help="timed runs per article and state")
    ap.add_argument("--against", metavar="REV", help="also time quotes.py of this git revision")
    args = ap.parse_args()

    heavy = [p for _, paras, _ in CASES for p in paras if p.strip()][:15]
    articles = [("seed page", SEED_PARAGRAPHS), ("pmi article", PMI_ARTICLE)]
    articles += [("quote-heavy", heavy), *fixture_articles()]
    versions: list[tuple[str, types.ModuleType]] = [("now", quotes)]
    if args.against:
        versions.insert(0, (args.against, load_revision(args.against)))
    # Warm the per-word caches with every article first (a crawl a few articles in).
    for _, module in versions:
        for _, paras in articles:
            module.extract_quotes(paras)

    states = ("cold", "frozen", "warm")
    medians: dict[str, dict[str, list[float]]] = {
        v: {s: [] for s in states} for v, _ in versions
    }
    header = f"{'article':20s} {'paras':>5s} {'chars':>6s} {'quotes':>6s}"
    for label, _ in versions:
        header += "  " + "  ".join(f"{label + ' ' + s:>13s}" for s in states)
    print(header + "   (median us per article)")
    for name, paras in articles:
        samples = {v: {s: [] for s in states} for v, _ in versions}
        for _ in range(args.rounds):
            for label, module in versions:
                for state, secs in time_states(module.extract_quotes, module, paras).items():
                    samples[label][state].append(secs)
        line = f"{name:20s} {len(paras):5d} {sum(map(len, paras)):6d} "
        line += f"{len(quotes.extract_quotes(paras)):6d}"
        for label, _ in versions:
            for state in states:
                med = statistics.median(samples[label][state]) * 1e6
                medians[label][state].append(med)
                line += f"  {med:13.1f}"
        print(line)
    line = f"{'MEDIAN of articles':20s} {'':5s} {'':6s} {'':6s}"
    for label, _ in versions:
        for state in states:
            line += f"  {statistics.median(medians[label][state]):13.1f}"
    print(line)
    if args.against:
        base, now = versions[0][0], versions[-1][0]
        for state in states:
            ratios = [
                b / n for b, n in zip(medians[base][state], medians[now][state], strict=True)
            ]
            print(
                f"speed-up {state:6s} (per-article {base}/{now}): median "
                f"{statistics.median(ratios):.2f}x, min {min(ratios):.2f}x, max {max(ratios):.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
