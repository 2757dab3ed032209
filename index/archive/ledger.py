"""The crawl ledger: what each source's crawl has reached (its watermark, the records seen,
the last listing), the fetches that failed and wait for a retry, and the latest fetch of every
URL. The crawler's part of the archive's database; the documents are the Archive's."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from index.archive.clock import now


class CrawlLedger:
    def __init__(self, db: sqlite3.Connection, transaction: Callable[[], AbstractContextManager]):
        self.db = db
        # the archive's: one write on its own, or part of the archive's open batch
        self._transaction = transaction

    def set_crawl_values(self, source: str, values: dict[str, str]) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO crawl_state VALUES (?, ?, ?)",
                [(source, key, value) for key, value in values.items()],
            )

    def crawl_value(self, source: str, key: str) -> str | None:
        row = self.db.execute(
            "SELECT value FROM crawl_state WHERE source = ? AND key = ?", (source, key)
        ).fetchone()
        return row[0] if row else None

    def crawl_values(self, source: str, prefix: str) -> dict[str, str]:
        """Every key of this source starting with prefix, prefix stripped."""
        rows = self.db.execute(
            "SELECT key, value FROM crawl_state WHERE source = ? AND substr(key, 1, ?) = ?",
            (source, len(prefix), prefix),
        )
        return {key[len(prefix) :]: value for key, value in rows}

    def record_crawl_failure(self, url: str, source: str, reason: str) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO crawl_failures VALUES (?, ?, ?, 1, ?) ON CONFLICT(url) DO UPDATE"
                " SET reason = excluded.reason, attempts = attempts + 1, at = excluded.at",
                (url, source, reason, now()),
            )

    def clear_crawl_failure(self, url: str) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM crawl_failures WHERE url = ?", (url,))

    def crawl_failures(self, source: str | None = None) -> list[tuple[str, str, str, int]]:
        """(url, source, reason, attempts), oldest first."""
        query = "SELECT url, source, reason, attempts FROM crawl_failures"
        if source is None:
            return self.db.execute(query + " ORDER BY at, url").fetchall()
        return self.db.execute(query + " WHERE source = ? ORDER BY at, url", (source,)).fetchall()

    def fetch_record(self, location: str) -> tuple[str, str, str] | None:
        """(sha256, etag, last_modified) of the latest fetch of this URL or path."""
        return self.db.execute(
            "SELECT sha256, etag, last_modified FROM fetches WHERE location = ?", (location,)
        ).fetchone()
