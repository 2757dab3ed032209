"""The lines of a run of blocks, with where each came from: fiche structure is found per line
(web renderings hard-wrap a whole fiche opening into one block), parts are cut per line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parsers.text import Block

# List furniture in front of a line: bullets, "a)", "a.", "1.", "1)", also doubled ("d) d)").
_BULLET = re.compile(r"^[•·\-–*▪◦]\s*")
_MARKER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?[.)]|[a-z][.)])(?:\s+|$)")


@dataclass
class Line:
    text: str  # as printed, stripped
    block: int  # index of the block it came from
    origin: str
    heading: bool = False  # the reader marked its block as a heading


@dataclass
class Marked:
    """A line split into its list marker ("3", "a", "") and the text after it."""

    marker: str
    text: str


# A lettered subheading run into the heading before it ("3. Nederlandse positie ... a)
# Essentie ..."): PDF readers join adjacent heading lines into one block.
_EMBEDDED_SUBHEADING = re.compile(r"\s+(?=[a-z]\)\s)")


def block_lines(blocks: list[Block]) -> list[Line]:
    lines = []
    for index, block in enumerate(blocks):
        heading = block.kind == "heading"
        for raw in block.text.splitlines():
            parts = _EMBEDDED_SUBHEADING.split(raw) if heading else [raw]
            for text in (part.strip() for part in parts):
                if text:
                    lines.append(Line(text, block=index, origin=block.origin, heading=heading))
    return lines


def split_marker(text: str) -> Marked:
    """ "• a) Titel voorstel" -> ("a", "Titel voorstel"); "d) d) EUR-Lex" -> ("d", "EUR-Lex")."""
    marker = ""
    rest = text.strip()
    while True:
        stripped = _BULLET.sub("", rest)
        match = _MARKER.match(stripped)
        if not match:
            return Marked(marker=marker, text=stripped.strip())
        marker = marker or match.group(1).rstrip(".)")
        rest = stripped[match.end() :]


def fold(text: str) -> str:
    """Lower case without accents, single spaces: "Financiële" -> "financiele"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip().lower()


def logical_lines(lines: list[Line]) -> list[Line]:
    """A marker alone on its line ("• a)" then "Titel voorstel") joins the line after it."""
    merged: list[Line] = []
    pending = ""
    for line in lines:
        marked = split_marker(line.text)
        if not marked.text:
            pending = f"{pending} {line.text}".strip()
            continue
        text = f"{pending} {line.text}" if pending else line.text
        merged.append(Line(text, line.block, line.origin, line.heading))
        pending = ""
    if pending and lines:
        # a marker with nothing after it: the item was cut off, but what came before is whole
        merged.append(Line(text=pending, block=lines[-1].block, origin=lines[-1].origin))
    return merged
