"""The compound dictionary (index/compound_dictionary.py) and Tantivy's split_compound filter
with it: the pieces a word is cut into, built from the real word list and hunspell-nl."""

import pytest
from cli_helpers import run_cli
from conftest import SEED

from benchmarks.compound_targets import is_word_or_linked
from index.search.compound_dictionary import (
    MIN_ENTRY,
    build_dictionary,
    compound_parts,
    long_words,
    part_terms,
    pieces_analyzer,
    written_pieces,
)
from index.search.compounds import Decompounder, decompounder
from index.search.inflections import text_words


@pytest.mark.parametrize(
    "word, pieces",
    [
        ("arbeidsmigratie", ["arbeids", "migratie"]),
        ("arbeidsmarktbeleid", ["arbeids", "markt", "beleid"]),
        ("kabinetsstandpunt", ["kabinets", "stand", "punt"]),
        ("overheidsbeleid", ["overheids", "beleid"]),
        ("zonnepanelen", ["zonne", "panelen"]),  # a linking form from hunspell-nl
        ("Concurrentiekracht", ["concurrentie", "kracht"]),
        ("gezondheidsautoriteiten", ["gezondheids", "autoriteiten"]),
    ],
)
def test_the_filter_cuts_a_compound_into_its_written_pieces(word, pieces):
    assert pieces_analyzer().analyze(word) == pieces


@pytest.mark.parametrize(
    "word",
    # the false splits of issue 14, words that start with a particle, a name, a derivation
    ["processen", "autoriteit", "houdende", "uitvoering", "samenwerking", "ierland", "bestuur"],
)
def test_a_word_that_is_no_compound_stays_whole(word):
    assert pieces_analyzer().analyze(word) == [word]


def test_every_entry_is_a_word_or_a_linking_form_of_one_of_at_least_four_letters():
    words = decompounder().words
    entries = compound_parts()
    assert len(entries) > 100_000
    assert min(map(len, entries)) == MIN_ENTRY
    outside = [e for e in entries if not is_word_or_linked(e, words)]
    assert outside == []


def test_a_listed_compound_is_out_of_the_dictionary_and_its_pieces_are_in():
    entries = set(compound_parts())
    assert "landbouwbeleid" not in entries
    assert "landbouw" not in entries  # land + bouw
    assert {"land", "bouw", "beleid", "arbeids", "kabinets", "zonne"} <= entries


def test_a_small_word_list_gives_its_pieces_and_keeps_its_other_words_whole():
    words = frozenset({"visserij", "visserijbeleid", "beleid", "processen", "proces", "wetgeving"})
    entries = build_dictionary(words, links={"visserijs"})
    # processen stays an entry of its own, so the filter never cuts it into proces + sen
    assert entries == ["beleid", "proces", "processen", "visserij", "visserijs", "wetgeving"]
    assert written_pieces(Decompounder(words), "visserijbeleid") == ["visserij", "beleid"]


def test_a_missing_hunspell_dictionary_is_one_clear_line_and_exit_1(tmp_path, monkeypatch):
    monkeypatch.setenv("FICHE_HUNSPELL_NL", str(tmp_path / "no-such-dictionary"))
    result = run_cli("import", str(SEED), home=tmp_path / "home")
    assert result.returncode == 1
    assert "hunspell-nl" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_query_word_is_found_as_a_part_by_its_forms_and_their_linking_forms():
    assert {"arbeid", "arbeids"} <= set(part_terms(["arbeid"]))
    assert {"prijs", "prijzen"} <= set(part_terms(["prijs", "prijzen"]))
    assert "zonne" in part_terms(["zon"])
    # each piece the filter cuts off a compound is one of them
    for piece in pieces_analyzer().analyze("arbeidsmigratie zonnepanelen"):
        assert piece in part_terms([piece.removesuffix("s").removesuffix("ne")])


def test_the_parts_field_is_given_each_long_word_once_folded():
    """The words of a section are cut once (text_words, which the lemma keys are read from
    too); the parts field gets those of 7+ letters, lower-cased and folded, each once."""
    title, text = "Arbeidsmarktbeleid en BELEID", "het arbeidsmarktbeleid, covid19vaccins, geïnde"
    assert long_words(text_words(title, text)).split() == ["arbeidsmarktbeleid"]
    assert sorted(long_words(text_words("de geïnformeerde Überweisungen")).split()) == [
        "geinformeerde",
        "uberweisungen",
    ]
