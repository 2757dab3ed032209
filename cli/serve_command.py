"""`fiche-search serve`: the web interface, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import click

from cli.context import backend_options, home_option, open_api

LOOPBACK_NAMES = ("localhost",)
ANY_ADDRESS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: whatever it resolves to, say so


def url_host(host: str) -> str:
    """An address as it stands in a URL and a Host header: '::1' -> '[::1]'."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def checked_base_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.BadParameter(
            f"{value!r} is not an http(s) URL with a host, as in https://fiches.example.org/",
            param_hint="--base-url",
        )
    return value if value.endswith("/") else value + "/"


@click.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name readers use to reach the server, beside 127.0.0.1, localhost and"
    " [::1] (requests naming another host get 400). Repeatable.",
)
@click.option(
    "--base-url",
    default=None,
    envvar="FICHE_BASE_URL",
    help="The address readers use (links in feeds); its host is allowed. Default:"
    " http://HOST:PORT/ ($FICHE_BASE_URL).",
)
@home_option
@backend_options
def serve_command(port, host, allow_hosts, base_url, home, backend, es_url):
    """Serve the web interface (search, documents, stance timeline, freshness, feeds)."""
    import uvicorn

    # web/ sits on the API like cli/; imported here so other commands never load it.
    from web.app import create_app
    from web.security import LOCAL_HOSTS

    base_url = checked_base_url(base_url)
    shown = "127.0.0.1" if host in ANY_ADDRESS else url_host(host)
    base_url = base_url or f"http://{shown}:{port}/"
    allowed = [*LOCAL_HOSTS, *allow_hosts, url_host(urlsplit(base_url).hostname or "")]
    if host not in ANY_ADDRESS:
        allowed.append(url_host(host))  # a specific address: readers type it
    with open_api(home, backend, es_url) as api:  # an index that cannot open fails now
        app = create_app(
            api.home, api.backend_name, api.es_url, allowed_hosts=tuple(allowed), base_url=base_url
        )
    if not is_loopback(host):
        click.echo(
            f"warning: bound to {host or 'every address'}, beyond this machine: whoever can"
            " reach it can read the whole archive (there is no login). Requests are answered"
            f" for the hosts {', '.join(dict.fromkeys(allowed))} only (--allow-host adds one).",
            err=True,
        )
    click.echo(f"fiche-search on {base_url}  (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
