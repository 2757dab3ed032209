"""Pick the reader for a file from its bytes (magic numbers, root elements) and its name."""

from __future__ import annotations

from parsers.model import ParseError
from parsers.readers.pdf import read_pdf
from parsers.readers.plain import read_plain
from parsers.text import ReadResult


def read_bytes(data: bytes, filename: str = "") -> ReadResult:
    """Read a file of any supported format. Raises ParseError naming the reason."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return read_pdf(data)
    if head.startswith(b"PK"):
        raise ParseError("Word/ODT reading not available yet")
    if head.startswith(b"<"):
        raise ParseError("XML/HTML reading not available yet")
    return read_plain(data)
