"""Pick the reader for a file from its bytes (magic numbers, root elements) and its name."""

from __future__ import annotations

from parsers.limits import Limits, current_limits, markup_refusal
from parsers.model import ParseError
from parsers.readers.eurlex import is_formex, looks_like_eurlex, read_eurlex_html, read_formex
from parsers.readers.html import read_html
from parsers.readers.jsonrecord import looks_like_record, read_eurlex_record
from parsers.readers.legacy_doc import read_legacy_doc
from parsers.readers.listings import is_listing, reject_json, reject_listing
from parsers.readers.metadata import METADATA_ROOTS, reject_metadata_file
from parsers.readers.ocr import OcrSettings
from parsers.readers.office import OLE2_MAGIC, read_zip
from parsers.readers.opxml import is_opxml, read_opxml
from parsers.readers.pdf import read_pdf
from parsers.readers.plain import read_plain
from parsers.readers.rijksoverheid import is_rijksoverheid_document, read_rijksoverheid_document
from parsers.readers.vlos import is_vlos, read_vlos
from parsers.readers.xmltools import local_name, parse_html, parse_xml
from parsers.text import ReadResult

_BOM = b"\xef\xbb\xbf"
_BINARY_MAGIC = {
    b"\x1f\x8b": "gzip archive",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7-Zip archive",
}


def read_bytes(
    data: bytes, filename: str = "", ocr: OcrSettings | None = None, limits: Limits | None = None
) -> ReadResult:
    """Read a file of any supported format. Raises ParseError naming the reason. `ocr`: how
    pages of a PDF without a text layer are read (defaults when None); `limits`: what one
    file may cost (parsers/limits.py; the process's when None)."""
    limits = limits or current_limits()
    head = data[:2048].removeprefix(_BOM).lstrip()
    if head.startswith(b"%PDF"):
        return read_pdf(data, ocr, limits)
    if data.startswith(OLE2_MAGIC):
        return read_legacy_doc(data)
    if head.startswith(b"PK"):
        return read_zip(data, limits)
    # A .txt that happens to start with "<", "{" or "[" is still text: the name is the user's
    # word. Binary formats above are recognised by their magic numbers whatever the name.
    if filename.lower().endswith((".txt", ".md")):
        return read_plain(data)
    if looks_like_record(head):
        return read_eurlex_record(data)
    if head[:1] in (b"{", b"["):
        reject_json(data)
    if head.startswith(b"<"):
        refused = markup_refusal(len(data), limits)
        if refused:
            raise ParseError(refused)
        return _read_markup(data, head)
    _reject_binary(data)
    return read_plain(data)


def _read_markup(data: bytes, head: bytes) -> ReadResult:
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        root = parse_html(data)
        if looks_like_eurlex(data) and not holds_fiche(data):
            return read_eurlex_html(root)
        return read_html(root, data)
    return _read_xml(parse_xml(data))


def holds_fiche(data: bytes) -> bool:
    """A BNC-fiche saved as a web page cites EUR-Lex ("COM(2021) 727 final", a link to the
    proposal), which must not make it an EUR-Lex page: the template's own headings say what
    it is, the Dutch cabinet's text, never the EU's."""
    head = data[:300_000].lower()
    if b"titel voorstel" in head and b"commissiedocument" in head:
        return True  # the labels of section 1, also where a table layout drops its heading
    return b"algemene gegevens" in head and (
        b"commissiedocument" in head or b"titel voorstel" in head or b"nederlandse positie" in head
    )


def _read_xml(root) -> ReadResult:
    name = local_name(root)
    if is_opxml(root):
        return read_opxml(root)
    if name in METADATA_ROOTS:
        reject_metadata_file(root)
    if is_formex(root):
        return read_formex(root)
    if is_vlos(root):
        return read_vlos(root)
    if is_rijksoverheid_document(root):
        return read_rijksoverheid_document(root)
    if is_listing(root):
        reject_listing(root)
    raise ParseError(f"unknown XML document type <{name}>")


def _reject_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ParseError(f"unsupported format ({what})")
    sample = data[:4096]
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    # Text has (almost) no control characters; a few percent means binary data.
    if control > max(2, len(sample) // 50):
        raise ParseError("binary data, not a recognised document format")
