"""The test node is real OpenSearch with the analysis modules the Dutch analyzer needs."""

import uuid

import pytest
from opensearch_node import OpenSearchNodes
from opensearchpy import OpenSearch

pytestmark = pytest.mark.opensearch

# What issue 5 asks of the cluster backend's analyzer, built from analysis-common's parts.
DUTCH = {
    "analysis": {
        "filter": {
            "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
            "dutch_snowball": {"type": "snowball", "language": "Dutch"},
        },
        "analyzer": {
            "dutch": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_snowball"],
            }
        },
    }
}


@pytest.fixture
def index(opensearch_url):
    """A fresh index with the Dutch analyzer on `text`, removed afterwards."""
    client = OpenSearch(opensearch_url)
    name = f"smoke-{uuid.uuid4().hex[:8]}"
    client.indices.create(
        index=name,
        body={
            "settings": {**DUTCH, "number_of_shards": 1, "number_of_replicas": 0},
            "mappings": {
                "dynamic": "strict",
                "properties": {"text": {"type": "text", "analyzer": "dutch"}},
            },
        },
    )
    yield client, name
    client.indices.delete(index=name)


def test_dutch_analyzer_folds_stops_and_stems(index):
    client, name = index
    result = client.indices.analyze(
        index=name, body={"analyzer": "dutch", "text": "Financiële gevolgen van de blauwe kaarten"}
    )
    # Accent folded (financiële), stop words gone (van, de), Snowball Dutch stems.
    assert [t["token"] for t in result["tokens"]] == ["financiel", "gevolg", "blauw", "kaart"]


def test_index_and_search(index):
    client, name = index
    client.index(index=name, id="1", body={"text": "De financiële gevolgen van de blauwe kaart"})
    client.index(index=name, id="2", body={"text": "Subsidiariteit en proportionaliteit"})
    client.indices.refresh(index=name)

    hits = client.search(index=name, body={"query": {"match": {"text": "blauwe kaarten"}}})
    assert [h["_id"] for h in hits["hits"]["hits"]] == ["1"]
    hits = client.search(index=name, body={"query": {"match": {"text": "financiele"}}})
    assert [h["_id"] for h in hits["hits"]["hits"]] == ["1"]


def test_cluster_has_three_nodes(opensearch_cluster):
    client = OpenSearch(opensearch_cluster.url)
    health = client.cluster.health(wait_for_nodes="3", wait_for_status="green")
    assert health["number_of_nodes"] == 3
    assert health["status"] == "green"
    assert len(opensearch_cluster.urls) == 3


def test_stopped_node_leaves_the_data_reachable():
    """stop_node, for the fault tests: with one replica, losing any node (here the elected
    cluster manager, node 1) loses no document. Its own cluster, as the stop is for good."""
    nodes = OpenSearchNodes(3)
    try:
        client = OpenSearch(nodes.url)
        client.indices.create(
            index="faults", body={"settings": {"number_of_shards": 3, "number_of_replicas": 1}}
        )
        for i in range(30):
            client.index(index="faults", id=str(i), body={"n": i})
        client.indices.refresh(index="faults")
        client.cluster.health(index="faults", wait_for_status="green")

        nodes.stop_node(1)
        client = OpenSearch(nodes.live_urls)
        health = client.cluster.health(wait_for_nodes="2")
        assert health["number_of_nodes"] == 2
        assert client.count(index="faults")["count"] == 30
    finally:
        nodes.close()
