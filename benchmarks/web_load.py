"""The web under load: `fiche-search serve` started as a user starts it (its own process, a real
HTTP server on loopback), then 1, 4 and 16 concurrent clients running the benchmark's 32 queries
through the search page and its JSON API, with their filters, on pages 1-3.

    .venv/bin/python -m benchmarks.web_load --home HOME                 # 1, 4, 16 clients, 30 s
    .venv/bin/python -m benchmarks.web_load --home HOME --requests 500  # a count per level
    .venv/bin/python -m benchmarks.web_load --home HOME --load 2 --json # beside 2 busy cores

Prints, per client count, requests/s, p50/p95/p99 of the requests answered 200 and the errors
(any other status, a timeout, a connection error), and how many cores the server used. Each
client keeps one connection open, as a browser does, and opens a new one after an error.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.load import busy_processes
from benchmarks.queries import QUERIES, BenchQuery
from benchmarks.run import Latency

ROOT = Path(__file__).resolve().parents[1]
CLIENT_COUNTS = (1, 4, 16)
PAGES = (1, 2, 3)
REQUEST_TIMEOUT = 30.0  # seconds; longer than the server's own limit per search (10 s)
# BenchQuery.filters names Filters' attributes; the web's parameters are the filters' names.
WEB_PARAMETER = {
    "doc_types": "type",
    "sections": "section",
    "stances": "stance",
    "years": "year",
    "since": "since",
    "until": "until",
}


@dataclass
class Level:
    """One client count's figures."""

    clients: int
    requests: int  # answered or failed
    seconds: float
    requests_per_s: float
    latency: Latency | None  # of the requests answered 200; None if none was
    errors: int
    error_kinds: dict[str, int] = field(default_factory=dict)  # "HTTP 503", "timeout" -> count
    server_cores: float = 0.0  # the server's CPU seconds per second of the level


@dataclass
class Report:
    home: str
    sections: int
    urls: int  # distinct request URLs the clients cycle through
    load: int  # busy processes beside it (--load)
    levels: list[Level]
    load_average: float = 0.0


# --- the requests ----------------------------------------------------------------------


def search_paths(queries: list[BenchQuery] = QUERIES) -> list[str]:
    """Every query as the search page and as JSON, on pages 1-3, in a fixed shuffled order
    (so that neighbouring requests are not the same search)."""
    paths = [
        "/?" + urlencode(parameters(query, page, fmt))
        for query in queries
        for page in PAGES
        for fmt in ("html", "json")
    ]
    random.Random(27).shuffle(paths)
    return paths


def parameters(query: BenchQuery, page: int, fmt: str) -> list[tuple[str, str]]:
    out = [("q", query.text)]
    for name, value in query.filters.items():
        values = value if isinstance(value, list) else [value]
        out.extend((WEB_PARAMETER[name], str(one)) for one in values)
    if page != 1:
        out.append(("page", str(page)))
    if fmt != "html":
        out.append(("format", fmt))
    return out


# --- the server --------------------------------------------------------------------------


@contextlib.contextmanager
def serving(home: Path, timeout: float = 120.0) -> Iterator[tuple[str, int, int]]:
    """`fiche-search serve --home HOME` on a free loopback port, in a process of its own:
    (host, port, the server's process id) once it answers; stopped when the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "cli.main", "serve", "--home", str(home), "--port", str(port)]
    server = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_until_answering("127.0.0.1", port, server, timeout)
        yield "127.0.0.1", port, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
        server.stderr.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(host: str, port: int, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            reason = server.stderr.read().decode(errors="replace").strip().splitlines()
            raise SystemExit(f"fiche-search serve stopped: {reason[-1] if reason else '?'}")
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection(host, port, timeout=5)
            connection.request("GET", "/freshness")
            if connection.getresponse().status == 200:
                connection.close()
                return
        time.sleep(0.2)
    raise SystemExit(f"fiche-search serve did not answer on port {port} in {timeout:.0f} s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (0 where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- the clients -------------------------------------------------------------------------


class Work:
    """The next path to ask for, shared by the clients: a level ends at `deadline` (monotonic)
    or after `limit` requests, whichever is given."""

    def __init__(self, paths: list[str], deadline: float | None, limit: int | None):
        if deadline is None and limit is None:
            raise ValueError("a level needs a duration or a request count")
        self.paths, self.deadline, self.limit = paths, deadline, limit
        self.taken = 0
        self.lock = threading.Lock()

    def next_path(self) -> str | None:
        with self.lock:
            if self.limit is not None and self.taken >= self.limit:
                return None
            if self.deadline is not None and time.monotonic() >= self.deadline:
                return None
            path = self.paths[self.taken % len(self.paths)]
            self.taken += 1
            return path


@dataclass
class Outcome:
    seconds: list[float] = field(default_factory=list)  # of the requests answered 200
    errors: Counter = field(default_factory=Counter)  # kind -> count


def client(host: str, port: int, work: Work, outcome: Outcome) -> None:
    """One reader: a request at a time on one kept-open connection, as fast as answered."""
    connection = http.client.HTTPConnection(host, port, timeout=REQUEST_TIMEOUT)
    while (path := work.next_path()) is not None:
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except TimeoutError:
            status = "timeout"
        except (OSError, http.client.HTTPException) as error:
            status = f"connection error ({type(error).__name__})"
        elapsed = time.perf_counter() - started
        if status == 200:
            outcome.seconds.append(elapsed)
            continue
        outcome.errors[status if isinstance(status, str) else f"HTTP {status}"] += 1
        connection.close()  # the next request opens a new connection
    connection.close()


def run_level(
    host: str,
    port: int,
    paths: list[str],
    clients: int,
    seconds: float | None = None,
    requests: int | None = None,
    server_pid: int | None = None,
) -> Level:
    """`clients` readers at once, for `seconds` or `requests` in all."""
    started = time.monotonic()
    work = Work(paths, started + seconds if seconds else None, requests)
    outcomes = [Outcome() for _ in range(clients)]
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    threads = [
        threading.Thread(target=client, args=(host, port, work, outcome)) for outcome in outcomes
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cpu = (cpu_seconds(server_pid) - cpu_before) if server_pid else 0.0
    answered = [s for outcome in outcomes for s in outcome.seconds]
    errors = sum((outcome.errors for outcome in outcomes), Counter())
    total = len(answered) + sum(errors.values())
    return Level(
        clients=clients,
        requests=total,
        seconds=elapsed,
        requests_per_s=total / elapsed,
        latency=Latency.of(answered) if answered else None,
        errors=sum(errors.values()),
        error_kinds=dict(errors),
        server_cores=cpu / elapsed,
    )


def warm_up(host: str, port: int) -> None:
    """Each query once (page 1, JSON), unmeasured: the first search opens the index."""
    first_pages = [p for p in search_paths() if "page=" not in p and "format=" in p]
    run_level(host, port, first_pages, 1, requests=len(first_pages))


# --- report ------------------------------------------------------------------------------


def print_report(report: Report) -> None:
    print(
        f"web under load: {report.home} ({report.sections:,} sections), {report.urls} URLs"
        f" (32 queries x search page and JSON x pages 1-3), one server process"
    )
    if report.load:
        print(f"loaded: {report.load} busy processes ran beside it (--load)")
    print(
        f"{'clients':>8}{'requests':>10}{'req/s':>9}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}"
        f"{'errors':>8}{'server cores':>14}"
    )
    for level in report.levels:
        lat = level.latency
        times = f"{lat.p50:>10.1f}{lat.p95:>10.1f}{lat.p99:>10.1f}" if lat else f"{'-':>30}"
        print(
            f"{level.clients:>8}{level.requests:>10}{level.requests_per_s:>9.1f}{times}"
            f"{level.errors:>8}{level.server_cores:>14.2f}"
        )
        for kind, count in sorted(level.error_kinds.items()):
            print(f"{'':>8}  {count} x {kind}")
    print(f"load average at the end: {report.load_average:.1f}")


def section_count(home: Path) -> int:
    from fiche_search import open as open_archive

    with open_archive(home) as api:
        return api.archive.statistics.section_count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, help="the archive to serve (imported already)")
    parser.add_argument(
        "--clients",
        default=",".join(map(str, CLIENT_COUNTS)),
        help="comma-separated client counts, one level each (default: 1,4,16)",
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="each level's duration")
    parser.add_argument(
        "--requests", type=int, default=None, help="each level's request count (instead of time)"
    )
    parser.add_argument("--load", type=int, default=0, metavar="N", help="N busy processes beside")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()
    home = Path(args.home).expanduser()
    if not (home / "archive.sqlite").is_file():
        raise SystemExit(f"no archive in {home}: import one first (fiche-search import ...)")
    try:
        counts = [int(c) for c in args.clients.split(",")]
    except ValueError:
        wrong = f"--clients: {args.clients!r} is not a list of numbers, as in 1,4,16"
        raise SystemExit(wrong) from None
    if not counts or min(counts) < 1:
        raise SystemExit("--clients: every client count must be at least 1")
    paths = search_paths()
    levels = []
    # a `kill` ends the run as Ctrl-C does: the server and the busy processes are stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with serving(home) as (host, port, pid), busy_processes(args.load):
        warm_up(host, port)
        for count in counts:
            seconds = None if args.requests else args.seconds
            levels.append(run_level(host, port, paths, count, seconds, args.requests, pid))
    report = Report(str(home), section_count(home), len(paths), args.load, levels)
    report.load_average = os.getloadavg()[0]
    if args.json:
        print(json.dumps(asdict(report), indent=1))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
