"""Pick a search backend by name: embedded (Tantivy, the default) or a cluster."""

from __future__ import annotations

from pathlib import Path

from index.search.compound_dictionary import installed_dictionary
from index.search.compounds import WordListMissing, decompounder
from index.search.contract import IndexOutdated, SearchBackend


class BackendUnavailable(RuntimeError):
    """The backend cannot be reached or opened; the message says which and what to do."""


def open_backend(
    name: str, index_dir: Path, es_url: str = "", fresh: bool = False
) -> SearchBackend:
    """`fresh`: the index is about to be rebuilt: an embedded backend starts the rebuild
    beside the index in use without opening it (it may be of an older version), and takes the
    writer lock now (IndexBusy when an import or another reindex holds it)."""
    try:
        decompounder()  # both backends split compounds with these: say so now if one is missing
        installed_dictionary()
    except WordListMissing as error:
        raise BackendUnavailable(str(error)) from None
    if name == "embedded":
        from index.search.embedded import EmbeddedBackend

        folder = Path(index_dir) / "tantivy"
        try:
            return EmbeddedBackend(folder, fresh=fresh)
        except IndexOutdated as error:
            raise BackendUnavailable(str(error)) from None
        except ValueError as error:
            if "schema does not match" in str(error):
                raise BackendUnavailable(
                    "the search index was built by an older version of fiche-search; rebuild"
                    " it from the archive with `fiche-search reindex`"
                ) from None
            raise BackendUnavailable(
                f"cannot open the index in {index_dir}: {error}; run `fiche-search reindex`"
            ) from None
    if name in ("elasticsearch", "opensearch"):
        return _cluster(name, es_url)
    raise BackendUnavailable(f"unknown backend {name!r}")


def _cluster(engine: str, url: str) -> SearchBackend:
    from index.search.cluster import ClusterBackend
    from index.search.cluster_clients import WrongEngine, connect

    if not url:
        raise BackendUnavailable(
            f"the {engine} backend needs a cluster URL: --es-url URL or $FICHE_ES_URL"
        )
    try:
        client = connect(engine, url)
    except WrongEngine as error:  # it is there: only the backend's name is wrong
        raise BackendUnavailable(str(error)) from None
    except ConnectionError as error:
        raise BackendUnavailable(
            f"{error}. Start a node (for a local test node: tests/{engine}/run-node) "
            "or point --es-url / $FICHE_ES_URL at a running cluster."
        ) from None
    return ClusterBackend(client, name=engine)
