"""What every source spider shares: the archive and crawl progress, conditional requests,
fake-404 and malformed-XML checks, and turning every failed request into a recorded failure."""

from __future__ import annotations

from collections.abc import Iterator

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.errorpages import error_page_reason
from crawler.items import FetchedFile
from crawler.progress import CrawlProgress, first_crawl_start
from crawler.sources import SOURCES, host_of
from index.archive.database import Archive
from index.archive.importer import Importer, Progress, no_progress


class SourceSpider(scrapy.Spider):
    name = ""  # the source name: officielebekendmakingen, tweedekamer, eurlex

    def __init__(
        self,
        archive: Archive,
        since: str = "",
        dossier: str = "",
        importer: Importer | None = None,
        report_progress: Progress | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.archive = archive
        # The import procedure's sync and commit rules; None: archive only, index later.
        self.importer = importer
        self.since = since
        self.dossier_option = dossier
        # A progress bar's (stage, done, total), called on the reactor thread only.
        self.report_progress = report_progress or no_progress
        self.progress = CrawlProgress(archive, self.name, self.report_progress)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Derived from the endpoint settings, so a replay on 127.0.0.1 is "on domain".
        spider.allowed_domains = sorted(
            {host_of(crawler.settings.get(name)) for name in SOURCES[spider.name]}
        )
        crawler.signals.connect(spider.on_spider_error, signal=signals.spider_error)
        return spider

    def on_spider_error(self, failure: Failure, response: Response, spider=None) -> None:
        self.progress.summary.errors.append(f"{response.url}: {describe(failure)}")

    @property
    def dossier(self) -> str:
        return self.dossier_option or self.settings.get("FICHE_DOSSIER")

    def lower_bound(self) -> str:
        """Where the listing starts: --since, else the watermark of this source's last complete
        crawl, else (its first crawl) FICHE_FIRST_CRAWL_DAYS back."""
        if self.since or self.progress.watermark:
            return self.since or self.progress.watermark
        return first_crawl_start(self.settings.getint("FICHE_FIRST_CRAWL_DAYS"))

    # --- listings --------------------------------------------------------------------------

    def listing_request(self, url: str, callback, **kwargs) -> Request:
        return Request(
            url,
            callback=callback,
            errback=self.listing_errback,
            dont_filter=True,
            meta={"listing": True},
            **kwargs,
        )

    def listing_errback(self, failure: Failure) -> None:
        self.progress.listing_failed(failure.request.url, describe(failure))

    # --- documents -------------------------------------------------------------------------

    def fetch_record(
        self, key: str, version: str, listed_on: str, files: list[dict]
    ) -> Iterator[Request]:
        """Request the files of a listed record unless the archive holds this version.
        Each file: {"url", "filename", "kind" (xml/html/pdf/...), "role", "fallbacks"}."""
        if not self.progress.listed(key, version, listed_on):
            return
        self.progress.expect(key, version, listed_on, [f["url"] for f in files])
        for file in files:
            yield from self.file_request(key, file)

    def file_request(self, key: str, file: dict) -> Iterator[Request]:
        url = file["url"]
        if host_of(url) not in self.allowed_domains:
            reason = f"{url} is outside this source's domains: not fetched"
            self.progress.file_failed(key, listed_url(file), reason)
            return
        yield Request(
            url,
            callback=self.parse_file,
            errback=self.file_errback,
            headers={**file.get("headers", {}), **self.conditional_headers(url)},
            dont_filter=True,
            meta={"record": key, "file": file, "handle_httpstatus_list": [304]},
        )

    def conditional_headers(self, url: str) -> dict[str, str]:
        record = self.archive.ledger.fetch_record(url)
        if record is None:
            return {}
        _, etag, last_modified = record
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    def parse_file(self, response: Response):
        key, file = response.meta["record"], response.meta["file"]
        if response.status == 304:
            self.progress.file_done(key, listed_url(file), stored=False)
            return
        reason = self.bad_file_reason(response, file)
        if reason:
            yield from self.fail_or_fall_back(key, file, reason)
            return
        yield FetchedFile(
            url=file["url"],
            listed_url=listed_url(file),
            source=self.name,
            body=response.body,
            filename=file["filename"],
            record=key,
            role=file.get("role", "document"),
            etag=header(response, b"ETag"),
            last_modified=header(response, b"Last-Modified"),
            identity=file.get("identity", ""),
            fallback_id=file.get("fallback_id", ""),
        )

    def bad_file_reason(self, response: Response, file: dict) -> str | None:
        content_type = header(response, b"Content-Type").lower()
        reason = error_page_reason(response.body, content_type, file["kind"])
        if reason:
            return reason
        if not response.body.strip():
            return "empty response"
        if file["kind"] == "xml" and not well_formed(response.body):
            return "malformed XML"
        return None

    def file_errback(self, failure: Failure):
        request = failure.request
        yield from self.fail_or_fall_back(
            request.meta["record"], request.meta["file"], describe(failure)
        )

    def fail_or_fall_back(self, key: str, file: dict, reason: str) -> Iterator[Request]:
        """Try the next alternative of a file (EUR-Lex: English when Dutch is missing), else
        record the failure under the URL the listing promised."""
        fallbacks = file.get("fallbacks") or []
        if not fallbacks:
            self.progress.file_failed(key, listed_url(file), reason)
            return
        # The record waits for the URL it was promised; the alternative answers for it.
        alternative = dict(fallbacks[0], fallbacks=fallbacks[1:], listed_url=listed_url(file))
        yield from self.file_request(key, alternative)

    def file_stored(self, item: FetchedFile, documents: list) -> None:
        """Called by the pipeline once a file is in the archive; a spider may add links."""

    def closed(self, reason: str) -> None:
        self.summary = self.progress.finish(reason, since_given=bool(self.since))


def listed_url(file: dict) -> str:
    return file.get("listed_url") or file["url"]


def header(response: Response, name: bytes) -> str:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else ""


def well_formed(body: bytes) -> bool:
    try:
        etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


def describe(failure: Failure) -> str:
    """One line a user understands: the HTTP status, or the network error."""
    error = failure.value
    response = getattr(error, "response", None)
    if response is not None:
        return f"HTTP {response.status}"
    name = type(error).__name__
    text = str(error).strip()
    return f"{name}: {text}" if text else name
