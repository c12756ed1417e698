"""Benchmark: quote extraction time per article (target: well under 1 ms for ~15 paragraphs).

Run: python bench/quotes.py [ROUNDS]
Uses the real page's body (tests/test_quotes.py SEED_PARAGRAPHS), the PMI test article
and a quote-heavy synthetic article built from the test table; prints the median and p95
time per article with cold caches.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spektroom_crawler.extract import quotes
from spektroom_crawler.extract.quotes import extract_quotes
from tests.test_quotes import CASES, PMI_ARTICLE, SEED_PARAGRAPHS


def _time(paragraphs: list[str], rounds: int) -> tuple[float, float, int]:
    samples = []
    found = 0
    for _ in range(rounds):
        # Cold caches: every article in a crawl is new text (split_person's cache of recurring
        # names is the only one that helps across articles; clear it too, to be pessimistic).
        quotes._after_attr.cache_clear()
        quotes._split_person.cache_clear()
        t0 = time.perf_counter()
        found = len(extract_quotes(paragraphs))
        samples.append(time.perf_counter() - t0)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)], found


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    heavy = [p for _, paras, _ in CASES for p in paras if p.strip()][:15]
    articles = (
        ("seed page", SEED_PARAGRAPHS),
        ("pmi article", PMI_ARTICLE),
        ("quote-heavy", heavy),
    )
    for name, paras in articles:
        median, p95, found = _time(paras, rounds)
        chars = sum(len(p) for p in paras)
        print(
            f"{name:12s} {len(paras):3d} paragraphs {chars:6d} chars {found:3d} quotes: "
            f"median {median * 1e6:7.1f} us  p95 {p95 * 1e6:7.1f} us  "
            f"({1e-3 / median:.1f}x under the 1 ms budget)"
        )


if __name__ == "__main__":
    main()
