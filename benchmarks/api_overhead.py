"""What the Python API layer costs a search: the benchmark's 32 queries through
`fiche_search.open(home).search(...)` against the same queries straight on the backend, in
the same process, interleaved, on one archive.

    .venv/bin/python benchmarks/api_overhead.py --home /tmp/fiche-bench-X/home-all
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fiche_search  # noqa: E402
from benchmarks.queries import QUERIES  # noqa: E402
from index.search.contract import SearchRequest  # noqa: E402
from index.search.filters import FILTERS, Filters  # noqa: E402
from index.search.query import parse_query  # noqa: E402

ROUNDS = 5
NAME_OF = {spec.attribute: spec.name for spec in FILTERS}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, help="an archive with an embedded index")
    args = parser.parse_args()
    api = fiche_search.open(args.home, backend="embedded")
    backend = api.backend
    direct: list[float] = []
    through_api: list[float] = []
    for _ in range(ROUNDS + 1):  # the first round warms both
        for query in QUERIES:
            started = time.perf_counter()
            request = SearchRequest(query=parse_query(query.text, Filters(**query.filters)))
            expected = backend.search(request).total
            direct.append(time.perf_counter() - started)
            arguments = {NAME_OF[k]: v for k, v in query.filters.items()}
            started = time.perf_counter()
            total = api.search(query.text, **arguments).total
            through_api.append(time.perf_counter() - started)
            assert total == expected, (query.label, total, expected)
    warm = len(QUERIES)
    direct, through_api = direct[warm:], through_api[warm:]
    print(f"{len(QUERIES)} queries x {ROUNDS} warm rounds, ms   p50     p95")
    for name, values in (("backend.search", direct), ("fiche_search API", through_api)):
        print(
            f"{name:34} {statistics.median(values) * 1000:7.2f} "
            f"{percentile(values, 0.95) * 1000:7.2f}"
        )
    ratio = statistics.median(through_api) / statistics.median(direct)
    print(f"API / backend, p50: {ratio:.3f}")
    api.close()


if __name__ == "__main__":
    main()
