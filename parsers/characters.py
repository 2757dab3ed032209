"""Text is text: characters that are no part of what a document says.

- Control characters (C0 but tab and line breaks, DEL, C1) come from broken exports and
  hostile files. A parser drops them (`without_controls`); every output that may hold older
  text shows them escaped (`printable`): ESC never reaches a terminal, \\x01 never an XML feed.
- Invisible characters inside words (soft hyphen, zero-width space and joiners, word joiner,
  BOM) split a word for a search engine while a reader sees one word: they are removed from
  what is indexed and from what is searched (`analysis_text`).
- A "word" of a hundred letters is no word: the search engines drop such tokens, so a query of
  one would find nothing and match everything. Indexed and searched text keep the first
  MAX_WORD_BYTES bytes of it, so it finds itself and nothing else.
"""

from __future__ import annotations

import re

# Soft hyphen, zero-width space, non-joiner, joiner, word joiner, zero-width no-break space.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
# Control characters but tab, line feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The embedded index drops tokens of 60 bytes and more (index/embedded.py, remove_long).
MAX_WORD_BYTES = 59
# A run of letters and digits (what the engines' tokenizers keep together) long enough to be
# over MAX_WORD_BYTES, from its first letter only (the lookbehind makes the scan 2x faster).
_LONG_WORD = re.compile(rf"(?<![^\W_])[^\W_]{{{MAX_WORD_BYTES // 4 + 1},}}")


def without_controls(text: str) -> str:
    """Control characters dropped; those that separate (form feed, vertical tab, the
    information separators) become a space, so the words on either side stay apart."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda found: " " if found.group().isspace() else "", text)


def printable(text: str) -> str:
    """Control characters shown as escapes (\\x1b, \\x9b): safe for a terminal, a CSV cell
    and XML, and nothing is hidden from the reader."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


# What may not stand inside one line of a report: every control character (line breaks and tab
# too), the Unicode line and paragraph separators, and the bidirectional overrides and isolates
# that make a terminal show characters in another order than they are; and the bytes of a
# file name that are no UTF-8 (Python holds them as lone surrogates, which cannot be printed).
_NOT_IN_A_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """A file name, URL or error message for one line of a report: whatever it holds is shown
    escaped (\\n, \\x1b, \\u202e), so a hostile name can neither move the cursor, colour
    the terminal, nor start a line of its own that looks like another entry of the report."""
    if not _NOT_IN_A_LINE.search(text):
        return text
    return _NOT_IN_A_LINE.sub(_escape, text)


def _escape(found: re.Match) -> str:
    char = found.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte the file name holds
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def analysis_text(text: str) -> str:
    """Text as the search engines see it, indexed or queried: invisible characters removed,
    words over MAX_WORD_BYTES (UTF-8) cut to their first MAX_WORD_BYTES bytes."""
    return _LONG_WORD.sub(_cut_word, without_invisible(text))


def _cut_word(found: re.Match) -> str:
    word = found.group()
    encoded = word.encode("utf-8")
    if len(encoded) <= MAX_WORD_BYTES:
        return word
    return encoded[:MAX_WORD_BYTES].decode("utf-8", "ignore")
