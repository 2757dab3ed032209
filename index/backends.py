"""Pick a search backend by name: embedded (Tantivy, the default) or a cluster."""

from __future__ import annotations

from pathlib import Path

from index.search import SearchBackend


class BackendUnavailable(RuntimeError):
    """The backend cannot be reached or opened; the message says which and what to do."""


def open_backend(name: str, index_dir: Path, es_url: str = "") -> SearchBackend:
    if name == "embedded":
        from index.embedded import EmbeddedBackend

        try:
            return EmbeddedBackend(Path(index_dir) / "tantivy")
        except ValueError as error:
            raise BackendUnavailable(
                f"cannot open the index in {index_dir}: {error}; run `fiche-search reindex`"
            ) from None
    if name in ("elasticsearch", "opensearch"):
        raise BackendUnavailable(f"the {name} backend is not built yet")
    raise BackendUnavailable(f"unknown backend {name!r}")
