"""Facets and totals of a broad query estimated from a sample of the documents (the embedded
backend's FacetSampling), on real records: EUR-Lex texts from ../shared/scale and the two
real fiches, whose stances and ministries must never be sampled away."""

import gzip
import itertools
from collections import Counter
from dataclasses import replace

import pytest
from conftest import FICHE_PDF, SEED, SHARED

from index.search.contract import SearchRequest
from index.search.embedded import EXACT_CARDINALITY, SPARSE_FACETS, EmbeddedBackend, FacetSampling
from index.search.query import Filters, parse_query
from parsers import parse_bytes, parse_file

SCALE_RECORDS = 800
EXACT = FacetSampling(exact_below=10**12)
# thresholds scaled down to this small collection, as the defaults are to millions of sections
SAMPLED = FacetSampling(exact_below=100, sample_sections=100)


@pytest.fixture(scope="module")
def documents():
    found = parse_file(SEED) + parse_file(FICHE_PDF)
    with gzip.open(SHARED / "scale" / "eurlex-nl.jsonl.gz", "rb") as lines:
        for number, line in enumerate(itertools.islice(lines, SCALE_RECORDS)):
            found += parse_bytes(line, filename=f"record-{number}.json")
    return found


@pytest.fixture(scope="module")
def folder(tmp_path_factory, documents):
    folder = tmp_path_factory.mktemp("sampling") / "tantivy"
    backend = EmbeddedBackend(folder)
    backend.add(documents)
    backend.close()
    return folder


def search(folder, sampling: FacetSampling, text: str):
    backend = EmbeddedBackend(folder, sampling=sampling)
    return backend.search(SearchRequest(query=parse_query(text, Filters()), limit=10))


def test_a_broad_query_is_estimated_close_to_the_exact_counts(folder):
    exact = search(folder, EXACT, "verordening")
    sampled = search(folder, SAMPLED, "verordening")
    assert sampled.estimated  # (`exact` may say so too: test_a_document_count_beyond_...)
    assert exact.total_sections > 2 * SAMPLED.exact_below  # broad enough to be sampled
    assert sampled.total == pytest.approx(exact.total, rel=0.25)
    assert sampled.total_sections == pytest.approx(exact.total_sections, rel=0.25)
    # the hits are the same: only the counting is sampled
    assert [h.id for h in sampled.hits] == [h.id for h in exact.hits]
    biggest_year, count = max(exact.facets["year"].items(), key=lambda item: item[1])
    assert sampled.facets["year"].get(biggest_year, 0) == pytest.approx(count, rel=0.5)


def test_the_fiches_facets_are_counted_exactly_in_a_sampled_query(folder):
    exact = search(folder, EXACT, "verordening")
    sampled = search(folder, SAMPLED, "verordening")
    assert sampled.estimated
    assert exact.facets["ministerie"] and exact.facets["stance"]  # the fiches match
    for name in SPARSE_FACETS:
        assert sampled.facets[name] == exact.facets[name], name


def test_a_narrow_query_is_counted_exactly(folder):
    exact = search(folder, EXACT, "blauwe kaart")
    sampled = search(folder, SAMPLED, "blauwe kaart")
    assert exact.total > 0
    assert not sampled.estimated
    assert (sampled.total, sampled.facets) == (exact.total, exact.facets)


def test_document_facets_count_each_matching_document_once(folder, documents):
    """Type, year and source are counted together, on their combination: each matching
    document once, so the counts add up to the total."""
    results = search(folder, EXACT, "verordening")
    matching = set(EmbeddedBackend(folder).matching_documents(parse_query("verordening")))
    assert len(matching) > 300
    by_id = {doc.id: doc for doc in documents}
    assert results.total == len(matching)
    assert results.facets["type"] == Counter(by_id[i].doc_type for i in matching)
    assert results.facets["source"] == Counter(by_id[i].source for i in matching)
    assert results.facets["year"] == Counter(by_id[i].date[:4] for i in matching if by_id[i].date)


def test_a_document_count_beyond_an_exact_cardinality_says_estimated(tmp_path, documents):
    """Documents are counted by HyperLogLog, exact only for a few: 800 real EUR-Lex records of
    one type, year and source are one count of 800, an estimate even though nothing was
    sampled; a narrow query's few documents are counted exactly and say so."""
    records = [d for d in documents if d.source == "eurlex"]
    same = [replace(d, doc_type="eu-act", date="2020-01-01") for d in records]
    assert len(same) > 4 * EXACT_CARDINALITY
    backend = EmbeddedBackend(tmp_path / "tantivy")
    backend.add(same + parse_file(SEED))
    backend.close()

    everything = search(tmp_path / "tantivy", EXACT, "")
    assert everything.estimated
    narrow = search(tmp_path / "tantivy", EXACT, "blauwe kaart")
    assert 0 < narrow.total <= EXACT_CARDINALITY and not narrow.estimated
