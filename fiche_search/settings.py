"""Every limit and setting a person may want to know or change, with what it does, in one
table: `fiche-search --help-settings` prints it, README points at it. Each value is read from
the module that uses it (so this table cannot drift from the code); each row says how to change
it. The tuning of the parsers' heuristics (reflow shares, stance windows) is not listed: those
are part of the rules, measured in ACCURACY.md, not settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler import settings as crawler_settings
from fiche_search import api
from index.archive import compression, importer
from index.features import export
from index.search import compounds, contract, embedded, filters, query
from parsers.limits import ENV_PREFIX, Limits, LimitSettingError, current_limits
from parsers.readers.ocr import OcrSettings
from parsers.sources import CRAWLED_SOURCES

_OCR = OcrSettings()


@dataclass(frozen=True)
class Setting:
    group: str
    name: str
    value: object
    what: str
    change: str  # how to change it: an environment variable, an option, or "code" (a constant)
    where: str  # the module that reads it


def _env(name: str, default: str, what: str) -> Setting:
    return Setting("environment", name, default, what, f"${name}", "fiche_search/api.py")


# What each field of parsers/limits.py's Limits protects; its value is this process's (the
# default, or the FICHE_LIMIT_ variable that changes it).
LIMITS = {
    "max_page_pixels": "pixels of one page rendered for OCR; a larger page is rendered at a"
    " lower resolution",
    "max_ocr_pages": "pages of one PDF read by OCR; the pages past it are recorded as not read",
    "blank_ink_share": "share of dark pixels below which a scanned page is blank, not sent to OCR",
    "max_member_bytes": "bytes one member of a .docx or .odt may unpack to; more is refused in"
    " one line",
    "max_document_bytes": "bytes of one document's markup: the members of a .docx or .odt"
    " together, or an HTML or XML file; more is refused in one line, unread",
    "max_section_chars": "characters of one section; longer text is cut into sections",
    "max_stance_chars": "characters of one document read by the stance analysis",
    "max_response_bytes": "bytes of section text on one page of the web's document page",
}


def _limit(name: str, what: str) -> Setting:
    variable = ENV_PREFIX + name.upper()
    try:
        limits = current_limits()
    except LimitSettingError:  # said in one line by the command itself; the default here
        limits = Limits()
    value = getattr(limits, name)
    return Setting("limits", variable, value, what, f"${variable}", "parsers/limits.py")


def _crawl(name: str, what: str) -> Setting:
    value = getattr(crawler_settings, name)
    return Setting("crawl", name, value, what, f"crawl -s {name}=VALUE", "crawler/settings.py")


SETTINGS: tuple[Setting, ...] = (
    _env("FICHE_HOME", "(the user data directory)", "the archive folder; --home overrides it"),
    _env("FICHE_BACKEND", "embedded", "the search backend: embedded, elasticsearch, opensearch"),
    _env("FICHE_ES_URL", "", "the cluster URL for elasticsearch/opensearch; --es-url"),
    Setting(
        "environment",
        "FICHE_DUTCH_WORDS",
        str(compounds.SOURCE),
        "OpenTaal's Dutch word list, the source of the compound splits",
        "$FICHE_DUTCH_WORDS",
        "index/search/compounds.py",
    ),
    Setting(
        "query",
        "MAX_QUERY_CHARS",
        query.MAX_QUERY_CHARS,
        "characters in one query; a longer one is refused (exit 2, HTTP 400)",
        "code",
        "index/search/query.py",
    ),
    Setting(
        "query",
        "MAX_NESTING",
        query.MAX_NESTING,
        "parentheses and NOT inside each other in one query",
        "code",
        "index/search/query.py",
    ),
    Setting(
        "query",
        "MAX_TERMS",
        query.MAX_TERMS,
        "words, phrases and prefixes in one query",
        "code",
        "index/search/query.py",
    ),
    Setting(
        "query",
        "MAX_VALUE_CHARS",
        filters.MAX_VALUE_CHARS,
        "characters in one filter value",
        "code",
        "index/search/filters.py",
    ),
    Setting(
        "query",
        "MAX_LIMIT",
        api.MAX_LIMIT,
        "hits in one page of results (--limit)",
        "code",
        "fiche_search/api.py",
    ),
    Setting(
        "query",
        "MAX_PAGE",
        api.MAX_PAGE,
        "the last page of results one can ask for (--page)",
        "code",
        "fiche_search/api.py",
    ),
    Setting(
        "query",
        "SNIPPET_CHARS",
        contract.SNIPPET_CHARS,
        "characters of a hit's snippet",
        "code",
        "index/search/contract.py",
    ),
    Setting(
        "query",
        "FacetSampling.exact_below",
        embedded.FacetSampling.exact_below,
        "matching sections above which the embedded index counts facets and totals over a"
        " sample of whole documents (`estimated`)",
        "EmbeddedBackend(sampling=...)",
        "index/search/embedded.py",
    ),
    Setting(
        "web",
        "SEARCH_SECONDS",
        api.SEARCH_SECONDS,
        "how long the web waits for one search before it answers 503",
        "create_app(search_seconds=...)",
        "fiche_search/api.py",
    ),
    Setting(
        "import",
        "SYNC_FILES",
        importer.SYNC_FILES,
        "raw files written between two syncs to disk",
        "code",
        "index/archive/importer.py",
    ),
    Setting(
        "import",
        "COMMIT_SECTIONS",
        importer.COMMIT_SECTIONS,
        "sections indexed between two index commits",
        "code",
        "index/archive/importer.py",
    ),
    Setting(
        "import",
        "RECORDS_PER_COMMIT",
        importer.RECORDS_PER_COMMIT,
        "JSON Lines records per archive commit",
        "code",
        "index/archive/importer.py",
    ),
    Setting(
        "import",
        "COMPRESSION_LEVEL",
        compression.LEVEL,
        "zstd level of raw files and document bodies",
        "code",
        "index/archive/compression.py",
    ),
    Setting(
        "import",
        "OCR_LANGUAGES",
        _OCR.languages,
        "Tesseract's languages for scanned pages",
        "OcrSettings(languages=...)",
        "parsers/readers/ocr.py",
    ),
    Setting(
        "import",
        "OCR_DPI",
        _OCR.dpi,
        "resolution scanned pages are rendered at for OCR",
        "OcrSettings(dpi=...)",
        "parsers/readers/ocr.py",
    ),
    Setting(
        "import",
        "OCR_PAGE_TIMEOUT",
        _OCR.page_timeout,
        "seconds per scanned page; a page over budget is recorded, not read",
        "OcrSettings(page_timeout=...)",
        "parsers/readers/ocr.py",
    ),
    *(_limit(name, what) for name, what in LIMITS.items()),
    Setting(
        "export",
        "BATCH_DOCUMENTS",
        export.BATCH_DOCUMENTS,
        "documents read from the archive per batch of the export",
        "code",
        "index/features/export.py",
    ),
    _crawl("FICHE_POLITE", "wait between requests (off: tests and benchmarks on a replay)"),
    _crawl("FICHE_FIRST_CRAWL_DAYS", "days a source crawled for the first time lists back"),
    _crawl("FICHE_DOSSIER", "the Kamerstuk dossier of the BNC-fiches (--dossier)"),
    _crawl("FICHE_CONSILIUM_DAILY", "ask for the Council's votes dump at most once a day"),
    # each source's endpoints, from the one list of sources (parsers/sources.py)
    *(
        _crawl(name, f"{source.name}: where it is fetched from (crawl --base-url moves it)")
        for source in CRAWLED_SOURCES
        for name in source.endpoints
    ),
    _crawl("FICHE_SRU_PAGE_SIZE", "officielebekendmakingen: records per SRU page"),
    _crawl("FICHE_EURLEX_PROCEDURES", "eurlex: fetch the procedure of each proposal a fiche cites"),
    _crawl("FICHE_EURLEX_BATCH", "eurlex: CELEX numbers per SPARQL query"),
    _crawl("FICHE_BACKOFF_BASE", "seconds before the first retry, doubling each time"),
    _crawl("FICHE_BACKOFF_MAX", "the longest single wait (Retry-After included)"),
    _crawl("DOWNLOAD_DELAY", "seconds between two requests to one site"),
    _crawl("CONCURRENT_REQUESTS_PER_DOMAIN", "requests in flight per site"),
    _crawl("DOWNLOAD_TIMEOUT", "seconds before a request is given up"),
    _crawl("DOWNLOAD_MAXSIZE", "bytes of the largest file fetched"),
    _crawl("RETRY_TIMES", "retries of a failed request"),
)


def settings_text() -> str:
    """The table as `fiche-search --help-settings` prints it: per group, name = value, what it
    does, and how to change it."""
    lines = []
    group = ""
    for setting in SETTINGS:
        if setting.group != group:
            group = setting.group
            lines.append(f"{'' if not lines else chr(10)}{group}:")
        lines.append(f"  {setting.name} = {setting.value!r}")
        lines.append(f"      {setting.what}; change: {setting.change} ({setting.where})")
    return "\n".join(lines)
