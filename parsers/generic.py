"""Documents that are not fiches (Kamerstukken, moties, Handelingen, EUR-Lex acts):
their headings become sections, the text before the first heading is the section `algemeen`."""

from __future__ import annotations

from parsers.model import OVERIG, Document, Section
from parsers.parts import Part

# Sections longer than this are cut into passages of about PASSAGE_CHARS, at block ends.
MAX_SECTION_CHARS = 4000
PASSAGE_CHARS = 1500


def build_generic(part: Part) -> Document:
    meta = part.meta
    doc = Document(
        id=part.id,
        source=meta.source,
        doc_type=meta.doc_type or _doc_type_for(part),
        title=meta.title or _first_line(part),
        date=meta.date,
        dossier=list(meta.dossier),
        url=meta.url,
        metadata=dict(meta.extra),
    )
    doc.sections = headings_as_sections(part)
    return doc


def headings_as_sections(part: Part) -> list[Section]:
    sections: list[Section] = []
    current = Section(key="algemeen", heading="", text="", origin="")
    body: list[str] = []
    for block in part.blocks:
        if block.kind == "heading":
            _close(current, body, sections)
            current = Section(key=OVERIG, heading=block.text, origin=block.origin)
            body = []
            continue
        if not current.origin:
            current.origin = block.origin
        body.append(block.text)
    _close(current, body, sections)
    return sections


def _close(section: Section, body: list[str], sections: list[Section]) -> None:
    """Add the section; a long one (a flat EUR-Lex text, a chapter without subheadings) as
    consecutive passages under the same key and heading, so that search hits, ranking and
    snippets point at a passage instead of one giant block."""
    if not body:
        if section.heading:
            sections.append(section)
        return
    for group in _passages(body):
        sections.append(
            Section(
                key=section.key,
                number=section.number,
                heading=section.heading,
                text="\n\n".join(group),
                origin=section.origin,
            )
        )


def _passages(body: list[str]) -> list[list[str]]:
    if sum(len(b) for b in body) <= MAX_SECTION_CHARS:
        return [body]
    groups: list[list[str]] = [[]]
    length = 0
    for block in body:
        if length >= PASSAGE_CHARS:
            groups.append([])
            length = 0
        groups[-1].append(block)
        length += len(block)
    return groups


def _doc_type_for(part: Part) -> str:
    if part.kind != "document":
        return part.kind
    return "document"


def _first_line(part: Part) -> str:
    for block in part.blocks:
        line = block.text.strip().splitlines()[0] if block.text.strip() else ""
        if line:
            return line[:200]
    return ""
