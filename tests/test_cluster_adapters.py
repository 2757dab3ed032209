"""The two cluster adapters side by side: the same request bodies (index/search/cluster.py), the
OpenSearch client straight to the node, the Elasticsearch client through the compatibility
proxy (tests/es_compat_proxy.py) to the same node. What differs between the clients (keyword
arguments versus body=, ObjectApiResponse versus dict) must not show in the results."""

import uuid

import pytest
from es_compat_proxy import start_proxy

from index.search.cluster import INDEX_BODY
from index.search.cluster_clients import ElasticsearchClient, OpenSearchClient, connect

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module")
def clients(opensearch_url):
    proxy_url, server = start_proxy(opensearch_url)
    yield {
        "opensearch": OpenSearchClient(opensearch_url),
        "elasticsearch": ElasticsearchClient(proxy_url),
    }
    server.shutdown()


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_adapter_round_trip(clients, engine):
    client = clients[engine]
    alias = f"adapter-{engine}-{uuid.uuid4().hex[:6]}"
    first, second = f"{alias}-1", f"{alias}-2"
    client.create_index(first, INDEX_BODY)
    client.swap_alias(alias, first)
    assert client.alias_exists(alias)
    assert client.indexes_of(alias) == [first]

    docs = [
        {"uid": f"d{i}#0", "doc_id": f"d{i}", "key": "essentie", "text": f"blauwe kaarten {i}"}
        for i in range(3)
    ]
    rejected = client.bulk([{"_index": first, "_id": d["uid"], "_source": d} for d in docs])
    assert rejected == []
    bad = client.bulk([{"_index": first, "_id": "x", "_source": {"no_such_field": 1}}])
    assert len(bad) == 1 and "strict" in bad[0][1]
    client.refresh(alias)
    assert client.count(alias) == 3

    found = client.search(alias, {"query": {"match": {"text": "kaart"}}, "size": 10})
    assert isinstance(found, dict)
    assert found["hits"]["total"]["value"] == 3

    client.delete_by_doc_ids(alias, ["d0"])
    assert client.count(alias) == 2

    client.create_index(second, INDEX_BODY)
    client.swap_alias(alias, second, remove=[first])
    assert client.indexes_of(alias) == [second]
    client.delete_index(first)
    client.delete_index(second)


def test_unreachable_cluster_names_the_url():
    with pytest.raises(ConnectionError, match=r"127\.0\.0\.1:9 \(connection refused\)"):
        connect("elasticsearch", "http://127.0.0.1:9")
    with pytest.raises(ConnectionError, match=r"127\.0\.0\.1:9 \(connection refused\)"):
        connect("opensearch", "http://127.0.0.1:9")
