"""The words of fiche headings and section-1 labels, matched on folded text (lower case, no
accents) so that every template generation and rendering maps onto the same keys."""

from __future__ import annotations

import re

from parsers.lines import fold, split_marker

# Every variant of a fiche heading: "Fiche 3: ...", "Fiche: ...", "BNC-fiche - ...", "Fiche nr. 3:
# ...", and a revision: "Herzien fiche: ...", "Herziene BNC-fiche 2: ...".
FICHE_HEADING = re.compile(
    r"^(?P<revised>herziene?\s+)?(?:bnc[- ]?)?fiche\s*(?:(?:nr\.?|nummer)\s*)?(?P<number>\d+)?"
    r"\s*[:–-]\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)

_ROL_EP = r"rol (van het )?(europees parlement|ep)\b"

# Section-1 labels (Algemene gegevens) -> metadata key. Order matters: first match wins.
LABELS = (
    ("titel_voorstel", r"titels? (van (het|de) )?voorstel(len)?"),
    ("datum_ontvangst", r"datum (ontvangst )?commissiedocument(en)?|datum ontvangst"),
    ("com_numbers", r"(nr\.?|nummer|nummers) commissiedocument(en)?"),
    # an older title page prints the CELEX number on a line of its own: read as the link is
    ("eurlex_url", r"eur-?lex|pre-?lex|celex(-?nummers?)?"),
    (
        "impact_assessment",
        r"(nr\.? )?impact[- ]?assessment( commissie)?( en opinie)?"
        r"( (impact[- ]?assessment[- ]?board|raad voor regelgevingstoetsing))?\s*:?",
    ),
    ("behandelingstraject_raad", r"behandelingstraject raad"),
    ("ministerie", r"eerstverantwoordelijke? ministerie"),
    # "Rechtsbasis, besluitvormingsprocedure (Raad) en rol (van het) Europees Parlement": one
    # item of older templates, its value split over the keys it names (COMBINED_PARTS)
    ("rechtsbasis", rf"rechtsbasis(,? (en )?besluitvormingsprocedure( raad)?)?( en {_ROL_EP})?"),
    ("besluitvormingsprocedure_raad", rf"besluitvormingsprocedure( raad)?( en {_ROL_EP})?"),
    ("rol_ep", _ROL_EP),
)
_LABELS = tuple(
    (key, re.compile(rf"^(?:{pattern})\b\s*:?", re.IGNORECASE)) for key, pattern in LABELS
)

# Main sections (numbered 1-8 in the templates) in template order, with the key their text
# gets when no lettered subsection says otherwise.
MAIN_SECTIONS = (
    ("algemeen", "algemeen", r"algemene gegevens"),
    ("essentie", "essentie", r"essentie (van )?(het |de )?(voorstel|mededeling)|inhoud voorstel$"),
    ("positie", "positie.beoordeling", r"(nederlandse|nl) positie|nederlands standpunt"),
    ("aspecten", "overig", r"grondhouding|(beoordeling )?bevoegdheid(svraag)?\b|subsidiariteit"),
    ("financieel", "financiele_gevolgen", r"financiele (consequenties|gevolgen)"),
    ("regeldruk", "regeldruk", r"(gevolgen voor )?(regeldruk|administratieve lasten)"),
    ("juridisch", "juridisch", r"implicaties juridisch|juridische (implicaties|consequenties)"),
    ("uitvoering", "uitvoering", r"implicaties voor (de )?uitvoering|uitvoering en/of handhaving"),
    ("ontwikkelingslanden", "ontwikkelingslanden", r"implicaties voor ontwikkelingslanden"),
)  # fmt: skip
_MAIN = tuple((name, key, re.compile(rf"^(?:{p})")) for name, key, p in MAIN_SECTIONS)

# Lettered subsections whose words name their own key (first match wins).
SUBSECTIONS = (
    ("bevoegdheid", r"^bevoegdheid"),
    ("subsidiariteit", r"subsidiariteit"),
    ("proportionaliteit", r"proportionaliteit"),
    ("positie.beleid", r"nederlands(e)? beleid"),
    ("positie.beoordeling", r"^beoordeling (\+|en) inzet|inzet ten aanzien"),
    ("positie.krachtenveld", r"krachtenveld"),
    ("regeldruk", r"regeldruk|administratieve lasten|concurrentiekracht|geopolitiek"),
    ("financiele_gevolgen", r"financiele (gevolgen|consequenties)|begroting"),
)
_SUB = tuple((key, re.compile(p)) for key, p in SUBSECTIONS)


LABEL_WINDOW = 160


def match_label(text: str) -> tuple[str, str] | None:
    """(metadata key, text after the label) when the line starts with a section-1 label."""
    # Labels stand at the start of a line: folding a whole paragraph would only cost time.
    original = split_marker(text).text
    head = original[:LABEL_WINDOW]
    folded = fold(head)
    for key, pattern in _LABELS:
        match = pattern.match(folded)
        if match:
            return key, original[_original_length(head, match.end()) :].strip(" :")
    return None


# What the value of a combined item is made of, in the order the item names them.
COMBINED_PARTS = (
    ("rechtsbasis", re.compile(r"\bart(ikel|ikelen|\.)|\bv[ew]eu\b|verdrag", re.IGNORECASE)),
    ("besluitvormingsprocedure_raad", re.compile(r"meerderheid|unanimiteit|eenparig", re.I)),
    (
        "rol_ep",
        re.compile(
            r"medebeslissing|co-?decisie|raadpleging|consultatie|instemming|goedkeuring"
            r"|wetgevingsprocedure|geen rol|informeren|geen\b",
            re.IGNORECASE,
        ),
    ),
)
_NAMES = {
    "rechtsbasis": "rechtsbasis",
    "besluitvormingsprocedure_raad": "besluitvormingsprocedure",
    "rol_ep": "rol ",
}


def named_keys(label: str) -> tuple[str, ...]:
    """The keys a combined label names ("Rechtsbasis en besluitvormingsprocedure Raad":
    rechtsbasis and besluitvormingsprocedure_raad); one key for any other label."""
    folded = fold(label)
    return tuple(key for key, word in _NAMES.items() if word in folded)


# Where a label may start inside a line: after a space, with or without its letter ("h)
# Rechtsbasis"), at the capitalised first word of a label. An unlettered one counts only when
# a colon or a comma follows it ("... Ministerie van Buitenlandse Zaken Rechtsbasis, bes...").
_INLINE_START = re.compile(
    r"(?<=\s)(?:(?P<letter>[a-m][).])\s+)?(?=(?:Titel|Datum|Nr\b|Nummer|EUR|Eur|Pre-?lex|PreLex"
    r"|CELEX|Celex|Impact|Behandelingstraject|Eerstverantwoordelijk|Rechtsbasis"
    r"|Besluitvormingsprocedure|Rol\b))"
)


def inline_label_starts(text: str) -> list[int]:
    """Offsets in a line where another section-1 label starts (the line holds several fields,
    or a value runs on into the next label); [] for most lines."""
    starts = []
    for match in _INLINE_START.finditer(text, 1):
        rest = text[match.start() :]
        label = match_label(rest)
        if label is None:
            continue
        value = label[1]
        label_text = rest[: rest.rfind(value)] if value else rest
        if match.group("letter") or label_text.rstrip().endswith(":") or value.startswith(","):
            starts.append(match.start())
    return starts


def _original_length(original: str, folded_end: int) -> int:
    """Folding keeps one character per letter (accents dropped, spaces collapsed): map an
    offset in the folded text back to the original by counting non-space characters."""
    target = len(fold(original)[:folded_end].replace(" ", ""))
    seen = 0
    for index, char in enumerate(original):
        if seen >= target:
            return index
        if not char.isspace():
            seen += 1
    return len(original)


def match_main(text: str) -> tuple[int, str, str] | None:
    """(template position, section name, default key) for a main-section heading's words."""
    folded = fold(text)
    for position, (name, key, pattern) in enumerate(_MAIN):
        if pattern.search(folded):
            return position, name, key
    return None


def match_subsection(text: str) -> str:
    folded = fold(text)
    return next((key for key, pattern in _SUB if pattern.search(folded)), "")


def is_fiche_start(lines: list[str], index: int) -> bool:
    """A "Fiche: ..." heading starts a fiche when section 1 follows it (a cover letter lists
    fiches the same way, followed by more list lines)."""
    if not FICHE_HEADING.match(lines[index]):
        return False
    for following in lines[index + 1 : index + 4]:
        marked = split_marker(following)
        if not marked.text:
            continue
        main = match_main(marked.text)
        if main and main[1] == "algemeen":
            return True
        label = match_label(following)
        return bool(label and label[0] == "titel_voorstel")
    return False
