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

from index.archive.council_votes import VOTE_KEY_PREFIX, vote_by_id
from index.archive.database import Archive, now
from index.archive.watch_tables import SavedWatch, WatchTables
from index.features.proposal_watch import CHANGE_PREFIX, change_title, proposal_items, vote_item
from index.features.proposals import MalformedRef, parse_ref
from index.search.contract import SearchBackend, resolve_filter_values
from index.search.query import Filters, ParsedQuery, parse_query

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
        self.tables = WatchTables(archive.db)

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
        filters = json.dumps(asdict(watch.filters))
        saved = SavedWatch(watch.name, watch.query, filters, now(), "", watch.proposal)
        self.tables.save(saved, current)
        return len(current)

    def remove(self, name: str) -> None:
        if self.get(name) is None:
            raise WatchError(f"no watch named {name!r}")
        self.tables.delete(name)

    @staticmethod
    def _checked_ref(ref: str) -> str:
        try:
            return parse_ref(ref).value
        except MalformedRef as error:
            raise WatchError(str(error)) from None

    def get(self, name: str) -> Watch | None:
        saved = self.tables.get(name)
        return _watch(saved) if saved else None

    def all(self) -> list[Watch]:
        return [_watch(saved) for saved in self.tables.all()]

    def run(self, watch: Watch, backend: SearchBackend) -> list[Alert]:
        """The documents that match the watch and it has never seen; they are remembered in
        the same transaction, so a second run reports nothing new. A watch on a proposal
        reports its new documents and its new position changes."""
        if watch.proposal:
            items = proposal_items(self.archive, watch.proposal)
            matching = [item.key for item in items]
        else:
            matching = _matching(backend, watch.parsed())
        seen = self.tables.seen(watch.name)
        new = [doc_id for doc_id in matching if doc_id not in seen]
        stamp = now()
        self.tables.remember_alerts(watch.name, new, stamp)
        watch.last_run = stamp
        return self._alerts(watch.name, new)

    def alerts(self, name: str, limit: int = 100) -> list[Alert]:
        """The most recent alerts of a watch, newest first (for its feed)."""
        return self._alerts(name, self.tables.latest_alerts(name, limit))

    def _alerts(self, name: str, keys: list[str]) -> list[Alert]:
        alerts = []
        for key in keys:
            if key.startswith(VOTE_KEY_PREFIX):
                alerts += self._vote_alerts(name, key)
                continue
            # A position change is keyed change:ASPECT:FROM:TO:FICHE_ID; it opens the fiche.
            doc_id = key.rsplit(":", 1)[-1] if key.startswith(CHANGE_PREFIX) else key
            row = self.tables.alert_row(name, key, doc_id)
            if not row:  # a document removed since (re-parse split it differently) is skipped
                continue
            title, doc_type = row.title, row.doc_type
            if key.startswith(CHANGE_PREFIX):
                title, doc_type = change_title(key, title), "change"
            alerts.append(Alert(name, doc_id, title, doc_type, row.date, row.seen_at, key))
        return alerts

    def _vote_alerts(self, name: str, key: str) -> list[Alert]:
        """A Council vote on a followed proposal; it opens the procedure's document."""
        vote = vote_by_id(self.archive, key.removeprefix(VOTE_KEY_PREFIX))
        seen_at = self.tables.seen_at(name, key)
        if vote is None or seen_at is None:
            return []
        item = vote_item(vote)
        return [Alert(name, item.doc_id, item.title, item.doc_type, item.date, seen_at, key)]


def _watch(saved: SavedWatch) -> Watch:
    filters = Filters(**json.loads(saved.filters_json))
    return Watch(saved.name, saved.query, filters, saved.created_at, saved.last_run, saved.proposal)


def _matching(backend: SearchBackend, parsed: ParsedQuery) -> list[str]:
    """The documents a saved search finds, its filter values read as a search reads them
    (case and accents aside)."""
    resolve_filter_values(parsed.filters, backend)
    return backend.matching_documents(parsed)
