"""zstd compression of what the archive keeps (raw files, document bodies): the standard
library's `compression.zstd` from Python 3.14, its backport (`backports.zstd`) before that."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

# The fastest of zstd's standard levels. On the scale corpus's records it keeps 0.34 of the
# bytes (document bodies 0.30) where level 3 keeps 0.32 (0.29), and compresses 1.3-2x faster:
# an import compresses every raw file and every body, so the speed counts more than the last
# percent (benchmarks/store_bench.py prints the figures).
LEVEL = 1


def compress(data: bytes) -> bytes:
    return zstd.compress(data, level=LEVEL)


def decompress(data: bytes) -> bytes:
    return zstd.decompress(data)
