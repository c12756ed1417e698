"""Benchmark: extract_article vs a bare lxml parse vs trafilatura, over fixtures/pages/.

Run from the repository root:  python3 bench/extract.py [--rounds R] [--pages GLOB] [--site]

For every fixture page, in one run and interleaved (so machine load hits all three alike):
the median time of `extract_article(bytes, url, now=...)`, of `lxml.html.fromstring(bytes)` and
of `trafilatura.extract(bytes, url=..., with_metadata=True, output_format="json")`; then the
median over pages of each, the ratios, and a small accuracy comparison (headline, published
date, authors) against the hand-written expected records.

Then a per-stage breakdown, measured inside real extract_article runs (a separate pass, so the
timers never touch the numbers above): each stage's median time per page as a multiple of that
page's lxml parse, median over pages. Stages are timed in place because a stage timed alone, on
a warm tree in a tight loop, looks up to 2x cheaper than it is inside the whole extraction.
Targets (issue 2): extraction <= 3x the lxml parse, >= 5x faster than trafilatura.
Exit status 1 when a target is missed. trafilatura is the `bench` extra
(pip install -e '.[bench]'; it needs lxml_html_clean with lxml >= 5.2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:  # the installed build (compiled with mypyc unless built without it, see setup.py)
    import spektroom_crawler
except ImportError:  # a bare checkout
    sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

import spektroom_crawler  # noqa: E402
import spektroom_crawler.extract as extract_package  # noqa: E402
from spektroom_crawler.extract import article as article_module  # noqa: E402
from spektroom_crawler.extract import extract_article  # noqa: E402
from spektroom_crawler.extract import sources as sources_module  # noqa: E402

PAGES = ROOT / "fixtures" / "pages"
SITE = ROOT / "fixtures" / "site"
MAX_VS_LXML = 3.0
MIN_VS_TRAFILATURA = 5.0
# Functions extract_article calls through its module globals, by the stage they belong to.
STAGES: dict[str, str] = {
    "parse_document": "parse (decode + libxml2)",
    "build_page": "index (tags, classes, meta, JSON-LD)",
    "_canonical": "canonical URL",
    "extract_language": "language + page kind",
    "is_error_page": "language + page kind",
    "is_listing_page": "language + page kind",
    "is_static_page": "language + page kind",
    "extract_headline": "headline + subheadline",
    "extract_subheadline": "headline + subheadline",
    "extract_section": "section + tags",
    "extract_tags": "section + tags",
    "extract_body": "body paragraphs",
    "extract_published": "published/modified",
    "extract_modified": "published/modified",
    "parse_dateline": "dateline + event date",
    "find_event_date": "dateline + event date",
    "extract_people": "authors/editors",
    "extract_media": "image/caption/credit",
    "extract_quotes": "quotes",
    "extract_related": "related links",
}
REST = "(glue, record, timers)"


def build_description() -> str:
    """Which build of the extractor runs (mypyc-compiled or its sources, and why), and where."""
    index = "C page index" if sources_module.INDEX_TREE is not None else "pure-Python page index"
    where = Path(str(extract_package.__file__)).parent.parent
    return f"{spektroom_crawler.BUILD.describe()}, {index}, from {where}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def load_cases(pattern: str) -> list[tuple[str, bytes, dict[str, Any]]]:
    cases = []
    for html_path in sorted(PAGES.glob(pattern)):
        data = html_path.read_bytes()
        expected = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
        if data:  # the empty page measures nothing
            cases.append((html_path.stem, data, expected))
    return cases


def load_site_cases() -> list[tuple[str, bytes, dict[str, Any]]]:
    """The offline mirror's article pages, with the manifest's truth in the record's shape."""
    manifest = json.loads((SITE / "_manifest.json").read_text(encoding="utf-8"))
    cases = []
    for art in manifest["articles"]:
        page = SITE / art["path"].strip("/") / "index.html"
        expected = {
            "_meta": {"url": art["url"], "now": manifest["snapshot"], "article": True},
            "headline": art["headline"], "published_at": art["published"],
            "authors": art["authors"],
        }
        cases.append(("site:" + art["path"].strip("/").split("/")[-1][:19], page.read_bytes(),
                      expected))
    return cases


def norm_names(raw: object) -> set[str]:
    if isinstance(raw, list):
        raw = ";".join(str(r) for r in raw)
    if not isinstance(raw, str):
        return set()
    return {n.strip().casefold() for n in raw.replace(",", ";").split(";") if n.strip()}


def day(value: object) -> str | None:
    return value[:10] if isinstance(value, str) and value else None


def stage_times(
    data: bytes, url: str, now: dt.datetime, rounds: int
) -> tuple[dict[str, float], float]:
    """Median time per stage (and of the whole call) over `rounds` timed extract_article runs."""
    spent: dict[str, float] = dict.fromkeys(STAGES.values(), 0.0)
    originals = {name: getattr(article_module, name) for name in STAGES}

    def timer(fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        def timed_stage(*a: Any, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[stage] += time.perf_counter() - start

        return timed_stage

    per_stage: dict[str, list[float]] = {stage: [] for stage in [*spent, REST]}
    totals = []
    for name, fn in originals.items():
        setattr(article_module, name, timer(fn, STAGES[name]))
    try:
        for _ in range(rounds):
            for stage in spent:
                spent[stage] = 0.0
            total = timed(lambda: article_module.extract_article(data, url, now=now))
            totals.append(total)
            for stage, value in spent.items():
                per_stage[stage].append(value)
            per_stage[REST].append(total - sum(spent.values()))
    finally:
        for name, fn in originals.items():
            setattr(article_module, name, fn)
    return ({stage: statistics.median(v) for stage, v in per_stage.items()},
            statistics.median(totals))


def print_stages(cases: list[tuple[bytes, str, dt.datetime, float]], rounds: int) -> None:
    """Per-stage shares as multiples of each page's lxml parse, median over pages."""
    shares: dict[str, list[float]] = {}
    whole: list[float] = []
    for data, url, now, parse_time in cases:
        stages, total = stage_times(data, url, now, rounds)
        whole.append(total / parse_time)
        for stage, value in stages.items():
            shares.setdefault(stage, []).append(value / parse_time)
    print(f"stages inside extract_article, each as a multiple of the page's lxml parse, median"
          f" over pages (whole timed run: {statistics.median(whole):.2f}x):")
    non_parse = 0.0
    for stage, values in shares.items():
        share = statistics.median(values)
        if not stage.startswith(("parse", "quotes")):
            non_parse += share
        print(f"  {stage:38s} {share:5.2f}x")
    print(f"  {'all but parse and quotes':38s} {non_parse:5.2f}x  (a sum of medians)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rounds", type=int, default=21, help="timed runs per page and tool")
    ap.add_argument("--traf-rounds", type=int, default=5, help="timed runs of trafilatura")
    ap.add_argument("--pages", default="*.html", help="glob inside fixtures/pages/")
    ap.add_argument("--site", action="store_true",
                    help="also the offline mirror's article pages (fixtures/site/)")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    args = ap.parse_args()

    try:
        import trafilatura
    except ImportError as exc:
        print(f"trafilatura is not importable ({exc}); install the bench extra", file=sys.stderr)
        return 2

    print(f"extractor: {build_description()}")
    cases = load_cases(args.pages)
    if args.site:
        cases += load_site_cases()
    rows = []
    accuracy = {"ours": {"headline": 0, "date": 0, "authors": 0},
                "trafilatura": {"headline": 0, "date": 0, "authors": 0}}
    articles = 0
    cases_timed: list[tuple[bytes, str, dt.datetime, float]] = []
    for name, data, expected in cases:
        meta = expected["_meta"]
        url, now = meta["url"], dt.datetime.fromisoformat(meta["now"])
        ours, parse, traf = [], [], []
        traf_out: str | None = None
        extract_article(data, url, now=now)  # one warm-up run (imports, regex compilation)
        for i in range(args.rounds):
            ours.append(timed(lambda: extract_article(data, url, now=now)))  # noqa: B023
            parse.append(timed(lambda: lxml.html.fromstring(data)))  # noqa: B023
            if i < args.traf_rounds:
                start = time.perf_counter()
                traf_out = trafilatura.extract(
                    data, url=url, with_metadata=True, output_format="json"
                )
                traf.append(time.perf_counter() - start)
        row = (name, statistics.median(ours), statistics.median(parse), statistics.median(traf))
        rows.append(row)
        print(f"{name:24s} extract {row[1] * 1e6:8.0f} us   lxml parse {row[2] * 1e6:7.0f} us"
              f"   trafilatura {row[3] * 1e6:8.0f} us   ({row[1] / row[2]:4.1f}x parse,"
              f" {row[3] / row[1]:5.1f}x faster than trafilatura)")
        cases_timed.append((data, url, now, row[2]))

        if not meta.get("article"):
            continue
        articles += 1
        got = extract_article(data, url, now=now)
        t = json.loads(traf_out) if traf_out else {}
        want_headline, want_day = expected["headline"], day(expected["published_at"])
        want_authors = norm_names(expected["authors"])
        accuracy["ours"]["headline"] += got.headline == want_headline
        accuracy["ours"]["date"] += day(got.published_at) == want_day
        accuracy["ours"]["authors"] += norm_names(got.authors) == want_authors
        accuracy["trafilatura"]["headline"] += (t.get("title") or None) == want_headline
        accuracy["trafilatura"]["date"] += day(t.get("date")) == want_day
        accuracy["trafilatura"]["authors"] += norm_names(t.get("author")) == want_authors

    med_ours = statistics.median(r[1] for r in rows)
    med_parse = statistics.median(r[2] for r in rows)
    med_traf = statistics.median(r[3] for r in rows)
    vs_lxml, vs_traf = med_ours / med_parse, med_traf / med_ours
    print()
    print(f"pages: {len(rows)} (median per page over {args.rounds} runs; trafilatura"
          f" {args.traf_rounds} runs)")
    print(f"extract_article      {med_ours * 1e6:8.0f} us")
    print(f"lxml.html.fromstring {med_parse * 1e6:8.0f} us")
    print(f"trafilatura.extract  {med_traf * 1e6:8.0f} us")
    ok_lxml, ok_traf = vs_lxml <= MAX_VS_LXML, vs_traf >= MIN_VS_TRAFILATURA
    print(f"extraction / lxml parse   = {vs_lxml:5.2f}x  (target <= {MAX_VS_LXML}x)"
          f"  {'OK' if ok_lxml else 'MISSED'}   (median of the per-page ratios:"
          f" {statistics.median(r[1] / r[2] for r in rows):.2f}x)")
    print(f"trafilatura / extraction  = {vs_traf:5.2f}x  (target >= {MIN_VS_TRAFILATURA}x)"
          f"  {'OK' if ok_traf else 'MISSED'}")
    if not args.no_stages:
        print()
        print_stages(cases_timed, args.rounds)
    print()
    print(f"accuracy on {articles} article pages (exact headline, published day, author set):")
    for tool, scores in accuracy.items():
        print(f"  {tool:12s} " + "  ".join(f"{k} {v}/{articles}" for k, v in scores.items()))
    return 0 if ok_lxml and ok_traf else 1


if __name__ == "__main__":
    sys.exit(main())
