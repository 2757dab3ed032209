"""References found in a document's text (footnotes included): Commission documents (COM, SEC,
SWD, JOIN, C) in every spelling, CELEX numbers, EU acts by name, ELI and ECLI identifiers,
Kamerstukken and procedure references. Each one keeps the sentence that makes it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from parsers.link_sentence import sentence_around
from parsers.model import Document, Link

# Case variants spelled out instead of IGNORECASE (2x faster over a 400 M character corpus), and
# the word boundary before the kind checked in Python: a leading \b defeats the regex engine's
# first-character scan (4x slower).
# "COM(2021) 206", "COM (2021) 206", "COM/2021/206 final", "COM(2021)206 def.", and in EUR-Lex
# URLs "uri=COM:2021:726:FIN".
_COM_KINDS = ("COM", "Com", "com", "SWD", "Swd", "JOIN", "Join", "SEC", "Sec", "C")
_COM = re.compile(
    rf"({'|'.join(_COM_KINDS)})\s*(?:[(/]\s*(\d{{4}})\s*[)/]|:(\d{{4}}):)\s*(\d{{1,4}})\b"
)
# Even a scan for the kinds' first letters costs 10 ns a character (the engine tests every
# character against the set); a scan for one literal character costs 1. So _COM is tried only
# where a kind can end before the bracket of the year: "(", "/" and ":" are looked for, each
# alone, and the kind is read back from there (_com_starts).
_COM_BRACKETS = (
    re.compile(r"\((?=\s*\d{4})"),
    re.compile(r"/(?=\s*\d{4})"),
    re.compile(r":(?=\d{4}:)"),
)
_COM_KIND_ENDS = frozenset(kind[-1] for kind in _COM_KINDS)
_COM_KIND_LENGTHS = sorted({len(kind) for kind in _COM_KINDS}, reverse=True)
_COMMISSION_DOC = re.compile(r"\b(COM|JOIN)\s*[(/]\s*(\d{4})\s*[)/]\s*(\d{1,4})\b", re.IGNORECASE)
# A whole CELEX number (sector, year, type, number), in a URL ("CELEX:52022PC0546",
# "CELEX%3A52022PC0546") or printed ("EUR-Lex – 52022PC0454 – EN"). The scan looks for the
# year, type and number, and the sector digit and the surroundings are checked in Python: a
# pattern that starts at the frequent digits, or with lookbehinds, scans 1.5 to 6x slower.
_CELEX_TAIL = re.compile(r"[12]\d{3}[A-Z]{1,2}\d{4}")
# Where a tail starts, found by one scan per leading digit: literal scans (1 ns a character)
# instead of the set [12] (9 ns).
_CELEX_TAIL_STARTS = tuple(re.compile(rf"{digit}(?=\d{{3}}[A-Z]{{1,2}}\d{{4}})") for digit in "12")
_CELEX_SECTORS = frozenset("123456789E")
_ELI = re.compile(r"https?://(?:data\.europa\.eu|eur-lex\.europa\.eu)/eli/[\w/.-]+")
_ELI_ACT = re.compile(r"/eli/(reg|dir|dec|reco)/(\d{4})/(\d{1,4})(?:/|$)")
_ELI_TYPE = {"reg": "R", "dir": "L", "dec": "D", "reco": "H"}
_URL = re.compile(r"https?://\S+")
# "Kamerstuk 22 112, nr. 3432", "Kamerstukken II 2021/22, 22112, nr. 3300",
# "Kamerstukken I 2019-2020, 35 300 V, nr. 5", "Kamerstuk 21501-20, nr. 1234".
_KAMERSTUK = re.compile(
    r"Kamerstuk(?:ken)?\s+(?:I{1,2},?\s+)?(?:\d{4}[/–-]\d{2,4},?\s*)?"
    r"(?:(\d{2}\s?\d{3}(?:(?:-|\s)(?:[A-Z]{1,3}|\d{2})\b)?),?\s*[Nn]r\.\s*(\d+)"
    r"|(\d{5}(?:-[A-Z0-9]{1,3})??)-(\d+)\b)"  # "Kamerstukken II, 2025-2026, 29861-187"
)
# Without the word, as the Tweede Kamer writes them: "(29754, nr. 113)", "31700 VII nr. 72",
# "moties 30420, nrs 100 en 101", and its document numbers "30569-8", "31700-B-14".
_DOSSIER_NR = re.compile(
    r"(?<![\w/.-])(\d{5})(?:[\s-]([A-Z]{1,4}|\d{2}))?,?\s+[Nn]rs?\.?\s*(\d{1,4})(?:\s+en\s+(\d{1,4}))?\b"
)
# Handelingen number a motion after its dossier: "Zij krijgt nr. 1136 (32847)."
_NUMBER_DOSSIER = re.compile(r"\b[Nn]r\.\s*(\d{1,4})\s*\((\d{5})(?:-([A-Z]{1,4}|\d{2}))?\)")
# Not "21501-07" in "(21501-07, nr. 1395)": that is a dossier, and _DOSSIER_NR reads it.
_DOSSIER_DASH = re.compile(
    r"(?<![\w/.-])(\d{5})(?:-([A-Z]{1,4}|\d{2}))?-(\d{1,4})(?![\w/-]|,?\s*[Nn]rs?\b)"
)
# A pattern that starts with a lookbehind or \b is tried at every position of the text (110 ns
# a character for the three). They are tried only where a literal scan (1 ns a character) finds
# what each must hold: "nr"/"Nr" after a space (_DOSSIER_NR), "nr."/"Nr." (_NUMBER_DOSSIER),
# a "-" right after five digits (_DOSSIER_DASH).
_NR_AFTER_SPACE = (re.compile(r"nr(?<=\snr)"), re.compile(r"Nr(?<=\sNr)"))
_NR_DOT = (re.compile(r"nr\."), re.compile(r"Nr\."))
_DASH_AFTER_FIVE_DIGITS = re.compile(r"-(?<=\d{5}-)")
_DOSSIER_PART_LENGTHS = (4, 3, 2, 1)  # [A-Z]{1,4} or \d{2}
_KST_ID = re.compile(r"\bkst-(\d{5,6}(?:-[A-Z0-9]{1,3})?)-(\d+)\b")
# "2022/0341(COD)", "2022/0341 (COD)", Cellar's "2018/0172/COD".
# Found from the "/" like an act (see _SLASH): the year before it, this after it.
_PROCEDURE_AFTER = re.compile(
    r"(\d{1,4})\s*[(/](COD|CNS|APP|NLE|SYN|AVC|BUD|DEC|INI|INL|RSP|ACI|DEA|RPS|IMM|REG|COS)\b\)?"
)
_ECLI = re.compile(r"ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]*[A-Z0-9]")
# EU acts by name. Type letters of the CELEX number (sector 3, legislation).
_ACT_TYPES = {
    "verordening": "R",
    "uitvoeringsverordening": "R",
    "gedelegeerde verordening": "R",
    "regulation": "R",
    "implementing regulation": "R",
    "delegated regulation": "R",
    "richtlijn": "L",
    "uitvoeringsrichtlijn": "L",
    "gedelegeerde richtlijn": "L",
    "directive": "L",
    "besluit": "D",
    "uitvoeringsbesluit": "D",
    "gedelegeerd besluit": "D",
    "decision": "D",
    "kaderbesluit": "F",
    "framework decision": "F",
    "aanbeveling": "H",
    "recommendation": "H",
}
_ACT_SUFFIX = r"EU|EG|EEG|EGKS|JBZ|GBVB|Euratom|EC|EEC|JHA|CFSP"
_ACT_PARTIES = rf"\(((?:{_ACT_SUFFIX})(?:,\s*(?:{_ACT_SUFFIX}))*)\)"
_ACT_WORD = "|".join(re.escape(w) for w in sorted(_ACT_TYPES, key=len, reverse=True))
# An act is found from its number: each "/" between digits ("2019/1150", "1093/2010",
# "2013/36/EU"); what stands before the number (the word, the parties, "nr.") is then read in a
# short window. Scanning for "/" is over 20x faster on EUR-Lex texts than a pattern that
# starts with the words.
_SLASH = re.compile(r"/\d")
_ACT_AFTER = re.compile(rf"(\d{{1,4}})(?:/({_ACT_SUFFIX}))?\b")
# "Verordening (EU) 2019/1150", "Verordening (EU) nr. 1093/2010", "Richtlijn 2013/36/EU",
# "Kaderbesluit 2002/584/JBZ", "Regulation (EU) No 648/2012", "(EG) nr. 1049/2001".
# Searched in the window before the number, so tried at each of its positions: the lookahead
# lets only a position where an act word or the parties can begin go on (3x faster). What it
# turns away can match only "nr. (" or less, no word and no parties: no act either way (act_celex).
_ACT_INITIALS = "".join(sorted({word[0] for word in _ACT_TYPES}))
_ACT_BEFORE = re.compile(
    rf"(?=[{_ACT_INITIALS}(])"
    rf"(?:(?<![\w-])({_ACT_WORD})\s+)?(?:{_ACT_PARTIES}\s*)?(nr\.?\s*|no\.?\s*|n[or]\.\s*)?\(?\Z",
    re.IGNORECASE,
)
_ACT_LOOKBACK = 60  # characters before the number that can hold the word, parties and "nr."
# Half the numbers have no act before them (dates, page ranges, URLs). A word or parties found by
# _ACT_BEFORE stand at the end of the window, followed only by whitespace, "nr."/"no." and "(":
# read backwards from the number, this pattern must match, or the search can be skipped.
_ACT_END_REVERSED = re.compile(
    rf"\(?(?:\s*\.?[ro]n)?\s*(?:\)|{'|'.join(re.escape(word[::-1]) for word in _ACT_TYPES)})",
    re.IGNORECASE,
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


def find_links(doc: Document, footnotes: Sequence[str] = (), eu_text: bool = False) -> list[Link]:
    """Every reference in the document's sections and footnotes (where fiches cite), once, in order
    of first appearance, each with its sentence. `eu_text`: an EU publication, which never numbers
    Kamerstukken the Tweede Kamer's way ("30569-8"): those forms are not looked for."""
    text = "\n\n".join([s.text for s in doc.sections] + list(footnotes))
    # Each (kind, value) once, with the sentence of its first mention: the archive keeps no
    # more, and an act cited forty times would otherwise have its sentence cut forty times.
    links: dict[tuple[str, str], Link] = {}
    for kind, value, start, end in find_references(text, parliamentary=not eu_text):
        if (kind, value) not in links:
            links[kind, value] = Link(kind, value, sentence=sentence_around(text, start, end))
    return list(links.values())


def find_references(text: str, parliamentary: bool = True) -> list[tuple[str, str, int, int]]:
    """(kind, value, start, end) of every reference in the text, in order of appearance.
    `parliamentary`: also Kamerstukken numbered without the word ("(29754, nr. 113)")."""
    found = _commission_documents(text) + _celex(text) + _numbered(text)
    if "/eli/" in text:
        for match in _ELI.finditer(text):
            found.append(("eli", match.group().rstrip("/."), *match.span()))
            # The ELI of an adopted act names its CELEX number too.
            for kind, year, number in _ELI_ACT.findall(match.group()):
                celex = f"3{year}{_ELI_TYPE[kind]}{int(number):04d}"
                found.append(("celex", celex, *match.span()))
    if "ECLI:" in text:
        found += [("ecli", m.group(), *m.span()) for m in _ECLI.finditer(text)]
    if "amerstuk" in text:
        for match in _KAMERSTUK.finditer(text):
            dossier, number, short_dossier, short_number = match.groups()
            value = _kst_id(dossier or short_dossier, number or short_number)
            found.append(("kamerstuk", value, *match.span()))
    if parliamentary:
        found += _dossier_numbers(text)
    if "kst-" in text:
        found += [("kamerstuk", _kst_id(*m.groups()), *m.span()) for m in _KST_ID.finditer(text)]
    return sorted(found, key=lambda ref: ref[2])


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """What pattern.finditer(text) finds, when `starts` holds every position where the pattern
    can match (more, or negative ones, do no harm): the pattern is tried there only, in order,
    and not inside the match before (finditer does not look there either). A match at a given
    position is the same whatever the scan: lookbehinds and \\b see the text before it."""
    end = 0
    for start in sorted(set(starts)):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match:
            end = match.end()
            yield match


def _literal_hits(scans: Iterable[re.Pattern[str]], text: str) -> Iterator[int]:
    for scan in scans:
        for match in scan.finditer(text):
            yield match.start()


def _dossier_nr_starts(text: str) -> Iterator[int]:
    """Where _DOSSIER_NR can start: before the "nr" stand whitespace, maybe a comma, then the
    five digits of the dossier or its part ("31700 VII nr. 72") after a space or "-"."""
    for nr in _literal_hits(_NR_AFTER_SPACE, text):
        end = nr
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if text[end - 1 : end] == ",":
            end -= 1
        yield end - 5
        for part in _DOSSIER_PART_LENGTHS:
            yield end - part - 6


def _dossier_numbers(text: str) -> list[tuple[str, str, int, int]]:
    found = []
    for match in _matches_at(_DOSSIER_NR, text, _dossier_nr_starts(text)):
        dossier, part, first, second = match.groups()
        base = f"{dossier}-{part}" if part else dossier
        for number in filter(None, (first, second)):
            found.append(("kamerstuk", _kst_id(base, number), *match.span()))
    for match in _matches_at(_NUMBER_DOSSIER, text, _literal_hits(_NR_DOT, text)):
        number, dossier, part = match.groups()
        base = f"{dossier}-{part}" if part else dossier
        found.append(("kamerstuk", _kst_id(base, number), *match.span()))
    dashes = _DASH_AFTER_FIVE_DIGITS.finditer(text)
    for match in _matches_at(_DOSSIER_DASH, text, (dash.start() - 5 for dash in dashes)):
        dossier, part, number = match.groups()
        base = f"{dossier}-{part}" if part else dossier
        found.append(("kamerstuk", _kst_id(base, number), *match.span()))
    return found


def _com_starts(text: str) -> Iterator[int]:
    """Where _COM can start: a kind, whitespace, then the bracket before the year."""
    for bracket in _literal_hits(_COM_BRACKETS, text):
        kind_end = bracket
        while kind_end > 0 and text[kind_end - 1].isspace():
            kind_end -= 1
        if text[kind_end - 1 : kind_end] in _COM_KIND_ENDS:
            yield from (kind_end - length for length in _COM_KIND_LENGTHS)


def _commission_documents(text: str) -> list[tuple[str, str, int, int]]:
    found = []
    for match in _matches_at(_COM, text, _com_starts(text)):
        if _glued_to_word(text, match.start()):
            continue
        kind, year, url_year, number = match.groups()
        if url_year and text[match.start() - 1 : match.start()] == ":":
            continue  # "ECLI:EU:C:2020:559" is a court case, not C(2020) 559
        found.append(("com", normalise_com(kind, year or url_year, number), *match.span()))
    return found


def _celex(text: str) -> list[tuple[str, str, int, int]]:
    found = []
    for match in _matches_at(_CELEX_TAIL, text, _literal_hits(_CELEX_TAIL_STARTS, text)):
        start, end = match.start() - 1, match.end()
        if start >= 0 and _whole_celex(text, start, end):
            found.append(("celex", text[start:end], start, end))
    return found


def _whole_celex(text: str, start: int, end: int) -> bool:
    if text[start] not in _CELEX_SECTORS:
        return False
    after = text[end : end + 1]
    if after.isalnum() or after == "_":
        return False
    glued = _glued_to_word(text, start) or text.endswith("%", 0, start)
    return not glued or text.endswith("CELEX%3A", 0, start)


def _numbered(text: str) -> list[tuple[str, str, int, int]]:
    """EU acts and procedure references: both are numbers around a "/"."""
    found = []
    for slash in _SLASH.finditer(text) if "/" in text else []:
        start = _number_start(text, slash.start())
        if start < 0:
            continue
        year = text[start : slash.start()]
        procedure = _PROCEDURE_AFTER.match(text, slash.start() + 1) if len(year) == 4 else None
        if procedure and year[:2] in ("19", "20"):
            value = _procedure(year, *procedure.groups())
            found.append(("procedure", value, start, procedure.end()))
            continue
        after = _ACT_AFTER.match(text, slash.start() + 1)
        if after is None:
            continue
        before = _act_before(text, start)
        if before is None:
            continue  # no word, no parties: no act (act_celex)
        word, parties, nr = before.groups()
        number, suffix = after.groups()
        celex = act_celex(word, parties, nr, text[start : slash.start()], number, suffix)
        if celex:
            found.append(("celex", celex, before.start(), after.end()))
    return found


def _act_before(text: str, start: int) -> re.Match | None:
    """The act word, parties and "nr." before the number at `start`; None (or a match without
    word and parties) when none stand there."""
    window = max(0, start - _ACT_LOOKBACK)
    if not _ACT_END_REVERSED.match(text[window:start][::-1]):
        return None
    return _ACT_BEFORE.search(text, window, start)


def _number_start(text: str, slash: int) -> int:
    """Where the one to four digits before a "/" start; -1 when there are none or more."""
    start = slash
    while start > 0 and slash - start < 4 and text[start - 1].isdigit():
        start -= 1
    if start == slash or (start > 0 and text[start - 1].isdigit()):
        return -1
    return start


def act_celex(
    word: str | None,
    parties: str | None,
    nr: str | None,
    first: str,
    second: str,
    suffix: str | None,
) -> str:
    """The CELEX number of an act named in the text, "" when the match is no act.

    Acts before 2015 print number/year for regulations ("(EG) nr. 1049/2001") and year/number
    for directives and decisions ("2013/36/EU"); from 2015 on every act is year/number
    ("(EU) 2019/1150"). A trailing "/EU" or a leading word or "(EU)" is needed: "2019/1150" alone
    is no act."""
    if not word and not parties:
        return ""
    if not word and not nr:
        return ""  # "(EU) 2019/1150" without a word before it: a regulation? not said
    kind = _ACT_TYPES[" ".join(word.lower().split())] if word else "R"
    if nr or (not suffix and _year(second) and not _year4_recent(first)):
        number, year = first, second
    else:
        year, number = first, second
    full_year = _year(year)
    if not full_year or not number.isdigit() or int(number) == 0:
        return ""
    if not suffix and not parties and not (nr and kind == "R"):
        return ""  # "Besluit 2/2020" of a Dutch body: an EU act carries (EU) or /EU
    return f"3{full_year}{kind}{int(number):04d}"


def _year(value: str) -> int:
    """A plausible act year: 4 digits 1950..2099, or 2 digits (93 -> 1993, 01 -> 2001)."""
    if len(value) == 4:
        year = int(value)
        return year if 1950 <= year <= 2099 else 0
    if len(value) == 2:
        year = int(value)
        return 1900 + year if year >= 50 else 2000 + year
    return 0


def _year4_recent(value: str) -> bool:
    return len(value) == 4 and 2015 <= int(value) <= 2099


def _kst_id(dossier: str, number: str) -> str:
    dossier = re.sub(r"^(\d{2})\s(\d{3})", r"\1\2", dossier)
    return f"kst-{dossier.replace(' ', '-')}-{int(number)}"


def _procedure(year: str, number: str, kind: str) -> str:
    return f"{year}/{int(number):04d}({kind.upper()})"
