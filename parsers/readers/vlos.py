"""Tweede Kamer VLOS vergaderverslag XML (<vlosCoreDocument>): the verslag of one sitting,
a Handelingen document. Each activity is a heading, each speech "Speaker: text" a paragraph."""

from __future__ import annotations

from parsers.model import ParseError
from parsers.readers.xmltools import clean, first, local_name, text_of
from parsers.text import Block, ReadResult, SourceMetadata

_HEADINGS = {"activiteit": 1, "activiteithoofd": 2, "activiteitdeel": 3}


def is_vlos(root) -> bool:
    return local_name(root) == "vlosCoreDocument"


def read_vlos(root) -> ReadResult:
    meeting = first(root, "vergadering")
    if meeting is None:
        raise ParseError("a VLOS document without a <vergadering>")
    blocks: list[Block] = []
    _walk(meeting, blocks, "vergadering")
    return ReadResult(blocks=blocks, format="vlos", meta=_metadata(root, meeting))


def _walk(element, blocks: list[Block], path: str) -> None:
    for child in element:
        name = local_name(child)
        child_path = f"{path}/{name}"
        if name in _HEADINGS:
            title = _child_text(child, "titel")
            if title:
                blocks.append(
                    Block(title, kind="heading", level=_HEADINGS[name], origin=child_path)
                )
            _walk(child, blocks, child_path)
        elif name == "alinea":
            text = clean(
                " ".join(text_of(item) for item in child if local_name(item) == "alineaitem")
            )
            if text:
                blocks.append(Block(text, origin=child_path))
        elif name not in ("sprekers", "spreker", "titel", "onderwerp", "zaken"):
            _walk(child, blocks, child_path)


def _child_text(element, name: str) -> str:
    for child in element:
        if local_name(child) == name:
            return text_of(child)
    return ""


def _metadata(root, meeting) -> SourceMetadata:
    year = _child_text(meeting, "vergaderjaar").replace("-", "")
    number = _child_text(meeting, "vergaderingnummer")
    chamber = "tk" if "Tweede" in meeting.get("kamer", "Tweede Kamer") else "ek"
    identifier = f"{chamber}-verslag-{year}-{number}" if year and number else ""
    return SourceMetadata(
        identifier=identifier,
        title=_child_text(meeting, "titel"),
        date=_child_text(meeting, "datum")[:10],
        doc_type="handelingen",
        source="tweedekamer",
        extra={
            "status": root.get("status", ""),
            "soort": root.get("soort", ""),
            "vergaderjaar": _child_text(meeting, "vergaderjaar"),
        },
    )
