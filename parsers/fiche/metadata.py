"""Fiche metadata from section 1 (Algemene gegevens): label lines and the values below them.

A value ends at the next label, a section heading, a bare list marker or a line of running
text (the table rendering runs section 2 straight on). A value that runs to the end of the
text was cut off by the excerpt and is left out: absent, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.dates import parse_dutch_date
from parsers.fiche.labels import match_label, match_main
from parsers.lines import Line, split_marker
from parsers.links import celex_numbers, com_numbers, eurlex_urls
from parsers.model import METADATA_KEYS

# Longer than this, a line under a short label is running text of the next section.
_PROSE = 250
# Every label but the proposal's title (which may run long) has a short value; "celex" is no
# label, it is read from the EUR-Lex link.
_SHORT_VALUES = set(METADATA_KEYS) - {"titel_voorstel", "celex"}
_EMPTY = re.compile(r"^[-–—]?$")


@dataclass
class _Field:
    key: str
    lines: list[Line] = field(default_factory=list)
    complete: bool = False


def extract_metadata(lines: list[Line]) -> dict:
    """Metadata under the keys of model.METADATA_KEYS, from the lines of a fiche."""
    fields = _fields(lines)
    metadata: dict = {}
    for item in fields:
        if not item.complete or item.key in metadata:
            continue
        value = _value_text(item.lines)
        if value:
            _store(metadata, item.key, value)
    return metadata


def _fields(lines: list[Line]) -> list[_Field]:
    fields: list[_Field] = []
    current: _Field | None = None
    for line in lines:
        marked = split_marker(line.text)
        label = match_label(line.text) if len(marked.text) < 160 else None
        repeats_label = label and current and label[0] == current.key and label[1]
        if label and (not label[1] or marked.marker) and not repeats_label:
            if current:
                current.complete = True
            current = _Field(key=label[0])
            fields.append(current)
            if label[1]:
                current.lines.append(Line(label[1], line.block, line.origin))
            continue
        if current is None:
            continue
        if _ends_section_1(marked.text, marked.marker, current, line):
            current.complete = True
            return fields
        if not marked.text:
            current.complete = True
            continue
        current.lines.append(Line(marked.text, line.block, line.origin))
    return fields


def _ends_section_1(text: str, marker: str, current: _Field, line: Line) -> bool:
    if not text:
        return False
    if marker.isdigit():
        return True  # a numbered line that is no label: the next main section, cut or not
    main = match_main(text) if len(text) < 120 else None
    if main and main[1] != "algemeen":
        return True
    return current.key in _SHORT_VALUES and bool(current.lines) and len(line.text) > _PROSE


def _value_text(lines: list[Line]) -> str:
    """Lines of one block (a hard-wrapped rendering) join with a space, blocks with a newline."""
    text = ""
    previous_block = None
    for line in lines:
        if _EMPTY.match(line.text):
            continue
        if text:
            text += " " if line.block == previous_block else "\n"
        text += line.text
        previous_block = line.block
    return text.strip()


def _store(metadata: dict, key: str, value: str) -> None:
    if key == "datum_ontvangst":
        date = parse_dutch_date(value)
        if date:
            metadata[key] = date
        return
    if key == "com_numbers":
        numbers = com_numbers(value)
        if numbers:
            metadata[key] = numbers
        return
    if key == "eurlex_url":
        _store_eurlex(metadata, value)
        return
    metadata[key] = value


def _store_eurlex(metadata: dict, value: str) -> None:
    urls = eurlex_urls(value)
    if urls:
        metadata["eurlex_url"] = urls[0]
    celex = celex_numbers(value)
    if celex:
        metadata["celex"] = celex[0]
