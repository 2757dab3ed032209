"""The Document model shared by every stage: parsers produce it, the archive stores it,
the index searches it, the CLI and web print it.

Plain dataclasses, no behaviour beyond (de)serialisation to the JSON shape in ARCHITECTURE.md.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

# Canonical section keys (ARCHITECTURE.md). Text that fits none is kept under OVERIG.
SECTION_KEYS = (
    "algemeen",
    "essentie",
    "positie.beleid",
    "positie.beoordeling",
    "positie.krachtenveld",
    "bevoegdheid",
    "subsidiariteit",
    "proportionaliteit",
    "financiele_gevolgen",
    "regeldruk",
    "juridisch",
    "uitvoering",
    "ontwikkelingslanden",
)
OVERIG = "overig"

# Aspect stances ("grondhouding") and paragraph stances in the position sections.
ASPECTS = ("bevoegdheid", "subsidiariteit", "proportionaliteit")
ASPECT_LABELS = ("positief", "negatief", "gedeeltelijk", "geen_oordeel")
PARAGRAPH_LABELS = (
    "steunt",
    "steunt_onder_voorwaarden",
    "terughoudend",
    "kritisch",
    "verwerpt",
    "neutraal",
)
# The fiche's overall position: one stance with aspect "positie", a label of PARAGRAPH_LABELS.
OVERALL_POSITION = "positie"
# The rows of the stance timeline and facets, each with its label set.
TIMELINE_LABELS: dict[str, tuple[str, ...]] = {
    **{aspect: ASPECT_LABELS for aspect in ASPECTS},
    OVERALL_POSITION: PARAGRAPH_LABELS,
}


# Fiche metadata keys from section 1 (Algemene gegevens).
METADATA_KEYS = (
    "titel_voorstel",
    "datum_ontvangst",
    "com_numbers",
    "celex",
    "eurlex_url",
    "impact_assessment",
    "behandelingstraject_raad",
    "ministerie",
    "rechtsbasis",
    "besluitvormingsprocedure_raad",
    "rol_ep",
)


@dataclass
class Section:
    """One section of a document, under its canonical key."""

    key: str
    number: str = ""  # as printed: "4.b", "3", "" when unnumbered
    heading: str = ""
    text: str = ""
    # Where it came from: "p. 3-4" for PDF, an element path for XML, a line range for text.
    origin: str = ""


@dataclass
class Stance:
    """A stance label with the sentence that carries it.

    `aspect` is one of ASPECTS for the grondhouding, OVERALL_POSITION for the fiche's overall
    position, or the section key (for instance "positie.beoordeling") for the stance of one
    sentence in a position section. Offsets are character offsets of the
    evidence inside the text of the section named by `section_key`.
    """

    aspect: str
    label: str
    evidence: str
    section_key: str = ""
    start: int = 0
    end: int = 0

    def span_in(self, text: str) -> tuple[int, int] | None:
        """Where the evidence sits in the section text: at its offsets when they hold it, else
        where it is found (offsets drift when a parser normalises whitespace differently)."""
        evidence = self.evidence.strip()
        words = evidence.split()
        if not words:
            return None
        start, end = self.start, self.end
        if 0 <= start < end <= len(text) and text[start:end].split() == words:
            return start, end
        found = text.find(evidence)
        if found >= 0:
            return found, found + len(evidence)
        match = re.search(r"\s+".join(map(re.escape, words)), text)
        return (match.start(), match.end()) if match else None


@dataclass
class Link:
    """A reference found in the text: kind is com (COM, SEC, SWD, JOIN, C numbers), celex
    (also EU acts named in the text), eli, ecli, kamerstuk, procedure, eurlex (a URL) or part."""

    kind: str
    value: str
    target_id: str = ""  # a document id when the target is known
    sentence: str = ""  # the sentence of the text that makes the reference


@dataclass
class OcrPage:
    """A PDF page read by OCR because it had no text layer, and how well that went."""

    page: int  # 1-based page number in the file
    confidence: float = 0.0  # mean word confidence, 0-100 (Tesseract's)
    # ok, low_confidence, timeout, failed; blank (no ink: not sent to OCR); skipped (past
    # the limit of OCR pages per document, parsers/limits.py)
    status: str = "ok"
    reason: str = ""  # why a page failed, timed out or was not read
    words: int = 0

    @property
    def flagged(self) -> bool:
        """A page whose text should not be trusted without looking at the scan."""
        return self.status not in ("ok", "blank")


@dataclass
class Document:
    id: str
    source: str = ""  # officielebekendmakingen, tweedekamer, eurlex, local
    doc_type: str = ""  # fiche, kamerstuk, kamerbrief, beslisnota, eu-proposal, ...
    title: str = ""
    date: str = ""  # ISO yyyy-mm-dd, "" when unknown
    dossier: list[str] = field(default_factory=list)
    url: str = ""
    sha256: str = ""
    parser_version: str = ""
    format: str = ""  # the reader that produced it: pdf, op-xml, html, txt, ...
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ocr_pages: list[OcrPage] = field(default_factory=list)  # pages read by OCR, if any

    def to_json(self) -> dict[str, Any]:
        """The JSON shape in ARCHITECTURE.md (`parse --json`, `show --json`)."""
        return {
            "id": self.id,
            "source": self.source,
            "doc_type": self.doc_type,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "dossier": list(self.dossier),
            "sha256": self.sha256,
            "parser_version": self.parser_version,
            "format": self.format,
            "metadata": dict(self.metadata),
            "sections": [
                {
                    "key": s.key,
                    "number": s.number,
                    "heading": s.heading,
                    "text": s.text,
                    "origin": s.origin,
                }
                for s in self.sections
            ],
            "stances": [asdict(s) for s in self.stances],
            "links": [asdict(link) for link in self.links],
            "ocr_pages": [asdict(page) for page in self.ocr_pages],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data["id"],
            source=data.get("source", ""),
            doc_type=data.get("doc_type", ""),
            title=data.get("title", ""),
            date=data.get("date", ""),
            dossier=list(data.get("dossier", [])),
            url=data.get("url", ""),
            sha256=data.get("sha256", ""),
            parser_version=data.get("parser_version", ""),
            format=data.get("format", ""),
            metadata=dict(data.get("metadata", {})),
            sections=[Section(**s) for s in data.get("sections", [])],
            stances=[Stance(**s) for s in data.get("stances", [])],
            links=[Link(**link) for link in data.get("links", [])],
            ocr_pages=[OcrPage(**page) for page in data.get("ocr_pages", [])],
        )

    def section(self, key: str) -> Section | None:
        """The first section with this key, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def stance(self, aspect: str) -> Stance | None:
        return next((s for s in self.stances if s.aspect == aspect), None)


class ParseError(Exception):
    """A file that cannot be turned into Documents. The message names the reason in one line."""

    def __init__(self, reason: str, path: str = ""):
        reason = " ".join(reason.split())  # one line, whatever a library put in its message
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class NotADocument(ParseError):
    """A file that holds no document of its own: a metadata sidecar, a search listing, a
    Cellar notice, a Formex wrapper. An import counts it apart from the failures."""


class MissingTool(ParseError):
    """A program the file needs is not installed (Tesseract for a scan, antiword for a .doc).
    Not the file's fault: it is not recorded as a parse failure, so a run after installing
    the program reads it."""
