# ruff: noqa: E501  (values are data, written out as printed)
"""Opening fields in the layouts the issue names that the openings read so far do not show:
several labelled fields on one line, a value running on into the next label, and an older
title page with "Label: value" lines and a combined rechtsbasis item. The values are those of
a real opening (fiche-openings line 26, the Cyber Resilience Act fiche, read part), only the
layout is changed."""

from parsers import parse_bytes

CRA = {
    "titel_voorstel": "Proposal for a Regulation of the European Parliament and of the Council on horizontal cybersecurity requirements for products with digital elements and amending Regulation (EU) 2019/1020.",
    "datum_ontvangst": "2022-09-15",
    "com_numbers": ["COM(2022) 454"],
    "celex": "52022PC0454",
    "impact_assessment": "SWD(2022) 282",
    "behandelingstraject_raad": "Raad Vervoer, Telecommunicatie en Energie (TTE)",
    "ministerie": "Ministerie van Economische Zaken en Klimaat",
    "rechtsbasis": "Artikel 114 VWEU",
    "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
    "rol_ep": "Medebeslissing",
}
ESSENTIE = "2. Essentie voorstel\n\nHardware- en softwareproducten zijn in toenemende mate onderhevig aan cyberaanvallen."


def metadata(text: str) -> dict:
    [fiche] = [d for d in parse_bytes(text.encode(), "opening.txt") if d.doc_type == "fiche"]
    return fiche.metadata


def test_fields_that_share_a_line_each_stop_at_the_next_label():
    text = f"""Fiche: Verordening Cyber Resilience Act (CRA)

1. Algemene gegevens

a) Titel voorstel: {CRA["titel_voorstel"]} b) Datum ontvangst Commissiedocument: 15 september 2022 c) Nr. Commissiedocument: COM(2022) 454

d) EUR-Lex: EUR-Lex – 52022PC0454 – EN – EUR-Lex (europa.eu) e) Nr. impact assessment Commissie en Opinie Raad voor Regelgevingstoetsing: SWD(2022) 282

f) Behandelingstraject Raad: Raad Vervoer, Telecommunicatie en Energie (TTE) g) Eerstverantwoordelijk ministerie: Ministerie van Economische Zaken en Klimaat

h) Rechtsbasis: Artikel 114 VWEU i) Besluitvormingsprocedure Raad: Gekwalificeerde meerderheid j) Rol Europees Parlement: Medebeslissing

{ESSENTIE}
"""
    assert metadata(text) == CRA


def test_an_older_title_page_with_a_combined_rechtsbasis_item():
    # no letters, "Label: value" on one line, the ministry running on into the next label, and
    # rechtsbasis, procedure and the EP's role in one item
    text = f"""Fiche: Verordening Cyber Resilience Act (CRA)

1. Algemene gegevens

Titel voorstel: {CRA["titel_voorstel"]}

Datum ontvangst Commissiedocument: 15 september 2022

Nr. Commissiedocument: COM(2022) 454

CELEX: 52022PC0454

Nr. impact assessment Commissie en Opinie Raad voor Regelgevingstoetsing: SWD(2022) 282

Behandelingstraject Raad: Raad Vervoer, Telecommunicatie en Energie (TTE)

Eerstverantwoordelijk ministerie: Ministerie van Economische Zaken en Klimaat Rechtsbasis, besluitvormingsprocedure en rol Europees Parlement: Artikel 114 VWEU; Gekwalificeerde meerderheid; Medebeslissing

{ESSENTIE}
"""
    assert metadata(text) == CRA


def test_a_combined_item_split_by_commas_keeps_the_articles_together():
    text = f"""Fiche: Verordening Cyber Resilience Act (CRA)

1. Algemene gegevens

a) Titel voorstel

{CRA["titel_voorstel"]}

h) Rechtsbasis, besluitvormingsprocedure en rol Europees Parlement

Artikel 114, 115 en 352 VWEU, unanimiteit, raadpleging

{ESSENTIE}
"""
    found = metadata(text)
    assert found["rechtsbasis"] == "Artikel 114, 115 en 352 VWEU"
    assert found["besluitvormingsprocedure_raad"] == "unanimiteit"
    assert found["rol_ep"] == "raadpleging"


def test_a_line_of_prose_that_names_a_label_is_not_cut():
    text = f"""Fiche: Verordening Cyber Resilience Act (CRA)

1. Algemene gegevens

a) Titel voorstel

{CRA["titel_voorstel"]}

g) Eerstverantwoordelijk ministerie

Ministerie van Economische Zaken en Klimaat, voor de rechtsbasis in overleg met het Ministerie van Justitie en Veiligheid

{ESSENTIE}
"""
    assert metadata(text)["ministerie"] == (
        "Ministerie van Economische Zaken en Klimaat, voor de rechtsbasis in overleg met het "
        "Ministerie van Justitie en Veiligheid"
    )
