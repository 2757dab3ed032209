"""The stance vocabulary: Matcher patterns for the cues fiches use, as plain data.

Nothing here runs; parsers/stance_nlp.py compiles these tables into spaCy matchers and
parsers/stance_aspects.py / stance_paragraphs.py decide what the matches mean.

The lookup lemmatizer of spacy-lookups-data knows regular forms ("beoordeelt" -> beoordelen,
"steunt" -> steunen) but leaves many irregular ones alone ("wijst", "acht", "zet", "is"), so
verbs are matched on LEMMA where it works and on explicit LOWER forms where it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Token = dict[str, Any]
Pattern = list[Token]


def lower(*words: str) -> Token:
    return {"LOWER": {"IN": list(words)}}


def lemma(*words: str) -> Token:
    return {"LEMMA": {"IN": list(words)}}


def optional(token: Token) -> Token:
    return {**token, "OP": "?"}


def gap(at_most: int) -> Token:
    """Up to `at_most` arbitrary tokens."""
    return {"OP": f"{{0,{at_most}}}"}


# --- who is speaking ---------------------------------------------------------------------

# A sentence that names one of these and not the cabinet reports someone else's view
# ("De Commissie verwelkomt ...", "lidstaten staan positief tegenover ...").
OTHER_ACTORS = frozenset(
    {"commissie", "lidstaten", "lidstaat", "parlement", "ep", "raad", "esma", "eba", "eiopa"}
)
CABINET = frozenset({"kabinet", "kabinetten", "nederland", "regering", "nl", "minister"})

NEGATORS = frozenset({"niet", "geen", "nooit", "allerminst"})
# "niet alleen ..., maar ook" does not negate.
NEGATION_CANCELLERS = frozenset({"alleen", "enkel", "slechts", "uitsluitend"})
# Words that end the clause a verb cue governs: a "niet" after them negates something else.
CLAUSE_BREAKS = frozenset(
    {",", ";", ":", ".", "(", ")", "maar", "dat", "om", "omdat", "die", "indien", "wanneer"}
    | {"als", "waarbij", "zodat", "mits", "en", "of", "doch", "echter", "tenzij"}
)

# --- aspect stances (grondhouding) -------------------------------------------------------

# Words naming an aspect, matched whole on LOWER by a PhraseMatcher.
ASPECT_TERMS: dict[str, tuple[str, ...]] = {
    "bevoegdheid": ("bevoegdheid", "bevoegdheidsvraag", "bevoegdheidstoets", "rechtsgrondslag"),
    "subsidiariteit": (
        "subsidiariteit",
        "subsidiariteitstoets",
        "subsidiariteitsbeginsel",
        "subsidiariteitsoordeel",
        "subsidiariteitsaspect",
    ),
    "proportionaliteit": (
        "proportionaliteit",
        "proportionaliteitstoets",
        "proportionaliteitsbeginsel",
        "proportionaliteitsoordeel",
        "proportionaliteitsaspect",
        "evenredigheidsbeginsel",
    ),
}

# Words that frame a sentence as the cabinet's judgement ("grondhouding", "oordeel",
# "beoordeelt ... als", "acht ...", "kan zich vinden in").
ASPECT_FRAMES: list[Pattern] = [
    [lower("grondhouding", "oordeel", "beoordeling", "eindoordeel")],
    [lemma("beoordelen")],
    [lower("oordeelt", "oordelen", "oordeelde", "acht", "achten", "beschouwt", "beschouwen")],
    [lower("kijkt", "kijken")],
    [lower("zich"), lower("vinden")],
]

POSITIVE = lower("positief", "positieve")
NEGATIVE = lower("negatief", "negatieve")
# Not "bezwaar en beroep" (the legal remedy): only an objection someone has or raises.
OBJECTION = lower("bezwaar", "bezwaren")

# Label -> patterns. Longer patterns win over shorter overlapping ones, so "deels positief"
# is gedeeltelijk and not positief, and "kan nog geen oordeel" is geen_oordeel.
ASPECT_LABELS: dict[str, list[Pattern]] = {
    "positief": [
        [POSITIVE],
        # The 2022 template often judges bevoegdheid through the legal basis.
        [lower("zich"), lower("vinden"), lower("in"), gap(2), lower("rechtsgrondslag")],
        [
            lower("rechtsgrondslag"),
            gap(3),
            lower("juist", "passend", "correct", "adequaat", "terecht", "gerechtvaardigd"),
        ],
    ],
    "negatief": [[NEGATIVE]],
    "gedeeltelijk": [
        [lower("deels", "gedeeltelijk", "grotendeels", "overwegend", "voorwaardelijk"), POSITIVE],
        [lower("niet"), lower("geheel", "volledig", "onverdeeld", "helemaal"), POSITIVE],
        [
            POSITIVE,
            optional(lower(",")),
            lower("met"),
            optional(lower("een", "enkele", "twee", "drie", "wel", "de")),
            lower("kanttekening", "kanttekeningen", "voorbehoud", "uitzondering", "aantekening"),
        ],
        [POSITIVE, optional(lower(",")), lower("maar", "doch", "echter", "behoudens")],
    ],
    "geen_oordeel": [
        [lower("geen"), optional(lower("definitief", "volledig", "eenduidig")), lower("oordeel")],
        [lower("geen"), lower("eindoordeel")],
        [lower("nog"), lower("niet"), optional(lower("te", "worden")), lemma("beoordelen")],
        [lower("niet"), lower("van"), lower("toepassing")],
    ],
}

# --- paragraph stances (positie.*) -------------------------------------------------------


@dataclass(frozen=True)
class ParagraphCue:
    """A family of wordings for one paragraph label.

    `negated` is the label when a negation governs the cue ("niet positief" is kritisch,
    "steunt ... niet" is verwerpt); None means a negation cancels the cue.
    `verb` cues may be negated after the verb too ("steunt het voorstel niet").
    """

    label: str
    negated: str | None
    verb: bool
    patterns: tuple[Pattern, ...]


PARAGRAPH_CUES: dict[str, ParagraphCue] = {
    "steunt.verb": ParagraphCue(
        "steunt",
        "verwerpt",
        True,
        (
            [lemma("steunen", "verwelkomen", "onderschrijven", "ondersteunen")],
            [lower("steunt", "verwelkomt", "onderschrijft", "ondersteunt")],
            [
                lower("deelt", "delen"),
                optional(lower("de", "het")),
                lower("opvatting", "ambitie", "doel", "doelstelling", "analyse", "mening", "visie"),
            ],
        ),
    ),
    "steunt.attitude": ParagraphCue(
        "steunt",
        "kritisch",
        False,
        (
            [POSITIVE, lower("tegenover", "over")],
            [lower("voorstander")],
            [lower("zich"), optional(lower("hierin", "daarin", "erin", "wel")), lower("vinden")],
        ),
    ),
    "voorwaarden": ParagraphCue(
        "steunt_onder_voorwaarden",
        None,
        False,
        (
            [lower("mits")],
            [lower("onder", "op"), optional(lower("de")), lower("voorwaarde", "voorwaarden")],
            [lemma("kanttekening")],
            [lower("kanttekening", "kanttekeningen")],
            [POSITIVE, optional(lower(",")), lower("maar")],
            [lower("niet"), lower("geheel", "volledig", "onverdeeld", "helemaal"), POSITIVE],
            [lower("aandacht"), gap(4), lemma("vragen")],
            [lower("aandacht"), gap(4), lower("vragen", "vraagt", "gevraagd")],
            [lemma("vragen"), gap(3), lower("aandacht")],
            [lower("vraagt", "vragen"), gap(3), lower("aandacht")],
            [lower("inzetten"), lower("op")],
            [lower("zet", "zetten"), gap(3), lower("in"), lower("op")],
            [lower("pleiten", "pleit")],
            [lower("onder"), lower("voorbehoud")],
        ),
    ),
    "terughoudend": ParagraphCue(
        "terughoudend",
        "neutraal",
        False,
        (
            [lower("terughoudend", "terughoudende", "terughoudendheid", "afwachtend")],
            [lower("zorgen", "zorg"), lower("over", "bij", "omtrent", "ten")],
            [lower("zich"), lower("zorgen")],
            [lemma("vraagteken")],
            [lower("vraagtekens", "vraagteken")],
            [lower("twijfels", "twijfel"), lower("over", "bij", "aan")],
        ),
    ),
    "kritisch": ParagraphCue(
        "kritisch",
        "neutraal",
        False,
        (
            [lower("kritisch", "kritische")],
            [OBJECTION, lower("tegen", "bij", "tegenover", "ten", "heeft", "hebben")],
            [lower("heeft", "hebben", "maakt", "maken", "ziet", "zien", "uit"), OBJECTION],
            [NEGATIVE, lower("tegenover", "over")],
            [lower("niet"), lower("wenselijk")],
            [lower("onwenselijk", "ongewenst")],
        ),
    ),
    "verwerpt": ParagraphCue(
        "verwerpt",
        "neutraal",
        True,
        (
            [lower("wijst", "wijzen"), gap(5), lower("af")],
            [lemma("afwijzen", "verwerpen")],
            [lower("verwerpt", "afgewezen", "afwijzen", "afwijzend", "tegenstander")],
            [lower("geen"), lower("steun")],
            [
                lower("is", "zijn"),
                lower("tegen"),
                lower("het", "dit", "deze", "een", "de"),
                {"LOWER": {"NOT_IN": ["achtergrond", "licht", "einde"]}},
            ],
        ),
    ),
    "neutraal": ParagraphCue(
        "neutraal",
        None,
        False,
        (
            [lower("neemt", "nemen"), gap(3), lower("kennis")],
            [lower("merkt", "merken"), gap(3), lower("op")],
            [lower("van"), lower("mening")],
            [lower("acht", "achten", "vindt", "vinden"), gap(3), lower("van"), lower("belang")],
            [lower("hecht", "hechten"), lower("eraan", "belang", "waarde")],
            [lemma("bezien", "bestuderen")],
            [lower("bezien", "bestudeert", "erkent", "begrijpt")],
        ),
    ),
}

# When a paragraph carries several cues, the least positive one decides: a reservation or a
# rejection anywhere in a paragraph qualifies whatever support it also expresses, and a
# reader filtering on "kritisch" must not miss it. Support plus a condition ("steunt ...,
# mits ...") is thus steunt_onder_voorwaarden; neutraal only when nothing else is there.
PARAGRAPH_PRECEDENCE = (
    "verwerpt",
    "kritisch",
    "terughoudend",
    "steunt_onder_voorwaarden",
    "steunt",
    "neutraal",
)
