"""The query language: what a user types, and the tree every backend runs."""

import pytest

from index.search.query import (
    And,
    Filters,
    Not,
    Or,
    Phrase,
    Prefix,
    QueryError,
    Word,
    describe,
    parse_query,
)


def tree(query: str):
    return parse_query(query).text


def test_words_are_anded():
    assert tree("blauwe kaart") == And((Word("blauwe"), Word("kaart")))


def test_phrase_or_not_prefix():
    assert tree('"blauwe kaart"') == Phrase(("blauwe", "kaart"))
    assert tree("migratie OR asiel") == Or((Word("migratie"), Word("asiel")))
    assert tree("migratie NOT asiel") == And((Word("migratie"), Not(Word("asiel"))))
    assert tree("migratie -asiel") == And((Word("migratie"), Not(Word("asiel"))))
    assert tree("financ*") == Prefix("financ")


def test_a_word_of_several_tokens_is_an_exact_phrase():
    assert tree("F-35") == Phrase(("F-35",))
    assert tree("2022/0123 asiel") == And((Phrase(("2022/0123",)), Word("asiel")))
    assert tree("kaart.") == Word("kaart.")  # punctuation at the end splits nothing


def test_grouping():
    assert tree("(migratie OR asiel) talent") == And(
        (Or((Word("migratie"), Word("asiel"))), Word("talent"))
    )


def test_filters_inside_the_query():
    parsed = parse_query("talent section:subsidiariteit stance:positief type:fiche year:2026")
    assert parsed.text == Word("talent")
    assert parsed.filters.sections == ["subsidiariteit"]
    assert parsed.filters.stances == ["positief"]
    assert parsed.filters.doc_types == ["fiche"]
    assert parsed.filters.years == [2026]


def test_filters_only_query_matches_everything_that_passes():
    assert parse_query("section:essentie").text is None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("F-35", '"F-35"'),
        ("COM(2022) 546", "(COM AND 2022 AND 546)"),
        ('"blauwe kaart', '"blauwe kaart"'),
        ("kaart:", "kaart"),
        (":", "*"),
        ("OR", "*"),
        ("NOT", "*"),
        ("a ) b (", "(a AND b)"),
        ("-", "-"),
    ],
)
def test_odd_input_is_read_as_words_never_an_error(query, expected):
    assert describe(tree(query)) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("stance:negatif", "unknown stance 'negatif'"),
        ("section:samenvatting", "unknown section 'samenvatting'"),
        ("year:20x2", "bad year"),
    ],
)
def test_a_filter_with_an_unknown_value_says_what_is_wrong(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_bad_dates_are_refused():
    with pytest.raises(QueryError, match="bad date"):
        parse_query("talent", Filters(since="gisteren"))


def test_undated_is_a_year_value():
    assert parse_query("year:none year:2022").filters.years == ["none", 2022]
    assert parse_query("year:None").filters.undated
    assert not parse_query("year:2022").filters.undated


@pytest.mark.parametrize(
    "query, attribute, value",
    [
        ("section:Financiële_gevolgen", "sections", "financiele_gevolgen"),
        ("stance:POSITIEF", "stances", "positief"),
        ("source:EurLex", "sources", "eurlex"),
        ("type:Fiche", "doc_types", "fiche"),
    ],
)
def test_values_of_a_closed_set_are_read_whatever_their_case_and_accents(query, attribute, value):
    assert getattr(parse_query(query).filters, attribute) == [value]


def test_a_refused_value_names_the_valid_ones_closest_first():
    with pytest.raises(QueryError, match="sections are, closest first: subsidiariteit, "):
        parse_query("section:subsidiarity")
