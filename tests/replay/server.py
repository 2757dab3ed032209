"""A replay of the four sources on 127.0.0.1: real corpus files at the real URL paths, listings
in the real response formats (see data/README.md), faults injected per URL, requests counted.

    with ReplayServer() as replay:
        replay.inject("/frbr/.../kst-32545-143.xml", "503", "503")   # twice 503, then OK
        ... crawl --base-url replay.url ...
        replay.requests   # every request, in order
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import socket
import struct
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

DATA = Path(__file__).parent / "data"
LAST_MODIFIED = "Tue, 01 Apr 2025 10:00:00 GMT"
CONTENT_TYPES = {
    ".xml": "application/xml",
    ".html": "text/html; charset=utf-8",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
}
FAKE_404 = (
    b"<!DOCTYPE html><html><head><title>Pagina niet gevonden</title></head>"
    b"<body><h1>Pagina niet gevonden</h1><p>De pagina bestaat niet (meer).</p></body></html>"
)
FAULTS = ("500", "503", "429", "slow", "reset", "truncate", "malformed", "fake404")
COUNCIL_DUMP = "/data/public-voting/council-votes-on-legislative-acts.zip"
LISTING_PATHS = ("/sru", "/OData/v4/2.0/Document", "/webapi/rdf/sparql", "/robots.txt")


def is_listing(target: str) -> bool:
    return urlsplit(target).path in LISTING_PATHS


def find_corpus() -> Path:
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared" / "corpus"
    raise RuntimeError("shared/corpus not found above the tests")


@dataclass
class Replay:
    """The state the handler threads share."""

    corpus: Path
    catalogue: dict
    sru_page_size: int = 2
    odata_page_size: int = 2
    slow_seconds: float = 5.0  # well past the tests' DOWNLOAD_TIMEOUT, even on a loaded machine
    retry_after: int = 1
    silent: bool = False  # every listing lists nothing (a source "suddenly empty")
    faults: dict[str, list[str]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # The Council votes dump's turtle-dump.ttl (a test may swap in broken Turtle).
    council_turtle: bytes = field(
        default_factory=lambda: (DATA / "consilium" / "turtle-dump.ttl").read_bytes()
    )

    def take_fault(self, target: str) -> str | None:
        with self.lock:
            self.requests.append(target)
            for key, queue in self.faults.items():
                if queue and (target == key or urlsplit(target).path == key or key in target):
                    return queue.pop(0)
        return None


class ReplayServer:
    def __init__(self, corpus: Path | None = None):
        catalogue = json.loads((DATA / "catalogue.json").read_text(encoding="utf-8"))
        self.replay = Replay(corpus or find_corpus(), catalogue)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.replay = self.replay
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def requests(self) -> list[str]:
        with self.replay.lock:
            return list(self.replay.requests)

    def inject(self, url_part: str, *faults: str) -> None:
        """The next len(faults) requests whose path or URL contains url_part get these faults."""
        assert all(f in FAULTS for f in faults), faults
        self.replay.faults.setdefault(url_part, []).extend(faults)

    def clear_faults(self) -> None:
        with self.replay.lock:
            self.replay.faults.clear()

    def document_requests(self) -> list[str]:
        return [r for r in self.requests if not is_listing(r)]

    def listing_requests(self) -> list[str]:
        return [r for r in self.requests if is_listing(r)]

    def reset_counts(self) -> None:
        with self.replay.lock:
            self.replay.requests.clear()

    def start(self) -> ReplayServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- listings --------------------------------------------------------------------------------


def sru_page(replay: Replay, base: str, params: dict[str, str]) -> bytes:
    query = params.get("query", "")
    since = re.search(r"dt\.modified>=(\d{4}-\d{2}-\d{2})", query)
    records = [] if replay.silent else replay.catalogue["sru"]
    records = [r for r in records if not since or r["modified"] >= since.group(1)]
    start = int(params.get("startRecord", "1"))
    maximum = int(params.get("maximumRecords", "10"))
    page = records[start - 1 : start - 1 + min(maximum, replay.sru_page_size)]
    template = (DATA / "sru_record.xml").read_text(encoding="utf-8")
    rendered = [sru_record(template, record, base, start + i) for i, record in enumerate(page)]
    following = start + len(page)
    next_tag = (
        f"    <sru:nextRecordPosition>{following}</sru:nextRecordPosition>"
        if following <= len(records)
        else ""
    )
    body = (DATA / "sru_response.xml").read_text(encoding="utf-8")
    for name, value in {
        "total": str(len(records)),
        "records": "\n".join(rendered),
        "next": next_tag,
        "query": escape(query),
        "start": str(start),
        "maximum": str(maximum),
    }.items():
        body = body.replace("{" + name + "}", value)
    return body.encode("utf-8")


def sru_record(template: str, record: dict, base: str, position: int) -> str:
    urls = {m: base + repository_path(record, m, f) for m, f in record["files"].items()}
    main = urls.get("xml") or urls.get("pdf") or next(iter(urls.values()))
    items = "\n".join(
        f'                        <gzd:itemUrl manifestation="{m}">{u}</gzd:itemUrl>'
        for m, u in sorted(urls.items())
    )
    values = dict(record, title=escape(record["title"]), main_url=main, item_urls=items)
    values["position"] = str(position)
    text = template
    for name, value in values.items():
        if isinstance(value, str):
            text = text.replace("{" + name + "}", value)
    return text


def repository_path(record: dict, manifestation: str, corpus_file: str) -> str:
    """repository.overheid.nl/frbr/officielepublicaties/kst/32545/kst-32545-143/1/xml/..."""
    ident = record["id"]
    name = "metadata.xml" if manifestation == "metadata" else f"{ident}{Path(corpus_file).suffix}"
    return (
        f"/frbr/officielepublicaties/{record['kind']}/{record['dossier']}/{ident}/1/"
        f"{manifestation}/{name}"
    )


def odata_page(replay: Replay, base: str, params: dict[str, str]) -> bytes:
    since = re.search(r"ApiGewijzigdOp ge (\S+?)\)?(?: |$)", params.get("$filter", ""))
    documents = [] if replay.silent else replay.catalogue["tk"]
    documents = [d for d in documents if not since or d["ApiGewijzigdOp"] >= since.group(1)]
    documents = sorted(documents, key=lambda d: d["ApiGewijzigdOp"])
    skip = int(params.get("$skip", "0"))
    page = documents[skip : skip + replay.odata_page_size]
    value = [dict({k: v for k, v in d.items() if k != "file"}, Verwijderd=False) for d in page]
    body = {
        "@odata.context": f"{base}/OData/v4/2.0/$metadata#Document",
        "value": value,
    }
    if skip + len(page) < len(documents):
        following = dict(params, **{"$skip": str(skip + len(page))})
        body["@odata.nextLink"] = f"{base}/OData/v4/2.0/Document?{urlencode(following)}"
    return json.dumps(body, ensure_ascii=False, indent=4).encode("utf-8")


def sparql_results(replay: Replay, params: dict[str, str]) -> bytes:
    query = params.get("query", "")
    wanted = re.search(r"VALUES \?celex \{([^}]*)\}", query)
    since = re.search(r'\?date >= "(\d{4}-\d{2}-\d{2})"', query)
    works = [] if replay.silent else replay.catalogue["eurlex"]
    if wanted:
        names = set(re.findall(r'"([^"]+)"', wanted.group(1)))
        works = [w for w in works if w["celex"] in names]
    elif since:
        works = [w for w in works if w["date"] >= since.group(1)]
    bindings = [
        {
            "celex": literal(w["celex"]),
            "date": literal(w["date"], "http://www.w3.org/2001/XMLSchema#date"),
            "modified": literal(w["modified"], "http://www.w3.org/2001/XMLSchema#dateTime"),
            "langs": literal(",".join(w["languages"])),
        }
        for w in works
    ]
    body = {
        "head": {"link": [], "vars": ["celex", "date", "modified", "langs"]},
        "results": {"distinct": False, "ordered": True, "bindings": bindings},
    }
    return json.dumps(body, indent=4).encode("utf-8")


def council_dump(turtle: bytes) -> bytes:
    """The Council's votes zip around turtle-dump.ttl; the same bytes (and ETag) every time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dump:
        dump.writestr(zipfile.ZipInfo("turtle-dump.ttl", date_time=(2025, 4, 1, 10, 0, 0)), turtle)
    return buffer.getvalue()


def literal(value: str, datatype: str = "http://www.w3.org/2001/XMLSchema#string") -> dict:
    return {"type": "typed-literal", "datatype": datatype, "value": value}


# --- the handler -----------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def handle(self) -> None:
        # The client may hang up (a timeout, a test's kill): nothing to answer then.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def log_message(self, *args) -> None:  # quiet: tests read replay.requests instead
        pass

    @property
    def replay(self) -> Replay:
        return self.server.replay

    def do_GET(self) -> None:
        fault = self.replay.take_fault(self.path)
        if fault in ("500", "503", "429"):
            return self.send_status(int(fault))
        if fault == "reset":
            return self.reset_connection()
        if fault == "fake404":
            return self.send_body(FAKE_404, "text/html; charset=utf-8")
        if fault == "slow":
            time.sleep(self.replay.slow_seconds)
        found = self.route()
        if found is None:
            return self.send_status(404)
        body, content_type = found
        if fault == "truncate":
            return self.send_truncated(body, content_type)
        if fault == "malformed":
            body = body[: len(body) // 2] + b"<unclosed <<garbage"
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if not is_listing(self.path) and self.headers.get("If-None-Match") == etag:
            return self.send_status(304, extra={"ETag": etag})
        self.send_body(body, content_type, etag=etag)

    def route(self) -> tuple[bytes, str] | None:
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        base = f"http://{self.headers.get('Host')}"
        path = parts.path
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /private/\n", "text/plain"
        if path == "/sru":
            return sru_page(self.replay, base, params), "application/xml"
        if path == "/OData/v4/2.0/Document":
            return odata_page(self.replay, base, params), "application/json"
        if path == "/webapi/rdf/sparql":
            return sparql_results(self.replay, params), "application/sparql-results+json"
        if path == COUNCIL_DUMP:
            return council_dump(self.replay.council_turtle), "application/zip"
        return self.corpus_file(path, params)

    def corpus_file(self, path: str, params: dict[str, str]) -> tuple[bytes, str] | None:
        catalogue = self.replay.catalogue
        name = None
        for record in catalogue["sru"]:
            for manifestation, corpus_file in record["files"].items():
                if repository_path(record, manifestation, corpus_file) == path:
                    name = corpus_file
        tk = re.fullmatch(r"/OData/v4/2\.0/Document\(([\w-]+)\)/resource", path)
        if tk:
            name = next((d["file"] for d in catalogue["tk"] if d["Id"] == tk.group(1)), None)
        notice = re.fullmatch(r"/resource/((?:celex|procedure)/[\w.]+)", path)
        if notice:  # Cellar notices, by the work or procedure they describe
            name = catalogue.get("cellar", {}).get(notice.group(1))
        text = re.fullmatch(r"/legal-content/(\w\w)/TXT/HTML/", path)
        if text and params.get("uri", "").startswith("CELEX:"):
            celex = params["uri"][6:]
            work = next((w for w in catalogue["eurlex"] if w["celex"] == celex), None)
            name = (work or {}).get("texts", {}).get(text.group(1))
        if name is None:
            return None
        file = self.replay.corpus / name
        return file.read_bytes(), CONTENT_TYPES.get(file.suffix, "application/octet-stream")

    # --- responses ---------------------------------------------------------------------------

    def send_status(self, status: int, extra: dict | None = None) -> None:
        body = b"" if status == 304 else f"status {status}\n".encode()
        self.send_response(status)
        headers = dict(extra or {})
        if status == 429 or status == 503:
            headers["Retry-After"] = str(self.replay.retry_after)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.write(body)

    def send_body(self, body: bytes, content_type: str, etag: str = "") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        self.write(body)

    def send_truncated(self, body: bytes, content_type: str) -> None:
        """Promise the whole body, send half, hang up."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.write(body[: len(body) // 2])
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def reset_connection(self) -> None:
        # SO_LINGER 0: close sends a TCP RST, as a crashing proxy would.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def write(self, body: bytes) -> None:
        try:
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout): nothing to do


def count_by_path(requests: list[str]) -> Counter:
    return Counter(urlsplit(r).path for r in requests)
