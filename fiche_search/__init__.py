"""fiche-search from Python: the same archive, search and export as the command line.

import fiche_search
archive = fiche_search.open("~/fiche-archive")
results = archive.search("blauwe kaart", section="positie.beoordeling", since="2020")
results.total, [hit.id for hit in results.hits], results.facets
archive.document("kst-22112-3516").stances
archive.proposal("COM(2021) 206").changes
archive.add_watch("blauwe-kaart", "blauwe kaart"); archive.run_watches()
archive.export("out/", format="parquet")
"""

from fiche_search.api import (
    Alert,
    BackendUnavailable,
    Document,
    DocumentHit,
    ExportReport,
    FicheSearch,
    ImportReport,
    QueryError,
    SearchResults,
    SectionHit,
    StanceCounts,
    Watch,
    WatchError,
    default_home,
    open,
)
from index.proposals import MalformedRef, ProposalTimeline, UnknownProposal

__all__ = [
    "Alert",
    "BackendUnavailable",
    "Document",
    "DocumentHit",
    "ExportReport",
    "FicheSearch",
    "ImportReport",
    "MalformedRef",
    "ProposalTimeline",
    "QueryError",
    "SearchResults",
    "SectionHit",
    "StanceCounts",
    "UnknownProposal",
    "Watch",
    "WatchError",
    "default_home",
    "open",
]
