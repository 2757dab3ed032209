"""The sentence around a reference: where a link was made, so a reader sees why it was made.

No spaCy here: this runs over every document (also 16,000 EUR-Lex texts), and a reference needs
only its own sentence. A sentence ends at ". ", "? " or "! " (a footnote mark may follow: ".3 ")
before a capital, a blank line, a bullet, or a footnote line ("3 Kamerstuk 22 112, nr. 3432");
"nr.", "art." and other abbreviations do not end one.
"""

from __future__ import annotations

import re

_MAX = 400  # characters on either side of the reference: a run-on table row is no sentence
# The first character is read before the alternatives, so that the regex engine can skip to the
# next ".", "!", "?", ";" or newline: a pattern led by alternatives is tried at every position
# of the 800 characters around a reference (10x slower).
_END = re.compile(
    r"[.!?;\n](?:(?<=[.!?;])\d{0,2}\s+(?=[\"'“‘(]?[A-Z0-9À-Ý•▪-])"
    r"|(?<=\n)\s*\n|(?<=\n)(?=\s*(?:[•▪·–-]|\d{1,2}\s)))"
)
_ABBREVIATIONS = frozenset(
    ("nr", "nrs", "art", "artt", "jo", "blz", "p", "pp", "o.a", "bijv", "e.a", "vgl", "zie")
    + ("lid", "par", "resp", "ca", "mr", "dhr", "mw", "no", "jr", "st", "sub")
)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds text[start:end], on one line."""
    left = max(0, start - _MAX)
    right = min(len(text), end + _MAX)
    begin = left
    for match in reversed(list(_END.finditer(text, left, start))):
        if not _after_abbreviation(text, match.start()):
            begin = match.end()
            break
    stop = right
    for match in _END.finditer(text, end, right):
        if not _after_abbreviation(text, match.start()):
            stop = match.start() + (1 if text[match.start()] in ".!?" else 0)
            break
    return " ".join(text[begin:stop].split())


def _after_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation ("nr.", "o.a.")."""
    if text[dot] != ".":
        return False
    word = text[max(0, dot - 8) : dot].split()[-1:] or [""]
    token = word[0].lstrip("(").lower()
    return token in _ABBREVIATIONS
