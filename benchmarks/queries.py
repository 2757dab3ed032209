"""The fixed query set of the benchmarks: single words, phrases, AND/OR/NOT, prefixes, with and
without section/stance/date filters. Every query asks for grouping, snippets and facets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BenchQuery:
    text: str
    filters: dict = field(default_factory=dict)  # Filters field -> value(s)

    @property
    def label(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.filters.items())
        return f"{self.text} {extra}".strip()


QUERIES = [
    BenchQuery("visserij"),
    BenchQuery("landbouw"),
    BenchQuery("subsidiariteit"),
    BenchQuery("migratie"),
    BenchQuery("douanerechten"),
    BenchQuery("financiële"),
    BenchQuery("mededinging"),
    BenchQuery("blauwe kaart"),
    BenchQuery("interne markt"),
    BenchQuery("europese commissie verordening"),
    BenchQuery("staatssteun onderneming"),
    BenchQuery("lidstaten richtlijn omzetting"),
    BenchQuery('"interne markt"'),
    BenchQuery('"gemeenschappelijk douanetarief"'),
    BenchQuery('"artikel 113"'),
    BenchQuery('"raad van de europese unie"'),
    BenchQuery("visserij OR landbouw"),
    BenchQuery("energie OR klimaat"),
    BenchQuery("tarief NOT landbouw"),
    BenchQuery("verordening -visserij"),
    BenchQuery("(migratie OR asiel) grenzen"),
    BenchQuery("douane*"),
    BenchQuery("subsidiar*"),
    BenchQuery("landbouw", {"doc_types": ["eu-regulation"]}),
    BenchQuery("richtlijn", {"doc_types": ["eu-directive"]}),
    BenchQuery("mededinging", {"since": "1990-01-01"}),
    BenchQuery("visserij", {"since": "1980-01-01", "until": "1999-12-31"}),
    BenchQuery("steun", {"sections": ["algemeen"]}),
    BenchQuery("kabinet", {"stances": ["positief"]}),
    BenchQuery("verordening", {"years": [1995]}),
    BenchQuery("vervoer spoorwegen", {"doc_types": ["eu-decision"], "since": "1970"}),
    BenchQuery("bescherming persoonsgegevens"),
]
