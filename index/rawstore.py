"""Raw bytes, stored once by sha256: `raw/ab/abcdef...`. Kept forever, so a better parser can
re-parse without re-crawling."""

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
        """Store the bytes (if new) and return their sha256. Written to a temporary file and
        renamed, so a killed process never leaves a truncated file under the final name.
        Durability against power loss comes from sync(), called once per batch: an fsync per
        file would cost more than all the parsing."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        return sha

    def sync(self) -> None:
        os.sync()

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()
