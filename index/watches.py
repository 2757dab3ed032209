"""Saved searches ("watches") and what newly matches them.

Stored in the archive's SQLite. Each watch remembers every document id it has seen, so a
document alerts exactly once: a re-crawl, re-import or re-parse of a document keeps its id and
never alerts again. Documents that already match when a watch is added are its baseline: they
are remembered but not reported, unless the watch is added with `include_existing`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from index.archive import Archive, now
from index.council_votes import VOTE_KEY_PREFIX, vote_by_id
from index.proposal_watch import CHANGE_PREFIX, change_title, proposal_items, vote_item
from index.proposals import MalformedRef, parse_ref
from index.query import Filters, ParsedQuery, parse_query
from index.search import SearchBackend, resolve_filter_values

SCHEMA = """
CREATE TABLE IF NOT EXISTS watches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    filters TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_run TEXT NOT NULL DEFAULT ''
);
-- Every document a watch has seen; alerted = 0 for the baseline taken when it was added.
CREATE TABLE IF NOT EXISTS watch_matches (
    name TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    alerted INTEGER NOT NULL,
    PRIMARY KEY (name, doc_id)
);
-- Watches that follow one proposal (`watch add NAME --proposal REF`); watch_matches.doc_id
-- then holds document ids and change keys (index/proposal_watch.py).
CREATE TABLE IF NOT EXISTS watch_proposals (
    name TEXT PRIMARY KEY,
    ref TEXT NOT NULL
);
"""

# Names appear in URLs (/watch/NAME.xml) and file-like places: keep them plain.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class WatchError(ValueError):
    """A watch that cannot be added, found or run; the message says why."""


@dataclass
class Watch:
    name: str
    query: str
    filters: Filters
    created_at: str = ""
    last_run: str = ""
    proposal: str = ""  # a proposal REF: the watch follows that proposal instead of a query
    # Set by FicheSearch.add_watch: the documents (and position changes) known when it was
    # saved, which `run` does not report (not stored: 0 on a watch read back).
    known: int = 0

    def parsed(self) -> ParsedQuery:
        return parse_query(self.query, _copy(self.filters))


@dataclass
class Alert:
    """A document that newly matched a watch."""

    watch: str
    doc_id: str
    title: str
    doc_type: str
    date: str
    seen_at: str
    key: str = ""  # what was seen: the doc id, or a position change (proposal watches)

    def to_json(self) -> dict:
        return asdict(self)


def _copy(filters: Filters) -> Filters:
    return Filters(**json.loads(json.dumps(asdict(filters))))


def check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name):
        raise WatchError(
            f"bad watch name {name!r}: use letters, digits, '-', '_' or '.' (at most 64),"
            " starting with a letter or digit"
        )
    return name


class WatchStore:
    def __init__(self, archive: Archive):
        self.archive = archive
        self.db = archive.db
        self.db.executescript(SCHEMA)

    def add(
        self,
        watch: Watch,
        backend: SearchBackend,
        include_existing: bool = False,
    ) -> int:
        """Save the watch; returns how many documents match it now (its baseline)."""
        check_name(watch.name)
        if watch.proposal:
            watch.query = self._checked_ref(watch.proposal)
        else:
            parsed = watch.parsed()  # raises QueryError before anything is stored
        if self.get(watch.name) is not None:
            raise WatchError(f"a watch named {watch.name!r} exists; remove it first")
        if include_existing:
            current = []
        elif watch.proposal:
            current = [item.key for item in proposal_items(self.archive, watch.proposal)]
        else:
            current = _matching(backend, parsed)
        stamp = now()
        with self.db:
            self.db.execute(
                "INSERT INTO watches VALUES (?, ?, ?, ?, '')",
                (watch.name, watch.query, json.dumps(asdict(watch.filters)), stamp),
            )
            if watch.proposal:
                self.db.execute(
                    "INSERT INTO watch_proposals VALUES (?, ?)", (watch.name, watch.proposal)
                )
            self.db.executemany(
                "INSERT OR IGNORE INTO watch_matches VALUES (?, ?, ?, 0)",
                [(watch.name, doc_id, stamp) for doc_id in current],
            )
        return len(current)

    def remove(self, name: str) -> None:
        if self.get(name) is None:
            raise WatchError(f"no watch named {name!r}")
        with self.db:
            self.db.execute("DELETE FROM watch_matches WHERE name = ?", (name,))
            self.db.execute("DELETE FROM watch_proposals WHERE name = ?", (name,))
            self.db.execute("DELETE FROM watches WHERE name = ?", (name,))

    @staticmethod
    def _checked_ref(ref: str) -> str:
        try:
            return parse_ref(ref).value
        except MalformedRef as error:
            raise WatchError(str(error)) from None

    def get(self, name: str) -> Watch | None:
        row = self.db.execute(
            f"{_SELECT} WHERE w.name = ?",
            (name,),
        ).fetchone()
        return _watch(row) if row else None

    def all(self) -> list[Watch]:
        rows = self.db.execute(f"{_SELECT} ORDER BY w.name").fetchall()
        return [_watch(row) for row in rows]

    def run(self, watch: Watch, backend: SearchBackend) -> list[Alert]:
        """The documents that match the watch and it has never seen; they are remembered in
        the same transaction, so a second run reports nothing new. A watch on a proposal
        reports its new documents and its new position changes."""
        if watch.proposal:
            items = proposal_items(self.archive, watch.proposal)
            matching = [item.key for item in items]
        else:
            matching = _matching(backend, watch.parsed())
        seen = {
            row[0]
            for row in self.db.execute(
                "SELECT doc_id FROM watch_matches WHERE name = ?", (watch.name,)
            )
        }
        new = [doc_id for doc_id in matching if doc_id not in seen]
        stamp = now()
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO watch_matches VALUES (?, ?, ?, 1)",
                [(watch.name, doc_id, stamp) for doc_id in new],
            )
            self.db.execute("UPDATE watches SET last_run = ? WHERE name = ?", (stamp, watch.name))
        watch.last_run = stamp
        return self._alerts(watch.name, new)

    def alerts(self, name: str, limit: int = 100) -> list[Alert]:
        """The most recent alerts of a watch, newest first (for its feed)."""
        rows = self.db.execute(
            "SELECT doc_id FROM watch_matches WHERE name = ? AND alerted = 1"
            " ORDER BY seen_at DESC, doc_id LIMIT ?",
            (name, limit),
        ).fetchall()
        return self._alerts(name, [r[0] for r in rows])

    def _alerts(self, name: str, keys: list[str]) -> list[Alert]:
        alerts = []
        for key in keys:
            if key.startswith(VOTE_KEY_PREFIX):
                alerts += self._vote_alerts(name, key)
                continue
            # A position change is keyed change:ASPECT:FROM:TO:FICHE_ID; it opens the fiche.
            doc_id = key.rsplit(":", 1)[-1] if key.startswith(CHANGE_PREFIX) else key
            row = self.db.execute(
                "SELECT d.title, d.doc_type, d.date, m.seen_at FROM documents d"
                " JOIN watch_matches m ON m.doc_id = ? AND m.name = ? WHERE d.id = ?",
                (key, name, doc_id),
            ).fetchone()
            if not row:  # a document removed since (re-parse split it differently) is skipped
                continue
            title, doc_type, date, seen_at = row
            if key.startswith(CHANGE_PREFIX):
                title, doc_type = change_title(key, title), "change"
            alerts.append(Alert(name, doc_id, title, doc_type, date, seen_at, key))
        return alerts

    def _vote_alerts(self, name: str, key: str) -> list[Alert]:
        """A Council vote on a followed proposal; it opens the procedure's document."""
        vote = vote_by_id(self.archive, key.removeprefix(VOTE_KEY_PREFIX))
        row = self.db.execute(
            "SELECT seen_at FROM watch_matches WHERE name = ? AND doc_id = ?", (name, key)
        ).fetchone()
        if vote is None or row is None:
            return []
        item = vote_item(vote)
        return [Alert(name, item.doc_id, item.title, item.doc_type, item.date, row[0], key)]


_SELECT = (
    "SELECT w.name, w.query, w.filters, w.created_at, w.last_run, COALESCE(p.ref, '')"
    " FROM watches w LEFT JOIN watch_proposals p ON p.name = w.name"
)


def _watch(row) -> Watch:
    name, query, filters, created_at, last_run, proposal = row
    return Watch(name, query, Filters(**json.loads(filters)), created_at, last_run, proposal)


def _matching(backend: SearchBackend, parsed: ParsedQuery) -> list[str]:
    """The documents a saved search finds, its filter values read as a search reads them
    (case and accents aside)."""
    resolve_filter_values(parsed.filters, backend)
    return backend.matching_documents(parsed)
