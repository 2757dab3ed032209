"""Fiche metadata from section 1 (Algemene gegevens): label lines and the values below them.

A value ends at the next label, a section heading, a bare list marker or a line of running
text (the table rendering runs section 2 straight on). A value that runs to the end of the
text was cut off by the excerpt and is left out: absent, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parsers.dates import parse_dutch_date
from parsers.fiche.labels import (
    COMBINED_PARTS,
    inline_label_starts,
    match_label,
    match_main,
    named_keys,
)
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
    keys: tuple[str, ...] = ()  # the keys a combined item names ("Rechtsbasis en ...")


def extract_metadata(lines: list[Line]) -> dict:
    """Metadata under the keys of model.METADATA_KEYS, from the lines of a fiche."""
    fields = _fields(lines)
    metadata: dict = {}
    for item in fields:
        if not item.complete or item.key in metadata:
            continue
        lines = _rejoined_links(item.lines) if item.key == "eurlex_url" else item.lines
        value = _value_text(lines)
        if len(item.keys) > 1:
            for key, part in _combined_values(item.keys, value).items():
                if key not in metadata:
                    _store(metadata, key, part)
        elif value:
            _store(metadata, item.key, value)
    return metadata


def _combined_values(keys: tuple[str, ...], value: str) -> dict[str, str]:
    """The value of a combined item over the keys it names, by what each piece says ("Artikel
    114 VWEU; gekwalificeerde meerderheid; medebeslissing"). A piece that says none of them
    belongs to the one before ("Artikel 114, 115 en 352 VWEU" split at its commas)."""
    parts: dict[str, list[str]] = {}
    current = ""
    for piece in re.split(r"\s*[;\n]\s*|,\s+", value):
        kind = next((k for k, says in COMBINED_PARTS if k in keys and says.search(piece)), "")
        if kind and kind not in parts:
            current = kind
            parts[current] = []
        if current and piece:
            parts[current].append(piece)
    return {key: ", ".join(pieces).strip(" .") for key, pieces in parts.items()}


def _fields(lines: list[Line]) -> list[_Field]:
    fields: list[_Field] = []
    current: _Field | None = None
    for line in _one_field_per_line(lines):
        marked = split_marker(line.text)
        label = match_label(line.text)  # looks at the first LABEL_WINDOW characters only
        repeats_label = label and current and label[0] == current.key and label[1]
        if label and _starts_field(line.text, marked.marker, label[1]) and not repeats_label:
            if current:
                current.complete = True
            label_text = line.text[: line.text.rfind(label[1])] if label[1] else line.text
            current = _Field(key=label[0], keys=named_keys(label_text))
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


def _starts_field(text: str, marker: str, value: str) -> bool:
    """A label alone on its line, lettered ("h) Rechtsbasis: ..."), or followed by a colon on
    an older title page ("Datum ontvangst Commissiedocument: 17 juli 2012"); not a line of
    prose that starts with a label's words."""
    if not value or marker:
        return True
    return text[: text.rfind(value)].rstrip().endswith(":")


def _one_field_per_line(lines: list[Line]):
    """The lines of the fiche, a line that holds several labelled fields cut before each
    label ("f) Behandelingstraject Raad: Raad WSBVC g) Eerstverantwoordelijk ministerie: ...")."""
    for line in lines:
        starts = inline_label_starts(line.text) if len(line.text) < 2000 else []
        if not starts:
            yield line
            continue
        for begin, end in zip([0, *starts], [*starts, len(line.text)], strict=True):
            piece = line.text[begin:end].strip()
            if piece:
                yield Line(piece, line.block, line.origin)


def _ends_section_1(text: str, marker: str, current: _Field, line: Line) -> bool:
    if not text:
        return False
    if marker.isdigit():
        return True  # a numbered line that is no label: the next main section, cut or not
    main = match_main(text) if len(text) < 120 else None
    if main and main[1] != "algemeen":
        return True
    return current.key in _SHORT_VALUES and bool(current.lines) and len(line.text) > _PROSE


# A line that holds the rest of a link broken at the line end ("...&qid=1666" / "880732789"):
# one run of the characters of a URL, with a digit or a URL's punctuation in it, so that a
# word on the next line ("Engelse versie") is never taken for a piece of the link.
_LINK_END = re.compile(r"https?://\S+$|www\.\S+$")
_LINK_REST = re.compile(r"(?=\S*[\d%&=?/#])[\w%&=?/:.#~+;,-]+")
# Shorter than this, a line with a link ends where the link does: no page is that narrow.
_LINK_WRAPPED = 50


def _rejoined_links(lines: list[Line]) -> list[Line]:
    """The lines of a value with a link that a PDF or a narrow page broke over two lines
    glued back, without the space a line break becomes."""
    rejoined: list[Line] = []
    for line in lines:
        previous = rejoined[-1] if rejoined else None
        text = line.text.strip()
        if (
            previous
            and len(previous.text) >= _LINK_WRAPPED
            and _LINK_END.search(previous.text)
            and _LINK_REST.fullmatch(text)
            and not text.lower().startswith(("http", "www."))
        ):
            rejoined[-1] = replace(previous, text=previous.text + text)
            continue
        rejoined.append(line)
    return rejoined


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
