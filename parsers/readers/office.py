"""Word .docx (word/document.xml, heading styles) and OpenDocument .odt (content.xml, text:h)
as Tweede Kamer and KOOP serve them. Legacy Word 97 .doc (OLE2) is read by legacy_doc.py.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from parsers.dates import numeric_date
from parsers.limits import Limits, current_limits
from parsers.model import ParseError
from parsers.readers.dates import find_word_date
from parsers.readers.metadata import SOURCE, MetaPair, doc_type_for, meta_from_pairs, public_url
from parsers.readers.xmltools import clean, local_name, parse_xml
from parsers.text import Block, ReadResult, SourceMetadata

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
# Word style ids for headings: "Heading1", "Kop1" (Dutch Word), "Title", "Titel".
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$|^(?:title|titel)$", re.IGNORECASE)
# Members are inflated this many bytes at a time, counted against the limits as they come.
_CHUNK = 1024 * 1024
# What zipfile raises on damaged archives: its own errors, and those of the layers below it.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, struct.error, OSError, ValueError, EOFError)
# "36 278" on its own line (Word), or followed by the dossier's title (the printed PDF:
# "32 545 Wet- en regelgeving financiële markten").
_DOSSIER = re.compile(r"(\d{2} ?\d{3}(?:-[A-Z0-9]+)?)(?:\s+[A-Z][^\d].*)?")
_NUMBER = re.compile(r"Nr\.\s*(\d+)\b")


def read_zip(data: bytes, limits: Limits | None = None) -> ReadResult:
    """A .docx or .odt; any other zip is ParseError, and so is one whose members inflate
    past `limits` (a zip bomb: kilobytes that unpack to gigabytes)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except _ZIP_ERRORS as error:
        raise ParseError(f"corrupt zip archive ({error})") from None
    budget = _Inflated(limits or current_limits())
    if "word/document.xml" in names:
        return read_docx(archive, budget)
    if "content.xml" in names:
        return read_odt(archive, budget)
    raise ParseError("a zip archive that is not a Word .docx or OpenDocument .odt file")


@dataclass
class _Inflated:
    """The bytes inflated so far from one file, against the limits per member and per file."""

    limits: Limits
    total: int = 0

    def allowed(self) -> tuple[int, str]:
        """The most bytes the next member may inflate to, and the setting that says so."""
        per_member = self.limits.max_member_bytes
        left = self.limits.max_document_bytes - self.total
        if per_member <= left:
            return per_member, "per archive member (FICHE_LIMIT_MAX_MEMBER_BYTES)"
        return left, "per document (FICHE_LIMIT_MAX_DOCUMENT_BYTES)"


def _member(archive: zipfile.ZipFile, name: str, budget: _Inflated) -> bytes:
    """The member's bytes, inflated a chunk at a time: it is refused as soon as it passes
    the limit, whatever size its header claims."""
    allowed, which = budget.allowed()
    try:
        info = archive.getinfo(name)
        if info.file_size > allowed:
            raise _too_large(name, allowed, which)
        chunks = []
        inflated = 0
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                inflated += len(chunk)
                if inflated > allowed:
                    raise _too_large(name, allowed, which)
                chunks.append(chunk)
    except (*_ZIP_ERRORS, KeyError) as error:
        raise ParseError(f"corrupt {name} in the archive ({error})") from None
    except NotImplementedError as error:  # unsupported compression method
        raise ParseError(f"unreadable {name} in the archive ({error})") from None
    budget.total += inflated
    return b"".join(chunks)


def _too_large(name: str, allowed: int, which: str) -> ParseError:
    return ParseError(
        f"{name} in the archive unpacks to more than {allowed / 1024 / 1024:.0f} MB,"
        f" the limit {which}"
    )


# --- docx -----------------------------------------------------------------------------


def read_docx(archive: zipfile.ZipFile, budget: _Inflated) -> ReadResult:
    root = parse_xml(_member(archive, "word/document.xml", budget))
    body = root.find(f"{_W}body")
    if body is None:
        raise ParseError("a .docx without a document body")
    blocks = [block for block in (_docx_block(p) for p in body.iter(f"{_W}p")) if block]
    meta = kamerstuk_head(blocks)
    if "docProps/core.xml" in archive.namelist():
        core = _docx_core(parse_xml(_member(archive, "docProps/core.xml", budget)))
        meta.title = meta.title or core.title
        meta.extra.update(core.extra)
    return ReadResult(blocks=blocks, format="docx", meta=meta)


def kamerstuk_head(blocks: list[Block]) -> SourceMetadata:
    """What the printed Kamerstuk head says: dossier "36 278", "Nr. 32", the title in capitals
    and "Voorgesteld 24 april 2025". Dossier and number make the officielebekendmakingen
    identifier kst-36278-32, so the Word original and the published XML are one document."""
    head = blocks[:15]
    dossier = next((m.group(1) for b in head if (m := _DOSSIER.fullmatch(b.text))), "")
    numbered = next((i for i, b in enumerate(head) if _NUMBER.match(b.text)), -1)
    if not dossier or numbered < 0:
        return SourceMetadata()
    number = _NUMBER.match(head[numbered].text).group(1)
    dossier = dossier.replace(" ", "")
    identifier = f"kst-{dossier}-{number}"
    # The title in capitals follows the number ("TWEEDE KAMER ..." above it is the masthead).
    title = next((b.text for b in head[numbered:] if _is_printed_title(b.text)), "")
    dated = next((b.text for b in head if b.text.lower().startswith("voorgesteld")), "")
    return SourceMetadata(
        identifier=identifier,
        title=title,
        date=find_word_date(dated) or numeric_date(dated),
        doc_type=doc_type_for(identifier, kamerstuk_kind(title)),
        source=SOURCE,
        url=public_url(identifier),
        dossier=[dossier],
    )


def _is_printed_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 8 and all(c.isupper() for c in letters)


def kamerstuk_kind(title: str) -> str:
    lowered = title.lower()
    return next((kind for kind in ("gewijzigde motie", "motie", "brief") if kind in lowered), "")


def _docx_block(paragraph) -> Block | None:
    text = clean("".join(_docx_runs(paragraph)))
    if not text:
        return None
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    level = _heading_level(style.get(f"{_W}val", "") if style is not None else "")
    if level:
        return Block(text, kind="heading", level=level, origin="word/document.xml")
    return Block(text, origin="word/document.xml")


def _docx_runs(paragraph):
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        if node.tag == f"{_W}t":
            yield node.text or ""
        else:
            yield " "  # a tab or line break separates words


def _heading_level(style: str) -> int:
    found = _HEADING_STYLE.match(style.strip())
    if not found:
        return 0
    return int(found.group(1)) if found.group(1) else 1


def _docx_core(root) -> SourceMetadata:
    title = clean(_text(root.find(f"{_DC}title")))
    created = clean(_text(root.find(f"{_DCTERMS}created")))
    # core.xml "created" is when the file was saved, not the document's date: kept as extra.
    return SourceMetadata(title=title, extra={"file_created": created[:10]} if created else {})


def _text(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


# --- odt ------------------------------------------------------------------------------


def read_odt(archive: zipfile.ZipFile, budget: _Inflated) -> ReadResult:
    root = parse_xml(_member(archive, "content.xml", budget))
    blocks = []
    for element in root.iter(f"{_TEXT}h", f"{_TEXT}p"):
        if _inside_paragraph(element):
            continue  # a paragraph inside a note or frame: its text is in the outer one
        text = clean("".join(_odt_text(element)))
        if not text:
            continue
        if element.tag == f"{_TEXT}h":
            level = int(element.get(f"{_TEXT}outline-level", "1") or 1)
            blocks.append(Block(text, kind="heading", level=level, origin="content.xml"))
        else:
            blocks.append(Block(text, origin="content.xml"))
    meta = SourceMetadata()
    if "meta.xml" in archive.namelist():
        meta = _odt_meta(parse_xml(_member(archive, "meta.xml", budget)))
    return ReadResult(blocks=blocks, format="odt", meta=meta)


def _inside_paragraph(element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            return True
        parent = parent.getparent()
    return False


def _odt_text(element):
    """Text of an ODT paragraph: <text:s/> is a space, <text:tab/> a tab, notes are left out."""
    if element.text:
        yield element.text
    for child in element:
        name = local_name(child)
        if name in ("s", "tab", "line-break"):
            yield " "
        elif name not in ("note", "annotation"):
            yield from _odt_text(child)
        if child.tail:
            yield child.tail


def _odt_meta(root) -> SourceMetadata:
    """KOOP's opxml2odf writes the officielebekendmakingen metadata as user-defined fields
    named "scheme/name" (OVERHEIDop.ParlID/DC.identifier): the same pairs as metadata.xml."""
    pairs = []
    for field in root.iter(f"{_META}user-defined"):
        scheme, _, name = field.get(f"{_META}name", "").rpartition("/")
        pairs.append(MetaPair(name, scheme, _text(field)))
    meta = meta_from_pairs(pairs)
    if not meta.title:
        meta.title = clean(_text(root.find(f".//{_DC}title")))
    return meta
