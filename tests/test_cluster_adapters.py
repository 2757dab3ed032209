"""The cluster client (opensearch-py, index/search/cluster_clients.py) against real nodes of both
engines: the same calls and request bodies (index/search/cluster.py) round-trip on OpenSearch and on
Elasticsearch, and a backend pointed at the other engine's cluster says so."""

import uuid

import pytest
from cli_helpers import run_cli_here, run_json_here
from conftest import SEED

from index.search.cluster import INDEX_BODY
from index.search.cluster_clients import connect


def test_adapter_round_trip(cluster_node):
    client = connect(cluster_node.engine, cluster_node.url)
    alias = f"adapter-{cluster_node.engine}-{uuid.uuid4().hex[:6]}"
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


@pytest.mark.opensearch
@pytest.mark.elasticsearch
def test_each_engine_is_known_by_its_root_answer(opensearch_url, elasticsearch_url):
    assert connect("opensearch", opensearch_url).server.engine == "opensearch"
    elasticsearch = connect("elasticsearch", elasticsearch_url).server
    assert (elasticsearch.engine, elasticsearch.version) == ("elasticsearch", "7.10.2")
    with pytest.raises(ConnectionError, match=r"is OpenSearch 2\.19\.\d+, not Elasticsearch"):
        connect("elasticsearch", opensearch_url)
    with pytest.raises(ConnectionError, match=r"Elasticsearch 7\.10\.2, not OpenSearch: use --b"):
        connect("opensearch", elasticsearch_url)


def test_unreachable_cluster_names_the_url():
    with pytest.raises(ConnectionError, match=r"127\.0\.0\.1:9 \(connection refused\)"):
        connect("elasticsearch", "http://127.0.0.1:9")
    with pytest.raises(ConnectionError, match=r"127\.0\.0\.1:9 \(connection refused\)"):
        connect("opensearch", "http://127.0.0.1:9")


@pytest.mark.elasticsearch
def test_the_command_imports_into_elasticsearch_and_finds_what_the_embedded_index_finds(
    tmp_path, elasticsearch_url
):
    """`--backend elasticsearch --es-url URL` against the real node, no proxy between. (The
    only test that writes the default alias on the Elasticsearch node: the others use their own.)"""
    home = tmp_path / "home"
    cluster = ("--backend", "elasticsearch", "--es-url", elasticsearch_url)
    imported = run_cli_here("import", str(SEED), *cluster, home=home)
    assert imported.returncode == 0, imported.stderr
    assert run_cli_here("reindex", home=home).returncode == 0  # the embedded index too

    embedded = run_json_here("blauwe kaart", home=home)
    found = run_json_here("blauwe kaart", *cluster, home=home)
    assert embedded["hits"], "the seed fiche speaks of the blauwe kaart"
    # the top document (a node of $FICHE_ELASTICSEARCH_URL may hold more than this archive)
    assert found["hits"][0]["id"] == embedded["hits"][0]["id"]

    as_opensearch = ("--backend", "opensearch", "--es-url", elasticsearch_url)
    wrong = run_cli_here("kaart", *as_opensearch, home=home)
    assert wrong.returncode == 1
    assert wrong.stderr.strip().endswith("use --backend elasticsearch")
