"""How the cluster backend talks to a cluster: calls of the Python client (opensearch-py, for
both engines) and how their responses are read. Every request body comes from
index/search/cluster.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class ClusterClient(Protocol):
    url: str

    def alias_exists(self, alias: str) -> bool: ...
    def indexes_of(self, alias: str) -> list[str]: ...
    def create_index(self, name: str, body: dict) -> None: ...
    def delete_index(self, name: str) -> None: ...
    def swap_alias(self, alias: str, index: str, remove: list[str] | None = None) -> None: ...
    def bulk(self, actions: list[dict]) -> list[tuple[str, str]]: ...
    def delete_by_doc_ids(self, index: str, doc_ids: list[str]) -> None: ...
    def refresh(self, index: str) -> None: ...
    def search(self, index: str, body: dict) -> dict: ...
    def count(self, index: str) -> int: ...


def alias_actions(alias: str, index: str, remove: list[str] | None) -> list[dict]:
    """One atomic _aliases call: add the new index, remove the old ones."""
    actions: list[dict] = [{"remove": {"index": old, "alias": alias}} for old in remove or []]
    actions.append({"add": {"index": index, "alias": alias}})
    return actions


def bulk_rejections(errors: list[dict]) -> list[tuple[str, str]]:
    """(id, reason) for every item a bulk call rejected; the same shape in both engines."""
    out = []
    for item in errors:
        detail = next(iter(item.values()))
        error = detail.get("error", {})
        reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
        out.append((str(detail.get("_id", "")), reason))
    return out


def doc_ids_query(doc_ids: list[str]) -> dict:
    return {"terms": {"doc_id": doc_ids}}


@dataclass(frozen=True)
class Server:
    """What a cluster says it is in its root answer (`GET /`)."""

    engine: str  # "opensearch" or "elasticsearch"
    version: str

    def __str__(self) -> str:
        return f"{ENGINE_NAMES[self.engine]} {self.version}"


ENGINE_NAMES = {"opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}


def server_of(root: dict) -> Server:
    """OpenSearch says `"distribution": "opensearch"` in its version; Elasticsearch does not."""
    version = root.get("version", {})
    engine = "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"
    return Server(engine, str(version.get("number", "?")))


class OpenSearchClient:
    """opensearch-py, the one client for both engines: OpenSearch, and Elasticsearch, whose
    7.10 API it speaks (README, Backends: why not elasticsearch-py). Every API takes `body=`
    and returns plain dicts."""

    def __init__(self, url: str, timeout: int = 30):
        from opensearchpy import OpenSearch, helpers

        self.url = url
        self._helpers = helpers
        self.client = OpenSearch(hosts=[url], timeout=timeout, max_retries=2, retry_on_timeout=True)
        # fail now, with the URL, when the cluster is not there
        self.server = server_of(self.client.info())

    def alias_exists(self, alias: str) -> bool:
        return bool(self.client.indices.exists_alias(name=alias))

    def indexes_of(self, alias: str) -> list[str]:
        if not self.alias_exists(alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias))

    def create_index(self, name: str, body: dict) -> None:
        self.client.indices.create(index=name, body=body)

    def delete_index(self, name: str) -> None:
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def swap_alias(self, alias: str, index: str, remove: list[str] | None = None) -> None:
        self.client.indices.update_aliases(body={"actions": alias_actions(alias, index, remove)})

    def bulk(self, actions: list[dict]) -> list[tuple[str, str]]:
        _, errors = self._helpers.bulk(
            self.client, actions, raise_on_error=False, raise_on_exception=False
        )
        return bulk_rejections(errors)

    def delete_by_doc_ids(self, index: str, doc_ids: list[str]) -> None:
        self.client.delete_by_query(
            index=index, body={"query": doc_ids_query(doc_ids)}, refresh=True, conflicts="proceed"
        )

    def refresh(self, index: str) -> None:
        self.client.indices.refresh(index=index)

    def search(self, index: str, body: dict) -> dict:
        return self.client.search(index=index, body=body)

    def count(self, index: str) -> int:
        return self.client.count(index=index)["count"]


class WrongEngine(ConnectionError):
    """The cluster answers, but it is the other engine."""


def connect(engine: str, url: str) -> OpenSearchClient:
    """A client for the `engine` cluster at `url`; raises ConnectionError naming the URL, also
    when the cluster there is the other engine (its index would be another backend's)."""
    try:
        client = OpenSearchClient(url)
    except ImportError as error:
        raise ConnectionError(
            f"the cluster client is not installed ({error.name}):"
            " pip install 'fiche-search[cluster]'"
        ) from None
    except Exception as error:
        reason = "connection refused" if "refused" in str(error) else type(error).__name__
        raise ConnectionError(f"cannot reach the {engine} cluster at {url} ({reason})") from None
    if client.server.engine != engine:
        raise WrongEngine(
            f"the cluster at {url} is {client.server}, not {ENGINE_NAMES[engine]}:"
            f" use --backend {client.server.engine}"
        )
    return client
