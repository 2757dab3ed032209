"""The contract every search backend keeps: what goes in (SectionEntry), what a search asks
(SearchRequest) and what it answers (SearchResults). Backends differ only in how."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from index.search.filters import (
    FACET_FIELDS,
    FILTERS,
    UNDATED,
    Filters,
    by_folded,
    exact_filters,
    fold,
    unknown_value,
)
from index.search.query import ParsedQuery
from index.search.snippets import section_spans
from parsers import Document
from parsers.characters import analysis_text
from parsers.model import OVERALL_POSITION, TIMELINE_LABELS, Section, Stance

__all__ = ["FACET_FIELDS", "exact_filters"]  # kept here too: both backends import them here

# Where a query word counts for relevance, and how much; both backends rank alike. Each is
# the SectionEntry attribute of the same name.
TEXT_FIELDS = {"text": 1.0, "heading": 2.0, "title": 1.5}
# The parts of the compounds in a section (index/search/compounds.py), searched beside TEXT_FIELDS.
# A part match scores its BM25 times PART_WEIGHT: at most about 0.25, below nearly every
# whole-word match (BM25 rarely gives a whole word less than 1), so a whole-word match ranks
# above a match on a part of a compound, and documents found by parts only are ordered by BM25
# in both backends instead of by ties. Weighing parts by BM25 more (boost 0.1) put half of the
# documents saying "beleid" below the first that only has compounds (tests/test_compounds.py).
# One scorer per part: a constant score beside it (0.5, until 2026-12-01) read every part's
# postings twice and made the top sections of multi-word queries up to 1.3x slower, for no
# change in the judged rankings (BENCHMARKS-HISTORY.md, "One scorer per compound part").
PARTS_FIELD = "parts"
# The keys of the groups of inflected forms a section holds a form of (index/search/inflections.py):
# a query word in a group must find its key here, and is scored by its group's stems in
# TEXT_FIELDS (maatregel finds "maatregelen", mening does not find "menen").
LEMMA_FIELD = "lemma"
# A document that holds the group's other forms only (maatregelen, for maatregel) scores their
# BM25 times this; one that holds the query's own form scores as before.
INFLECTION_WEIGHT = 0.5
PART_WEIGHT = 0.01
SNIPPET_CHARS = 220
# Values of one keyword field a backend lists (keyword_values): for a filter value as typed.
MAX_KEYWORD_VALUES = 10_000


class IndexBusy(RuntimeError):
    """Another process is writing this index; the message says what to do."""


class IndexOutdated(RuntimeError):
    """The index was built by an older analysis (compound splits): it must be rebuilt."""


@dataclass
class SectionEntry:
    """One unit of indexing: a section with its document's metadata copied in."""

    uid: str  # doc_id#ord
    doc_id: str
    ord: int
    title: str
    doc_type: str
    date: str  # ISO or ""
    year: str  # "2026" or ""
    source: str  # officielebekendmakingen, tweedekamer, eurlex, local
    ministerie: str
    raad: str
    com: list[str]
    dossier: list[str]
    key: str
    heading: str
    text: str
    stances: list[str]  # the stance labels carried by this section
    # the document's grondhouding and overall position: "subsidiariteit:positief", "positie:steunt"
    aspect_stances: list[str]
    positie: str = ""  # the fiche's overall position label (steunt, ...), "" when it has none
    # where the evidence of each stance lies in `text` (index/search/snippets.py, Span.encode):
    # stored, not searched; a hit shows the labels of the evidence in its snippet
    stance_spans: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class KeywordField:
    """A field both backends index as whole values (filters, facets, grouping), read from one
    SectionEntry attribute: a str, or a list for several values."""

    name: str  # the field in both indexes, and FilterSpec.field of a filter on it
    attribute: str  # the SectionEntry attribute holding its value(s)
    always: bool = False  # indexed even when "" (every section has one)

    def value(self, entry: SectionEntry) -> str | list[str] | None:
        """The section's value(s) as the attribute holds them; None when it has none."""
        value = getattr(entry, self.attribute)
        if isinstance(value, str) and not value and not self.always:
            return None
        return value


# The one table of indexed fields: both backends write each section's fields from it (schema,
# mapping, documents) and read TEXT_FIELDS for relevance; a filter names one of its fields.
KEYWORDS: tuple[KeywordField, ...] = (
    KeywordField("doc_id", "doc_id", always=True),
    KeywordField("doc_type", "doc_type", always=True),
    KeywordField("key", "key", always=True),
    KeywordField("stance", "stances"),
    KeywordField("aspect_stance", "aspect_stances"),
    KeywordField("ministerie", "ministerie"),
    KeywordField("raad", "raad"),
    KeywordField("com", "com"),
    KeywordField("dossier", "dossier"),
    KeywordField("year", "year"),
    KeywordField("source", "source"),
    KeywordField("positie", "positie"),
)
KEYWORD_FIELDS = tuple(field.name for field in KEYWORDS)
assert {spec.field for spec in FILTERS if spec.field} <= set(KEYWORD_FIELDS), "a filter's field"


def section_entries(doc: Document) -> list[SectionEntry]:
    com = list(doc.metadata.get("com_numbers") or [])
    com += [lk.value for lk in doc.links if lk.kind == "com" and lk.value not in com]
    aspects = sorted({f"{s.aspect}:{s.label}" for s in doc.stances if s.aspect in TIMELINE_LABELS})
    positie = next((s.label for s in doc.stances if s.aspect == OVERALL_POSITION), "")
    labels_by_key: dict[str, set[str]] = {}
    for stance in doc.stances:
        labels_by_key.setdefault(stance.section_key, set()).add(stance.label)
    ministerie = short_ministry(str(doc.metadata.get("ministerie", "")))
    raad = str(doc.metadata.get("behandelingstraject_raad", ""))[:120]
    year = doc.date[:4] if doc.date else ""
    dossier = list(doc.dossier)
    sections, stances = _as_analysed(doc.sections, doc.stances)
    spans = section_spans(sections, stances)
    title = analysis_text(doc.title)
    return [
        SectionEntry(
            uid=f"{doc.id}#{ord_}",
            doc_id=doc.id,
            ord=ord_,
            title=title,
            doc_type=doc.doc_type,
            date=doc.date,
            year=year,
            source=doc.source,
            ministerie=ministerie,
            raad=raad,
            com=com,
            dossier=dossier,
            key=section.key,
            heading=section.heading,
            text=section.text,
            stances=sorted(labels_by_key.get(section.key, ())),
            aspect_stances=aspects,
            positie=positie,
            stance_spans=[span.encode() for span in spans[ord_]],
        )
        for ord_, section in enumerate(sections)
    ]


def _as_analysed(
    sections: list[Section], stances: list[Stance]
) -> tuple[list[Section], list[Stance]]:
    """Sections and evidence as both backends index them (parsers/characters.analysis_text):
    a soft hyphen or zero-width space inside a word no longer splits it, an over-long word is
    cut. The evidence is cleaned alike, so its place is found in the cleaned text."""
    cleaned = [
        replace(s, heading=analysis_text(s.heading), text=analysis_text(s.text)) for s in sections
    ]
    if all(a.text == b.text for a, b in zip(cleaned, sections, strict=True)):
        return cleaned, stances
    return cleaned, [replace(s, evidence=analysis_text(s.evidence)) for s in stances]


STANCE_GROUPS = ("year", "ministerie")
_NO_GROUP = "?"  # the aggregation's bucket for documents without a year (or ministerie)


def stance_aggregation(by: str) -> dict:
    """Aspect-stance counts per group, counting documents; the same request in both backends'
    aggregation languages (Tantivy's follows Elasticsearch's)."""
    return {
        "groups": {
            "terms": {"field": by, "size": 1000, "missing": _NO_GROUP},
            "aggs": {
                "stances": {
                    "terms": {"field": "aspect_stance", "size": 100},
                    "aggs": {"docs": {"cardinality": {"field": "doc_id"}}},
                }
            },
        },
        "documents": {"cardinality": {"field": "doc_id"}},
    }


def read_stance_aggregation(
    result: dict,
) -> tuple[list[tuple[str | None, str, str, int]], int]:
    """(group, aspect, label, documents) rows and the number of documents counted; the group
    is None for the documents without a year (or ministerie)."""
    rows = []
    for group in result["groups"]["buckets"]:
        key = str(group["key"])
        for bucket in group["stances"]["buckets"]:
            aspect, label = bucket["key"].split(":", 1)
            rows.append(
                (
                    key if key not in (_NO_GROUP, "") else None,
                    aspect,
                    label,
                    round(bucket["docs"]["value"]),
                )
            )
    return rows, round(result["documents"]["value"] or 0)


def short_ministry(value: str) -> str:
    """'Ministerie van Financiën in nauwe samenwerking met ...' -> 'Ministerie van Financiën':
    the eerstverantwoordelijke is what a facet should count."""
    for cut in (" in nauwe samenwerking", " in samenwerking", ",", ";", " en het "):
        value = value.split(cut)[0]
    return value.strip().rstrip(".")


@dataclass
class SearchRequest:
    query: ParsedQuery
    sort: str = "relevance"  # or "date" (newest first)
    limit: int = 10  # documents per page
    offset: int = 0  # documents to skip
    raw: str | None = None  # backend syntax passed through (--raw)
    sections_per_document: int = 3


@dataclass
class SectionHit:
    key: str
    heading: str
    snippet: str  # highlighted with <b>...</b>; text is HTML-escaped
    stance: list[str]
    score: float


@dataclass
class DocumentHit:
    id: str
    title: str
    date: str
    doc_type: str
    score: float
    sections: list[SectionHit] = field(default_factory=list)


@dataclass
class SearchResults:
    total: int  # documents that match
    total_sections: int  # sections that match
    hits: list[DocumentHit]
    facets: dict[str, dict[str, int]]  # field -> value -> matching documents
    offset: int = 0
    explain: str = ""
    # True when the totals and facet counts are estimated from a sample of the matching
    # documents (a query matching very many sections): shown as "about N".
    estimated: bool = False
    # Why a filter may find nothing: a value no document has, and the values that exist
    hints: list[str] = field(default_factory=list)

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total


class SearchBackend(Protocol):
    name: str
    # (section uid, reason) of sections the backend refused since it was opened; their
    # documents stay pending in the archive, so the next run tries them again.
    rejected: list[tuple[str, str]]

    def add(self, documents: list[Document]) -> None:
        """Add or replace these documents (all their sections)."""

    def commit(self) -> None:
        """Make what was added durable and searchable."""

    def clear(self) -> None:
        """Start a rebuild into a new, empty index; searches use the old one until publish()."""

    def publish(self) -> None:
        """The rebuild is complete: searches use it from now on, the old index is removed.
        A rebuild closed without this is thrown away."""

    def search(self, request: SearchRequest) -> SearchResults: ...

    def matching_documents(self, query: ParsedQuery) -> list[str]:
        """Every document id with a section that matches (for saved searches)."""

    def stance_counts(
        self, query: ParsedQuery, by: str
    ) -> tuple[list[tuple[str | None, str, str, int]], int]:
        """Aspect stances of the documents that match, per year or ministerie, through the
        backend's aggregations: (group, aspect, label, documents) rows (group None: without a
        year or ministerie), and the documents."""

    def explain(self, request: SearchRequest) -> str: ...

    def missing_keywords(self, field: str, values: list[str]) -> list[str]:
        """Those of VALUES that no section has in the keyword FIELD."""

    def keyword_values(self, field: str) -> list[str]:
        """The values of the keyword FIELD in the index, most common first (at most
        MAX_KEYWORD_VALUES)."""

    def close(self) -> None: ...


def resolve_filter_values(filters: Filters, backend: SearchBackend) -> list[str]:
    """Filter values as a reader types them -> the values the index holds: case and accents
    aside ('ministerie van financien' is 'Ministerie van Financiën'). A value that matches
    none stays (so the search finds nothing) and gets a hint naming the values that exist,
    closest first. Changes `filters` in place; returns the hints."""
    hints = []
    for spec in FILTERS:
        typed = [str(v) for v in filters.values(spec) if v != UNDATED]
        if not (spec.field and spec.multiple and typed):
            continue
        missing = backend.missing_keywords(spec.field, typed)
        if not missing:
            continue
        existing = backend.keyword_values(spec.field)
        typed_as = by_folded(existing)
        resolved = []
        for value in filters.values(spec):
            found = typed_as.get(fold(str(value)), []) if str(value) in missing else [value]
            if not found:
                found = [value]
                hints.append(unknown_value("document", spec.name, str(value), existing))
            resolved += [v for v in found if v not in resolved]
        setattr(filters, spec.attribute, resolved)
    if filters.undated and not filters.dated_years and (filters.since or filters.until):
        hints.append(
            "undated documents (year none) never pass --since/--until: drop one of the two"
        )
    return hints
