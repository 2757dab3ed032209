"""Commission documents from EUR-Lex, with their metadata from the Cellar SPARQL endpoint.

Two listings, both SPARQL: the works the archive's fiches cite (their CELEX numbers, and the
CELEX numbers of the COM documents they name), and Commission proposals and recommendations
dated since the watermark. Each work's text is fetched in Dutch, or in English when Cellar holds
no Dutch expression or the Dutch page is missing. Every stored EUR-Lex document gets a
`cited_by` link to each fiche that cites it. Then the EU procedure of every proposal a fiche
cites (ProcedureNotices).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urlencode

from crawler.spiders.base import SourceSpider
from parsers import ParseError
from parsers.procedure import procedure_id, read_procedure
from parsers.readers.xmltools import parse_xml

PREFIXES = """PREFIX cdm: <http://publications.europa.eu/ontology/cdm#>
PREFIX cmr: <http://publications.europa.eu/ontology/cdm/cmr#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
SELECT = """SELECT ?celex ?date ?modified
  (GROUP_CONCAT(DISTINCT ?lang; separator=",") AS ?langs) WHERE {
  ?work cdm:resource_legal_id_celex ?celex ;
        cdm:work_date_document ?date .
  OPTIONAL { ?work cmr:lastModificationDate ?modified }
  ?expr cdm:expression_belongs_to_work ?work ;
        cdm:expression_uses_language ?language .
  BIND(STRAFTER(STR(?language), "/language/") AS ?lang)
"""
GROUP = "} GROUP BY ?celex ?date ?modified ORDER BY ?date ?celex"
RESOURCE_TYPES = ("PROP_REG", "PROP_DIR", "PROP_DEC", "RECO")
LANGUAGES = (("NLD", "NL"), ("ENG", "EN"))


def by_date_query(since: str) -> str:
    types = ", ".join(
        f"<http://publications.europa.eu/resource/authority/resource-type/{t}>"
        for t in RESOURCE_TYPES
    )
    return (
        PREFIXES
        + SELECT
        + f"  ?work cdm:work_has_resource-type ?type .\n  FILTER(?type IN ({types}))\n"
        + f'  FILTER(?date >= "{since}"^^xsd:date)\n'
        + GROUP
    )


def by_celex_query(celex_numbers: list[str]) -> str:
    values = " ".join(f'"{c}"' for c in celex_numbers)
    return PREFIXES + SELECT + f"  VALUES ?celex {{ {values} }}\n" + GROUP


def celex_candidates(kind: str, value: str) -> list[str]:
    """A cited CELEX as is; a COM number as the CELEX numbers a COM document can carry
    (5YYYYPCnnnn for proposals, 5YYYYDCnnnn for other COM documents)."""
    if kind == "celex":
        return [value]
    if not value.startswith("COM("):
        return []
    year, number = value[4:8], value.split()[-1]
    return [f"5{year}PC{int(number):04d}", f"5{year}DC{int(number):04d}"]


class EurLexSpider(SourceSpider):
    name = "eurlex"

    async def start(self):
        self.listed_celex: set[str] = set()
        self.citing = self.cited_works()
        wanted = sorted(set(self.citing))
        batch = self.settings.getint("FICHE_EURLEX_BATCH")
        for start in range(0, len(wanted), batch):
            yield self.sparql_request(by_celex_query(wanted[start : start + batch]), cited=True)
        yield self.sparql_request(by_date_query(self.since_date()), cited=False)
        self.procedures = ProcedureNotices(self)
        if self.settings.getbool("FICHE_EURLEX_PROCEDURES"):
            for request in self.procedures.requests():
                yield request

    def parse_file(self, response):
        file = response.meta["file"]
        follows = file.get("follow") and (
            response.status == 304 or self.bad_file_reason(response, file) is None
        )
        yield from super().parse_file(response)
        if follows:
            yield from self.procedures.follow(response, file)

    def cited_works(self) -> dict[str, set[str]]:
        """CELEX number -> the Dutch documents (fiches, letters) citing it. What EUR-Lex texts
        cite is not followed: every act names a dozen others, and the crawl would spread
        through all of EUR-Lex."""
        citing: dict[str, set[str]] = {}
        rows = self.archive.link_values(("celex", "com"))
        eu = {r.id for r in self.archive.refs(d for d, _, _ in rows) if r.source == "eurlex"}
        for doc_id, kind, value in rows:
            if doc_id in eu:
                continue
            for celex in celex_candidates(kind, value):
                citing.setdefault(celex, set()).add(doc_id)
        return citing

    def since_date(self) -> str:
        return self.lower_bound()[:10] or "1950-01-01"  # FICHE_FIRST_CRAWL_DAYS=0: all

    def sparql_request(self, query: str, cited: bool):
        params = {"query": query, "format": "application/sparql-results+json"}
        url = f"{self.settings.get('FICHE_CELLAR_SPARQL_URL')}?{urlencode(params)}"
        return self.listing_request(
            url,
            self.parse_results,
            cb_kwargs={"cited": cited},
            headers={"Accept": "application/sparql-results+json"},
        )

    def parse_results(self, response, cited: bool):
        try:
            bindings = json.loads(response.body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as error:
            self.progress.listing_failed(response.url, f"unreadable SPARQL JSON ({error})")
            return
        self.progress.listing_read(response.url)
        for binding in bindings:
            row = {name: cell.get("value", "") for name, cell in binding.items()}
            yield from self.work_requests(row, cited)

    def work_requests(self, row: dict, cited: bool):
        celex = row.get("celex", "")
        if not celex or celex in self.listed_celex:
            return  # listed by both queries: one fetch is enough
        self.listed_celex.add(celex)
        version = row.get("modified") or row.get("date", "")
        # The cited-works listing is not date-bound: it must not move the watermark.
        listed_on = self.progress.watermark if cited else row.get("date", "")
        files = self.text_files(celex, set(filter(None, row.get("langs", "").split(","))))
        yield from self.fetch_record(f"celex-{celex}", version, listed_on, files)

    def text_files(self, celex: str, languages: set[str]) -> list[dict]:
        """The Dutch text, falling back to English; only languages Cellar says exist."""
        choices = [short for code, short in LANGUAGES if code in languages or not languages]
        if not choices:
            choices = ["EN"]
        entries = [self.text_entry(celex, short) for short in choices]
        return [dict(entries[0], fallbacks=entries[1:])]

    def text_entry(self, celex: str, language: str) -> dict:
        base = self.settings.get("FICHE_EURLEX_URL")
        url = f"{base}/legal-content/{language}/TXT/HTML/?uri=CELEX:{celex}"
        return {
            "url": url,
            "kind": "html",
            "role": "document",
            "filename": f"celex-{celex}-{language.lower()}.html",
        }

    def file_stored(self, item, documents) -> None:
        celex = item.record.removeprefix("celex-")
        citing = self.citing.get(celex, set())
        for doc in documents:
            self.archive.add_links(doc.id, [("cited_by", fiche) for fiche in sorted(citing)])


class ProcedureNotices:
    """The EU procedure of every proposal the archive's fiches cite, from Cellar: the branch
    notice of the proposal names its procedure; the tree notice of the procedure lists its
    events. Both are archived raw and parsed into the procedure's Document; a notice that
    cannot be fetched or read is a recorded failure. A procedure goes on (Parliament and
    Council act for years), so each notice is listed again once a calendar month and fetched
    conditionally (304 when unchanged)."""

    def __init__(self, spider: EurLexSpider):
        self.spider = spider
        self.version = datetime.now(UTC).strftime("%Y-%m")
        self.requested: set[str] = set()  # record keys asked for in this run

    def requests(self):
        """Branch notices of the proposals fiches cite; tree notices of the procedures fiches
        cite and of those archived already (so a tree notice that failed is tried again)."""
        rows = self.spider.archive.link_values(("com", "procedure"))
        fiches = self.fiche_ids({doc_id for doc_id, _, _ in rows})
        cited = [(kind, value) for doc_id, kind, value in rows if doc_id in fiches]
        proposals = {c for kind, value in cited if kind == "com" for c in proposal_celex(value)}
        for celex in sorted(proposals):
            yield from self.notice_request(f"procedure-of-{celex}", "branch", f"celex/{celex}")
        procedures = {value for kind, value in cited if kind == "procedure"}
        procedures |= {v for i, k, v in rows if k == "procedure" and i == procedure_id(v)}
        for reference in sorted(procedures):
            yield from self.tree_request(reference)

    def fiche_ids(self, doc_ids: set[str]) -> set[str]:
        return {ref.id for ref in self.spider.archive.refs(doc_ids) if ref.doc_type == "fiche"}

    def tree_request(self, reference: str):
        path = cellar_procedure_path(reference)
        if path:
            yield from self.notice_request(procedure_id(reference), "tree", path)

    def notice_request(self, key: str, notice: str, path: str):
        if key in self.requested:
            return
        self.requested.add(key)
        base = self.spider.settings.get("FICHE_CELLAR_RESOURCE_URL")
        entry = {
            "url": f"{base}/{path}",
            "kind": "xml",
            "role": "document",
            "filename": f"cellar-{notice}-{path.replace('/', '-')}.xml",
            "headers": {"Accept": f"application/xml;notice={notice}", "Accept-Language": "eng"},
            "follow": notice == "branch",
        }
        # Not date-bound: the watermark stays where the dated listing put it.
        yield from self.spider.fetch_record(
            key, self.version, self.spider.progress.watermark, [entry]
        )

    def follow(self, response, file: dict):
        """After a proposal's branch notice: the tree notice of the procedure it names."""
        body = response.body
        if response.status == 304:
            record = self.spider.archive.ledger.fetch_record(file["url"])
            body = self.spider.archive.raw.get(record[0]) if record else b""
        try:
            procedure = read_procedure(parse_xml(body))
        except ParseError:
            return  # the pipeline records why the notice cannot be read
        if procedure is not None:
            yield from self.tree_request(procedure.reference)


def proposal_celex(com: str) -> list[str]:
    """COM(2021) 206 -> 52021PC0206; JOIN(2020) 5 -> 52020JC0005; other documents: none."""
    match = re.fullmatch(r"(COM|JOIN)\((\d{4})\) (\d+)", com)
    if not match:
        return []
    kind, year, number = match.groups()
    return [f"5{year}{'PC' if kind == 'COM' else 'JC'}{int(number):04d}"]


def cellar_procedure_path(reference: str) -> str:
    """2018/0172(COD) -> procedure/2018_172 (Cellar's procedure URI)."""
    match = re.fullmatch(r"(\d{4})/(\d{1,4})\([A-Z]{3}\)", reference)
    return f"procedure/{match[1]}_{int(match[2])}" if match else ""
