"""Tantivy's text analyzers for Dutch: the stemmed fields and `exact`. The embedded index
registers them; the table of inflected forms is built with the same stemmer
(index/search/inflections.py), so the two agree on every stem."""

import tantivy
from tantivy import Filter, TextAnalyzerBuilder, Tokenizer


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


def exact_analyzer() -> tantivy.TextAnalyzer:
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(60))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .build()
    )
