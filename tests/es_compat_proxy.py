"""A loopback HTTP proxy that lets the official Elasticsearch client talk to the real
OpenSearch test node.

The elasticsearch-py 8/9 client refuses any server that does not present itself as
Elasticsearch (the product check) and sends versioned media types OpenSearch does not know.
The proxy fixes exactly those headers and the version number in `GET /`; every request is
answered by OpenSearch itself. So the Elasticsearch adapter is exercised for real at its
boundary (how the client is called, how its responses are read) without an Elasticsearch node,
which cannot be assembled offline here.
"""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MEDIA = "application/json"


class _Handler(BaseHTTPRequestHandler):
    upstream: tuple[str, int] = ("127.0.0.1", 9200)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {"Content-Type": _plain(self.headers.get("Content-Type", MEDIA))}
        connection = http.client.HTTPConnection(*self.upstream, timeout=60)
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if self.command == "GET" and urlsplit(self.path).path == "/":
            info = json.loads(data)
            info["version"]["number"] = "8.15.0"  # the client checks for 8+
            data = json.dumps(info).encode()
        self.send_response(response.status)
        self.send_header("Content-Type", MEDIA)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        connection.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


def _plain(media_type: str) -> str:
    """'application/vnd.elasticsearch+json; compatible-with=8' -> 'application/json'."""
    if "ndjson" in media_type:
        return "application/x-ndjson"
    return MEDIA


def start_proxy(upstream_url: str) -> tuple[str, ThreadingHTTPServer]:
    parts = urlsplit(upstream_url)
    handler = type("Handler", (_Handler,), {"upstream": (parts.hostname, parts.port)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server
