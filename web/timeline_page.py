"""The stance timeline: aspect-stance and overall-position counts per year for the fiches
matching a query."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from fiche_search.surface import ASPECT_LABELS, PARAGRAPH_LABELS, TIMELINE_LABELS
from web.chart import timeline_charts
from web.params import BadRequest, output_format, search_state
from web.render import csv_response, json_response, page

# The short heads of the count table's columns, one per label.
SIGNS = {
    "positief": "+",
    "negatief": "−",
    "gedeeltelijk": "±",
    "geen_oordeel": "?",
    "steunt": "st",
    "steunt_onder_voorwaarden": "sv",
    "terughoudend": "th",
    "kritisch": "kr",
    "verwerpt": "vw",
    "neutraal": "ne",
}


def timeline_page(request: Request) -> Response:
    fmt = output_format(request.query_params)
    state = search_state(request.query_params)
    with request.app.state.resources.api() as api:
        counts = api.stances(state.q, by="year", **state.filters)
    if fmt == "json":
        return json_response(counts.to_json(state.q))
    if fmt == "csv":
        rows = [
            [group or "", aspect, label, counts.count(group, aspect, label)]  # "": undated
            for group in counts.groups
            for aspect, labels in TIMELINE_LABELS.items()
            for label in labels
        ]
        return csv_response(["year", "aspect", "label", "fiches"], rows, "stances.csv")
    if state.page != 1:
        raise BadRequest("the timeline has one page")
    return page(
        request,
        "timeline.html",
        {
            "state": state,
            "counts": counts,
            "charts": timeline_charts(counts),
            "columns": list(TIMELINE_LABELS.items()),  # the aspects, then positie
            "signs": SIGNS,
            "legend": (*ASPECT_LABELS, *PARAGRAPH_LABELS),
        },
    )
