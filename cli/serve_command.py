"""`fiche-search serve`: the web interface, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import os

import click

from cli.context import backend_for, backend_options, home_option, open_archive


@click.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@home_option
@backend_options
def serve_command(port, host, home, backend, es_url):
    """Serve the web interface (search, documents, stance timeline, freshness, feeds)."""
    import uvicorn

    # web/ sits on top of index/ like cli/; imported here so other commands never load it.
    from web.app import create_app

    archive = open_archive(home)
    search = backend_for(archive, backend, es_url)  # fails now, with a clear message
    search.close()
    app = create_app(archive.home, search.name, es_url or os.environ.get("FICHE_ES_URL", ""))
    archive.close()
    click.echo(f"fiche-search on http://{host}:{port}/  (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
