"""The watches' tables (migration 2): saved searches, what each has seen, and the proposal a
watch follows. Only SQL here; what a watch means (its query, its alerts) is
index/features/watches.py."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass
class SavedWatch:
    name: str
    query: str
    filters_json: str  # the Filters as JSON
    created_at: str
    last_run: str
    proposal: str  # "" unless the watch follows a proposal


@dataclass
class AlertRow:
    title: str
    doc_type: str
    date: str
    seen_at: str


_SELECT = (
    "SELECT w.name, w.query, w.filters, w.created_at, w.last_run, COALESCE(p.ref, '')"
    " FROM watches w LEFT JOIN watch_proposals p ON p.name = w.name"
)


class WatchTables:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def save(self, watch: SavedWatch, baseline: list[str]) -> None:
        """The watch, and the keys it knows already (not alerted), in one transaction."""
        with self.db:
            self.db.execute(
                "INSERT INTO watches VALUES (?, ?, ?, ?, '')",
                (watch.name, watch.query, watch.filters_json, watch.created_at),
            )
            if watch.proposal:
                self.db.execute(
                    "INSERT INTO watch_proposals VALUES (?, ?)", (watch.name, watch.proposal)
                )
            self.db.executemany(
                "INSERT OR IGNORE INTO watch_matches VALUES (?, ?, ?, 0)",
                [(watch.name, key, watch.created_at) for key in baseline],
            )

    def delete(self, name: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM watch_matches WHERE name = ?", (name,))
            self.db.execute("DELETE FROM watch_proposals WHERE name = ?", (name,))
            self.db.execute("DELETE FROM watches WHERE name = ?", (name,))

    def get(self, name: str) -> SavedWatch | None:
        row = self.db.execute(f"{_SELECT} WHERE w.name = ?", (name,)).fetchone()
        return SavedWatch(*row) if row else None

    def all(self) -> list[SavedWatch]:
        return [SavedWatch(*row) for row in self.db.execute(f"{_SELECT} ORDER BY w.name")]

    def seen(self, name: str) -> set[str]:
        rows = self.db.execute("SELECT doc_id FROM watch_matches WHERE name = ?", (name,))
        return {row[0] for row in rows}

    def remember_alerts(self, name: str, keys: list[str], stamp: str) -> None:
        """Keys alerted now, and the run's time, in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO watch_matches VALUES (?, ?, ?, 1)",
                [(name, key, stamp) for key in keys],
            )
            self.db.execute("UPDATE watches SET last_run = ? WHERE name = ?", (stamp, name))

    def latest_alerts(self, name: str, limit: int) -> list[str]:
        rows = self.db.execute(
            "SELECT doc_id FROM watch_matches WHERE name = ? AND alerted = 1"
            " ORDER BY seen_at DESC, doc_id LIMIT ?",
            (name, limit),
        )
        return [row[0] for row in rows]

    def alert_row(self, name: str, key: str, doc_id: str) -> AlertRow | None:
        """The document DOC_ID a key of this watch opens, with when the watch saw the key;
        None when the document is gone."""
        row = self.db.execute(
            "SELECT d.title, d.doc_type, d.date, m.seen_at FROM documents d"
            " JOIN watch_matches m ON m.doc_id = ? AND m.name = ? WHERE d.id = ?",
            (key, name, doc_id),
        ).fetchone()
        return AlertRow(*row) if row else None

    def seen_at(self, name: str, key: str) -> str | None:
        """When this watch first saw KEY (a document id or a change/vote key); None if never."""
        row = self.db.execute(
            "SELECT seen_at FROM watch_matches WHERE name = ? AND doc_id = ?", (name, key)
        ).fetchone()
        return row[0] if row else None
