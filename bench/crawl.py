"""Benchmark: crawl synthetic mirrors of 1k and 10k articles end to end into SQLite.

    python bench/crawl.py                 # 1000 and 10000 articles
    python bench/crawl.py --sizes 500 2000 --keep

For each size, bench/make_site.py writes a synthetic mirror into a temp folder, MirrorServer serves
it on 127.0.0.1 (in this process), and `spektroom crawl sitemap` runs in a child process through
the real pipeline (discovery, gate, download, extraction, validate/dedupe/store) into a fresh
SQLite database. The child's own resource usage (os.wait4) gives CPU seconds and peak RSS.

Bench settings override (and only here): AutoThrottle off and a higher concurrency, because the
server is on this machine and AutoThrottle would only slow down an idle localhost; everything
else is the project's settings.

Targets on 2 cores: >= 150 article pages/s end to end; peak RSS at 10k <= 1.5x peak RSS at 1k.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spektroom_crawler.mirror import MirrorServer  # noqa: E402

BENCH_SETTINGS = [
    "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "CONCURRENT_REQUESTS=32",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32",
    "-s", "LOGSTATS_INTERVAL=0",
]  # fmt: skip


@dataclass
class Run:
    size: int
    articles: int
    stored: int
    crawl_seconds: float
    wall_seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    errors: int

    @property
    def pages_per_second(self) -> float:
        return self.articles / self.crawl_seconds if self.crawl_seconds else 0.0

    @property
    def cpu_per_page_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


def make_site(size: int, outdir: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_site.py"), str(size), str(outdir)],
        check=True,
        cwd=ROOT,
    )


def crawl(size: int, site: Path, db: Path, extra: list[str]) -> Run:
    with MirrorServer(site) as server:
        command = [
            sys.executable, "-c", "from spektroom_crawler.cli import main; main()",
            "crawl", "sitemap", "--base-url", server.base_url, "--db", f"sqlite:///{db}",
            "--json", "--no-progress", *BENCH_SETTINGS, *extra,
        ]  # fmt: skip
        started = time.monotonic()
        with tempfile.TemporaryFile("w+") as out:
            proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.monotonic() - started
            out.seek(0)
            output = out.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the {size} crawl failed (exit {status}):\n{output[-2000:]}")
    summary = json.loads(output)
    return Run(
        size=size,
        articles=int(summary["articles"]),
        stored=int(summary["stored"]),
        crawl_seconds=float(summary["elapsed_seconds"]),
        wall_seconds=wall,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        errors=int(summary["errors"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("-s", "--set", action="append", default=[], help="extra KEY=VALUE")
    args = parser.parse_args()
    extra = [item for pair in args.set for item in ("-s", pair)]
    tmp = Path(tempfile.mkdtemp(prefix="spektroom-bench-"))
    runs: list[Run] = []
    try:
        for size in args.sizes:
            site = tmp / f"site-{size}"
            t0 = time.monotonic()
            make_site(size, site)
            print(f"{size}: mirror written in {time.monotonic() - t0:.1f} s", file=sys.stderr)
            runs.append(crawl(size, site, tmp / f"bench-{size}.db", extra))
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}", file=sys.stderr)
    print(
        f"{'articles':>9} {'stored':>7} {'crawl s':>8} {'pages/s':>8} "
        f"{'CPU ms/page':>12} {'peak RSS MB':>12} {'errors':>7}"
    )
    for run in runs:
        print(
            f"{run.size:>9} {run.stored:>7} {run.crawl_seconds:>8.1f} "
            f"{run.pages_per_second:>8.1f} {run.cpu_per_page_ms:>12.2f} "
            f"{run.peak_rss_mb:>12.1f} {run.errors:>7}"
        )
    if len(runs) >= 2:
        small, large = runs[0], runs[-1]
        ratio = large.peak_rss_mb / small.peak_rss_mb
        print(f"peak RSS {large.size} / {small.size}: {ratio:.2f}x (target <= 1.5x)")
        slowest = min(run.pages_per_second for run in runs)
        print(f"slowest rate: {slowest:.1f} article pages/s (target >= 150)")


if __name__ == "__main__":
    main()
