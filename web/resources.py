"""What a request needs: the Python API on the archive, opened per request (the backend
opens on first use, so a page that only reads the archive needs no index).

Opening both takes a few milliseconds; in return every request sees the latest import or
crawl, and no SQLite connection is shared between the server's threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fiche_search.api import FicheSearch


@dataclass(frozen=True)
class Resources:
    home: Path
    backend: str = "embedded"
    es_url: str = ""

    @contextmanager
    def api(self) -> Iterator[FicheSearch]:
        """The Python API on this archive: every page uses what the CLI uses."""
        api = FicheSearch(self.home, self.backend, self.es_url)
        try:
            yield api
        finally:
            api.close()
