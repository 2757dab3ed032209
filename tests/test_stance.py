"""Stance labelling, on the real corpus text and on the phrasings fiches use.

The fiche structure parser lives on another branch, so the sections here are cut from the
real texts by plain string slicing between headings we know are there.
"""

import json

import pdfplumber
import pytest
from conftest import FICHE_PDF, OPENINGS, SEED

from benchmarks.stance_accuracy import read_wordings
from parsers.model import Section, Stance
from parsers.stance import label_stances


def between(text: str, start: str, end: str) -> str:
    """The text after heading `start` up to `end`, stripped."""
    begin = text.index(start) + len(start)
    return text[begin : text.index(end, begin)].strip()


def assert_offsets(stances: list[Stance], sections: list[Section]) -> None:
    by_key = {s.key: s for s in sections}
    for stance in stances:
        assert by_key[stance.section_key].text[stance.start : stance.end] == stance.evidence


def aspect_labels(stances: list[Stance]) -> dict[str, str]:
    return {s.aspect: s.label for s in stances if s.aspect in ASPECTS}


ASPECTS = ("bevoegdheid", "subsidiariteit", "proportionaliteit")


def labels_of(text: str, key: str = "positie.beoordeling") -> list[str]:
    """The position labels of the sentences of one section (not the overall `positie`)."""
    return [s.label for s in label_stances([Section(key, text=text)]) if s.aspect == key]


# --- the seed: 2026 template, section 4 "Grondhouding ..." ------------------------------


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_fiche_sections(seed: str) -> list[Section]:
    return [
        Section(
            "positie.beoordeling",
            "3.a",
            text=between(seed, "a) Beoordeling + inzet ten aanzien van dit voorstel", "b) Eerste"),
        ),
        Section(
            "positie.krachtenveld",
            "3.b",
            text=between(seed, "b) Eerste inschatting van krachtenveld", "4. Grondhouding"),
        ),
        Section("bevoegdheid", "4.a", text=between(seed, "a) Bevoegdheid", "b) Subsidiariteit")),
        Section(
            "subsidiariteit",
            "4.b",
            text=between(seed, "b) Subsidiariteit", "c) Proportionaliteit"),
        ),
        Section(
            "proportionaliteit",
            "4.c",
            text=between(seed, "c) Proportionaliteit", "d) Financiële gevolgen"),
        ),
        Section(
            "financiele_gevolgen",
            "4.d",
            text=between(seed, "d) Financiële gevolgen", "e) Gevolgen voor regeldruk"),
        ),
        Section(
            "regeldruk",
            "4.e",
            text=between(
                seed,
                "e) Gevolgen voor regeldruk, concurrentiekracht en geopolitieke aspecten",
                "Minister van Asiel",
            ),
        ),
    ]


@pytest.fixture(scope="module")
def seed_fiche_stances(seed_fiche_sections: list[Section]) -> list[Stance]:
    return label_stances(seed_fiche_sections)


def test_seed_aspect_stances_come_from_their_own_sections(seed_fiche_stances):
    aspects = [s for s in seed_fiche_stances if s.aspect in ASPECTS]
    assert [(s.aspect, s.label, s.section_key, s.evidence) for s in aspects] == [
        (
            "bevoegdheid",
            "positief",
            "bevoegdheid",
            # The sentence names "de aanbeveling", not the aspect: 4.a's own aspect counts.
            "De grondhouding van het kabinet ten aanzien van de aanbeveling is positief.",
        ),
        (
            "subsidiariteit",
            "positief",
            "subsidiariteit",
            "De grondhouding van het kabinet ten aanzien van de subsidiariteit is positief.",
        ),
        (
            "proportionaliteit",
            "positief",
            "proportionaliteit",
            "De grondhouding van het kabinet ten aanzien van de proportionaliteit is positief.",
        ),
    ]


def test_seed_offsets_point_at_the_evidence(seed_fiche_stances, seed_fiche_sections):
    assert seed_fiche_stances
    assert_offsets(seed_fiche_stances, seed_fiche_sections)


def test_seed_regeldruk_and_krachtenveld_give_no_stance(seed_fiche_stances):
    # 4.e "beschouwt het kabinet de mogelijke effecten als positief" is about
    # concurrentiekracht; 3.b is the member states' view.
    keys = {s.section_key for s in seed_fiche_stances}
    assert "regeldruk" not in keys
    assert "positie.krachtenveld" not in keys


def test_seed_overall_position_is_the_opening_judgement_of_beoordeling(seed_fiche_stances):
    # The grondhouding sentence in 4.a is the bevoegdheid verdict of the 2026 template; the
    # judgement of the proposal as a whole opens "Beoordeling + inzet", and it is partial.
    (overall,) = [s for s in seed_fiche_stances if s.aspect == "positie"]
    assert (overall.label, overall.section_key) == (
        "steunt_onder_voorwaarden",
        "positie.beoordeling",
    )
    assert overall.evidence.startswith("De aanbeveling sluit, voor zover deze zich richt op")
    assert "in belangrijke mate aan bij het Nederlandse beleid" in overall.evidence


def test_seed_beslisnota_set_phrases_count_outside_fiche_sections(seed: str):
    beslisnota = Section(
        "overig", heading="Beoordeling", text=between(seed, "\nBeoordeling\n", "5. Informatie")
    )
    kernpunten = Section(
        "algemeen", heading="Kernpunten", text=between(seed, "3. Kernpunten", "4. Toelichting")
    )
    stances = label_stances([kernpunten, beslisnota])
    assert [(s.aspect, s.label, s.section_key) for s in stances] == [
        ("subsidiariteit", "positief", "overig"),
        ("proportionaliteit", "positief", "overig"),
    ]
    assert stances[0].evidence.startswith(
        "Het kabinet beoordeelt de subsidiariteitstoets positief, omdat de aanbeveling"
    )
    assert stances[1].evidence == (
        "Het oordeel van het kabinet op de proportionaliteitstoets is positief."
    )
    assert_offsets(stances, [kernpunten, beslisnota])


def test_own_section_wins_over_a_mention_elsewhere(seed_fiche_sections, seed: str):
    beslisnota = Section("overig", text=between(seed, "\nBeoordeling\n", "5. Informatie"))
    stances = label_stances([beslisnota, *seed_fiche_sections])
    sub = next(s for s in stances if s.aspect == "subsidiariteit")
    assert sub.section_key == "subsidiariteit"


# --- the 2022-template fiche PDF: "4. Beoordeling bevoegdheid, subsidiariteit en ..." ------


@pytest.fixture(scope="module")
def pdf_section_4() -> list[Section]:
    with pdfplumber.open(FICHE_PDF) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    text = "\n".join(p for p in pages if "Beoordeling bevoegdheid" in p)
    return [
        Section("bevoegdheid", "4.a", text=between(text, "a) Bevoegdheid", "b) Subsidiariteit")),
        Section(
            "subsidiariteit",
            "4.b",
            text=between(text, "b) Subsidiariteit", "c) Proportionaliteit"),
        ),
        Section("proportionaliteit", "4.c", text=between(text, "c) Proportionaliteit", "Pagina 9")),
    ]


def test_pdf_aspect_stances(pdf_section_4):
    stances = label_stances(pdf_section_4)
    assert [(s.aspect, s.label, s.evidence) for s in stances] == [
        # No "positief" in 4.a: the legal basis is accepted, over a PDF line break.
        (
            "bevoegdheid",
            "positief",
            "Het kabinet kan zich vinden in\nde voorgestelde rechtsgrondslag.",
        ),
        ("subsidiariteit", "positief", "Het kabinet beoordeelt de subsidiariteit als positief."),
        (
            "proportionaliteit",
            "positief",
            "Het kabinet beoordeelt de proportionaliteit als positief.",
        ),
    ]
    assert_offsets(stances, pdf_section_4)


# --- phrasings of the aspect stance -----------------------------------------------------


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        (
            "subsidiariteit",
            "De grondhouding van het kabinet ten aanzien van de subsidiariteit is positief.",
            {"subsidiariteit": "positief"},
        ),
        (
            "overig",
            "Het oordeel van het kabinet ten aanzien van de bevoegdheid is positief.",
            {"bevoegdheid": "positief"},
        ),
        (
            "overig",
            "Het kabinet beoordeelt de proportionaliteit van het voorstel als positief.",
            {"proportionaliteit": "positief"},
        ),
        (
            "proportionaliteit",
            "Het oordeel van het kabinet ten aanzien van de proportionaliteit is negatief.",
            {"proportionaliteit": "negatief"},
        ),
        (
            "overig",
            "Het kabinet acht de bevoegdheid van de EU om op dit terrein op te treden positief.",
            {"bevoegdheid": "positief"},
        ),
        ("overig", "De bevoegdheid wordt positief beoordeeld.", {"bevoegdheid": "positief"}),
        # Combined section of an older fiche: each sentence names its aspect.
        (
            "bevoegdheid",
            "Het kabinet beoordeelt de bevoegdheid als positief. De subsidiariteit wordt "
            "positief beoordeeld. De proportionaliteit beoordeelt het kabinet als negatief.",
            {
                "bevoegdheid": "positief",
                "subsidiariteit": "positief",
                "proportionaliteit": "negatief",
            },
        ),
        # One sentence, two aspects, two verdicts: each aspect takes its nearest verdict.
        (
            "overig",
            "Het kabinet beoordeelt de subsidiariteit als positief en de proportionaliteit "
            "als negatief.",
            {"subsidiariteit": "positief", "proportionaliteit": "negatief"},
        ),
    ],
)
def test_aspect_phrasings(key, text, expected):
    assert aspect_labels(label_stances([Section(key, text=text)])) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het kabinet beoordeelt de proportionaliteit als positief, met een kanttekening.",
        "De grondhouding van het kabinet ten aanzien van de proportionaliteit is deels positief.",
        "Het kabinet beoordeelt de proportionaliteit als positief, maar plaatst een "
        "kanttekening bij de delegatiebevoegdheden.",
        "Het oordeel over de proportionaliteit is niet onverdeeld positief.",
        "Het kabinet beoordeelt de proportionaliteit als gedeeltelijk positief.",
    ],
)
def test_gedeeltelijk(text):
    assert aspect_labels(label_stances([Section("proportionaliteit", text=text)])) == {
        "proportionaliteit": "gedeeltelijk"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Het kabinet kan nog geen definitief oordeel geven over de subsidiariteit, omdat de "
        "effectbeoordeling ontbreekt.",
        "Het kabinet kan nog geen oordeel vormen over de subsidiariteit.",
        "Niet van toepassing.",
        "De subsidiariteit is nog niet te beoordelen.",
    ],
)
def test_geen_oordeel(text):
    assert aspect_labels(label_stances([Section("subsidiariteit", text=text)])) == {
        "subsidiariteit": "geen_oordeel"
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("De subsidiariteit wordt door het kabinet niet positief beoordeeld.", "negatief"),
        ("Het kabinet beoordeelt de subsidiariteit niet als positief.", "negatief"),
    ],
)
def test_aspect_negation(text, label):
    assert aspect_labels(label_stances([Section("subsidiariteit", text=text)])) == {
        "subsidiariteit": label
    }


def test_aspect_evidence_is_the_sentence_with_offsets():
    text = (
        "Het voorstel is gebaseerd op artikel 114 VWEU. Het kabinet beoordeelt de "
        "subsidiariteit als positief. Optreden op EU-niveau is gerechtvaardigd."
    )
    section = Section("subsidiariteit", text=text)
    (stance,) = label_stances([section])
    assert stance == Stance(
        aspect="subsidiariteit",
        label="positief",
        evidence="Het kabinet beoordeelt de subsidiariteit als positief.",
        section_key="subsidiariteit",
        start=47,
        end=101,
    )
    assert text[stance.start : stance.end] == stance.evidence


@pytest.mark.parametrize(
    ("key", "text"),
    [
        # Incidental aspect words and "positief" in ordinary documents.
        (
            "algemeen",
            "Het kabinet staat positief tegenover het voorstel. De bevoegdheid van de lidstaten "
            "om zelf toelatingsaantallen vast te stellen blijft onverlet.",
        ),
        ("overig", "De Commissie beoordeelt de subsidiariteit van haar voorstel als positief."),
        (
            "overig",
            "Deze richtlijn is niet van toepassing op de bevoegdheid van nationale rechters.",
        ),
        (
            "algemeen",
            "De resultaten van het onderzoek naar de proportionaliteit waren positief voor"
            " werkgevers, zo bleek uit een enquête onder 300 bedrijven in vijf lidstaten.",
        ),
        # A judgement of something else in the aspect's own section is still the aspect's;
        # in 4.e (regeldruk) it is not an aspect at all.
        (
            "regeldruk",
            "Ten aanzien van de concurrentiekracht beschouwt het kabinet de effecten als positief.",
        ),
    ],
)
def test_non_fiche_text_gets_no_aspect_stance(key, text):
    assert aspect_labels(label_stances([Section(key, text=text)])) == {}


def test_openings_give_no_aspect_stance():
    """63 real fiche openings (cover letter, section 1, start of section 2): no grondhouding."""
    excerpts = [json.loads(line)["excerpt"] for line in OPENINGS.read_text().splitlines()]
    sections = [Section("algemeen", text=e) for e in excerpts]
    assert aspect_labels(label_stances(sections)) == {}


# --- position stances per sentence ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Het kabinet steunt het voorstel.", "steunt"),
        ("Het kabinet verwelkomt het voorstel van de Commissie.", "steunt"),
        ("Het kabinet staat positief tegenover het voorstel.", "steunt"),
        ("Het kabinet is voorstander van een Europees provisieverbod.", "steunt"),
        (
            "Het kabinet steunt het voorstel, mits de lasten beperkt blijven.",
            "steunt_onder_voorwaarden",
        ),
        (
            "Het kabinet steunt het voorstel onder voorwaarde dat de uitvoering haalbaar is.",
            "steunt_onder_voorwaarden",
        ),
        ("Het kabinet plaatst een kanttekening bij de termijn.", "steunt_onder_voorwaarden"),
        (
            "Het kabinet staat positief, maar niet onkritisch tegenover het voorstel.",
            "steunt_onder_voorwaarden",
        ),
        (
            "Het kabinet zal bij de onderhandelingen aandacht vragen voor de reikwijdte.",
            "steunt_onder_voorwaarden",
        ),
        (
            "Het kabinet zal inzetten op een langere implementatietermijn.",
            "steunt_onder_voorwaarden",
        ),
        ("Het kabinet is terughoudend ten aanzien van deze bevoegdheid.", "terughoudend"),
        ("Het kabinet heeft zorgen over de uitvoerbaarheid.", "terughoudend"),
        ("Het kabinet plaatst vraagtekens bij de noodzaak van een verordening.", "terughoudend"),
        ("Het kabinet is kritisch over de gedelegeerde handelingen.", "kritisch"),
        ("Het kabinet heeft bezwaar tegen de verplichte herverdeling.", "kritisch"),
        ("Het kabinet wijst het voorstel af.", "verwerpt"),
        ("Het kabinet kan dit onderdeel niet steunen.", "verwerpt"),
        ("Het kabinet is tegen het voorstel.", "verwerpt"),
        ("Het kabinet verwerpt het idee van een Europese belasting.", "verwerpt"),
        ("Het kabinet merkt op dat de termijn kort is.", "neutraal"),
        ("Het kabinet is van mening dat nadere analyse nodig is.", "neutraal"),
    ],
)
def test_position_phrasings(text, label):
    assert labels_of(text) == [label]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Het kabinet steunt het voorstel niet.", "verwerpt"),
        ("Het kabinet is geen voorstander van een nieuw agentschap.", "kritisch"),
        ("Het kabinet staat niet positief tegenover het voorstel.", "kritisch"),
        ("Het kabinet is niet terughoudend over dit onderdeel.", "neutraal"),
        # "niet alleen ..., maar ook" is no negation.
        ("Het kabinet steunt niet alleen het doel, maar ook de aanpak.", "steunt"),
        # The negation belongs to another clause.
        ("Het kabinet steunt het voorstel, omdat het niet verder gaat dan nodig.", "steunt"),
    ],
)
def test_position_negation(text, label):
    assert labels_of(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        "De Commissie stelt voor de termijn te verkorten tot dertig dagen.",
        "De Commissie verwelkomt de inbreng van de lidstaten.",  # someone else's view
        "De regeling voorziet in bezwaar en beroep bij de nationale rechter.",
    ],
)
def test_sentences_without_cabinet_stance_get_no_label(text):
    assert labels_of(text) == []


def test_tegen_de_achtergrond_is_no_rejection():
    text = (
        "Het kabinet is tegen de achtergrond van de krapte op de arbeidsmarkt bereid te kijken"
        " naar nieuwe instrumenten"
    )
    assert labels_of(text) == ["steunt_onder_voorwaarden"]  # "bereid", not "is tegen"


def test_one_label_per_sentence_and_the_least_positive_wins():
    text = (
        "Het kabinet verwelkomt het voorstel. Het kabinet is terughoudend over de bevoegdheden "
        "van ESMA.\n\nDe Commissie stelt een termijn van twee jaar voor.\n\nVoorts merkt het "
        "kabinet op dat de termijn kort is. Het kabinet steunt de termijn, mits er een "
        "overgangsregeling komt."
    )
    section = Section("positie.beoordeling", text=text)
    stances = label_stances([section])
    assert [(s.aspect, s.label, s.evidence) for s in stances] == [
        ("positie", "steunt", "Het kabinet verwelkomt het voorstel."),
        ("positie.beoordeling", "steunt", "Het kabinet verwelkomt het voorstel."),
        (
            "positie.beoordeling",
            "terughoudend",
            "Het kabinet is terughoudend over de bevoegdheden van ESMA.",
        ),
        (
            "positie.beoordeling",
            "neutraal",
            "Voorts merkt het kabinet op dat de termijn kort is.",
        ),
        (
            "positie.beoordeling",
            "steunt_onder_voorwaarden",
            "Het kabinet steunt de termijn, mits er een overgangsregeling komt.",
        ),
    ]
    assert_offsets(stances, [section])


def test_position_stances_in_every_position_section_but_never_on_others_views():
    beleid = Section(
        "positie.beleid",
        text="Het kabinet ziet dat de doelen niet zijn bereikt. Daarom is zij voorstander van "
        "een aanpassing.",
    )
    krachtenveld = Section(
        "positie.krachtenveld",
        text="Het kabinet verwacht dat veel lidstaten het voorstel steunen. De Commissie "
        "verwelkomt de inbreng. Het Europees Parlement staat positief tegenover het voorstel.",
    )
    essentie = Section("essentie", text="Het kabinet steunt het voorstel.")
    stances = label_stances([beleid, krachtenveld, essentie])
    assert [(s.aspect, s.label) for s in stances] == [
        ("positie.beleid", "neutraal"),
        ("positie.beleid", "steunt"),  # "zij" continues "Het kabinet"
    ]


def test_bullets_are_not_part_of_the_evidence():
    text = "- Het kabinet verwelkomt de aanbeveling.\n- Het kabinet heeft zorgen over de kosten."
    stances = label_stances([Section("positie.beleid", text=text)])
    assert [s.evidence for s in stances] == [
        "Het kabinet verwelkomt de aanbeveling.",
        "Het kabinet heeft zorgen over de kosten.",
    ]
    assert all(text[s.start : s.end] == s.evidence for s in stances)


def test_empty_and_missing_sections():
    assert label_stances([]) == []
    assert label_stances([Section("positie.beoordeling", text=""), Section("subsidiariteit")]) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Wordings beyond the two real fiches: the cabinet, the government, "wij", Nederland.
        ("Het kabinet steunt het voorstel van de Commissie om de termijn te verlengen.", "steunt"),
        ("De regering verwelkomt de mededeling.", "steunt"),
        ("Nederland staat welwillend tegenover een Europese aanpak.", "steunt"),
        ("Wij staan open voor een gezamenlijke aanpak.", "steunt"),
        # The cabinet's demands on the proposal are conditions of its support (the policy).
        (
            "Het kabinet vindt dat de lasten voor het mkb beperkt moeten blijven.",
            "steunt_onder_voorwaarden",
        ),
        ("Het kabinet wil benadrukken dat de uitvoerbaarheid voorop staat.", "neutraal"),
        (
            "Het kabinet hecht eraan dat de nationale bevoegdheden intact blijven.",
            "steunt_onder_voorwaarden",
        ),
        ("Het kabinet acht een verplichte herverdeling niet wenselijk.", "kritisch"),
        (
            "Het kabinet acht het wenselijk dat de termijn wordt verlengd.",
            "steunt_onder_voorwaarden",
        ),
        ("Het kabinet is kritisch over de voorgestelde rol van het agentschap.", "kritisch"),
        ("Het kabinet ziet geen meerwaarde in een nieuw agentschap.", "kritisch"),
        ("Het kabinet is niet overtuigd van de noodzaak van een verordening.", "terughoudend"),
        ("Nederland zal inzetten op een langere overgangstermijn.", "steunt_onder_voorwaarden"),
        (
            "Het kabinet vraagt aandacht voor de gevolgen voor de uitvoering.",
            "steunt_onder_voorwaarden",
        ),
        (
            "Volgens het kabinet gaat het voorstel op dit punt te ver, en is het onwenselijk.",
            "kritisch",
        ),
        ("Met betrekking tot de rapportageplicht steunt het kabinet de Commissie.", "steunt"),
        ("Het kabinet is, net als veel lidstaten, positief over het voorstel.", "steunt"),
        ("Het kabinet kan zich hier niet in vinden.", "kritisch"),
        ("Het kabinet vindt het voorstel onvoldoende onderbouwd.", "kritisch"),
        ("Wij steunen dit voorstel niet.", "verwerpt"),
        (
            "Het kabinet ziet dat de doelen niet zijn bereikt. Daarom is zij voorstander.",
            "neutraal",
        ),
    ],
)
def test_position_wordings_in_general(text, label):
    assert labels_of(text)[0] == label


def test_support_and_criticism_in_one_sentence_give_both_with_their_part():
    text = (
        "Het kabinet is voorstander van het voorstel, maar heeft bezwaar tegen de "
        "delegatiebevoegdheden."
    )
    stances = label_stances([Section("positie.beoordeling", text=text)])
    positions = [(s.label, s.evidence) for s in stances if s.aspect == "positie.beoordeling"]
    assert positions == [
        ("steunt_onder_voorwaarden", "Het kabinet is voorstander van het voorstel"),
        ("kritisch", "maar heeft bezwaar tegen de delegatiebevoegdheden."),
    ]
    assert all(text[s.start : s.end] == s.evidence for s in stances)


@pytest.mark.parametrize(
    "text",
    [
        # Others' views, reported: never the cabinet's stance.
        "De Commissie verwelkomt de inbreng van de lidstaten.",
        "Een meerderheid van de lidstaten steunt het voorstel.",
        "Het Europees Parlement is kritisch over de reikwijdte.",
        "Het kabinet verwacht dat de lidstaten het voorstel zullen steunen.",
        "Het kabinet verwacht dat Frankrijk het voorstel zal steunen.",
        "Volgens de sector is het voorstel onwenselijk.",
        "Het bedrijfsleven staat positief tegenover de vereenvoudiging.",
        "De noodzaak wordt door een brede groep EU-lidstaten ondersteund.",
        "Naar het oordeel van de Commissie is optreden op EU-niveau noodzakelijk.",
        # Facts, however they are worded.
        "Betaalinstellingen kunnen momenteel nog geen directe toegang krijgen tot betaalsystemen.",
        "De richtlijn werd in 2021 afgewezen door de Raad.",
        "Het voorstel voorziet in de oprichting van één CT per activaklasse.",
        "Aanvullend investeert het kabinet in een AI-rekenkrachtplan.",
    ],
)
def test_no_cabinet_stance_on_others_views_or_facts(text):
    assert labels_of(text) == []
    assert labels_of(text, "positie.krachtenveld") == []


SUB, PROP = "subsidiariteit", "proportionaliteit"


@pytest.mark.parametrize(
    ("key", "text", "aspect", "expected"),
    [
        # Aspect words inside compounds, verdicts as (non-)conformity, negations.
        (SUB, "Het voorstel voldoet aan het subsidiariteitsbeginsel.", SUB, "positief"),
        (SUB, "Het voorstel voldoet niet aan het subsidiariteitsbeginsel.", SUB, "negatief"),
        (
            "overig",
            "Het kabinet acht het voorstel in lijn met het proportionaliteitsbeginsel.",
            PROP,
            "positief",
        ),
        (
            PROP,
            "Het voorstel is niet in lijn met de proportionaliteitstoets: het gaat te ver.",
            PROP,
            "negatief",
        ),
        (PROP, "Het kabinet acht het voorgestelde optreden proportioneel.", PROP, "positief"),
        (PROP, "Het kabinet acht de maatregel niet gerechtvaardigd.", PROP, "negatief"),
        (PROP, "Het kabinet acht de maatregel onevenredig.", PROP, "negatief"),
        (
            SUB,
            "Het kabinet kan nog geen oordeel geven over de subsidiariteit.",
            SUB,
            "geen_oordeel",
        ),
        (
            "bevoegdheid",
            "Het kabinet acht de gekozen rechtsbasis juist.",
            "bevoegdheid",
            "positief",
        ),
    ],
)
def test_aspect_verdicts_in_more_wordings(key, text, aspect, expected):
    assert aspect_labels(label_stances([Section(key, text=text)])) == {aspect: expected}


@pytest.mark.parametrize(("text", "labels"), read_wordings())
def test_policy_wording_families(text, labels):
    assert labels_of(text) == labels
