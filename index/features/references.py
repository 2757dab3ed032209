"""References resolved to archived documents, both ways: what a document cites, and which
documents cite it, each with the sentence that makes the reference."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index.archive.database import Archive
from parsers import Document, Link
from parsers.procedure import procedure_id, procedure_of


@dataclass
class Citation:
    """One resolved reference: the link (kind, value, sentence) and the document at its other
    end."""

    kind: str
    value: str
    sentence: str
    doc_id: str
    title: str
    doc_type: str
    date: str


def target_ids(link: Link) -> list[str]:
    """The archive ids a reference can point at."""
    if link.kind in ("kamerstuk", "part"):
        return [link.value]
    if link.kind == "celex":
        return [f"celex-{link.value}"]
    if link.kind == "procedure":
        return [procedure_id(link.value)]
    if link.kind == "com":
        return [f"celex-{celex}" for celex in celex_of_com(link.value)]
    return []


def celex_of_com(com: str) -> list[str]:
    """COM(2021) 206 -> 52021PC0206 (a proposal) and 52021DC0206 (another COM document);
    JOIN(2020) 5 -> 52020JC0005."""
    match = re.fullmatch(r"(COM|JOIN)\((\d{4})\) (\d+)", com)
    if not match:
        return []
    kind, year, number = match.groups()
    letters = ("PC", "DC") if kind == "COM" else ("JC",)
    return [f"5{year}{letter}{int(number):04d}" for letter in letters]


def com_of_celex(celex: str) -> str:
    """52021PC0206 -> COM(2021) 206, 52020JC0005 -> JOIN(2020) 5; "" for any other CELEX."""
    match = re.fullmatch(r"5(\d{4})(PC|DC|JC)(\d{4})", celex)
    if not match:
        return ""
    year, kind, number = match.groups()
    return f"{'JOIN' if kind == 'JC' else 'COM'}({year}) {int(number)}"


def identifiers(doc: Document) -> list[tuple[str, str]]:
    """The (kind, value) links that name this document: its kst id, its CELEX number (and the
    COM number a proposal's CELEX stands for), its procedure reference."""
    pairs = [("kamerstuk", doc.id), ("part", doc.id)]
    if doc.id.startswith("celex-"):
        celex = doc.id.removeprefix("celex-")
        pairs.append(("celex", celex))
        if com := com_of_celex(celex):
            pairs.append(("com", com))
    procedure = procedure_of(doc)
    if procedure is not None:
        pairs.append(("procedure", procedure.reference))
    return pairs


def cites(archive: Archive, doc: Document) -> list[Citation]:
    """The archived documents this one refers to, in the order it refers to them."""
    out = []
    for link in doc.links:
        if link.kind == "part":
            continue
        for ref in archive.refs(t for t in target_ids(link) if t != doc.id):
            out.append(_citation(link, ref.id, ref.title, ref.doc_type, ref.date))
    return _once(out)


def cited_by(archive: Archive, doc: Document) -> list[Citation]:
    """The archived documents that refer to this one, oldest first."""
    names = set(identifiers(doc))
    out = []
    for other in archive.documents(i for i in archive.ids_with_links(names) if i != doc.id):
        for link in other.links:
            if link.kind != "part" and (link.kind, link.value) in names:
                out.append(_citation(link, other.id, other.title, other.doc_type, other.date))
    return sorted(_once(out), key=lambda c: (c.date or "9999", c.doc_id))


def _citation(link: Link, doc_id: str, title: str, doc_type: str, date: str) -> Citation:
    return Citation(link.kind, link.value, link.sentence, doc_id, title, doc_type, date)


def _once(citations: list[Citation]) -> list[Citation]:
    """One citation per document at the other end: the first reference made to it."""
    seen: dict[str, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.doc_id, citation)
    return list(seen.values())


def resolve_targets(archive: Archive, documents: Iterable[Document]) -> None:
    """Give every link whose target the archive holds its `target_id` (in place): the parsers
    set it only for the parts of one file, the rest is known once the archive is."""
    documents = list(documents)
    wanted = {
        target
        for doc in documents
        for link in doc.links
        if not link.target_id
        for target in target_ids(link)
        if target != doc.id
    }
    held = {ref.id for ref in archive.refs(sorted(wanted))}
    for doc in documents:
        for link in doc.links:
            if not link.target_id:
                found = [t for t in target_ids(link) if t in held and t != doc.id]
                link.target_id = found[0] if found else ""
