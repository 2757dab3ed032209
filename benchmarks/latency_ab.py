"""Two versions of the search code on one archive, in the same run: per benchmark query the
fastest of N warm searches of each, the processes alternated (A, B, A, B, ...) so that a busy
machine slows both alike. For one change at a time, on an index both versions read:

    git worktree add --detach /tmp/before HEAD~1
    python -m benchmarks.latency_ab HOME /tmp/before . [--runs 3] [--rounds 5] [--query TEXT ...]

HOME is an archive folder (`--home` of an import, or a `benchmarks.run --keep` folder's
home-SIZE); each CODE folder is a checkout whose code is imported (PYTHONPATH). Prints each
query's minimum in both and their ratio, and the p50 / p95 of the per-query minima. `--query`
times these query texts (no filters) instead of the 32 of benchmarks/queries.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.queries import QUERIES, BenchQuery


def time_queries(home: Path, rounds: int, queries: list[BenchQuery]) -> dict[str, list[float]]:
    """This process's code: the fastest of `rounds` warm searches of each query, in ms."""
    # imported here, from the code measured (benchmarks.run is not: it looks for ../shared)
    from index.archive.database import Archive
    from index.search.contract import SearchRequest
    from index.search.embedded import EmbeddedBackend
    from index.search.query import Filters, parse_query

    backend = EmbeddedBackend(Archive(home).index_dir / "tantivy")
    requests = [
        SearchRequest(query=parse_query(query.text, Filters(**query.filters)), limit=10)
        for query in queries
    ]
    best = {"wall": [float("inf")] * len(requests), "cpu": [float("inf")] * len(requests)}
    for round_ in range(rounds + 1):  # the first round warms
        for i, request in enumerate(requests):
            started, cpu = time.perf_counter(), time.process_time()
            backend.search(request)
            if round_:
                best["wall"][i] = min(best["wall"][i], (time.perf_counter() - started) * 1000)
                best["cpu"][i] = min(best["cpu"][i], (time.process_time() - cpu) * 1000)
    return best


def run_code(code: Path, home: Path, rounds: int, texts: list[str]) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(code.resolve()))
    # this file by its path: the code before may not have it
    command = [sys.executable, __file__, "--child", str(home.resolve()), str(rounds), *texts]
    done = subprocess.run(command, env=env, cwd=code, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"latency_ab: the code in {code} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def print_table(
    clock: str, queries: list[BenchQuery], a_times: list[float], b_times: list[float]
) -> None:
    print(f"{clock}: {'A':>8}{'B':>9}{'B/A':>7}  query")
    for query, a, b in zip(queries, a_times, b_times, strict=True):
        print(f"{'':5}{a:8.2f}{b:9.2f}{b / max(a, 0.001):7.2f}  {query.label}")
    for label, share in (("p50", 0.5), ("p95", 0.95)):
        a, b = percentile(a_times, share), percentile(b_times, share)
        print(f"{clock} {label}: A {a:.2f}  B {b:.2f}  B/A {b / a:.2f}")
    ratios = [b / max(a, 0.001) for a, b in zip(a_times, b_times, strict=True)]
    print(
        f"{clock} sum: A {sum(a_times):.1f}  B {sum(b_times):.1f}  B/A "
        f"{sum(b_times) / sum(a_times):.2f}; median ratio {statistics.median(ratios):.2f}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        texts = sys.argv[4:]
        queries = [BenchQuery(text) for text in texts] if texts else QUERIES
        print(json.dumps(time_queries(Path(sys.argv[2]), int(sys.argv[3]), queries)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("a", type=Path, help="the code before (a checkout)")
    parser.add_argument("b", type=Path, help="the code after (a checkout)")
    parser.add_argument("--runs", type=int, default=3, help="processes of each, alternated")
    parser.add_argument("--rounds", type=int, default=5, help="warm rounds in each process")
    parser.add_argument("--query", action="append", default=[], help="a query text (repeatable)")
    args = parser.parse_args()
    if not (args.home / "archive.sqlite").is_file():
        parser.error(f"no archive in {args.home}")
    for code in (args.a, args.b):
        if not (code / "index" / "search" / "embedded.py").is_file():
            parser.error(f"no search code in {code}")
    queries = [BenchQuery(text) for text in args.query] or QUERIES
    n = len(queries)
    best = {side: {"wall": [float("inf")] * n, "cpu": [float("inf")] * n} for side in "ab"}
    for _ in range(args.runs):
        for side, code in (("a", args.a), ("b", args.b)):
            times = run_code(code, args.home, args.rounds, args.query)
            for clock, values in times.items():
                best[side][clock] = [
                    min(x, y) for x, y in zip(best[side][clock], values, strict=True)
                ]
    print(
        f"min of {args.runs} processes x {args.rounds} warm rounds, ms; "
        "cpu = the process's CPU time, all threads (less moved by other load than wall)"
    )
    for clock in ("wall", "cpu"):
        print_table(clock, queries, best["a"][clock], best["b"][clock])


if __name__ == "__main__":
    main()
