"""Request parameters -> a validated search state, and back to URLs.

Every state of the search page lives in the URL (query, filters, sort, page), so links can be
shared; facet links are this state with one filter value added or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from index.query import Filters, ParsedQuery, QueryError, parse_query
from index.search import FACET_FIELDS, SearchRequest

PAGE_SIZE = 10
MAX_PAGE = 100_000
MAX_QUERY_CHARS = 2000
SORTS = ("relevance", "date")
FORMATS = ("html", "json", "csv")
_YEAR = re.compile(r"\d{4}")


class BadRequest(ValueError):
    """A parameter the server cannot use; answered with 400 and this message."""


@dataclass(frozen=True)
class SearchState:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet field -> values
    since: str = ""
    until: str = ""
    sort: str = "relevance"
    page: int = 1

    # --- to the backend ------------------------------------------------------------------

    def parsed(self) -> ParsedQuery:
        """The query and filters parsed; a bad one raises BadRequest."""
        try:
            return parse_query(self.q, self._filters())
        except QueryError as error:
            raise BadRequest(f"bad query: {error}") from None

    def _filters(self) -> Filters:
        get = self.filters.get
        return Filters(
            sections=[v.lower() for v in get("section", ())],
            stances=[v.lower() for v in get("stance", ())],
            doc_types=[v.lower() for v in get("type", ())],
            years=[int(v) for v in get("year", ())],
            since=self.since,
            until=self.until,
            ministerie=list(get("ministerie", ())),
            raad=list(get("raad", ())),
        )

    def request(self) -> SearchRequest:
        return SearchRequest(
            query=self.parsed(),
            sort=self.sort,
            limit=PAGE_SIZE,
            offset=(self.page - 1) * PAGE_SIZE,
        )

    # --- back to URLs --------------------------------------------------------------------

    def items(self) -> list[tuple[str, str]]:
        out = [("q", self.q)] if self.q else []
        for name in FACET_FIELDS:
            out.extend((name, value) for value in self.filters.get(name, ()))
        out.extend((k, v) for k, v in (("since", self.since), ("until", self.until)) if v)
        if self.sort != "relevance":
            out.append(("sort", self.sort))
        if self.page != 1:
            out.append(("page", str(self.page)))
        return out

    def query_string(self, **extra: str) -> str:
        items = self.items() + [(k, v) for k, v in extra.items() if v]
        return "?" + urlencode(items) if items else ""

    def has(self, name: str, value: str) -> bool:
        return value in self.filters.get(name, ())

    def toggled(self, name: str, value: str) -> SearchState:
        """This state with the filter value added (or removed when present), on page 1."""
        values = self.filters.get(name, ())
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        filters = {**self.filters, name: values}
        return replace(self, filters={k: v for k, v in filters.items() if v}, page=1)

    def without_filters(self) -> SearchState:
        return SearchState(q=self.q, sort=self.sort)

    def sorted_by(self, sort: str) -> SearchState:
        return replace(self, sort=sort, page=1)

    def on_page(self, page: int) -> SearchState:
        return replace(self, page=page)

    @property
    def active_filters(self) -> list[tuple[str, str]]:
        return [(name, v) for name in FACET_FIELDS for v in self.filters.get(name, ())]


def search_state(params) -> SearchState:
    """Read a SearchState from Starlette QueryParams (or any multi-dict with getlist)."""
    q = params.get("q", "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"query too long: at most {MAX_QUERY_CHARS} characters")
    filters = {}
    for name in FACET_FIELDS:
        values = tuple(v.strip() for v in params.getlist(name) if v.strip())
        if values:
            filters[name] = values
    for year in filters.get("year", ()):
        if not _YEAR.fullmatch(year):
            raise BadRequest(f"bad year {year!r}: use four digits, like 2022")
    state = SearchState(
        q=q,
        filters=filters,
        since=params.get("since", "").strip(),
        until=params.get("until", "").strip(),
        sort=choice(params, "sort", SORTS),
        page=page_number(params),
    )
    state.parsed()  # validates stance, section and dates now, before any page is built
    return state


def choice(params, name: str, allowed: tuple[str, ...]) -> str:
    value = params.get(name, allowed[0]) or allowed[0]
    if value not in allowed:
        raise BadRequest(f"bad {name} {value!r}: use one of {', '.join(allowed)}")
    return value


def output_format(params) -> str:
    return choice(params, "format", FORMATS)


def page_number(params) -> int:
    raw = params.get("page", "1") or "1"
    if not re.fullmatch(r"[0-9]{1,6}", raw) or not 1 <= int(raw) <= MAX_PAGE:
        raise BadRequest(f"bad page number {raw!r}: use a whole number from 1 to {MAX_PAGE}")
    return int(raw)
