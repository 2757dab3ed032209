"""Where an embedded search spends its time, per benchmark query: the whole search, building
the query (a NOT lists the documents it leaves out here), the top-k collection, the facets and
totals (run beside it on a second core), and the page of hits with their snippets. Medians of
warm runs, on an existing archive:

    python -m benchmarks.search_parts HOME [--rounds N] [--cpu]

`--cpu` times the process's CPU (all threads) instead of the wall clock, and takes the
fastest round instead of the median: on a machine other work keeps busy, the only figures
that hold still.

HOME is an archive folder (`--home` of an import, or a `benchmarks.run --keep` folder's
home-SIZE). The parts are timed one by one, so they do not add up to the whole: the facets
run while the top-k and the hits are collected.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.queries import QUERIES
from benchmarks.run import embedded_request
from index.archive.database import Archive
from index.search.embedded import EmbeddedBackend

FETCH = 200  # the sections the first grouping pass asks for (EmbeddedBackend._grouped)
PARTS = ("search", "query", "top-k", "facets", "hits")
CLOCK = {"wall": (time.perf_counter, statistics.median), "cpu": (time.process_time, min)}


def median_ms(run: Callable[[], object], rounds: int, clock: str = "wall") -> float:
    """The median (wall clock) or the minimum (CPU) of `rounds` warm runs."""
    now, pick = CLOCK[clock]
    run()  # warm
    times = []
    for _ in range(rounds):
        started = now()
        run()
        times.append(now() - started)
    return pick(times) * 1000


def parts_of(
    backend: EmbeddedBackend, request, matches: int, rounds: int, clock: str = "wall"
) -> dict[str, float]:
    searcher = backend.index.searcher()
    query = backend.to_query(request.query, request.raw)

    def hits() -> None:
        # the grouping fetches more sections while it has too few documents, up to `matches`
        groups = backend._grouped(searcher, query, request, request.limit, lambda: matches)
        generators = backend._snippet_generators(searcher, request)
        for found in list(groups.values())[: request.limit]:
            backend._document_hit(searcher, found, generators, request)

    return {
        "search": median_ms(lambda: backend.search(request), rounds, clock),
        "query": median_ms(lambda: backend.to_query(request.query, request.raw), rounds, clock),
        "top-k": median_ms(lambda: searcher.search(query, FETCH, count=False), rounds, clock),
        "facets": median_ms(lambda: backend._facets(searcher, query), rounds, clock),
        "hits": median_ms(hits, rounds, clock),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="CPU time, fastest round")
    args = parser.parse_args()
    if not (args.home / "archive.sqlite").is_file():
        parser.error(f"no archive in {args.home}")  # opening one would make an empty archive
    backend = EmbeddedBackend(Archive(args.home).index_dir / "tantivy")
    figure = "fastest CPU time" if args.cpu else "median wall time"
    print(f"{backend.section_count():,} sections; {figure} of {args.rounds} warm runs, ms")
    print("".join(f"{name:>9}" for name in PARTS) + "  matches  query")
    rows = []
    for bench_query in QUERIES:
        request = embedded_request(bench_query)
        matches = backend.search(request).total_sections
        row = parts_of(backend, request, matches, args.rounds, "cpu" if args.cpu else "wall")
        rows.append(row)
        figures = "".join(f"{row[name]:9.2f}" for name in PARTS)
        print(f"{figures}  {matches:7,}  {bench_query.label}", flush=True)
    for label, pick in (("median", statistics.median), ("max", max)):
        print(f"{label:>6}: " + "  ".join(f"{n} {pick(r[n] for r in rows):.2f}" for n in PARTS))


if __name__ == "__main__":
    main()
