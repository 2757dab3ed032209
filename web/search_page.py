"""The search page: query box, facets that narrow on click, sorted and paged results."""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from fiche_search import QueryError, SearchResults
from fiche_search.surface import CSV_HEADER, FACET_FIELDS, FACET_TITLES, csv_rows, results_json
from web.params import (
    PAGE_SIZE,
    SORTS,
    BadRequest,
    SearchState,
    SearchTooSlow,
    output_format,
    search_state,
)
from web.render import csv_response, json_response, page


@dataclass
class FacetValue:
    value: str
    count: int
    active: bool
    url: str  # the search with this value toggled


@dataclass
class Facet:
    field: str
    title: str
    values: list[FacetValue]


def facets(state: SearchState, results: SearchResults) -> list[Facet]:
    out = []
    for name in FACET_FIELDS:
        counts = dict(results.facets.get(name, {}))
        for value in state.filters.get(name, ()):  # an active filter stays visible, even at 0
            counts.setdefault(value, 0)
        ordered = sorted(counts.items(), key=_facet_order(name))
        values = [
            FacetValue(v, n, state.has(name, v), "/" + state.toggled(name, v).query_string())
            for v, n in ordered
        ]
        if values:
            out.append(Facet(name, FACET_TITLES[name], values))
    return out


def _facet_order(name: str):
    """Years newest first, the undated ("none") last; other values by count, then
    alphabetically."""
    if name == "year":
        return lambda kv: (0, -int(kv[0])) if kv[0].isdigit() else (1, 0)
    return lambda kv: (-kv[1], kv[0])


def run_search(request: Request, state: SearchState) -> SearchResults:
    with request.app.state.resources.api() as api:
        try:
            return api.search(
                state.q, limit=PAGE_SIZE, page=state.page, sort=state.sort, **state.filters
            )
        except QueryError as error:
            raise BadRequest(f"bad query: {error}") from None


async def timed_search(request: Request, state: SearchState) -> SearchResults:
    """The search on a worker thread, answered within the app's time limit per search (as
    Datasette limits SQL): past it the page says so, and the worker finishes on its own."""
    seconds = request.app.state.search_seconds
    try:
        return await asyncio.wait_for(run_in_threadpool(run_search, request, state), seconds)
    except TimeoutError:
        raise SearchTooSlow(
            f"the search took longer than {seconds:g} s and was stopped; narrow it down"
            " (fewer OR terms or prefixes, or a filter)"
        ) from None


async def search_page(request: Request) -> Response:
    fmt = output_format(request.query_params)
    state = search_state(request.query_params)
    results = await timed_search(request, state)
    if fmt == "json":
        return json_response(results_json(results))
    if fmt == "csv":
        return csv_response(CSV_HEADER, csv_rows(results), "fiche-search.csv")
    pages = max(1, math.ceil(results.total / PAGE_SIZE))
    return page(
        request,
        "search.html",
        {
            "state": state,
            "results": results,
            "facets": facets(state, results),
            "sorts": SORTS,
            "pages": pages,
            "first": results.offset + 1,
            "last": results.offset + len(results.hits),
        },
    )
