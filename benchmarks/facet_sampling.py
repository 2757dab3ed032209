"""Facets counted exactly against estimated from a sample (index/search/embedded.py FacetSampling),
on an existing archive: the 32 benchmark queries, each answered both ways in the same process,
alternated. Prints the latency of both and how far the estimates are from the exact counts.

    python -m benchmarks.facet_sampling HOME [--rounds N]

HOME is an archive folder (`--home` of an import, or a `benchmarks.run --keep` folder's
home-SIZE). Errors are relative: totals (documents, sections) per estimated query, and every
facet value holding at least 1% of the query's documents; and how far the counted totals are
from the true number of documents (documents are counted by an estimate, as in OpenSearch).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from benchmarks.queries import QUERIES
from benchmarks.run import Latency, embedded_request
from index.archive.database import Archive
from index.search.contract import SearchResults
from index.search.embedded import EmbeddedBackend, FacetSampling

EXACT = FacetSampling(exact_below=10**15)


def timed(backend: EmbeddedBackend, query) -> tuple[float, SearchResults]:
    started = time.perf_counter()
    results = backend.search(embedded_request(query))
    return time.perf_counter() - started, results


def facet_errors(exact: SearchResults, estimated: SearchResults) -> list[float]:
    errors = []
    for name, counts in exact.facets.items():
        for value, count in counts.items():
            if count >= 0.01 * exact.total:
                errors.append(abs(estimated.facets.get(name, {}).get(value, 0) - count) / count)
    return errors


def print_count_errors(backend: EmbeddedBackend) -> None:
    """How far the counted totals are from the true number of matching documents (documents
    are counted by a cardinality estimate, as in OpenSearch), and, as a yardstick, how far one
    cardinality over all matches is (the embedded index's count until 2026-12-01)."""
    counted, one_cardinality = [], []
    searcher = backend.index.searcher()
    single = {"documents": {"cardinality": {"field": "doc_hash"}}}
    for query in QUERIES:
        request = embedded_request(query)
        true_total = len(backend.matching_documents(request.query))
        if not true_total:
            continue
        counted.append(abs(backend.search(request).total - true_total) / true_total)
        estimate = searcher.aggregate(backend.to_query(request.query), single)["documents"]
        one_cardinality.append(abs(round(estimate["value"] or 0) - true_total) / true_total)
    for label, errors in (("counted", counted), ("one cardinality", one_cardinality)):
        print(
            f"{label} document totals against the true ones ({len(errors)} queries): median"
            f" error {statistics.median(errors):.2%}, largest {max(errors):.2%}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    default = FacetSampling()
    parser.add_argument("--exact-below", type=int, default=default.exact_below)
    parser.add_argument("--sample-sections", type=int, default=default.sample_sections)
    args = parser.parse_args()
    archive = Archive(args.home)
    folder = archive.index_dir / "tantivy"
    exact_backend = EmbeddedBackend(folder, sampling=EXACT)
    sampling = FacetSampling(args.exact_below, args.sample_sections)
    sampled_backend = EmbeddedBackend(folder, sampling=sampling)
    print(f"{exact_backend.section_count():,} sections; sampling: {sampled_backend.sampling}")
    for query in QUERIES:  # cold: the first run of each, both ways
        timed(exact_backend, query)
        timed(sampled_backend, query)
    exact_times, sampled_times = [], []
    total_errors, section_errors, value_errors = [], [], []
    estimated_queries = set()
    for _ in range(args.rounds):
        for query in QUERIES:
            exact_seconds, exact = timed(exact_backend, query)
            sampled_seconds, estimate = timed(sampled_backend, query)
            exact_times.append(exact_seconds)
            sampled_times.append(sampled_seconds)
            if not estimate.estimated or query.text in estimated_queries:
                continue
            estimated_queries.add(query.text)
            total_errors.append(abs(estimate.total - exact.total) / max(exact.total, 1))
            section_errors.append(
                abs(estimate.total_sections - exact.total_sections) / max(exact.total_sections, 1)
            )
            value_errors += facet_errors(exact, estimate)
            print(
                f"  estimated: {query.text!r}: {estimate.total:,} documents (exact"
                f" {exact.total:,}), {estimate.total_sections:,} sections (exact"
                f" {exact.total_sections:,})"
            )
    print_count_errors(exact_backend)
    exact_latency, sampled_latency = Latency.of(exact_times), Latency.of(sampled_times)
    print(f"warm latency, {args.rounds} rounds of {len(QUERIES)} queries, ms:")
    for name, latency in (("exact", exact_latency), ("sampled", sampled_latency)):
        print(f"  {name:8} p50 {latency.p50:7.2f}  p95 {latency.p95:7.2f}  p99 {latency.p99:7.2f}")
    print(
        f"  sampled / exact: p50 {sampled_latency.p50 / exact_latency.p50:.2f}x,"
        f" p95 {sampled_latency.p95 / exact_latency.p95:.2f}x"
    )
    print(f"{len(estimated_queries)} of {len(QUERIES)} queries estimated")
    if estimated_queries:
        print(
            f"  documents total: median error {statistics.median(total_errors):.1%},"
            f" largest {max(total_errors):.1%}"
        )
        print(
            f"  sections total: median error {statistics.median(section_errors):.1%},"
            f" largest {max(section_errors):.1%}"
        )
        if value_errors:
            print(
                f"  {len(value_errors)} facet values (>= 1% of the documents): median error"
                f" {statistics.median(value_errors):.1%}, largest {max(value_errors):.1%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
