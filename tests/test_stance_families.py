"""Wording families of the position policy (../shared/DESIGN.md, "Stance"), each as one
paragraph of the seed fiche's "Beoordeling + inzet", read in every layout a fiche comes in
(clean, hard-wrapped, one <p> per printed line, PDF). Each row is one family, not one
sentence of the data: demands, reserve, criticism, word order (verb-final, participle at the
end), negation by "weinig"/"nauwelijks", other governments and the Kamer as other actors.
"""

import re

import pytest

from benchmarks.layouts import text_layouts
from benchmarks.stance_sentences import POSITION_PREFIX, Row, fiche_text
from parsers import parse_bytes

S, V, T, K, R, N = (
    "steunt",
    "steunt_onder_voorwaarden",
    "terughoudend",
    "kritisch",
    "verwerpt",
    "neutraal",
)
NONE = None

FAMILIES = [
    # demands on the proposal: steunt_onder_voorwaarden
    (V, "Nederland maakt zich sterk voor een eerlijke verdeling van de lasten."),
    (V, "Het kabinet streeft ernaar dat de uitvoeringslasten beperkt blijven."),
    (V, "Het kabinet zet zich ervoor in dat de termijnen haalbaar zijn."),
    (V, "Het kabinet legt de nadruk op de uitvoerbaarheid van het stelsel."),
    (V, "Het kabinet zou graag zien dat de reikwijdte wordt beperkt."),
    (V, "Nederland heeft een voorkeur voor een richtlijn boven een verordening."),
    (V, "Het kabinet wil voorkomen dat de administratieve lasten stijgen."),
    (V, "Het is van groot belang dat de uitvoerbaarheid wordt geborgd."),
    (V, "Het is van belang dat de lidstaten flexibiliteit houden bij de invulling."),
    (V, "Ik denk dat het verstandig is om de overgangstermijn te verlengen."),
    (V, "Nederland heeft benadrukt dat de begroting niet mag stijgen."),
    (V, "Nederland heeft in de Raad het belang van handhaving benadrukt."),
    (V, "Nederland heeft in de Raad gevraagd om een nadere toelichting."),
    (V, "Nederland heeft voorgesteld de termijn met twee jaar te verlengen."),
    (V, "De inzet van het kabinet is gericht op een betaalbare transitie."),
    # support under a condition stated as a condition clause
    (V, "Indien de lasten beperkt blijven, kan het kabinet het voorstel steunen."),
    (V, "Nederland kan pas instemmen als er een goede effectbeoordeling ligt."),
    (V, "Voorwaarde is wel dat de lasten voor het mkb beperkt blijven."),
    (V, "Het kabinet is positief, behoudens enkele punten van uitvoering."),
    # reserve: terughoudend
    (T, "Het kabinet is huiverig voor nieuwe bevoegdheden van de Commissie."),
    (T, "Het kabinet vreest dat de lasten voor het mkb toenemen."),
    (T, "Het kabinet wijst op de risico's voor de financiële stabiliteit."),
    (T, "Het kabinet zal vragen stellen over de uitvoerbaarheid."),
    (T, "Nederland heeft zijn zorgen kenbaar gemaakt over de kosten."),
    # criticism and rejection
    (K, "Het kabinet ziet weinig meerwaarde in een nieuw agentschap."),
    (K, "Het kabinet ziet geen rol voor de EU op dit terrein."),
    (K, "Het kabinet heeft geen behoefte aan nieuwe rapportageverplichtingen."),
    (K, "Het kabinet vindt het voorstel niet ambitieus genoeg."),
    (K, "Wij willen niet dat Brussel hierover beslist."),
    (K, "Het voorstel is voor Nederland niet acceptabel."),
    (K, "Samen met een aantal andere lidstaten heeft Nederland zich verzet tegen het voorstel."),
    (K, "Het kabinet acht de lasten niet in verhouding tot de baten."),
    (K, "Het voorstel schiet volgens het kabinet tekort op het punt van handhaving."),
    (T, "Het kabinet waarschuwt voor een stapeling van regels."),
    (R, "Een verhoging van de begroting is voor Nederland geen optie."),
    (R, "Een verhoging van de begroting is voor Nederland niet aan de orde."),
    (R, "Wij gaan hier niet mee akkoord."),
    (R, "Wij zijn tegen eurobonds."),
    # support
    (S, "Het kabinet staat sympathiek tegenover het voorstel."),
    (S, "Het kabinet heeft geen moeite met dit onderdeel."),
    (S, "Nederland gaf aan akkoord te kunnen gaan met de raadsconclusies."),
    (S, "Het compromis doet recht aan de Nederlandse wensen."),
    (K, "Het voorstel doet geen recht aan de positie van kleine lidstaten."),
    # the cabinet's voice that evaluates nothing
    (N, "Het kabinet zal zich nader beraden op het voorstel."),
    (N, "Nederland zal pas een standpunt bepalen na de effectbeoordeling."),
    # other governments and the Kamer: no cabinet position
    (NONE, "Volgens Frankrijk is het van belang dat de termijn langer wordt."),
    (NONE, "Duitsland vindt het belangrijk dat de landbouw wordt ontzien."),
    (NONE, "Voor de Commissie is een kortere termijn geen optie."),
    (NONE, "Voor de lidstaten is het belangrijk dat de termijn langer wordt."),
    (NONE, "Het kabinet hecht veel waarde aan een goede informatievoorziening aan de Kamer."),
]


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def labels_per_layout() -> dict[str, dict[str, list[str]]]:
    """layout name -> sentence -> the position labels whose evidence is that sentence."""
    rows = [Row("families", "position", (), text) for _, text in FAMILIES]
    result = {}
    for layout in text_layouts("families", fiche_text(rows)):
        fiche = next(d for d in parse_bytes(layout.data, layout.filename) if d.doc_type == "fiche")
        stances = [
            (s.label, words(s.evidence))
            for s in fiche.stances
            if s.aspect.startswith(POSITION_PREFIX) and s.aspect != "positie"
        ]
        result[layout.name] = {
            text: [label for label, evidence in stances if evidence == words(text)]
            for _, text in FAMILIES
        }
    return result


@pytest.mark.parametrize("layout", ["clean", "hardwrap", "html", "pdf"])
@pytest.mark.parametrize(("label", "text"), FAMILIES)
def test_wording_family_in_every_layout(labels_per_layout, layout, label, text):
    expected = [] if label is NONE else [label]
    assert labels_per_layout[layout][text] == expected
