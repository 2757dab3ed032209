"""What zstd costs and saves for the archive's raw files and document bodies: per level, the
share of the bytes kept and the speed, on records of the scale corpus (as imported: one raw
file per record) and the documents parsed from them; the real corpus's files per format.

    .venv/bin/python -m benchmarks.store_bench [--records 3000]

Speeds are MB of uncompressed bytes per second, with the plain write and read of the same
bytes (what the store did before compression) measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import orjson

from benchmarks.run import SCALE, SHARED
from index.archive.compression import LEVEL, zstd
from index.archive.rawstore import RawStore
from parsers import parse_bytes

LEVELS = (1, 3, 5, 9)


def scale_lines(count: int) -> list[bytes]:
    with gzip.open(SCALE, "rb") as handle:
        return list(itertools.islice(handle, count))


def bodies_of(lines: list[bytes]) -> list[bytes]:
    """Each record's Document as the archive stores it, before compression."""
    bodies = []
    for number, line in enumerate(lines):
        for doc in parse_bytes(line, filename=f"eurlex-nl.jsonl#L{number + 1}", source="eurlex"):
            bodies.append(orjson.dumps(doc.to_json()))
    return bodies


def levels_table(label: str, items: list[bytes]) -> None:
    total = sum(map(len, items)) / 1e6
    print(f"\n{label}: {len(items):,} items, {total:.1f} MB")
    print("  level   kept   compress MB/s   decompress MB/s")
    for level in LEVELS:
        started = time.perf_counter()
        packed = [zstd.compress(item, level=level) for item in items]
        packing = time.perf_counter() - started
        started = time.perf_counter()
        for item in packed:
            zstd.decompress(item)
        unpacking = time.perf_counter() - started
        kept = sum(map(len, packed)) / 1e6 / total
        mark = "  (used)" if level == LEVEL else ""
        print(
            f"  {level:>5}  {kept:5.3f}  {total / packing:14.0f}  {total / unpacking:16.0f}{mark}"
        )


def store_table(lines: list[bytes]) -> None:
    """RawStore.put and get against writing and reading the same bytes plain."""
    total = sum(map(len, lines)) / 1e6
    with tempfile.TemporaryDirectory(prefix="store-bench-") as work:
        plain_root, store = Path(work) / "plain", RawStore(Path(work) / "raw")
        started = time.perf_counter()
        plain_paths = [_put_plain(plain_root, line) for line in lines]
        plain_put = time.perf_counter() - started
        started = time.perf_counter()
        shas = [store.put(line) for line in lines]
        put = time.perf_counter() - started
        started = time.perf_counter()
        for path in plain_paths:
            path.read_bytes()
        plain_get = time.perf_counter() - started
        started = time.perf_counter()
        for sha in shas:
            store.get(sha)
        get = time.perf_counter() - started
    print(f"\nraw store, {len(lines):,} records ({total:.1f} MB), level {LEVEL}:")
    print(f"  put {total / put:6.0f} MB/s   plain write {total / plain_put:6.0f} MB/s")
    print(f"  get {total / get:6.0f} MB/s   plain read  {total / plain_get:6.0f} MB/s")


def _put_plain(root: Path, data: bytes) -> Path:
    """What RawStore.put did before compression: the bytes under their sha256."""
    sha = hashlib.sha256(data).hexdigest()
    path = root / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def corpus_table() -> None:
    by_format: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for path in sorted((SHARED / "corpus").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        sizes = by_format[path.suffix or "(none)"]
        sizes[0] += 1
        sizes[1] += len(data)
        sizes[2] += len(zstd.compress(data, level=LEVEL))
    print(f"\nthe real corpus per format, level {LEVEL}:")
    print("  format   files        MB   kept")
    for suffix, (files, size, packed) in sorted(by_format.items()):
        print(f"  {suffix:<7} {files:>6} {size / 1e6:9.2f}  {packed / size:5.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000, help="scale corpus records")
    args = parser.parse_args()
    lines = scale_lines(args.records)
    levels_table("raw files (scale corpus records)", lines)
    levels_table("document bodies (JSON of the Documents parsed from them)", bodies_of(lines))
    store_table(lines)
    corpus_table()


if __name__ == "__main__":
    main()
