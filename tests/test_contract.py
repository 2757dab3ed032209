"""One contract, every backend: the embedded index and a real cluster node hold the same corpus
and must answer the same queries alike; each test runs once against a real OpenSearch node and
once against a real Elasticsearch node. A difference here is a bug in one of them."""

import shutil
import uuid

import pytest

from index.archive.database import Archive
from index.archive.importer import index_pending
from index.search.cluster import ClusterBackend
from index.search.cluster_clients import connect
from index.search.contract import SearchRequest, resolve_filter_values
from index.search.embedded import EmbeddedBackend
from index.search.query import Filters, parse_query

TEXT_QUERIES = [
    "blauwe kaart",
    "talent innovatie",
    "kennismigranten",
    "derdelanders",
    "subsidiariteit",
    "proportionaliteit",
    "beleggers",
    "consolidated tape",
    "Tozo",
    "markten financiële instrumenten",
    "datacentra",
    "beslisnota",
    "visumcode",
    "motie",
    "gegevensbescherming",
    "Staatsblad",
    "aanbeveling",
    "werkgroep beoordeling",
    "grondhouding",
    '"blauwe kaart"',
    "talent -migratie",
    "kennismigrant*",
    # compounds: a part, a compound, a hyphen variant, an exact word
    "migranten",
    "beleid",
    "kennis-migranten",
    "migratie",
    '"migratie"',
]

FILTERS = [
    Filters(sections=["subsidiariteit"]),
    Filters(sections=["positie.beoordeling"]),
    Filters(stances=["positief"]),
    Filters(doc_types=["fiche"]),
    Filters(doc_types=["motie"]),
    Filters(since="2020-01-01"),
    Filters(since="2010-01-01", until="2021-12-31"),
    Filters(years=[2026]),
    Filters(sections=["bevoegdheid"], stances=["positief"]),
    Filters(until="2000"),
    Filters(years=["none"]),
    Filters(years=["none", 1998]),
]


@pytest.fixture(scope="module")
def backends(tmp_path_factory, corpus_home, cluster_node):
    """The corpus archived once (a copy of conftest's corpus_home, not parsed again here),
    indexed afresh into the embedded index and the cluster from the same archive."""
    home = tmp_path_factory.mktemp("contract") / "home"
    shutil.copytree(corpus_home, home)
    archive = Archive(home)
    embedded = EmbeddedBackend(home / "tantivy")
    cluster = ClusterBackend(
        connect(cluster_node.engine, cluster_node.url),
        cluster_node.engine,
        alias=f"contract-{uuid.uuid4().hex[:8]}",
    )
    archive.forget_indexed(embedded.name)  # the import's own index is not this one
    assert archive.pending_index(cluster.name) == archive.pending_index(embedded.name) != []
    index_pending(archive, embedded)
    index_pending(archive, cluster)
    assert cluster.rejected == []
    assert embedded.section_count() == cluster.section_count() > 100
    return embedded, cluster


def request(text: str, filters: Filters | None = None, limit: int = 10) -> SearchRequest:
    return SearchRequest(query=parse_query(text, filters or Filters()), limit=limit)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[8:60])
def test_filter_only_queries_give_identical_hit_sets(backends, filters):
    embedded, cluster = backends
    query = parse_query("", filters)
    expected = embedded.matching_documents(query)
    assert expected, "a filter that matches nothing proves nothing"
    assert sorted(cluster.matching_documents(query)) == sorted(expected)


@pytest.mark.parametrize("text", TEXT_QUERIES)
def test_text_queries_have_the_same_top_document(backends, text):
    embedded, cluster = backends
    ours = embedded.search(request(text))
    theirs = cluster.search(request(text))
    assert ours.hits, f"{text!r} matches nothing"
    assert theirs.hits and theirs.hits[0].id == ours.hits[0].id
    assert theirs.total == ours.total


@pytest.mark.parametrize("text", ["kabinet", "de", "talent", "richtlijn"])
def test_facet_counts_are_equal(backends, text):
    embedded, cluster = backends
    assert cluster.search(request(text)).facets == embedded.search(request(text)).facets


@pytest.mark.parametrize("by", ["year", "ministerie"])
@pytest.mark.parametrize("text", ["", "kabinet", "talent innovatie"])
def test_stance_counts_through_aggregations_are_equal(backends, text, by):
    embedded, cluster = backends
    query = parse_query(text)
    expected, documents = embedded.stance_counts(query, by)
    assert expected, "stance counts that count nothing prove nothing"
    rows, cluster_documents = cluster.stance_counts(query, by)
    assert sorted(rows, key=repr) == sorted(expected, key=repr)  # no ministerie: group None
    assert cluster_documents == documents


@pytest.mark.parametrize(
    "part, compound",
    [("migranten", "arbeidsmigranten"), ("kracht", "concurrentiekracht")],
)
def test_compound_parts_are_found_in_both_backends(backends, part, compound):
    """A document that holds the part only inside the compound is found by the part, and the
    hyphenated spelling finds the compound, in both backends alike."""
    embedded, cluster = backends
    with_compound = set(embedded.matching_documents(parse_query(compound, Filters())))
    with_word = set(embedded.matching_documents(parse_query(f'"{part}"', Filters())))
    only_inside = with_compound - with_word
    assert only_inside, f"no document says {compound} without {part}"
    for backend in (embedded, cluster):
        assert only_inside <= set(backend.matching_documents(parse_query(part, Filters())))
        hyphenated = compound.replace(part, f"-{part}")
        assert only_inside <= set(backend.matching_documents(parse_query(hyphenated, Filters())))
    quoted = parse_query(f'"{part}"', Filters())
    assert set(cluster.matching_documents(quoted)) == with_word


@pytest.mark.parametrize(
    "word", ["migranten", "beleid", "kracht", "markt", "steun", "processen", '"beleid"']
)
def test_a_word_finds_the_same_documents_in_both_backends_compounds_included(backends, word):
    """Both backends index the pieces Tantivy's split_compound cuts with one dictionary, so a
    word finds the same documents, those that hold it only inside compounds too; a quoted word
    finds only documents that say it exactly."""
    embedded, cluster = backends
    query = parse_query(word, Filters())
    found = set(embedded.matching_documents(query))
    assert found
    assert set(cluster.matching_documents(query)) == found
    if word.startswith('"'):
        inside = parse_query(word.strip('"'), Filters())
        assert found < set(embedded.matching_documents(inside))


@pytest.mark.parametrize(
    "text, filters",
    [
        ("", Filters(stances=["terughoudend"])),
        ("kabinet", Filters(stances=["terughoudend"])),
        ("kabinet", Filters(positie=["steunt_onder_voorwaarden"])),
    ],
    ids=["stance", "kabinet-stance", "kabinet-positie"],
)
def test_hits_show_the_same_evidence_and_labels(backends, text, filters):
    """With a stance or positie filter a section's snippet is built around a sentence with
    that label: the same snippet, highlights and labels from both backends."""
    wanted = {*filters.stances, *filters.positie}

    def shown(backend):
        results = backend.search(request(text, filters, limit=50))
        return {
            (hit.id, s.key): (s.snippet, s.stance)
            for hit in results.hits
            for s in hit.sections
            if wanted & set(s.stance)
        }

    ours, theirs = shown(embedded := backends[0]), shown(backends[1])
    assert ours, "no snippet shows the wanted label"
    assert ours == theirs
    seed = next(
        hit for hit in embedded.search(request(text, filters)).hits if "talent" in hit.title
    )
    assert any(wanted & set(s.stance) for s in seed.sections)


def test_an_unfiltered_hit_shows_the_labels_of_its_snippet_in_both_backends(backends):
    for backend in backends:
        seed = next(h for h in backend.search(request("blauwe kaart")).hits if "talent" in h.title)
        beoordeling = next(s for s in seed.sections if s.key == "positie.beoordeling")
        assert "<b>blauwe</b> <b>kaart</b>" in beoordeling.snippet, backend.name
        assert beoordeling.stance == ["steunt"], backend.name  # not the section's five labels


def test_dates_never_let_undated_documents_through(backends):
    """`"*" --until 2000` found 14 undated documents (a 2015 notice, 2024 Handelingen among
    them) beside the one of 1998, and its year facet showed 1. Now the range holds only
    dated documents, `year:none` finds the undated ones, and the facet counts them."""
    for backend in backends:
        until = backend.search(request("", Filters(until="2000"), limit=100))
        assert until.hits and all("0000" < hit.date[:4] <= "2000" for hit in until.hits)
        assert sum(until.facets["year"].values()) == until.total
        since = backend.search(request("", Filters(since="2010"), limit=100))
        assert since.total == len(since.hits) and all(hit.date for hit in since.hits)
        undated = backend.search(request("year:none", limit=100))
        assert undated.total >= 1 and not any(hit.date for hit in undated.hits)
        everything = backend.search(request("*"))
        assert everything.facets["year"]["none"] == undated.total
        assert sum(everything.facets["year"].values()) == everything.total


@pytest.mark.parametrize("text", ["kabinet NOT migratie", "kabinet -migratie"])
def test_not_leaves_out_every_document_the_excluded_word_finds(backends, text):
    """NOT used to work per section: a document with `migratie` in one section was found by
    another section saying `kabinet`. Now any section matching leaves the document out."""
    embedded, cluster = backends
    kabinet = set(embedded.matching_documents(parse_query("kabinet")))
    migratie = set(embedded.matching_documents(parse_query("migratie")))
    assert kabinet & migratie, "no document says both: the test proves nothing"
    for backend in backends:
        found = set(backend.matching_documents(parse_query(text)))
        assert found == kabinet - migratie
        assert backend.search(request(text)).total == len(kabinet - migratie)
    assert set(cluster.matching_documents(parse_query("NOT migratie"))).isdisjoint(migratie)


@pytest.mark.parametrize("kept, left_out", [("kabinet", "migratie"), ("migratie", "kabinet")])
def test_not_gives_the_same_documents_whichever_side_matches_fewer_sections(
    backends, kept, left_out
):
    """The embedded index lists the documents of the side with fewer matching sections: the
    excluded word's as they are, or the other side's and then those of them the excluded
    word finds too. Both ways give the documents of one word without the other's."""
    embedded, _ = backends
    sections = {w: embedded.search(request(w)).total_sections for w in (kept, left_out)}
    assert sections[kept] != sections[left_out], "one way only: the test proves nothing"
    expected = set(embedded.matching_documents(parse_query(kept))) - set(
        embedded.matching_documents(parse_query(left_out))
    )
    for backend in backends:
        assert set(backend.matching_documents(parse_query(f"{kept} NOT {left_out}"))) == expected
        assert backend.search(request(f"{kept} -{left_out}")).total == len(expected)


def test_filter_values_as_a_reader_types_them(backends):
    """`--ministerie "ministerie van financien"` is the facet's "Ministerie van Financiën";
    a value no document has finds nothing and names the values that exist, closest first."""
    exact = Filters(ministerie=["Ministerie van Financiën"])
    for backend in backends:
        typed = Filters(ministerie=["ministerie van financien"], doc_types=["FICHE"])
        assert resolve_filter_values(typed, backend) == []
        assert typed.ministerie == ["Ministerie van Financiën"]
        assert typed.doc_types == ["fiche"]
        found = backend.matching_documents(parse_query("", typed))
        assert found and found == backend.matching_documents(parse_query("", exact))
        unknown = Filters(ministerie=["Ministerie van Finance"])
        [hint] = resolve_filter_values(unknown, backend)
        assert "'Ministerie van Finance'" in hint
        assert hint.index("'Ministerie van Financiën'") < hint.index("'Ministerie van Justitie")
        assert backend.matching_documents(parse_query("", unknown)) == []


def test_not_a_word_no_document_has_leaves_everything(backends):
    for backend in backends:
        everything = backend.search(request("*")).total
        assert backend.search(request("kabinet OR NOT kwartelkoning")).total == everything
        kabinet = backend.search(request("kabinet")).total
        assert backend.search(request("kabinet -kwartelkoning")).total == kabinet


def test_not_lists_many_documents_a_share_at_a_time(backends, monkeypatch):
    """Past one aggregation's worth of documents (40,000 in real use; 3 here), the embedded
    index lists a NOT's documents a share of the sample buckets at a time: same answer."""
    embedded, _ = backends
    query = parse_query("kabinet NOT migratie")
    expected = sorted(embedded.matching_documents(query))
    monkeypatch.setattr("index.search.embedded.IDS_PER_AGGREGATION", 3)
    assert sorted(embedded.matching_documents(query)) == expected
    assert embedded.search(request("NOT migratie")).total == len(
        embedded.matching_documents(parse_query("NOT migratie"))
    )
