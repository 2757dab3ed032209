"""What each source holds and when it was last fetched."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from web.params import BadRequest, output_format
from web.render import json_response, page


def freshness_page(request: Request) -> Response:
    fmt = output_format(request.query_params)
    if fmt == "csv":
        raise BadRequest("freshness is available as html or json, not csv")
    with request.app.state.resources.api() as api:
        summary = api.stats()
    summary.pop("home")  # where the archive lives on disk is no business of a visitor
    if fmt == "json":
        return json_response(summary)
    return page(request, "freshness.html", {"summary": summary})
