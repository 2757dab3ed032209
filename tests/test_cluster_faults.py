"""The cluster backend under faults: a 3-node cluster with one replica loses a node and every
document is still found (OpenSearch); a section the cluster refuses is reported and the rest
land (OpenSearch and Elasticsearch)."""

import uuid

import pytest
from conftest import CORPUS, SEED
from opensearch_node import OpenSearchNodes

from index.archive.database import Archive
from index.archive.importer import ImportReport, find_files, import_file, index_pending
from index.search.cluster import ClusterBackend
from index.search.cluster_clients import OpenSearchClient, connect
from index.search.query import parse_query
from parsers import parse_file


def archive_with(tmp_path, *paths) -> Archive:
    archive = Archive(tmp_path / "home")
    report = ImportReport()
    for path in find_files(paths):
        import_file(archive, path, report)
    return archive


def every_document(backend) -> list[str]:
    return backend.matching_documents(parse_query(""))


@pytest.mark.opensearch  # one Elasticsearch node per test process only: no 3-node cluster
def test_a_stopped_node_loses_no_document(tmp_path):
    archive = archive_with(tmp_path, CORPUS / "kamerstukken", CORPUS / "other", SEED)
    expected = sorted(doc.id for doc in archive.documents())
    nodes = OpenSearchNodes(3)
    try:
        backend = ClusterBackend(OpenSearchClient(nodes.url), "opensearch")
        index_pending(archive, backend)
        backend.client.client.cluster.health(wait_for_status="green")
        assert every_document(backend) == expected

        nodes.stop_node(1)
        survivor = ClusterBackend(OpenSearchClient(nodes.live_urls[0]), "opensearch")
        survivor.client.client.cluster.health(wait_for_nodes="2")
        assert every_document(survivor) == expected
    finally:
        nodes.close()


def test_a_refused_section_is_reported_and_the_rest_land(tmp_path, cluster_node):
    archive = Archive(tmp_path / "home")
    documents = parse_file(SEED)
    broken = documents[0]
    broken.date = "2026-02-30"  # no such day: the cluster's date field refuses it
    archive.store_documents(broken.sha256, broken.parser_version, documents)
    backend = ClusterBackend(
        connect(cluster_node.engine, cluster_node.url),
        cluster_node.engine,
        alias=f"faults-{uuid.uuid4().hex[:6]}",
    )
    index_pending(archive, backend)

    refused = {uid.split("#")[0] for uid, _ in backend.rejected}
    assert refused == {broken.id}
    assert all("date" in reason for _, reason in backend.rejected)
    landed = sorted(d.id for d in documents if d.id != broken.id)
    assert every_document(backend) == landed
    assert archive.pending_index(cluster_node.engine) == [broken.id], "tried again next run"
