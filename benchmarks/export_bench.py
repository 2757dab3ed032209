"""Export figures: time, rows and bytes of `fiche-search export` (Parquet, and CSV / JSON Lines
for comparison) on the whole scale corpus, against the size of the archive it reads.

    .venv/bin/python benchmarks/export_bench.py --home /tmp/fiche-bench-X/home-all
    .venv/bin/python benchmarks/export_bench.py          # imports the scale corpus first

Runs `fiche-search export` in a fresh process, as a user does.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
SCALE = SHARED / "scale" / "eurlex-nl.jsonl.gz"


def cli(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, FICHE_BACKEND="embedded"),
    )
    if result.returncode != 0:
        raise SystemExit(f"fiche-search {args[0]} failed: {result.stderr[-2000:]}")
    return time.perf_counter() - started, result


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", help="an archive holding the scale corpus (else: import it)")
    parser.add_argument("--formats", default="parquet,csv,jsonl")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fiche-export-"))
    home = Path(args.home) if args.home else work / "home"
    if not args.home:
        seconds, _ = cli("import", str(SCALE), "--home", str(home))
        print(f"import of {SCALE.name}: {seconds:.1f} s")
    _, stats = cli("stats", "--json", "--home", str(home))
    summary = json.loads(stats.stdout)
    sqlite_mb = (home / "archive.sqlite").stat().st_size / 2**20
    print(
        f"archive: {summary['documents']:,} documents, {summary['sections']:,} sections; "
        f"archive.sqlite {sqlite_mb:.0f} MB"
    )
    print(
        "format    seconds  documents/s  size MB  vs SQLite"
        "  rows (documents/sections/stances/links)"
    )
    for fmt in args.formats.split(","):
        out = work / fmt
        seconds, result = cli("export", str(out), "--format", fmt, "--json", "--home", str(home))
        rows = json.loads(result.stdout)["rows"]
        assert rows["documents"] == summary["documents"], (rows, summary)
        assert rows["sections"] == summary["sections"], (rows, summary)
        size = folder_mb(out)
        print(
            f"{fmt:8} {seconds:8.1f} {rows['documents'] / seconds:12,.0f} {size:8.0f}"
            f" {size / sqlite_mb:9.2f}x  "
            f"{rows['documents']:,}/{rows['sections']:,}/{rows['stances']:,}/{rows['links']:,}"
        )
    print(f"working folder: {work}")


if __name__ == "__main__":
    main()
