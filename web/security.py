"""Response headers that keep a crafted document harmless even if escaping were ever missed:
no scripts at all (the interface needs none), nothing from other origins, no framing."""

from __future__ import annotations

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
