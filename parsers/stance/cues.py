"""The stance vocabulary: every cue wording as plain data, one table to scan.

Nothing here runs; stance/nlp.py compiles these tables into spaCy matchers, stance/holder.py
decides whose view a cue states and stance/aspects.py / stance/positions.py what it means.

The position cues are one table, POSITION_CUES: a row per wording with its label, the label
when a negation governs it, and its holder rule:
    CABINET    the cue counts when the sentence's holder of it is the cabinet (het kabinet,
               de regering, Nederland, wij; "volgens het kabinet"), never another actor
    QUALIFIER  the cue has no holder of its own: it qualifies a cabinet cue in the same
               sentence ("steunt ..., mits ..." is steunt_onder_voorwaarden)

The lookup lemmatizer of spacy-lookups-data knows regular forms ("beoordeelt" -> beoordelen,
"steunt" -> steunen) but leaves many irregular ones alone ("wijst", "acht", "zet", "is"), so
verbs are matched on LEMMA where it works and on explicit LOWER forms where it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parsers.model import PARAGRAPH_LABELS

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

# Who can hold a view. A word names the cabinet when it is one of CABINET; another actor
# when it is, or ends in, one of OTHER_ACTORS ("EU-lidstaten", "Europese Commissie").
CABINET = frozenset(
    {"kabinet", "regering", "nederland", "nl", "wij", "we", "minister", "staatssecretaris"}
)
OTHER_ACTORS = (
    "commissie",
    "lidstaten",
    "lidstaat",
    "parlement",
    "ep",
    "raad",
    "esma",
    "eba",
    "eiopa",
    "ecb",
    "sector",
    "bedrijfsleven",
    "belanghebbenden",
    "stakeholders",
    "marktpartijen",
    "partijen",
    "toezichthouders",
    "landen",
    "kamer",
    "organisaties",
    "instellingen",
    "werkgevers",
    "vakbonden",
    "agentschap",
    "rechter",
    "hof",
    "europol",
    "frontex",
)
# "volgens het kabinet", "naar het oordeel van de Commissie": the actor after these words
# holds the view of the whole sentence.
ATTRIBUTIONS: list[list[str]] = [
    ["volgens"],
    ["naar", "het", "oordeel", "van"],
    ["naar", "de", "mening", "van"],
    ["naar", "de", "opvatting", "van"],
    ["in", "de", "ogen", "van"],
]
# Words that put the actor after them in a prepositional phrase ("het voorstel van de
# Commissie", "met andere lidstaten"): such an actor is not the holder. "door" is the
# exception: it names the agent of a passive ("wordt door de lidstaten ondersteund").
PREPOSITIONS = frozenset(
    {"van", "aan", "met", "voor", "tot", "bij", "op", "in", "over", "naar", "tussen", "om"}
    | {"tegen", "uit", "onder", "binnen", "buiten", "tegenover", "namens", "jegens", "per"}
    | {"als", "zoals"}  # "net als veel lidstaten": a comparison names no holder
)
PASSIVE_AGENT = "door"
# Words that may stand between a preposition and the actor it governs ("van de", "met
# andere", "door een brede groep"); inflected adjectives ("Europese") count too. Any other
# word ends the phrase: "zal het kabinet" after "aanvraagprocedures" is no phrase of "van".
NOUN_PHRASE_WORDS = frozenset(
    {"de", "het", "een", "deze", "dit", "die", "alle", "veel", "vele", "sommige", "enkele"}
    | {"meeste", "meerdere", "overige", "beide", "ons", "onze", "zijn", "haar", "hun", "groep"}
    | {"meerderheid", "aantal", "minderheid", "deel", "helft", "twee", "drie", "vier", "eu"}
)
# Words opening a subordinate clause: a cue in it is held by that clause's own subject
# ("Het kabinet verwacht dat de lidstaten het voorstel steunen").
SUBORDINATORS = frozenset(
    {"dat", "omdat", "of", "indien", "wanneer", "zodat", "waardoor", "terwijl", "die"}
    | {"welke", "waarbij", "waarin", "hoewel", "doordat", "opdat", "zodra", "nadat"}
)
# Pronouns that continue the holder of the previous sentence ("Het kabinet ziet ...
# Daarom is zij voorstander van ...").
CONTINUING_PRONOUNS = frozenset({"zij", "hij", "ze"})
# An inverted subject stands this close after the finite verb ("Verder steunt het kabinet").
INVERTED_SUBJECT_WINDOW = 4

NEGATORS = frozenset({"niet", "geen", "nooit", "allerminst"})
# "niet alleen ..., maar ook" does not negate.
NEGATION_CANCELLERS = frozenset({"alleen", "enkel", "slechts", "uitsluitend"})
# Words that end the clause a verb cue governs: a "niet" after them negates something else.
CLAUSE_BREAKS = frozenset(
    {",", ";", ":", ".", "(", ")", "maar", "dat", "om", "omdat", "die", "indien", "wanneer"}
    | {"als", "waarbij", "zodat", "mits", "en", "of", "doch", "echter", "tenzij"}
)

# --- aspect stances (grondhouding) -------------------------------------------------------

# Words naming an aspect, as a regular expression on the lower-cased token: also inside
# compounds ("subsidiariteitsbeginsel", "proportionaliteitstoets", "evenredigheidsbeginsel").
# Not any word containing "bevoegdheid": "delegatiebevoegdheden" is no judgement of it.
ASPECT_TERMS: dict[str, str] = {
    "bevoegdheid": r"^(bevoegdheid|bevoegdheids\w+|rechtsgrondslag|rechtsbasis)$",
    "subsidiariteit": r"subsidiariteit",
    "proportionaliteit": r"proportionaliteit|^evenredigheid",
}

# Words that frame a sentence as the cabinet's judgement ("grondhouding", "oordeel",
# "beoordeelt ... als", "acht ...", "kan zich vinden in").
ASPECT_FRAMES: list[Pattern] = [
    [lower("grondhouding", "oordeel", "beoordeling", "eindoordeel")],
    [lemma("beoordelen")],
    [lower("oordeelt", "oordelen", "oordeelde", "acht", "achten", "beschouwt", "beschouwen")],
    [lower("kijkt", "kijken")],
    [lower("zich"), lower("vinden")],
    # conformity: "voldoet (niet) aan het subsidiariteitsbeginsel", "is in lijn met"
    [lower("voldoet", "voldoen")],
    [lower("in"), lower("lijn"), lower("met")],
]

POSITIVE = lower("positief", "positieve")
CONFORMS = [lower("voldoet", "voldoen"), optional(lower("niet")), lower("aan")]
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
            lower("rechtsgrondslag", "rechtsbasis"),
            gap(3),
            lower("juist", "passend", "correct", "adequaat", "terecht", "gerechtvaardigd"),
        ],
        # conformity and justification; a negation flips them ("voldoet niet aan")
        CONFORMS,
        [lower("in"), lower("lijn"), lower("met")],
        [lower("gerechtvaardigd", "proportioneel", "evenredig", "passend", "opportuun")],
    ],
    "negatief": [
        [NEGATIVE],
        [lower("onevenredig", "disproportioneel", "ongerechtvaardigd", "buitenproportioneel")],
        [lower("gaat", "gaan"), gap(3), lower("verder"), lower("dan"), gap(2), lower("nodig")],
    ],
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
        [lower("nog"), lower("geen"), optional(lower("definitief", "volledig")), lower("oordeel")],
        [lower("kan", "kunnen"), gap(3), lower("niet"), gap(2), lemma("beoordelen")],
    ],
}

# Words naming the proposal as a whole: a grondhouding about one of these is the fiche's
# overall position, not an aspect's.
PROPOSAL_WORDS = frozenset(
    {"voorstel", "voorstellen", "aanbeveling", "mededeling", "verordening", "richtlijn"}
    | {"initiatief", "pakket", "strategie", "actieplan", "besluit", "wetgevingsvoorstel"}
)

# --- position stances (positie.*) --------------------------------------------------------

CABINET_HOLDS = "cabinet"
QUALIFIER = "qualifier"


@dataclass(frozen=True)
class Cue:
    """One row of the position cue table.

    `negated` is the label when a negation governs the cue ("niet positief" is kritisch,
    "steunt ... niet" is verwerpt); None means a negation cancels the cue. `verb` cues may
    be negated after the verb too ("steunt het voorstel niet").
    """

    wording: str
    label: str
    holder: str
    patterns: tuple[Pattern, ...]
    negated: str | None = None
    verb: bool = False


def cue(wording, label, holder, *patterns, negated=None, verb=False) -> Cue:
    return Cue(wording, label, holder, tuple(patterns), negated, verb)


# The position labels, short, so the cue table below reads as a table.
S, V, T, K, R, N = PARAGRAPH_LABELS
ASPECT_OBJECTS = lower("opvatting", "ambitie", "doel", "doelstelling", "analyse", "mening", "visie")
CONDITION_NOUNS = lower("kanttekening", "kanttekeningen", "voorbehoud", "voorbehouden")
ATTENTION = lower("aandacht")
CAB, QUAL = CABINET_HOLDS, QUALIFIER

# A row per wording: cue(wording, label, holder rule, patterns..., negated=, verb=).
# fmt: off
POSITION_CUES: tuple[Cue, ...] = (
    cue("steunt", S, CAB, [lemma("steunen", "ondersteunen")], [lower("steunt", "ondersteunt")],
        negated=R, verb=True),
    cue("verwelkomt", S, CAB, [lemma("verwelkomen")], [lower("verwelkomt")], [lemma("toejuichen")],
        [lower("juicht", "juichen"), gap(5), lower("toe")], negated=R, verb=True),
    cue("onderschrijft", S, CAB, [lemma("onderschrijven")], [lower("onderschrijft")],
        negated=R, verb=True),
    cue("deelt de ambitie", S, CAB, [lower("deelt", "delen"), gap(3), ASPECT_OBJECTS],
        negated=K, verb=True),
    cue("staat positief tegenover", S, CAB, [POSITIVE, lower("tegenover", "over", "naar")],
        [lower("welwillend", "welwillende"), lower("tegenover")],
        [lower("staat", "staan"), lower("open"), lower("voor")],
        [lower("positief", "positieve"), lower("grondhouding")], negated=K),
    cue("is voorstander", S, CAB, [lower("voorstander", "voorstanders")], negated=K),
    cue("kan zich vinden in", S, CAB, [lower("zich"), gap(3), lower("vinden")], negated=K),
    cue("stemt in met", S, CAB,
        [lower("stemt", "stemmen", "instemmen"), gap(4), lower("in", "met")], negated=R, verb=True),
    cue("ziet meerwaarde", S, CAB, [lower("ziet", "zien"), gap(3), lower("meerwaarde")],
        negated=K),
    cue("heeft begrip voor", S, CAB, [lower("begrip"), lower("voor")], negated=K),
    cue("mits", V, QUAL, [lower("mits")]),
    cue("onder voorwaarden", V, QUAL,
        [lower("onder", "op"), optional(lower("de")), lower("voorwaarde", "voorwaarden")]),
    cue("kanttekening", V, CAB, [lemma("kanttekening")], [CONDITION_NOUNS]),
    cue("positief, maar", V, CAB, [POSITIVE, optional(lower(",")), lower("maar")]),
    cue("niet onverdeeld positief", V, CAB,
        [lower("niet"), lower("geheel", "volledig", "onverdeeld", "helemaal"), POSITIVE]),
    cue("vraagt aandacht", V, CAB, [ATTENTION, gap(4), lemma("vragen")],
        [ATTENTION, gap(4), lower("vragen", "vraagt", "gevraagd")],
        [lower("vraagt", "vragen"), gap(3), ATTENTION],
        [lower("zal", "zullen"), gap(3), ATTENTION]),
    cue("zet in op", V, CAB, [lower("inzetten"), lower("op")],
        [lower("zet", "zetten"), gap(3), lower("in"), lower("op")],
        [lower("zich"), gap(4), lower("inzetten")]),
    cue("pleit", V, CAB, [lower("pleiten", "pleit")]),
    cue("acht wenselijk", V, CAB, [lower("acht", "achten", "vindt", "vinden"), gap(3),
        lower("wenselijk", "gewenst")], negated=K),
    cue("verdient verduidelijking", V, CAB, [lower("verdient", "verdienen", "behoeft"), gap(10),
        lower("verduidelijking", "aandacht", "nadere", "aanscherping", "aanpassing")]),
    cue("zou moeten", V, CAB, [lower("zou", "zouden"), gap(5), lower("moeten")]),
    cue("is terughoudend", T, CAB,
        [lower("terughoudend", "terughoudende", "terughoudendheid", "afwachtend")], negated=N),
    cue("heeft zorgen", T, CAB, [lower("zorgen", "zorg"), lower("over", "bij", "omtrent", "ten")],
        [lower("zich"), lower("zorgen")], negated=N),
    cue("vraagtekens", T, CAB, [lemma("vraagteken")], [lower("vraagtekens", "vraagteken")],
        [lower("twijfels", "twijfel"), lower("over", "bij", "aan")], negated=N),
    cue("onduidelijk", T, CAB, [lower("onduidelijk")],
        [lower("niet"), optional(lower("altijd", "geheel", "voldoende")), lower("duidelijk")]),
    cue("is kritisch", K, CAB, [lower("kritisch", "kritische")], negated=N),
    cue("heeft bezwaar", K, CAB,
        [OBJECTION, lower("tegen", "bij", "tegenover", "ten", "heeft", "hebben")],
        [lower("heeft", "hebben", "maakt", "maken", "ziet", "zien", "uit"), OBJECTION],
        negated=N),
    cue("staat negatief tegenover", K, CAB, [NEGATIVE, lower("tegenover", "over")], negated=N),
    cue("niet wenselijk", K, CAB, [lower("niet"), lower("wenselijk")],
        [lower("onwenselijk", "ongewenst")]),
    cue("acht onvoldoende", K, CAB, [lower("acht", "achten", "vindt", "vinden"), gap(6),
        lower("onvoldoende", "onnodig", "onevenredig", "disproportioneel", "onuitvoerbaar",
              "onaanvaardbaar", "onacceptabel", "ongerechtvaardigd")]),
    cue("wijst af", R, CAB, [lower("wijst", "wijzen"), gap(5), lower("af")],
        [lemma("afwijzen", "verwerpen")], [lower("verwerpt", "afwijzen", "afwijzend")],
        negated=N, verb=True),
    cue("is tegenstander", R, CAB, [lower("tegenstander", "tegenstanders")], negated=N),
    cue("geen steun", R, CAB, [lower("geen"), lower("steun")]),
    cue("is tegen", R, CAB, [lower("is", "zijn"), lower("tegen"),
        lower("het", "dit", "deze", "een", "de"),
        {"LOWER": {"NOT_IN": ["achtergrond", "licht", "einde"]}}], negated=N),
    cue("neemt kennis", N, CAB, [lower("neemt", "nemen"), gap(3), lower("kennis")]),
    cue("merkt op", N, CAB, [lower("merkt", "merken"), gap(3), lower("op")]),
    cue("is van mening", N, CAB, [lower("van"), lower("mening")]),
    cue("acht van belang", N, CAB, [lower("acht", "achten", "vindt", "vinden"), gap(3),
        lower("van"), lower("belang")],
        [lower("acht", "achten", "vindt", "vinden"), gap(12),
         lower("essentieel", "noodzakelijk", "belangrijk", "cruciaal")]),
    cue("hecht belang", N, CAB, [lower("hecht", "hechten"), gap(3),
        lower("eraan", "belang", "waarde", "aan")]),
    cue("erkent", N, CAB, [lower("erkent", "erkennen", "begrijpt", "begrijpen")]),
    cue("wijst erop", N, CAB, [lower("wijst", "wijzen"), gap(3), lower("erop")]),
    cue("zal bezien", N, CAB, [lemma("bezien", "bestuderen")], [lower("bezien", "bestudeert")]),
    cue("ziet dat", N, CAB, [lower("ziet", "zien"), optional(lower("echter", "ook", "wel")),
        lower("dat")]),
    cue("vindt dat", N, CAB, [lower("vindt", "vinden", "meent", "menen"), gap(3), lower("dat")]),
    cue("benadrukt", N, CAB, [lower("benadrukt", "benadrukken", "onderstreept", "onderstrepen")]),
    cue("is overtuigd", N, CAB, [lower("overtuigd")], negated=T),
)
# fmt: on

# When a sentence carries several cabinet cues, the least positive one decides: a reservation
# or a rejection qualifies whatever support the sentence also expresses, and a reader
# filtering on "kritisch" must not miss it. neutraal only when nothing else is there.
POSITION_PRECEDENCE = (R, K, T, V, S, N)
