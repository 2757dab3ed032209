"""EUR-Lex: HTML in its layouts (old pre-2014 pages, OJ/CONVEX XHTML, consolidated texts,
the full legal-content web page, Commission proposals as COM XHTML) and Formex 4 XML.

Every act is identified by its CELEX number: celex-32016R0679. The CELEX comes from the page
itself where it names it, else from the act's printed name ("Regulation (EU) 2024/903",
"COM(2025) 1 final" for a proposal). doc_type follows the CELEX sector and type letters.
"""

from __future__ import annotations

import re

from parsers.model import NotADocument, ParseError
from parsers.readers.dates import find_numeric_date, find_word_date, iso_date
from parsers.readers.htmlblocks import HtmlLayout, html_blocks
from parsers.readers.xmltools import clean, first, local_name, text_of
from parsers.text import Block, ReadResult, SourceMetadata

SOURCE = "eurlex"
EURLEX_URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"
_CELEX = r"[1-9C]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?"
_CELEX_NAMED = re.compile(rf"CELEX(?::|%3A|=)\s*({_CELEX})")
_CELEX_TITLE = re.compile(rf"(?:EUR-Lex|TEXT:)\s*-?\s*({_CELEX})\b")
_COM_FINAL = re.compile(r"COM\((\d{4})\)\s*(\d{1,4})\s*final")
_PROPOSAL = re.compile(r"\b(?:Proposal for|Vorschlag für|Voorstel voor)\b", re.IGNORECASE)
# "Regulation (EU) 2024/903", "Regulation (EC) No 6/2002", "DIRECTIVE 2009/65/EC".
_ACT_WORD = re.compile(
    r"\b(REGULATION|DIRECTIVE|DECISION|RECOMMENDATION|VERORDNUNG|RICHTLINIE|BESCHLUSS)\b",
    re.IGNORECASE,
)
# The act's number right after its name: " (EU) 2024/903", " (EC) No 6/2002", " 2009/65/EC".
_ACT_NUMBER = re.compile(r"^[^0-9]{0,40}?(No\.?|Nr\.?)?\s*(\d{1,4})/(\d{1,4})")
_ACT_LETTERS = {
    "regulation": "R",
    "verordnung": "R",
    "directive": "L",
    "richtlinie": "L",
    "decision": "D",
    "beschluss": "D",
    "recommendation": "H",
}
# CELEX sector 3 (legislation) type letter -> doc_type.
_SECTOR3_TYPES = {
    "R": "eu-regulation",
    "L": "eu-directive",
    "D": "eu-decision",
    "H": "eu-recommendation",
    "F": "eu-framework-decision",
    "A": "eu-opinion",
    "G": "eu-resolution",
}
_SECTOR5_TYPES = {"PC": "eu-proposal", "DC": "eu-communication", "SC": "eu-staff-working-document"}
_FORMEX_LEGAL_VALUES = {
    "REG": "R",
    "REGIMP": "R",
    "REGDEL": "R",
    "DIR": "L",
    "DIRIMP": "L",
    "DIRDEL": "L",
    "DEC": "D",
    "DECIMP": "D",
    "DECDEL": "D",
    "REC": "H",
}

_HTML_MARKERS = (b"eur-lex", b"convex", b"celex", b"fmx2xhtml", b"immc.com", b"official journal")
_HEADING_CLASSES = {
    # OJ XHTML (CONVEX), with and without the "oj-" prefix of the newer converter
    "oj-doc-ti": 1,
    "doc-ti": 1,
    "oj-ti-section-1": 2,
    "ti-section-1": 2,
    "oj-ti-section-2": 3,
    "ti-section-2": 3,
    "oj-ti-art": 3,
    "ti-art": 3,
    "oj-sti-art": 4,
    "sti-art": 4,
    "oj-ti-grseq-1": 3,
    "ti-grseq-1": 3,
    # consolidated texts (fmx2xhtml)
    "title-doc-first": 1,
    "title-division-1": 2,
    "title-division-2": 3,
    "title-article-norm": 3,
    "title-annex-1": 2,
    "title-gr-seq-level-1": 3,
    # Commission proposals (COM XHTML)
    "Titreobjet": 1,
    "Titrearticle": 3,
    "li ManualHeading1": 2,
    "ManualHeading1": 2,
    "ManualHeading2": 3,
    "ManualHeading3": 4,
    "Heading1": 2,
    "Heading2": 3,
}
_MEMORANDUM = {"EXPLANATORY MEMORANDUM", "BEGRÜNDUNG", "TOELICHTING", "EXPOSÉ DES MOTIFS"}
_SKIP_IDS = {"banner", "AffixSidebar", "footnotes"}


def looks_like_eurlex(raw: bytes) -> bool:
    head = raw[:300_000].lower()
    if any(marker in head for marker in _HTML_MARKERS):
        return True
    # A Commission document saved without EUR-Lex chrome still prints "COM(2021) 206 final".
    return re.search(rb"com\(\d{4}\)\s*\d{1,4}\s*final", head[:100_000]) is not None


def celex_doc_type(celex: str) -> str:
    """eu-proposal for 5…PC, eu-regulation for 3…R, ...; "eu-document" when unknown."""
    found = re.match(r"([1-9C])\d{4}([A-Z]{1,2})", celex)
    if not found:
        return "eu-document"
    sector, letters = found.groups()
    if sector == "3":
        return _SECTOR3_TYPES.get(letters, "eu-act")
    if sector == "5":
        return _SECTOR5_TYPES.get(letters, "eu-preparatory-act")
    if sector == "1":
        return "eu-treaty"
    return "eu-document"


def eurlex_meta(celex: str, title: str, date: str, extra: dict[str, str] | None = None):
    return SourceMetadata(
        identifier=f"celex-{celex}" if celex else "",
        title=title,
        date=date,
        doc_type=celex_doc_type(celex) if celex else "eu-document",
        source=SOURCE,
        url=EURLEX_URL.format(celex=celex) if celex else "",
        extra={"celex": celex, **(extra or {})} if celex else dict(extra or {}),
    )


# --- HTML -----------------------------------------------------------------------------


def read_eurlex_html(root) -> ReadResult:
    body = _body(root)
    layout = HtmlLayout(
        heading_classes=_HEADING_CLASSES,
        skip=_skip,
        footnote=lambda el: (el.get("class") or "") in ("footnote", "oj-note", "note"),
    )
    blocks, footnotes = html_blocks(body, layout)
    if not blocks:
        raise ParseError("an EUR-Lex page without document text")
    text = " ".join(b.text for b in blocks[:60])
    title = _html_title(root, blocks)
    celex = _celex_from_page(root, text)
    date = _act_date(text)
    return ReadResult(
        blocks=blocks,
        format="eurlex-html",
        meta=eurlex_meta(celex, title, date),
        footnotes=footnotes,
    )


def _body(root):
    for xpath in (
        "//div[@id='TexteOnly']",
        "//div[@id='document1']",
        "//div[@id='text']",
        "//body",
    ):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


def _skip(element) -> bool:
    if element.get("id") in _SKIP_IDS:
        return True
    classes = (element.get("class") or "").split()
    return "bgtool" in classes or "langue" in classes


def _html_title(root, blocks: list[Block]) -> str:
    description = " ".join(root.xpath("//meta[@name='DC.description']/@content"))
    if clean(description):
        return clean(description)
    proposal = _proposal_title(blocks)
    if proposal:
        return proposal
    headings = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    if headings:
        return " ".join(headings[:3])[:300]
    return next((b.text for b in blocks if len(b.text) > 20), "")[:300]


def _proposal_title(blocks: list[Block]) -> str:
    """ "Proposal for a COUNCIL DECISION on ...": the proposal line and the one after it."""
    for index, block in enumerate(blocks[:40]):
        if _PROPOSAL.match(block.text):
            parts = [block.text]
            for following in blocks[index + 1 : index + 3]:
                if following.text.upper() in _MEMORANDUM or following.text.startswith("{"):
                    break
                parts.append(following.text)
            return clean(" ".join(parts))[:400]
    return ""


def _celex_from_page(root, text: str) -> str:
    """The CELEX the page names for itself, else the one its printed name implies.

    The head of a proposal ("COM(2021) 206 final" + "Proposal for") wins over CELEX numbers in
    links: a saved proposal page links to other acts (the corpus has one whose only CELEX
    link points to a different proposal)."""
    com = _COM_FINAL.search(text[:3000])
    if com and _PROPOSAL.search(text[:5000]):
        year, number = com.groups()
        return f"5{year}PC{int(number):04d}"
    title = " ".join(root.xpath("//title/text() | //meta[@name='DC.title']/@content"))
    for pattern in (_CELEX_TITLE, _CELEX_NAMED):
        found = pattern.search(title)
        if found:
            return found.group(1)
    query = " ".join(root.xpath("//script/text()"))[:200_000] + " " + text
    named = _CELEX_NAMED.search(query)
    if named:
        return named.group(1)
    return celex_from_act_name(text[:3000])


def celex_from_act_name(text: str) -> str:
    """3YYYYXNNNN from "Regulation (EU) 2024/903" (year/number since 2015, and for
    directives) or "Regulation (EC) No 6/2002" (number/year before 2015)."""
    # Only the first act named counts: later ones are acts it amends or refers to.
    kind = _ACT_WORD.search(text)
    found = _ACT_NUMBER.match(text[kind.end() : kind.end() + 80]) if kind else None
    if not found:
        return ""
    numbered, first_part, second_part = found.groups()
    letter = _ACT_LETTERS[kind.group(1).lower()]
    if len(second_part) == 4 and (len(first_part) != 4 or numbered):
        year, number = second_part, first_part
    elif len(first_part) == 4:
        year, number = first_part, second_part
    elif len(first_part) == 2:  # "98/699/JI": two-digit year
        year = ("19" if int(first_part) > 50 else "20") + first_part
        number = second_part
    else:
        return ""
    return f"3{year}{letter}{int(number):04d}"


def _act_date(text: str) -> str:
    """ "Brussels, 22.1.2025" for a proposal; "of 12 December 2001" for an act."""
    brussels = re.search(r"(?:Brussels|Brüssel, den|Brussel),?\s*(\d{1,2}\.\d{1,2}\.\d{4})", text)
    if brussels:
        return find_numeric_date(brussels.group(1))
    dated = re.search(r"\b(?:of|vom|van)\s+(\d{1,2}\.?\s+\w+\s+\d{4})", text)
    return find_word_date(dated.group(1)) if dated else ""


# --- Formex 4 -------------------------------------------------------------------------

FORMEX_ROOTS = ("ACT", "ANNEX", "DOC", "PUBLICATION", "CONS.ACT", "CONS.DOC", "COM", "GENERAL")
_FORMEX_HEADINGS = {"TITLE": 1, "TI.ART": 3, "STI.ART": 4, "TI.CJT": 3}
_FORMEX_PARAGRAPHS = {
    "P",
    "ALINEA",
    "VISA",
    "CONSID",
    "PREAMBLE.INIT",
    "PREAMBLE.FINAL",
    "NP",
    "ROW",
    "SIGNATORY",
    "FINAL",
    "ENACTING.TERMS.CJT",
}
_FORMEX_BREAKS = {"P", "CELL", "NO.P", "TXT"}  # block-like children: separated, not glued
_BREAK = "\x00"
_FORMEX_SKIP = {"BIB.INSTANCE", "NOTE", "INCLUSIONS", "BIB.DOC", "FMX", "PAPER", "REF.PHYS"}


def is_formex(root) -> bool:
    return local_name(root) in FORMEX_ROOTS


def read_formex(root) -> ReadResult:
    name = local_name(root)
    if name == "PUBLICATION":
        raise NotADocument("a Formex Official Journal table of contents, not a document")
    if name == "DOC":
        celex = _formex_celex(root)
        raise NotADocument(
            f"a Formex OJ document wrapper (bibliographic record of celex-{celex or '?'}), "
            "not the text; the act and its annexes are separate Formex files"
        )
    blocks: list[Block] = []
    _formex_walk(root, blocks, name)
    if not blocks:
        raise ParseError(f"a Formex <{name}> without text")
    celex = _formex_celex(root)
    title = _formex_title(root)
    meta = eurlex_meta(celex, title, _formex_date(root))
    if name == "ANNEX":
        meta.doc_type = "eu-annex"
    if name == "ANNEX" and meta.identifier:
        # An annex is its own file and its own document, under its act's CELEX.
        sequence = clean(text_of(first(root, "NO.SEQ")))
        suffix = ".".join(str(int(p)) for p in sequence.split(".")[1:] if p.isdigit()) or "1"
        meta.identifier = f"{meta.identifier}-annex-{suffix}"
    notes = [text_of(note) for note in root.iter() if local_name(note) == "NOTE"]
    return ReadResult(blocks=blocks, format="formex", meta=meta, footnotes=[n for n in notes if n])


def _formex_walk(element, blocks: list[Block], path: str) -> None:
    for child in element:
        name = local_name(child)
        if not name or name in _FORMEX_SKIP:
            continue
        child_path = f"{path}/{name}"
        if name in _FORMEX_HEADINGS:
            text = _formex_text(child, " ")
            blocks.append(
                Block(text, kind="heading", level=_FORMEX_HEADINGS[name], origin=child_path)
            )
        elif name in _FORMEX_PARAGRAPHS and not _has_formex_paragraphs(child):
            separator = " | " if name == "ROW" else " "
            blocks.append(Block(_formex_text(child, separator), origin=child_path))
        else:
            _formex_walk(child, blocks, child_path)
    blocks[:] = [b for b in blocks if b.text]


def _has_formex_paragraphs(element) -> bool:
    return any(
        local_name(node) in _FORMEX_PARAGRAPHS for node in element.iter() if node is not element
    )


def _formex_text(element, separator: str) -> str:
    """Text without footnote bodies; block children (P in TI, CELL in ROW) separated."""
    pieces = "".join(_formex_pieces(element)).split(_BREAK)
    return clean(separator.join(piece for piece in pieces if piece.strip()))


def _formex_pieces(element):
    if element.text:
        yield element.text
    for child in element:
        name = local_name(child)
        if name != "NOTE":
            inner = "".join(_formex_pieces(child))
            yield f"{_BREAK}{inner}{_BREAK}" if name in _FORMEX_BREAKS else inner
        if child.tail:
            yield child.tail


def _formex_celex(root) -> str:
    number = first(root, "NO.DOC")
    if number is None:
        return celex_from_act_name(_formex_title(root))
    year = clean(text_of(first(number, "YEAR")))
    current = clean(text_of(first(number, "NO.CURRENT")))
    letter = _formex_letter(root)
    if year.isdigit() and current.isdigit() and letter:
        return f"3{year}{letter}{int(current):04d}"
    return celex_from_act_name(_formex_title(root))


def _formex_letter(root) -> str:
    legal_value = clean(text_of(first(root, "LEGAL.VALUE")))
    if legal_value in _FORMEX_LEGAL_VALUES:
        return _FORMEX_LEGAL_VALUES[legal_value]
    kind = _ACT_WORD.search(_formex_title(root))
    return _ACT_LETTERS[kind.group(1).lower()] if kind else ""


def _formex_title(root) -> str:
    title = first(root, "TITLE")
    if title is None:
        return ""
    return _formex_text(title, " ")


def _formex_date(root) -> str:
    for element in root.iter():
        if local_name(element) == "DATE":
            iso = element.get("ISO", "")
            if re.fullmatch(r"\d{8}", iso):
                return iso_date(int(iso[:4]), int(iso[4:6]), int(iso[6:]))
    return ""
