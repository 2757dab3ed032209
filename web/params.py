"""Request parameters -> a validated search state, and back to URLs.

Every state of the search page lives in the URL (query, filters, sort, page), so links can be
shared; facet links are this state with one filter value added or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from fiche_search.api import filters_from_arguments
from fiche_search.surface import (
    FILTER_NAMES,
    FILTERS,
    MAX_QUERY_CHARS,
    ParsedQuery,
    QueryError,
    parse_query,
)

PAGE_SIZE = 10
MAX_PAGE = 100_000
MAX_VALUES = 50  # values of one filter in one request
SORTS = ("relevance", "date")
FORMATS = ("html", "json", "csv")


class BadRequest(ValueError):
    """A parameter the server cannot use; answered with 400 and this message."""


class SearchTooSlow(RuntimeError):
    """A search past the time limit; answered with 503 and this message."""


@dataclass(frozen=True)
class SearchState:
    q: str = ""
    # filter name (index/search/filters.py) -> values as given, checked when the state was read
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    # --- to the backend ------------------------------------------------------------------

    def parsed(self) -> ParsedQuery:
        """The query and filters parsed as the Python API parses them; a bad one raises
        BadRequest."""
        try:
            return parse_query(self.q, filters_from_arguments(self.filters))
        except QueryError as error:
            raise BadRequest(f"bad query: {error}") from None

    # --- back to URLs --------------------------------------------------------------------

    def items(self) -> list[tuple[str, str]]:
        out = [("q", self.q)] if self.q else []
        out.extend(self.active_filters)
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
        return [(name, v) for name in FILTER_NAMES for v in self.filters.get(name, ())]


def search_state(params) -> SearchState:
    """Read a SearchState from Starlette QueryParams (or any multi-dict with getlist)."""
    q = params.get("q", "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"query too long: at most {MAX_QUERY_CHARS} characters")
    filters = {}
    for spec in FILTERS:
        values = tuple(dict.fromkeys(v.strip() for v in params.getlist(spec.name) if v.strip()))
        if len(values) > (MAX_VALUES if spec.multiple else 1):
            most = MAX_VALUES if spec.multiple else "one"
            raise BadRequest(f"too many values for {spec.name}: at most {most}")
        if values:
            filters[spec.name] = values
    state = SearchState(
        q=q,
        filters=filters,
        sort=choice(params, "sort", SORTS),
        page=page_number(params),
    )
    state.parsed()  # validates every filter value now, before any page is built
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
