"""The Council of the EU's public votes on legislative acts: one bulk dump (a zip holding
`turtle-dump.ttl`), fetched conditionally (ETag / Last-Modified) and at most once a day.

The dump is archived raw like every source's files; its votes are read (parsers/council_votes)
before it is stored, so a broken zip or a Turtle syntax error is a recorded failure, retried on
the next crawl, and the votes already in the archive stay as they were.
"""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.spiders.base import SourceSpider, listed_url
from index.archive.clock import now
from index.archive.council_votes import store_votes
from parsers.council_votes import CouncilVote, DumpError, read_dump

DUMP_PATH = "/data/public-voting/council-votes-on-legislative-acts.zip"
RECORD = "council-votes-on-legislative-acts"


class ConsiliumSpider(SourceSpider):
    name = "consilium"

    async def start(self):
        self.read: dict[str, list[CouncilVote]] = {}  # dump URL -> its votes, until stored
        self.new_votes = 0
        url = self.settings.get("FICHE_CONSILIUM_URL").rstrip("/") + DUMP_PATH
        file = {"url": url, "kind": "zip", "role": "data", "filename": f"{RECORD}.zip"}
        # Not date-bound: the watermark stays where it is.
        for request in self.fetch_record(RECORD, self.version(), "", [file]):
            yield request

    def version(self) -> str:
        """Today's date: the dump is asked for once a day (FICHE_CONSILIUM_DAILY=0: each run,
        still conditionally)."""
        if self.settings.getbool("FICHE_CONSILIUM_DAILY"):
            return datetime.now(UTC).date().isoformat()
        return now()

    def parse_file(self, response):
        file = response.meta["file"]
        if response.status != 304 and self.bad_file_reason(response, file) is None:
            try:
                self.read[file["url"]] = read_dump(response.body)
            except DumpError as error:
                self.progress.file_failed(response.meta["record"], listed_url(file), str(error))
                return
        yield from super().parse_file(response)

    def file_stored(self, item, documents) -> None:
        """The dump's raw bytes are in the archive: now its votes."""
        votes = self.read.pop(item.url, [])
        record = self.archive.ledger.fetch_record(item.url)
        self.new_votes += store_votes(self.archive, votes, record[0] if record else "")
