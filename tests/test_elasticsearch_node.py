"""The Elasticsearch test node is real Elasticsearch 7.10.2, and the index body's Dutch
analysis (index/cluster.py) cuts, folds and stems there exactly as on OpenSearch."""

import uuid

import pytest
from elasticsearch_node import root_answer
from opensearchpy import OpenSearch

from index.search.cluster import INDEX_BODY

pytestmark = pytest.mark.elasticsearch

TEXT = "Financiële gevolgen van de visserij, de blauwe kaarten en kennismigranten"


def test_the_root_answer_is_elasticsearch(elasticsearch_url):
    root = root_answer(elasticsearch_url)
    assert root["version"]["number"] == "7.10.2"
    assert "distribution" not in root["version"]  # OpenSearch says "opensearch" there
    assert root["tagline"] == "You Know, for Search"


def tokens(url: str, analyzer: str) -> list[str]:
    client = OpenSearch(url)
    name = f"analysis-{uuid.uuid4().hex[:8]}"
    client.indices.create(index=name, body=INDEX_BODY)
    try:
        answer = client.indices.analyze(index=name, body={"analyzer": analyzer, "text": TEXT})
    finally:
        client.indices.delete(index=name)
    return [token["token"] for token in answer["tokens"]]


@pytest.mark.opensearch
def test_the_dutch_analysis_is_the_same_as_on_opensearch(elasticsearch_url, opensearch_url):
    stemmed = tokens(elasticsearch_url, "dutch_text")
    # folded (financiële), stop words gone (van, de), Kraaij-Pohlmann stems (visserij -> vis)
    assert stemmed == ["financiel", "volg", "vis", "blauwe", "kaart", "kennismigrant"]
    assert stemmed == tokens(opensearch_url, "dutch_text")
    exact = tokens(elasticsearch_url, "dutch_exact")
    assert exact[:3] == ["financiele", "gevolgen", "van"]
    assert exact == tokens(opensearch_url, "dutch_exact")
