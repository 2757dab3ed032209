"""`fiche-search proposal REF`: one EU proposal across the archive, on real documents.

The seed (COM(2026) 462: letter, fiche, beslisnota, workflow logs), the MiFIR fiche (COM(2021)
726 and 727) next to the EUR-Lex and Cellar files of the corpus, and the Cellar notices of
procedures 2009/0162(COD) and 2018/0172(COD).

The corpus has no revised fiche: tests/proposal_corpus.py makes one from the seed's real fiche,
its heading printed "Herzien fiche: ...", with ONE verdict changed (the overall position:
steunt onder voorwaarden -> kritisch), and says so.
"""

import pytest
from cli_helpers import run_cli_here, run_json_here
from conftest import CORPUS
from proposal_corpus import MIFIR, proposal_archive


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    eurlex = [
        CORPUS / "eurlex" / n
        for n in ("eurlex_52020PC0767_EN_proposal_raw.html", "COM_2025_11_EN.xhtml")
    ]
    return proposal_archive(
        tmp_path_factory.mktemp("inbox"), tmp_path_factory.mktemp("archive"), [MIFIR, *eurlex]
    )


def test_seed_by_com_number_in_any_spelling_gives_the_fiche_its_parts_and_the_revision(home):
    first = run_json_here("proposal", "COM (2026) 462", home=home)
    again = run_json_here("proposal", "com/2026/462 final", home=home)
    assert first == again
    assert first["ref"] == "COM(2026) 462"
    assert first["com_numbers"] == ["COM(2026) 462"]
    assert "32026H0311" in first["celex"]
    assert first["title"].startswith("Aanbeveling van de Europese Commissie")
    relations = {entry["id"]: entry["relation"] for entry in first["timeline"]}
    fiche = next(i for i, r in relations.items() if r == "fiche")
    assert fiche.endswith("-fiche-1")
    assert {r for i, r in relations.items() if i.endswith(("-brief", "-beslisnota"))} == {"part"}
    assert list(relations.values()).count("revised-fiche") == 1
    dates = [entry["date"] for entry in first["timeline"]]
    assert dates == sorted(dates)


def test_the_revised_fiche_follows_the_first_and_its_changed_verdict_is_the_one_change(home):
    timeline = run_json_here("proposal", "COM(2026) 462", home=home)
    revised = next(e["id"] for e in timeline["timeline"] if e["relation"] == "revised-fiche")
    [change] = timeline["changes"]
    assert change["aspect"] == "positie"
    assert (change["from"], change["to"]) == ("steunt_onder_voorwaarden", "kritisch")
    assert change["to_id"] == revised and change["from_id"].endswith("-fiche-1")
    assert "in belangrijke mate aan bij" in change["evidence"]["from"]
    assert "niet aan bij" in change["evidence"]["to"]
    position = timeline["position"]
    assert position["positie"]["label"] == "kritisch"
    assert position["positie"]["id"] == revised
    assert position["subsidiariteit"]["label"] == "positief"  # unchanged, now from the revision
    assert position["subsidiariteit"]["id"] == revised
    revision = next(e for e in timeline["timeline"] if e["id"] == revised)
    assert revision["doc_type"] == "fiche"
    assert revision["title"] == "Herzien fiche: Aanbeveling aantrekken van talent voor innovatie"


def test_mifir_fiche_names_two_proposals_and_either_finds_it(home):
    by_727 = run_json_here("proposal", "COM(2021)727 def.", home=home)
    assert by_727["com_numbers"] == ["COM(2021) 726", "COM(2021) 727"]
    [entry] = by_727["timeline"]  # the corpus holds no other document about MiFIR
    assert entry["doc_type"] == "fiche" and entry["relation"] == "fiche"
    assert {s["aspect"] for s in entry["stances"]} >= {"bevoegdheid", "subsidiariteit"}
    by_celex = run_json_here("proposal", "52021PC0726", home=home)
    assert [e["id"] for e in by_celex["timeline"]] == [entry["id"]]
    by_id = run_json_here("proposal", entry["id"], home=home)
    assert by_id["com_numbers"] == by_727["com_numbers"]


def test_procedure_events_from_the_cellar_notices(home):
    tree = run_json_here("proposal", "2009/0162(COD)", home=home)
    assert tree["procedure"] == "2009/0162(COD)"
    assert tree["com_numbers"] == ["COM(2009) 580"]
    kinds = [(e["date"], e["relation"]) for e in tree["timeline"]]
    assert kinds == [
        ("2009-10-29", "commission"),
        ("2010-05-18", "parliament"),
        ("2010-06-29", "council"),
        ("2010-07-07", "signature"),
    ]
    assert "32010D0388" in tree["celex"]  # the act it became
    branch = run_json_here("proposal", "COM(2018) 340", home=home)
    assert branch["procedure"] == "2018/0172(COD)"
    assert "32019L0904" in branch["celex"]


def test_readable_timeline(home):
    result = run_cli_here("proposal", "COM(2026) 462", home=home)
    assert result.returncode == 0, result.stderr
    assert "Timeline" in result.stdout and "Changes" in result.stdout
    assert "positie: steunt_onder_voorwaarden -> kritisch" in result.stdout


@pytest.mark.parametrize(
    "ref, code, message",
    [
        ("COM(2099) 1", 1, "no document in the archive names COM(2099) 1"),
        ("kst-99999-1", 1, "no document in the archive has the id kst-99999-1"),
        ("COM(2021)", 2, "a COM number ('COM(2021) 206'"),
        ("what did the cabinet think", 2, "a procedure reference ('2021/0106(COD)')"),
    ],
)
def test_bad_refs_are_one_line_with_the_right_exit_code(home, ref, code, message):
    result = run_cli_here("proposal", ref, home=home)
    assert result.returncode == code
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
