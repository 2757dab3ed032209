"""Response headers that keep a crafted document harmless even if escaping were ever missed:
no scripts at all (the interface needs none), nothing from other origins, no framing; and
the Host names the server answers to."""

from __future__ import annotations

from starlette.responses import PlainTextResponse

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self';"
        b" img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """Pure ASGI middleware: adds HEADERS to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# The names this server answers to unless told more (`serve --allow-host`): a page of another
# site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name as Host, and
# is refused, so it cannot read the archive through the reader's browser.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def host_name(header: str) -> str:
    """The name in a Host header, without port: 'Localhost:8000' -> 'localhost',
    '[::1]:8000' -> '[::1]'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.split(":", 1)[0].rstrip(".")


class TrustedHosts:
    """Pure ASGI middleware: a request whose Host header names none of `allowed` gets 400."""

    def __init__(self, app, allowed: tuple[str, ...] = LOCAL_HOSTS):
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        response = PlainTextResponse(
            f"this server does not answer to the host {name or '(none)'!r}; its owner can allow"
            f" it with `fiche-search serve --allow-host {name or 'NAME'}`\n",
            status_code=400,
        )
        await response(scope, receive, send)
