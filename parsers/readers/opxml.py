"""officielebekendmakingen OP-XML (<officiele-publicatie>): Kamerstukken, Aanhangsels,
Staatsblad, Staatscourant. Headings (kop, titel, intitule, tussenkop, vraag/antwoord numbers)
become heading Blocks, <al> and other text-bearing elements paragraphs; the identifier comes
from the metadata reference the XML carries (…/kst-32545-143/metadata.xml).
"""

from __future__ import annotations

import re
from copy import deepcopy

from parsers.readers.metadata import SOURCE, doc_type_for, public_url
from parsers.readers.xmltools import clean, first, local_name, own_text, text_of
from parsers.text import Block, ReadResult, SourceMetadata

# Elements whose whole text is one heading.
_HEADINGS = {"titel", "intitule", "tussenkop", "kop", "nota-toelichting_kop"}
# Elements whose whole text is one paragraph, whatever markup is inside.
_PARAGRAPHS = {
    "al",
    "considerans.al",
    "wij",
    "tekstregel",
    "stuknr",
    "datumtekst",
    "dossiernr",
    "kamervraagnummer",
    "kamervraagomschrijving",
    "dagtekening",
    "ondertekening",
    "slotformulering",
    "li",
    "lidnr",
    "functie",
    "naam",
    "koning",
}
_SKIP = {"metadata", "plaatje", "illustratie", "noot", "voetnoot", "meta"}
_FOOTNOTES = {"noot", "voetnoot"}
_NUMBERED = {"vraag", "antwoord"}  # their <nr> ("Vraag 1") is a heading
_EXTERN_RECORD = re.compile(r"/([a-z]+(?:-[a-z]+)?-[A-Za-z0-9-]+?)/metadata\.xml")


def is_opxml(root) -> bool:
    return local_name(root) == "officiele-publicatie"


def read_opxml(root) -> ReadResult:
    blocks: list[Block] = []
    _walk(root, blocks, path=local_name(root), depth=0)
    footnotes = [text_of(el) for el in root.iter() if local_name(el) in _FOOTNOTES]
    return ReadResult(
        blocks=[b for b in blocks if b.text],
        format="op-xml",
        meta=_metadata(root),
        footnotes=[f for f in footnotes if f],
    )


def _walk(element, blocks: list[Block], path: str, depth: int) -> None:
    for child in element:
        name = local_name(child)
        if not name or name in _SKIP:
            continue
        child_path = f"{path}/{name}"
        if name == "kop" and depth == 0:
            # The masthead directly under the root ("Staatsblad van het Koninkrijk ...")
            # names the journal: a paragraph, not a heading that would open a section.
            blocks.append(Block(_heading_text(child), origin=child_path))
        elif _is_heading(child, name):
            blocks.append(
                Block(_heading_text(child), kind="heading", level=depth, origin=child_path)
            )
        elif name in _PARAGRAPHS or own_text(child):
            # Text-bearing elements we do not know are kept as paragraphs: never drop text.
            blocks.append(Block(_paragraph_text(child), origin=child_path))
        else:
            _walk(child, blocks, child_path, depth + 1)


def _is_heading(element, name: str) -> bool:
    if name == "nr":
        parent = element.getparent()
        return parent is not None and local_name(parent) in _NUMBERED
    return name in _HEADINGS


def _paragraph_text(element) -> str:
    if not any(local_name(node) in _FOOTNOTES for node in element.iter()):
        return text_of(element)
    # Footnote bodies inside a paragraph are kept apart (ReadResult.footnotes).
    copy = deepcopy(element)
    for note in [node for node in copy.iter() if local_name(node) in _FOOTNOTES]:
        _remove_keeping_tail(note)
    return text_of(copy)


def _remove_keeping_tail(node) -> None:
    parent = node.getparent()
    previous = node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _heading_text(element) -> str:
    # <kop><label>Artikel</label><nr>1</nr></kop>: parts are words, not one word.
    children = [child for child in element if local_name(child) not in _SKIP]
    if local_name(element) == "kop" and children:
        return clean(" ".join(text_of(child) for child in children))
    return text_of(element)


# --- what the document says about itself ---------------------------------------------


def _metadata(root) -> SourceMetadata:
    identifier = _identifier(root)
    title = _title(root)
    return SourceMetadata(
        identifier=identifier,
        title=title,
        date=_date(root),
        doc_type=doc_type_for(identifier, _kamerstuk_kind(title)) if identifier else "",
        source=SOURCE if identifier else "",
        url=public_url(identifier),
        dossier=[clean(text_of(el)).replace(" ", "") for el in _all(root, "dossiernr")],
    )


def _identifier(root) -> str:
    for meta in root.iter():
        if local_name(meta) == "meta" and meta.get("name") == "OVERHEIDop.externMetadataRecord":
            found = _EXTERN_RECORD.search(meta.get("content", ""))
            if found:
                return found.group(1)
    return ""


def _title(root) -> str:
    stuk = first(root, "stuk")
    if stuk is not None:
        title = first(stuk, "titel")
        if title is not None:
            return text_of(title)
    for description in _all(root, "kamervraagomschrijving"):
        if description.get("type") == "vraag":
            return text_of(description)
    for name in ("intitule", "kamervraagonderwerp"):
        element = first(root, name)
        if element is not None:
            return text_of(element)
    titles = [el for el in _all(root, "titel") if el.getparent() is not None]
    # Skip the masthead title ("Staatsblad"): it names the journal, not the document.
    inner = [el for el in titles if el.getparent().getparent() is not root]
    return text_of(inner[0]) if inner else ""


def _kamerstuk_kind(title: str) -> str:
    lowered = title.lower()
    for kind in ("gewijzigde motie", "motie", "brief"):
        if lowered.startswith(kind):
            return kind
    return ""


def _date(root) -> str:
    """The date the document carries: signed (dagtekening), proposed (datumtekst), answered."""
    for container in ("dagtekening", "datumtekst"):
        element = first(root, container)
        date = _iso_in(element)
        if date:
            return date
    for description in _all(root, "kamervraagomschrijving"):
        if description.get("type") == "antwoord":
            date = _iso_in(description)
            if date:
                return date
    return _iso_in(root)


def _iso_in(element) -> str:
    if element is None:
        return ""
    for node in element.iter():
        iso = node.get("isodatum", "") if local_name(node) == "datum" else ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return iso
    return ""


def _all(root, name: str) -> list:
    return [el for el in root.iter() if local_name(el) == name]
