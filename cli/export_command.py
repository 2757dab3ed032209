"""`fiche-search export DIR`: the archive as four tables for pandas, R or Datasette."""

from __future__ import annotations

import json

import click
from rich.console import Console

from cli.archive_commands import StageBars
from cli.context import backend_options, fail, home_option, json_option, open_api
from cli.search_commands import filter_options
from fiche_search import QueryError
from fiche_search.api import FORMATS


@click.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
@click.argument("query", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="parquet", show_default=True)
@click.option(
    "--changed-since",
    "changed_since",
    default="",
    metavar="DATE",
    help="Only documents stored or changed on or after DATE (an incremental export).",
)
@filter_options
@json_option("Print the report as JSON.")
@home_option
@backend_options
def export_command(directory, query, fmt, changed_since, as_json, home, backend, es_url, **filters):
    """documents, sections, stances and links of the archive (or of the documents that match
    QUERY and the filters) as four typed tables in DIRECTORY, joined on the document id, with
    a Frictionless datapackage.json that describes them."""
    api = open_api(home, backend, es_url, existing=True)
    try:
        with StageBars(Console(stderr=True)) as progress:
            report = api.export(
                directory,
                fmt,
                " ".join(query),
                changed_since,
                lambda done, total: progress("exporting", done, total),
                **filters,
            )
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    except OSError as error:
        fail(f"cannot write to {directory}: {error.strerror or error}")
    finally:
        api.close()
    if as_json:
        files = {name: str(path) for name, path in report.files.items()}
        described = str(report.datapackage)
        click.echo(
            json.dumps(
                {"format": fmt, "rows": report.rows, "files": files, "datapackage": described},
                indent=2,
            )
        )
        return
    counts = ", ".join(f"{rows} {name}" for name, rows in report.rows.items())
    click.echo(f"exported {counts} to {report.directory} ({fmt}), described by datapackage.json")
