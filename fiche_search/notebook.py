"""What the API returns, made for a notebook: a `repr` that says what it is, an HTML view
(`_repr_html_`, which Jupyter shows), and `to_arrow()` / `to_pandas()` with the export's
types (dates as dates, lists as lists, None for what is missing).

Each class here extends the one of index/ or parsers/ that it wraps, so code that expects the
plain type (the CLI, the web, `asdict`) takes these too.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from index.features.export import DOCUMENT_COLUMNS as _DOCUMENT_COLUMNS
from index.features.export import VERDICTS, arrow_schema, arrow_type, document_row, to_pandas
from index.features.export import Column as _Column
from index.features.proposals import ProposalTimeline
from index.features.stance_counts import StanceCounts
from index.search.contract import SearchResults
from parsers import Document as _Document
from parsers.model import TIMELINE_LABELS

MAX_HTML_ROWS = 20


def _copy_of(cls, value, **extra):
    """An instance of subclass `cls` with the fields of `value` (a dataclass of its base)."""
    return cls(**{f.name: getattr(value, f.name) for f in fields(value) if f.init}, **extra)


def _table(headers: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_text(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- documents -----------------------------------------------------------------------------


@dataclass(repr=False, eq=False)
class Document(_Document):
    """An archived document (parsers.Document) that shows itself in a notebook."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Document) and self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment] - mutable, as the dataclass it extends

    def __repr__(self) -> str:
        parts = [self.id, self.doc_type or "document", self.date or "no date"]
        position = self.stance("positie")
        if position:
            parts.append(f"positie={position.label}")
        return f"<Document {' '.join(parts)}: {_short(self.title)!r}>"

    def _repr_html_(self) -> str:
        row = document_row(self)
        facts = [
            (name, row[name])
            for name in ("id", "doc_type", "date", "source", "dossier", "url", *VERDICTS)
            if row[name] is not None
        ]
        facts += [(key, value) for key, value in self.metadata.items() if value]
        stances = _table(
            ("aspect", "label", "evidence"),
            [(s.aspect, s.label, _short(s.evidence, 160)) for s in self.stances],
        )
        sections = [(s.key, s.number, s.heading) for s in self.sections[:MAX_HTML_ROWS]]
        more = len(self.sections) - len(sections)
        return (
            f"<div><strong>{html.escape(self.title or self.id)}</strong>"
            + _table(("", ""), facts)
            + (f"<p>Stances</p>{stances}" if self.stances else "")
            + f"<p>Sections ({len(self.sections)})</p>"
            + _table(("key", "number", "heading"), sections)
            + (f"<p>… and {more} more</p>" if more > 0 else "")
            + "</div>"
        )

    def to_row(self) -> dict:
        """Its row of the export's `documents` table."""
        return document_row(self)


def as_document(doc: _Document) -> Document:
    return doc if isinstance(doc, Document) else _copy_of(Document, doc)


# --- search results ------------------------------------------------------------------------

# One row per hit: the hit's own columns, then those of its `documents` row.
HIT_COLUMNS = (
    _Column("rank", "integer", "The hit's place in the results, from 1."),
    _Column("score", "float", "The relevance score."),
    _Column("matched_sections", "list", "The keys of the best matching sections."),
    _Column("snippet", "string", "The best section's snippet (matches in <b>...</b>)."),
    *_DOCUMENT_COLUMNS,
)


@dataclass(repr=False)
class Results(SearchResults):
    """SearchResults with a repr, an HTML view and DataFrames. `to_pandas()` gives one row per
    hit of this page, with the document's columns of the export (date, positie, verdicts,
    com_numbers, ministerie, ...)."""

    rows: Callable[[list[str]], dict[str, dict]] | None = field(
        default=None, repr=False, compare=False
    )

    def __repr__(self) -> str:
        about = "about " if self.estimated else ""
        shown = f"{self.offset + 1}-{self.offset + len(self.hits)}" if self.hits else "none"
        counts = f"{about}{self.total} documents, {self.total_sections} sections"
        return f"<Results {counts}; hits {shown}>"

    def _repr_html_(self) -> str:
        rows = [
            (n, h.id, h.doc_type, h.date, _short(h.title, 90), f"{h.score:.2f}")
            for n, h in enumerate(self.hits, self.offset + 1)
        ]
        about = "about " if self.estimated else ""
        return (
            f"<div><p>{about}{self.total} documents match</p>"
            + _table(("#", "id", "type", "date", "title", "score"), rows)
            + "</div>"
        )

    def to_arrow(self):
        import pyarrow as pa

        documents = self.rows([h.id for h in self.hits]) if self.rows else {}
        table = []
        for n, hit in enumerate(self.hits, self.offset + 1):
            row = dict(documents.get(hit.id) or {"id": hit.id, "title": hit.title})
            row.setdefault("doc_type", hit.doc_type)
            if row.get("date") is None:
                row["date"] = _date(hit.date)
            row.update(
                rank=n,
                score=hit.score,
                matched_sections=[s.key for s in hit.sections] or None,
                snippet=hit.sections[0].snippet if hit.sections else None,
            )
            table.append(row)
        return pa.Table.from_pylist(table, schema=arrow_schema(HIT_COLUMNS))

    def to_pandas(self):
        return to_pandas(self.to_arrow())


def _date(value: str):
    from index.features.export import as_date

    return as_date(value)


def as_results(results: SearchResults, rows: Callable[[list[str]], dict[str, dict]]) -> Results:
    return _copy_of(Results, results, rows=rows)


# --- stance counts -------------------------------------------------------------------------


@dataclass(repr=False)
class Stances(StanceCounts):
    """StanceCounts with a long table: one row per group (year or ministerie), aspect and
    label, with the number of fiches."""

    def __repr__(self) -> str:
        groups = [self.group_name(group) for group in self.groups]
        span = f"{groups[0]}..{groups[-1]}" if groups else "none"
        return f"<Stances of {self.documents} fiches by {self.by} ({span})>"

    def rows(self) -> list[dict]:
        return [  # group None (undated) stays None: a null in the frame
            {self.by: group, "aspect": aspect, "label": label, "fiches": self.counts[key]}
            for group in self.groups
            for key in sorted(k for k in self.counts if k[0] == group)
            for _, aspect, label in [key]
            if self.counts[key]
        ]

    def _repr_html_(self) -> str:
        rows = []
        for group in self.groups:
            for aspect, labels in TIMELINE_LABELS.items():
                counts = [f"{lb} {self.count(group, aspect, lb)}" for lb in labels]
                counts = [c for c in counts if not c.endswith(" 0")]
                if counts:
                    rows.append((self.group_name(group), aspect, ", ".join(counts)))
        return (
            f"<div><p>{self.documents} fiches by {html.escape(self.by)}</p>"
            + _table((self.by, "aspect", "fiches per label"), rows)
            + "</div>"
        )

    def to_arrow(self):
        import pyarrow as pa

        schema = pa.schema(
            [
                (self.by, pa.string()),
                ("aspect", pa.string()),
                ("label", pa.string()),
                ("fiches", pa.int32()),
            ]
        )
        return pa.Table.from_pylist(self.rows(), schema=schema)

    def to_pandas(self):
        return to_pandas(self.to_arrow())


def as_stances(counts: StanceCounts) -> Stances:
    return _copy_of(Stances, counts)


# --- proposals -----------------------------------------------------------------------------


@dataclass(repr=False)
class Proposal(ProposalTimeline):
    """One EU proposal's timeline, with a repr, an HTML view and the timeline as a table."""

    def __repr__(self) -> str:
        position = ", ".join(f"{a}={p.label}" for a, p in self.position.items())
        return (
            f"<Proposal {self.ref}: {_short(self.title)!r}, {len(self.timeline)} entries"
            + (f"; {position}" if position else "")
            + ">"
        )

    def _repr_html_(self) -> str:
        position = [
            (a, p.label, p.id, p.date, _short(p.evidence, 160)) for a, p in self.position.items()
        ]
        rows = [(e.date, e.kind, e.doc_type, e.id, _short(e.title, 90)) for e in self.timeline]
        return (
            f"<div><strong>{html.escape(self.ref)}</strong> {html.escape(self.title)}"
            + (
                _table(("aspect", "label", "fiche", "date", "evidence"), position)
                if position
                else ""
            )
            + _table(("date", "kind", "type", "id", "title"), rows)
            + "</div>"
        )

    def to_arrow(self):
        """The timeline, one row per document or procedure event, in date order."""
        import pyarrow as pa

        schema = pa.schema(
            [
                ("date", arrow_type("date")),
                ("kind", pa.string()),
                ("id", pa.string()),
                ("doc_type", pa.string()),
                ("title", pa.string()),
                ("relation", pa.string()),
                *[(aspect, pa.string()) for aspect in VERDICTS],
            ]
        )
        rows = []
        for entry in self.timeline:
            labels = {s.aspect: s.label for s in entry.stances}
            rows.append(
                {
                    "date": _date(entry.date),
                    "kind": entry.kind,
                    "id": entry.id or None,
                    "doc_type": entry.doc_type or None,
                    "title": entry.title or None,
                    "relation": entry.relation or None,
                    **{aspect: labels.get(aspect) for aspect in VERDICTS},
                }
            )
        return pa.Table.from_pylist(rows, schema=schema)

    def to_pandas(self):
        return to_pandas(self.to_arrow())


def as_proposal(timeline: ProposalTimeline) -> Proposal:
    return _copy_of(Proposal, timeline)
