"""Raw bytes, stored once by the sha256 of the bytes, compressed with zstd:
`raw/ab/abcdef....zst`. Kept forever, so a better parser can re-parse without re-crawling.
An archive made before compression holds plain files (`raw/ab/abcdef...`, no suffix): they
are read as they are, and a `put` of the same bytes keeps them.

A file is written straight under its final name. A process killed while writing leaves it
shorter than the compressed bytes its name stands for; the next `put` of those bytes
compresses them again, sees the size is wrong and replaces the file whole. (Compressing the
same bytes at the same level gives the same length; another level or a newer zstd that gives
another length only makes a `put` rewrite a sound file.) The archive records a raw file only
after `put` returned, so no record ever points at a half-written file. (Writing to a temporary
name and renaming would give the same safety, but a rename costs about 0.35 ms on this kind of
disk: more than parsing a JSON Lines record.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from index.archive.compression import compress, decompress


class RawStore:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where `put` keeps these bytes: compressed."""
        return self.root / sha256[:2] / f"{sha256}.zst"

    def plain_path_for(self, sha256: str) -> Path:
        """Where an archive made before compression keeps them."""
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store the bytes (if new) and return their sha256. Durability against power loss
        comes from sync(), called once per batch: an fsync per file would cost more than all
        the parsing."""
        sha = hashlib.sha256(data).hexdigest()
        plain_size = _size_of(self.plain_path_for(sha))
        if plain_size == len(data):  # archived whole before compression
            return sha
        self._put_compressed(self.path_for(sha), compress(data))
        if plain_size is not None:  # left half-written by a killed process of an older version
            self.plain_path_for(sha).unlink(missing_ok=True)
        return sha

    def _put_compressed(self, target: Path, packed: bytes) -> None:
        try:
            handle = _create(target)
        except FileExistsError:
            if target.stat().st_size != len(packed):  # left half-written by a killed process
                _replace(target, packed)
            return
        with handle:
            handle.write(packed)

    def sync(self) -> None:
        os.sync()

    def get(self, sha256: str) -> bytes:
        try:
            packed = self.path_for(sha256).read_bytes()
        except FileNotFoundError:
            return self.plain_path_for(sha256).read_bytes()
        return decompress(packed)


def _size_of(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None


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
