"""Fiche structure: find every BNC-fiche in a part and build its Document: canonical sections
(fiche/sections.py), section-1 metadata (fiche/metadata.py), title, date and links."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.fiche.labels import FICHE_HEADING
from parsers.fiche.metadata import extract_metadata
from parsers.fiche.sections import split_sections
from parsers.lines import block_lines, logical_lines
from parsers.links import celex_numbers
from parsers.model import Document, Link
from parsers.parts import Part


@dataclass
class FicheSpan:
    """Where one fiche sits inside a part: block indexes [start, end)."""

    start: int
    end: int
    title: str = ""
    revised: bool = False  # "Herzien fiche: ...": the cabinet's second word on a proposal


def find_fiches(part: Part) -> list[FicheSpan]:
    """Every fiche in the part. split_parts gives each fiche its own part, so a fiche part
    holds exactly one fiche and any other part none."""
    if part.kind != "fiche" or not part.blocks:
        return []
    first = part.blocks[0].text.splitlines()[0].strip()
    heading = FICHE_HEADING.match(first)
    if not heading:
        return [FicheSpan(start=0, end=len(part.blocks))]
    revised = bool(heading.group("revised"))
    return [FicheSpan(0, len(part.blocks), title=heading.group("title"), revised=revised)]


def build_fiche(part: Part, span: FicheSpan) -> Document:
    lines = logical_lines(block_lines(part.blocks[span.start : span.end]))
    metadata = extract_metadata(lines)
    meta = part.meta
    doc = Document(
        id=part.id,
        source=meta.source,
        doc_type="fiche",
        title=_title(span, metadata),
        date=_date(meta.date, metadata),
        dossier=list(meta.dossier),
        url=meta.url,
        metadata=metadata,
    )
    doc.sections = split_sections(lines)
    doc.links = _metadata_links(metadata)
    return doc


def _title(span: FicheSpan, metadata: dict) -> str:
    if span.title:
        return f"{'Herzien fiche' if span.revised else 'Fiche'}: {span.title.strip()}"
    titel = metadata.get("titel_voorstel", "").split("\n")[0]
    return f"Fiche: {titel[:200]}" if titel else "Fiche"


def _date(letter_date: str, metadata: dict) -> str:
    """The cover letter's date; without a letter the date the proposal was received, when
    the fiche prints it in full."""
    if letter_date:
        return letter_date
    received = metadata.get("datum_ontvangst", "")
    return received if len(received) == 10 else ""


def _metadata_links(metadata: dict) -> list[Link]:
    links = [Link(kind="com", value=number) for number in metadata.get("com_numbers", [])]
    eurlex = metadata.get("eurlex_url", "")
    for celex in celex_numbers(eurlex) or ([metadata["celex"]] if "celex" in metadata else []):
        links.append(Link(kind="celex", value=celex))
    if eurlex:
        links.append(Link(kind="eurlex", value=eurlex))
    return links
