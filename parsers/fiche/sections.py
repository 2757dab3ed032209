"""A fiche's lines into canonical sections.

Headings are recognised by their words, not only their numbers: numbers are missing in some
renderings (all "1." in Markdown exports) and doubled in real fiches (the seed letters "a)"
twice in section 3). A numbered list inside a section ("1. Een verplichting voor ...") is no
heading: main headings match known words and only move forward through the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.continuation import continues
from parsers.fiche.labels import FICHE_HEADING, match_main, match_subsection
from parsers.lines import Line, split_marker
from parsers.model import Section

_MAX_HEADING = 200
_SUB_HEADING_MAX = 120
_LIST_ITEM_END = re.compile(r"[;,]$")
_PAGE = re.compile(r"p\. (\d+)(?:-(\d+))?")


@dataclass
class _Open:
    """The section being filled."""

    section: Section
    lines: list[Line] = field(default_factory=list)


def split_sections(lines: list[Line]) -> list[Section]:
    main_position = -1
    main_number = ""
    main_name = ""
    main_key = "algemeen"
    current = _Open(Section(key="algemeen", number="1"))
    done: list[_Open] = []
    for index, line in enumerate(lines):
        if index == 0 and FICHE_HEADING.match(line.text):
            continue
        marked = split_marker(line.text)
        main = _as_main(marked.text, marked.marker, main_position)
        if main:
            main_position, main_name, main_key = main
            main_number = marked.marker if marked.marker.isdigit() else str(main_position + 1)
            done.append(current)
            current = _Open(Section(key=main_key, number=main_number, heading=marked.text))
            continue
        sub_key = _as_subsection(marked, main_name, main_key, line.heading)
        if sub_key:
            done.append(current)
            number = f"{main_number}.{marked.marker}" if main_number else marked.marker
            current = _Open(Section(key=sub_key, number=number, heading=marked.text))
            continue
        current.lines.append(line)
    done.append(current)
    # A main heading directly followed by its subsections has no text of its own.
    return [_close(item) for item in done if item.lines]


def _as_main(text: str, marker: str, position: int) -> tuple[int, str, str] | None:
    """A main heading: known words, short, no sentence, later in the template than the last
    one. Unnumbered it must be the whole line ("Inhoud voorstel" in some renderings)."""
    if not text or len(text) > _MAX_HEADING or text.endswith((".", ";", ",")):
        return None
    if marker and not marker.isdigit():
        return None
    main = match_main(text)
    if not main or main[0] <= position:
        return None
    if not marker and len(text) > 60:
        return None
    return main


def _as_subsection(marked, main_name: str, main_key: str, heading: bool) -> str:
    """The key of a lettered subsection, or "" when the line is text. In section 1 letters
    are metadata labels, not subsections."""
    if not marked.marker or not marked.marker.isalpha() or main_name in ("", "algemeen"):
        return ""
    text = marked.text
    if not text or len(text) > _MAX_HEADING or _LIST_ITEM_END.search(text):
        return ""
    own = match_subsection(text)
    if own:
        return own
    if heading:
        return main_key  # the reader saw heading type (bold or italic)
    if len(text) > _SUB_HEADING_MAX or text.endswith("."):
        return ""  # a lettered list item in running text
    return main_key


def _close(item: _Open) -> Section:
    section = item.section
    section.text = _text(item.lines)
    section.origin = _origin(item.lines)
    return section


def _text(lines: list[Line]) -> str:
    """Lines of one block are joined by a newline, blocks by a blank line; a block that
    goes on with the sentence the block before it left open joins it with a space."""
    parts: list[str] = []
    previous_block = None
    for line in lines:
        if parts and line.block == previous_block:
            parts[-1] += "\n" + line.text
        elif parts and continues(parts[-1], line.text):
            parts[-1] += " " + line.text
        else:
            parts.append(line.text)
        previous_block = line.block
    return "\n\n".join(parts)


def _origin(lines: list[Line]) -> str:
    """ "p. 9-10" for PDF pages, else where the section starts."""
    pages = [
        int(number)
        for line in lines
        for match in _PAGE.finditer(line.origin)
        for number in match.groups()
        if number
    ]
    if pages:
        low, high = min(pages), max(pages)
        return f"p. {low}" if low == high else f"p. {low}-{high}"
    return lines[0].origin if lines else ""
