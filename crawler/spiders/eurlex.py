"""Commission documents from EUR-Lex, with their metadata from the Cellar SPARQL endpoint.

Two listings, both SPARQL: the works the archive's fiches cite (their CELEX numbers, and the
CELEX numbers of the COM documents they name), and Commission proposals and recommendations
dated since the watermark. Each work's text is fetched in Dutch, or in English when Cellar holds
no Dutch expression or the Dutch page is missing. Every stored EUR-Lex document gets a
`cited_by` link to each fiche that cites it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from crawler.spiders.base import SourceSpider

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

    def cited_works(self) -> dict[str, set[str]]:
        """CELEX number -> the documents (fiches) citing it."""
        citing: dict[str, set[str]] = {}
        for doc_id, kind, value in self.archive.link_values(("celex", "com")):
            for celex in celex_candidates(kind, value):
                citing.setdefault(celex, set()).add(doc_id)
        return citing

    def since_date(self) -> str:
        if self.lower_bound():
            return self.lower_bound()[:10]
        days = self.settings.getint("FICHE_EURLEX_FIRST_DAYS")
        return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d")

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
