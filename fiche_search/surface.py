"""What the command line and the web interface share beyond the notebook API (`fiche_search`):
the filter table, the labels, the output rows, the sources, the limits. cli/ and web/ import
these from here, never from index/, parsers/ or crawler/ (the layer contract in
pyproject.toml), so what they rely on is listed in one place.
"""

from crawler.progress import first_crawl_start
from crawler.settings import FICHE_FIRST_CRAWL_DAYS
from fiche_search.api import SEARCH_SECONDS
from index.features.output import CSV_HEADER, csv_rows, ocr_summary, results_json
from index.features.proposals import POSITION_ASPECTS, MalformedRef, UnknownProposal
from index.features.watches import NAME_PATTERN
from index.search.contract import IndexBusy
from index.search.filters import FACET_FIELDS, FACET_TITLES, FILTER_NAMES, FILTERS, Filters
from index.search.query import MAX_QUERY_CHARS, ParsedQuery, QueryError, parse_query
from parsers import ParseError, Section, Stance, parse_file
from parsers.model import (
    ASPECT_LABELS,
    ASPECTS,
    OVERALL_POSITION,
    PARAGRAPH_LABELS,
    TIMELINE_LABELS,
)
from parsers.model import Document as ParsedDocument
from parsers.sources import CRAWLED_SOURCES, SOURCE_TABLE, SOURCES, Source

__all__ = [
    "ASPECTS",
    "ASPECT_LABELS",
    "CRAWLED_SOURCES",
    "CSV_HEADER",
    "FACET_FIELDS",
    "FACET_TITLES",
    "FICHE_FIRST_CRAWL_DAYS",
    "FILTERS",
    "FILTER_NAMES",
    "Filters",
    "IndexBusy",
    "MAX_QUERY_CHARS",
    "MalformedRef",
    "NAME_PATTERN",
    "OVERALL_POSITION",
    "PARAGRAPH_LABELS",
    "POSITION_ASPECTS",
    "ParseError",
    "ParsedDocument",
    "ParsedQuery",
    "QueryError",
    "SEARCH_SECONDS",
    "SOURCES",
    "SOURCE_TABLE",
    "Section",
    "Source",
    "Stance",
    "TIMELINE_LABELS",
    "UnknownProposal",
    "csv_rows",
    "first_crawl_start",
    "ocr_summary",
    "parse_file",
    "parse_query",
    "results_json",
]
