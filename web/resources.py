"""What a request needs: the Python API on the archive, opened per request (the backend
opens on first use, so a page that only reads the archive needs no index).

Opening it takes a few milliseconds; in return every request sees the latest import or
crawl, and no SQLite connection is shared between the server's threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fiche_search.api import FicheSearch


@dataclass(frozen=True)
class Resources:
    home: Path
    backend: str = "embedded"
    es_url: str = ""

    def api(self) -> FicheSearch:
        """The Python API on this archive, to use in a `with`: every page uses what the CLI
        uses."""
        return FicheSearch(self.home, self.backend, self.es_url)
