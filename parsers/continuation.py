"""Whether a piece of text goes on with the sentence before it, for every reader.

A paragraph reaches the parser cut in pieces: by a page break, a footnote between its
halves, a hard line break at every printed line, one <p> per printed line. Every reader
and splitter asks the same question at such a cut, and this module answers it from the
text alone: the PDF reader across a page break, the plain reader around a footnote, the
fiche section splitter between blocks, and the reflow of hard-wrapped text, which adds its
printed-width rules on top (parsers/readers/reflow.py).

The answer holds for Dutch government prose in general (fiches, Kamerbrieven, moties,
besluitenlijsten); benchmarks/continuations.py measures it on hand-labelled corpus pairs
(tests/gold/continuations.tsv).
"""

from __future__ import annotations

import re

# Closing quotes and brackets may follow the mark that ends a sentence: 'dat is "nodig."'.
_CLOSERS = "'’”\"»)]"
# Opening quotes, brackets and the interruption dash may precede the first letter. The
# en dash and hyphen are list bullets in Dutch government text, the em dash is not.
_OPENERS = "(“\"'‘„«[—"
# ";" and ":" close a clause that a new line starts afresh: the considerations of a motie
# ("constaterende dat ...;" / "overwegende dat ...") and the items after a colon.
_SENTENCE_MARKS = ".!?:;"

_LIST_ITEM = re.compile(
    r"^(?:[•·▪◦●]\s*|[*\-–]\s"  # bullets; a hyphen glued to a word is no bullet ("-producten")
    r"|\(?[a-z]\)(?:\s|$)|[a-z]\.(?:\s|$)"  # a) (a) a.
    r"|\d{1,2}(?:\.\d{1,2})*[.)](?:\s|$)|\d{1,2}(?:\.\d{1,2})+\s"  # 1. 1) 2.3. 2.3
    r"|[ivx]{1,4}[.)](?:\s|$))"  # i. iv)
)
# Abbreviations that never end a Dutch sentence: what follows them is always more of it
# ("o.a." / "de lidstaten", "art." / "5"). Left out on purpose: "enz.", "etc.", "e.d.",
# "e.a.", "jl.": those close sentences as often as not.
ABBREVIATIONS = frozenset(
    {"o.a.", "bijv.", "bv.", "b.v.", "art.", "artt.", "nr.", "nrs.", "jo.", "m.b.t."}
    | {"t.a.v.", "i.v.m.", "i.c.", "c.q.", "t.o.v.", "d.w.z.", "zgn.", "z.g.", "resp."}
    | {"incl.", "excl.", "vgl.", "ca.", "c.a.", "m.n.", "i.p.v.", "t.b.v.", "n.a.v."}
    | {"o.b.v.", "a.d.h.v.", "m.u.v.", "blz.", "pag.", "p.", "mr.", "dhr.", "mevr.", "drs."}
    | {"dr.", "prof.", "ir.", "ing.", "vs.", "z.s.m.", "t.g.v.", "i.h.k.v.", "o.g.v."}
)
# Words that cannot end a Dutch sentence or heading: articles, prepositions, conjunctions.
# A piece ending in one ("... van de" / "Europese Commissie") goes on, whatever the case of
# the next piece; a heading that wraps ends in one too ("..., concurrentiekracht en").
OPEN_ENDINGS = frozenset(
    {"de", "het", "een", "der", "den", "van", "in", "op", "met", "voor", "door", "aan"}
    | {"bij", "naar", "uit", "over", "onder", "tot", "tegen", "tussen", "zonder", "om"}
    | {"te", "ter", "ten", "volgens", "binnen", "via", "per", "vanuit", "inzake", "betreffende"}
    | {"en", "of", "maar", "dat", "die", "dan", "als", "omdat", "zodat", "waardoor", "indien"}
    | {"wanneer", "terwijl", "hoewel", "noch", "mits", "zoals", "welke", "waarin", "waarbij"}
)
# A marked line this short, capitalised after its marker, is a label or heading: the line
# after it is its value or its body ("• b) Datum ontvangst Commissiedocument" / "september
# 2017"), not more of it. Printed list items in running text fill a line (80-100 chars).
LABEL_MAX = 60
# The first word of a URL, a file or an identifier ("kst-22112-3620", "https://..."): its
# case says nothing about a sentence going on.
_CODE = re.compile(r"^(?:\S*\d\S*|\S*://\S*|www\.\S*|\S+@\S+)$")
# A line opened by a capitalised word and a colon ("Fiche: ...", "Onderwerp: ...", "Bijlage
# 2: ..."): a labelled line of its own, as in a letter's list of the fiches it sends. Prose
# that wraps does not put a capitalised word and a colon at the start of the next line.
_LABELLED = re.compile(r"^[A-Z][^\W\d_]*(?: \d{1,3})?:\s+\S")


def continues(previous: str, text: str) -> bool:
    """Whether `text` goes on with the sentence that `previous` leaves open.

    "... door erkende" / "referenten of ..." goes on; so does "... van de" / "Europese
    Commissie" and "(PbEU" / "2010, L331)."; a list item, a label's value and a line after
    a finished sentence do not."""
    previous, text = previous.rstrip(), text.strip()
    if not previous or not text or is_list_item(text) or opens_with_label(text):
        return False
    last = previous.splitlines()[-1].strip()
    if ends_sentence(last) or is_label(last):
        return False
    return leaves_open(last) or starts_lower(text)


def ends_sentence(text: str) -> bool:
    """A sentence mark at the end, before any closing quotes or brackets ("nodig.)"), and
    not the point of an abbreviation ("o.a."). A bracket alone ends nothing: an aside in
    brackets sits inside sentences ("(met voldoende oog ...)" / "zijn hierbij ...")."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if not stripped or stripped[-1] not in _SENTENCE_MARKS:
        return False
    return not ends_in_abbreviation(stripped)


def ends_in_abbreviation(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lstrip(_OPENERS).lower() in ABBREVIATIONS


def leaves_open(text: str) -> bool:
    """The piece cannot stop here: it ends in an article, preposition or conjunction, in an
    abbreviation, in a hyphen ("EU-" / "lidstaten"), or inside a bracket."""
    words = text.split()
    if not words:
        return False
    last = words[-1].lower()
    if last in OPEN_ENDINGS or last in ABBREVIATIONS or text.endswith(("-", "–")):
        return True
    tail = _last_sentence(text)
    return tail.count("(") > tail.count(")") or tail.count("[") > tail.count("]")


def is_list_item(text: str) -> bool:
    """Starts with list furniture: a bullet, "a)", "(a)", "a.", "1.", "2.3", "iv)"."""
    return bool(_LIST_ITEM.match(text.strip()))


def opens_with_label(text: str) -> bool:
    """Starts with a capitalised word and a colon: "Fiche: Verordening ...", "Bijlage 2: ..."."""
    return bool(_LABELLED.match(text.strip()))


def is_label(text: str) -> bool:
    """A short marked line capitalised after its marker and not left open: a label or a
    numbered heading, whose value or body follows on the next line."""
    marker = _LIST_ITEM.match(text)
    if not marker:
        return False
    rest = text[marker.end() :].strip()
    while _LIST_ITEM.match(rest):  # doubled furniture: "• a)", "d) d)"
        rest = rest[_LIST_ITEM.match(rest).end() :].strip()
    return 0 < len(rest) <= LABEL_MAX and rest[:1].isupper() and not leaves_open(rest)


def starts_lower(text: str) -> bool:
    """A lower-case first letter, also after an opening bracket, quote or dash ("(met
    voldoende oog ..."). Not a list item, and not a URL or identifier, which are lower
    case by convention. "'s-Gravenhage" is capitalised, "'s avonds" is not."""
    text = text.strip()
    if is_list_item(text):
        return False
    word = text.split(" ", 1)[0]
    if re.match(r"^[’']s-", word):
        return word[3:4].islower()
    word = text.lstrip(_OPENERS + "’ ").split(" ", 1)[0]
    if not word or _CODE.match(word):
        return False
    return word[:1].islower()


def _last_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?;:])\s+", text)
    return parts[-1] if parts else text
