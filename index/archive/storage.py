"""A write that fails for want of space or through an I/O error, said as such.

SQLite, Tantivy and the file system each say it their own way (sqlite3.OperationalError
"database or disk is full", a ValueError holding "No space left on device", an OSError with
ENOSPC); `writing` turns all of them into one StorageError naming the folder and its free
space, so the command stops with one line instead of a traceback, or worse, reading a full
disk as a truncated input file.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}  # EFBIG: a file-size limit (RLIMIT_FSIZE)
BROKEN = {errno.EIO, errno.EROFS}
# How SQLite and Tantivy (through its Rust io::Error) word the same failures.
FULL_WORDS = ("database or disk is full", "No space left on device", "File too large")
BROKEN_WORDS = ("disk I/O error", "Input/output error", "Read-only file system")
# Tantivy's indexing threads die of an io::Error without saying which: a full disk when the
# disk is (nearly) full, else an I/O error.
WRITER_DIED = "An index writer was killed"
NEARLY_FULL = 1024 * 1024  # bytes free


class StorageError(RuntimeError):
    """The archive, the index or an export could not be written; the message says where, why,
    and how much space is free."""


def failure_kind(error: BaseException, path: Path | None = None) -> str:
    """'full', 'broken' (an I/O error), or '' for anything else. `path`: where the write
    went, to tell what killed Tantivy's writer."""
    if isinstance(error, OSError) and error.errno is not None:
        return "full" if error.errno in FULL else "broken" if error.errno in BROKEN else ""
    if isinstance(error, sqlite3.OperationalError | ValueError):
        text = str(error)
        if any(words in text for words in FULL_WORDS):
            return "full"
        if any(words in text for words in BROKEN_WORDS):
            return "broken"
        if WRITER_DIED in text and path is not None:
            free = free_bytes(path)
            return "full" if free is not None and free < NEARLY_FULL else "broken"
    return ""


def free_bytes(path: Path) -> int | None:
    """The free space of the file system holding `path` (or its nearest existing folder)."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def free_space(path: Path) -> str:
    free = free_bytes(path)
    if free is None:
        return "unknown"
    for unit in ("bytes", "KB", "MB", "GB"):
        if free < 1024 or unit == "GB":
            return f"{free} {unit}" if unit == "bytes" else f"{free:.1f} {unit}"
        free /= 1024
    return ""  # not reached


def storage_error(path: Path, error: BaseException, consequence: str = "") -> StorageError:
    kind = failure_kind(error, path)
    what = "the disk is full" if kind == "full" else f"an I/O error ({error})"
    message = f"cannot write to {path}: {what} ({free_space(path)} free)."
    return StorageError(f"{message} {consequence}".strip())


@contextmanager
def writing(path: Path, consequence: str = "") -> Iterator[None]:
    """Inside: a write that fails for want of space or through an I/O error is raised as one
    StorageError about `path`; any other error passes unchanged."""
    try:
        yield
    except StorageError:
        raise
    except Exception as error:
        if not failure_kind(error, path):
            raise
        raise storage_error(path, error, consequence) from error
