"""Compounds split into their parts (index/search/compounds.py) and searched in the embedded
backend, on real EUR-Lex records from ../shared/scale: parts found, whole words ranked above parts,
hyphen variants, and quotes meaning the exact word."""

import gzip
import hashlib
import itertools
import json
import os
import re

import pytest
from cli_helpers import run_cli, run_cli_here
from conftest import SEED, SHARED

from benchmarks.compound_splits import read_gold, score
from index.search.compound_dictionary import installed_dictionary
from index.search.compounds import (
    MIN_COMPOUND,
    RULES,
    SPLITS_VERSION,
    Decompounder,
    decompounder,
    files_digest,
    fold,
    hyphen_pieces,
)
from index.search.contract import SearchRequest
from index.search.embedded import PARTS_INPUT_VERSION, EmbeddedBackend
from index.search.inflections import TABLE_VERSION, inflections
from index.search.query import Filters, Or, Phrase, Word, parse_query
from parsers import parse_bytes

SCALE_RECORDS = 1500


@pytest.mark.parametrize(
    "word, parts",
    [
        ("arbeidsmigratie", ("arbeid", "migratie")),
        ("landbouwbeleid", ("landbouw", "land", "bouw", "beleid")),
        ("arbeidsmarktbeleid", ("arbeidsmarkt", "arbeid", "markt", "beleid")),
        ("staatssteun", ("staat", "steun")),  # the linking -s- is no part of the word
        ("kinderopvang", ("kind", "opvang")),  # nor -er-
        ("wiskundeonderwijs", ("wiskunde", "onderwijs")),  # wiskunde is no wis + kunde
        ("binnenmarkt", ("binnen", "markt")),
    ],
)
def test_compounds_split_into_their_parts(word, parts):
    assert decompounder().parts(word) == parts


@pytest.mark.parametrize(
    "word",
    # derivations, not compounds: a particle or prefix in front, a suffix behind
    [
        *("uitvoering", "samenwerking", "overeenkomst", "bestuur", "bestemming", "vriendschap"),
        *("nationale", "handelingen", "instellingen", "noodzakelijk", "financien"),
    ],
)
def test_derived_words_stay_whole(word):
    assert decompounder().parts(word) == ()


@pytest.mark.parametrize(
    "word",
    # words of the scale corpus that were cut into a word-list entry and a suffix or ending
    [
        *("autoriteit", "houdende", "uitvoerend", "bevredigend", "uitgroeiende"),  # -eit, -end(e)
        *("werkzaamheden", "aangelegenheden", "overeenkomsten", "meerjarige"),  # -heden, -jarig
        *("terugtrekking", "legeringen", "waardering", "schrapping"),  # -ing after a stem
        *("uittreksels", "managers", "kwekerijen", "diensten"),  # a plural of a simple word
        *("transmissie", "transacties", "infrastructuren", "oppervlakte", "wederuitvoer"),
        *("halogeen", "schroeven", "eveneens", "zichzelf"),  # halo + geen, schro + even
        *("bijeenkomsten", "tegemoetkomende"),  # a particle in front, as uit- and samen-
    ],
)
def test_suffixes_endings_and_prefixes_are_no_parts(word):
    assert decompounder().parts(word) == ()


@pytest.mark.parametrize(
    "word, parts",
    [
        # the head keeps its ending, and the ending alone is no part
        ("controleautoriteit", ("controle", "autoriteit")),
        ("mededingingsautoriteit", ("mededinging", "autoriteit")),
        ("oliehoudende", ("olie", "houdende")),
        ("toezichthoudende", ("toezicht", "houdende")),
        # a modifier in -e or -er is a word of its own: no opnam, rent, indring
        ("opnamesnelheid", ("opname", "snelheid")),
        ("rentetarief", ("rente", "tarief")),
        ("indringerdetectie", ("indringer", "detectie")),
        ("burgerbescherming", ("burger", "bescherming")),
        # weder- before a compound is cut off, so the compound's parts are found; a prefix
        # whose word is about the rest is a modifier (transacties and infrarood stay whole)
        ("wederaanpassingssteun", ("weder", "aanpassingssteun", "aanpassing", "steun")),
        ("antidumping", ("anti", "dumping")),
        # compounds of the gold that every guard leaves as they were
        ("gedragscodes", ("gedrag", "codes")),
        ("vergunninghouder", ("vergunning", "houder")),
        ("concurrentieverstorende", ("concurrentie", "verstorende")),
    ],
)
def test_compounds_of_the_scale_corpus_split_right(word, parts):
    assert decompounder().parts(word) == parts


def test_without_the_guards_the_splitter_cuts_as_it_did():
    """The benchmark's `before` is the splitter with no guards: the false splits it measured."""
    before = Decompounder(decompounder().words, rules=frozenset())
    assert before.parts("autoriteit") == ("autorit", "eit")
    assert before.parts("houdende") == ("houd", "ende")
    assert before.parts("opnamesnelheid") == ("opnam", "snelheid")


def test_the_guards_raise_precision_on_the_gold_and_keep_recall():
    """Scored against the hand-judged gold of benchmarks/compounds: every guard removes a false
    or wrong split that the others leave, and all of them together lose no right split."""
    gold = read_gold()
    words = decompounder().words
    guarded = score(Decompounder(words), gold)
    before = score(Decompounder(words, rules=frozenset()), gold)
    assert guarded.precision > 0.95 > before.precision
    assert guarded.right >= before.right
    for rule in RULES:
        unguarded = score(Decompounder(words, rules=RULES - {rule}), gold)
        assert unguarded.false + unguarded.wrong > guarded.false + guarded.wrong, rule


def test_the_long_words_of_a_real_record_split_into_the_parts_of_its_compounds():
    record = _scale_records(1)[0]
    splitter = decompounder()
    words = {fold(w) for w in record["text"].split() if w.isalpha() and len(w) >= MIN_COMPOUND}
    parts = [p for word in words for p in splitter.parts(word)]
    # the first record says tijdstip and overgangsbepalingen
    assert {"tijd", "stip", "overgang", "bepalingen"} <= set(parts)
    assert all(p.isalpha() and p == p.lower() for p in parts)


def test_a_small_word_list_splits_by_the_same_rules():
    small = Decompounder(frozenset({"visserij", "beleid", "lid", "staten", "mededinging", "wet"}))
    assert small.parts("visserijbeleid") == ("visserij", "beleid")
    assert small.parts("mededingingswet") == ("mededinging", "wet")
    assert small.parts("lidstaten") == ()  # a modifier of three letters is mostly chance
    assert small.parts("onbekendbeleid") == ()


def test_hyphenated_words_are_a_phrase_or_one_word():
    assert hyphen_pieces("wiskunde-onderwijs") == ("wiskunde", "onderwijs")
    assert hyphen_pieces("F-35") == ()
    tree = parse_query("douane-entrepots", Filters()).text
    assert tree == Or((Phrase(("douane", "entrepots")), Word("douaneentrepots")))


def test_a_quoted_word_is_the_exact_word():
    assert parse_query('"overeenkomst"', Filters()).text == Phrase(("overeenkomst",))


# --- searching real records -------------------------------------------------------------------


def _scale_records(count: int) -> list[dict]:
    with gzip.open(SHARED / "scale" / "eurlex-nl.jsonl.gz", "rt") as lines:
        return [json.loads(line) for line in itertools.islice(lines, count)]


@pytest.fixture(scope="module")
def scale(tmp_path_factory):
    """The first records of the scale corpus: their texts by id, and an index of them."""
    backend = EmbeddedBackend(tmp_path_factory.mktemp("compounds") / "tantivy")
    texts = {}
    for record in _scale_records(SCALE_RECORDS):
        documents = parse_bytes(json.dumps(record).encode(), filename=f"{record['celex']}.json")
        backend.add(documents)
        for doc in documents:
            sections = (f"{s.heading}\n{s.text}" for s in doc.sections)
            texts[doc.id] = "\n".join([doc.title, *sections]).lower()
    backend.close()
    return texts, backend


def _ids(backend, text: str, limit: int = 2000) -> list[str]:
    request = SearchRequest(query=parse_query(text, Filters()), limit=limit)
    return [hit.id for hit in backend.search(request).hits]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def test_a_part_finds_documents_that_hold_it_only_inside_compounds(scale):
    texts, backend = scale
    only_inside = {
        doc_id
        for doc_id, text in texts.items()
        if "landbouwbeleid" in _words(text) and "beleid" not in _words(text)
    }
    assert len(only_inside) >= 3
    assert only_inside <= set(_ids(backend, "beleid"))


def test_whole_words_rank_above_parts(scale):
    texts, backend = scale
    ranked = _ids(backend, "beleid", limit=400)
    # whole: a word of the document is a form of beleid (index/search/inflections.py; begeleidende,
    # which the stemmer also reads as "beleid", is a form of begeleiden)
    forms = set(inflections().forms(inflections().key("beleid")))
    has_word = {d: bool(forms & _words(texts[d])) for d in ranked}
    whole = [i for i, doc_id in enumerate(ranked) if has_word[doc_id]]
    parts_only = [i for i, doc_id in enumerate(ranked) if not has_word[doc_id]]
    assert whole and parts_only
    assert max(whole) < min(parts_only)


def test_a_quoted_word_finds_only_documents_with_that_exact_word(scale):
    texts, backend = scale
    quoted = _ids(backend, '"overeenkomst"')
    assert quoted
    assert all("overeenkomst" in _words(texts[doc_id]) for doc_id in quoted)
    # unquoted, the stemmed word also finds overeenkomsten (and more)
    assert len(_ids(backend, "overeenkomst")) > len(quoted)


def test_hyphen_variants_find_each_other(scale):
    texts, backend = scale
    hyphenated = {i for i, t in texts.items() if re.search(r"\bdouane-entrepot\b", t)}
    assert hyphenated
    assert hyphenated <= set(_ids(backend, "douaneentrepot"))
    joined = {i for i, t in texts.items() if "zuivelfabrieken" in _words(t)}
    assert joined
    assert joined <= set(_ids(backend, "zuivel-fabrieken"))


def test_a_missing_word_list_is_one_clear_line_and_exit_1(tmp_path, monkeypatch):
    monkeypatch.setenv("FICHE_DUTCH_WORDS", str(tmp_path / "no-such-list"))
    result = run_cli("import", str(SEED), home=tmp_path / "home")
    assert result.returncode == 1
    assert "wdutch" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_index_of_older_compound_splits_is_refused_until_it_is_rebuilt(tmp_path):
    home = tmp_path / "home"
    assert run_cli_here("import", str(SEED), home=home).returncode == 0
    stamp = home / "index" / "tantivy" / "fiche-analysis"
    inflections = f"inflections {TABLE_VERSION}\n"
    splits = f"compound splits {SPLITS_VERSION} {installed_dictionary().name}"
    assert stamp.read_text() == f"{splits} input {PARTS_INPUT_VERSION}\n{inflections}"
    # as the release before left it: the same splits, the parts field given its words unfolded
    stamp.write_text(f"{splits}\n{inflections}")
    refused = run_cli_here("blauwe kaart", home=home)
    assert refused.returncode == 1, refused.stderr
    assert "fiche-search reindex" in refused.stderr and "Traceback" not in refused.stderr
    assert run_cli_here("reindex", home=home).returncode == 0
    found = run_cli_here("blauwe kaart", home=home)
    assert found.returncode == 0 and "documents" in found.stdout


def test_a_files_digest_is_remembered_until_the_file_changes(tmp_path):
    """The web opens the index per request; the word list is hashed once per process."""
    words = tmp_path / "words.txt"
    words.write_text("fiets\n", encoding="utf-8")
    first = files_digest(words)
    stamp = words.stat().st_mtime_ns
    words.write_text("boten\n", encoding="utf-8")  # same size
    os.utime(words, ns=(stamp, stamp))  # and the same time: taken as the same file
    assert files_digest(words) == first
    os.utime(words, ns=(stamp + 10**9, stamp + 10**9))  # touched: read again
    assert files_digest(words) == hashlib.sha256(b"boten\n").hexdigest() != first
