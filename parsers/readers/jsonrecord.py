"""One EUR-Lex text as a JSON record: {"celex", "url", "text"} (the shape of a JSON Lines
export such as ../shared/scale/eurlex-nl.jsonl.gz, one record per line).

The text is flat (no headings survive such exports), so it is cut into passages of about
PASSAGE_CHARS at sentence ends: a 300-page act as one section would make every search hit
the same giant block, and snippets and ranking work per passage.
"""

from __future__ import annotations

import json
import re

from parsers.model import ParseError
from parsers.text import Block, ReadResult, SourceMetadata

PASSAGE_CHARS = 1500  # the text has no paragraphs: cut sentences into blocks of this size
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[A-Z0-9(\"'«])")
_OJ_DATE = re.compile(r"Publicatieblad\s+(?:Nr\.)?[^/|]{0,20}?\s+van\s+(\d{2})/(\d{2})/(\d{4})")
_TITLE = re.compile(r"\|\s*\S+\s+(.*?)\s+(?:Publicatieblad|$)")
_CELEX = re.compile(r"^[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d+\)|_\d+)?$")

# CELEX sector 3 (legal acts) and 5 (preparatory acts): the type letters say what it is.
_CELEX_TYPES = {
    ("3", "R"): "eu-regulation",
    ("3", "L"): "eu-directive",
    ("3", "D"): "eu-decision",
    ("3", "H"): "eu-recommendation",
    ("5", "PC"): "eu-proposal",
    ("5", "DC"): "eu-communication",
    ("5", "SC"): "eu-staff-working-document",
    ("5", "JC"): "eu-joint-communication",
}


def looks_like_record(head: bytes) -> bool:
    return head.lstrip().startswith(b"{") and b'"celex"' in head


def celex_doc_type(celex: str) -> str:
    sector = celex[:1]
    letters = re.match(r"\d{4}([A-Z]{1,2})", celex[1:])
    if not letters:
        return "eu-document"
    kind = letters.group(1)
    return _CELEX_TYPES.get((sector, kind)) or _CELEX_TYPES.get((sector, kind[:1]), "eu-document")


def read_eurlex_record(data: bytes) -> ReadResult:
    try:
        record = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"malformed JSON record: {error}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ParseError("a JSON record without a 'text' field")
    celex = str(record.get("celex", "")).replace("_", "(", 1)
    celex = celex + ")" if "(" in celex and not celex.endswith(")") else celex
    text = record["text"].strip()
    if not text:
        raise ParseError("a JSON record with empty text")
    meta = SourceMetadata(
        identifier=f"celex-{celex}" if _CELEX.match(celex) else "",
        title=_title(text),
        date=_date(text),
        doc_type=celex_doc_type(celex) if celex else "eu-document",
        source="eurlex",
        url=str(record.get("url", "")),
    )
    blocks = [Block(text=p, origin=f"passage {i + 1}") for i, p in enumerate(passages(text))]
    return ReadResult(blocks=blocks, format="eurlex-record", meta=meta)


def passages(text: str, size: int = PASSAGE_CHARS) -> list[str]:
    """Consecutive passages of about `size` characters, each cut at the first sentence end
    after `size` characters; where none comes within another `size` (long tables, lists
    without full stops), at the next space. Only the cuts are searched for, not every sentence
    end, so the scan skips most of the text."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end, start_of_next = _passage_end(text, start + size, start + 2 * size)
        out.append(text[start:end].strip())
        start = start_of_next
    out.append(text[start:].strip())
    return [passage for passage in out if passage]


def _passage_end(text: str, earliest: int, latest: int) -> tuple[int, int]:
    """Where a passage ends, and where the next one starts."""
    sentence_end = _SENTENCE_END.search(text, earliest, latest)
    if sentence_end:
        return sentence_end.start(), sentence_end.end()
    space = text.find(" ", earliest, latest)
    if space >= 0:
        return space, space + 1
    return latest, latest


def _title(text: str) -> str:
    match = _TITLE.search(text[:1500])
    return match.group(1)[:300] if match else text[:120]


def _date(text: str) -> str:
    match = _OJ_DATE.search(text[:3000])
    if not match:
        return ""
    day, month, year = match.groups()
    return f"{year}-{month}-{day}"
