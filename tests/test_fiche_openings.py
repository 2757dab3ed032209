# ruff: noqa: E501  (titles and URLs are data, written out as printed)
"""Section-1 metadata of real fiche openings (2012-2026, four hosts), written out by hand
from reading each excerpt; every opening parses without error."""

import json

import pytest
from conftest import OPENINGS

from parsers import parse_bytes

OPENINGS_BY_LINE = [json.loads(line) for line in OPENINGS.read_text().splitlines()]

# line in openings.jsonl -> (url, fiche title, section-1 metadata)
EXPECTED = {
    0: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-1473.html",
        "Fiche: Mededeling Europese Onderzoekruimte",
        {
            "titel_voorstel": "Mededeling van de Commissie voor een versterkt partnerschap voor "
            "topkwaliteit en groei voor de Europese Onderzoekruimte.",
            "datum_ontvangst": "2012-07-17",
            "com_numbers": ["COM(2012) 392"],
            "eurlex_url": "http://ec.europa.eu/prelex/detail_dossier_real.cfm?CL=nl&DosId=201831",
            "impact_assessment": "SWD(2012) 211 en SWD(2012) 212",
            "behandelingstraject_raad": "Raad voor Concurrentievermogen: presentatie in oktober "
            "2012, Raadsconclusies in december 2012.",
            "ministerie": "Ministerie van Onderwijs, Cultuur en Wetenschap in nauwe samenwerking "
            "met het Ministerie van Economische Zaken, Landbouw en Innovatie.",
        },
    ),
    1: (
        "https://zoek.officielebekendmakingen.nl/kst-32827-124.html/kst-22112-GX.html",
        "Fiche: Verordening van het Europees parlement en de Raad betreffende het Europees Fonds voor strategische investeringen en tot wijziging van de Verordeningen (EU) nr. 1291/2013 en (EU) nr. 1316/2013.",
        {
            "titel_voorstel": "Verordening van het Europees parlement en de Raad betreffende het "
            "Europees Fonds voor strategische investeringen en tot wijziging "
            "van de Verordeningen (EU) nr. 1291/2013 en (EU) nr. 1316/2013.",
            "datum_ontvangst": "2015-01-13",
            "com_numbers": ["COM(2015) 10"],
            "eurlex_url": "http://eur-lex.Europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52015PC0010&rid=1",
            "celex": "52015PC0010",
            "impact_assessment": "Niet uitgevoerd.",
            "behandelingstraject_raad": "Raad voor Economische en Financiële Zaken (10 maart "
            "algemene oriëntatie)",
            "ministerie": "Ministerie van Financiën in nauwe samenwerking met het Ministerie van "
            "Economische Zaken",
            "rechtsbasis": "Artikel 172, 173, 175 (3) en 182(1) VWEU",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    2: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2192.html",
        "Fiche: Kwalificatieverordening",
        {
            "titel_voorstel": "Voorstel voor een verordening van het Europees parlement en de "
            "Raad inzake normen voor de erkenning van onderdanen van derde "
            "landen en staatlozen als personen die internationale bescherming "
            "genieten, en de inhoud van de verleende bescherming en tot "
            "aanpassing van richtlijn 2003/109/EU van 25 november 2003 inzake "
            "de status van derdelanders die langdurig ingezetene zijn.",
            "datum_ontvangst": "2016-07-13",
            "com_numbers": ["COM(2016) 466"],
            "eurlex_url": "http://eur-lex.europa.eu/legalcontent/EN/TXT/?qid=1469794376095&uri=CELEX:52016PC0466",
            "celex": "52016PC0466",
            "impact_assessment": "Niet aanwezig.",
            "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken.",
            "ministerie": "Ministerie van Veiligheid en Justitie",
        },
    ),
    3: (
        "https://zoek.officielebekendmakingen.nl/dossier/kst-22112-2246.html",
        "Fiche: Verordening EU-certificeringsysteem apparatuur beveiligingsonderzoeken luchtvaart",
        {
            "titel_voorstel": "Verordening van het Europees Parlement en de Raad tot vaststelling "
            "van een EU-certificeringssysteem voor apparatuur voor "
            "beveiligingsonderzoeken in de luchtvaart",
            "datum_ontvangst": "2016-09-14",
            "com_numbers": ["COM(2016) 491"],
            "eurlex_url": "http://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A52016PC0491",
            "celex": "52016PC0491",
            "impact_assessment": "http://eur-lex.europa.eu/legal-content/AUTO/?uri=CELEX:52016PC0461&qid=1474533091463&rid=1\n"
            "http://eur-lex.Europa.eu/legal-content/AUTO/?uri=CELEX:52016PC0461&qid=1474533091463&rid=1",
            "behandelingstraject_raad": "Vooralsnog onbekend.",
            "ministerie": "Ministerie van Veiligheid en Justitie in nauwe samenwerking met het "
            "Ministerie van Economische Zaken en het Ministerie van Infrastructuur "
            "en Milieu.",
        },
    ),
    4: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2408.html",
        "Fiche: Verordening agentschap ENISA en Europees kader voor cyberbeveiligingscertificering",
        {
            "titel_voorstel": "Verordening inzake ENISA, het agentschap van de Europese Unie voor "
            "cyberbeveiliging, tot intrekking van Verordening (EU) nr. "
            "526/2013, en inzake de certificering van de cyberbeveiliging van "
            "informatie- en communicatietechnologie (de "
            "«cyberbeveiligingsverordening»)",
            "datum_ontvangst": "2017-09",
            "com_numbers": ["COM(2017) 477"],
            "eurlex_url": "http://eur-lex.europa.eu/resource.html?uri=cellar:1985b4b4–985e-11e7-b92d-01aa75ed71a1.0001.02/DOC_1&format=PDF",
            "impact_assessment": "SWD (2017) 500",
            "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken",
            "ministerie": "Ministerie van Veiligheid en Justitie en Ministerie van Economische "
            "Zaken",
            "rechtsbasis": "Art. 114 VWEU",
        },
    ),
    5: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2409.html",
        "Fiche: Richtlijn fraude niet-chartaal geldverkeer",
        {
            "titel_voorstel": "Voorstel voor een richtlijn betreffende de bestrijding van fraude "
            "en vervalsing in verband met andere betaalmiddelen dan contanten "
            "en ter vervanging van Kaderbesluit 2001/413/JBZ",
            "datum_ontvangst": "2017-09-13",
            "com_numbers": ["COM(2017) 489"],
            "eurlex_url": "http://eur-lex.Europa.eu/legal-content/NL/TXT/PDF/?uri=CELEX:52017PC0489&rid=2",
            "celex": "52017PC0489",
            "impact_assessment": "SWD(2017)298, SWD(2017)299 en SEC(2017)390",
            "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken",
            "ministerie": "Ministerie van Veiligheid en Justitie",
            "rechtsbasis": "Artikel 83, eerste lid, van het Verdrag betreffende de werking van de "
            "Europese Unie (VWEU)",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheidsbesluitvorming",
            "rol_ep": "Medebeslissingsprocedure",
        },
    ),
    6: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2560.html",
        "Fiche: Wijziging richtlijn carcinogene en mutagene stoffen",
        {
            "titel_voorstel": "Voorstel voor een Richtlijn van het Europees parlement en de Raad "
            "tot wijziging van Richtlijn 2004/37/EG betreffende de bescherming "
            "van werknemers tegen de risico’s van blootstelling aan carcinogene "
            "of mutagene agentia op het werk.",
            "datum_ontvangst": "2018-04",
            "com_numbers": ["COM(2018) 171"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/NL/TXT/?qid=1523352061435&uri=CELEX:52018PC0171",
            "celex": "52018PC0171",
            "impact_assessment": "SWD (2018) 88",
            "behandelingstraject_raad": "Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en "
            "Consumentenzaken (EPSCO)",
            "ministerie": "Ministerie van Sociale Zaken en Werkgelegenheid",
            "rechtsbasis": "Artikel 153, lid 2 onder b jo. 153 lid 1 onder a van het Verdrag "
            "betreffende de werking van de Europese Unie (VWEU).",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    7: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2624.html",
        "Fiche: MFK – «Erasmus»: het programma van de Unie voor onderwijs, training, jeugd en sport",
        {},
    ),
    9: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2820.html",
        "Fiche: Mededeling inzake Versterking van de Rechtsstaat binnen de Unie – een blauwdruk voor actie",
        {
            "titel_voorstel": "Mededeling van de Commissie aan het Europees Parlement, de "
            "Europese Raad, de Raad, het Europees Economisch en Sociaal Comité "
            "en het Comité van de Regio’s – Versterking van de rechtsstaat "
            "binnen de Unie: Een blauwdruk voor actie.",
            "datum_ontvangst": "2019-07",
            "com_numbers": ["COM(2019) 343"],
            "eurlex_url": "https://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=COM:2019:0343:FIN:NL:PDF",
            "impact_assessment": "Niet opgesteld.",
            "behandelingstraject_raad": "Raad Algemene Zaken en JBZ-Raad",
            "ministerie": "Het Ministerie van Buitenlandse Zaken in nauwe samenwerking met het "
            "Ministerie van Justitie en Veiligheid en het Ministerie van "
            "Binnenlandse Zaken en Koninkrijksrelaties.",
        },
    ),
    11: (
        "https://zoek.officielebekendmakingen.nl/dossier/kst-22112-2965.html",
        "Fiche: Mededeling Europese Onderwijsruimte 2025",
        {
            "titel_voorstel": "Mededeling van de Commissie aan het Europees Parlement, de Raad, "
            "het Europees Sociaal en Economisch Comité en het Comité van de "
            "Regio’s: «De Europese onderwijsruimte tegen 2025 tot stand "
            "brengen»",
            "datum_ontvangst": "2020-09-30",
            "com_numbers": ["COM(2020) 625"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?qid=1602682589069&uri=CELEX:52020DC0625",
            "celex": "52020DC0625",
            "impact_assessment": "n.v.t.",
            "behandelingstraject_raad": "Raad Onderwijs, Jeugdzaken, Cultuur en Sport",
            "ministerie": "Ministerie van Onderwijs, Cultuur en Wetenschap",
        },
    ),
    13: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-2966.html",
        "Fiche: Actieplan digitaal onderwijs 2021–2027",
        {
            "titel_voorstel": "Mededeling van de Commissie aan het Europees Parlement, de Raad, "
            "het Europees Economisch en Sociaal Comité en het Comité van de "
            "Regio’s: Actieplan voor digitaal onderwijs 2021–2027: Onderwijs en "
            "opleiding herbronnen voor het digitale tijdperk",
            "datum_ontvangst": "2020-09-30",
            "com_numbers": ["COM(2020) 624"],
            "eurlex_url": "https://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=COM:2020:0624:FIN:NL:PDF",
            "impact_assessment": "Niet van toepassing",
            "behandelingstraject_raad": "Raad van Onderwijs, Jeugd, Cultuur en Sport",
            "ministerie": "Ministerie van Onderwijs, Cultuur en Wetenschap (OCW)",
        },
    ),
    20: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-3250.html",
        "Fiche: Wijziging verordening en richtlijn kapitaalvereisten",
        {
            "titel_voorstel": "Proposal for a Regulation of the European Parliament and of the "
            "Council amending Regulation (EU) No 575/2013 as regards "
            "requirements for credit risk, credit valuation adjustment risk, "
            "operational risk, market risk and the output floor.\n"
            "Proposal for a Directive of the European Parliament and of the "
            "Council amending Directive 2013/36/EU as regards supervisory "
            "powers, sanctions, third-country branches, and environmental, "
            "social and governance risks, and amending Directive 2014/59/EU.\n"
            "Proposal for a Regulation of the European Parliament and of the "
            "Council amending Regulation (EU) No 575/2013 and Directive "
            "2014/59/EU as regards the prudential treatment of global "
            "systemically important institution groups with a multiple point of "
            "entry resolution strategy and a methodology for the indirect "
            "subscription of instruments eligible for meeting the minimum "
            "requirement for own funds and eligible liabilities.",
            "datum_ontvangst": "2021-10-27",
            "com_numbers": ["COM(2021) 663", "COM(2021) 664", "COM(2021) 665"],
        },
    ),
    23: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-3406.html",
        "Fiche: Verordening cyberbeveiliging van instellingen, organen en instanties van de Europese Unie",
        {
            "titel_voorstel": "Voorstel voor een verordening van het Europees Parlement en de "
            "Raad betreffende maatregelen voor een hoog gezamenlijk niveau van "
            "cyberbeveiliging in de instellingen, organen en instanties van de "
            "Unie",
            "datum_ontvangst": "2022-03",
            "com_numbers": ["COM(2022) 122"],
            "celex": "52022PC0122",
            "impact_assessment": "Niet opgesteld",
            "behandelingstraject_raad": "Raad Algemene Zaken",
            "ministerie": "Ministerie van Justitie en Veiligheid",
            "rechtsbasis": "Artikel 106bis van het Verdrag tot oprichting van de Europese "
            "Gemeenschap voor Atoomenergie (Euratom-verdrag)\n"
            "Artikel 298 van het Verdrag betreffende de werking van de Europese "
            "Unie (VWEU)",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    24: (
        "https://berthub.eu/tkconv/get/2022D43443",
        "Fiche: Verordening Cyber Resilience Act (CRA)",
        {
            "titel_voorstel": "Proposal for a Regulation of the European Parliament and of the "
            "Council on horizontal cybersecurity requirements for products with "
            "digital elements and amending Regulation (EU) 2019/1020.",
            "datum_ontvangst": "2022-09-15",
            "com_numbers": ["COM(2022) 454"],
            "celex": "52022PC0454",
        },
    ),
    29: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-3569.html",
        "Fiche: Wijziging verordeningen betreffende instant payments in euro",
        {
            "titel_voorstel": "Verordening van het Europees Parlement en de Raad tot wijziging "
            "van Verordeningen (EU) nr. 260/2012 en (EU) 2021/1230 wat betreft "
            "instantovermakingen in euro",
            "datum_ontvangst": "2022-10-26",
            "com_numbers": ["COM(2022) 546"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52022PC0546&qid=1669146250363",
            "celex": "52022PC0546",
            "impact_assessment": "SWD (2022) 546 en SEC(2022)546",
            "behandelingstraject_raad": "Raad Economische en Financiële Zaken",
            "ministerie": "Ministerie van Financiën",
            "rechtsbasis": "Artikel 114 Verdrag betreffende de werking van de Europese Unie (VWEU)",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    31: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-3571.html",
        "Fiche: Verordening van het Europees Parlement en de Raad betreffende maatregelen voor de invoer, uitvoer en doorvoer van vuurwapens, hun essentiële onderdelen en munitie, tot uitvoering van artikel 10 van he",
        {
            "titel_voorstel": "Verordening van het Europees Parlement en de Raad betreffende "
            "maatregelen voor de invoer, uitvoer en doorvoer van vuurwapens, "
            "hun essentiële onderdelen en munitie, tot uitvoering van artikel "
            "10 van het Protocol van de Verenigde Naties tegen de illegale "
            "vervaardiging van en handel in vuurwapens, hun onderdelen, "
            "componenten en munitie, tot aanvulling van het Verdrag van de "
            "Verenigde Naties ter bestrijding van grensoverschrijdende "
            "georganiseerde misdaad (VN-protocol inzake vuurwapens) "
            "(herschikking)",
            "datum_ontvangst": "2022-10-27",
            "com_numbers": ["COM(2022) 480"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=COM:2022:480:FIN",
            "impact_assessment": "SWD(2022) 299, SEC (2022) 330",
            "behandelingstraject_raad": "Raad Economische en Financiële Zaken",
            "ministerie": "Ministerie van Justitie en Veiligheid in nauwe samenwerking met het "
            "Ministerie van Financiën",
        },
    ),
    34: (
        "https://zoek.officielebekendmakingen.nl/behandelddossier/kst-36246-5.html",
        "Fiche: Herziening Richtlijn Luchtkwaliteit",
        {
            "titel_voorstel": "Voorstel voor een Richtlijn van het Europees Parlement en van de "
            "Raad over luchtkwaliteit en schonere lucht voor Europa "
            "(herschikking)",
            "datum_ontvangst": "2022-10-26",
            "com_numbers": ["COM(2022) 542"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM%3A2022%3A542%3AFIN",
            "impact_assessment": "SWD(2022) 345, SWD(2022) 542, SWD(2022) 545, SEC(2022)542",
            "behandelingstraject_raad": "Milieuraad",
            "ministerie": "Ministerie van Infrastructuur en Waterstaat",
            "rechtsbasis": "Artikelen 191 en 192, Verdrag betreffende de werking van de Europese "
            "Unie (VWEU)",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    43: (
        "https://zoek.officielebekendmakingen.nl/stb-2022-270.html/kst-22112-3697.html",
        "Fiche: Raadsaanbevelingen digitaal onderwijs en digitale vaardigheden",
        {
            "titel_voorstel": "Proposal for a COUNCIL RECOMMENDATION on the key enabling factors "
            "for successful digital education and training\n"
            "Proposal for a COUNCIL RECOMMENDATION on improving the provision "
            "of digital skills in education and training",
            "datum_ontvangst": "2023-04-18",
            "com_numbers": ["COM(2023) 205", "COM(2023) 206"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52023DC0205",
            "celex": "52023DC0205",
            "impact_assessment": "Niet opgesteld.",
        },
    ),
    45: (
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2023D34291&id=2023D34291",
        "Fiche: Herziening verordening Meerjarig Financieel Kader (MFK) 2021–2027",
        {
            "titel_voorstel": "Voorstel voor een VERORDENING VAN DE RAAD houdende wijziging van "
            "Verordening (EU, Euratom) 2020/2093 tot bepaling van het Meerjarig "
            "Financieel Kader voor de jaren 2021–2027, en Mededeling "
            "tussentijdse herziening van het meerjarig financieel kader 2021 – "
            "2027",
            "datum_ontvangst": "2023-06",
            "com_numbers": ["COM(2023) 336", "COM(2023) 337"],
        },
    ),
    47: (
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2023D34306&id=2023Z14288",
        "Fiche: Mededeling Europese Economische Veiligheidsstrategie",
        {
            "titel_voorstel": "Gezamenlijke mededeling aan het Europees Parlement, de Europese "
            "Raad en de Raad betreffende een «strategie voor economische "
            "veiligheid van de EU»",
            "datum_ontvangst": "2023-06-20",
            "com_numbers": ["JOIN(2023) 20"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52023JC0020",
            "celex": "52023JC0020",
            "impact_assessment": "Niet opgesteld",
            "behandelingstraject_raad": "Raad Buitenlandse Zaken",
            "ministerie": "Ministerie van Buitenlandse Zaken in nauwe samenwerking met het "
            "Ministerie van Economische Zaken en Klimaat en het Ministerie van "
            "Justitie en Veiligheid",
        },
    ),
    53: (
        "https://zoek.officielebekendmakingen.nl/kst-22112-3861.html",
        "Fiche: Herziening verordening dierenwelzijn tijdens transport",
        {
            "titel_voorstel": "Proposal for a Regulation of the European Parliament and of the "
            "Council on the protection of animals during transport and related "
            "operations, amending Council Regulation (EC) No 1255/97 and "
            "repealing Council Regulation (EC) No 1/2005",
            "datum_ontvangst": "2023-12-07",
            "com_numbers": ["COM(2023) 770"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2023:770:FIN",
            "impact_assessment": "SWD(2023) 401, SEC(2023) 397",
            "behandelingstraject_raad": "Landbouw- en Visserijraad",
            "ministerie": "Ministerie van Landbouw, Natuur en Voedselkwaliteit (LNV)",
            "rechtsbasis": "Artikel 43 en artikel 114 van het Verdrag betreffende de Werking van "
            "de Europese Unie (VWEU)",
        },
    ),
    56: (
        "https://zoek.officielebekendmakingen.nl/dossier/kst-36539-A.html",
        "Fiche: Securing our future: Europe’s 2040 climate target and path to climate neutrality by 2050 building a sustainable, just and prosperous society",
        {
            "titel_voorstel": "Securing our future: Europe’s 2040 climate target and path to "
            "climate neutrality by 2050 building a sustainable, just and "
            "prosperous society",
            "datum_ontvangst": "2024-02-06",
            "com_numbers": ["COM(2024) 63"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A52024DC0063",
            "celex": "52024DC0063",
            "impact_assessment": "SWD(2024)63 SEC(2024)63",
            "behandelingstraject_raad": "Milieuraad",
            "ministerie": "Ministerie van Economische Zaken en Klimaat",
        },
    ),
    58: (
        "https://berthub.eu/tkconv/document.html?nummer=2025D15085",
        "Fiche: Mededeling Europees actieplan omtrent kabelveiligheid",
        {
            "titel_voorstel": "Gezamenlijke mededeling aan het Europees Parlement en de Raad: "
            "EU-actieplan inzake kabelbeveiliging",
            "datum_ontvangst": "2025-02-21",
            "com_numbers": ["JOIN(2025) 9"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:52025JC0009&qid=1740733851152",
            "celex": "52025JC0009",
            "impact_assessment": "Niet opgesteld",
            "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken (JBZ)",
            "ministerie": "Ministerie van Economische Zaken in nauwe samenwerking met het "
            "ministerie van Justitie en Veiligheid",
        },
    ),
    59: (
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2025D15085&id=2025Z06569",
        "Fiche: Mededeling Europees actieplan omtrent kabelveiligheid",
        {
            "titel_voorstel": "Gezamenlijke mededeling aan het Europees Parlement en de Raad: "
            "EU-actieplan inzake kabelbeveiliging",
            "datum_ontvangst": "2025-02-21",
            "com_numbers": ["JOIN(2025) 9"],
            "impact_assessment": "Niet opgesteld",
            "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken (JBZ)",
            "ministerie": "Ministerie van Economische Zaken in nauwe samenwerking met het "
            "Ministerie van Justitie en Veiligheid",
        },
    ),
    60: (
        "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2025D15091&id=2025D15091",
        "Fiche: Mededeling Clean Industrial Deal",
        {
            "titel_voorstel": "De Clean Industrial Deal: Een gezamenlijke routekaart voor "
            "concurrentievermogen en decarbonisatie",
            "datum_ontvangst": "2025-02-26",
            "com_numbers": ["COM(2025) 85"],
            "celex": "52025DC0085",
            "behandelingstraject_raad": "Primair Raad voor Concurrentievermogen, maar ook "
            "Energieraad, Milieuraad, Raad Buitenlandse Zaken "
            "(afhankelijk van inhoudelijk onderdeel)",
            "ministerie": "Gezamenlijke verantwoordelijkheid van het Ministerie van Klimaat en "
            "Groene Groei en het Ministerie van Economische Zaken, in nauwe "
            "samenwerking met het Ministerie van Infrastructuur en Waterstaat",
        },
    ),
    61: (
        "https://berthub.eu/tkconv/document.html?nummer=2025D39023",
        "Fiche: ECHA-verordening",
        {
            "titel_voorstel": "Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE "
            "COUNCIL on the European Chemicals Agency and amending Regulations "
            "(EC) No 1907/2006, (EU) No 528/2012, (EU) No 649/2012 and (EU) "
            "2019/1021 COM/2025/386 final",
            "datum_ontvangst": "2025-07-08",
            "com_numbers": ["COM(2025) 386"],
            "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:52025PC0386",
            "celex": "52025PC0386",
            "impact_assessment": "Niet van toepassing",
            "behandelingstraject_raad": "Milieuraad",
            "ministerie": "Ministerie van Infrastructuur en Waterstaat",
            "rechtsbasis": "Artikel 114 van het Verdrag betreffende de werking van de Europese "
            "Unie (VWEU)",
            "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
            "rol_ep": "Medebeslissing",
        },
    ),
    62: (
        "https://berthub.eu/tkconv/document.html?nummer=2026D05987",
        "Fiche: Omnibuspakket veiligheid van voedsel en diervoeder",
        {
            "titel_voorstel": "Proposal for a regulation amending Regulation 528/2012 – extension "
            "of certain data protection periods 2025/0408 (COD).\n"
            "Proposal for a directive amending Council Directive 98/58/EC and "
            "EP and Council Directive 2009/128/EC and repealing Council "
            "Directives 82/711/EEC and 85/572/EEC – simplification and "
            "strengthening of food and feed safety requirements.\n"
            "Proposal for a regulation amending Regulations 999/2001, "
            "1829/2003, 1831/2003, 852/2004, 853/2004, 396/2005, 1099/2009, "
            "1107/2009, 528/2012, 2017/625 – simplification and strengthening "
            "of food and feed safety requirements (SWD(2025) 1030 final).",
            "datum_ontvangst": "2025-12-16",
            "com_numbers": ["COM(2025) 1020", "COM(2025) 1021", "COM(2025) 1030"],
            "impact_assessment": "Niet opgesteld.",
            "behandelingstraject_raad": "Raad Algemene Zaken (RAZ).",
        },
    ),
}


@pytest.mark.parametrize("line", sorted(EXPECTED))
def test_section_1_metadata(line):
    url, title, metadata = EXPECTED[line]
    opening = OPENINGS_BY_LINE[line]
    assert opening["url"] == url
    documents = parse_bytes(opening["excerpt"].encode(), "opening.txt")
    fiches = [d for d in documents if d.doc_type == "fiche"]
    assert len(fiches) == 1
    assert fiches[0].title == title
    assert fiches[0].metadata == metadata


@pytest.mark.parametrize("line", range(len(OPENINGS_BY_LINE)))
def test_every_opening_parses(line):
    documents = parse_bytes(OPENINGS_BY_LINE[line]["excerpt"].encode(), "opening.txt")
    assert documents
    for doc in documents:
        assert doc.id and doc.sections


def test_the_cover_letter_is_its_own_document_dated_by_its_date():
    documents = parse_bytes(OPENINGS_BY_LINE[29]["excerpt"].encode(), "opening.txt")
    letter, fiche = documents
    assert letter.doc_type == "kamerbrief"
    assert letter.date == fiche.date == "2022-12-02"
    # the letter lists three fiches; only the one printed after it is a Document here
    assert fiche.title == "Fiche: Wijziging verordeningen betreffende instant payments in euro"


def test_a_value_cut_off_by_the_excerpt_is_absent():
    # kst-22112-3571: "i) Rechtsbasis" / "Artikelen 33 en 2" is where the excerpt ends
    _, fiche = parse_bytes(OPENINGS_BY_LINE[31]["excerpt"].encode(), "opening.txt")
    assert "rechtsbasis" not in fiche.metadata
    # "f) Behandelingstraject Raad" / "g) Raad Economische ...": a doubled letter, no label
    assert fiche.metadata["behandelingstraject_raad"] == "Raad Economische en Financiële Zaken"


def test_opening_sections_start_with_algemeen_then_essentie():
    _, fiche = parse_bytes(OPENINGS_BY_LINE[34]["excerpt"].encode(), "opening.txt")
    assert [s.key for s in fiche.sections] == ["algemeen", "essentie"]
    assert fiche.section("essentie").text.startswith("Op 26 oktober 2022 presenteerde")
