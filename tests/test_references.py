"""References in running text: the spellings of the issue, their sentences, the hand-labelled
gold (tests/data/references_gold.json, printed in full by `python -m benchmarks.references_eval`),
and resolution to archived documents both ways on real EUR-Lex texts."""

import shutil

import pytest
from cli_helpers import run_cli_here
from conftest import CORPUS

from benchmarks.references_eval import evaluate, total
from index.archive.database import Archive
from index.features.references import cited_by, cites
from parsers.link_sentence import sentence_around
from parsers.links import find_references


@pytest.mark.parametrize(
    "text, expected",
    [
        ("COM(2021) 206", ("com", "COM(2021) 206")),
        ("COM (2021) 206", ("com", "COM(2021) 206")),
        ("COM/2021/206 final", ("com", "COM(2021) 206")),
        ("COM(2021)206 def.", ("com", "COM(2021) 206")),
        ("uri=COM:2021:726:FIN", ("com", "COM(2021) 726")),
        ("SWD(2021) 346", ("com", "SWD(2021) 346")),
        ("JOIN(2020) 5", ("com", "JOIN(2020) 5")),
        ("C(2023) 1234", ("com", "C(2023) 1234")),
        ("CELEX:52022PC0546", ("celex", "52022PC0546")),
        ("https://eur-lex.europa.eu/eli/reg/2019/1150/oj", ("celex", "32019R1150")),
        ("ECLI:EU:C:2020:559.", ("ecli", "ECLI:EU:C:2020:559")),
        ("Verordening (EU) 2019/1150", ("celex", "32019R1150")),
        ("Verordening (EU) nr. 1093/2010", ("celex", "32010R1093")),
        ("Richtlijn 2013/36/EU", ("celex", "32013L0036")),
        ("(EG) nr. 1049/2001", ("celex", "32001R1049")),
        ("Besluit (EU) 2022/2481", ("celex", "32022D2481")),
        ("Kaderbesluit 2002/584/JBZ", ("celex", "32002F0584")),
        ("Richtlijn 93/13/EEG", ("celex", "31993L0013")),
        ("Verordening (EEG) nr. 2913/92", ("celex", "31992R2913")),
        ("Regulation (EU) No 600/2014", ("celex", "32014R0600")),
        ("Council Decision (2006/730/EC)", ("celex", "32006D0730")),
        ("Kamerstuk 22 112, nr. 3432", ("kamerstuk", "kst-22112-3432")),
        ("Kamerstukken II 2021/22, 22112, nr. 3300", ("kamerstuk", "kst-22112-3300")),
        ("Kamerstukken II, 2025-2026, 29861-187.", ("kamerstuk", "kst-29861-187")),
        ("Kamerstukken II 2009/10, 32 123 XVI, nr. 30", ("kamerstuk", "kst-32123-XVI-30")),
        ("de motie Van Raak (29754, nr. 113)", ("kamerstuk", "kst-29754-113")),
        ("Zij krijgt nr. 1136 (32847).", ("kamerstuk", "kst-32847-1136")),
        ("2022/0341(COD)", ("procedure", "2022/0341(COD)")),
        ("2018/0172/COD", ("procedure", "2018/0172(COD)")),
    ],
)
def test_every_spelling_of_the_issue(text, expected):
    assert expected in [(kind, value) for kind, value, _, _ in find_references(text)]


@pytest.mark.parametrize(
    "text",
    [
        "op 12/2020 nam het college Besluit 2/2020",  # a Dutch body's decision, no EU act
        "ECLI:EU:C:2020:559",  # a court case, not C(2020) 559
        "EUCOM(2020) 1",  # glued to a word
        "(21501-07, nr. 1395) en 21501-07- Besluit",  # only kst-21501-07-1395
    ],
)
def test_look_alikes_are_not_references(text):
    found = {(kind, value) for kind, value, _, _ in find_references(text)}
    assert ("com", "C(2020) 559") not in found
    assert not any(kind == "celex" for kind, _ in found)
    assert found <= {("ecli", "ECLI:EU:C:2020:559"), ("kamerstuk", "kst-21501-07-1395")}


def test_each_reference_keeps_its_sentence_abbreviations_and_footnote_marks_included():
    text = (
        "Het kabinet steunt dit.1 Zie de brief (Kamerstuk 22 112, nr. 3432) over art. 5 van "
        "Verordening (EU) nr. 182/2011. Het kabinet acht dit juist.\n\n4 Kamerstukken II, "
        "2025-2026, 29861-187."
    )
    sentences = {value: sentence_around(text, a, b) for _, value, a, b in find_references(text)}
    expected = (
        "Zie de brief (Kamerstuk 22 112, nr. 3432) over art. 5 van Verordening (EU) nr. 182/2011."
    )
    assert sentences["kst-22112-3432"] == expected
    assert sentences["32011R0182"] == expected
    assert sentences["kst-29861-187"] == "4 Kamerstukken II, 2025-2026, 29861-187."


def test_gold_precision_and_recall():
    per_document, per_kind = evaluate(CORPUS)
    assert len(per_document) >= 10
    overall = total(per_document.values())
    assert overall.true_positives + overall.false_negatives >= 100
    assert overall.precision >= 0.95 and overall.recall >= 0.95
    assert all(score.recall >= 0.9 for score in per_kind.values())


def test_footnotes_of_a_fiche_are_read(tmp_path):
    """The seed's Kamerstuk references are in its footnotes only."""
    home = tmp_path / "home"
    assert run_cli_here("import", str(CORPUS / "seed"), home=home).returncode == 0
    archive = Archive(home)
    fiche = next(d for d in archive.documents() if d.doc_type == "fiche")
    links = {lk.value: lk.sentence for lk in fiche.links}
    assert links["kst-29861-187"] == "4 Kamerstukken II, 2025-2026, 29861-187."
    assert "Memorie van Toelichting: Kamerstuk 32052, nr. 3" in links["kst-32052-3"]


def test_resolved_both_ways_on_real_eurlex_texts(tmp_path):
    """Regulation (EU) 2024/903 (Interoperable Europe Act) cites the GDPR by name."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("cellar_c008bcb6_reg2024-903_EN.html", "eurlex_32016R0679_EN_gdpr.html"):
        shutil.copy(CORPUS / "eurlex" / name, inbox)
    home = tmp_path / "home"
    assert run_cli_here("import", str(inbox), home=home).returncode == 0
    archive = Archive(home)
    act, gdpr = archive.document("celex-32024R0903"), archive.document("celex-32016R0679")
    [cited] = [c for c in cites(archive, act) if c.doc_id == gdpr.id]
    assert cited.kind == "celex" and cited.value == "32016R0679"
    assert "2016/679" in cited.sentence
    [citing] = cited_by(archive, gdpr)
    assert citing.doc_id == act.id and citing.sentence == cited.sentence
    show = run_cli_here("show", act.id, "--json", home=home)
    assert show.returncode == 0
    assert '"sentence"' in show.stdout
