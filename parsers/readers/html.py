"""officielebekendmakingen HTML (Kamerstukken, Staatsblad, Staatscourant) and tweedekamer.nl
document pages: the document body only (not navigation), headings and paragraphs, and what
the <meta> tags say about the document."""

from __future__ import annotations

import re

from parsers.dates import numeric_date
from parsers.model import ParseError
from parsers.readers.dates import find_word_date
from parsers.readers.htmlblocks import HtmlLayout, element_text, html_blocks
from parsers.readers.metadata import MetaPair, meta_from_pairs
from parsers.readers.reflow import drop_page_numbers, reflow_blocks
from parsers.readers.xmltools import clean
from parsers.text import Block, ReadResult, SourceMetadata

TWEEDEKAMER = "tweedekamer"
# tweedekamer.nl page links carry the document number: detail?id=2015Z02376&did=2015D04817.
# The page's own address is in its "e-mail this page" link (printmail/...).
_TK_OWN_ADDRESS = re.compile(
    r"printmail/[^\"]*?detail\?id=(\d{4}[A-Z]\d{5})(?:&(?:amp;)?did=(\d{4}[A-Z]\d{5}))?"
)
_TK_KAMERSTUK = re.compile(r"^(\d{4,5}(?:-[A-Z0-9]+)?)-(\d+)$")
_TK_TITLE_SUFFIX = re.compile(r"\s*\|\s*Tweede Kamer der Staten-Generaal\s*$")

_OB_LAYOUT = HtmlLayout(
    skip=lambda el: (
        el.get("id") in ("kopregel", "inhoudsopgave") or "noot" in (el.get("class") or "").split()
    ),
    footnote=lambda el: (el.get("class") or "") in ("noten", "voetnoten"),
)
_TK_LAYOUT = HtmlLayout(
    skip=lambda el: (
        (el.get("class") or "")
        in ("breadcrumb-container", "social-media-links", "item-list", "tkRsPlayerContainer")
        or "trigger" in (el.get("class") or "").split()
    ),
)


def is_tweedekamer_page(root) -> bool:
    generator = " ".join(root.xpath("//meta[@name='generator']/@content"))
    return "Drupal" in generator and bool(root.xpath("//a[contains(@href,'tweedekamer.nl')]"))


def read_html(root, raw: bytes) -> ReadResult:
    if is_tweedekamer_page(root):
        return _read_tweedekamer(root, raw)
    return _read_officielebekendmakingen(root)


def _read_officielebekendmakingen(root) -> ReadResult:
    body = _first(root, "//div[@id='broodtekst']")
    if body is None:
        body = _first(root, "//body")
    if body is None:
        raise ParseError("an HTML page without a body")
    blocks, footnotes = html_blocks(body, _OB_LAYOUT)
    # A rendering with one <p> per printed line gets its paragraphs back.
    blocks, wrapped_notes = reflow_blocks(blocks, keep_block_breaks=False)
    blocks = drop_page_numbers(blocks)
    footnotes += wrapped_notes
    meta = meta_from_pairs(
        MetaPair(m.get("name", ""), m.get("scheme", ""), m.get("content", ""))
        for m in root.xpath("//meta[@name]")
    )
    if not meta.title:
        meta.title = next((b.text for b in blocks if b.kind == "heading"), "")
    return ReadResult(blocks=blocks, format="html", meta=meta, footnotes=footnotes)


def _read_tweedekamer(root, raw: bytes) -> ReadResult:
    parts = root.xpath(
        "//div[@id='header']//h1 | //div[@id='header']//p[contains(@class,'vote-info')]"
        " | //div[contains(@class,'paper-header')] | //div[contains(@class,'paper-description')]"
        " | //div[@id='content-reader']"
    )
    blocks = []
    for part in parts:
        if part.tag in ("h1", "p"):
            kind = "heading" if part.tag == "h1" else "paragraph"
            blocks.extend(_single(part, kind))
        else:
            blocks.extend(html_blocks(part, _TK_LAYOUT)[0])
    if not blocks:
        raise ParseError("a tweedekamer.nl page without document content")
    return ReadResult(blocks=blocks, format="html", meta=_tweedekamer_meta(root, raw))


def _single(element, kind: str) -> list[Block]:
    text = element_text(element)
    return [Block(text, kind=kind, level=1 if kind == "heading" else 0)] if text else []


def _tweedekamer_meta(root, raw: bytes) -> SourceMetadata:
    found = _TK_OWN_ADDRESS.search(raw.decode("utf-8", "replace"))
    number = (found.group(2) or found.group(1)) if found else ""
    kamerstuk = _tweedekamer_kamerstuk(root)
    extra = {"document_number": number} if number else {}
    if kamerstuk:
        extra["kamerstuk"] = kamerstuk.group(0)
    return SourceMetadata(
        identifier=f"tk-{number}" if number else "",
        title=_tweedekamer_title(root),
        date=_tweedekamer_date(root),
        doc_type=_tweedekamer_type(root),
        source=TWEEDEKAMER,
        url=_canonical(root, number),
        dossier=[kamerstuk.group(1)] if kamerstuk else [],
        extra=extra,
    )


def _tweedekamer_title(root) -> str:
    for xpath in ("//p[contains(@class,'use-as-title')]", "//div[@id='header']//h1"):
        element = _first(root, xpath)
        if element is not None and element_text(element):
            return element_text(element)
    return _TK_TITLE_SUFFIX.sub("", clean(" ".join(root.xpath("//title/text()"))))


def _tweedekamer_kamerstuk(root):
    """ "Nummer 33308-13" in the paper header: dossier 33308, number 13."""
    for term in root.xpath("//div[contains(@class,'paper-header')]//dt"):
        if element_text(term).lower() == "nummer":
            value = term.getnext()
            return _TK_KAMERSTUK.match(element_text(value)) if value is not None else None
    return None


def _tweedekamer_date(root) -> str:
    for element in root.xpath(
        "//div[@id='header']//*[contains(@class,'date')] | //div[contains(@class,'paper-header')]"
    ):
        text = element_text(element)
        date = find_word_date(text) or numeric_date(text)
        if date:
            return date
    return ""


def _tweedekamer_type(root) -> str:
    header = _first(root, "//div[contains(@class,'paper-header')]")
    if header is not None:
        words = element_text(header).split()
        if words:
            return words[0].lower()  # "Motie Nummer 33308-13 ..." -> motie
    if root.xpath("//div[contains(@class,'vote-result')]"):
        return "stemmingsuitslag"
    return "document"


def _canonical(root, number: str) -> str:
    link = " ".join(root.xpath("//link[@rel='canonical']/@href"))
    if link and number:
        return f"{link}?id={number}"
    return link


def _first(root, xpath: str):
    found = root.xpath(xpath)
    return found[0] if found else None
