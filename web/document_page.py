"""One document: metadata, sections in order with evidence marked, stances, related documents."""

from __future__ import annotations

import re
from dataclasses import asdict

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from fiche_search import DocumentNotFound
from fiche_search.surface import ocr_summary
from web.markup import evidence_segments, safe_url, stance_anchor, stances_by_section
from web.params import BadRequest, output_format
from web.render import json_response, page

# Ids are made by the parsers: kst-22112-4100, celex-32026H0311, tk-2026D01713.
DOC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.()+-]{0,199}")


def document_page(request: Request) -> Response:
    doc_id = request.path_params["doc_id"]
    if not DOC_ID.fullmatch(doc_id) or ".." in doc_id:
        raise BadRequest(f"bad document id {doc_id!r}")
    fmt = output_format(request.query_params)
    with request.app.state.resources.api() as api:
        try:
            doc = api.document(doc_id)
        except DocumentNotFound:
            raise HTTPException(404, f"no document {doc_id!r} in the archive") from None
        connections = api.connections(doc)
    related, proposals = connections.related, connections.proposals
    references = {"cites": connections.cites, "cited_by": connections.cited_by}
    if fmt == "json":
        resolved = {name: [asdict(c) for c in found] for name, found in references.items()}
        return json_response({**doc.to_json(), **resolved, "proposals": proposals})
    if fmt == "csv":
        raise BadRequest("a document is available as html or json, not csv")
    placed = stances_by_section(doc.sections, doc.stances)
    marked = {index for pairs in placed for index, _ in pairs}
    return page(
        request,
        "document.html",
        {
            "doc": doc,
            "sections": [
                (section, evidence_segments(section, pairs))
                for section, pairs in zip(doc.sections, placed, strict=True)
            ],
            "stances": [
                (stance, stance_anchor(i) if i in marked else "")
                for i, stance in enumerate(doc.stances)
            ],
            "sources": source_links(doc),
            "related": related,
            "ocr": ocr_summary(doc.ocr_pages),
            "references": references,
            "proposals": proposals,
        },
    )


def source_links(doc) -> list[tuple[str, str]]:
    """(label, url) of where the document can be read at its source; http(s) only."""
    links = []
    if url := safe_url(doc.url):
        links.append((doc.source or "source", url))
    eurlex = safe_url(str(doc.metadata.get("eurlex_url", "")))
    if eurlex and eurlex != url:
        links.append(("EUR-Lex", eurlex))
    return links
