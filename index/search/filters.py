"""Every search filter, once, as data.

The CLI options (`--section`), the web parameters (`section=`), the query syntax
(`section:subsidiariteit`, `ministerie:"Ministerie van Financiën"`), the facets, `--explain`
and the help text are all made from FILTERS. A new filter is one FilterSpec here, one
attribute on Filters and, when it filters on a new indexed field, that field in
search.SectionEntry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date
from difflib import SequenceMatcher

from parsers.links import com_numbers
from parsers.model import ASPECT_LABELS, OVERIG, PARAGRAPH_LABELS, SECTION_KEYS
from parsers.sources import SOURCES

SECTION_FILTER_VALUES = (*SECTION_KEYS, OVERIG)
# From the parsers' label sets, so a new label set there is a filter value here.
STANCE_FILTER_VALUES = tuple(dict.fromkeys((*ASPECT_LABELS, *PARAGRAPH_LABELS)))
MAX_VALUE_CHARS = 200
# The year of a document without a date: `year:none`, `--undated`, and its facet count.
UNDATED = "none"
# Filters that hold for a whole document (every section carries the same value), so that a
# NOT can look for its documents among those passing them; section and stance are per section.
SECTION_LEVEL = ("sections", "stances")
HINT_VALUES = 5  # existing values the line about an unknown filter value names


class QueryError(ValueError):
    """A query or filter that cannot be run; the message says what is wrong."""


@dataclass
class Filters:
    """Exact-match filters; every list is OR within, AND across."""

    sections: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    years: list[int | str] = field(default_factory=list)  # UNDATED: documents without a date
    since: str = ""  # ISO date, inclusive
    until: str = ""  # ISO date, inclusive
    ministerie: list[str] = field(default_factory=list)
    raad: list[str] = field(default_factory=list)
    com: list[str] = field(default_factory=list)
    dossier: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    positie: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def add(self, name: str, value: str) -> None:
        """Add a filter value as a user typed it (option, parameter or `name:value`); an
        invalid value raises QueryError naming the valid form."""
        spec = FILTER_BY_NAME[name]
        checked = spec.check(value.strip())
        if spec.multiple:
            values = getattr(self, spec.attribute)
            if checked not in values:
                values.append(checked)
        else:
            setattr(self, spec.attribute, checked)

    def values(self, spec: FilterSpec) -> list:
        """The values set for this filter, always as a list."""
        value = getattr(self, spec.attribute)
        if spec.multiple:
            return list(value)
        return [value] if value else []

    @property
    def undated(self) -> bool:
        """year:none / --undated: documents without a date (beside any years asked)."""
        return UNDATED in self.years

    @property
    def dated_years(self) -> list[str]:
        return [str(y) for y in self.years if y != UNDATED]

    def document_level(self) -> Filters:
        """These filters without the per-section ones (section, stance)."""
        return replace(self, **{name: [] for name in SECTION_LEVEL})


def fold(value: str) -> str:
    """Case and accents as a reader ignores them: 'Ministerie van Financiën' ->
    'ministerie van financien'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def closest(value: str, candidates: list[str] | tuple[str, ...], n: int = 5) -> list[str]:
    """The candidates most like VALUE (case and accents aside), closest first."""
    wanted = fold(value)
    if wanted.isdigit() and all(c.isdigit() for c in candidates):  # years: the nearest
        return sorted(candidates, key=lambda c: (abs(int(c) - int(wanted)), c))[:n]

    def likeness(candidate: str) -> tuple[float, str]:
        folded = fold(candidate)
        ratio = SequenceMatcher(None, wanted, folded).ratio()
        if wanted and (wanted in folded or folded in wanted):
            ratio += 1.0  # 'financien' is closest to 'Ministerie van Financiën'
        return (-ratio, candidate)

    return sorted(candidates, key=likeness)[:n]


def by_folded(values: Iterable[str]) -> dict[str, list[str]]:
    """VALUES by the form a reader may type them in (fold): what each typed value finds."""
    found: dict[str, list[str]] = defaultdict(list)
    for value in values:
        if value and value not in found[fold(value)]:
            found[fold(value)].append(value)
    return found


def unknown_value(holder: str, what: str, value: str, existing: list[str]) -> str:
    """The line for a filter VALUE no HOLDER has: the WHAT values that exist, closest first."""
    names = ", ".join(repr(v) for v in closest(value, existing, HINT_VALUES))
    there = (
        f"{what} values that exist, closest first: {names}"
        if names
        else f"no {holder} has any {what}"
    )
    return f"no {holder} has {what} {value!r}; {there}"


def end_of(day: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD upper bound as the last ISO date it holds, for comparing
    as text: '2022' -> '2022-12-31', '2022-02' -> '2022-02-31' (no day of the month after)."""
    return day + "-12-31"[len(day) - 4 :] if day and len(day) < 10 else day


# --- checks: value as typed -> value as indexed, or QueryError naming the valid form -------


def _one_of(allowed: tuple[str, ...], what: str) -> Callable[[str], str]:
    by_fold = {fold(v): v for v in allowed}

    def check(value: str) -> str:
        found = by_fold.get(fold(value))
        if found is None:
            raise QueryError(
                f"unknown {what} {value!r}; {what}s are, closest first: "
                + ", ".join(closest(value, allowed, n=len(allowed)))
            )
        return found

    return check


def _doc_type(value: str) -> str:
    value = fold(value)
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,40}", value):
        raise QueryError(
            f"bad type {value!r}: a document type is a word like fiche, kamerstuk, kamerbrief "
            "or eu-proposal (the `type` facet lists those in the archive)"
        )
    return value


def _year(value: str) -> int | str:
    if fold(value) in (UNDATED, "undated"):
        return UNDATED
    if not re.fullmatch(r"\d{4}", value):
        raise QueryError(
            f"bad year {value!r}: use four digits, like year:2022 (year:{UNDATED}: undated)"
        )
    return int(value)


def check_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a date that exists (2022-13-45 does not)."""
    form = "use YYYY, YYYY-MM or YYYY-MM-DD, like 2022 or 2022-03-31"
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise QueryError(f"bad date {value!r}: {form}")
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise QueryError(f"bad date {value!r}: no such date; {form}") from None
    return value


def _text(what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = " ".join(value.split())
        if not value or len(value) > MAX_VALUE_CHARS:
            raise QueryError(
                f"bad {what} {value[:40]!r}: give the name as the facet shows it, "
                f'quoted when it has spaces: {what}:"..."'
            )
        return value

    return check


def _com(value: str) -> str:
    found = com_numbers(value) or com_numbers("COM" + value)
    if len(found) != 1:
        raise QueryError(
            f"bad COM number {value!r}: use the form COM(2022) 546 (any spelling: COM/2022/546)"
        )
    return found[0]


def _dossier(value: str) -> str:
    value = value.replace(" ", "")
    if not re.fullmatch(r"\d{4,6}(-[A-Z0-9]+)?", value.upper()):
        raise QueryError(f"bad dossier {value!r}: use a Kamerstuk dossier number like 22112")
    return value.upper()


@dataclass(frozen=True)
class FilterSpec:
    name: str  # as users type it: --name, name=..., name:value
    attribute: str  # the Filters attribute it fills
    field: str  # the indexed SectionEntry field it matches exactly ("" for the date range)
    help: str
    check: Callable[[str], str | int]  # typed value -> indexed value, or QueryError
    facet: str = ""  # facet title; "" when the filter has no facet
    multiple: bool = True  # repeatable: any of the values (OR)
    metavar: str = "VALUE"


FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec(
        "section",
        "sections",
        "key",
        "Only sections with this key: " + ", ".join(SECTION_FILTER_VALUES) + ".",
        _one_of(SECTION_FILTER_VALUES, "section"),
        facet="Section",
        metavar="KEY",
    ),
    FilterSpec(
        "stance",
        "stances",
        "stance",
        "Only sections with this stance label: " + ", ".join(STANCE_FILTER_VALUES) + ".",
        _one_of(STANCE_FILTER_VALUES, "stance"),
        facet="Stance",
        metavar="LABEL",
    ),
    FilterSpec(
        "positie",
        "positie",
        "positie",
        "Documents whose overall position (a fiche's grondhouding or opening judgement) is: "
        + ", ".join(PARAGRAPH_LABELS)
        + ".",
        _one_of(PARAGRAPH_LABELS, "positie"),
        facet="Overall position",
        metavar="LABEL",
    ),
    FilterSpec(
        "type",
        "doc_types",
        "doc_type",
        "Only this document type (fiche, kamerstuk, kamerbrief, eu-proposal, ...).",
        _doc_type,
        facet="Document type",
        metavar="DOC_TYPE",
    ),
    FilterSpec(
        "year",
        "years",
        "year",
        f"Documents of this year (YYYY); {UNDATED}: documents without a date.",
        _year,
        facet="Year",
        metavar="YYYY",
    ),
    FilterSpec(
        "since",
        "since",
        "",
        "Documents dated on or after this date (YYYY[-MM[-DD]]); undated documents never pass.",
        check_date,
        multiple=False,
        metavar="DATE",
    ),
    FilterSpec(
        "until",
        "until",
        "",
        "Documents dated on or before this date (YYYY[-MM[-DD]]); undated documents never pass.",
        check_date,
        multiple=False,
        metavar="DATE",
    ),
    FilterSpec(
        "ministerie",
        "ministerie",
        "ministerie",
        "Eerstverantwoordelijk ministerie, as the facet shows it.",
        _text("ministerie"),
        facet="Ministerie",
        metavar="NAME",
    ),
    FilterSpec(
        "raad",
        "raad",
        "raad",
        "Council formation (behandelingstraject Raad), as the facet shows it.",
        _text("raad"),
        facet="Raad",
        metavar="NAME",
    ),
    FilterSpec(
        "com",
        "com",
        "com",
        "Documents about this COM number, e.g. 'COM(2022) 546' (any spelling).",
        _com,
        metavar="COM",
    ),
    FilterSpec(
        "dossier",
        "dossier",
        "dossier",
        "Kamerstuk dossier number, e.g. 22112.",
        _dossier,
        metavar="N",
    ),
    FilterSpec(
        "source",
        "sources",
        "source",
        "Where the document came from: " + ", ".join(SOURCES) + ".",
        _one_of(SOURCES, "source"),
        facet="Source",
        metavar="SOURCE",
    ),
)
FILTER_BY_NAME = {spec.name: spec for spec in FILTERS}
FILTER_NAMES = tuple(FILTER_BY_NAME)
# Facet name (as users and JSON see it) -> the indexed field it counts.
FACET_FIELDS = {spec.name: spec.field for spec in FILTERS if spec.facet}
FACET_TITLES = {spec.name: spec.facet for spec in FILTERS if spec.facet}


def exact_filters(filters: Filters) -> dict[str, list[str]]:
    """Indexed keyword field -> the values it must have (any of them), for both backends.
    The year when it includes UNDATED is not here: the backends ask for "one of these years
    or no date" themselves (`dated_years`, `undated`)."""
    wanted = {
        spec.field: [str(v) for v in filters.values(spec)]
        for spec in FILTERS
        if spec.field and spec.multiple and not (spec.name == "year" and filters.undated)
    }
    return {name: values for name, values in wanted.items() if values}


def describe_filters(filters: Filters) -> list[str]:
    """The filters in force, one readable clause each (for --explain)."""
    parts = [
        f"{spec.name} in {[str(v) for v in filters.values(spec)]}"
        for spec in FILTERS
        if spec.field and filters.values(spec)
    ]
    if filters.since or filters.until:
        parts.append(
            f"date in [{filters.since or '*'} .. {filters.until or '*'}] (dated documents only)"
        )
    return parts


def filters_from(pairs: Iterator[tuple[str, str]] | list[tuple[str, str]]) -> Filters:
    """Filters from (name, value) pairs as typed; the first bad value raises QueryError."""
    filters = Filters()
    for name, value in pairs:
        filters.add(name, value)
    return filters
