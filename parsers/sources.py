"""The one list of sources: where a document can come from. The `source` filter's values, the
crawler's spiders and their endpoint settings, `crawl`'s choices and plan, and README's check
are all read from SOURCE_TABLE; a new source is one row here (and its spider, ARCHITECTURE.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    name: str  # the `source` of its documents, the spider's name, `crawl NAME`
    fetches: str = ""  # what a crawl of it fetches, for `crawl`'s plan ({dossier} filled in)
    endpoints: tuple[str, ...] = ()  # the crawler settings holding its URLs; none: not crawled
    # fetched as one file, whole (conditionally): no listing, no date to go on from
    whole_dump: bool = False
    documents: bool = True  # False: its files hold data (Council votes), no document to filter

    @property
    def crawled(self) -> bool:
        return bool(self.endpoints)


SOURCE_TABLE: tuple[Source, ...] = (
    Source(
        "officielebekendmakingen",
        "Kamerstukken of dossier {dossier} (officielebekendmakingen.nl)",
        ("FICHE_SRU_URL",),
    ),
    Source(
        "tweedekamer",
        "documents of dossier {dossier} (Tweede Kamer open data)",
        ("FICHE_TK_ODATA_URL",),
    ),
    Source(
        "eurlex",
        "Commission proposals and the EU acts the archive cites (EUR-Lex)",
        ("FICHE_EURLEX_URL", "FICHE_CELLAR_SPARQL_URL", "FICHE_CELLAR_RESOURCE_URL"),
    ),
    Source(
        "consilium",
        "the Council's public votes on legislative acts (data.consilium.europa.eu)",
        ("FICHE_CONSILIUM_URL",),
        whole_dump=True,
        documents=False,
    ),
    # read from files only: opendata.rijksoverheid.nl documents (parsers/readers/rijksoverheid.py)
    Source("rijksoverheid"),
    Source("local"),  # files imported by hand (`fiche-search import PATH`)
)

SOURCES = tuple(source.name for source in SOURCE_TABLE if source.documents)
CRAWLED_SOURCES = tuple(source for source in SOURCE_TABLE if source.crawled)
