"""Aspect-stance counts (bevoegdheid, subsidiariteit, proportionaliteit) for the fiches that
match a query, per year or per ministerie: `fiche-search stances` and the web timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from index.archive import Archive
from index.query import ParsedQuery
from index.search import SearchBackend
from parsers.model import ASPECT_LABELS, ASPECTS

GROUPINGS = ("year", "ministerie")


@dataclass
class StanceCounts:
    by: str
    documents: int = 0  # fiches with at least one aspect stance
    counts: Counter = field(default_factory=Counter)  # (group, aspect, label) -> fiches

    @property
    def groups(self) -> list[str]:
        return sorted({group for group, _, _ in self.counts})

    def count(self, group: str, aspect: str, label: str) -> int:
        return self.counts[(group, aspect, label)]

    def to_json(self, query: str) -> dict:
        return {
            "query": query,
            "by": self.by,
            "documents": self.documents,
            "counts": {
                g: {a: {lb: self.count(g, a, lb) for lb in ASPECT_LABELS} for a in ASPECTS}
                for g in self.groups
            },
        }


def count_stances(
    archive: Archive, backend: SearchBackend, query: ParsedQuery, by: str = "year"
) -> StanceCounts:
    if by not in GROUPINGS:
        raise ValueError(f"cannot group stances by {by!r}; use one of {', '.join(GROUPINGS)}")
    result = StanceCounts(by=by)
    fiches = set()
    for doc_id, date, ministerie, aspect, label in archive.aspect_stances(
        backend.matching_documents(query)
    ):
        group = (date[:4] or "?") if by == "year" else (ministerie or "?")
        result.counts[(group, aspect, label)] += 1
        fiches.add(doc_id)
    result.documents = len(fiches)
    return result
