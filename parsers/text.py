"""What a reader hands to the structure stage: text in reading order, with structure.

Readers know formats (PDF, OP-XML, HTML, Formex, Word); they know nothing of fiches.
The structure stage (documents.py, fiche.py) knows fiches; it knows nothing of formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.model import OcrPage


@dataclass
class Block:
    """A paragraph or a heading, in reading order."""

    text: str
    kind: str = "paragraph"  # "paragraph" or "heading"
    level: int = 0  # heading depth when the format says so (1 = top), 0 when unknown
    origin: str = ""  # "p. 3" for PDF, an element path for XML, "" when unknown


@dataclass
class SourceMetadata:
    """What the file (or its metadata.xml) says about itself. Empty string = not stated."""

    identifier: str = ""  # kst-32545-143, 2015D04817, 32016R0679, ...
    title: str = ""
    date: str = ""  # ISO
    doc_type: str = ""
    source: str = ""  # officielebekendmakingen, tweedekamer, eurlex, local
    url: str = ""
    dossier: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # other fields worth keeping

    @property
    def is_eu_publication(self) -> bool:
        """An EU act or proposal: one document (never a Woo bundle or a fiche), and the
        Commission's or Council's words, never the Dutch cabinet's stance."""
        return self.source == "eurlex" or self.doc_type.startswith("eu-")


@dataclass
class ReadResult:
    """A reader's output: the blocks of the file and what it says about itself."""

    blocks: list[Block]
    format: str  # "pdf", "txt", "op-xml", "html", "eurlex-html", "formex", "docx", "odt", ...
    meta: SourceMetadata = field(default_factory=SourceMetadata)
    footnotes: list[str] = field(default_factory=list)  # kept out of the body text
    ocr_pages: list[OcrPage] = field(default_factory=list)  # PDF pages read by OCR

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)
