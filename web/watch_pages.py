"""Saved searches in the browser: the list, and an Atom feed of each one's alerts."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from fiche_search import WatchError
from fiche_search.surface import NAME_PATTERN
from web.atom import watch_feed
from web.params import output_format
from web.render import json_response, page

FEED_ENTRIES = 100


def watches_page(request: Request) -> Response:
    fmt = output_format(request.query_params)
    with request.app.state.resources.api() as api:
        watches = api.watches()
    if fmt == "json":
        return json_response(
            [{"name": w.name, "query": w.query, "last_run": w.last_run} for w in watches]
        )
    return page(request, "watches.html", {"watches": watches})


def watch_feed_page(request: Request) -> Response:
    name = request.path_params["name"]
    if not NAME_PATTERN.fullmatch(name):
        raise HTTPException(404, f"no saved search {name!r}")
    with request.app.state.resources.api() as api:
        try:
            watch = api.watch(name)
        except WatchError:
            raise HTTPException(404, f"no saved search {name!r}") from None
        alerts = api.alerts(name, FEED_ENTRIES)
    base = request.app.state.base_url  # configured: a Host header can be anything
    body = watch_feed(watch, alerts, f"{base}watch/{name}.xml", base)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
