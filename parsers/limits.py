"""Limits that keep one hostile or odd file from taking the machine down.

Every limit is a field of `Limits` with a default that protects a 2-core machine with a few
GB of memory. A file over a limit is either read as far as the limit allows and lands with a
note (OCR pages, sections) or refused with one clear line (an archive member that inflates
too far). Change a limit with an environment variable named FICHE_LIMIT_ and the field name
in capitals, for instance

    FICHE_LIMIT_MAX_OCR_PAGES=2000 fiche-search import scans/

`current_limits()` reads them once per process; `Limits(...)` builds other values in code
and tests.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import cache

ENV_PREFIX = "FICHE_LIMIT_"


@dataclass(frozen=True)
class Limits:
    # Pixels of one page rendered for OCR. A page larger than A2 (an 811-byte PDF can declare
    # a page of 5 m square) is rendered at a lower resolution, so that it holds at most this
    # many: 36 million is an A2 sheet at 300 dpi, about 36 MB of grey pixels per page.
    max_page_pixels: int = 36_000_000
    # Pages of one PDF read by OCR (Tesseract takes some seconds of a core per page). Pages
    # past this are not read: the document keeps the text of those before, and a note.
    max_ocr_pages: int = 500
    # A page whose share of dark pixels, rendered at BLANK_CHECK_DPI, is below this is blank
    # and not sent to Tesseract (a scanned empty sheet: paper grain and a few specks). The
    # sparsest page of text in the corpus, a page number and two short lines, has 0.00048.
    blank_ink_share: float = 0.0002
    # Uncompressed bytes of one member of a .docx or .odt, and of all members read from one
    # file together. Counted while inflating: a member is never inflated past the limit,
    # whatever size its zip header claims. max_document_bytes is also the most an HTML or
    # XML file may hold: a bigger one is refused in one line before it is parsed (its tree
    # takes some ten times its size in memory), by an import before it is even read.
    max_member_bytes: int = 32 * 1024 * 1024
    max_document_bytes: int = 64 * 1024 * 1024
    # Characters of one section. Longer text (a text file on one line) is cut into
    # consecutive sections under the same key, at a paragraph, sentence or word bound.
    max_section_chars: int = 100_000
    # Characters of one document read by the stance analysis (spaCy, some seconds per MB),
    # from its first section on. A longer document keeps the stances of what was read, and
    # a note in its metadata ("limits").
    max_stance_chars: int = 2_000_000
    # Bytes of section text on one page of the web's document page; a longer document is
    # shown over several pages (?page=N), each with whole sections, at least one.
    max_response_bytes: int = 2 * 1024 * 1024


# Files whose whole text is one tree of markup, refused over max_document_bytes.
MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".xml")


def markup_refusal(size: int, limits: Limits) -> str:
    """Why an HTML or XML file of `size` bytes is not read, or "" when it may be."""
    if size <= limits.max_document_bytes:
        return ""
    return (
        f"HTML or XML of {_megabytes(size)} is over the limit of"
        f" {_megabytes(limits.max_document_bytes)} per document"
        " (FICHE_LIMIT_MAX_DOCUMENT_BYTES): not read"
    )


def _megabytes(size: int) -> str:
    """1.5 MB, 64 MB; a size under a megabyte in kB, so that a small limit is no "0.2 MB"."""
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    megabytes = size / 1024 / 1024
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"


# The resolution of the cheap look at a page that decides whether it is blank.
BLANK_CHECK_DPI = 24


class LimitSettingError(ValueError):
    """A FICHE_LIMIT_ variable that is no number; the message names it and the valid form."""


def limits_from(environ: Mapping[str, str]) -> Limits:
    """The defaults, with every FICHE_LIMIT_<FIELD> of `environ` put over them."""
    changes: dict[str, int | float] = {}
    for spec in fields(Limits):
        name = ENV_PREFIX + spec.name.upper()
        if name not in environ:
            continue
        kind = float if spec.type in ("float", float) else int
        raw = environ[name].strip().replace("_", "")
        try:
            value = kind(raw)
        except ValueError:
            value = -1
        if value <= 0:
            raise LimitSettingError(
                f"{name}={environ[name]!r} is not a positive {kind.__name__}"
                f" (the default is {spec.default})"
            )
        changes[spec.name] = value
    return replace(Limits(), **changes)


@cache
def current_limits() -> Limits:
    """The limits of this process: the defaults and the FICHE_LIMIT_ environment variables."""
    return limits_from(os.environ)
