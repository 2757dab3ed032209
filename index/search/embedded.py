"""The embedded search backend: Tantivy on disk next to the archive, no server needed.

One Tantivy document per section, its document's metadata copied in (search.SectionEntry).
Text is analysed the Dutch way (lowercase, accent folding, Dutch stop words, Snowball stemming)
in `text`/`heading`/`title`; `exact` keeps the unstemmed words for "phrase" queries; `parts`
holds the section's long words with their compounds cut into pieces by Tantivy's own
split_compound filter (index/search/compound_dictionary.py), lower-cased and folded, not stemmed;
`lemma` the keys of the groups of inflected forms the section holds (index/search/inflections.py).
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import tantivy
from tantivy import FieldType, Occur, Query

from index.search.analyzers import dutch_analyzer, exact_analyzer
from index.search.compound_dictionary import (
    installed_dictionary,
    long_words,
    part_terms,
    pieces_analyzer,
    written_pieces,
)
from index.search.compounds import SPLITS_VERSION, Decompounder, decompounder, fold
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
    IndexBusy,
    IndexOutdated,
    SearchRequest,
    SearchResults,
    SectionEntry,
    SectionHit,
    exact_filters,
    read_stance_aggregation,
    section_entries,
    stance_aggregation,
)
from index.search.filters import UNDATED, Filters, describe_filters
from index.search.generations import (
    WriterLock,
    current_folder,
    new_generation,
    point_at,
    pointer_file,
    remove_unused,
)
from index.search.inflections import (
    TABLE_VERSION,
    Inflections,
    inflections,
    query_word,
    text_words,
)
from index.search.query import (
    And,
    Node,
    Not,
    Or,
    ParsedQuery,
    Phrase,
    Prefix,
    QueryError,
    Word,
    positive_words,
)
from index.search.query import describe as describe_query
from index.search.snippets import SPANS_FIELD, Ranges, decode_spans, hit_snippet, wanted_labels
from parsers import Document

DUTCH = "dutch_stemmed"
EXACT = "dutch_exact"
PARTS = "dutch_parts"
MAX_GROUPING_SECTIONS = 5000
# bump when what the parts field is given changes (the stamp below): an older index is refused
# 2: the words of inflections.text_words, lower-cased and folded before they are made unique
PARTS_INPUT_VERSION = 2
ANALYSIS_FILE = "fiche-analysis"  # in the index folder: the analysis the index was built with
SAMPLE_BUCKETS = 256  # every document is in one, by its doc_hash
PROBE_BUCKETS = 4  # a query's matches are first counted in these (1/64 of the documents)
# Facets only fiches and Kamerstukken carry: a few among many EU texts, so a sample would
# lose them or blow them up. They are always counted exactly, over the sections that carry
# them (cheap: those are few).
SPARSE_FACETS = ("stance", "positie", "ministerie", "raad")
DENSE_FACETS = tuple(name for name in FACET_FIELDS if name not in SPARSE_FACETS)
# Facets of the document, the same on each of its sections, one value each: indexed together
# as one keyword (DOCUMENT_KEY), so that an aggregation counts documents once for all of them.
DOCUMENT_FACETS = ("type", "year", "source")
DOCUMENT_KEY = "document_facets"
KEY_SEPARATOR = "\x1f"
WHOLE_TEXT = 10_000_000  # characters: a snippet generator that highlights the whole text
MAX_DOCUMENT_KEYS = 60_000  # below Tantivy's bucket limit (65,000); types x years x sources
# Documents listed by one aggregation (a NOT's documents, a saved search's): below Tantivy's
# bucket limit; more are listed a share of the sample buckets at a time.
IDS_PER_AGGREGATION = 40_000
MAX_BUCKETS = 65_000  # Tantivy's bucket limit
UNDATED_NUMBER = 0  # the `date` of a document without one (_date_number(""))
# Documents are counted by Tantivy's cardinality aggregation (HyperLogLog), per facet value
# and per DOCUMENT_KEY (whose counts add up to the total): exact for a few documents, an
# estimate beyond. Measured on the doc_hash of 20,000 ids, 10 random sets per size: every
# count up to 190 exact, the first wrong one at 200. A search with a count above this says
# `estimated`, even when nothing was sampled.
EXACT_CARDINALITY = 150
OPEN_ATTEMPTS = 5  # reads of the index pointer while reindexes swap it


@dataclass(frozen=True)
class FacetSampling:
    """When facets and totals are estimated instead of counted. Aggregating every matching
    section costs in proportion to the matches: in an archive of millions of sections a
    broad query (`verordening`) spends most of its time there. So a query first counts its
    matches in a few sample buckets; below `exact_below` estimated sections every match is
    aggregated, above it about `sample_sections` of them, and the counts are scaled up. A
    bucket holds whole documents, so document counts scale as section counts do."""

    exact_below: int = 50_000
    sample_sections: int = 60_000


@dataclass
class Aggregated:
    facets: dict[str, dict[str, int]]
    total_docs: int
    total_sections: int
    estimated: bool = False


# Tantivy releases the GIL while it searches: the aggregation pass of a search (facets, totals)
# runs on this pool while the calling thread collects the top sections.
_AGGREGATIONS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fiche-facets")


def _any(queries: list[Query]) -> Query:
    """One query that any of these satisfies, their scores summed."""
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Should, q) for q in queries])


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("uid", stored=True, tokenizer_name="raw")
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    builder.add_integer_field("ord", stored=True)
    # doc_id as a number in a fast field: grouping hits per document reads only this column
    # instead of loading every stored section.
    builder.add_integer_field("doc_hash", fast=True)
    # The document's sample bucket (doc_hash modulo SAMPLE_BUCKETS): facets of a broad query
    # are counted over a few buckets (FacetSampling). Indexed, so a bucket is a postings list.
    builder.add_integer_field("sample", indexed=True)
    builder.add_integer_field("date", stored=True, indexed=True, fast=True)
    # Word positions are kept in `exact` only, where phrases are answered; the stemmed fields
    # rank words by frequency. Positions in both cost 10% of the import time for nothing.
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name=DUTCH, index_option="freq")
    builder.add_text_field("exact", stored=False, tokenizer_name=EXACT)
    # A new field changes the schema: an index built before compounds were split is refused
    # with "reindex" (index/search/backends.py) instead of silently missing every part.
    # with positions: the pieces of one compound share its position, so a compound query word
    # is found inside a longer compound (EmbeddedBackend._inside_compound)
    builder.add_text_field(PARTS_FIELD, stored=False, tokenizer_name=PARTS, index_option="position")
    # the keys of the section's groups of inflected forms: a filter, so no frequencies
    builder.add_text_field(
        LEMMA_FIELD, stored=False, tokenizer_name="whitespace", index_option="basic"
    )
    builder.add_text_field("date_iso", stored=True, tokenizer_name="raw")
    builder.add_text_field(DOCUMENT_KEY, fast=True, tokenizer_name="raw")
    builder.add_text_field(SPANS_FIELD, stored=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


class EmbeddedBackend:
    name = "embedded"

    def __init__(
        self,
        folder: Path,
        compounds: bool = True,
        sampling: FacetSampling = FacetSampling(),
        inflected: bool = True,
        fresh: bool = False,
    ):
        """`folder`: where the index lives (index/generations.py: the folder in use is the one
        its pointer names after a reindex). `fresh`: a rebuild starts now, into a new folder
        (the index in use is not even opened: it may be of an older version).
        `compounds=False`: no parts indexed or searched (the analysis before compounds were
        split); `inflected=False`: no groups of inflected forms, every word found by its stem
        alone (the analysis before index/search/inflections.py). Both kept for the relevance
        benchmark's comparison."""
        self.base = Path(folder)
        self.sampling = sampling
        self.compounds = compounds
        self.inflections: Inflections | None = inflections() if inflected else None
        self.schema = build_schema()
        self.stemmed = dutch_analyzer()
        self.exact = exact_analyzer()
        self._writer: tantivy.IndexWriter | None = None
        self._lock = WriterLock(self.base)
        self._building: Path | None = None  # the new folder of a rebuild, until published
        self.rejected: list[tuple[str, str]] = []  # Tantivy has no mapping to violate
        if fresh:
            self.clear()
        else:
            self._open_current()

    def _open_current(self) -> None:
        """Open the index the pointer names. A reindex may swap and remove it between reading
        the pointer and opening the folder: then the pointer is read again."""
        for _ in range(OPEN_ATTEMPTS):
            folder = current_folder(self.base)
            if folder != self.base and not folder.is_dir():
                continue  # swapped out just now
            try:
                self._open(folder, create=folder == self.base)
                if current_folder(self.base) == folder:
                    return
                # a first reindex swapped in meanwhile: the base folder opened may be new
            except ValueError:
                if current_folder(self.base) == folder:
                    raise
        raise ValueError(f"{pointer_file(self.base)} names an index folder that is missing")

    def _open(self, folder: Path, create: bool = False) -> None:
        """`create`: the base folder of an index not yet built (a generation folder is made
        by clear(); one that has gone was swapped out, and must not come back empty)."""
        self.folder = folder
        if create:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(self.folder))
        if self.compounds or self.inflections is not None:
            self._check_analysis()
        self.index.register_tokenizer(DUTCH, self.stemmed)
        self.index.register_tokenizer(EXACT, self.exact)

    def _check_analysis(self) -> None:
        """An index remembers the compound splits and the table of inflected forms it was
        built with (a file beside it): the parts of an older split and the groups of an older
        table are refused, not searched as if they were today's."""
        stamp = self.folder / ANALYSIS_FILE
        splits = "none"
        if self.compounds:
            splits = f"{SPLITS_VERSION} {installed_dictionary().name} input {PARTS_INPUT_VERSION}"
        current = f"compound splits {splits}\n"
        if self.inflections is not None:
            current += f"inflections {TABLE_VERSION}\n"
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == current:
            return
        if stamp.is_file() or self.index.searcher().num_docs > 0:
            raise IndexOutdated(
                "the search index holds the compound parts or inflected forms of an older"
                " fiche-search; rebuild it from the archive with `fiche-search reindex`"
            )
        stamp.write_text(current, encoding="utf-8")

    @cached_property
    def decompounder(self) -> Decompounder:
        """The Python splitter, for query words only: documents are cut by Tantivy's filter,
        so an import does not load it."""
        return decompounder()

    # --- writing -------------------------------------------------------------------------

    @property
    def writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._hold_lock(
                "What this run archived is kept and indexed by the next import or reindex,"
                " once that process is done."
            )
            # registered only for writing: searches look up stems, and building the filter's
            # automaton of the dictionary takes half a second
            parts = pieces_analyzer() if self.compounds else self.stemmed
            self.index.register_tokenizer(PARTS, parts)
            try:
                self._writer = self.index.writer(heap_size=256_000_000, num_threads=2)
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise
                raise IndexBusy(self._busy("the next import or reindex indexes it")) from None
        return self._writer

    def _hold_lock(self, consequence: str) -> None:
        """The writer lock of imports, crawls, reparses and reindexes alike, held until
        close(); IndexBusy when another process holds it."""
        if not self._lock.acquire():
            raise IndexBusy(self._busy(consequence))

    def _busy(self, consequence: str) -> str:
        return (
            "another fiche-search process (an import, crawl or reindex) is writing the index"
            f" in {self.base.parent}. {consequence}"
        )

    def add(self, documents: list[Document]) -> None:
        writer = self.writer
        for doc in documents:
            writer.delete_documents_by_term("doc_id", doc.id)
            doc_hash = _doc_hash(doc.id)
            for entry in section_entries(doc):
                writer.add_document(self._to_tantivy(entry, doc_hash))

    def _to_tantivy(self, e: SectionEntry, doc_hash: int) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_text("uid", e.uid)
        doc.add_integer("ord", e.ord)
        doc.add_integer("doc_hash", doc_hash)
        doc.add_integer("sample", doc_hash % SAMPLE_BUCKETS)
        for field in KEYWORDS:
            value = field.value(e)
            for one in [value] if isinstance(value, str) else value or ():
                doc.add_text(field.name, one)
        for span in e.stance_spans:
            doc.add_text(SPANS_FIELD, span)
        doc.add_integer("date", _date_number(e.date))
        doc.add_text("date_iso", e.date)
        doc.add_text(DOCUMENT_KEY, KEY_SEPARATOR.join((e.doc_type, e.year, e.source)))
        for name in TEXT_FIELDS:
            doc.add_text(name, getattr(e, name))
        doc.add_text("exact", f"{e.title}\n{e.heading}\n{e.text}")
        if self.compounds:
            words = text_words(e.title, e.heading, e.text)  # cut once for both fields
            # the section's long words, each once, which the field's analyzer cuts
            doc.add_text(PARTS_FIELD, long_words(words))
            if self.inflections is not None:
                doc.add_text(LEMMA_FIELD, self.inflections.lemma_keys(words))
        elif self.inflections is not None:
            doc.add_text(LEMMA_FIELD, self.inflections.lemma_text(e.title, e.heading, e.text))
        return doc

    def commit(self) -> None:
        """Make what was added searchable. The writer stays open, and segment merges go on in
        the background while more is added; close() waits for them."""
        if self._writer is None:
            return
        self._writer.commit()
        self.index.reload()

    def clear(self) -> None:
        """Start a rebuild: a new, empty index in a folder of its own, written from now on and
        searched by others only once publish() names it; until then they search the old one."""
        self._hold_lock("Reindex once it is done; the index in use is unchanged.")
        if self._building is not None and self._writer is None:
            return  # started and still empty
        self._discard_writer()
        remove_unused(self.base, keep=current_folder(self.base))  # what a killed one left
        self._building = new_generation(self.base)
        self._open(self._building)

    def publish(self) -> None:
        """The rebuild is complete: commit it and make it the index every search opens (one
        atomic rename of the pointer), then remove the old one."""
        self.close_writer()
        if self._building is None:
            return
        point_at(self.base, self._building)
        self._building = None
        remove_unused(self.base, keep=self.folder)

    def close_writer(self) -> None:
        if self._writer is None:
            return
        self._writer.commit()
        self._writer.wait_merging_threads()
        self._writer = None
        self.index.reload()

    def _discard_writer(self) -> None:
        if self._writer is not None:
            self._writer.rollback()
            self._writer = None

    def close(self) -> None:
        """Commit what was added and let go of the writer lock. A rebuild not published is
        thrown away: the old index stays in use."""
        if self._building is not None:
            self._discard_writer()
            remove_unused(self.base, keep=current_folder(self.base))
            self._building = None
        else:
            self.close_writer()
        self._lock.release()

    # --- searching -----------------------------------------------------------------------

    def to_query(self, parsed: ParsedQuery, raw: str | None = None) -> Query:
        clauses: list[tuple[Occur, Query]] = []
        if raw is not None:
            clauses.append((Occur.Must, self._raw_query(raw)))
        elif parsed.text is not None:
            # a NOT looks for its documents among those the document-level filters let pass
            text = self._node(parsed.text, self._filters(parsed.filters.document_level()))
            if text is not None:
                clauses.append((Occur.Must, text))
        for filter_query in self._filters(parsed.filters):
            clauses.append((Occur.Must, Query.const_score_query(filter_query, 0.0)))
        if not any(occur == Occur.Must for occur, _ in clauses):
            clauses.append((Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)

    def _raw_query(self, raw: str) -> Query:
        try:
            return self.index.parse_query(raw, list(TEXT_FIELDS))
        except ValueError as error:
            hint = ""
            if "positions" in str(error):
                hint = ': a phrase is searched in the exact field, as in exact:"blauwe kaart"'
            raise QueryError(f"bad raw query: {error}{hint}") from None

    def _node(self, node: Node, scope: list[Query]) -> Query | None:
        if isinstance(node, Word):
            return self._word(node.text)
        if isinstance(node, Phrase):
            return self._phrase(node.words)
        if isinstance(node, Prefix):
            return self._prefix(node.text)
        if isinstance(node, Not):
            excluded = self._excluded(node.node, scope)
            if excluded is None:
                return None
            return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, excluded)])
        if isinstance(node, Or):
            parts = [q for q in (self._node(n, scope) for n in node.nodes) if q is not None]
            return Query.boolean_query([(Occur.Should, q) for q in parts]) if parts else None
        return self._and(node, scope)

    def _excluded(self, node: Node, scope: list[Query], among: Query | None = None) -> Query | None:
        """NOT: the sections of every document that has a section matching NODE (not just
        the sections that match it), as a set of document ids (maybe none: then NOT NODE is
        everything); None when NODE constrains nothing (a stop word). `scope`: the
        document-level filters, to look among fewer documents; `among`: the rest of an AND
        (`kabinet` in `kabinet NOT migratie`): only the documents it finds need leaving out."""
        inner = self._node(node, scope)
        if inner is None:
            return None
        if scope:
            inner = Query.boolean_query([(Occur.Must, q) for q in (inner, *scope)])
        if among is None:
            return Query.term_set_query(self.schema, "doc_id", self._document_ids(inner))
        return Query.term_set_query(self.schema, "doc_id", self._shared_documents(inner, among))

    def _shared_documents(self, query: Query, other: Query) -> list[str]:
        """The ids of documents to leave out of OTHER's results: every document with a
        section matching QUERY, or only those that OTHER finds too. Listing ids costs with
        the sections listed, and so does leaving a set of ids out of a search; so the side
        with fewer matching sections is listed. When that is QUERY, its documents are left
        out as they are: looking each up on the other side (to leave out only the documents
        in both) cost more than the few extra ids save (`verordening -lidstaten` at 242k
        sections: 80 ms to leave out 8,212 documents instead of 10,162). When it is OTHER
        (`tarief NOT landbouw`), its documents are looked for on QUERY's side, and only those
        in both are left out, not every one of the 2,888 saying landbouw."""
        searcher = self.index.searcher()
        count = {"n": {"value_count": {"field": "doc_hash"}}}
        sections = [searcher.aggregate(q, count)["n"]["value"] or 0 for q in (query, other)]
        if sections[0] <= sections[1]:
            return self._document_ids(query)
        ids = self._document_ids(other)
        if not ids:
            return []
        within = Query.term_set_query(self.schema, "doc_id", ids)
        return self._document_ids(Query.boolean_query([(Occur.Must, query), (Occur.Must, within)]))

    def _document_ids(self, query: Query) -> list[str]:
        """Every document with a section matching QUERY: listed by one aggregation, or when
        that holds IDS_PER_AGGREGATION documents or more (or passes Tantivy's bucket limit),
        by aggregations of a share of the sample buckets each, about 20% below that many
        documents by a count of them."""
        searcher = self.index.searcher()
        try:
            terms = {"ids": {"terms": {"field": "doc_id", "size": IDS_PER_AGGREGATION}}}
            buckets = searcher.aggregate(query, terms)["ids"]["buckets"]
            if len(buckets) < IDS_PER_AGGREGATION:
                return [b["key"] for b in buckets]
        except ValueError as error:
            if "bucket" not in str(error).lower():
                raise
        many = searcher.aggregate(query, {"n": {"cardinality": {"field": "doc_hash"}}})
        shares = max(2, math.ceil(1.2 * (many["n"]["value"] or 0) / IDS_PER_AGGREGATION))
        terms = {"ids": {"terms": {"field": "doc_id", "size": MAX_BUCKETS}}}
        ids: list[str] = []
        for share in range(min(shares, SAMPLE_BUCKETS)):
            low = share * SAMPLE_BUCKETS // shares
            high = (share + 1) * SAMPLE_BUCKETS // shares - 1
            sample = Query.range_query(
                self.schema, "sample", FieldType.Integer, low, high, use_inverted_index=True
            )
            part = Query.boolean_query([(Occur.Must, query), (Occur.Must, sample)])
            ids += [b["key"] for b in searcher.aggregate(part, terms)["ids"]["buckets"]]
        return ids

    def _and(self, node: And, scope: list[Query]) -> Query | None:
        clauses: list[tuple[Occur, Query]] = []
        for child in node.nodes:
            if not isinstance(child, Not) and (query := self._node(child, scope)) is not None:
                clauses.append((Occur.Must, query))
        # the documents the rest of the AND finds, within the document-level filters
        among = Query.boolean_query(clauses + [(Occur.Must, q) for q in scope]) if clauses else None
        for child in node.nodes:
            if isinstance(child, Not):
                excluded = self._excluded(child.node, scope, among)
                if excluded is not None:
                    clauses.append((Occur.MustNot, excluded))
        if not clauses:
            return None
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.append((Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)

    def _word(self, word: str) -> Query | None:
        if self.inflections is not None:
            word = query_word(word)  # risico's -> risico
        tokens = self.stemmed.analyze(word)
        if not tokens:
            return None  # a stop word, or punctuation only
        if len(tokens) > 1:  # F-35, COM(2022): one word made of several tokens stays together
            return self._phrase((word,))
        key = self.inflections.key(word) if self.inflections is not None else None
        stems = self.inflections.stems(key) if key is not None else tokens
        whole = self._in_text(tokens[:1])
        if key is not None:
            # The word's group of forms must be there (its key). The word's own stem scores as
            # it always did; the group's other forms score INFLECTION_WEIGHT times theirs: a
            # rarer form (steunt for steun) has a higher IDF and would else rank first.
            others = [stem for stem in stems if stem != tokens[0]]
            if others:
                other = Query.boost_query(self._in_text(others), INFLECTION_WEIGHT)
                whole = Query.disjunction_max_query([whole, other], tie_breaker=0.0)
            group = Query.term_query(self.schema, LEMMA_FIELD, key)
            whole = Query.boolean_query(
                [(Occur.Must, Query.const_score_query(group, 0.0)), (Occur.Should, whole)]
            )
        if not self.compounds:
            return whole
        found = self._compound(word, stems, whole)
        # the best way it is found counts, not their sum: a document saying the word keeps
        # the score it had before compounds were split, whatever compounds it also holds
        return Query.disjunction_max_query(found, tie_breaker=0.0)

    def _in_text(self, stems: list[str]) -> Query:
        """Any of these stems in the best of the text fields (weighted by TEXT_FIELDS)."""
        per_field = []
        for name, boost in TEXT_FIELDS.items():
            query = _any([Query.term_query(self.schema, name, stem) for stem in stems])
            per_field.append(Query.boost_query(query, boost) if boost != 1.0 else query)
        return Query.disjunction_max_query(per_field, tie_breaker=0.1)

    def _compound(self, word: str, stems: list[str], whole: Query) -> list[Query]:
        """The ways a word is found: whole, as a part of a compound (ordered by BM25, far below
        a whole word: PART_WEIGHT), and, for a compound, as the phrase of its written pieces
        (wiskunde-onderwijs)."""
        key = self.inflections.key(word) if self.inflections is not None else None
        forms = self.inflections.forms(key) if key is not None else [word]
        terms = part_terms(forms)
        part = _any([Query.term_query(self.schema, PARTS_FIELD, term) for term in terms])
        as_part = Query.boost_query(part, PART_WEIGHT)
        found = [whole, as_part]
        cut = self.decompounder.split(fold(word))
        if cut is not None and (pieces := self._phrase(cut.surface)) is not None:
            found.append(pieces)
        if cut is not None and (inside := self._inside_compound(word)) is not None:
            found.append(Query.boost_query(inside, PART_WEIGHT))
        return found

    def _inside_compound(self, word: str) -> Query | None:
        """A compound word inside a longer one: its pieces at one position of the parts field,
        where the filter put the pieces of one word (melkquota in melkquotaregeling, cut into
        melk + quota + regeling)."""
        pieces = written_pieces(self.decompounder, fold(word))
        if len(pieces) < 2:
            return None
        return Query.phrase_query(self.schema, PARTS_FIELD, [(0, piece) for piece in pieces])

    def _phrase(self, words: tuple[str, ...]) -> Query | None:
        tokens = self.exact.analyze(" ".join(words))
        if not tokens:
            return None
        if len(tokens) == 1:
            return Query.term_query(self.schema, "exact", tokens[0])
        return Query.phrase_query(self.schema, "exact", tokens)

    def _prefix(self, text: str) -> Query | None:
        tokens = self.exact.analyze(text)
        if not tokens:
            return None
        if len(tokens) > 1:
            return Query.phrase_prefix_query(self.schema, "exact", tokens)
        return Query.phrase_prefix_query(self.schema, "exact", [tokens[0]])

    def _filters(self, f: Filters) -> list[Query]:
        queries = [
            Query.term_set_query(self.schema, name, values)
            for name, values in exact_filters(f).items()
        ]
        if f.undated:  # year:none, beside any years asked for
            undated = Query.range_query(
                self.schema, "date", FieldType.Integer, UNDATED_NUMBER, UNDATED_NUMBER
            )
            if years := f.dated_years:
                in_years = Query.term_set_query(self.schema, "year", years)
                undated = Query.boolean_query([(Occur.Should, in_years), (Occur.Should, undated)])
            queries.append(undated)
        if f.since or f.until:
            # an undated document (date 0) is never inside a date range
            low = _date_number(f.since) if f.since else UNDATED_NUMBER + 1
            high = _date_number(f.until, end=True) if f.until else None
            queries.append(Query.range_query(self.schema, "date", FieldType.Integer, low, high))
        return queries

    def explain(self, request: SearchRequest) -> str:
        if request.raw is not None:
            return f"raw: {request.raw}"
        parts = [f"text: {describe_query(request.query.text)}"]
        parts += describe_filters(request.query.filters)
        return " AND ".join(parts) + f"\ntantivy: {self.to_query(request.query, request.raw)!r}"

    def search(self, request: SearchRequest) -> SearchResults:
        query = self.to_query(request.query, request.raw)
        searcher = self.index.searcher()
        wanted_docs = request.offset + request.limit
        # Two passes over the matches at the same time, on two cores: one aggregation for the
        # facets and both totals, and the collection of the top sections. The snippets are
        # made before waiting for the aggregation: they cost as much as the facets of a
        # common word (70 us per section shown), so the two overlap instead of adding up.
        aggregated = _AGGREGATIONS.submit(self._facets, searcher, query)
        groups = self._grouped(
            searcher, query, request, wanted_docs, lambda: aggregated.result().total_sections
        )
        page = list(groups.items())[request.offset : wanted_docs]
        generators = self._snippet_generators(searcher, request)
        hits = [self._document_hit(searcher, found, generators, request) for _, found in page]
        counts = aggregated.result()
        return SearchResults(
            total=counts.total_docs,
            total_sections=counts.total_sections,
            hits=hits,
            facets=counts.facets,
            offset=request.offset,
            estimated=counts.estimated,
        )

    def _grouped(
        self, searcher, query, request, wanted_docs, total_sections: Callable[[], int]
    ) -> OrderedDict[int, list]:
        """Sections grouped per document, best first, until `wanted_docs` documents are found
        (fetching more sections while fewer documents than wanted have turned up)."""
        fetch = min(max(wanted_docs * 20, 200), MAX_GROUPING_SECTIONS)
        while True:
            if request.sort == "date":
                result = searcher.search(query, fetch, count=False, order_by_field="date")
            else:
                result = searcher.search(query, fetch, count=False)
            addresses = [address for _, address in result.hits]
            keys = searcher.fast_field_values("doc_hash", addresses) if addresses else []
            groups: OrderedDict[int, list] = OrderedDict()
            for (score, address), key in zip(result.hits, keys, strict=True):
                score = 0.0 if request.sort == "date" else float(score)
                groups.setdefault(key, []).append((score, address))
            if len(groups) >= wanted_docs or fetch >= 50_000 or fetch >= total_sections():
                return groups
            fetch *= 4

    def _snippet_generators(self, searcher, request: SearchRequest):
        """(the best fragment's generator, the whole text's): the second only under a stance or
        positie filter, for snippets around evidence (index/snippets); None without query words."""
        snippets = self._snippet_generator(searcher, request)
        if snippets is None or not wanted_labels(request.query.filters):
            return snippets, None
        return snippets, self._snippet_generator(searcher, request, WHOLE_TEXT)

    def _snippet_generator(self, searcher, request: SearchRequest, chars: int = SNIPPET_CHARS):
        words = positive_words(request.query.text) if request.raw is None else request.raw.split()
        tokens = [t for w in words for t in self.stemmed.analyze(w)]
        if self.inflections is not None:  # maatregel: "maatregelen" is shown too
            keys = filter(None, map(self.inflections.key, words))
            tokens += [stem for key in keys for stem in self.inflections.stems(key)]
        if not tokens:
            return None
        highlight = Query.boolean_query(
            [(Occur.Should, Query.term_query(self.schema, "text", t)) for t in tokens]
        )
        generator = tantivy.SnippetGenerator.create(searcher, highlight, self.schema, "text")
        generator.set_max_num_chars(chars)
        return generator

    def _document_hit(self, searcher, found, generators, request) -> DocumentHit:
        """`generators`: Tantivy's snippet generator for the best fragment, and the one for
        the whole text (None without query words)."""
        loaded = [(score, searcher.doc(a)) for score, a in found[: request.sections_per_document]]
        first = loaded[0][1]
        snippets, whole = generators
        wanted = wanted_labels(request.query.filters)
        sections = []
        for score, doc in loaded:
            text = doc.get_first("text") or ""
            snippet, labels = hit_snippet(
                text,
                decode_spans(doc.get_all(SPANS_FIELD)),
                wanted,
                lambda doc=doc, text=text: _fragment(snippets, doc, text),
                lambda doc=doc, text=text: _highlights(whole, doc, text),
                SNIPPET_CHARS,
            )
            sections.append(
                SectionHit(
                    key=doc.get_first("key"),
                    heading=doc.get_first("heading") or "",
                    snippet=snippet,
                    stance=labels,
                    score=score,
                )
            )
        return DocumentHit(
            id=first.get_first("doc_id"),
            title=first.get_first("title") or "",
            date=first.get_first("date_iso") or "",
            doc_type=first.get_first("doc_type") or "",
            score=found[0][0],
            sections=sections,
        )

    def _facets(self, searcher, query) -> Aggregated:
        """Facets and totals: counted over every match, or estimated from a sample of the
        documents when the query matches very many sections (FacetSampling)."""
        # counted by an aggregation, which does not score what it counts (a search would)
        count = {"n": {"value_count": {"field": "doc_hash"}}}
        probe = searcher.aggregate(self._in_buckets(query, PROBE_BUCKETS), count)["n"]["value"]
        estimate = max(probe or 0, 1) * SAMPLE_BUCKETS / PROBE_BUCKETS
        buckets = math.ceil(SAMPLE_BUCKETS * self.sampling.sample_sections / estimate)
        if estimate < self.sampling.exact_below or buckets >= SAMPLE_BUCKETS:
            return self._aggregate(searcher, query)
        sampled = self._aggregate(searcher, self._in_buckets(query, buckets), DENSE_FACETS)
        counts = _scaled(sampled, SAMPLE_BUCKETS / buckets)
        sparse = self._aggregate(searcher, self._carrying_sparse(query), SPARSE_FACETS)
        counts.facets.update(sparse.facets)
        return counts

    def _in_buckets(self, query: Query, buckets: int) -> Query:
        """The query's matches in the first `buckets` sample buckets."""
        sample = Query.range_query(
            self.schema, "sample", FieldType.Integer, 0, buckets - 1, use_inverted_index=True
        )
        return Query.boolean_query([(Occur.Must, query), (Occur.Must, sample)])

    @staticmethod
    def _carrying_sparse(query: Query) -> Query:
        carrying = [(Occur.Should, Query.exists_query(FACET_FIELDS[f])) for f in SPARSE_FACETS]
        return Query.boolean_query(
            [(Occur.Must, query), (Occur.Must, Query.boolean_query(carrying))]
        )

    def _aggregate(
        self, searcher, query, names: tuple[str, ...] = tuple(FACET_FIELDS)
    ) -> Aggregated:
        # Documents are counted on the numeric doc_hash column, not the doc_id strings: a
        # string cardinality has a cost that grows with the whole index, not with the matches
        # (at 867k sections, `migratie`: 24 ms against 1.6 ms; all 32 queries: 3x at p50).
        # Counting documents is most of an aggregation's cost, so the facets every section of
        # a document shares are counted together, once, on their combination (DOCUMENT_KEY):
        # each document has one, so its counts add up to the facets and the total.
        documents = {"docs": {"cardinality": {"field": "doc_hash"}}}
        aggs = {
            name: {"terms": {"field": FACET_FIELDS[name], "size": 100}, "aggs": documents}
            for name in names
            if name not in DOCUMENT_FACETS
        }
        aggs[DOCUMENT_KEY] = {
            "terms": {"field": DOCUMENT_KEY, "size": MAX_DOCUMENT_KEYS},
            "aggs": documents,
        }
        aggs["total_sections"] = {"value_count": {"field": "doc_hash"}}
        result = searcher.aggregate(query, aggs)
        facets, total_docs = _document_facets(result[DOCUMENT_KEY]["buckets"])
        for name in aggs.keys() & FACET_FIELDS.keys():
            facets[name] = {b["key"]: round(b["docs"]["value"]) for b in result[name]["buckets"]}
        facets = {name: _top_values(facets[name]) for name in names}
        sections = round(result["total_sections"]["value"] or 0)
        counted = [
            b["docs"]["value"]
            for name in aggs
            if name != "total_sections"
            for b in result[name]["buckets"]
        ]
        estimated = any(count > EXACT_CARDINALITY for count in counted)
        return Aggregated(facets, total_docs, sections, estimated)

    def stance_counts(self, query: ParsedQuery, by: str):
        with_stances = Query.boolean_query(
            [
                (Occur.Must, self.to_query(query)),
                (Occur.Must, Query.exists_query("aspect_stance")),
            ]
        )
        result = self.index.searcher().aggregate(with_stances, stance_aggregation(by))
        return read_stance_aggregation(result)

    def matching_documents(self, query: ParsedQuery) -> list[str]:
        return self._document_ids(self.to_query(query))

    def missing_keywords(self, field: str, values: list[str]) -> list[str]:
        searcher = self.index.searcher()
        return [
            value
            for value in values
            if not searcher.search(Query.term_query(self.schema, field, value), 1).count
        ]

    def keyword_values(self, field: str) -> list[str]:
        terms = {"values": {"terms": {"field": field, "size": MAX_KEYWORD_VALUES}}}
        result = self.index.searcher().aggregate(Query.exists_query(field), terms)
        return [b["key"] for b in result["values"]["buckets"]]

    def section_count(self) -> int:
        return self.index.searcher().num_docs


def _fragment(snippets, doc, text: str) -> tuple[str, int] | None:
    """Tantivy's best fragment of the section and its character offset in the text."""
    if snippets is None:
        return None
    snippet = snippets.snippet_from_doc(doc)
    html_fragment = snippet.to_html()
    if not html_fragment:
        return None
    return html_fragment, _char_offset(text, snippet.fragment_range().start)


def _highlights(generator, doc, text: str) -> Ranges:
    """Tantivy's highlights in the whole text, as character ranges."""
    if generator is None:
        return []
    snippet = generator.snippet_from_doc(doc)
    base = snippet.fragment_range().start
    encoded = text.encode()
    return [
        (_char_offset(text, base + h.start, encoded), _char_offset(text, base + h.end, encoded))
        for h in snippet.highlighted()
    ]


def _char_offset(text: str, byte_offset: int, encoded: bytes | None = None) -> int:
    """Tantivy's offsets count UTF-8 bytes; Python's count characters."""
    if text.isascii():
        return byte_offset
    return len((encoded or text.encode())[:byte_offset].decode("utf-8", "ignore"))


def _scaled(sample: Aggregated, factor: float) -> Aggregated:
    facets = {
        name: {value: round(count * factor) for value, count in counts.items()}
        for name, counts in sample.facets.items()
    }
    return Aggregated(
        facets,
        round(sample.total_docs * factor),
        round(sample.total_sections * factor),
        estimated=True,
    )


def _document_facets(buckets: list[dict]) -> tuple[dict[str, dict[str, int]], int]:
    """The type, year and source facets from the documents counted per DOCUMENT_KEY, and the
    number of documents: each document has one key, so the counts add up."""
    facets: dict[str, dict[str, int]] = {name: {} for name in DOCUMENT_FACETS}
    total = 0
    for bucket in buckets:
        count = round(bucket["docs"]["value"])
        total += count
        values = bucket["key"].split(KEY_SEPARATOR)
        for name, value in zip(DOCUMENT_FACETS, values, strict=True):
            if name == "year" and not value:
                value = UNDATED  # documents without a date have their own count
            facets[name][value] = facets[name].get(value, 0) + count
    return facets, total


def _top_values(counts: dict[str, int]) -> dict[str, int]:
    """The 100 values counted most, most first; no empty value."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return dict([(value, count) for value, count in ranked if value][:100])


def _doc_hash(doc_id: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "big", signed=True
    )


def _date_number(iso: str, end: bool = False) -> int:
    """'2022-03-01' -> 20220301; '2022' -> 20220000 (or 20229999 as an upper bound)."""
    digits = iso.replace("-", "")
    if not digits.isdigit():
        return 0
    pad = "9" if end else "0"
    return int(digits.ljust(8, pad)[:8])
