"""One rule for "this piece goes on with the sentence before it" (parsers/continuation.py),
on real corpus text: the hand-labelled gold pairs, and the same fiche in four layouts."""

import re

import pytest
from conftest import LAYOUT_FICHES, LAYOUTS

from benchmarks.continuations import Score, evaluate, old_lines, read_gold, source_lines
from parsers.continuation import (
    continues,
    ends_sentence,
    is_list_item,
    opens_with_label,
    starts_lower,
)
from parsers.readers import reflow


def test_a_sentence_cut_by_a_page_break_goes_on():
    # MiFIR fiche, pages 4-5, with three footnotes between the halves
    previous = "een goed beeld van de markt te verkrijgen, heeft dit volgens de Commissie een"
    assert continues(
        f"{previous} negatieve impact",
        "op het concurrentievermogen van de EU-kapitaalmarkten. Deze kosten kunnen volgens",
    )


def test_a_piece_ending_in_an_article_goes_on_whatever_comes_next():
    # Kamerbrief draagmoederschap: "De" / "Raad voor de Kinderbescherming"
    assert continues(
        "voortvloeien, kan niet met zekerheid worden vastgesteld, aldus het UCERF. De",
        "Raad voor de Kinderbescherming meldt per jaar in ongeveer tien gevallen in",
    )


def test_an_abbreviation_does_not_end_the_sentence():
    assert not ends_sentence("conform artikel 5 van Verordening (EU) nr.")
    assert continues(
        "Noot: Besluit: op korte termijn wordt een delegatiebijeenkomst gepland om o.a. het",
        "programma vast te stellen",
    )
    assert ends_sentence("31817, 31818, 31819 en 31840 z.s.m. gelijktijdig plenair te behandelen.")


def test_closing_quotes_and_brackets_after_the_full_stop_end_it_a_bracket_alone_does_not():
    assert ends_sentence("(ontvangen 21 juni 2021).")
    assert ends_sentence("verzoekt de regering „te handelen.”")
    assert not ends_sentence("Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid)")
    assert continues(
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid)",
        "(ontvangen 21 juni 2021).",
    )


def test_lower_case_counts_after_an_opening_bracket_but_not_in_a_url_or_identifier():
    assert starts_lower("(met voldoende oog voor bescherming van beleggers) zijn hierbij")
    assert not starts_lower("https://eur-lex.europa.eu/eli/reco/2026/311/oj/")
    assert not starts_lower("kst-22112-3620 ISSN 0921 - 7371 's-Gravenhage 2023")
    assert not starts_lower("’s-Gravenhage 2021 Tweede Kamer, vergaderjaar 2020–2021")


def test_list_items_and_labels_do_not_continue():
    for item in ("a) Inhoud voorstel", "• d. EUR-Lex", "2. Het ontwerp van een", "– de lidstaten"):
        assert is_list_item(item), item
    assert not is_list_item("-producten")  # a hyphen glued to a word is half a compound
    assert not continues("• b) Datum ontvangst Commissiedocument", "september 2017")
    assert not continues("d) EUR-Lex", "https://eur-lex.europa.eu/eli/reco/2026/311/oj/")
    assert not continues("en Rafah wil ontruimen;", "overwegende dat sinds president Trump")


def test_a_line_opened_by_a_label_stands_alone_even_after_a_full_line():
    # fiche opening 47: a letter lists the fiches it sends, one "Fiche:" line each
    listed = (
        "Fiche: Voorstel verordening instelling Oekraïne-faciliteit (Kamerstuk 22 112, nr. 3758)"
    )
    following = "Fiche: Verordening voor een platform voor strategische technologieën voor Europa"
    assert opens_with_label(following) and opens_with_label("Bijlage 2: de tabel")
    assert not opens_with_label("Brief regering : Fiche: Mededeling")  # not at the start
    assert not continues(listed, following)
    assert not reflow.continues(listed, following, width=87)  # full width, yet not joined
    assert reflow.continues("(MFK) 2021–2027. (Kamerstuk", "22 112, nr. 3757)", width=87)


def test_gold_is_real_corpus_text_and_covers_every_kind():
    gold = read_gold()
    assert len(gold) >= 60
    assert {p.continues for p in gold} == {True, False}
    kinds = {"page-break", "footnote", "list", "heading", "abbreviation", "bracket", "label"}
    assert kinds <= {p.kind for p in gold}
    for pair in gold:
        text = re.sub(r"\s+", " ", "\n".join(source_lines(pair.source)))
        for piece in (pair.previous, pair.next):
            assert re.sub(r"\s+", " ", piece) in text, (pair.source, piece)


def test_the_shared_rule_beats_the_copies_it_replaces_on_the_gold():
    results = evaluate(read_gold())
    new = results["NEW continuation.continues"][0]
    assert new.precision() >= 0.95 and new.recall() >= 0.8
    for name in ("old lines.continues_sentence", "old pdf page-break rule", "old plain._runs_on"):
        assert _f1(new) > _f1(results[name][0]), name
    assert _f1(results["NEW reflow.continues (+width)"][0]) > _f1(
        results["old reflow.continues (+width)"][0]
    )


def test_the_frozen_old_copy_is_what_the_sections_used():
    # a guard on the benchmark itself: the old rule joined a label and its URL
    assert old_lines("Pre-lex", "http://ec.europa.eu/prelex/detail_dossier_real.cfm")


def _f1(score: Score) -> float:
    precision, recall = score.precision(), score.recall()
    return 2 * precision * recall / (precision + recall)


# Sentences that a page break or a footnote cuts in the printed fiche: one paragraph in
# every layout (clean paragraphs, hard wrap, one <p> per line, PDF).
CUT_SENTENCES = {
    "seed": [
        "door erkende referenten of bevoegde autoriteiten",  # footnote 5 between
        "doelstellingen van de IND op het gebied",  # page break in the printed PDF
        "hulp bij het vinden van huisvesting en bij de taal",  # footnote 1 between
    ],
    "mifir": [
        "een negatieve impact op het concurrentievermogen",  # pages 4-5, footnotes 5-7
        "voor consumenten (met voldoende oog",  # pages 5-6, footnote 8
        "begrip voor de terugvaloptie dat ESMA die CT zal oprichten",  # pages 6-7
        "Indien EU-tegenpartijen geen toegang hebben",  # pages 7-8
    ],
}
assert tuple(CUT_SENTENCES) == LAYOUT_FICHES


@pytest.fixture(scope="module")
def paragraphs(layout_documents):
    """(fiche, layout) -> the fiche's section paragraphs, whitespace collapsed."""
    found = {}
    for (fiche, name), doc in layout_documents.items():  # conftest: parsed once per session
        texts = [p for s in doc.sections for p in s.text.split("\n") if p.strip()]
        found[(fiche, name)] = [re.sub(r"\s+", " ", p) for p in texts]
    return found


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_a_cut_sentence_is_one_paragraph_in_every_layout(paragraphs, fiche, name):
    for phrase in CUT_SENTENCES[fiche]:
        assert any(phrase in p for p in paragraphs[(fiche, name)]), phrase


@pytest.mark.parametrize(("fiche", "name"), LAYOUTS)
def test_footnote_tails_stay_out_of_the_running_text(paragraphs, fiche, name):
    # MiFIR footnotes 5 (five lines) and 6 (a URL broken at its hyphen)
    text = " ".join(paragraphs[(fiche, name)])
    assert "_ii_final_report_on_algortihmic_trading" not in text
    assert "negatieve impact ingelegd met gebruikmaking" not in text
