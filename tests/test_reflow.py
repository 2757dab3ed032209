"""Hard-wrapped text back into paragraphs (parsers/readers/reflow.py), through the readers."""

from parsers.detect import read_bytes
from parsers.readers.reflow import is_hard_wrapped, reflow

WRAPPED = """\
Het kabinet steunt de doelstelling van de Commissie om met haar voorstel bij te
dragen aan meer transparantie op de markten voor financiële instrumenten in de
Europese Unie. In dat kader hecht het kabinet groot belang aan verdere verdieping
van de kapitaalmarktunie.8 Dit draagt bij aan economische groei via een efficiënte
allocatie van kapitaal en aan financiële stabiliteit door vergroting van het
8 BNC-fiche Mededeling Nieuw Actieplan Kapitaalmarktunie. Kamerstukken II 2020/21.
Pagina 5 van 15
schokabsorberend vermogen van de markten van de Unie en het stelsel als geheel.
Tape voor geconsolideerde handelsdata
Het kabinet staat positief tegenover het voorstel van de Commissie dat de
oprichting van CT's faciliteert. Het risico bestaat dat EU-
tegenpartijen geen toegang hebben tot de in een derde land aanwezige liquiditeit.
Multilaterale handelsplatformen en beleggingsondernemingen met internalisatie
Wat betreft het speelveld tussen handelsplatformen en SI's is het kabinet van
mening dat de voorgestelde aanpassingen bijdragen aan kleinere verschillen.
12
a) Titel voorstel
"""


def test_hard_wrapped_lines_become_paragraphs():
    lines = WRAPPED.splitlines()
    assert is_hard_wrapped(lines)
    flowed = reflow(lines, width=82)
    assert flowed.paragraphs == [
        "Het kabinet steunt de doelstelling van de Commissie om met haar voorstel bij te dragen "
        "aan meer transparantie op de markten voor financiële instrumenten in de Europese Unie. "
        "In dat kader hecht het kabinet groot belang aan verdere verdieping van de "
        "kapitaalmarktunie. Dit draagt bij aan economische groei via een efficiënte allocatie "
        "van kapitaal en aan financiële stabiliteit door vergroting van het schokabsorberend "
        "vermogen van de markten van de Unie en het stelsel als geheel.",
        "Tape voor geconsolideerde handelsdata",
        "Het kabinet staat positief tegenover het voorstel van de Commissie dat de oprichting "
        "van CT's faciliteert. Het risico bestaat dat EU-tegenpartijen geen toegang hebben tot "
        "de in een derde land aanwezige liquiditeit.",
        "Multilaterale handelsplatformen en beleggingsondernemingen met internalisatie",
        "Wat betreft het speelveld tussen handelsplatformen en SI's is het kabinet van mening "
        "dat de voorgestelde aanpassingen bijdragen aan kleinere verschillen.",
        "a) Titel voorstel",
    ]
    assert flowed.footnotes == [
        "8 BNC-fiche Mededeling Nieuw Actieplan Kapitaalmarktunie. Kamerstukken II 2020/21."
    ]


def test_plain_and_html_readers_give_the_same_paragraphs():
    lines = WRAPPED.splitlines()
    html = "<html><head><meta charset='utf-8'></head><body>" + "".join(
        f"<p>{line}</p>" for line in lines
    )
    plain = read_bytes(WRAPPED.encode(), "f.txt")
    page = read_bytes(html.encode(), "f.html")
    assert [b.text for b in plain.blocks] == [b.text for b in page.blocks]
    assert len(plain.blocks) == 6
    assert plain.footnotes == page.footnotes


def test_clean_paragraphs_are_left_alone():
    """A motie: paragraphs that start in lower case, but as long as no printed line."""
    paragraphs = [
        "constaterende dat diverse financiële instellingen klanten laten betalen voor hun "
        "spaargeld en dat die kosten de afgelopen jaren sterk zijn gestegen voor huishoudens",
        "verzoekt de regering, om een grensspaarsaldo te definiëren waaronder een negatieve "
        "spaarrente niet is toegestaan, en de Kamer hierover voor de zomer te informeren,",
    ] * 5
    assert not is_hard_wrapped(paragraphs)
    read = read_bytes("\n".join(paragraphs).encode(), "motie.txt")
    assert [b.text for b in read.blocks] == ["\n".join(paragraphs)]


def test_a_lone_page_number_inside_running_text_is_dropped():
    first = "Het kabinet steunt de doelstelling van de Europese Commissie om met dit voorstel bij"
    text = f"{first}\n\n7\n\nte dragen aan meer transparantie.\n\n8\n"
    read = read_bytes(text.encode(), "f.txt")
    # "8" after a full stop, at the end, is no page number inside running text
    assert [b.text for b in read.blocks] == [f"{first} te dragen aan meer transparantie.", "8"]


def test_html_headings_stay_headings_between_reflowed_lines():
    lines = WRAPPED.splitlines()
    html = (
        "<html><head><meta charset='utf-8'></head><body><h2>Beoordeling + inzet</h2>"
        + "".join(f"<p>{line}</p>" for line in lines[:8])
        + "<h2>Krachtenveld</h2>"
        + "".join(f"<p>{line}</p>" for line in lines[8:])
        + "</body></html>"
    )
    blocks = read_bytes(html.encode(), "f.html").blocks
    assert [(b.kind, b.text[:20]) for b in blocks] == [
        ("heading", "Beoordeling + inzet"),
        ("paragraph", "Het kabinet steunt d"),
        ("heading", "Krachtenveld"),
        ("paragraph", "Tape voor geconsolid"),
        ("paragraph", "Het kabinet staat po"),
        ("paragraph", "Multilaterale handel"),
        ("paragraph", "Wat betreft het spee"),
        ("paragraph", "a) Titel voorstel"),
    ]
