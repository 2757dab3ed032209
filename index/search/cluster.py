"""The search-cluster backend: Elasticsearch 8/9 or OpenSearch 2/3.

Both engines speak the same query DSL for everything used here, so this module owns every
request body (index template, query translation, highlighting, aggregations, bulk actions,
alias swaps). The engines differ only in how their Python clients are called and how their
responses come back: that is the adapters' job (index/search/cluster_clients.py).

Index layout: versioned indexes `fiche-sections-<n>` behind the alias `fiche-sections`.
`reindex` builds a new version and swaps the alias in one atomic call, so searches never see
a half-built index.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

from index.search.cluster_clients import ClusterClient
from index.search.compound_dictionary import part_terms, pieces_text, written_pieces
from index.search.compounds import decompounder, fold
from index.search.contract import (
    FACET_FIELDS,
    INFLECTION_WEIGHT,
    KEYWORD_FIELDS,
    KEYWORDS,
    LEMMA_FIELD,
    MAX_KEYWORD_VALUES,
    PART_WEIGHT,
    PARTS_FIELD,
    SNIPPET_CHARS,
    TEXT_FIELDS,
    DocumentHit,
    SearchRequest,
    SearchResults,
    SectionEntry,
    SectionHit,
    exact_filters,
    read_stance_aggregation,
    section_entries,
    stance_aggregation,
)
from index.search.filters import UNDATED, Filters, describe_filters, end_of
from index.search.inflections import inflections, query_word
from index.search.query import Node, Not, Or, ParsedQuery, Phrase, Prefix, QueryError, Word
from index.search.query import describe as describe_query
from index.search.snippets import SPANS_FIELD, decode_spans, hit_snippet, plain_and_highlights
from index.search.snippets import wanted_labels as snippet_labels
from parsers import Document

ALIAS = "fiche-sections"
BULK_CHUNK = 500
# Document ids in one `terms` clause: below the engines' index.max_terms_count (65,536).
TERMS_PER_CLAUSE = 60_000
IDS_PAGE = 10_000  # document ids per page of a composite aggregation

INDEX_BODY = {
    "settings": {
        "number_of_shards": 1,
        "analysis": {
            "filter": {
                "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                # Kraaij-Pohlmann, the Snowball Dutch stemmer Tantivy uses too: both backends
                # must stem alike ("visserij" -> "vis") for their results to agree.
                "dutch_stemmer": {"type": "stemmer", "language": "dutch_kp"},
            },
            "analyzer": {
                "dutch_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
                },
                "dutch_exact": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "properties": {
            **{name: {"type": "keyword"} for name in ("uid", *KEYWORD_FIELDS)},
            "ord": {"type": "integer"},
            "date": {"type": "date", "format": "yyyy-MM-dd||yyyy-MM||yyyy"},
            "date_iso": {"type": "keyword", "index": False},
            # where each stance's evidence lies in the text (search/snippets.py): kept, not searched
            SPANS_FIELD: {"type": "keyword", "index": False, "doc_values": False},
            **{
                name: {
                    "type": "text",
                    "analyzer": "dutch_text",
                    "fields": {"exact": {"type": "text", "analyzer": "dutch_exact"}},
                }
                for name in TEXT_FIELDS
            },
            # the section's long words with their compounds cut into pieces by Tantivy's own
            # split_compound filter and the embedded backend's dictionary (index/search/
            # compound_dictionary.py), not stemmed (as there). OpenSearch's
            # dictionary_decompounder adds every dictionary word found inside a word
            # (migratie -> ratie), where split_compound cuts a word into entries that cover
            # it, or not at all
            PARTS_FIELD: {"type": "text", "analyzer": "dutch_exact"},
            # the keys of the section's groups of inflected forms, found by
            # index/search/inflections.py from the same table as the embedded backend: a filter,
            # so no frequencies or norms
            LEMMA_FIELD: {
                "type": "text",
                "analyzer": "whitespace",
                "index_options": "docs",
                "norms": False,
            },
        },
    },
}


class ClusterBackend:
    def __init__(self, client: ClusterClient, name: str, alias: str = ALIAS):
        self.client = client
        self.name = name
        self.alias = alias
        self._building: str | None = None  # the new index during a rebuild
        self._pending: list[dict] = []
        self.rejected: list[tuple[str, str]] = []  # (section uid, reason)
        if not self.client.alias_exists(alias):
            first = self._new_index_name()
            self.client.create_index(first, INDEX_BODY)
            self.client.swap_alias(alias, first)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{time.time_ns()}"

    @property
    def _target(self) -> str:
        return self._building or self.alias

    # --- writing -------------------------------------------------------------------------

    def add(self, documents: list[Document]) -> None:
        if not self._building:
            self.client.delete_by_doc_ids(self.alias, [d.id for d in documents])
        for doc in documents:
            self._pending.extend(to_source(entry) for entry in section_entries(doc))
        if len(self._pending) >= BULK_CHUNK:
            self._flush()

    def _flush(self) -> None:
        actions = [
            {"_index": self._target, "_id": source["uid"], "_source": source}
            for source in self._pending
        ]
        self._pending = []
        self.rejected.extend(self.client.bulk(actions))

    def commit(self) -> None:
        self._flush()
        self.client.refresh(self._target)

    def clear(self) -> None:
        """Start a rebuild into a new index; the alias moves when it is published."""
        self._building = self._new_index_name()
        self.client.create_index(self._building, INDEX_BODY)

    def publish(self) -> None:
        """The rebuild is complete: the alias moves to it in one call."""
        self.commit()
        if self._building:
            old = self.client.indexes_of(self.alias)
            self.client.swap_alias(self.alias, self._building, remove=old)
            for name in old:
                self.client.delete_index(name)
            self._building = None

    def close(self) -> None:
        """A rebuild not published (a reindex that failed) is thrown away."""
        if self._building:
            self._pending = []
            self.client.delete_index(self._building)
            self._building = None
        self.commit()

    # --- searching -----------------------------------------------------------------------

    def query_body(self, parsed: ParsedQuery, raw: str | None = None) -> dict:
        must = []
        if raw is not None:
            must.append({"query_string": {"query": raw, "fields": list(_boosted_fields())}})
        elif parsed.text is not None:
            # a NOT looks for its documents among those the document-level filters let pass
            scope = filter_clauses(parsed.filters.document_level())
            text = node_query(parsed.text, lambda inner: self._excluded(inner, scope))
            if text is not None:
                must.append(text)
        return {"bool": {"must": must or [{"match_all": {}}], "filter": filter_clauses(parsed)}}

    def _excluded(self, inner: dict, scope: list[dict]) -> list[dict]:
        """NOT: every document that has a section matching INNER, as `terms` clauses on
        doc_id (one with no ids when that is no document: then NOT INNER is everything)."""
        ids = self._document_ids({"bool": {"must": [inner], "filter": scope}})
        return [
            {"terms": {"doc_id": ids[i : i + TERMS_PER_CLAUSE]}}
            for i in range(0, max(len(ids), 1), TERMS_PER_CLAUSE)
        ]

    def _document_ids(self, query: dict) -> list[str]:
        """Every document with a section matching QUERY, paged by a composite aggregation."""
        ids: list[str] = []
        after = None
        while True:
            composite: dict = {
                "size": IDS_PAGE,
                "sources": [{"id": {"terms": {"field": "doc_id"}}}],
            }
            if after:
                composite["after"] = after
            body = {"query": query, "size": 0, "aggs": {"ids": {"composite": composite}}}
            result = self._search(body)["aggregations"]["ids"]
            ids += [b["key"]["id"] for b in result["buckets"]]
            after = result.get("after_key")
            if not after or len(result["buckets"]) < IDS_PAGE:
                return ids

    def explain(self, request: SearchRequest) -> str:
        text = f"raw: {request.raw}" if request.raw else describe_query(request.query.text)
        readable = " AND ".join([f"text: {text}", *describe_filters(request.query.filters)])
        body = self.query_body(request.query, request.raw)
        return f"{readable}\n{self.name}: {json.dumps(body, ensure_ascii=False)}"

    def search(self, request: SearchRequest) -> SearchResults:
        wanted = snippet_labels(request.query.filters)
        inner_hits = [
            {
                "name": "best",
                "size": request.sections_per_document,
                "_source": ["key", "heading", "stance", "text", SPANS_FIELD],
                "highlight": _highlight(),
            }
        ]
        if wanted:  # the same sections, their whole text highlighted: snippets around evidence
            inner_hits.append(
                {
                    "name": "whole",
                    "size": request.sections_per_document,
                    "_source": False,
                    "highlight": _highlight(whole=True),
                }
            )
        body = {
            "query": self.query_body(request.query, request.raw),
            "collapse": {"field": "doc_id", "inner_hits": inner_hits},
            "from": request.offset,
            "size": request.limit,
            "_source": ["doc_id", "title", "date_iso", "doc_type"],
            "track_total_hits": True,
            "aggs": facet_aggs(),
        }
        if request.sort == "date":
            body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
        response = self._search(body)
        hits = [_document_hit(h, request.sort, wanted) for h in response["hits"]["hits"]]
        aggs = response.get("aggregations", {})
        facets = {
            name: {b["key"]: b["docs"]["value"] for b in aggs[name]["buckets"] if b["key"] != ""}
            for name in FACET_FIELDS
        }
        return SearchResults(
            total=aggs["total_docs"]["value"],
            total_sections=response["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            offset=request.offset,
        )

    def _search(self, body: dict) -> dict:
        try:
            return self.client.search(self.alias, body)
        except QueryError:
            raise
        except Exception as error:  # the cluster refused the query: say why
            raise QueryError(f"the cluster refused the query: {error}") from None

    def stance_counts(self, query: ParsedQuery, by: str):
        body = {
            "query": {
                "bool": {
                    "must": [self.query_body(query)],
                    "filter": [{"exists": {"field": "aspect_stance"}}],
                }
            },
            "size": 0,
            "aggs": stance_aggregation(by),
        }
        return read_stance_aggregation(self._search(body)["aggregations"])

    def matching_documents(self, query: ParsedQuery) -> list[str]:
        return sorted(self._document_ids(self.query_body(query)))

    def missing_keywords(self, field: str, values: list[str]) -> list[str]:
        body = {
            "query": {"terms": {field: values}},
            "size": 0,
            "aggs": {"values": {"terms": {"field": field, "size": len(values), "include": values}}},
        }
        found = {b["key"] for b in self._search(body)["aggregations"]["values"]["buckets"]}
        return [value for value in values if value not in found]

    def keyword_values(self, field: str) -> list[str]:
        body = {
            "query": {"exists": {"field": field}},
            "size": 0,
            "aggs": {"values": {"terms": {"field": field, "size": MAX_KEYWORD_VALUES}}},
        }
        return [b["key"] for b in self._search(body)["aggregations"]["values"]["buckets"]]

    def section_count(self) -> int:
        return self.client.count(self.alias)


def to_source(e: SectionEntry) -> dict:
    source = {
        "uid": e.uid,
        "ord": e.ord,
        SPANS_FIELD: e.stance_spans,
        "date_iso": e.date,
        **{name: getattr(e, name) for name in TEXT_FIELDS},
        # the same pieces as the embedded index's parts field: its filter's cut, stemmed here
        PARTS_FIELD: pieces_text(e.title, e.heading, e.text),
        LEMMA_FIELD: inflections().lemma_text(e.title, e.heading, e.text),
    }
    for field in KEYWORDS:
        if (value := field.value(e)) is not None:
            source[field.name] = value
    if e.date:
        source["date"] = e.date
    return source


def _boosted_fields() -> Iterator[str]:
    for name, boost in TEXT_FIELDS.items():
        yield name if boost == 1.0 else f"{name}^{boost}"


# NOT's documents: the query DSL of the excluded part -> `terms` clauses on doc_id
Excluder = Callable[[dict], list[dict]]


def node_query(node: Node, exclude: Excluder | None = None) -> dict | None:
    """Our query tree in the query DSL. Same semantics as the embedded backend: a word must
    occur (stemmed) in the best of text/heading/title; a phrase and a prefix use exact words;
    NOT leaves out every document with a section that matches (`exclude` lists them; without
    it, only the sections that match are left out)."""

    def excluded(inner_node: Node) -> list[dict]:
        inner = node_query(inner_node, exclude)
        if inner is None:
            return []
        return exclude(inner) if exclude is not None else [inner]

    if isinstance(node, Word):
        return _word_query(node.text)
    if isinstance(node, Phrase | Prefix):
        text = " ".join(node.words) if isinstance(node, Phrase) else node.text
        return {
            "multi_match": {
                "query": text,
                "type": "phrase" if isinstance(node, Phrase) else "phrase_prefix",
                "fields": [f"{name}.exact" for name in TEXT_FIELDS],
            }
        }
    if isinstance(node, Not):
        must_not = excluded(node.node)
        return {"bool": {"must_not": must_not}} if must_not else None
    if isinstance(node, Or):
        parts = [q for n in node.nodes if (q := node_query(n, exclude))]
        return {"bool": {"should": parts, "minimum_should_match": 1}} if parts else None
    must = [q for n in node.nodes if not isinstance(n, Not) and (q := node_query(n, exclude))]
    must_not = [q for n in node.nodes if isinstance(n, Not) for q in excluded(n.node)]
    if not must and not must_not:
        return None
    return {"bool": {"must": must or [{"match_all": {}}], "must_not": must_not}}


def _word_query(word: str) -> dict:
    """A word whole, as a part of a compound (BM25 times PART_WEIGHT), and for a compound as
    the phrase of its written pieces: the embedded backend's three ways, in the query DSL."""
    word = query_word(word)  # risico's -> risico
    whole = {
        "multi_match": {
            "query": word,
            "type": "phrase",
            "fields": list(_boosted_fields()),
            "tie_breaker": 0.1,
            # a stop word alone ("de") constrains nothing, as in the embedded backend
            "zero_terms_query": "all",
        }
    }
    table = inflections()
    key = table.key(word)
    terms = part_terms(table.forms(key) if key is not None else [word])
    as_part = {"match": {PARTS_FIELD: {"query": " ".join(terms), "boost": PART_WEIGHT}}}
    if key is not None:
        # The word's group of inflected forms must be there (its key). The word's own stem
        # scores as it always did, the group's other forms (one per stem, stemmed here)
        # INFLECTION_WEIGHT times theirs, as in the embedded backend.
        if others := table.scoring_forms(key, leave_out=table.stem(word)):
            other = {
                "multi_match": {
                    "query": " ".join(others),
                    "type": "best_fields",
                    "fields": list(_boosted_fields()),
                    "tie_breaker": 0.1,
                    "boost": INFLECTION_WEIGHT,
                }
            }
            whole = {"dis_max": {"queries": [whole, other], "tie_breaker": 0.0}}
        whole = {"bool": {"filter": [{"term": {LEMMA_FIELD: key}}], "should": [whole]}}
    found = [whole, as_part]
    if (cut := decompounder().split(fold(word))) is not None:
        found.append(node_query(Phrase(tuple(cut.surface))))
        # inside a longer compound: its pieces in a row in the parts field (the embedded
        # backend asks for them at one position, where its filter put them)
        pieces = " ".join(written_pieces(decompounder(), fold(word)))
        found.append({"match_phrase": {PARTS_FIELD: {"query": pieces, "boost": PART_WEIGHT}}})
    # the best way it is found counts, not their sum (as in the embedded backend)
    return {"dis_max": {"queries": found, "tie_breaker": 0.0}}


def filter_clauses(parsed: ParsedQuery | Filters) -> list[dict]:
    f = parsed.filters if isinstance(parsed, ParsedQuery) else parsed
    clauses = [{"terms": {name: values}} for name, values in exact_filters(f).items()]
    if f.undated:  # year:none, beside any years asked for
        undated: dict = {"bool": {"must_not": [{"exists": {"field": "date"}}]}}
        if years := f.dated_years:
            undated = {
                "bool": {"should": [{"terms": {"year": years}}, undated], "minimum_should_match": 1}
            }
        clauses.append(undated)
    # a range never matches a document without a date: undated documents stay out
    if f.since or f.until:
        bounds = {}
        if f.since:
            bounds["gte"] = f.since
        if f.until:
            bounds["lte"] = end_of(f.until)
        clauses.append({"range": {"date": bounds}})
    return clauses


def facet_aggs() -> dict:
    aggs = {
        name: {
            # documents without a date have their own count in the year facet
            "terms": {
                "field": source,
                "size": 100,
                **({"missing": UNDATED} if name == "year" else {}),
            },
            "aggs": {"docs": {"cardinality": {"field": "doc_id", "precision_threshold": 40000}}},
        }
        for name, source in FACET_FIELDS.items()
    }
    aggs["total_docs"] = {"cardinality": {"field": "doc_id", "precision_threshold": 40000}}
    return aggs


def _highlight(whole: bool = False) -> dict:
    """The best fragment of the text, highlighted; `whole`: all the text, highlighted."""
    return {
        "fields": {"text": {}},
        "pre_tags": ["<b>"],
        "post_tags": ["</b>"],
        "encoder": "html",
        "fragment_size": SNIPPET_CHARS,
        "number_of_fragments": 0 if whole else 1,
        "no_match_size": 0 if whole else SNIPPET_CHARS,
    }


def _document_hit(hit: dict, sort: str, wanted: set[str]) -> DocumentHit:
    source = hit["_source"]
    inner = hit["inner_hits"]["best"]["hits"]["hits"]
    whole = {
        s["_id"]: (s.get("highlight", {}).get("text") or [""])[0]
        for s in hit["inner_hits"].get("whole", {}).get("hits", {}).get("hits", [])
    }
    sections = []
    for s in inner:
        snippet, labels = _snippet(s, whole.get(s["_id"], ""), wanted)
        sections.append(
            SectionHit(
                key=s["_source"]["key"],
                heading=s["_source"].get("heading", ""),
                snippet=snippet,
                stance=labels,
                score=0.0 if sort == "date" else float(s.get("_score") or 0.0),
            )
        )
    return DocumentHit(
        id=source["doc_id"],
        title=source.get("title", ""),
        date=source.get("date_iso", ""),
        doc_type=source.get("doc_type", ""),
        score=0.0 if sort == "date" else float(hit.get("_score") or 0.0),
        sections=sections,
    )


def _snippet(section: dict, whole: str, wanted: set[str]) -> tuple[str, list[str]]:
    """The section's snippet and the labels of the evidence in it (index/search/snippets.py), from
    the engine's fragment, placed in the text, or around the evidence of a wanted label."""
    source = section["_source"]
    fragment = (section.get("highlight", {}).get("text") or [""])[0]
    if SPANS_FIELD not in source:  # indexed before spans were kept: every label of the section
        return fragment, list(source.get("stance", []))
    text = source.get("text", "")
    return hit_snippet(
        text,
        decode_spans(source[SPANS_FIELD]),
        wanted,
        lambda: (fragment, text.find(plain_and_highlights(fragment)[0])) if fragment else None,
        lambda: _whole_highlights(whole, text),
        SNIPPET_CHARS,
    )


def _whole_highlights(whole: str, text: str) -> list[tuple[int, int]]:
    """The highlights of the whole-text fragment, when it is the text (it is, for whole=True)."""
    plain, highlights = plain_and_highlights(whole)
    return highlights if plain == text else []
