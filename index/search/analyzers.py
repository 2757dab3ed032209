"""Tantivy's text analyzers for Dutch: the stemmed fields and `exact`. The embedded index
registers them; the table of inflected forms is built with the same stemmer
(index/search/inflections.py), so the two agree on every stem."""

import tantivy
from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

from index.search.compound_dictionary import split_compounds


def dutch_analyzer() -> tantivy.TextAnalyzer:
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(60))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .filter(Filter.stopword("dutch"))
        .filter(Filter.stemmer("dutch"))
        .build()
    )


def parts_analyzer() -> tantivy.TextAnalyzer:
    """Words with every compound cut into its pieces by Tantivy's own filter
    (index/search/compound_dictionary.py): arbeidsmigratie -> arbeids, migratie. A word that
    is no compound passes whole. Not stemmed: the stemmer reads some long words as another
    word (visserij as vis), which as parts would bypass the groups of inflected forms."""
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(60))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .filter(split_compounds())
        .build()
    )


def exact_analyzer() -> tantivy.TextAnalyzer:
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(60))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .build()
    )
