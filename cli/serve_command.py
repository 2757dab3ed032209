"""`fiche-search serve`: the web interface, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import click

from cli.context import backend_options, home_option, open_api


@click.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@home_option
@backend_options
def serve_command(port, host, home, backend, es_url):
    """Serve the web interface (search, documents, stance timeline, freshness, feeds)."""
    import uvicorn

    # web/ sits on the API like cli/; imported here so other commands never load it.
    from web.app import create_app

    with open_api(home, backend, es_url) as api:  # an index that cannot open fails now
        app = create_app(api.home, api.backend_name, api.es_url)
    click.echo(f"fiche-search on http://{host}:{port}/  (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
