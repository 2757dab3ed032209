"""Plain text (and the Markdown-ish text of Woo releases): paragraphs split on blank lines,
hard-wrapped lines joined again (readers/reflow.py).

Woo releases are exported as Markdown: "**bold**", "*italic*", "<https://...>", "[text](url)",
and footnotes as paragraphs starting with a superscript digit ("¹ Een Europese ...") that sit
in the middle of a paragraph which continues after them. The body text gets the plain words,
the footnotes go to ReadResult.footnotes, and the interrupted paragraph is joined again.
"""

from __future__ import annotations

import re

from parsers.continuation import continues
from parsers.model import ParseError
from parsers.readers.reflow import drop_page_numbers, reflow_blocks
from parsers.text import Block, ReadResult

_BLANK_LINES = re.compile(r"\n\s*\n")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(rf"^[{_SUPERSCRIPTS}]+\s")
_MARKER_IN_TEXT = re.compile(rf"[{_SUPERSCRIPTS}]+")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to cp1252 for older Windows exports."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("not a text file (undecodable bytes)")


def read_plain(data: bytes) -> ReadResult:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ParseError("binary data, not text")
    chunks: list[Block] = []
    line = 1
    for chunk in _BLANK_LINES.split(text):
        if chunk.strip():
            chunks.append(Block(text=chunk.strip(), origin=f"line {line}"))
        line += chunk.count("\n") + 2
    # Hard-wrapped text (no blank lines between paragraphs) into paragraphs first.
    chunks, footnotes = reflow_blocks(chunks, keep_block_breaks=True)
    chunks = drop_page_numbers(chunks)
    blocks: list[Block] = []
    for chunk in chunks:
        if _FOOTNOTE.match(chunk.text):
            footnotes.append(clean_markdown(chunk.text.translate(_SUPERSCRIPT_DIGITS)))
            continue
        body = clean_markdown(_MARKER_IN_TEXT.sub("", chunk.text))
        if body:
            _append_paragraph(blocks, Block(text=body, origin=chunk.origin))
    if not blocks:
        raise ParseError("empty file")
    return ReadResult(blocks=blocks, format="txt", footnotes=footnotes)


def clean_markdown(text: str) -> str:
    """Markdown emphasis and link syntax removed, the words and URLs kept."""
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _MD_LINK.sub(_link_text, text)
    text = text.replace("**", "")
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


def _link_text(match: re.Match) -> str:
    label, url = match.group(1), match.group(2)
    return f"{label} ({url})" if url.startswith("http") else label


def _append_paragraph(blocks: list[Block], block: Block) -> None:
    """A paragraph cut in two by a footnote (or a page break in the export) runs on when
    its sentence does (parsers/continuation.py). No line-length condition: blank-line
    paragraphs carry no printed width, and a label's value ("Rechtsbasis" / "artikel 114")
    or a URL after a title are told apart by the shared rule itself."""
    if blocks and continues(blocks[-1].text, block.text):
        blocks[-1].text = f"{blocks[-1].text} {block.text}"
        return
    blocks.append(block)
