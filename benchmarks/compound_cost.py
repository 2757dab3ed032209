"""What indexing compound parts costs an import: the same EUR-Lex records imported with the
parts field filled (as `fiche-search import` does) and without it (the analysis before
compounds were split), each in a fresh process and a fresh archive, alternated round by round
so that both see the same machine load. Prints wall and CPU seconds per import and the
with/without ratio of each round; the median ratio is the figure to quote.

    python -m benchmarks.compound_cost [--records N] [--rounds R]

The default is the whole scale corpus (16,021 records, 242k sections): the share of words
seen for the first time, whose split is computed, falls as an import grows, so a small slice
overstates the cost.
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
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.run import SCALE

ROOT = Path(__file__).resolve().parents[1]
# One import in a fresh process: the CLI's import path (Importer), with the backend chosen here.
RUNNER = """
import json, resource, sys, time
from pathlib import Path
from index.archive import Archive
from index.embedded import EmbeddedBackend
from index.importer import Importer

home, compounds, path = Path(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
archive = Archive(home)
backend = EmbeddedBackend(home / "index", compounds=compounds)
report = Importer(archive, backend).import_paths([path])
backend.close()
sections = archive.db.execute("SELECT SUM(section_count) FROM documents").fetchone()[0]
archive.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"sections": sections, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "failures": len(report.failures)}))
"""


@dataclass
class Run:
    compounds: bool
    wall: float
    cpu: float
    sections: int
    rss_mb: float


def write_input(folder: Path, records: int) -> Path:
    path = folder / f"scale-{records}.jsonl"
    with gzip.open(SCALE, "rt", encoding="utf-8") as source:
        path.write_text("".join(itertools.islice(source, records)), encoding="utf-8")
    return path


def import_once(path: Path, home: Path, compounds: bool) -> Run:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(home), "1" if compounds else "0", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return Run(compounds, wall, figures["cpu"], figures["sections"], figures["rss_mb"])


def describe(run: Run) -> str:
    name = "with parts   " if run.compounds else "without parts"
    rate = run.sections / run.wall
    return (
        f"  {name}: {run.wall:7.1f} s wall, {run.cpu:7.1f} s CPU, {rate:7,.0f} sections/s,"
        f" peak RSS {run.rss_mb:,.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=16_021, help="scale records to import")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compound-cost-") as folder:
        work = Path(folder)
        path = write_input(work, args.records)
        wall_ratios, cpu_ratios = [], []
        for round_number in range(1, args.rounds + 1):
            # the order alternates, so neither variant always runs on a warmer page cache
            order = (False, True) if round_number % 2 else (True, False)
            runs = {}
            for compounds in order:
                home = work / f"home-{round_number}-{int(compounds)}"
                runs[compounds] = import_once(path, home, compounds)
            with_parts, without = runs[True], runs[False]
            wall_ratios.append(with_parts.wall / without.wall)
            cpu_ratios.append(with_parts.cpu / without.cpu)
            print(f"round {round_number} ({without.sections:,} sections):")
            print(describe(without))
            print(describe(with_parts))
            print(f"  with / without: wall {wall_ratios[-1]:.2f}x, CPU {cpu_ratios[-1]:.2f}x")
            sys.stdout.flush()
        print(
            f"median with / without over {args.rounds} rounds: wall"
            f" {statistics.median(wall_ratios):.2f}x, CPU {statistics.median(cpu_ratios):.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
