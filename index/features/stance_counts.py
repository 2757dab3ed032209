"""Aspect-stance counts (bevoegdheid, subsidiariteit, proportionaliteit, and the overall
positie) for the fiches that match a query, per year or per ministerie: `fiche-search
stances` and the web timeline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from index.search.contract import STANCE_GROUPS, SearchBackend
from index.search.query import ParsedQuery
from parsers.model import TIMELINE_LABELS

# What the group None (the fiches without a year or ministerie) is called where people read
# it; JSON gives null. "undated" as the search's `--undated` (`year:none`) names them.
NO_GROUP_NAMES = {"year": "undated", "ministerie": "no ministerie"}


@dataclass
class StanceCounts:
    by: str
    documents: int = 0  # fiches with at least one aspect stance
    # (group, aspect, label) -> fiches; group None: the fiches without a year (or ministerie)
    counts: Counter = field(default_factory=Counter)

    @property
    def groups(self) -> list[str | None]:
        """The groups in order, None (undated) last."""
        return sorted({group for group, _, _ in self.counts}, key=lambda g: (g is None, g or ""))

    def group_name(self, group: str | None) -> str:
        """A group as a reader sees it: '2024', 'undated'."""
        return NO_GROUP_NAMES.get(self.by, "none") if group is None else group

    def count(self, group: str | None, aspect: str, label: str) -> int:
        return self.counts[(group, aspect, label)]

    def to_json(self, query: str) -> dict:
        """`{"query", "by", "documents", "groups": [{BY: "2024" | null, "counts": {aspect:
        {label: fiches}}}]}`, in the order of `groups`."""
        return {
            "query": query,
            "by": self.by,
            "documents": self.documents,
            "groups": [
                {
                    self.by: g,
                    "counts": {
                        a: {lb: self.count(g, a, lb) for lb in labels}
                        for a, labels in TIMELINE_LABELS.items()
                    },
                }
                for g in self.groups
            ],
        }


def count_stances(backend: SearchBackend, query: ParsedQuery, by: str = "year") -> StanceCounts:
    """Counted by the backend's aggregations over the matching sections: each document
    carries its grondhouding, so a fiche counts once per aspect whatever section matched."""
    if by not in STANCE_GROUPS:
        raise ValueError(f"cannot group stances by {by!r}; use one of {', '.join(STANCE_GROUPS)}")
    if not query.filters.doc_types:  # the fiches, unless the user asks for other documents
        query = ParsedQuery(text=query.text, filters=replace(query.filters, doc_types=["fiche"]))
    rows, documents = backend.stance_counts(query, by)
    result = StanceCounts(by=by, documents=documents)
    for group, aspect, label, count in rows:
        result.counts[(group, aspect, label)] += count
    return result
