"""Templates and the ways a page answers: HTML, JSON, CSV, or an error with a clear message."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from fiche_search import printable
from web.markup import safe_snippet, safe_url

TEMPLATES = Path(__file__).parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.autoescape = True  # every template, whatever its name


def _printable(value):
    """Every value a template prints: control characters shown escaped, as in the terminal."""
    if isinstance(value, Markup):
        return Markup(printable(str(value)))  # escapes add no < > &: the markup stays sound
    return printable(value) if isinstance(value, str) else value


templates.env.finalize = _printable
templates.env.filters["snippet"] = safe_snippet
templates.env.filters["safe_url"] = safe_url
templates.env.filters["doc_path"] = lambda doc_id: "/document/" + quote(doc_id, safe="")


def proposal_path(ref: str) -> str:
    return "/proposal?ref=" + quote(ref, safe="")


templates.env.filters["proposal_path"] = proposal_path
templates.env.filters["label"] = lambda value: str(value).replace("_", " ")


def page(request: Request, name: str, context: dict, status: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def json_response(payload, status: int = 200) -> JSONResponse:
    return JSONResponse(payload, status_code=status)


def csv_response(header: list[str], rows: list[list], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def error(request: Request, status: int, message: str) -> Response:
    """An error as JSON when JSON was asked for, else as a page; the message says what."""
    if request.query_params.get("format") in ("json", "csv"):
        return json_response({"error": message, "status": status}, status)
    return page(request, "error.html", {"status": status, "message": message}, status)
