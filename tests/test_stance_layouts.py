"""The real fiches through every layout (benchmarks/layouts.py): the same position sections and
stances, and the hand-written sentence gold met in each (tests/gold/position_sentences.tsv)."""

import pytest
from conftest import LAYOUTS

from benchmarks.layouts import layouts
from benchmarks.stance_accuracy import (
    POSITION_SECTIONS,
    Score,
    position_stances,
    read_gold,
    score,
    stance_keys,
)
from parsers import parse_bytes


@pytest.fixture(scope="module")
def parsed(layout_documents):
    """(fiche, layout name) -> the fiche Document; conftest parses them once per session."""
    return layout_documents


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_every_layout_gives_the_same_stances_as_clean_paragraphs(parsed, fiche, name):
    doc, clean = parsed[(fiche, name)], parsed[(fiche, "clean")]
    assert doc.doc_type == "fiche"
    assert stance_keys(clean), "the clean layout itself gives no stances"
    assert stance_keys(doc) == stance_keys(clean)
    positions = [s.key for s in doc.sections if s.key in POSITION_SECTIONS]
    assert positions == [s.key for s in clean.sections if s.key in POSITION_SECTIONS]


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_gold_targets_in_every_layout(parsed, fiche, name):
    result = Score()
    score(
        [g for g in read_gold() if g.fiche == fiche],
        position_stances(parsed[(fiche, name)]),
        result,
    )
    assert result.recall() >= 0.9, result.errors
    assert result.precision() >= 0.9, result.errors
    assert result.on_others == 0


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_evidence_has_no_page_numbers_or_footnotes(parsed, fiche, name):
    for stance in parsed[(fiche, name)].stances:
        assert "Pagina" not in stance.evidence
        assert not any(c in stance.evidence for c in "⁰¹²³⁴⁵⁶⁷⁸⁹")
        assert "\n" not in stance.evidence


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_overall_position_per_fiche(parsed, fiche, name):
    overall = parsed[(fiche, name)].stance("positie")
    if fiche == "seed":  # its 4.a grondhouding is bevoegdheid's; Beoordeling opens partly
        assert (overall.label, overall.section_key) == (
            "steunt_onder_voorwaarden",
            "positie.beoordeling",
        )
        assert overall.evidence.startswith("De aanbeveling sluit, voor zover deze zich richt")
    else:  # the opening judgement of "Beoordeling + inzet", unconditional
        assert (overall.label, overall.section_key) == ("steunt", "positie.beoordeling")
        assert overall.evidence.startswith("Het kabinet steunt de doelstelling")


def test_gold_is_large_enough_and_well_formed():
    gold = read_gold()
    assert len(gold) >= 60
    kinds = {"position", "optional", "fact", "other", "heading"}
    assert {g.kind for g in gold} == kinds
    assert all(g.labels for g in gold if g.kind in ("position", "optional"))
    assert not any(g.labels for g in gold if g.kind in ("fact", "other", "heading"))


def test_a_fiche_without_section_3_gives_no_position_stances():
    text = next(lay for lay in layouts("mifir") if lay.name == "hardwrap").data.decode()
    start = text.index("3. Nederlandse positie")
    end = text.index("4. Beoordeling bevoegdheid")
    (doc,) = [d for d in parse_bytes((text[:start] + text[end:]).encode(), "f.txt")]
    assert doc.doc_type == "fiche"
    assert not [s for s in doc.sections if s.key.startswith("positie")]
    assert [s.aspect for s in doc.stances] == ["bevoegdheid", "subsidiariteit", "proportionaliteit"]
