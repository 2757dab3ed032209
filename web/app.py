"""The Starlette application: routes, static files, and how errors answer."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from fiche_search import BackendUnavailable, Limits, current_limits
from fiche_search.surface import SEARCH_SECONDS
from web.document_page import document_page
from web.freshness_page import freshness_page
from web.params import BadRequest, SearchTooSlow
from web.proposal_page import proposal_page
from web.render import error
from web.resources import Resources
from web.search_page import search_page
from web.security import LOCAL_HOSTS, SecurityHeaders, TrustedHosts
from web.timeline_page import timeline_page
from web.watch_pages import watch_feed_page, watches_page

STATIC = Path(__file__).parent / "static"


async def bad_request(request: Request, exc: BadRequest):
    return error(request, 400, str(exc))


async def search_too_slow(request: Request, exc: SearchTooSlow):
    return error(request, 503, str(exc))


async def http_error(request: Request, exc: HTTPException):
    return error(request, exc.status_code, exc.detail)


async def backend_unavailable(request: Request, exc: BackendUnavailable):
    return error(request, 503, str(exc))


BASE_URL = "http://127.0.0.1:8000/"  # `serve`'s default address


def create_app(
    home: Path,
    backend: str = "embedded",
    es_url: str = "",
    search_seconds: float = SEARCH_SECONDS,
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS,
    base_url: str = BASE_URL,
    limits: Limits | None = None,
) -> Starlette:
    """`allowed_hosts`: the names a request's Host header may give (others get 400);
    `base_url`: where readers reach the server, for the links in feeds (never taken from a
    request's Host); `limits`: max_response_bytes pages a long document (parsers/limits.py;
    the process's limits when None)."""
    app = Starlette(
        routes=[
            Route("/", search_page),
            Route("/document/{doc_id}", document_page),
            Route("/timeline", timeline_page),
            Route("/proposal", proposal_page),
            Route("/freshness", freshness_page),
            Route("/watches", watches_page),
            Route("/watch/{name}.xml", watch_feed_page),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(SecurityHeaders), Middleware(TrustedHosts, allowed=allowed_hosts)],
        exception_handlers={
            BadRequest: bad_request,
            SearchTooSlow: search_too_slow,
            HTTPException: http_error,
            BackendUnavailable: backend_unavailable,
        },
    )
    app.state.resources = Resources(Path(home), backend or "embedded", es_url)
    app.state.search_seconds = search_seconds
    app.state.base_url = base_url if base_url.endswith("/") else base_url + "/"
    app.state.limits = limits or current_limits()
    return app
