"""What indexing compound parts costs an import: the same EUR-Lex records imported with the
parts field filled (as `fiche-search import` does) and without it (the analysis before
compounds were split), each in a fresh process and a fresh archive, alternated round by round
so that both see the same machine load. Prints wall and CPU seconds per import and the
with/without ratio of each round; the median ratio is the figure to quote.

    python -m benchmarks.compound_cost [--records N] [--rounds R] [--inflections]

The default is the whole scale corpus (16,021 records, 242k sections): the share of words
seen for the first time, whose split is computed, falls as an import grows, so a small slice
overstates the cost.

`--inflections` adds an import with parts but without the groups of inflected forms
(index/search/inflections.py, the `lemma` field): "with parts" over it is what the groups cost.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.run import SCALE

ROOT = Path(__file__).resolve().parents[1]
WITHOUT, WITH, UNINFLECTED = ("without parts", "with parts", "no inflections")
# One import in a fresh process: the CLI's import path (Importer), with the backend chosen here.
RUNNER = """
import json, resource, sys, time
from pathlib import Path
from index.archive.database import Archive
from index.search.embedded import EmbeddedBackend
from index.archive.importer import Importer

home, variant, path = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
usage, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
archive = Archive(home)
backend = EmbeddedBackend(
    home / "index", compounds=variant != "without parts", inflected=variant != "no inflections"
)
report = Importer(archive, backend).import_paths([path])
backend.close()
wall = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF)
sections = archive.db.execute("SELECT SUM(section_count) FROM documents").fetchone()[0]
archive.close()
cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
print(json.dumps({"sections": sections, "wall": wall, "cpu": cpu,
                  "rss_mb": after.ru_maxrss / 1024, "failures": len(report.failures)}))
"""


@dataclass
class Run:
    variant: str
    wall: float
    cpu: float
    sections: int
    rss_mb: float


def write_input(folder: Path, records: int) -> Path:
    path = folder / f"scale-{records}.jsonl"
    # line by line: a child's peak RSS counts this process's resident memory at the fork
    with (
        gzip.open(SCALE, "rt", encoding="utf-8") as source,
        path.open("w", encoding="utf-8") as target,
    ):
        target.writelines(itertools.islice(source, records))
    return path


def import_once(path: Path, home: Path, variant: str) -> Run:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(home), variant, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["failures"]:
        raise SystemExit(f"{variant}: {figures['failures']} records failed to import")
    return Run(variant, figures["wall"], figures["cpu"], figures["sections"], figures["rss_mb"])


def describe(run: Run) -> str:
    rate = run.sections / run.wall
    return (
        f"  {run.variant:>16}: {run.wall:7.1f} s wall, {run.cpu:7.1f} s CPU,"
        f" {rate:7,.0f} sections/s, peak RSS {run.rss_mb:,.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=16_021, help="scale records to import")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--inflections", action="store_true", help="also import without inflection groups"
    )
    args = parser.parse_args()
    variants = [WITHOUT, WITH] + ([UNINFLECTED] if args.inflections else [])
    with tempfile.TemporaryDirectory(prefix="compound-cost-") as folder:
        work = Path(folder)
        path = write_input(work, args.records)
        ratios: dict[str, list[tuple[float, float]]] = {v: [] for v in variants[1:]}
        inflected: list[tuple[float, float]] = []  # with parts / no inflections
        for round_number in range(1, args.rounds + 1):
            # the order alternates, so no variant always runs on a warmer page cache
            order = variants if round_number % 2 else list(reversed(variants))
            runs = {
                v: import_once(path, work / f"home-{round_number}-{i}", v)
                for i, v in enumerate(order)
            }
            without = runs[WITHOUT]
            print(f"round {round_number} ({without.sections:,} sections):")
            for variant in variants:
                print(describe(runs[variant]))
            for variant in variants[1:]:
                run = runs[variant]
                ratios[variant].append((run.wall / without.wall, run.cpu / without.cpu))
                wall, cpu = ratios[variant][-1]
                print(f"  {variant} / without: wall {wall:.2f}x, CPU {cpu:.2f}x")
            if args.inflections:
                run, base = runs[WITH], runs[UNINFLECTED]
                inflected.append((run.wall / base.wall, run.cpu / base.cpu))
                print(f"  with parts / {UNINFLECTED}: wall {run.wall / base.wall:.2f}x")
            sys.stdout.flush()
        for variant, figures in ratios.items():
            wall = statistics.median(w for w, _ in figures)
            cpu = statistics.median(c for _, c in figures)
            print(
                f"median {variant} / without over {args.rounds} rounds: wall {wall:.2f}x,"
                f" CPU {cpu:.2f}x"
            )
        if inflected:
            wall = statistics.median(w for w, _ in inflected)
            cpu = statistics.median(c for _, c in inflected)
            print(
                f"median inflections cost (with parts / {UNINFLECTED}):"
                f" wall {wall:.2f}x, CPU {cpu:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
