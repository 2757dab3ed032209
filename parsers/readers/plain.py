"""Plain text (and the Markdown-ish text of Woo releases): paragraphs split on blank lines."""

from __future__ import annotations

import re

from parsers.model import ParseError
from parsers.text import Block, ReadResult

_BLANK_LINES = re.compile(r"\n\s*\n")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to cp1252 for older Windows exports."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("not a text file (undecodable bytes)")


def read_plain(data: bytes) -> ReadResult:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ParseError("binary data, not text")
    blocks = []
    line = 1
    for chunk in _BLANK_LINES.split(text):
        stripped = chunk.strip()
        if stripped:
            blocks.append(Block(text=stripped, origin=f"line {line}"))
        line += chunk.count("\n") + 2
    if not blocks:
        raise ParseError("empty file")
    return ReadResult(blocks=blocks, format="txt")
