"""One document: metadata, sections in order with evidence marked, stances, related documents."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from fiche_search import DocumentNotFound
from fiche_search.surface import ocr_summary
from web.markup import evidence_segments, safe_url, stance_anchor, stances_by_section
from web.params import BadRequest, output_format, page_number
from web.render import json_response, page

# Ids are made by the parsers: kst-22112-4100, celex-32026H0311, tk-2026D01713.
DOC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.()+-]{0,199}")


def document_page(request: Request) -> Response:
    doc_id = request.path_params["doc_id"]
    if not DOC_ID.fullmatch(doc_id) or ".." in doc_id:
        raise BadRequest(f"bad document id {doc_id!r}")
    fmt = output_format(request.query_params)
    wanted = page_number(request.query_params)
    with request.app.state.resources.api() as api:
        try:
            doc = api.document(doc_id)
        except DocumentNotFound:
            raise HTTPException(404, f"no document {doc_id!r} in the archive") from None
        connections = api.connections(doc)
    related, proposals = connections.related, connections.proposals
    references = {"cites": connections.cites, "cited_by": connections.cited_by}
    pages = section_pages(doc.sections, request.app.state.limits.max_response_bytes)
    if wanted > len(pages):
        raise BadRequest(f"bad page number {wanted}: this document has {len(pages)} page(s)")
    shown = pages[wanted - 1]
    paging = SectionPaging(wanted, len(pages), shown.start + 1, shown.stop, len(doc.sections))
    if fmt == "json":
        resolved = {name: [asdict(c) for c in found] for name, found in references.items()}
        payload = {**doc.to_json(), **resolved, "proposals": proposals}
        if len(pages) > 1:
            payload["sections"] = payload["sections"][shown.start : shown.stop]
            payload["section_page"] = asdict(paging)
        return json_response(payload)
    if fmt == "csv":
        raise BadRequest("a document is available as html or json, not csv")
    placed = stances_by_section(doc.sections, doc.stances)
    # the page each marked stance is on: its link leads there when that is another page
    on_page = {
        index: number
        for number, section_range in enumerate(pages, 1)
        for i in section_range
        for index, _ in placed[i]
    }
    return page(
        request,
        "document.html",
        {
            "doc": doc,
            "sections": [
                (doc.sections[i], evidence_segments(doc.sections[i], placed[i])) for i in shown
            ],
            "first_section": shown.start + 1,
            "paging": paging if len(pages) > 1 else None,
            "stances": [
                (stance, _stance_link(i, on_page.get(i), wanted))
                for i, stance in enumerate(doc.stances)
            ],
            "sources": source_links(doc),
            "related": related,
            "ocr": ocr_summary(doc.ocr_pages),
            "references": references,
            "proposals": proposals,
        },
    )


@dataclass
class SectionPaging:
    """Which part of a long document's sections a response holds (1-based, inclusive)."""

    page: int
    pages: int
    first_section: int
    last_section: int
    sections: int


def section_pages(sections: list, max_bytes: int) -> list[range]:
    """The sections in pages of at most `max_bytes` of text (UTF-8) each, and at least one
    section per page: a 20 MB text is answered in pages of a size a browser shows."""
    pages: list[range] = []
    start, size = 0, 0
    for index, section in enumerate(sections):
        length = len(section.text.encode("utf-8")) + len(section.heading.encode("utf-8"))
        if index > start and size + length > max_bytes:
            pages.append(range(start, index))
            start, size = index, 0
        size += length
    pages.append(range(start, len(sections)))
    return pages


def _stance_link(index: int, page_number: int | None, current: int) -> str:
    """The link of a stance to its marked evidence: on this page, or on the page it is on."""
    if page_number is None:
        return ""
    anchor = stance_anchor(index)
    return f"#{anchor}" if page_number == current else f"?page={page_number}#{anchor}"


def source_links(doc) -> list[tuple[str, str]]:
    """(label, url) of where the document can be read at its source; http(s) only."""
    links = []
    if url := safe_url(doc.url):
        links.append((doc.source or "source", url))
    eurlex = safe_url(str(doc.metadata.get("eurlex_url", "")))
    if eurlex and eurlex != url:
        links.append(("EUR-Lex", eurlex))
    return links
