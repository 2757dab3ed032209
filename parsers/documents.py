"""Bytes -> Documents: pick a reader, split the file into its parts, build one Document per part."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from parsers.characters import without_controls
from parsers.detect import read_bytes
from parsers.fiche.build import build_fiche, find_fiches
from parsers.generic import build_generic
from parsers.limits import Limits, current_limits
from parsers.links import find_links
from parsers.long_text import split_long_blocks, split_long_sections
from parsers.model import Document, Link, OcrPage, ParseError, Section
from parsers.parts import Part, split_parts
from parsers.procedure import procedure_notice_document
from parsers.readers.metadata import find_sidecars, merge_metadata, read_metadata_bytes
from parsers.readers.ocr import OcrSettings
from parsers.stance import label_stances
from parsers.text import ReadResult, SourceMetadata

# Bump when parsing changes what a Document holds: `reparse` redoes older ones.
PARSER_VERSION = "9"  # 8: control characters dropped, limits (parsers/limits.py), fiche heading
# variants and opening fields sharing a line, stance wording families; 9: numeric dates
# ("12-03-2015", "12/3/2015", "2015-03-12") in date fields, a page's date field dates a Kamerstuk,
# a fiche page without headings is no EUR-Lex page, a link a PDF breaks over two lines is whole;
# stance holders (another actor's report, foreign governments, the government addressed by a
# request, speaker turns, impersonal judgements only where the cabinet speaks) and the wording
# families of issue 23's family table


def parse_bytes(
    data: bytes,
    filename: str = "",
    source: str = "local",
    url: str = "",
    sidecars: Sequence[bytes] = (),
    ocr: OcrSettings | None = None,
    identity: str = "",
    fallback_id: str = "",
    limits: Limits | None = None,
) -> list[Document]:
    """Every Document in one file. Raises ParseError with a one-line reason.

    `sidecars`: the publisher's metadata records for this file (metadata.xml,
    metadata_owms.xml), merged over what the file says about itself. `ocr`: how PDF pages
    without a text layer are read (cache, time budget, progress). `identity`: the id the
    listing that fetched the file gave it (the SRU record's kst-22112-3516): it wins over what
    the file says. `fallback_id`: the id when neither names one (tk-2025D01713). `limits`:
    what one file may cost (parsers/limits.py; the process's when None)."""
    limits = limits or current_limits()
    if not data.strip():
        raise ParseError("empty file", filename)
    sha = hashlib.sha256(data).hexdigest()
    procedure = procedure_notice_document(data)
    if procedure is not None:
        return _finish([procedure], sha, source, url)
    try:
        read = read_bytes(data, filename, ocr, limits)
    except ParseError as error:
        error.path = error.path or filename
        raise
    read.blocks = split_long_blocks(read.blocks, limits.max_section_chars)
    sidecar = sidecar_metadata(sidecars)
    if sidecar is not None:
        read.meta = merge_metadata(read.meta, sidecar)
    if identity:
        _take_listed_identity(read.meta, identity, source)
    _without_controls(read)
    documents = []
    parts = split_parts(read, fallback_id=fallback_id or _fallback_id(filename, sha))
    ocr_pages = _ocr_pages_per_part(parts, read.ocr_pages)
    for part, part_ocr in zip(parts, ocr_pages, strict=True):
        fiches = find_fiches(part)
        docs = [build_fiche(part, fiche) for fiche in fiches] if fiches else [build_generic(part)]
        for doc in docs:
            doc.sections = split_long_sections(doc.sections, limits.max_section_chars)
            doc.format = part.format
            doc.ocr_pages = list(part_ocr)
            # Stances are the Dutch cabinet's: EU texts use the same words for other views.
            if not part.meta.is_eu_publication:
                doc.stances = label_stances(_stance_budget(doc, limits.max_stance_chars))
            found = find_links(doc, _footnotes_of(part, parts), part.meta.is_eu_publication)
            doc.links = _merge_links(doc.links, found)
        documents.extend(docs)
    _link_parts(documents)
    return _finish(documents, sha, source, url)


def _without_controls(read: ReadResult) -> None:
    """Control characters (a broken export's, or a hostile file's ESC) are no text."""
    for block in read.blocks:
        block.text = without_controls(block.text)
    read.footnotes = [without_controls(note) for note in read.footnotes]
    read.meta.title = without_controls(read.meta.title)
    for key, value in read.meta.extra.items():
        read.meta.extra[key] = without_controls(value)


def _stance_budget(doc: Document, max_chars: int) -> list[Section]:
    """The document's first sections, as many as hold at most `max_chars` characters
    together; when that is not all of them, its metadata says so."""
    total = 0
    for count, section in enumerate(doc.sections):
        total += len(section.text)
        if total > max_chars:
            doc.metadata["limits"] = (
                f"stances read in the first {count} of {len(doc.sections)} sections only:"
                f" the limit is {max_chars:,} characters (FICHE_LIMIT_MAX_STANCE_CHARS)"
            )
            return doc.sections[:count]
    return doc.sections


def _finish(documents: list[Document], sha: str, source: str, url: str) -> list[Document]:
    for doc in documents:
        doc.title = without_controls(doc.title)
        doc.sha256 = sha
        doc.parser_version = PARSER_VERSION
        doc.source = doc.source or source
        doc.url = doc.url or url
    return documents


def parse_file(path: str | Path) -> list[Document]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"cannot read file ({error.strerror})", str(path)) from None
    return parse_bytes(data, filename=str(path), sidecars=read_sidecars(path))


def read_sidecars(path: str | Path) -> list[bytes]:
    """The bytes of the metadata.xml / metadata_owms.xml files next to a document."""
    out = []
    for sidecar in find_sidecars(path):
        try:
            out.append(sidecar.read_bytes())
        except OSError:
            continue
    return out


def sidecar_metadata(sidecars: Sequence[bytes]) -> SourceMetadata | None:
    """The sidecars merged into one record. A broken sidecar is ignored: the document itself
    still parses."""
    merged = None
    for data in sidecars:
        try:
            meta = read_metadata_bytes(data)
        except ParseError:
            continue
        merged = meta if merged is None else merge_metadata(merged, meta)
    return merged


def _fallback_id(filename: str, sha: str) -> str:
    """An id for a file that names none itself: the file stem, made safe, plus a hash prefix."""
    stem = Path(filename).stem.lower() if filename else "doc"
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-")[:60]
    return f"file-{safe}-{sha[:8]}" if safe else f"file-{sha[:12]}"


_PAGES = re.compile(r"^p\. (\d+)(?:-(\d+))?")


def _ocr_pages_per_part(parts: list[Part], ocr_pages: list[OcrPage]) -> list[list[OcrPage]]:
    """The OCR'd pages of each part: those its text comes from. A page that gave no text
    belongs to the last part that starts before it."""
    covered = [_pages_of(part) for part in parts]
    per_part: list[list[OcrPage]] = [[] for _ in parts]
    for page in ocr_pages:
        owners = [i for i, pages in enumerate(covered) if page.page in pages]
        if not owners:
            before = [i for i, pages in enumerate(covered) if pages and min(pages) < page.page]
            owners = [before[-1] if before else 0]
        for owner in owners:
            per_part[owner].append(page)
    return per_part


def _pages_of(part: Part) -> set[int]:
    pages: set[int] = set()
    for block in part.blocks:
        found = _PAGES.match(block.origin)
        if found:
            first = int(found.group(1))
            pages.update(range(first, int(found.group(2) or first) + 1))
    return pages


def _take_listed_identity(meta: SourceMetadata, identity: str, source: str) -> None:
    """Identity and source come from the listing, never from what the text cites: a fiche
    listed by KOOP that links its proposal on EUR-Lex is still kst-…, and no EU text."""
    meta.identifier = identity
    meta.source = source
    if source != "eurlex" and meta.doc_type.startswith("eu-"):
        meta.doc_type = ""


def _footnotes_of(part: Part, parts: list[Part]) -> list[str]:
    """A file's footnotes belong to its one part; in a bundle (letter + fiche + beslisnota)
    to its fiches, which is where the cabinet cites, else to the first part."""
    if len(parts) == 1:
        return part.footnotes
    fiches = [p for p in parts if p.kind == "fiche"]
    owners = fiches or parts[:1]
    return part.footnotes if any(p is part for p in owners) else []


def _merge_links(first: list[Link], second: list[Link]) -> list[Link]:
    """Each (kind, value) once, in order; a link from section 1 gets the sentence its value
    stands in when the text scan found it too."""
    merged: dict[tuple[str, str], Link] = {}
    for link in [*first, *second]:
        held = merged.setdefault((link.kind, link.value), link)
        if held is not link and not held.sentence:
            held.sentence = link.sentence
    return list(merged.values())


def _link_parts(documents: list[Document]) -> None:
    """Parts of one multi-part file point at each other."""
    if len(documents) < 2:
        return
    for doc in documents:
        for other in documents:
            if other is not doc:
                doc.links.append(Link(kind="part", value=other.id, target_id=other.id))
