"""The sources the crawler knows, and where each one lives (settings, so a test or a mirror
can point a source elsewhere)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

# source name -> the settings holding its endpoints
SOURCES: dict[str, tuple[str, ...]] = {
    "officielebekendmakingen": ("FICHE_SRU_URL",),
    "tweedekamer": ("FICHE_TK_ODATA_URL",),
    "eurlex": ("FICHE_EURLEX_URL", "FICHE_CELLAR_SPARQL_URL", "FICHE_CELLAR_RESOURCE_URL"),
    "consilium": ("FICHE_CONSILIUM_URL",),
}


def rebase(url: str, base: str) -> str:
    """`https://repository.overheid.nl/sru` on `http://127.0.0.1:8000/mirror` ->
    `http://127.0.0.1:8000/mirror/sru`: scheme and host from base, path appended to its path."""
    target = urlsplit(url)
    new = urlsplit(base)
    path = new.path.rstrip("/") + target.path
    return urlunsplit((new.scheme, new.netloc, path, target.query, ""))


def endpoint_overrides(sources: list[str], base_url: str, settings) -> dict[str, str]:
    """The endpoint settings of these sources, moved onto base_url."""
    return {
        name: rebase(settings.get(name), base_url) for source in sources for name in SOURCES[source]
    }


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
