"""Scrapy settings for the fiche-search crawler: polite by default.

Everything a run may want to change is a setting here (overridable with `crawl -s NAME=VALUE`),
not a constant in a spider: base URLs, page sizes, timeouts, retries, the politeness switch.
"""

BOT_NAME = "fiche-search"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "fiche-search/0.1 (+https://github.com/fiche-search/fiche-search; research archive)"
ROBOTSTXT_OBEY = True

# At most two requests in flight per site; AutoThrottle slows down further when a site slows.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 200 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True  # a truncated body is an error, retried, never stored

# Retries with exponential backoff and Retry-After: crawler.middlewares replaces Scrapy's own.
RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
FICHE_BACKOFF_BASE = 2.0  # seconds before the first retry, doubling each time
FICHE_BACKOFF_MAX = 120.0  # no single wait (Retry-After included) longer than this
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

# Politeness off: for benchmarks and tests against a local replay. Still correct (retries,
# robots.txt, conditional requests): only the waiting goes. See crawler.run.politeness_off.
FICHE_POLITE = True

# Each source's endpoints. `crawl --base-url URL` swaps scheme and host, keeping the paths.
FICHE_SRU_URL = "https://repository.overheid.nl/sru"
FICHE_SRU_PAGE_SIZE = 100
FICHE_TK_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
FICHE_EURLEX_URL = "https://eur-lex.europa.eu"
FICHE_CELLAR_SPARQL_URL = "https://publications.europa.eu/webapi/rdf/sparql"
# Cellar notices: the procedure of each proposal a fiche cites (branch notice of the proposal,
# then tree notice of its procedure), re-checked at most once a month, conditionally.
FICHE_CELLAR_RESOURCE_URL = "https://publications.europa.eu/resource"
FICHE_EURLEX_PROCEDURES = True
FICHE_EURLEX_BATCH = 50  # CELEX numbers per SPARQL query
# A source crawled for the first time without --since lists this many days back, not its
# whole history (0: everything). Later crawls go on from the source's own watermark.
FICHE_FIRST_CRAWL_DAYS = 365
FICHE_DOSSIER = "22112"
# The Council's public votes on legislative acts: one dump, asked for at most once a day.
FICHE_CONSILIUM_URL = "https://data.consilium.europa.eu"
FICHE_CONSILIUM_DAILY = True

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# The crawl command reports per source itself; Scrapy's log is for debugging (-s LOG_LEVEL=INFO).
LOG_LEVEL = "CRITICAL"
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
