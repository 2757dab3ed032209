"""The stance vocabulary: every cue wording as plain data, one table to scan.

Nothing here runs; stance/nlp.py compiles these tables into spaCy matchers, stance/holder.py
decides whose view a cue states and stance/aspects.py / stance/positions.py what it means.

The position cues are one table, POSITION_CUES: a row per wording with its label, the label
when a negation governs it, and its holder rule:
    CABINET    the cue counts when the sentence's holder of it is the cabinet (het kabinet,
               de regering, Nederland, wij; "volgens het kabinet"), never another actor
    QUALIFIER  the cue has no holder of its own: it qualifies a cabinet cue in the same
               sentence ("steunt ..., mits ..." is steunt_onder_voorwaarden)
    IMPERSONAL the cabinet's, or nobody's in a main clause without another actor as subject
               ("Het is van belang dat ...": the cabinet's voice in a position section)
    DEMAND     a modal verb, counted when the cabinet's opinion frames it ("Het kabinet vindt
               dat X ... zou moeten worden") or "wat ons betreft" attributes the sentence

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
    | {"ik", "ons", "onze", "mij", "premier", "minister-president", "kabinetsinzet", "haag"}
)
# "Nederlandse" names the cabinet in front of these words ("de Nederlandse inzet", "het
# Nederlandse standpunt"), not in front of others ("de Nederlandse bevolking").
CABINET_ADJECTIVE = "nederlandse"
# The government's own text speaks for it after "deze"/"dit": "Deze brief bepleit ...".
OWN_TEXTS = frozenset(
    {"brief", "kabinetsreactie", "kabinetsappreciatie", "appreciatie", "fiche", "reactie"}
    | {"notitie", "nota", "kabinetsvisie", "visie", "inzet", "geannoteerde"}
)
OWN_TEXT_DETERMINERS = frozenset({"deze", "dit"})
CABINET_NOUNS = frozenset(
    {"regering", "inzet", "positie", "standpunt", "lijn", "opvatting", "overheid", "wens"}
    | {"kabinet", "delegatie", "houding", "zorgen", "voorkeur"}
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
    # Kamerleden and fracties ("De leden van de SP-fractie", "Deze leden", "mijn fractie"),
    # the presidency, commissioners and others whose views a government text reports
    "leden",
    "fractie",
    "fracties",
    "kamerleden",
    "senator",
    "senaat",
    "voorzitterschap",
    "voorzitter",
    "commissaris",
    "eurogroep",
    "bevolking",
    "werkgroep",
    "rapporteur",
    "ngo's",
    "experts",
    # other governments: a member state or third country states its own view
    "duitsland",
    "frankrijk",
    "belgië",
    "luxemburg",
    "italië",
    "spanje",
    "portugal",
    "griekenland",
    "oostenrijk",
    "ierland",
    "denemarken",
    "zweden",
    "finland",
    "polen",
    "hongarije",
    "tsjechië",
    "slowakije",
    "slovenië",
    "kroatië",
    "roemenië",
    "bulgarije",
    "estland",
    "letland",
    "litouwen",
    "malta",
    "cyprus",
    "rusland",
    "china",
    "oekraïne",
    "turkije",
    "noorwegen",
    "zwitserland",
    "amerika",
    "verenigde",
)
# "volgens het kabinet", "naar het oordeel van de Commissie": the actor after these words
# holds the view of the whole sentence.
ATTRIBUTIONS: list[list[str]] = [
    ["volgens"],
    ["naar", "het", "oordeel", "van"],
    ["naar", "de", "mening", "van"],
    ["naar", "de", "opvatting", "van"],
    ["in", "de", "ogen", "van"],
    ["naar", "de", "overtuiging", "van"],
    ["is", "de", "overtuiging", "van"],
    ["is", "de", "stellige", "overtuiging", "van"],
    ["is", "de", "opvatting", "van"],
    ["is", "het", "oordeel", "van"],
    ["zo", "luidt", "het", "oordeel", "van"],
]
# "wat het kabinet betreft", "wat ons betreft": the actor between these holds the view.
ATTRIBUTION_FRAME = ("wat", "betreft")
# Words that put the actor after them in a prepositional phrase ("het voorstel van de
# Commissie", "met andere lidstaten"): such an actor is not the holder. "door" is the
# exception: it names the agent of a passive ("wordt door de lidstaten ondersteund").
PREPOSITIONS = frozenset(
    {"van", "aan", "met", "voor", "tot", "bij", "op", "in", "over", "naar", "tussen", "om"}
    | {"tegen", "uit", "onder", "binnen", "buiten", "tegenover", "namens", "jegens", "per"}
    | {"als", "zoals"}  # "net als veel lidstaten": a comparison names no holder
    | {"te"}  # "Gedaan te Den Haag": a place
)
PASSIVE_AGENT = "door"
# Verbs whose object is asked to act: the government after them is addressed, not speaking
# ("De Kamer verzoekt de regering", "roept de regering op", "De leden vragen de minister").
REQUEST_VERBS = frozenset(
    {"verzoekt", "verzoeken", "vraagt", "vragen", "roept", "roepen", "draagt", "dragen"}
    | {"vroeg", "vroegen", "verzocht", "verzochten", "riep", "riepen", "nodigt", "nodigen"}
)
# Words that may stand between a preposition and the actor it governs ("van de", "met
# andere", "door een brede groep"); inflected adjectives ("Europese") count too. Any other
# word ends the phrase: "zal het kabinet" after "aanvraagprocedures" is no phrase of "van".
NOUN_PHRASE_WORDS = frozenset(
    {"de", "het", "een", "deze", "dit", "die", "alle", "veel", "vele", "sommige", "enkele"}
    | {"meeste", "meerdere", "overige", "beide", "ons", "onze", "zijn", "haar", "hun", "groep"}
    | {"meerderheid", "aantal", "minderheid", "deel", "helft", "twee", "drie", "vier", "eu"}
    | {"den"}  # "te Den Haag"
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

# "weinig meerwaarde", "nauwelijks vertrouwen": little is the negative judgement too
NEGATORS = frozenset({"niet", "geen", "nooit", "allerminst", "nauwelijks", "weinig"})
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

# The cabinet's judgements about its own parliament (informing the Kamer, its role in a
# national bill) are procedure, not a position on the proposal: a sentence naming the Kamer
# and none of PROPOSAL_WORDS carries no position stance.
NATIONAL_PARLIAMENT = frozenset({"kamer", "kamerleden", "staten-generaal"})

# Holder rules of the position cue table (see the module docstring).
CABINET_HOLDS = "cabinet"
QUALIFIER = "qualifier"
# An impersonal judgement ("Het is van belang dat ...", "Het is goed dat ...", "De aanbeveling
# sluit aan bij het Nederlandse beleid"): the cabinet's voice in a position section unless
# another actor is its subject.
IMPERSONAL = "impersonal"
# A demand by modal verb ("X moet ...", "zou ... moeten", "dient"): the cabinet's when the
# cabinet's opinion frames it ("Het kabinet vindt dat X ... zou moeten worden"), or when it
# stands without another actor as its subject.
DEMAND = "demand"


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
    own_negation: bool = False  # the wording holds its negation ("niet wenselijk", "geen steun")


def cue(wording, label, holder, *patterns, negated=None, verb=False, own_negation=False) -> Cue:
    return Cue(wording, label, holder, tuple(patterns), negated, verb, own_negation)


# The position labels, short, so the cue table below reads as a table.
S, V, T, K, R, N = PARAGRAPH_LABELS
ASPECT_OBJECTS = lower(
    "opvatting",
    "ambitie",
    "ambities",
    "doel",
    "doelen",
    "doelstelling",
    "doelstellingen",
    "analyse",
    "mening",
    "visie",
    "zorg",
    "zorgen",
    "inzet",
    "uitgangspunt",
    "uitgangspunten",
    "prioriteit",
    "prioriteiten",
    "wens",
    "overtuiging",
    "probleemanalyse",
    "urgentie",
)
CONDITION_NOUNS = lower("kanttekening", "kanttekeningen", "voorbehoud", "voorbehouden")
ATTENTION = lower("aandacht")
# Adjectives of a judgement after "acht", "vindt", "is het": what the cabinet finds
# desirable or needed is a demand on the proposal; negated, a negative judgement.
DESIRABLE = lower(
    "wenselijk",
    "gewenst",
    "belangrijk",
    "essentieel",
    "noodzakelijk",
    "nodig",
    "cruciaal",
    "verstandig",
    "zinvol",
    "raadzaam",
    "nuttig",
    "logisch",
    "redelijk",
    "gerechtvaardigd",
    "proportioneel",
    "passend",
    "opportuun",
    "evident",
    "vereist",
)
UNDESIRABLE = lower(
    "overbodig",
    "overbodige",
    "strijdig",
    "contraproductief",
    "onwenselijk",
    "ongewenst",
    "onvoldoende",
    "onnodig",
    "onevenredig",
    "disproportioneel",
    "onuitvoerbaar",
    "onaanvaardbaar",
    "onacceptabel",
    "ongerechtvaardigd",
    "onverstandig",
    "onredelijk",
    "onwerkbaar",
    "onverenigbaar",
    "ontoereikend",
    "onbespreekbaar",
)
OPINION_VERBS = lower(
    "acht",
    "achten",
    "achtte",
    "vindt",
    "vinden",
    "vind",
    "vond",
    "vonden",
    "denkt",
    "denk",
    "denken",
    "meent",
    "meen",
    "menen",
)
SHALL = lower(
    "zal", "zullen", "gaat", "gaan", "blijft", "blijven", "wil", "willen", "kan", "kunnen"
)
NEGATION = lower("niet", "geen")
# Verbs of a change to a proposal: what the cabinet "wil" done to it is a demand.
CHANGE_VERBS = lower(
    "beperken",
    "verlengen",
    "verkorten",
    "vereenvoudigen",
    "schrappen",
    "verlagen",
    "verhogen",
    "aanpassen",
    "wijzigen",
    "versterken",
    "uitbreiden",
    "verduidelijken",
    "verruimen",
    "inperken",
    "aanscherpen",
    "borgen",
    "waarborgen",
    "behouden",
    "handhaven",
    "toevoegen",
    "opnemen",
    "verminderen",
    "afzwakken",
    "heroverwegen",
    "voorkomen",
    "zien",
)
# Verbs of scrutiny after "kritisch": "kritisch kijken naar", "kritisch volgen".
SCRUTINY = lower("kijken", "volgen", "bekijken", "bezien", "toetsen", "beoordelen", "bejegenen")
# "van groot belang", "van wezenlijk belang"
WEIGHT = lower("groot", "wezenlijk", "bijzonder", "essentieel", "cruciaal", "eminent", "evident")

# A row per wording: cue(wording, label, holder rule, patterns..., negated=, verb=).
# fmt: off
POSITION_CUES: tuple[Cue, ...] = (
    # --- steunt: support without a condition in the sentence
    cue("steunt", S, CABINET_HOLDS, [lemma("steunen", "ondersteunen")],
        [lower("ik"), lower("steun", "ondersteun")], [lower("steun", "ondersteun"), lower("ik")],
        [lower("steunt", "ondersteunt", "steunen", "ondersteunen")],
        [lower("steun", "steunen"), optional(lower("dit", "dat", "het", "deze")), lower("uit")],
        [lemma("uitspreken"), gap(4), lower("steun")], negated=R, verb=True),
    cue("verwelkomt", S, CABINET_HOLDS, [lemma("verwelkomen")],
        [lower("verwelkomt", "verwelkom")], [lemma("toejuichen")],
        [lower("juicht", "juichen", "juich"), gap(5), lower("toe")], negated=R, verb=True),
    cue("onderschrijft", S, CABINET_HOLDS, [lemma("onderschrijven", "omarmen")],
        [lower("onderschrijft", "onderschrijf", "omarmt", "omarm")], negated=R, verb=True),
    cue("sluit zich aan bij", S, CABINET_HOLDS,
        [lower("sluit", "sluiten", "sloot", "sloten"), lower("zich", "ons", "me"), gap(3),
         lower("aan"), lower("bij", "achter")],
        [lower("zich", "ons", "me"), gap(3), lower("scharen", "schaart", "schaarde")],
        negated=K),
    cue("deelt de ambitie", S, CABINET_HOLDS,
        [lower("deelt", "delen", "deel", "deelde", "deelden"), gap(3), ASPECT_OBJECTS],
        negated=K, verb=True),
    cue("aanvaardt", S, CABINET_HOLDS, [lemma("aanvaarden", "accepteren")],
        [lower("aanvaardt", "accepteert", "geaccepteerd", "aanvaard")], negated=R, verb=True),
    cue("spreekt zich uit voor", S, CABINET_HOLDS,
        [lemma("uitspreken", "spreken"), gap(2), lower("zich", "ons"), lower("uit"),
         lower("voor")],
        [lower("uitgesproken", "uitgesprokenen"), lower("voor")]),
    cue("steun van Nederland", S, IMPERSONAL,
        [lower("steun", "instemming", "goedkeuring", "steunbetuiging"), lower("van", "vanuit"),
         optional(lower("het", "de")), lower("nederland", "kabinet", "regering", "ons")]),
    cue("inzet van het kabinet", V, IMPERSONAL,
        [lower("inzet", "kabinetsinzet"), lower("van", "vanuit"), optional(lower("het", "de")),
         lower("nederland", "kabinet", "regering", "ons")]),
    cue("kan leven met", V, CABINET_HOLDS,
        [lower("kan", "kunnen", "kon", "konden"), gap(3), lower("leven"), lower("met")],
        negated=R),
    cue("staat positief tegenover", S, CABINET_HOLDS,
        [lower("positief", "positieve"), lower("tegenover", "over", "naar", "in")],
        [lower("welwillend", "welwillende", "sympathiek", "sympathieke", "open"),
         lower("tegenover")],
        [lower("staat", "staan", "sta"), lower("open"), lower("voor")],
        [lower("positief", "positieve"), lower("grondhouding", "houding", "oordeel")], negated=K),
    cue("is voorstander", S, CABINET_HOLDS,
        [lower("voorstander", "voorstanders", "fan", "pleitbezorger", "liefhebber")], negated=K),
    # "Wij zijn voor een strengere aanpak": "voor" as the judgement, after the holder
    cue("is voor", S, CABINET_HOLDS,
        [lower("kabinet", "nederland", "wij", "we", "regering", "ik"), lower("is", "zijn", "ben"),
         optional(lower("dus", "ook", "wel", "altijd", "zeer", "sterk", "juist")), lower("voor"),
         lower("een", "meer", "minder", "dit", "deze", "dat")], negated=R),
    cue("staat achter", S, CABINET_HOLDS, [lower("staat", "staan", "sta"), lower("achter")],
        [lower("vertrouwen"), lower("in")], negated=R),
    cue("heeft geen bezwaar", S, CABINET_HOLDS,
        [lower("geen"), lower("probleem", "problemen", "bezwaar", "bezwaren", "moeite"),
         lower("mee", "met", "tegen", "bij", "in")], own_negation=True),
    cue("kan zich vinden in", S, CABINET_HOLDS, [lower("zich", "ons", "me", "mij"), gap(5),
        lower("vinden", "vindt", "vind")], negated=K),
    cue("stemt in met", S, CABINET_HOLDS,
        [lower("stemt", "stemmen", "stem", "stemde", "stemden", "instemmen"), gap(4),
         lower("in", "met")],
        [lemma("instemmen", "voorstemmen")], [lower("instemming", "voorgestemd")],
        [lower("stemt", "stemmen", "stemde", "stemden"), lower("voor")],
        [lower("is", "zijn", "was", "waren"), lower("akkoord")],
        [lower("in"), lower("te"), optional(lower("kunnen")), lower("stemmen")],
        [lower("akkoord"), gap(2), lower("gaan", "gaat", "met")],
        [lower("gaat", "gaan", "ga", "ging", "gingen"), gap(4), lower("akkoord")],
        [lower("kan", "kunnen"), gap(3), lower("akkoord")], negated=R, verb=True),
    cue("ziet meerwaarde", S, CABINET_HOLDS,
        [lower("ziet", "zien", "zie"), gap(3), lower("meerwaarde", "voordelen", "kansen")],
        [lower("ziet", "zien", "zie"), gap(3), lower("toegevoegde"), lower("waarde")],
        negated=K),
    cue("heeft begrip voor", S, CABINET_HOLDS, [lower("begrip"), lower("voor")], negated=K),
    cue("beoordeelt positief", S, CABINET_HOLDS,
        [lemma("beoordelen", "waarderen"), gap(5), lower("positief", "gunstig")],
        [lower("beoordeelt", "beoordelen", "beoordeel", "waardeert"), gap(5),
         lower("positief", "gunstig")], negated=K),
    cue("is het eens met", S, CABINET_HOLDS, [lower("eens"), lower("met", "dat")],
        [lower("het"), optional(lower("ermee", "daarmee", "hiermee", "er", "daar", "hier")),
         optional(lower("wel", "niet", "ook", "helemaal", "volledig", "grotendeels", "zeker")),
         optional(lower("mee")), lower("eens")],
        [lemma("kiezen"), gap(3), lower("voor")], [lower("kiest", "kiezen", "koos"),
         gap(3), lower("voor")],
        [lower("strookt", "stroken"), lower("met")],
        [lower("in"), lower("overeenstemming", "lijn"), optional(lower("is", "zijn")),
         lower("met")], negated=K),
    cue("vindt het een goede basis", S, CABINET_HOLDS,
        [OPINION_VERBS, gap(5), lower("goede", "goed", "nuttige", "waardevolle", "belangrijke"),
         lower("basis", "stap", "zaak", "aanzet", "uitgangspunt", "vertrekpunt", "startpunt",
               "voorstel", "eerste", "aanvulling", "bijdrage")], negated=K),
    cue("is tevreden", S, CABINET_HOLDS,
        [lower("tevreden", "verheugd", "content", "gecharmeerd", "enthousiast", "gelukkig")],
        [lower("ingenomen"), lower("met")],
        [lower("blij"), lower("met", "mee", "dat", "over", "als")], negated=T),
    cue("waardeert", S, CABINET_HOLDS, [lemma("waarderen")], [lower("waardeert", "waardeer")],
        [lower("waardering"), lower("voor")], negated=K, verb=True),
    cue("is positief", S, CABINET_HOLDS, [lower("positief", "positieve", "welwillend")],
        [lower("een"), lower("goed", "goede", "mooi", "mooie", "prima", "uitstekend",
         "uitstekende", "evenwichtig", "evenwichtige", "positieve", "waardevol", "waardevolle"),
         lower("voorstel", "akkoord", "resultaat", "compromis", "uitkomst", "stap", "plan",
               "idee", "basis", "signaal", "initiatief", "ontwikkeling")], negated=K),
    cue("is welkom", S, IMPERSONAL,
        [lower("is", "zijn", "was", "zou", "lijkt"), optional(lower("daarom", "dan", "ook", "zeer",
         "erg", "zeker", "dus")), optional(lower("een", "zijn")),
         lower("welkom", "verbetering", "vooruitgang", "winst", "doorbraak")], negated=K),
    cue("is een goede stap", S, IMPERSONAL,
        [lower("stap", "stappen"), lower("in"), lower("de"), lower("goede"), lower("richting")],
        [lower("is", "zijn"), optional(lower("een")),
         lower("goede", "goed", "belangrijke", "belangrijk", "positieve", "positief", "mooi",
               "mooie", "prima", "uitstekend", "uitstekende", "evenwichtig", "evenwichtige"),
         lower("stap", "zaak", "ontwikkeling", "eerste", "voorstel", "akkoord", "resultaat",
               "compromis", "uitkomst", "signaal", "besluit", "idee", "basis", "plan")],
        [lower("het"), lower("is", "zou"), optional(lower("daarom", "dan", "ook", "dus")),
         lower("goed", "positief", "terecht", "winst"), lower("dat", "als", "om", "zo")],
        negated=K),
    cue("doet recht aan", S, IMPERSONAL,
        [lower("doet", "doen", "deed", "deden"), gap(4), lower("recht"), lower("aan")],
        [lower("recht"), lower("gedaan", "doet", "doen"), lower("aan")],
        [lower("komt", "komen", "kwam", "tegemoetgekomen"), gap(4), lower("tegemoet"),
         lower("aan")], negated=K),
    cue("sluit aan bij het Nederlandse beleid", S, IMPERSONAL,
        [lower("aan"), lower("bij"), optional(lower("het", "de", "onze")),
         lower("nederlandse", "kabinetsbeleid", "kabinetsinzet", "beleid", "inzet", "wensen")],
        [lower("in"), lower("lijn"), lower("met"), optional(lower("het", "de", "onze")),
         lower("nederlandse", "kabinetsbeleid", "kabinetsinzet", "inzet")], negated=K),

    # --- qualifiers: support under a condition or a reservation in the same sentence
    cue("mits", V, QUALIFIER, [lower("mits", "tenzij", "zolang", "indien", "behoudens")],
        # a condition clause: "Als de lasten beperkt blijven, kan ...", "alleen ... als"
        [{"IS_SENT_START": True, "LOWER": {"IN": ["als", "wanneer"]}}],
        [lower("alleen", "pas", "slechts", "enkel"), gap(6), lower("als", "wanneer")],
        [lower(","), lower("zij"), lower("het")]),
    cue("voorwaarde is dat", V, IMPERSONAL,
        [lower("voorwaarde", "randvoorwaarde", "voorwaarden", "randvoorwaarden"), gap(3),
         lower("is", "zijn", "blijft", "blijven"), gap(2), lower("dat", "om")]),
    cue("onder voorwaarden", V, QUALIFIER,
        [lower("onder", "op"), optional(lower("de")), lower("voorwaarde", "voorwaarden")],
        [lower("voorwaardelijk", "voorwaardelijke")]),
    cue("voor zover", V, QUALIFIER, [lower("voor"), lower("zover", "zo"), lower("ver")],
        [lower("voorzover")], [lower("voor"), lower("zover")]),
    cue("in beginsel", V, QUALIFIER, [lower("in"), lower("beginsel", "principe")],
        [lower("op"), lower("hoofdlijnen")], [lower("grotendeels", "deels", "gedeeltelijk")],
        [lower("in"), lower("belangrijke", "grote"), lower("mate")]),

    # --- steunt_onder_voorwaarden: conditions, reservations, the cabinet's demands
    cue("kanttekening", V, CABINET_HOLDS, [lemma("kanttekening")], [CONDITION_NOUNS]),
    cue("positief, maar", V, CABINET_HOLDS,
        [lower("positief", "positieve"), optional(lower(",")), lower("maar")]),
    cue("niet onverdeeld positief", V, CABINET_HOLDS,
        [lower("niet"), lower("geheel", "volledig", "onverdeeld", "helemaal"),
         lower("positief", "positieve", "enthousiast", "overtuigd")],
        own_negation=True),
    cue("is bereid", V, CABINET_HOLDS, [lower("bereid", "bereidheid")], negated=R),
    cue("vraagt aandacht", V, CABINET_HOLDS, [ATTENTION, gap(4), lemma("vragen")],
        [ATTENTION, gap(4), lower("vragen", "vraagt", "vraag", "gevraagd")],
        [lower("vraagt", "vragen", "vraag", "vroeg", "vroegen"), gap(3), ATTENTION],
        [SHALL, gap(3), ATTENTION]),
    cue("vraagt de Commissie", V, CABINET_HOLDS,
        [lower("vraagt", "vraag", "verzoekt", "verzoek"), optional(lower("aan", "bij")),
         lower("de", "het"), lower("commissie", "voorzitterschap")],
        [lower("zal", "zullen", "wil", "willen"), gap(3), lower("de", "het"),
         lower("commissie", "voorzitterschap", "raad", "lidstaten"), gap(3),
         lower("vragen", "verzoeken", "bevragen")],
        [lower("zal", "zullen"), gap(4), lower("navragen", "bevragen", "nagaan", "verifiëren")],
        [lower("zal", "zullen"), gap(4), lower("om"), gap(6), lower("vragen", "verzoeken")],
        [lower("vraagt", "vraag"), lower("om")],
        [lower("gevraagd", "verzocht", "vroeg", "vroegen"), gap(6), lower("om")],
        [lower("de", "het"), lower("commissie", "voorzitterschap"),
         lower("gevraagd", "verzocht", "vroeg")]),
    # raising a point in the negotiations: "zal dit punt inbrengen", "aan de orde stellen"
    cue("brengt in", V, CABINET_HOLDS,
        [lower("inbrengen", "inbrengt", "ingebracht", "agenderen", "agendeert", "aankaarten",
               "aankaart", "opbrengen")],
        [lower("brengt", "brengen", "bracht", "brachten"), gap(6), lower("in"), lower(".", ",")],
        [lower("aan"), lower("de"), lower("orde"), lower("stellen", "stelt", "gesteld")]),
    cue("stelt voor", V, CABINET_HOLDS,
        [SHALL, optional(lower("dan", "daarom", "ook", "daarbij")), lower("voorstellen")],
        [lower("stelt", "stellen", "stelde", "stel"), lower("voor"), lower("om", "dat", "te")],
        [lower("heeft", "hebben", "had"), gap(3), lower("voorgesteld")]),
    cue("zet in op", V, CABINET_HOLDS, [lower("inzetten"), lower("op", "voor")],
        [lower("zet", "zetten", "zette"), gap(4), lower("in"), lower("op", "voor")],
        [lower("zich"), gap(5), lower("inzetten", "ingezet")],
        [lower("ons", "me", "mij"), gap(5), lower("inzetten", "ingezet")],
        [lower("inzet", "kabinetsinzet"), lower("is", "zal", "blijft", "was", "richt", "gericht")]),
    cue("pleit", V, CABINET_HOLDS, [lower("pleiten", "pleit", "pleitte", "gepleit")],
        [lemma("bepleiten")], [lower("bepleit", "bepleiten")]),
    cue("dringt aan op", V, CABINET_HOLDS, [lemma("aandringen")],
        [lower("dringt", "dringen", "dring"), gap(4), lower("aan")],
        [lower("roept", "roepen", "roep", "riep", "riepen"), gap(5), lower("op")],
        [lemma("oproepen")], [lower("opgeroepen")], [lower("oproep"), gap(2),
         lower("gedaan", "doen")]),
    cue("ziet erop toe", V, CABINET_HOLDS,
        [lower("erop", "er"), optional(lower("op")), lower("toezien", "toeziet", "toe")],
        [lower("ziet", "zien", "zal", "zullen", "blijft", "blijven"), gap(3), lower("erop"),
         lower("toe", "toezien")]),
    cue("benadrukt het belang", V, CABINET_HOLDS,
        [lower("benadrukt", "benadrukte", "benadrukken", "onderstreept", "onderstreepte",
               "onderstrepen", "wijst", "wees", "gewezen", "wijzen"), gap(2),
         lower("het"), lower("belang")],
        [lemma("benadrukken", "onderstrepen"), gap(2), lower("het"), lower("belang")],
        # the participle at the end: "heeft het belang van handhaving benadrukt"
        [lower("het"), lower("belang"), gap(8),
         lower("benadrukt", "onderstreept", "benadrukken", "onderstrepen", "aangestipt")]),
    cue("hecht eraan", V, CABINET_HOLDS,
        [lower("hecht", "hechten", "hechtte", "hechtten"), gap(3),
         lower("eraan", "belang", "waarde", "aan")]),
    cue("acht van belang", V, CABINET_HOLDS,
        [OPINION_VERBS, gap(3), lower("van"), optional(lower("groot", "wezenlijk")),
         lower("belang")],
        [OPINION_VERBS, gap(12), lower("essentieel", "noodzakelijk", "belangrijk", "cruciaal",
         "wenselijk", "gewenst", "verstandig", "zinvol", "nodig", "raadzaam")]),
    cue("is voor het kabinet belangrijk", V, IMPERSONAL,
        [lower("het", "dit", "dat"), lower("is", "blijft", "zou"), optional(lower("daarbij", "wel",
         "daarom", "dan", "ook", "echter")), optional(lower("voor")),
         optional(lower("het", "ons", "mij", "nederland")),
         optional(lower("kabinet", "regering")),
         optional(lower("wel", "daarom", "dan", "ook", "echter", "zeer", "erg", "heel")),
         lower("belangrijk", "essentieel", "cruciaal", "noodzakelijk", "wenselijk",
               "van", "verstandig", "zaak", "gewenst", "raadzaam"),
         optional(WEIGHT), optional(lower("belang")), lower("dat", "om", "te", "belang")],
        [lower("is", "blijft"), lower("het"), optional(lower("daarbij", "wel", "daarom", "dan",
         "ook", "echter", "zeer", "erg", "heel", "bijzonder")),
         lower("belangrijk", "essentieel", "cruciaal", "noodzakelijk", "wenselijk", "van",
               "verstandig", "zaak", "gewenst", "raadzaam"),
         optional(WEIGHT), optional(lower("belang")), lower("dat", "om", "te")],
        # verb-final in a subordinate clause: "(denk dat) het verstandig is om"
        [lower("het", "dit"), optional(lower("wel", "daarom", "dan", "ook", "zeer", "erg",
         "heel")), lower("belangrijk", "essentieel", "cruciaal", "noodzakelijk", "wenselijk",
         "van", "verstandig", "zaak", "gewenst", "raadzaam"), optional(WEIGHT),
         optional(lower("belang")), lower("is", "blijft", "zou", "zal"), gap(1),
         lower("dat", "om", "te")]),
    cue("maakt zich sterk voor", V, CABINET_HOLDS,
        [lower("maakt", "maken", "maak", "maakte", "maakten"), lower("zich", "ons", "me", "mij"),
         gap(3), lower("sterk", "hard")],
        [lower("zich", "ons", "me", "mij"), gap(3), lower("sterk", "hard"),
         lower("maken", "gemaakt")]),
    # holding on to a demand, pressing it: "houdt vast aan", "blijft hameren op", "steekt in op"
    cue("houdt vast aan", V, CABINET_HOLDS,
        [lower("houdt", "houden", "hield", "hielden"), gap(4), lower("vast"), lower("aan")],
        [lower("vastgehouden", "vasthouden"), lower("aan")],
        [lower("hamert", "hameren", "hamerde", "gehamerd"), gap(3), lower("op")],
        [lower("steekt", "steken", "stak", "staken"), gap(4), lower("in"), lower("op")]),
    cue("streeft naar", V, CABINET_HOLDS,
        [lower("streeft", "streven", "streef", "streefde", "streefden", "gestreefd"), gap(3),
         lower("naar", "ernaar", "daarnaar", "hiernaar")]),
    cue("zet zich ervoor in", V, CABINET_HOLDS,
        [lower("zet", "zetten", "zette"), lower("zich", "ons", "me", "mij"), gap(4),
         lower("ervoor", "hiervoor", "daarvoor", "erop", "hierop", "daarop"), gap(2),
         lower("in")]),
    cue("legt de nadruk op", V, CABINET_HOLDS,
        [lower("legt", "leggen", "leg", "legde", "legden"), gap(3),
         lower("nadruk", "accent", "prioriteit"), lower("op", "bij")]),
    cue("ziet ruimte voor verbetering", V, CABINET_HOLDS,
        [lower("ziet", "zien", "zie"), gap(3), lower("ruimte", "mogelijkheden"), lower("voor"),
         lower("verbetering", "verbeteringen", "aanscherping", "vereenvoudiging")],
        [lower("ziet", "zien", "zie"), gap(3), lower("verbeterpunten", "verbetermogelijkheden")]),
    cue("verwacht van de Commissie", V, CABINET_HOLDS,
        [lower("verwacht", "verwachten", "verwachtte"), gap(3), lower("van"),
         optional(lower("de", "het")),
         lower("commissie", "voorzitterschap", "lidstaten", "raad", "instellingen")]),
    cue("zorgt ervoor dat", V, CABINET_HOLDS,
        [lower("ervoor", "daarvoor", "hiervoor"), lower("zorgen", "zorgt", "zorg"),
         lower("dat")],
        [lower("zorgen", "zorgt", "zorg"), lower("ervoor", "daarvoor"), lower("dat")]),
    cue("ziet graag", V, CABINET_HOLDS, [lower("ziet", "zien", "zie"), lower("graag")],
        [lower("graag"), optional(lower("willen")), lower("zien", "zou", "zouden")]),
    cue("heeft een voorkeur", V, CABINET_HOLDS,
        [lower("heeft", "hebben", "heb", "had", "geeft", "geven", "geef", "gaf"), gap(3),
         lower("voorkeur")],
        [lower("voorkeur"), lower("van", "vanuit"), optional(lower("het", "de")),
         lower("nederland", "kabinet", "regering", "ons")]),
    cue("wil voorkomen", V, CABINET_HOLDS,
        [lower("wil", "willen", "wilt", "zal", "zullen", "wenst"), gap(4), lower("voorkomen")],
        [lower("waakt", "waken", "waak", "gewaakt"), gap(3), lower("voor", "ervoor", "tegen")]),
    cue("hoopt dat", V, CABINET_HOLDS,
        [lower("hoopt", "hopen", "hoop"), gap(2), lower("dat", "op")],
        [lower("rekent", "rekenen", "reken"), gap(2), lower("erop", "op")]),
    cue("wil niet dat", K, CABINET_HOLDS,
        [lower("wil", "willen", "wilt", "wenst", "wensen"), lower("niet"), lower("dat")],
        own_negation=True),
    cue("wil dat", V, CABINET_HOLDS, [lower("wil", "willen", "wilt", "wenst", "wensen"),
        optional(lower("graag", "wel", "ook")), lower("dat")],
        [lower("wil", "willen"), gap(2), lower("graag")],
        # "Nederland wil de reikwijdte beperken": a change the cabinet wants made
        [lower("wil", "willen", "wilt", "wenst", "wensen"), gap(8), CHANGE_VERBS]),
    cue("verdient verduidelijking", V, CABINET_HOLDS,
        [lower("verdient", "verdienen", "behoeft", "behoeven", "vergt", "vergen", "vraagt"),
         gap(10), lower("verduidelijking", "aandacht", "nadere", "aanscherping", "aanpassing",
                        "uitwerking", "verbetering", "toelichting")],
        # verb-final: "(vindt dat de definitie) verduidelijking behoeft"
        [lower("verduidelijking", "aanscherping", "aanpassing", "uitwerking", "verbetering",
               "toelichting", "onderbouwing"),
         lower("verdient", "verdienen", "behoeft", "behoeven", "vergt", "vergen", "vraagt")]),
    # "zal kritisch kijken naar", "kritisch volgen": scrutiny the cabinet announces is a
    # demand on the proposal, not a negative judgement of it
    cue("kritisch volgen", V, CABINET_HOLDS,
        [lower("kritisch", "kritische"), optional(lower("blik")), SCRUTINY],
        [lower("nauwlettend", "nauwgezet", "scherp", "strikt"), SCRUTINY],
        [lower("in"), lower("de"), lower("gaten"), lower("houden", "houdt", "gehouden")],
        [lower("vinger"), lower("aan"), lower("de"), lower("pols")]),
    # brakes and red lines
    cue("trapt op de rem", T, CABINET_HOLDS,
        [lower("trapt", "trappen", "trapte", "getrapt"), gap(2), lower("op"), lower("de"),
         lower("rem", "handrem")],
        [lower("zet", "zetten", "zette"), gap(3), lower("rem"), lower("op")]),
    cue("rode lijn", K, IMPERSONAL, [lower("rode"), lower("lijn", "lijnen")]),
    cue("moet van tafel", R, IMPERSONAL,
        [lower("moet", "moeten", "mag", "zou"), gap(4), lower("van"), lower("tafel")]),
    cue("kijkt uit naar", S, CABINET_HOLDS,
        [lower("kijkt", "kijken", "kijk", "keek"), lower("uit"), lower("naar")]),
    cue("zou moeten", V, IMPERSONAL, [lower("zou", "zouden"), gap(6), lower("moeten")],
        [lower("moet", "moeten"), gap(8), lower("worden", "blijven", "komen")],
        [lower("dient"), gap(8), lower("te")],
        [{"LOWER": {"NOT_IN": ["te", "in"]}}, lower("dienen"), gap(8), lower("te")],
        [lower("mag", "mogen"), gap(6), NEGATION],
        own_negation=True, negated=V),
    cue("vindt dat X moet", V, DEMAND,
        [lower("moet", "moeten", "dient", "zou", "zouden", "mag", "mogen")],
        [{"LOWER": {"NOT_IN": ["te", "in"]}}, lower("dienen")],
        negated=V),  # "X mag niet stijgen" is a demand too
    cue("vindt het goed dat", S, CABINET_HOLDS,
        [OPINION_VERBS, gap(3), lower("goed", "positief", "terecht", "redelijk", "mooi", "prima",
         "waardevol", "gunstig", "logisch", "passend", "juist", "een"),
         optional(lower("goede", "positieve", "stap", "zaak")), lower("dat", "als")]),

    # --- terughoudend: reserve or doubt
    cue("is terughoudend", T, CABINET_HOLDS,
        [lower("terughoudend", "terughoudende", "terughoudendheid", "afwachtend", "voorzichtig",
               "behoedzaam", "aarzelend", "sceptisch", "huiverig", "beducht", "bevreesd")],
        [lower("vreest", "vrezen", "vrees", "vreesde", "vreesden")], negated=N),
    cue("heeft zorgen", T, CABINET_HOLDS,
        [lower("zorgen", "zorg"), gap(2), lower("over", "bij", "omtrent", "ten", "om")],
        [lower("zich", "ons", "me", "mij"), gap(2), lower("zorgen")],
        [lower("bezorgd", "ongerust", "bedenkingen")],
        [lower("bezorgdheid"), lower("over", "bij", "uit", "ten", "omtrent")], negated=N),
    cue("vraagtekens", T, CABINET_HOLDS, [lemma("vraagteken")],
        [lower("vraagtekens", "vraagteken")],
        [lower("twijfels", "twijfel", "twijfelt", "twijfelen"), lower("over", "bij", "aan", "of")],
        # "vragen" the noun ("heeft vragen bij", "stelt kritische vragen over"), not the verb
        # ("zal de Commissie om opheldering vragen over de financiering": a demand)
        [lower("vragen"), lower("stellen", "stelt", "gesteld", "opgeworpen"),
         lower("bij", "over")], [lower("vragen"), lower("bij")],
        [lower("nog", "veel", "enkele", "kritische", "serieuze", "grote", "diverse", "vele",
               "aantal", "wat", "de", "hebben", "heeft", "had"), lower("vragen"),
         lower("over")], negated=N),
    cue("onduidelijk", T, CABINET_HOLDS, [lower("onduidelijk", "onduidelijkheid")],
        [lower("niet"), optional(lower("altijd", "geheel", "voldoende")), lower("duidelijk")],
        own_negation=True),
    cue("heeft nog vragen", T, CABINET_HOLDS,
        [lower("heeft", "hebben", "had", "hadden"), optional(lower("nog")),
         optional(lower("veel", "enkele", "een", "diverse", "grote", "serieuze", "kritische")),
         optional(lower("aantal")), lower("vragen")],
        [lower("heeft", "hebben", "had", "hadden"), gap(3),
         lower("nog", "veel", "enkele", "diverse", "serieuze", "kritische", "aantal"),
         lower("vragen")]),
    cue("vraagt zich af", T, CABINET_HOLDS,
        [lower("vraagt", "vragen", "vraag", "vroeg", "vroegen"), lower("zich", "ons", "me"),
         gap(4), lower("af")],
        [lower("ziet", "zien", "zie", "zag", "wijst", "wijzen", "wees", "gewezen", "benoemt",
               "signaleert", "signaleren", "voorziet"), gap(4),
         lower("risico's", "risico", "gevaren", "gevaar", "nadelen", "knelpunten", "problemen")],
        [lower("aarzelingen", "reserves", "bedenkingen", "scepsis")], negated=N),
    cue("niet overtuigd", T, CABINET_HOLDS,
        [lower("minder", "weinig"), lower("gecharmeerd", "enthousiast", "overtuigd", "positief")],
        [lower("wil", "willen"), gap(2), lower("eerst"), gap(3),
         lower("duidelijkheid", "helderheid", "weten", "zien")]),

    # --- kritisch: a negative judgement of a part or of the proposal
    cue("is kritisch", K, CABINET_HOLDS,
        [lower("kritisch", "kritische", "kritiek"),
         {**SCRUTINY, "OP": "!"}, {**lower("blik"), "OP": "!"}], negated=N),
    cue("heeft bezwaar", K, CABINET_HOLDS,
        [OBJECTION, lower("tegen", "bij", "tegenover", "ten", "heeft", "hebben")],
        [lower("heeft", "hebben", "maakt", "maken", "ziet", "zien", "uit"), OBJECTION],
        negated=N),
    cue("staat negatief tegenover", K, CABINET_HOLDS,
        [lower("negatief", "negatieve"), lower("tegenover", "over")], negated=N),
    cue("niet wenselijk", K, CABINET_HOLDS, [NEGATION, DESIRABLE], [UNDESIRABLE],
        [NEGATION, lower("subsidiair", "uitvoerbaar", "haalbaar", "realistisch", "evenwichtig",
                         "doelmatig", "doeltreffend", "effectief", "toereikend", "handhaafbaar")],
        own_negation=True),
    cue("het is niet wenselijk", K, IMPERSONAL,
        [lower("is", "zou", "zijn"), optional(lower("het", "dit", "dat")), optional(lower("ook")),
         optional(lower("voor")), optional(lower("ons", "mij", "nederland")),
         NEGATION, optional(lower("erg", "zo")),
         lower("wenselijk", "verstandig", "redelijk", "nodig", "noodzakelijk", "proportioneel",
               "logisch", "acceptabel", "aanvaardbaar")],
        [lower("is", "zou", "zijn"), optional(lower("het", "dit", "dat")), optional(lower("ook")),
         optional(lower("voor")), optional(lower("ons", "mij", "nederland")), UNDESIRABLE],
        own_negation=True),
    cue("ziet geen meerwaarde", K, CABINET_HOLDS,
        [lower("ziet", "zien", "zie"), gap(2), lower("geen"), gap(2),
         lower("meerwaarde", "noodzaak", "aanleiding", "reden", "toegevoegde", "nut", "rol",
               "behoefte", "rechtvaardiging", "grond")],
        [lower("heeft", "hebben", "heb", "had"), gap(2), lower("geen"), lower("behoefte")],
        [lower("ziet", "zien", "zie"), gap(2), lower("niet", "allerminst", "nauwelijks"),
         optional(lower("de", "een")), lower("meerwaarde", "noodzaak", "nut", "toegevoegde")],
        own_negation=True),
    cue("betreurt", K, CABINET_HOLDS, [lemma("betreuren")], [lower("betreurt", "betreur")],
        [lower("teleurgesteld", "teleurstellend")]),
    cue("te ver", K, IMPERSONAL,
        [lower("is", "zijn", "wordt", "lijkt", "lijken", "acht", "vindt", "vinden", "gaat",
               "gaan"), gap(6), optional(lower("veel", "erg", "wel")), lower("te"),
         lower("snel", "ver", "ambitieus", "hoog", "laag", "vroeg", "kort", "zwaar", "breed",
               "ruim", "vergaand", "verstrekkend", "complex", "duur", "streng", "gedetailleerd",
               "rigide", "beperkt", "smal", "eng", "groot", "weinig", "veel", "zwak", "laat",
               "onzeker", "vaag", "onduidelijk", "lang")],
        [lower("niet", "onvoldoende"), {"IS_ALPHA": True}, lower("genoeg")],
        [lower("onvoldoende", "te"), lower("ambitieus", "onderbouwd", "uitgewerkt", "doordacht")],
        own_negation=True),
    cue("heeft moeite met", K, CABINET_HOLDS, [lower("moeite"), lower("met", "mee")],
        [lower("oneens", "onenigheid")],
        [lower("verzet", "verzetten", "verzette"), lower("zich", "ons"), lower("tegen")],
        [lower("zich", "ons"), gap(4), lower("verzetten")],
        [lower("zich", "ons"), gap(4), lower("verzet", "verzette", "verzetten"), lower("tegen")]),
    cue("niet de juiste weg", K, CABINET_HOLDS,
        [lower("niet"), optional(lower("de", "het", "een")),
         lower("juiste", "goede", "aangewezen", "geschikte", "geschikt"),
         lower("weg", "aanpak", "manier", "route", "instrument", "oplossing", "middel")],
        [lower("jammer", "spijtig")], own_negation=True),
    cue("ziet er niets in", K, CABINET_HOLDS,
        [lower("ziet", "zien", "zie", "zag", "zagen"), gap(3),
         lower("niets", "weinig", "geen", "niks"), optional(lower("heil", "brood", "voordeel")),
         lower("in")],
        [lower("zit", "zitten", "zat"), gap(3), NEGATION, gap(2), lower("op"), lower("te"),
         lower("wachten")],
        [lower("moeten", "moet"), gap(2), lower("niet"), lower("willen")], own_negation=True),
    cue("is een slecht plan", K, IMPERSONAL,
        [lower("is", "zijn", "was"), optional(lower("een")), optional(lower("erg", "zeer", "heel")),
         lower("slecht", "slechte", "verkeerd", "verkeerde", "onverstandig", "onverstandige",
               "onwenselijke", "onwerkbare", "onevenwichtige"),
         lower("plan", "idee", "voorstel", "stap", "zaak", "oplossing", "keuze", "ontwikkeling",
               "signaal", "compromis", "uitkomst", "akkoord")]),
    cue("vindt het slecht", K, CABINET_HOLDS,
        [lower("geen"), lower("goed", "goede", "verstandig", "verstandige"),
         lower("voorstel", "idee", "plan", "oplossing", "zaak", "stap")],
        [lower("slecht", "slechte", "onjuist", "onjuiste", "verkeerd", "verkeerde", "onterecht",
               "onevenwichtig", "onevenwichtige", "onwerkbaar", "onhaalbaar", "onrealistisch",
               "onvoldragen", "prematuur", "voorbarig", "ontevreden", "ongelukkig")]),
    cue("gaat te ver", K, CABINET_HOLDS,
        [lower("gaat", "gaan", "ging"), gap(4), lower("te"), lower("ver")],
        [lower("te"), lower("ver"), lower("gaat", "gaan")]),

    cue("staat niet in verhouding", K, IMPERSONAL,
        [NEGATION, lower("in"), lower("verhouding"), lower("tot", "met")],
        [lower("schiet", "schieten", "schoot"), gap(6), lower("tekort")],
        [lower("bedreiging"), lower("voor")],
        own_negation=True),
    cue("waarschuwt", T, CABINET_HOLDS,
        [lower("waarschuwt", "waarschuwen", "waarschuw", "waarschuwde", "gewaarschuwd")]),

    # --- verwerpt: rejects the proposal or a central element outright
    cue("is geen optie", R, IMPERSONAL,
        [lower("is", "zijn"), gap(4), lower("geen"), lower("optie", "onderwerp")],
        [lower("is", "zijn"), gap(4), lower("niet"), lower("aan"), lower("de"), lower("orde")],
        own_negation=True),
    cue("spreekt zich uit tegen", R, CABINET_HOLDS,
        [lemma("uitspreken", "spreken"), gap(2), lower("zich", "ons"), lower("uit"),
         lower("tegen")],
        [lower("uitgesproken"), lower("tegen")]),
    cue("wijst af", R, CABINET_HOLDS,
        [lower("wijst", "wijzen", "wijs", "wees", "wezen"), gap(8), lower("af")],
        [lemma("afwijzen", "verwerpen")], [lower("verwerpt", "afwijzen", "afwijzend", "verwerp")],
        negated=N, verb=True),
    cue("is tegenstander", R, CABINET_HOLDS, [lower("tegenstander", "tegenstanders")], negated=N),
    cue("geen steun", R, CABINET_HOLDS, [lower("geen"), lower("steun")],
        own_negation=True),
    cue("is tegen", R, CABINET_HOLDS, [lower("is", "zijn", "ben", "was", "waren"), lower("tegen"),
        lower("het", "dit", "deze", "een", "de"),
        {"LOWER": {"NOT_IN": ["achtergrond", "licht", "einde"]}}],
        [lower("is", "zijn", "ben"), lower("tegen"), {"IS_TITLE": True}],
        [lower("kabinet", "nederland", "wij", "we", "regering", "ik"),
         optional(lower("is", "zijn", "ben")), lower("tegen"),
         {"LOWER": {"NOT_IN": ["de", "het", "een", "dit", "deze"]}}],
        negated=N),
    cue("is ertegen", R, CABINET_HOLDS, [lower("ertegen", "daartegen", "hiertegen")],
        [lower("is", "zijn", "ben"), lower("er", "daar", "hier"),
         optional(lower("echt", "dus", "ook", "wel", "principieel")), lower("tegen")],
        [lemma("blokkeren", "tegenhouden")], [lower("blokkeert", "blokkeren", "veto")],
        negated=N),
    cue("stemt tegen", R, CABINET_HOLDS, [lower("tegenstemmen", "tegengestemd")],
        [lower("stemt", "stemmen", "stemde", "stem"), lower("tegen")],
        [lower("tegen"), gap(4), lower("stemmen", "stemt", "stemde", "stem", "gestemd")]),
    cue("kan niet accepteren", R, CABINET_HOLDS,
        [lower("kan", "kunnen"), gap(4), NEGATION, gap(2),
         lower("accepteren", "aanvaarden", "leven", "toestaan", "meegaan", "akkoord")],
        own_negation=True),

    # --- neutraal: the cabinet's voice on the proposal that evaluates nothing
    cue("neemt kennis", N, CABINET_HOLDS, [lower("neemt", "nemen"), gap(3), lower("kennis")]),
    cue("merkt op", N, CABINET_HOLDS, [lower("merkt", "merken", "merk"), gap(3), lower("op")],
        [lemma("opmerken")]),
    cue("is van mening", N, CABINET_HOLDS, [lower("van"), lower("mening", "oordeel")]),
    cue("erkent", N, CABINET_HOLDS,
        [lower("erkent", "erkennen", "erken", "begrijpt", "begrijpen", "begrijp", "onderkent",
               "onderkennen", "onderken")]),
    cue("wijst erop", N, CABINET_HOLDS, [lower("wijst", "wijzen", "wijs"), gap(3), lower("erop")]),
    cue("zal bestuderen", N, CABINET_HOLDS,
        [lemma("bezien", "bestuderen", "beoordelen", "toetsen", "bekijken", "analyseren")],
        [lower("bezien", "bestudeert", "bestuderen", "toetsen", "beoordelen", "bekijken")],
        [SHALL, gap(6), lower("kijken")],
        [SHALL, gap(8), lower("in"), lower("kaart"), lower("brengen")]),
    cue("beraadt zich", N, CABINET_HOLDS,
        [lower("beraadt", "beraden", "beraad", "beraadde"), optional(lower("zich", "ons"))],
        [lower("in"), lower("afwachting")],
        [lower("standpunt", "positie", "oordeel"), gap(2),
         lower("bepalen", "bepaalt", "innemen", "vormen", "vaststellen")]),
    cue("wacht af", N, CABINET_HOLDS, [lemma("afwachten")],
        [lower("wacht", "wachten", "wachtte"), gap(6), lower("af")]),
    cue("is er nog niet uit", N, CABINET_HOLDS,
        [lower("is", "ben", "zijn"), lower("er", "daar"), optional(lower("nog")), lower("niet"),
         lower("uit")], own_negation=True),
    cue("heeft nog geen standpunt", N, CABINET_HOLDS,
        [lower("nog"), lower("geen"), optional(lower("definitief", "definitieve", "eigen")),
         lower("standpunt", "positie", "oordeel", "mening")],
        own_negation=True),
    cue("ziet dat", N, CABINET_HOLDS, [lower("ziet", "zien", "zie"),
        optional(lower("echter", "ook", "wel")), lower("dat")],
        [lower("constateert", "constateren", "constateer", "stelt", "stellen"),
         optional(lower("vast", "echter", "ook", "wel")), lower("dat")]),
    cue("vindt dat", N, CABINET_HOLDS,
        [lower("vindt", "vinden", "vind", "meent", "menen", "meen", "denkt", "denken", "denk"),
         optional(lower("echter", "ook", "wel", "daarom", "dan", "evenwel")), lower("dat")]),
    cue("benadrukt", N, CABINET_HOLDS,
        [lower("benadrukt", "benadrukken", "benadruk", "onderstreept", "onderstrepen")]),
    cue("is overtuigd", N, CABINET_HOLDS, [lower("overtuigd")], negated=T),
    cue("doet mee", N, CABINET_HOLDS,
        [lower("doet", "doen", "neemt", "nemen"), gap(3), lower("mee", "deel"), lower("aan")]),
)
# fmt: on

# When a sentence carries several cabinet cues, the least positive one decides: a reservation
# or a rejection qualifies whatever support the sentence also expresses, and a reader
# filtering on "kritisch" must not miss it. neutraal only when nothing else is there.
POSITION_PRECEDENCE = (R, K, T, V, S, N)
# Words that open the second of two judgements in one sentence ("steunt X, maar is kritisch
# over Y"): each gets its own stance.
CONTRAST_WORDS = frozenset({"maar", "echter", "doch", "tegelijkertijd", "wel", "terwijl"})
# Words whose complement clause states the cabinet's own view: in "Het kabinet vindt dat het
# voorstel te ver gaat" the judgement is the cabinet's though the clause has no actor.
OPINION_WORDS = frozenset(
    {"vindt", "vinden", "vind", "meent", "menen", "meen", "mening", "oordeel", "overtuigd"}
    | {"overtuiging", "acht", "achten", "constateert", "constateren", "concludeert"}
    | {"concluderen", "opvatting", "standpunt", "benadrukt", "benadrukken", "onderstreept"}
    | {"denkt", "denken", "denk"}
    # reported in Council reports: "Nederland heeft aangegeven dat ... moet"
    | {"aangegeven", "gaf", "geeft", "gewezen", "benadrukte", "onderstreepte", "betoogt"}
    | {"betoogde", "stelt", "stelde"}
)
