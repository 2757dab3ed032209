"""References found in a document's text: COM numbers, CELEX numbers, ELI URIs, Kamerstukken."""

from __future__ import annotations

import re

from parsers.model import Document, Link

# Case variants spelled out instead of IGNORECASE (2x faster over a 400 M character corpus), and
# the word boundary before the kind checked in Python: a leading \b defeats the regex engine's
# first-character scan (4x slower).
_COM = re.compile(
    r"(COM|Com|com|SWD|Swd|JOIN|Join|SEC|Sec|C)\s*[(/]\s*(\d{4})\s*[)/]\s*(\d{1,4})\b"
)
_COMMISSION_DOC = re.compile(r"\b(COM|JOIN)\s*[(/]\s*(\d{4})\s*[)/]\s*(\d{1,4})\b", re.IGNORECASE)
# A whole CELEX number (sector, year, type, number), in a URL ("CELEX:52022PC0546",
# "CELEX%3A52022PC0546") or printed ("EUR-Lex – 52022PC0454 – EN"). The scan looks for the
# year, type and number, and the sector digit and the surroundings are checked in Python: a
# pattern that starts at the frequent digits, or with lookbehinds, scans 1.5 to 6x slower.
_CELEX_TAIL = re.compile(r"[12]\d{3}[A-Z]{1,2}\d{4}")
_CELEX_SECTORS = frozenset("123456789E")
_ELI = re.compile(r"https?://(?:data\.europa\.eu|eur-lex\.europa\.eu)/eli/[\w/.-]+")
_ELI_ACT = re.compile(r"/eli/(reg|dir|dec|reco)/(\d{4})/(\d{1,4})(?:/|$)")
_ELI_TYPE = {"reg": "R", "dir": "L", "dec": "D", "reco": "H"}
_URL = re.compile(r"https?://\S+")
_KAMERSTUK = re.compile(
    r"Kamerstuk(?:ken)?\s+(?:II\s+\d{4}/\d{2,4},\s*)?(\d{2}\s?\d{3}(?:-[A-Z0-9]+)?),\s*nr\.\s*(\w+)"
)


def normalise_com(kind: str, year: str, number: str) -> str:
    """`COM (2026) 462`, `Join(2025) 9`, `COM/2025/386` -> `COM(2026) 462`, ..."""
    return f"{kind.upper()}({year}) {int(number)}"


def com_numbers(text: str) -> list[str]:
    """Commission document numbers (COM, JOIN) in order of appearance, normalised, once each."""
    found = [normalise_com(*match) for match in _COMMISSION_DOC.findall(text)]
    return list(dict.fromkeys(found))


def celex_numbers(text: str) -> list[str]:
    """CELEX numbers printed or in EUR-Lex links; an ELI of an adopted act gives its CELEX
    (sector 3, type letter from the ELI type). Cut-off numbers ("52023DC0…") do not match."""
    found = celex_candidates(text)
    for kind, year, number in _ELI_ACT.findall(text):
        found.append(f"3{year}{_ELI_TYPE[kind]}{int(number):04d}")
    return list(dict.fromkeys(found))


def celex_candidates(text: str) -> list[str]:
    """Whole CELEX numbers: not glued to other letters or digits, except after "CELEX%3A"."""
    found = []
    for match in _CELEX_TAIL.finditer(text):
        tail_start, end = match.span()
        start = tail_start - 1
        if start < 0 or text[start] not in _CELEX_SECTORS:
            continue
        after = text[end : end + 1]
        if after.isalnum() or after == "_":
            continue
        glued = _glued_to_word(text, start) or text.endswith("%", 0, start)
        if glued and not text.endswith("CELEX%3A", 0, start):
            continue
        found.append(text[start:end])
    return found


def _glued_to_word(text: str, start: int) -> bool:
    """True when a word character stands right before `start` ("EUCOM(2020) 1" is no COM)."""
    before = text[start - 1 : start]
    return before.isalnum() or before == "_"


def eurlex_urls(text: str) -> list[str]:
    """Whole URLs only: a link shortened by the web rendering ("...CELEX:52023DC0…") is no link."""
    urls = [url.rstrip(".,;)>") for url in _URL.findall(text)]
    return [url for url in urls if not url.endswith("…") and "…" not in url]


def find_links(doc: Document) -> list[Link]:
    text = "\n".join(s.text for s in doc.sections)
    found: list[Link] = []
    for match in _COM.finditer(text):
        if _glued_to_word(text, match.start()):
            continue
        found.append(Link(kind="com", value=normalise_com(*match.groups())))
    for celex in celex_candidates(text):
        found.append(Link(kind="celex", value=celex))
    for eli in _ELI.findall(text) if "/eli/" in text else []:
        found.append(Link(kind="eli", value=eli.rstrip("/.")))
    for dossier, number in _KAMERSTUK.findall(text) if "Kamerstuk" in text else []:
        found.append(Link(kind="kamerstuk", value=f"kst-{dossier.replace(' ', '')}-{number}"))
    return found
