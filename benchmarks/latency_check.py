"""Warm search latency of the benchmark's 32 queries on one archive's embedded index, straight
on the backend: to compare two versions of the code in the same session, each on the archive
it built (their index layouts may differ). The code measured is whatever is first on
PYTHONPATH:

    PYTHONPATH=../main python benchmarks/latency_check.py ARCHIVE_BUILT_BY_MAIN main
    PYTHONPATH=.       python benchmarks/latency_check.py ARCHIVE_BUILT_HERE this
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from benchmarks.queries import QUERIES
from index.search.contract import SearchRequest
from index.search.embedded import EmbeddedBackend
from index.search.query import Filters, parse_query

ROUNDS = 5


def main() -> None:
    home, label = Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""
    backend = EmbeddedBackend(home / "index" / "tantivy")
    times = []
    for round_ in range(ROUNDS + 1):  # the first round warms
        for query in QUERIES:
            started = time.perf_counter()
            parsed = parse_query(query.text, Filters(**query.filters))
            backend.search(SearchRequest(query=parsed, limit=10))
            if round_:
                times.append(time.perf_counter() - started)
    times.sort()
    p50, p95 = statistics.median(times) * 1000, times[int(0.95 * len(times))] * 1000
    print(f"{label:8} warm p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  ({len(times)} searches)")


if __name__ == "__main__":
    main()
