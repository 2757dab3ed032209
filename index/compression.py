"""zstd compression of what the archive keeps (raw files, document bodies): the standard
library's `compression.zstd` from Python 3.14, its backport (`backports.zstd`) before that."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

# zstd's default level. On the scale corpus's records it keeps 0.32 of the bytes where level 1
# keeps 0.33, at about three quarters of level 1's speed; level 5 keeps 0.31 at a third of it
# (benchmarks/store_bench.py prints the figures).
LEVEL = 3


def compress(data: bytes) -> bytes:
    return zstd.compress(data, level=LEVEL)


def decompress(data: bytes) -> bytes:
    return zstd.decompress(data)
