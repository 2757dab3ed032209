"""The benchmark suite: parse, import+index, query latency, at several archive sizes, against
the SQLite FTS5 baseline measured in the same run (and the cluster backend when one is given).

    .venv/bin/python -m benchmarks.run                 # the full run (all of ../shared/scale)
    .venv/bin/python -m benchmarks.run --sizes 2000    # a quick slice
    .venv/bin/python -m benchmarks.run --sizes all,1000000,2400000 --json   # growth
    .venv/bin/python -m benchmarks.run --sizes all --no-parse \
        --cluster http://127.0.0.1:9250 --cluster http://127.0.0.1:9251     # three engines
    .venv/bin/python -m benchmarks.run --sizes 400000 --no-parse --load 2   # loaded

Sizes beyond the scale corpus (242k sections) repeat its records under new CELEX numbers:
the vocabulary stays that of the corpus, the postings, stored text and archive grow.

Ratios are the result; absolute times depend on how busy the machine is.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from benchmarks.fts5_baseline import Fts5Baseline
from benchmarks.load import busy_processes
from benchmarks.queries import QUERIES, BenchQuery
from index.archive.database import Archive
from index.archive.importer import index_pending
from index.search.contract import SearchRequest, section_entries
from index.search.embedded import EmbeddedBackend
from index.search.query import Filters, parse_query
from parsers import ParseError, parse_file
from parsers.readers.jsonrecord import passages

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
SCALE = SHARED / "scale" / "eurlex-nl.jsonl.gz"
WARM_ROUNDS = 5


@dataclass
class Latency:
    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        ms = sorted(s * 1000 for s in seconds)
        return cls(_pct(ms, 50), _pct(ms, 95), _pct(ms, 99))


def _pct(sorted_ms: list[float], pct: int) -> float:
    index = min(len(sorted_ms) - 1, math.ceil(pct / 100 * len(sorted_ms)) - 1)
    return sorted_ms[max(index, 0)]


# --- 1. parsing ---------------------------------------------------------------------------


def bench_parse() -> dict:
    corpus = SHARED / "corpus"
    pdfs = sorted(corpus.rglob("*.pdf"))
    markup = sorted(
        p for p in corpus.rglob("*") if p.suffix in (".xml", ".html", ".xhtml") and p.is_file()
    )
    pages, pdf_seconds = 0, 0.0
    for pdf in pdfs:
        started = time.perf_counter()
        with contextlib.suppress(ParseError):
            parse_file(pdf)
        pdf_seconds += time.perf_counter() - started
        pages += _pdf_pages(pdf)
    started = time.perf_counter()
    for path in markup:
        with contextlib.suppress(ParseError):
            parse_file(path)
    markup_seconds = time.perf_counter() - started
    started = time.perf_counter()
    files = [p for p in corpus.rglob("*") if p.is_file() and not p.name.endswith(".md")]
    for path in files:
        with contextlib.suppress(ParseError):
            parse_file(path)
    corpus_seconds = time.perf_counter() - started
    return {
        "corpus_files": len(files),
        "corpus_seconds": corpus_seconds,
        "pdf_pages": pages,
        "pdf_pages_per_s": pages / pdf_seconds,
        "markup_docs": len(markup),
        "markup_docs_per_s": len(markup) / markup_seconds,
    }


def _pdf_pages(path: Path) -> int:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # a broken PDF counts no pages
        return 0


# --- 2. import and index through the product's own path ------------------------------------


def scale_slice(target_sections: int | None, folder: Path) -> tuple[Path, int]:
    """About `target_sections` passages of the scale corpus, and how many times its records
    were repeated to get there (0: a slice of it). Beyond the corpus, each repeat carries new
    CELEX numbers, so every record is a new raw file and a new document."""
    if target_sections is None:
        return SCALE, 0
    out = folder / f"scale-{target_sections}.jsonl"
    sections, repeat = 0, 0
    with open(out, "wb") as sink:
        while sections < target_sections:
            with gzip.open(SCALE, "rb") as source:
                for number, line in enumerate(source):
                    sink.write(_renumbered(line, repeat))
                    sections += _passage_count(number, line)
                    if sections >= target_sections:
                        break
            repeat += 1
    return out, repeat - 1


_PASSAGES: list[int] = []  # per record of the scale corpus, counted once per run


def _passage_count(number: int, line: bytes) -> int:
    """The sections the reader will cut this record into (so a size means what it says)."""
    if number == len(_PASSAGES):
        _PASSAGES.append(_passages_in(line))
    return _PASSAGES[number]


def _passages_in(line: bytes) -> int:
    try:
        return len(passages(orjson.loads(line)["text"].strip()))
    except (orjson.JSONDecodeError, KeyError, AttributeError):
        return 1


_CELEX_FIELD = re.compile(rb'"celex":\s*"([^"]*)"')


def _renumbered(line: bytes, repeat: int) -> bytes:
    """The record with a CELEX number of its own for this repeat: 31975R1009 -> 31975R1009_90001
    (a CELEX variant suffix the reader accepts), 31958D1006_01 -> 31958D1006_9000101."""
    if repeat == 0:
        return line

    def renumber(match: re.Match) -> bytes:
        base, _, variant = match.group(1).partition(b"_")
        return b'"celex": "%s_9%04d%s"' % (base, repeat, variant)

    return _CELEX_FIELD.sub(renumber, line, count=1)


# Peak RSS counts the index files Tantivy maps while it merges segments: clean pages the
# kernel drops when memory is short, gigabytes at millions of sections. The peak of the
# process's own (anonymous) memory is what an import needs; Linux reports it only as it is
# now, so a thread samples it.
_ANON_SAMPLER = (
    "import threading, time\n"
    "PEAK_ANON_KB = [0]\n"
    "def _sample_anon():\n"
    "    while True:\n"
    "        with open('/proc/self/status') as status:\n"
    "            for line in status:\n"
    "                if line.startswith('RssAnon:'):\n"
    "                    PEAK_ANON_KB[0] = max(PEAK_ANON_KB[0], int(line.split()[1]))\n"
    "        time.sleep(0.2)\n"
    "if sys.platform == 'linux':\n"
    "    threading.Thread(target=_sample_anon, daemon=True).start()\n"
)


def import_with_cli(path: Path, home: Path) -> tuple[float, float, float, dict]:
    """Run `fiche-search import PATH --json` in a fresh process: seconds, peak RSS (MB), peak
    anonymous memory (MB; 0 where /proc is missing), report."""
    runner = (
        "import resource, sys\n" + _ANON_SAMPLER + "from cli.main import cli\n"
        "try:\n"
        "    cli.main(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'PEAK_RSS_KB={rss} PEAK_ANON_KB={PEAK_ANON_KB[0]}', file=sys.stderr)\n"
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", runner, "import", str(path), "--json", "--home", str(home)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, FICHE_BACKEND="embedded"),
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr[-2000:]}")
    rss_kb = int(result.stderr.rsplit("PEAK_RSS_KB=", 1)[1].split()[0])
    anon_kb = int(result.stderr.rsplit("PEAK_ANON_KB=", 1)[1].split()[0])
    return seconds, rss_kb / 1024, anon_kb / 1024, json.loads(result.stdout)


def build_fts5(archive: Archive, path: Path) -> tuple[Fts5Baseline, int, float]:
    baseline = Fts5Baseline(path)
    started = time.perf_counter()
    count = 0
    batch = []
    for doc in archive.documents():
        batch.extend(section_entries(doc))
        if len(batch) >= 5000:
            count += baseline.add(batch)
            batch = []
    count += baseline.add(batch)
    return baseline, count, time.perf_counter() - started


# --- 3. queries --------------------------------------------------------------------------


def embedded_request(query: BenchQuery) -> SearchRequest:
    return SearchRequest(query=parse_query(query.text, Filters(**query.filters)), limit=10)


def time_queries(run_one) -> tuple[Latency, Latency]:
    """Cold: the first run of each query; warm: WARM_ROUNDS more rounds."""
    cold = []
    for query in QUERIES:
        started = time.perf_counter()
        run_one(query)
        cold.append(time.perf_counter() - started)
    warm = []
    for _ in range(WARM_ROUNDS):
        for query in QUERIES:
            started = time.perf_counter()
            run_one(query)
            warm.append(time.perf_counter() - started)
    return Latency.of(cold), Latency.of(warm)


@dataclass
class ClusterRun:
    """One node's figures at one size, or why there are none: `failure` says what happened to
    a node that could not be reached, died or timed out (the run goes on with the others)."""

    url: str
    engine: str  # "opensearch" / "elasticsearch" as the node says; "?" if it never answered
    sections_per_s: float = 0.0
    cold: Latency | None = None
    warm: Latency | None = None
    failure: str = ""


def bench_clusters(archive: Archive, urls: list[str], label: str, timeout: int) -> list[ClusterRun]:
    """Every node in turn on the same archive, so their figures share one import."""
    return [bench_cluster(archive, url, label, timeout) for url in urls]


def bench_cluster(archive: Archive, url: str, label: str, timeout: int) -> ClusterRun:
    """The same archive bulk-indexed into the cluster backend, and the same queries; the
    engine (OpenSearch or Elasticsearch) is the one the node at URL says it is."""
    from index.search.cluster import ClusterBackend
    from index.search.cluster_clients import OpenSearchClient

    run = ClusterRun(url, "?")
    alias = f"bench-{label}-{uuid.uuid4().hex[:6]}"
    try:
        client = OpenSearchClient(url, timeout=timeout)
    except Exception as error:  # noqa: BLE001 - any failure of a node is a figure, not a crash
        run.failure = f"unreachable ({_reason(error)})"
        return run
    run.engine = client.server.engine
    stage = "creating the index"
    try:
        backend = ClusterBackend(client, run.engine, alias=alias)
        stage = "bulk indexing"
        started = time.perf_counter()
        index_pending(archive, backend)
        seconds = time.perf_counter() - started
        run.sections_per_s = backend.section_count() / seconds
        stage = "the queries"
        run.cold, run.warm = time_queries(lambda q: backend.search(embedded_request(q)))
    except Exception as error:  # noqa: BLE001 - a node that dies mid-run is reported
        run.failure = f"failed during {stage} ({_reason(error)})"
    finally:
        archive.forget_indexed(run.engine)
        with contextlib.suppress(Exception):  # a dead node keeps its index; nothing to do
            for name in client.indexes_of(alias):
                client.delete_index(name)
    return run


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0][:160] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def bench_size(target: int | None, work: Path, limits: Limits) -> dict:
    label = str(target or "all")
    home = work / f"home-{label}"
    if home.exists():  # importing into it again would measure files found unchanged
        raise SystemExit(f"{home} already holds an archive: give an empty --work folder")
    source, repeats = scale_slice(target, work)
    seconds, rss_mb, anon_mb, report = import_with_cli(source, home)
    if source != SCALE:
        source.unlink()  # the raw files in the archive hold the same bytes
    archive = Archive(home)
    sections = archive.statistics.section_count()
    backend = EmbeddedBackend(archive.index_dir / "tantivy")
    cold, warm = time_queries(lambda q: backend.search(embedded_request(q)))
    fts = None
    if sections <= limits.fts5_max:
        fts = bench_fts5(archive, work / f"fts5-{label}.sqlite")
    clusters = []
    if sections <= limits.cluster_max:
        clusters = bench_clusters(archive, limits.cluster_urls, label, limits.cluster_timeout)
    text_mb = source_text_mb(archive)
    raw_mb, sqlite_mb = _folder_mb(home / "raw"), sum(_file_mb(p) for p in home.glob("*.sqlite*"))
    index_mb = _folder_mb(home / "index")
    archive.close()
    return {
        "size": label,
        "repeats": repeats,
        "documents": report["documents"],
        "sections": sections,
        "import_seconds": seconds,
        "import_sections_per_s": sections / seconds,
        "import_text_mb_per_s": text_mb / seconds,
        "import_peak_rss_mb": rss_mb,
        "import_peak_anon_mb": anon_mb,
        "embedded_cold": cold,
        "embedded_warm": warm,
        "fts5": fts,
        "clusters": clusters,
        "text_mb": text_mb,
        "raw_mb": raw_mb,
        "sqlite_mb": sqlite_mb,
        "index_mb": index_mb,
        "index_vs_input": index_mb / text_mb,
        "stored_vs_input": (raw_mb + sqlite_mb + index_mb) / text_mb,
    }


@dataclass
class Limits:
    """Up to which size the slower baselines are measured (sections)."""

    fts5_max: int
    cluster_max: int
    cluster_urls: list[str]
    cluster_timeout: int = 120  # seconds a node may take to answer one request


def bench_fts5(archive: Archive, path: Path) -> dict:
    fts, sections, seconds = build_fts5(archive, path)
    cold, warm = time_queries(lambda q: fts.search(q.text, q.filters))
    fts.db.close()
    path.unlink()
    return {"sections_per_s": sections / seconds, "cold": cold, "warm": warm}


def source_text_mb(archive: Archive) -> float:
    row = archive.db.execute("SELECT SUM(size) FROM raw_files").fetchone()
    return (row[0] or 0) / 1e6


def _file_mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


# --- report ------------------------------------------------------------------------------


def print_report(parse: dict | None, sizes: list[dict]) -> None:
    print(
        f"machine: {os.cpu_count()} cores, {_memory_gb():.0f} GB; python {sys.version.split()[0]};"
        f" load average at the end {os.getloadavg()[0]:.1f}"
    )
    if parse:
        print(
            f"parse: {parse['pdf_pages_per_s']:.1f} PDF pages/s ({parse['pdf_pages']} pages), "
            f"{parse['markup_docs_per_s']:.1f} XML/HTML documents/s "
            f"({parse['markup_docs']} files); "
            f"the whole corpus ({parse['corpus_files']} files) in {parse['corpus_seconds']:.1f} s"
        )
    if len(sizes) > 1:
        _print_growth(sizes)


def print_size(s: dict, limits: Limits, flush: bool = False) -> None:
    print(f"\n== {s['sections']} sections ({s['documents']} documents, slice {s['size']})")
    if s["repeats"]:
        print(
            f"input: the scale corpus's records repeated {s['repeats']} more times under"
            " new CELEX numbers (same vocabulary, more postings and stored text)"
        )
    if s["load"]:
        print(f"loaded: {s['load']} busy processes ran beside the import and the queries (--load)")
    _print_import(s)
    _print_latency(s)
    if not s["fts5"]:
        print(f"FTS5 not measured above {limits.fts5_max:,} sections (--fts5-max)")
    if s["clusters"]:
        _print_engines(s)
    elif limits.cluster_urls:
        print(f"the cluster not measured above {limits.cluster_max:,} sections (--cluster-max)")
    print(f"load average now: {os.getloadavg()[0]:.1f}", flush=flush)


def _print_import(s: dict) -> None:
    line = (
        f"import+index: {s['import_sections_per_s']:,.0f} sections/s, "
        f"{s['import_text_mb_per_s']:.1f} MB of text/s "
        f"({s['import_seconds']:.1f} s, peak RSS {s['import_peak_rss_mb']:.0f} MB,"
        f" peak anonymous memory {s['import_peak_anon_mb']:.0f} MB)"
    )
    if s["fts5"]:
        fts_rate = s["fts5"]["sections_per_s"]
        line += f"; FTS5 insert alone: {fts_rate:,.0f} sections/s"
        line += f" (ratio {s['import_sections_per_s'] / fts_rate:.2f})"
    print(line)
    print(
        f"sizes: input {s['text_mb']:.0f} MB; archive: raw files {s['raw_mb']:.0f} MB "
        f"+ SQLite {s['sqlite_mb']:.0f} MB; Tantivy index {s['index_mb']:.0f} MB "
        f"({s['index_vs_input']:.2f}x the input); archive + index {s['stored_vs_input']:.2f}x"
        " the input"
    )


def _print_latency(s: dict) -> None:
    print(f"{'latency ms':<22}{'p50':>8}{'p95':>8}{'p99':>8}   ratio to FTS5 (p50/p95)")
    for name in ("cold", "warm"):
        base = s["fts5"][name] if s["fts5"] else None
        rows = [(f"embedded {name}", s[f"embedded_{name}"])]
        if base:
            rows.append((f"fts5 {name}", base))
        for label, lat in rows:
            print(f"{label:<22}{lat.p50:>8.2f}{lat.p95:>8.2f}{lat.p99:>8.2f}", end="")
            if base is None or lat is base:
                print()
                continue
            print(f"   {base.p50 / lat.p50:.1f}x / {base.p95 / lat.p95:.1f}x faster")


def _print_engines(s: dict) -> None:
    """Embedded and every node side by side on the same archive; beside each node's figure,
    how many times faster the embedded index is (above 1: embedded is faster)."""
    runs: list[ClusterRun] = s["clusters"]
    print(f"\nengines on the same {s['sections']:,} sections (in brackets: embedded is Nx faster)")
    names = ["embedded"] + [run.engine for run in runs]
    print(f"{'':<28}" + "".join(f"{name:>22}" for name in names))
    rate = s["import_sections_per_s"]
    cells = [f"{rate:,.0f}"] + [
        _cell(run, run.sections_per_s, rate / run.sections_per_s if run.sections_per_s else 0, 0)
        for run in runs
    ]
    print(f"{'import / bulk sections/s':<28}" + "".join(f"{c:>22}" for c in cells))
    for name in ("warm", "cold"):
        for pct in ("p50", "p95", "p99"):
            mine = getattr(s[f"embedded_{name}"], pct)
            cells = [f"{mine:.2f}"]
            for run in runs:
                lat = getattr(run, name)
                theirs = getattr(lat, pct) if lat else 0.0
                cells.append(_cell(run, theirs, theirs / mine if lat else 0.0))
            print(f"{name + ' ' + pct + ' ms':<28}" + "".join(f"{c:>22}" for c in cells))
    for run in runs:
        if run.failure:
            print(f"{run.engine} at {run.url}: {run.failure}")


def _cell(run: ClusterRun, value: float, embedded_faster: float, decimals: int = 2) -> str:
    if run.failure and not value:
        return "failed"
    return f"{value:,.{decimals}f} ({embedded_faster:.2f}x)"


def _print_growth(sizes: list[dict]) -> None:
    """Each figure against the smallest size measured: flat growth keeps rates at 1.0x."""
    first = sizes[0]
    print(f"\ngrowth against {first['sections']:,} sections (x the data, then x each figure)")
    for s in sizes[1:]:
        print(
            f"{s['sections'] / first['sections']:.1f}x the sections: import rate"
            f" {s['import_sections_per_s'] / first['import_sections_per_s']:.2f}x,"
            f" peak RSS {s['import_peak_rss_mb'] / first['import_peak_rss_mb']:.2f}x"
            f" (anonymous {s['import_peak_anon_mb'] / max(first['import_peak_anon_mb'], 1):.2f}x),"
            f" warm p50 {s['embedded_warm'].p50 / first['embedded_warm'].p50:.2f}x,"
            f" warm p95 {s['embedded_warm'].p95 / first['embedded_warm'].p95:.2f}x"
        )


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def cluster_urls(given: list[str] | None) -> list[str]:
    """--cluster URL --cluster URL, or --cluster URL,URL; $FICHE_ES_URL when none is given;
    an empty one (--cluster '') measures no node."""
    values = given if given is not None else [os.environ.get("FICHE_ES_URL", "")]
    urls = [url.strip() for value in values for url in value.split(",")]
    return list(dict.fromkeys(url for url in urls if url))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000,all",
        help="comma-separated section counts ('all' = the whole scale corpus, 242k sections;"
        " larger counts repeat its records under new CELEX numbers)",
    )
    parser.add_argument("--no-parse", action="store_true", help="skip the corpus parse figures")
    parser.add_argument("--work", default=None, help="the working folder (default: a new temp)")
    parser.add_argument(
        "--keep", action="store_true", help="keep each size's archive in the working folder"
    )
    parser.add_argument(
        "--cluster",
        action="append",
        default=None,
        metavar="URL",
        help="an OpenSearch or Elasticsearch node: also measure the cluster backend on it, on"
        " the same archive. Repeatable (or URL,URL): every node side by side in one table"
        " (default: $FICHE_ES_URL)",
    )
    parser.add_argument(
        "--cluster-timeout",
        type=int,
        default=120,
        help="seconds a node may take to answer one request before it counts as failed",
    )
    parser.add_argument(
        "--load",
        type=int,
        default=0,
        metavar="N",
        help="run N CPU-busy processes beside each size's import and queries (a loaded"
        " machine: --load 2 keeps both cores of a 2-core machine busy)",
    )
    parser.add_argument("--fts5-max", type=int, default=1_000_000, help="FTS5 up to this size")
    parser.add_argument(
        "--cluster-max", type=int, default=1_000_000, help="the cluster up to this size"
    )
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    sizes = [None if s == "all" else int(s) for s in args.sizes.split(",")]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="fiche-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    limits = Limits(
        args.fts5_max, args.cluster_max, cluster_urls(args.cluster), args.cluster_timeout
    )
    parse = None if args.no_parse else bench_parse()
    results = []
    for size in sizes:
        with busy_processes(args.load):
            results.append(bench_size(size, work, limits))
        results[-1]["load"] = args.load
        if not args.keep:  # a failure to delete must not lose the figures measured
            shutil.rmtree(work / f"home-{size or 'all'}", ignore_errors=True)
        if not args.json:  # each size as soon as it is measured: the large ones take long
            print_size(results[-1], limits, flush=True)
    if args.json:
        figures = {"parse": parse, "sizes": results, "load_average": os.getloadavg()[0]}
        print(json.dumps(figures, default=lambda o: asdict(o), indent=1))
        return
    print_report(parse, results)
    print(f"\nworking folder: {work}")


if __name__ == "__main__":
    main()
