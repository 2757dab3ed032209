"""Pick the reader for a file from its bytes (magic numbers, root elements) and its name."""

from __future__ import annotations

from parsers.model import ParseError
from parsers.readers.jsonrecord import looks_like_record, read_eurlex_record
from parsers.readers.plain import read_plain
from parsers.text import ReadResult


def read_bytes(data: bytes, filename: str = "") -> ReadResult:
    """Read a file of any supported format. Raises ParseError naming the reason."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        raise ParseError("PDF reading not available yet")
    if head.startswith(b"PK"):
        raise ParseError("Word/ODT reading not available yet")
    if looks_like_record(head):
        return read_eurlex_record(data)
    if head.startswith(b"<"):
        raise ParseError("XML/HTML reading not available yet")
    return read_plain(data)
