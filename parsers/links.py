"""References found in a document's text: COM numbers, CELEX numbers, ELI URIs, Kamerstukken."""

from __future__ import annotations

import re

from parsers.model import Document, Link

_COM = re.compile(r"\b(COM|SWD|JOIN|C)\s*\(\s*(\d{4})\s*\)\s*(\d{1,4})\b")
_CELEX = re.compile(r"\b([0-9E][12]\d{3}[A-Z]{1,2}\d{4}(?:\(\d+\))?)\b")
_ELI = re.compile(r"https?://(?:data\.europa\.eu|eur-lex\.europa\.eu)/eli/[\w/.-]+")
_KAMERSTUK = re.compile(
    r"Kamerstuk(?:ken)?\s+(?:II\s+\d{4}/\d{2,4},\s*)?(\d{2}\s?\d{3}(?:-[A-Z0-9]+)?),\s*nr\.\s*(\w+)"
)


def normalise_com(kind: str, year: str, number: str) -> str:
    """`COM (2026) 462` -> `COM(2026) 462`."""
    return f"{kind}({year}) {int(number)}"


def find_links(doc: Document) -> list[Link]:
    text = "\n".join(s.text for s in doc.sections)
    found: list[Link] = []
    for kind, year, number in _COM.findall(text):
        found.append(Link(kind="com", value=normalise_com(kind, year, number)))
    for celex in _CELEX.findall(text):
        found.append(Link(kind="celex", value=celex))
    for eli in _ELI.findall(text):
        found.append(Link(kind="eli", value=eli.rstrip("/.")))
    for dossier, number in _KAMERSTUK.findall(text):
        found.append(Link(kind="kamerstuk", value=f"kst-{dossier.replace(' ', '')}-{number}"))
    return found
