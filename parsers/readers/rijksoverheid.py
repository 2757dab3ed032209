"""opendata.rijksoverheid.nl single-document responses (<document> with title, introduction
and content as HTML in CDATA): a document with text (letters, press conference transcripts)."""

from __future__ import annotations

import re

from parsers.model import ParseError
from parsers.readers.htmlblocks import HtmlLayout, html_blocks
from parsers.readers.xmltools import clean, local_name, parse_html, text_of
from parsers.text import Block, ReadResult, SourceMetadata

SOURCE = "rijksoverheid"
_DATE_IN_URL = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/")


def is_rijksoverheid_document(root) -> bool:
    return local_name(root) == "document" and _child(root, "dataurl") is not None


def read_rijksoverheid_document(root) -> ReadResult:
    title = text_of(_child(root, "title"))
    blocks = [Block(title, kind="heading", level=1, origin="document/title")] if title else []
    for field in ("introduction", "content", "additionalcontent"):
        markup = text_of(_child(root, field))
        if markup:
            page = parse_html(f"<div>{_child(root, field).text or ''}</div>".encode())
            blocks.extend(html_blocks(page, HtmlLayout())[0])
    if len(blocks) <= 1:
        raise ParseError("a rijksoverheid.nl open data record without text")
    return ReadResult(blocks=blocks, format="rijksoverheid-xml", meta=_metadata(root, title))


def _metadata(root, title: str) -> SourceMetadata:
    identifier = text_of(_child(root, "id"))
    canonical = clean(text_of(_child(root, "canonical")))
    dated = _DATE_IN_URL.search(canonical)
    return SourceMetadata(
        identifier=f"rijksoverheid-{identifier}" if identifier else "",
        title=title,
        date="-".join(dated.groups()) if dated else "",
        doc_type=text_of(_child(root, "type")) or "document",
        source=SOURCE,
        url="" if "__MOCK_SERVICE__" in canonical else canonical,
    )


def _child(root, name: str):
    return next((child for child in root if local_name(child) == name), None)
