"""A real Elasticsearch node for the tests marked ``@pytest.mark.elasticsearch``.

``elasticsearch_url``: one node for the session, or ``$FICHE_ELASTICSEARCH_URL`` when that is
set. The node is real Elasticsearch 7.10.2 (the last Apache-2.0 release), built from Maven
Central by tests/elasticsearch/run-node. Without Java 17+ or Maven the fixture fails, never
skips: CI has to prove the cluster backend against a real Elasticsearch too.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from opensearch_node import OpenSearchNodes


class ElasticsearchNode(OpenSearchNodes):
    """One node run by ``tests/elasticsearch/run-node --stdin``, read as OpenSearchNodes reads
    OpenSearch's launcher (the same KEY=VALUE lines, ELASTICSEARCH_ for OPENSEARCH_)."""

    PRODUCT = "Elasticsearch"
    PREFIX = "ELASTICSEARCH"
    RUN_NODE = Path(__file__).parent / "elasticsearch" / "run-node"

    def __init__(self) -> None:
        super().__init__(1)

    def command(self) -> list[str]:
        return [str(self.RUN_NODE), "--stdin"]


def root_answer(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def _check_elasticsearch(url: str) -> None:
    version = root_answer(url).get("version", {})
    assert "number" in version, f"{url} answered, but not like Elasticsearch: {version}"
    assert version.get("distribution") != "opensearch", f"{url} is OpenSearch, not Elasticsearch"


@pytest.fixture(scope="session")
def elasticsearch_url() -> Iterator[str]:
    """URL of a running Elasticsearch node: ``$FICHE_ELASTICSEARCH_URL``, or one started for
    this session."""
    if url := os.environ.get("FICHE_ELASTICSEARCH_URL"):
        _check_elasticsearch(url)
        yield url
        return
    node = ElasticsearchNode()
    try:
        _check_elasticsearch(node.url)
        yield node.url
    finally:
        node.close()
