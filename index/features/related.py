"""The documents around a document: a fiche's Commission document (EUR-Lex), other fiches on
the same COM number, and archived documents it refers to (its parts, Kamerstukken)."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.archive.database import Archive, DocRef
from parsers import Document


@dataclass
class Related:
    commission: list[DocRef] = field(default_factory=list)
    same_com: list[DocRef] = field(default_factory=list)
    linked: list[DocRef] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.commission or self.same_com or self.linked)


def com_numbers(doc: Document) -> list[str]:
    numbers = [str(n) for n in doc.metadata.get("com_numbers") or []]
    numbers += [lk.value for lk in doc.links if lk.kind == "com"]
    return list(dict.fromkeys(numbers))


def celex_numbers(doc: Document) -> list[str]:
    numbers = [str(doc.metadata["celex"])] if doc.metadata.get("celex") else []
    numbers += [lk.value for lk in doc.links if lk.kind == "celex"]
    return list(dict.fromkeys(numbers))


def is_commission_document(ref: DocRef) -> bool:
    return ref.source == "eurlex" or ref.id.startswith("celex-") or ref.doc_type.startswith("eu-")


def related_documents(archive: Archive, doc: Document) -> Related:
    by_com = [r for r in archive.refs(archive.ids_with_com(com_numbers(doc))) if r.id != doc.id]
    by_celex = archive.refs(f"celex-{n}" for n in celex_numbers(doc))
    commission = _unique(by_celex + [r for r in by_com if is_commission_document(r)])
    same_com = [r for r in by_com if r.doc_type == "fiche"]
    shown = {r.id for r in commission + same_com} | {doc.id}
    targets = [lk.target_id for lk in doc.links if lk.target_id]
    targets += [lk.value for lk in doc.links if lk.kind == "kamerstuk"]
    linked = [r for r in archive.refs(targets) if r.id not in shown]
    return Related(commission=commission, same_com=same_com, linked=linked)


def _unique(refs: list[DocRef]) -> list[DocRef]:
    return list({r.id: r for r in refs}.values())
