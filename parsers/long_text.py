"""Text longer than a section may be (parsers/limits.py, max_section_chars) cut into pieces
at the best bound in reach: a paragraph break, else a sentence end, else a space, else
anywhere. A 20 MB text on one line becomes sections a search engine and a web page can
handle, and no word of it is lost."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.model import Section
from parsers.text import Block

# A sentence ends with . ! ? (and maybe a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"')\]’”]*\s")
# A block over the section limit is no paragraph (a text file on one line): it is cut into
# pieces of about a long paragraph's length, which the structure stage handles as usual.
PARAGRAPH_CHARS = 4000


def text_pieces(text: str, max_chars: int) -> list[str]:
    """`text` in consecutive pieces of at most `max_chars` characters, cut at a paragraph
    break, a sentence end or a space in the second half of each piece when there is one."""
    if len(text) <= max_chars:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at `start` and may not pass `limit`."""
    half = start + (limit - start) // 2
    paragraph = text.rfind("\n\n", half, limit)
    if paragraph > 0:
        return paragraph + 2
    ends = [found.end() for found in _SENTENCE_END.finditer(text, half, limit)]
    if ends:
        return ends[-1]  # the last sentence end in reach
    space = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
    return space + 1 if space > start else limit


def split_long_blocks(blocks: list[Block], max_chars: int) -> list[Block]:
    """Each block over `max_chars` as consecutive blocks of the same kind and origin, of at
    most PARAGRAPH_CHARS (or `max_chars` when that is less) each."""
    piece_chars = min(max_chars, PARAGRAPH_CHARS)
    out: list[Block] = []
    for block in blocks:
        if len(block.text) <= max_chars:
            out.append(block)
            continue
        out.extend(replace(block, text=piece) for piece in text_pieces(block.text, piece_chars))
    return out


def split_long_sections(sections: list[Section], max_chars: int) -> list[Section]:
    """Each section over `max_chars` as consecutive sections under the same key, number and
    heading."""
    out: list[Section] = []
    for section in sections:
        if len(section.text) <= max_chars:
            out.append(section)
            continue
        out.extend(replace(section, text=p) for p in text_pieces(section.text, max_chars))
    return out
