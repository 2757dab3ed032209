"""Run spiders in this process and report per source. The only entry point cli/ uses.

Scrapy's Twisted reactor starts once per process, so one call of run_crawl per process: the
CLI is that process.
"""

from __future__ import annotations

import logging

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.progress import SourceSummary
from crawler.sources import SOURCES, endpoint_overrides
from crawler.spiders.consilium import ConsiliumSpider
from crawler.spiders.eurlex import EurLexSpider
from crawler.spiders.officielebekendmakingen import OfficieleBekendmakingenSpider
from crawler.spiders.tweedekamer import TweedeKamerSpider
from index.archive.database import Archive
from index.archive.importer import Importer, Progress

SPIDERS = {
    spider.name: spider
    for spider in (OfficieleBekendmakingenSpider, TweedeKamerSpider, EurLexSpider, ConsiliumSpider)
}
assert set(SPIDERS) == set(SOURCES)

# Politeness off (benchmarks, tests on a local replay): no waiting we impose ourselves.
# Retries, Retry-After (up to FICHE_BACKOFF_MAX), robots.txt and conditional requests stay.
POLITENESS_OFF = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_REQUESTS": 16,
    "FICHE_BACKOFF_BASE": 0.05,
}


def crawl_settings(overrides: dict[str, str], sources: list[str], base_url: str) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.update(overrides, priority="cmdline")
    if not settings.getbool("FICHE_POLITE"):
        settings.update(POLITENESS_OFF, priority="cmdline")
    if base_url:
        settings.update(endpoint_overrides(sources, base_url, settings), priority="cmdline")
    return settings


def run_crawl(
    archive: Archive,
    sources: list[str],
    since: str = "",
    base_url: str = "",
    dossier: str = "",
    overrides: dict[str, str] | None = None,
    importer: Importer | None = None,
    progress: Progress | None = None,
) -> list[SourceSummary]:
    """`progress(stage, done, total)` hears "<source> records", "<source> files" and "OCR
    pages" as they advance, always on the reactor thread (the caller's thread)."""
    settings = crawl_settings(overrides or {}, sources, base_url)
    process = AsyncCrawlerProcess(settings)
    # Scrapy's log setup passes every library's messages through; spaCy announces each
    # pipeline it builds (the parser's stance analysis) at INFO and DEBUG.
    logging.getLogger("spacy").setLevel(max(logging.WARNING, logging.getLogger().level))
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(SPIDERS[source])
        process.crawl(
            crawler,
            archive=archive,
            since=since,
            dossier=dossier,
            importer=importer,
            report_progress=progress,
        )
        crawlers.append((source, crawler))
    process.start()
    return [summary_of(source, crawler) for source, crawler in crawlers]


def summary_of(source: str, crawler) -> SourceSummary:
    spider = getattr(crawler, "spider", None)
    summary = getattr(spider, "summary", None)
    if summary is None:  # the spider never ran to its end
        summary = SourceSummary(source, listing_error="the crawl did not run to its end")
    return summary
