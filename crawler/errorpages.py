"""Fake 404s: error pages served with HTTP 200 where a document was expected.

Sites behind portals answer a missing document with a friendly page ("Pagina niet gevonden",
"The requested document does not exist") and status 200. Stored as a document, such a page
would hide the loss; it is a crawl failure instead, retried on the next run.
"""

from __future__ import annotations

import re

# A real document of any kind is larger than this; error pages are small.
SMALL_PAGE = 20_000

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_ERROR_WORDS = re.compile(
    r"niet gevonden|bestaat niet|not found|does not exist|\berror\b|\bfout\b|"
    r"\b40[0-9]\b|\b50[0-9]\b|onderhoud|maintenance|unavailable|niet beschikbaar",
    re.IGNORECASE,
)


def error_page_reason(body: bytes, content_type: str, expected: str) -> str | None:
    """Why this 200 response is an error page, or None when it looks like a document.
    `expected` is the kind of file the listing promised ("xml", "pdf", "html", "json", ...)."""
    head = body[:2048].lstrip()
    looks_html = head[:15].lower().startswith((b"<!doctype html", b"<html")) or (
        "html" in content_type and not head.startswith(b"<?xml")
    )
    if expected in ("pdf", "docx", "doc", "odt") and looks_html:
        return f"an HTML page where a {expected.upper()} file was expected{_title_note(body)}"
    if not looks_html or len(body) > SMALL_PAGE:
        return None
    match = _TITLE.search(body[:SMALL_PAGE])
    title = match.group(1).decode("utf-8", "replace").strip() if match else ""
    if title and _ERROR_WORDS.search(title):
        return f"error page served with HTTP 200 (title {title!r})"
    return None


def _title_note(body: bytes) -> str:
    match = _TITLE.search(body[:SMALL_PAGE])
    return f" (title {match.group(1).decode('utf-8', 'replace').strip()!r})" if match else ""
