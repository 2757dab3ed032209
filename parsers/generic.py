"""Documents that are not fiches (Kamerstukken, moties, Handelingen, EUR-Lex acts):
their headings become sections, the text before the first heading is the section `algemeen`."""

from __future__ import annotations

from parsers.heading import head_lines, is_producer_title, text_date, text_title
from parsers.model import OVERIG, Document, Section
from parsers.parts import Part

# Sections longer than this are cut into passages of about PASSAGE_CHARS, at block ends.
MAX_SECTION_CHARS = 4000
PASSAGE_CHARS = 1500


def build_generic(part: Part) -> Document:
    meta = part.meta
    head = head_lines(part.blocks)
    title = meta.title if meta.title and not is_producer_title(meta.title) else ""
    doc = Document(
        id=part.id,
        source=meta.source,
        doc_type=meta.doc_type or _doc_type_for(part),
        title=title or text_title(head),
        date=meta.date or text_date(head),
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
