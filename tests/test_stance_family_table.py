"""The wording-family table of government prose (tests/gold/position_families.tsv), every
row one paragraph of the seed fiche's "Beoordeling + inzet", in every layout a fiche comes
in: each row keeps its labels (its two judgements in sentence order when it has two), and
rows of other actors and facts get none.

The table was written by family before the rules that pass it (see its header), so it is a
regression check of those families, not an accuracy figure: `python -m benchmarks.stance_sentences`
and the check set are the measures.
"""

import pytest

from benchmarks.stance_families import LAYOUTS, labels_per_layout, read_table
from parsers.model import PARAGRAPH_LABELS

ROWS = read_table()
# Rows where the rules and the row disagree, with why they are left so.
KNOWN_MISSES = {
    # negated enthusiasm is terughoudend in the rules ("niet enthousiast"); "niet
    # gecharmeerd" reads as kritisch. The policy names neither.
    "Daar zijn wij niet van gecharmeerd.",
    # "onbespreekbaar" is one of the rules' words of criticism ("onaanvaardbaar",
    # "onacceptabel"), as "is voor Nederland niet acceptabel" is kritisch in
    # tests/test_stance_families.py; as a rejection it would split that family.
    "Dat is voor ons onbespreekbaar.",
}


@pytest.fixture(scope="module")
def per_layout() -> dict[str, dict[str, list[str]]]:
    return labels_per_layout(ROWS)


def test_the_table_holds_every_label_and_other_actors():
    labels = {label for row in ROWS for label in row.labels}
    assert labels == set(PARAGRAPH_LABELS)
    assert sum(1 for row in ROWS if not row.labels) >= 30
    assert {row.text for row in ROWS} >= KNOWN_MISSES


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_family_row_keeps_its_labels(per_layout, layout):
    wrong = [
        f"{row.family}: want {list(row.labels)}, got {per_layout[layout][row.text]}: {row.text}"
        for row in ROWS
        if row.text not in KNOWN_MISSES and tuple(per_layout[layout][row.text]) != row.labels
    ]
    assert wrong == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_known_misses_are_still_misses(per_layout, layout):
    """When a rule change fixes one, it leaves this list (and the count in ACCURACY.md)."""
    fixed = [
        row.text
        for row in ROWS
        if row.text in KNOWN_MISSES and tuple(per_layout[layout][row.text]) == row.labels
    ]
    assert fixed == []
