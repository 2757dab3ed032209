"""One contract, two backends: the embedded index and a real OpenSearch node hold the same
corpus and must answer the same queries alike. A difference here is a bug in one of them."""

import uuid

import pytest
from conftest import CORPUS

from index.archive import Archive
from index.cluster import ClusterBackend
from index.cluster_clients import OpenSearchClient
from index.embedded import EmbeddedBackend
from index.importer import ImportReport, find_files, import_file, index_pending
from index.query import Filters, parse_query
from index.search import SearchRequest

pytestmark = pytest.mark.opensearch

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
]


@pytest.fixture(scope="module")
def backends(tmp_path_factory, opensearch_url):
    home = tmp_path_factory.mktemp("contract")
    archive = Archive(home)
    report = ImportReport()
    for path in find_files([CORPUS]):
        import_file(archive, path, report)
    embedded = EmbeddedBackend(home / "tantivy")
    cluster = ClusterBackend(
        OpenSearchClient(opensearch_url), "opensearch", alias=f"contract-{uuid.uuid4().hex[:8]}"
    )
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
    assert sorted(rows) == sorted(expected)
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
    "text, filters",
    [
        ("", Filters(stances=["terughoudend"])),
        ("kabinet", Filters(stances=["terughoudend"])),
        ("kabinet", Filters(positie=["steunt"])),
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
