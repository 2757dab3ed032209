"""Crawl figures against the loopback replay, politeness off.

    /work/main/.venv/bin/python benchmarks/crawl_bench.py [--copies 40]

The replay catalogue is repeated --copies times (same corpus files under new ids), then one
fresh crawl of all three sources runs through the real CLI in a subprocess. Prints requests per
new document, documents (files archived) per second, and the crawl's peak RSS.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The replay server of the tests, imported from tests/ itself: a top-level `tests` package
# of an installed library (spylls ships one) would win over ours as `tests.replay`.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from replay.server import ReplayServer  # noqa: E402


def multiply(catalogue: dict, copies: int) -> None:
    base = copy.deepcopy(catalogue)
    for n in range(1, copies):
        for record in base["sru"]:
            catalogue["sru"].append(dict(record, id=f"{record['id']}{n:03d}"))
        for document in base["tk"]:
            catalogue["tk"].append(
                dict(document, Id=f"{document['Id'][:-4]}{n:04d}", DocumentNummer=f"B{n}")
            )
        for work in base["eurlex"]:
            catalogue["eurlex"].append(dict(work, celex=f"{work['celex']}{n:03d}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    with ReplayServer() as replay, tempfile.TemporaryDirectory() as home:
        replay.replay.sru_page_size = 100
        replay.replay.odata_page_size = 250
        multiply(replay.replay.catalogue, args.copies)
        command = [
            sys.executable, "-m", "cli.main", "crawl", "--since", "2020-01-01",
            "--base-url", replay.url, "--home", home, "--json", "-s", "FICHE_POLITE=0",
        ]  # fmt: skip
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        report = json.loads(result.stdout)
        fetched = sum(s["fetched"] for s in report["sources"])
        records = sum(s["listed"] for s in report["sources"])
        requests = len(replay.requests)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"records listed      {records}")
        failed = sum(s["failed"] for s in report["sources"])
        print(f"files archived      {fetched} (failed {failed})")
        print(f"requests            {requests} ({len(replay.listing_requests())} listing/robots)")
        print(f"requests per record {requests / max(records, 1):.2f}")
        print(f"requests per file   {requests / max(fetched, 1):.2f}")
        print(f"wall time           {seconds:.1f} s (process start and indexing included)")
        print(f"files per second    {fetched / seconds:.1f}")
        print(f"peak RSS (crawl)    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
