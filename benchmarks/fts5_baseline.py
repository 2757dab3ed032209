"""The baseline: SQLite FTS5 (unicode61 tokenizer, diacritics folded, bm25 ranking, snippet())
on the same sections and the same queries as the product's backends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from index.search.contract import SectionEntry
from index.search.query import Node, Not, Or, Phrase, Prefix, Word, parse_query

SCHEMA = """
CREATE VIRTUAL TABLE sections USING fts5(
    title, heading, text,
    doc_id UNINDEXED, key UNINDEXED, doc_type UNINDEXED, year UNINDEXED, date UNINDEXED,
    stances UNINDEXED, ministerie UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


class Fts5Baseline:
    def __init__(self, path: Path):
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    def add(self, entries: Iterable[SectionEntry]) -> int:
        rows = [
            (
                e.title,
                e.heading,
                e.text,
                e.doc_id,
                e.key,
                e.doc_type,
                e.year,
                e.date,
                " ".join(e.stances),
                e.ministerie,
            )
            for e in entries
        ]
        with self.db:
            self.db.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        return len(rows)

    def search(self, text: str, filters: dict, limit: int = 10) -> list[tuple[str, str]]:
        """Top `limit` documents (best section first) with snippets, and the facet counts."""
        parsed = parse_query(text)
        match = to_match(parsed.text) or '""'
        where, params = _filters(filters)
        rows = self.db.execute(
            "SELECT doc_id, snippet(sections, 2, '<b>', '</b>', '…', 24) FROM sections"
            f" WHERE sections MATCH ? {where} ORDER BY bm25(sections) LIMIT ?",
            [match, *params, limit * 20],
        ).fetchall()
        seen: dict[str, str] = {}
        for doc_id, snippet in rows:
            seen.setdefault(doc_id, snippet)
            if len(seen) == limit:
                break
        for facet in ("key", "doc_type", "year", "ministerie"):
            self.db.execute(
                f"SELECT {facet}, COUNT(DISTINCT doc_id) FROM sections"
                f" WHERE sections MATCH ? {where} GROUP BY {facet}",
                [match, *params],
            ).fetchall()
        return list(seen.items())


def to_match(node: Node | None) -> str:
    """Our query tree in FTS5's MATCH syntax."""
    if node is None:
        return ""
    if isinstance(node, Word):
        return _quote(node.text)
    if isinstance(node, Phrase):
        return _quote(" ".join(node.words))
    if isinstance(node, Prefix):
        return _quote(node.text) + "*"
    if isinstance(node, Or):
        return "(" + " OR ".join(to_match(n) for n in node.nodes) + ")"
    if isinstance(node, Not):
        return to_match(node.node)
    positives = [to_match(n) for n in node.nodes if not isinstance(n, Not)]
    negatives = [to_match(n.node) for n in node.nodes if isinstance(n, Not)]
    out = " AND ".join(positives)
    for negative in negatives:
        out = f"({out}) NOT {negative}"
    return out


def _quote(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def _filters(filters: dict) -> tuple[str, list]:
    clauses, params = [], []
    for name, column in (("doc_types", "doc_type"), ("sections", "key")):
        if filters.get(name):
            clauses.append(f"{column} IN ({','.join('?' * len(filters[name]))})")
            params += filters[name]
    if filters.get("stances"):
        clauses.append("stances LIKE ?")
        params.append(f"%{filters['stances'][0]}%")
    if filters.get("years"):
        clauses.append("year = ?")
        params.append(str(filters["years"][0]))
    if filters.get("since"):
        clauses.append("date >= ?")
        params.append(filters["since"])
    if filters.get("until"):
        clauses.append("date <= ?")
        params.append(filters["until"])
    return "".join(f" AND {c}" for c in clauses), params
