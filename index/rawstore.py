"""Raw bytes, stored once by sha256: `raw/ab/abcdef...`. Kept forever, so a better parser can
re-parse without re-crawling.

A file is written straight under its final name. A process killed while writing leaves it
shorter than the bytes its name stands for; the next `put` of those bytes sees the size is
wrong and replaces it whole. The archive records a raw file only after `put` returned, so no
record ever points at a half-written file. (Writing to a temporary name and renaming would
give the same safety, but a rename costs about 0.35 ms on this kind of disk: more than
parsing a JSON Lines record.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


class RawStore:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store the bytes (if new) and return their sha256. Durability against power loss
        comes from sync(), called once per batch: an fsync per file would cost more than all
        the parsing."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha)
        try:
            handle = _create(target)
        except FileExistsError:
            if target.stat().st_size != len(data):  # left half-written by a killed process
                _replace(target, data)
            return sha
        with handle:
            handle.write(data)
        return sha

    def sync(self) -> None:
        os.sync()

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()


def _create(path: Path):
    """A new file opened for writing; FileExistsError when it is there already."""
    try:
        return open(path, "xb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "xb")


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
