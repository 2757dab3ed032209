"""Whose voice a position section holds, on text where the cabinet does not speak: EUR-Lex
recitals, a motie's request to the government, a plenary record's speaker turns, another
country's government. Each text is one section, as a fiche's "Beoordeling + inzet" is; the
figures over many such texts are `python -m benchmarks.stance_negatives`.
"""

import pytest

from parsers.model import Section
from parsers.stance import label_stances


def labels_of(text: str, key: str = "positie.beoordeling") -> list[str]:
    return [s.label for s in label_stances([Section(key, text=text)]) if s.aspect == key]


# Real sentences of the EUR-Lex sample (../shared/scale/eurlex-nl.jsonl.gz): a regulation's
# recitals and a Council text demand in the impersonal voice, and nobody in them is the
# cabinet.
EURLEX_RECITALS = (
    "Aangezien het aanmeldingsformulier een gedetailleerde vragenlijst is die op de geldende "
    "regels gebaseerd is, moeten delen daarvan worden gewijzigd. Bijgevolg moet Verordening "
    "(EG) nr. 794/2004 dienovereenkomstig worden gewijzigd."
)
EURLEX_COUNCIL = (
    "Tegen deze achtergrond is het van essentieel belang dat meer vaart wordt gezet achter de "
    "structurele hervormingen. De Roemeense regering heeft de hervormingen aangekondigd."
)


@pytest.mark.parametrize("text", [EURLEX_RECITALS, EURLEX_COUNCIL])
def test_impersonal_demands_are_nobodys_where_the_cabinet_does_not_speak(text):
    assert labels_of(text) == []


def test_the_same_demand_is_the_cabinets_where_it_speaks():
    text = f"Het kabinet steunt het voorstel. {EURLEX_RECITALS}"
    assert labels_of(text) == ["steunt", "steunt_onder_voorwaarden", "steunt_onder_voorwaarden"]


def test_an_impersonal_judgement_said_for_the_cabinet_holds_alone():
    assert labels_of("Het is voor het kabinet belangrijk dat de lasten beperkt blijven.") == [
        "steunt_onder_voorwaarden"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a motie's dictum: the Kamer asks, the government is addressed
        "verzoekt de regering, een grenssaldo te definiëren waaronder een negatieve "
        "spaarrente onwenselijk is;",
        "De leden van de CDA-fractie vragen de regering het voorstel te steunen.",
        "Deze leden vinden het belangrijk dat de regering kritisch blijft.",
        "De Roemeense regering steunt het voorstel.",
        "De regering van Malta is voorstander van het voorstel.",
        "Voormalig minister Jansen is tegen het voorstel.",
    ],
)
def test_no_cabinet_stance_for_whoever_asks_or_reports(text):
    assert labels_of(text) == []


def test_the_minister_of_our_government_still_speaks_for_it():
    assert labels_of("De minister van Financiën steunt het voorstel.") == ["steunt"]


def test_nl_is_the_netherlands_before_its_verb_and_the_language_in_a_header():
    assert labels_of("NL steunt het voorstel.") == ["steunt"]
    header = (
        "C_2014211NL.01001301.xml 5.7.2014 NL Publicatieblad van de Europese Unie C 211/13 "
        "BESLUIT VAN DE DIRECTEUR VAN EUROPOL houdende instemming met de regeling."
    )
    assert labels_of(header) == []


def test_a_plenary_record_gives_the_ministers_turns_only():
    record = (
        "De heer Klaver (GroenLinks): Ik steun dit voorstel niet. Wij vinden het belangrijk "
        "dat de termijn korter wordt.\n\n"
        "De voorzitter: Ik geef het woord aan de minister-president.\n\n"
        "Minister Rutte: Wij steunen het voorstel van de Commissie."
    )
    assert labels_of(record) == ["steunt"]
