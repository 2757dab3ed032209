"""Multi-part files: one Document per part, ids derived from the file's id, linked together."""

from conftest import SEED

from parsers import parse_bytes, parse_file


def test_the_seed_splits_into_letter_fiche_beslisnota_and_two_workflow_logs():
    documents = parse_file(SEED)
    base = documents[0].id.removesuffix("-brief")
    assert [(d.id, d.doc_type) for d in documents] == [
        (f"{base}-brief", "kamerbrief"),
        (f"{base}-fiche-1", "fiche"),
        (f"{base}-beslisnota", "beslisnota"),
        (f"{base}-workflow-1", "workflow-log"),
        (f"{base}-workflow-2", "workflow-log"),
    ]
    assert base.startswith("file-000_ca383b1a1cb74577-")


def test_each_part_starts_and_ends_where_it_should():
    letter, fiche, note, log1, log2 = parse_file(SEED)
    assert letter.sections[0].text.startswith("Ministerie van Buitenlandse Zaken")
    assert letter.sections[-1].text.endswith("T.B.W. Berendsen")
    assert fiche.sections[-1].text.endswith("in mondiale concurrentie om talent.")
    assert note.sections[0].text.startswith("Minister van Asiel en Migratie")
    assert "2. Geadviseerd besluit" in note.sections[0].text
    assert log1.sections[0].text.startswith("Digitale minuut: BNC (verzamelmap) - 6204882")
    assert "IND intern BNC-fiche" in log2.sections[0].text


def test_part_titles_and_dates():
    letter, fiche, note, log1, _ = parse_file(SEED)
    assert (letter.title, letter.date) == (
        "Informatievoorziening over nieuwe Commissievoorstellen",
        "2026-03-27",
    )
    assert fiche.date == "2026-03-27"  # the date of the cover letter
    assert note.title.startswith("Beslisnota: BNC-fiche Recommendation on attracting talent")
    assert note.date == "2026-03-12"
    assert log1.date == "2026-03-24"


def test_parts_link_to_each_other():
    documents = parse_file(SEED)
    for doc in documents:
        targets = {link.target_id for link in doc.links if link.kind == "part"}
        assert targets == {d.id for d in documents if d is not doc}


LETTER_WITH_TWO_FICHES = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 21 oktober 2022

Overeenkomstig de bestaande afspraken ontvangt u hierbij 2 fiches.

Fiche 1: Verordening Cyber Resilience Act (CRA)

Fiche 2: Europese Media Vrijheid Verordening

De Minister van Buitenlandse Zaken, W.B. Hoekstra

Fiche 1: Verordening Cyber Resilience Act (CRA)

1. Algemene gegevens

a) Titel voorstel

Proposal for a Regulation on horizontal cybersecurity requirements

b) Datum ontvangst Commissiedocument

15 september 2022

2. Essentie voorstel

Hardware- en softwareproducten zijn in toenemende mate onderhevig aan cyberaanvallen.

Fiche 2: Europese Media Vrijheid Verordening

1. Algemene gegevens

a) Titel voorstel

Voorstel voor een verordening tot het tot stand brengen van een gemeenschappelijk kader

c) Nr. Commissiedocument

COM(2022) 457

2. Essentie voorstel

De Commissie stelt een verordening voor.
"""


def test_a_letter_announcing_two_fiches_gives_each_fiche_its_own_document():
    documents = parse_bytes(LETTER_WITH_TWO_FICHES.encode(), "kst-36239-A.txt")
    assert [d.doc_type for d in documents] == ["kamerbrief", "fiche", "fiche"]
    assert [d.id.rsplit("-", 2)[-2:] for d in documents[1:]] == [["fiche", "1"], ["fiche", "2"]]
    cra, emfa = documents[1:]
    assert cra.title == "Fiche: Verordening Cyber Resilience Act (CRA)"
    assert cra.date == "2022-10-21"
    assert cra.metadata == {
        "titel_voorstel": "Proposal for a Regulation on horizontal cybersecurity requirements",
        "datum_ontvangst": "2022-09-15",
    }
    assert emfa.metadata["com_numbers"] == ["COM(2022) 457"]
    assert "Hardware- en softwareproducten" not in emfa.section("essentie").text


def test_a_plain_document_stays_one_part():
    documents = parse_bytes(b"Motie\n\nDe Kamer,\n\ngehoord de beraadslaging,", "motie.txt")
    assert len(documents) == 1
    assert documents[0].doc_type == "document"
