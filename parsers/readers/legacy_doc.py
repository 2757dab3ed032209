"""Legacy Word 97-2003 .doc (OLE2) through antiword (Debian), catdoc when antiword is absent.

antiword writes DocBook: headings as section titles, paragraphs, and table cells (a
Tweede Kamer motie is one big table) with a paragraph per line. Those become the same blocks
the .docx reader makes, and the printed Kamerstuk head gives the same identifier, title,
date and type (office.kamerstuk_head), so a motie reads the same from either format.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile

from parsers.model import MissingTool, ParseError
from parsers.readers.office import kamerstuk_head
from parsers.readers.xmltools import clean, local_name, parse_xml
from parsers.text import Block, ReadResult

_TIMEOUT = 120  # seconds; a Kamerstuk converts in well under one
_ORIGIN = "word/doc"
# DocBook elements whose text is read on its own, never as part of the element around them.
_OWN_BLOCKS = {"para", "entry", "title", "informaltable", "table", "footnote", "bookinfo"}
_SECTIONS = {"sect1": 1, "sect2": 2, "sect3": 3, "sect4": 4, "sect5": 5}


def read_legacy_doc(data: bytes) -> ReadResult:
    if shutil.which("antiword"):
        blocks, meta_date = _antiword_blocks(_convert(["antiword", "-x", "db"], data))
    elif shutil.which("catdoc"):
        blocks, meta_date = _catdoc_blocks(_convert(["catdoc", "-d", "utf-8", "-w"], data)), ""
    else:
        raise MissingTool("legacy Word .doc needs antiword: install the Debian package antiword")
    if not blocks:
        raise ParseError("legacy Word .doc without text")
    meta = kamerstuk_head(blocks)
    meta.title = meta.title or next((b.text for b in blocks if b.kind == "heading"), "")
    if meta_date:
        meta.extra["file_created"] = meta_date  # when the file was saved, as for .docx
    return ReadResult(blocks=blocks, format="doc", meta=meta)


def _convert(command: list[str], data: bytes) -> bytes:
    """The converter's output for these bytes (it reads files, not standard input)."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(data)
        handle.flush()
        try:
            done = subprocess.run(
                [*command, handle.name], capture_output=True, timeout=_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise ParseError(f"legacy Word .doc: {command[0]} took over {_TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").replace(handle.name, "the file")
        detail = message.strip().splitlines()[-1] if message.strip() else "no message"
        raise ParseError(f"unreadable legacy Word .doc ({command[0]}: {detail})")
    return done.stdout


def _antiword_blocks(docbook: bytes) -> tuple[list[Block], str]:
    root = parse_xml(docbook)
    date = ""
    blocks: list[Block] = []
    for element in root.iter():
        name = local_name(element)
        if name == "date" and local_name(element.getparent()) == "bookinfo":
            date = clean(element.text)[:10]
        elif name == "title" and local_name(element.getparent()) in _SECTIONS:
            level = _SECTIONS[local_name(element.getparent())]
            text = clean("".join(_own_text(element)))
            if text:
                blocks.append(Block(text, kind="heading", level=level, origin=_ORIGIN))
        elif name in ("para", "entry"):
            blocks.extend(_paragraphs("".join(_own_text(element))))
    return blocks, date


def _own_text(element):
    """The element's text and that of inline markup inside it (emphasis, links), without the
    paragraphs, cells and notes nested in it: those are blocks of their own."""
    if element.text:
        yield element.text
    for child in element:
        if local_name(child) not in _OWN_BLOCKS:
            yield from _own_text(child)
        if child.tail:
            yield child.tail


def _paragraphs(text: str) -> list[Block]:
    """antiword writes one paragraph per line inside a cell or a para."""
    return [Block(line, origin=_ORIGIN) for line in map(clean, text.splitlines()) if line]


def _catdoc_blocks(text: bytes) -> list[Block]:
    """catdoc: a paragraph per line, table cells separated by tabs."""
    cells = text.decode("utf-8", "replace").replace("\t", "\n")
    return _paragraphs(cells)
