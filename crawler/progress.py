"""Per-run bookkeeping of one source: what was listed, what is still in flight, what failed,
and how far the listing may be trusted next time (the watermark).

Loss-free by construction: a record counts as done only when every one of its files is stored;
the watermark never moves past a record that failed, so the next listing includes it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from index.archive.database import Archive, now
from index.archive.importer import Progress, no_progress


def first_crawl_start(days: int) -> str:
    """Where a source's first listing starts: `days` back from today, "" (everything) for 0."""
    if days <= 0:
        return ""
    return (datetime.now(UTC) - timedelta(days=days)).date().isoformat()


@dataclass
class RecordProgress:
    version: str  # what the source says about the record's version (a modified stamp)
    listed_on: str  # the value the listing filters on (the watermark's unit)
    pending: set[str] = field(default_factory=set)
    failed: bool = False


@dataclass
class SourceSummary:
    source: str
    listed: int = 0  # records the listing returned
    fetched: int = 0  # files downloaded and stored
    unchanged: int = 0  # files the server answered 304 Not Modified
    skipped: int = 0  # records whose version was already archived: not requested at all
    failed: int = 0  # files that ended in crawl_failures this run
    listing_error: str = ""  # set when the listing itself could not be read
    alarm: str = ""  # set when the listing looks wrong (nothing where there was plenty)
    errors: list[str] = field(default_factory=list)  # bugs met while handling responses
    complete: bool = False

    def as_json(self) -> dict:
        return dict(self.__dict__)


class CrawlProgress:
    """Also tells `report(stage, done, total)` (a progress bar) how far the source is:
    "<source> records" (settled of listed) and "<source> files" (stored, unchanged or failed
    of requested). Both totals grow while the listing is read. Every call comes from the
    reactor thread, as every method here is called there."""

    def __init__(self, archive: Archive, source: str, report: Progress | None = None):
        self.archive = archive
        self.source = source
        self.report = report or no_progress
        self.summary = SourceSummary(source)
        self.files_requested = 0
        self.files_settled = 0
        self.seen = archive.ledger.crawl_values(source, "seen:")
        self.records: dict[str, RecordProgress] = {}
        self.newest_listed = ""
        self.oldest_failed = ""

    @property
    def watermark(self) -> str:
        return self.archive.ledger.crawl_value(self.source, "watermark") or ""

    def listed(self, key: str, version: str, listed_on: str) -> bool:
        """Count a listed record; True when it must be fetched (new, changed, or failed before)."""
        self.summary.listed += 1
        self.newest_listed = max(self.newest_listed, listed_on)
        if self.seen.get(key) == version:
            self.summary.skipped += 1
            self._report_records()
            return False
        return True

    def expect(self, key: str, version: str, listed_on: str, urls: list[str]) -> None:
        replaced = self.records.get(key)
        if replaced is not None:  # listed twice: its files are requested anew
            self.files_requested -= len(replaced.pending)
        self.records[key] = RecordProgress(version, listed_on, pending=set(urls))
        self.files_requested += len(self.records[key].pending)
        self._report_records()
        self._report_files()

    def _report_records(self) -> None:
        # Records in flight are those expected and not settled; the rest of the listed are done.
        listed = self.summary.listed
        self.report(f"{self.source} records", listed - len(self.records), listed)

    def _report_files(self) -> None:
        self.report(f"{self.source} files", self.files_settled, self.files_requested)

    def file_done(self, key: str, url: str, stored: bool = True) -> None:
        """A file of a record is in the archive (stored=True) or unchanged (304)."""
        if stored:
            self.summary.fetched += 1
        else:
            self.summary.unchanged += 1
        self.archive.ledger.clear_crawl_failure(url)
        self._settle(key, url)

    def file_failed(self, key: str, url: str, reason: str) -> None:
        self.summary.failed += 1
        self.archive.ledger.record_crawl_failure(url, self.source, reason)
        record = self.records.get(key)
        if record is not None:
            record.failed = True
        self._settle(key, url)

    def _settle(self, key: str, url: str) -> None:
        record = self.records.get(key)
        if record is None:
            return
        if url in record.pending:
            record.pending.discard(url)
            self.files_settled += 1
            self._report_files()
        if record.pending:
            return
        del self.records[key]
        self._report_records()
        if record.failed:
            self.oldest_failed = min(filter(None, (self.oldest_failed, record.listed_on)))
            return
        # Written at once: a crawl killed later still knows this record is done.
        self.seen[key] = record.version
        self.archive.ledger.set_crawl_values(self.source, {f"seen:{key}": record.version})

    def listing_failed(self, url: str, reason: str) -> None:
        self.summary.listing_error = f"{url}: {reason}"
        self.archive.ledger.record_crawl_failure(url, self.source, f"listing: {reason}")

    def listing_read(self, url: str) -> None:
        self.archive.ledger.clear_crawl_failure(url)

    def finish(self, reason: str, since_given: bool) -> SourceSummary:
        """At the end of the run: move the watermark if the run saw the whole listing."""
        summary = self.summary
        for key, record in list(self.records.items()):  # in flight when the crawl stopped
            for url in record.pending:
                why = (
                    "crawl stopped before this file was stored"
                    if reason != "finished"
                    else ("not stored: handling the response failed (see errors)")
                )
                self.file_failed(key, url, why)
        last_listed = int(self.archive.ledger.crawl_value(self.source, "last_listed") or 0)
        if not summary.listing_error and summary.listed == 0 and last_listed and not since_given:
            summary.alarm = (
                f"{self.source} listed nothing where the last crawl listed {last_listed};"
                " the source or its query may have changed. Crawl state kept as it was."
            )
        if reason != "finished" or summary.listing_error or summary.alarm:
            return summary
        values = {"last_success": now(), "last_listed": str(summary.listed)}
        if self.oldest_failed:  # may move back: a failed record must be listed again
            values["watermark"] = min(self.newest_listed or self.oldest_failed, self.oldest_failed)
        elif self.newest_listed > self.watermark:
            values["watermark"] = self.newest_listed
        self.archive.ledger.set_crawl_values(self.source, values)
        summary.complete = True
        return summary
