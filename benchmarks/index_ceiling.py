"""How fast Tantivy alone indexes our sections: the ceiling of `fiche-search import` if all the
Python work (reading, parsing, archiving, compound parts) cost nothing.

The sections of an existing archive are turned into Tantivy documents first, exactly as an
import builds them (EmbeddedBackend._to_tantivy, compound parts included), and kept in memory.
Then only the writing is timed: the same writer settings and commits as an import, every
document added, committed and merged, in a fresh index (without the delete of an older copy
that an import asks for per document: the index is new). A variant leaves fields out
(`--drop exact parts`) to show what they cost; its ratio to all fields is from the same run.

    python -m benchmarks.index_ceiling HOME [--sections N] [--rounds R] [--drop FIELD ...]

HOME is an archive folder (the `--home` of an import, or a `benchmarks.run --keep` folder's
home-SIZE). CPU seconds count every thread of the process, Tantivy's included.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import tantivy

from index.archive.database import Archive
from index.archive.importer import COMMIT_SECTIONS
from index.search.contract import section_entries
from index.search.embedded import EmbeddedBackend, _doc_hash


def load_documents(home: Path, builder: EmbeddedBackend, limit: int) -> list[tantivy.Document]:
    archive = Archive(home)
    built: list[tantivy.Document] = []
    for doc in archive.documents():
        doc_hash = _doc_hash(doc.id)
        built += [builder._to_tantivy(entry, doc_hash) for entry in section_entries(doc)]
        if len(built) >= limit:
            break
    archive.close()
    return built[:limit]


def without(documents: list[tantivy.Document], fields: list[str], schema) -> list:
    if not fields:
        return documents
    slimmer = []
    for document in documents:
        values = document.to_dict()
        for field in fields:
            values.pop(field, None)
        slimmer.append(tantivy.Document.from_dict(values, schema))
    return slimmer


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def index_once(documents: list[tantivy.Document]) -> tuple[float, float]:
    """Wall and CPU seconds to add, commit and merge `documents` into a fresh index."""
    with tempfile.TemporaryDirectory(prefix="index-ceiling-") as folder:
        backend = EmbeddedBackend(Path(folder), compounds=False)
        writer = backend.writer
        started, cpu = time.perf_counter(), cpu_seconds()
        for number, document in enumerate(documents, 1):
            writer.add_document(document)
            if number % COMMIT_SECTIONS == 0:  # as an import commits
                backend.commit()
        backend.close()  # commits, and waits for the merges
        return time.perf_counter() - started, cpu_seconds() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--sections", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--drop", nargs="*", default=[], help="fields left out in a variant")
    args = parser.parse_args()
    if not (args.home / "archive.sqlite").is_file():
        parser.error(f"no archive in {args.home}")
    with tempfile.TemporaryDirectory(prefix="index-ceiling-builder-") as folder:
        builder = EmbeddedBackend(Path(folder))
        documents = load_documents(args.home, builder, args.sections)
        variants = {"all fields": documents}
        if args.drop:
            variants[f"without {' '.join(args.drop)}"] = without(
                documents, args.drop, builder.schema
            )
        builder.close()
    print(f"{len(documents):,} sections built in memory; {args.rounds} rounds, alternated")
    rates: dict[str, list[float]] = {name: [] for name in variants}
    for round_number in range(args.rounds):
        names = list(variants) if round_number % 2 == 0 else list(reversed(variants))
        for name in names:
            wall, cpu = index_once(variants[name])
            rates[name].append(len(documents) / wall)
            print(
                f"  {name}: {wall:6.1f} s wall, {cpu:6.1f} s CPU"
                f" ({cpu / wall:.2f} cores), {len(documents) / wall:7,.0f} sections/s,"
                f" {cpu * 1e6 / len(documents):5.0f} us CPU a section",
                flush=True,
            )
    full = statistics.median(rates["all fields"])
    for name, figures in rates.items():
        rate = statistics.median(figures)
        print(f"median {name}: {rate:,.0f} sections/s ({rate / full:.2f}x all fields)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
