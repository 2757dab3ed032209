"""fiche-search from Python: the same archive, search and export as the command line.

import fiche_search
archive = fiche_search.open("~/fiche-archive")
results = archive.search("blauwe kaart", section="positie.beoordeling", since="2020")
results.total, [hit.id for hit in results.hits], results.facets
results.to_pandas()                              # one row per hit, the export's columns
archive.document("kst-22112-3516").stances       # DocumentNotFound for an unknown id
archive.proposal("COM(2021) 206").changes
archive.council_votes(differs=True)                # Council votes beside the fiches
archive.stances("migratie", by="year").to_pandas()
archive.add_watch("blauwe-kaart", "blauwe kaart"); archive.run_watches()
archive.export("out/", format="parquet").to_pandas("documents")
archive.table("stances", type="fiche").to_pandas()

Everything in `__all__` is the public API (README, "Python API"); the rest may change.
"""

from fiche_search.api import (
    Alert,
    BackendUnavailable,
    Connections,
    CrawlReport,
    Document,
    DocumentHit,
    DocumentNotFound,
    ExportReport,
    FicheSearch,
    ImportReport,
    Proposal,
    QueryError,
    Results,
    SearchResults,
    SectionHit,
    StanceCounts,
    Stances,
    Watch,
    WatchError,
    default_home,
    open,
)
from index.archive.migrations import ArchiveTooNew
from index.archive.storage import StorageError
from index.features.proposals import MalformedRef, ProposalTimeline, UnknownProposal
from index.features.vote_rows import CSV_HEADER as VOTES_CSV_HEADER
from index.features.vote_rows import BadVoteFilter, VoteRow
from parsers.characters import one_line, printable
from parsers.limits import Limits, LimitSettingError, current_limits

__all__ = [
    "Alert",
    "Connections",
    "CrawlReport",
    "ArchiveTooNew",
    "BackendUnavailable",
    "BadVoteFilter",
    "Document",
    "DocumentHit",
    "DocumentNotFound",
    "ExportReport",
    "FicheSearch",
    "ImportReport",
    "LimitSettingError",
    "Limits",
    "MalformedRef",
    "Proposal",
    "ProposalTimeline",
    "QueryError",
    "Results",
    "SearchResults",
    "SectionHit",
    "StanceCounts",
    "Stances",
    "StorageError",
    "UnknownProposal",
    "VOTES_CSV_HEADER",
    "VoteRow",
    "Watch",
    "WatchError",
    "current_limits",
    "default_home",
    "one_line",
    "open",
    "printable",
]
