"""Inflected forms find each other (index/search/inflections.py), alike in both backends: each form
alone in its own one-sentence document, each form searched. The full measurement, on 106
common pairs and 600 sampled ones, is benchmarks/inflections.py."""

import uuid

import pytest

from index.search.cluster import INDEX_BODY, ClusterBackend, node_query, to_source
from index.search.cluster_clients import connect
from index.search.compound_dictionary import installed_dictionary
from index.search.compounds import SPLITS_VERSION
from index.search.contract import LEMMA_FIELD, IndexOutdated, SectionEntry
from index.search.embedded import EmbeddedBackend
from index.search.inflections import inflections, query_word
from index.search.query import Filters, Word, parse_query
from parsers import Document
from parsers.model import Section

# singular/plural, regular and irregular, and verb forms: (form, form) that must meet
PAIRS = [
    ("maatregel", "maatregelen"),
    ("proces", "processen"),
    ("lid", "leden"),
    ("stad", "steden"),
    ("kind", "kinderen"),
    ("criterium", "criteria"),
    ("bijdrage", "bijdragen"),
    ("uitgave", "uitgaven"),
    ("risico", "risico's"),
    ("werken", "gewerkt"),
    ("besluit", "besloot"),  # (besloten is also an adjective, a word of its own)
]
# distinct words the stemmer gave one stem, which must not meet
APART = [("mening", "menen"), ("lid", "leed"), ("visserij", "vis")]
WORDS = sorted({w for pair in PAIRS + APART for w in pair})
IDS = {word: f"w{n}" for n, word in enumerate(WORDS)}


def _documents() -> list[Document]:
    return [
        Document(id=IDS[w], source="local", doc_type="test", sections=[Section("overig", text=w)])
        for w in WORDS
    ]


def _finds(backend, query: str, word: str) -> bool:
    return IDS[word] in backend.matching_documents(parse_query(query, Filters()))


def _check(backend) -> None:
    for a, b in PAIRS:
        assert _finds(backend, a, b) and _finds(backend, b, a), (a, b)
    for a, b in APART:
        assert not _finds(backend, a, b) and not _finds(backend, b, a), (a, b)
    # a quoted word is that exact word, not its other forms
    assert not _finds(backend, '"maatregel"', "maatregelen")
    assert _finds(backend, '"maatregelen"', "maatregelen")


def test_the_forms_of_a_word_share_a_key_and_distinct_words_do_not():
    table = inflections()
    for a, b in PAIRS:
        assert table.key(query_word(a)) == table.key(query_word(b)) is not None, (a, b)
    for a, b in APART:
        assert table.key(a) != table.key(b)
    assert table.key("lidstaten") is None  # the stemmer finds lidstaat/lidstaten alike
    assert table.key("Maatregelen") == table.key("maatregel")  # as the analyzers fold


def test_embedded_analysis_joins_the_forms(tmp_path):
    backend = EmbeddedBackend(tmp_path / "tantivy")
    backend.add(_documents())
    backend.close()
    _check(backend)


def test_cluster_settings_index_and_search_the_groups():
    """What the cluster backend sends: the lemma field, each section's group keys from the
    same table, and a group word's query asking for its key (checked without a node)."""
    assert INDEX_BODY["mappings"]["properties"][LEMMA_FIELD]["analyzer"] == "whitespace"
    entry = SectionEntry(
        *("u#0", "u", 0, "Maatregelen", "test", "", "", "local", "", ""),
        *([], [], "overig", "", "De leden van de raad"),
        *([], []),
    )
    keys = to_source(entry)[LEMMA_FIELD].split()
    assert inflections().key("maatregel") in keys and inflections().key("lid") in keys
    body = str(node_query(Word("leden")))
    assert f"'term': {{'{LEMMA_FIELD}': '{inflections().key('lid')}'}}" in body


def test_an_index_without_the_groups_is_refused(tmp_path):
    """An index of the release before the groups (its stamp names the compound splits only)
    lacks the lemma field's keys: it is refused with "reindex", not searched as if it had them.
    (tests/test_compounds.py runs the refusal and the reindex through the command line.)"""
    folder = tmp_path / "tantivy"
    backend = EmbeddedBackend(folder)
    backend.add(_documents())
    backend.close()
    splits = f"compound splits {SPLITS_VERSION} {installed_dictionary().name}\n"
    (folder / "fiche-analysis").write_text(splits)
    with pytest.raises(IndexOutdated, match="reindex"):
        EmbeddedBackend(folder)


def test_cluster_analysis_joins_the_forms(cluster_node):
    client = connect(cluster_node.engine, cluster_node.url)
    backend = ClusterBackend(client, cluster_node.engine, alias=f"inflect-{uuid.uuid4().hex[:8]}")
    backend.add(_documents())
    backend.commit()
    assert backend.rejected == []
    _check(backend)
