"""Benchmark: parse_date's fast path against dateparser on the common Spektroom date forms.

Run from the repository root:  python3 bench/dates.py [--repeat N] [--rounds R]

Prints the median time per call of each parser, per form and overall, and the speed-up ratio.
Target (issue 2): parse_date at least 50x faster than dateparser.parse(s, languages=["id"]).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spektroom_crawler.extract.dates import WIB, parse_date

#: Visible article dates and machine stamps as the site's templates print them.
COMMON_FORMS: list[str] = [
    "Sabtu, 29 November 2025 - 19:45 WIB",
    "Senin, 1 Des 2025 08.15 WIB",
    "Kamis, 4 Desember 2025 | 10:20 WITA",
    "Jumat, 28 November 2025 14:30 WIT",
    "Rabu, 26 November 2025",
    "29 November 2025",
    "26/11/2025",
    "Kompas.com - 27/03/2024, 06:16 WIB",
    "Diperbarui: Sabtu, 29 November 2025 - 19:45 WIB",
    "2025-11-29T19:45:00+07:00",
    "2025-11-29T12:45:00Z",
    "2025-11-29",
    "2 jam yang lalu",
]

NOW = datetime(2025, 11, 29, 20, 0, tzinfo=WIB)


def per_call(fn: Callable[[str], object], text: str, repeat: int, rounds: int) -> float:
    """Median over ``rounds`` of the mean seconds per call over ``repeat`` calls."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            fn(text)
        samples.append((time.perf_counter() - start) / repeat)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=200, help="calls per round (dateparser)")
    ap.add_argument("--rounds", type=int, default=7, help="rounds; the median is reported")
    args = ap.parse_args()

    start = time.perf_counter()
    import dateparser  # the import itself is slow; parse_date never pays it on the fast path

    import_s = time.perf_counter() - start

    def ours(s: str) -> object:
        return parse_date(s, now=NOW)

    def theirs(s: str) -> object:
        return dateparser.parse(s, languages=["id"])

    theirs(COMMON_FORMS[0])  # warm dateparser's caches so we time parsing, not set-up

    print(f"dateparser import: {import_s * 1000:.0f} ms (paid once; parse_date avoids it)")
    print(f"{'form':<50} {'parse_date':>12} {'dateparser':>12} {'ratio':>8}  dateparser result")
    ours_all: list[float] = []
    theirs_all: list[float] = []
    for text in COMMON_FORMS:
        a = per_call(ours, text, args.repeat * 20, args.rounds)
        b = per_call(theirs, text, args.repeat, args.rounds)
        ours_all.append(a)
        theirs_all.append(b)
        got = "ok" if theirs(text) is not None else "None (cannot read it)"
        print(f"{text:<50} {a * 1e6:>9.2f} us {b * 1e6:>9.1f} us {b / a:>7.0f}x  {got}")
    a_med = statistics.median(ours_all)
    b_med = statistics.median(theirs_all)
    ratio = b_med / a_med
    print(f"{'median over forms':<50} {a_med * 1e6:>9.2f} us {b_med * 1e6:>9.1f} us {ratio:>7.0f}x")
    total = sum(theirs_all) / sum(ours_all)
    print(f"{'total time over forms':<50} {'':>12} {'':>12} {total:>7.0f}x")
    worst = min(b / a for a, b in zip(ours_all, theirs_all, strict=True))
    print(f"slowest-form ratio: {worst:.0f}x   target: >= 50x   {'OK' if worst >= 50 else 'MISS'}")


if __name__ == "__main__":
    main()
