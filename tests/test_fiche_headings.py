"""Fiche headings in every variant give the same fiche: one Document of type fiche, the same
sections, references and stances, with or without the cover letter above it. Built from the
seed's real fiche ("Fiche 1: Aanbeveling aantrekken van talent voor innovatie"), of which only
the heading line is rewritten."""

from functools import cache

import pytest
from proposal_corpus import SEED, fiche_lines

from parsers import parse_bytes

HEADINGS = [
    "Fiche: ",
    "Fiche 3: ",
    "Fiche nr. 3: ",
    "BNC-fiche: ",
    "BNC fiche 2 - ",
    "Herzien fiche: ",
    "Herziene fiche 1: ",
    "Herzien BNC-fiche: ",
]


@cache  # the unrevised fiche is compared with every variant: parsed once
def the_fiche(text: str):
    [fiche] = [d for d in parse_bytes(text.encode(), "fiche.txt") if d.doc_type == "fiche"]
    return fiche


def shape(fiche):
    """What must not depend on the heading: structure, references, stances."""
    return (
        [s.key for s in fiche.sections],
        sorted((link.kind, link.value) for link in fiche.links if link.kind != "part"),
        [(s.aspect, s.label) for s in fiche.stances],
        fiche.metadata,
    )


def with_heading(heading: str, letter: bool) -> str:
    cover, fiche = fiche_lines()
    fiche = [fiche[0].replace("Fiche 1: ", heading, 1), *fiche[1:]]
    return "\n".join([*(cover if letter else []), *fiche])


@pytest.mark.parametrize("letter", [False, True], ids=["alone", "after its cover letter"])
@pytest.mark.parametrize("heading", HEADINGS)
def test_every_heading_gives_the_same_fiche(heading, letter):
    original = the_fiche(with_heading("Fiche 1: ", letter))
    variant = the_fiche(with_heading(heading, letter))
    assert shape(variant) == shape(original)
    assert variant.title.endswith(": Aanbeveling aantrekken van talent voor innovatie")
    assert variant.title.startswith("Herzien fiche" if "erzien" in heading else "Fiche")


def test_a_fiche_alone_is_the_whole_document_and_not_a_letter_plus_a_part():
    documents = parse_bytes(with_heading("Herzien fiche: ", letter=False).encode(), "fiche.txt")
    assert [d.doc_type for d in documents] == ["fiche"]
    assert any(link.kind == "celex" for link in documents[0].links)
    assert documents[0].stance("positie").label == "steunt_onder_voorwaarden"


def test_the_seed_file_itself_is_unchanged_by_the_heading_rules():
    documents = parse_bytes(SEED.read_bytes(), SEED.name)
    assert [d.doc_type for d in documents][:2] == ["kamerbrief", "fiche"]
