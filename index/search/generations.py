"""Where the embedded index lives, and who may write it.

A reindex builds a new index in a folder of its own beside the one in use (a generation,
`tantivy-<ns>`), then names it in a pointer file (`tantivy-current`) with one atomic rename.
Every reader opens the folder the pointer names, so searches see the old index until the new
one is complete, and a reindex killed at any point leaves the old one in use. Without a
pointer (an index only ever filled by imports) the index is the base folder itself (`tantivy`).

Imports, crawls, reparses and reindexes write under one lock (`tantivy.lock`, an flock the
kernel releases when the process dies, never deleted): a second writer is refused, whichever
came first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path
from typing import BinaryIO

POINTER_SUFFIX = "-current"
LOCK_SUFFIX = ".lock"
REMOVED_SUFFIX = ".removed"


def pointer_file(base: Path) -> Path:
    return base.with_name(base.name + POINTER_SUFFIX)


def current_folder(base: Path) -> Path:
    """The folder of the index in use: the generation the pointer names, else `base`."""
    try:
        name = pointer_file(base).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return base
    return base.with_name(name) if name else base


def new_generation(base: Path) -> Path:
    folder = base.with_name(f"{base.name}-{time.time_ns()}")
    folder.mkdir(parents=True)
    return folder


def point_at(base: Path, generation: Path) -> None:
    """Make `generation` the index in use: the pointer is written beside and renamed over the
    old one (atomic), and both are synced, so a crash leaves either the old or the new."""
    pointer = pointer_file(base)
    draft = pointer.with_name(pointer.name + ".new")
    with open(draft, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, pointer)
    directory = os.open(base.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def remove_unused(base: Path, keep: Path) -> None:
    """Remove every index folder of `base` but `keep`: the one replaced by a reindex, and
    any a killed reindex left half-built. Each is first renamed out of the way (atomic), so
    a reader never opens a folder half removed (and never finds it emptied, where Tantivy
    would start a new index); a search that opened it before still finishes (its open files
    stay readable until closed)."""
    for folder in base.parent.iterdir():
        ours = folder.name == base.name or folder.name.startswith(
            (base.name + "-", base.name + ".")
        )
        if folder == keep or not ours or not folder.is_dir():
            continue
        removed = folder.with_name(folder.name + REMOVED_SUFFIX)
        if not folder.name.endswith(REMOVED_SUFFIX):
            try:
                folder.rename(removed)
            except OSError:
                continue  # another process removes it
        shutil.rmtree(removed, ignore_errors=True)


class WriterLock:
    """The one writer lock of an index (beside `base`); `acquire` says whether it was free."""

    def __init__(self, base: Path):
        self.path = base.with_name(base.name + LOCK_SUFFIX)
        # a file object, not a bare descriptor: a backend dropped without close() (an
        # exception in a long-lived process) lets go of the lock when it is collected
        self._file: BinaryIO | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "ab")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the only descriptor releases the flock
            self._file = None
