"""Documents that are not fiches (Kamerstukken, moties, Handelingen, EUR-Lex acts):
their headings become sections, the text before the first heading is the section `algemeen`."""

from __future__ import annotations

from parsers.model import OVERIG, Document, Section
from parsers.parts import Part


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
    section.text = "\n\n".join(body)
    if section.text or section.heading:
        sections.append(section)


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
