"""`fiche-search watch add|list|remove|run`: saved searches and what newly matches them."""

from __future__ import annotations

from dataclasses import asdict

import click

from cli.context import backend_options, fail, home_option, json_option, json_text, open_archive_api
from cli.search_commands import build_filters, filter_options
from fiche_search import printable
from fiche_search.api import BackendUnavailable, QueryError, Watch, WatchError


@click.group("watch")
def watch_command() -> None:
    """Saved searches: add one, then `watch run` after each crawl (or from cron) reports the
    documents that newly match. Each document is reported once per saved search."""


@watch_command.command("add")
@click.argument("name")
@click.argument("query", nargs=-1)
@click.option(
    "--proposal",
    "proposal_ref",
    default="",
    help="Follow one EU proposal (a COM number, CELEX number, procedure or document id)"
    " instead of a query: its new documents and each change of the cabinet's position.",
)
@filter_options
@click.option(
    "--include-existing",
    is_flag=True,
    help="Report the documents that match already on the first run (default: only new ones).",
)
@home_option
@backend_options
def add_command(name, query, proposal_ref, include_existing, home, backend, es_url, **filters):
    """Save QUERY (the search language, with filters) under NAME, or with --proposal REF
    follow one proposal."""
    build_filters(**filters)  # a bad filter value ends here, with exit 2
    # The index opens on first use: a bad name or query is said before a cluster is asked.
    with open_archive_api(home, backend, es_url) as api:
        try:
            watch = api.add_watch(
                name,
                " ".join(query),
                proposal=proposal_ref,
                include_existing=include_existing,
                **filters,
            )
        except QueryError as error:
            fail(f"bad query: {error}", code=2)
        except WatchError as error:
            fail(str(error), code=2)
        except BackendUnavailable as error:
            fail(str(error))
    baseline = watch.known
    if watch.proposal:
        click.echo(
            f"saved {name!r} following {watch.query}; {baseline} documents and changes known"
            " now, `watch run` reports new ones"
        )
    elif include_existing:
        click.echo(f"saved {name!r}; `watch run` reports every matching document once")
    else:
        click.echo(f"saved {name!r}; {baseline} documents match now, `watch run` reports new ones")


@watch_command.command("list")
@home_option
@json_option()
def list_command(home, as_json):
    """The saved searches."""
    with open_archive_api(home) as api:
        watches = api.watches()
    if as_json:
        click.echo(json_text([watch_json(w) for w in watches]))
        return
    if not watches:
        click.echo("No saved searches. Add one with `fiche-search watch add NAME QUERY`.")
    for w in watches:
        line = f"{w.name}\t{w.query}\t{filters_text(w)}\tlast run: {w.last_run or 'never'}"
        click.echo(printable(line))


@watch_command.command("remove")
@click.argument("name")
@home_option
def remove_command(name, home):
    """Delete the saved search NAME and what it remembers."""
    with open_archive_api(home) as api:
        try:
            api.remove_watch(name)
        except WatchError as error:
            fail(str(error))
    click.echo(f"removed {name!r}")


@watch_command.command("run")
@click.argument("names", nargs=-1)
@json_option()
@home_option
@backend_options
def run_command(names, as_json, home, backend, es_url):
    """Report the documents that newly match each saved search (or only NAMES)."""
    # The index opens on first use: an unknown name is said before a cluster is asked.
    with open_archive_api(home, backend, es_url) as api:
        try:
            report = api.run_watches(names)
        except (QueryError, WatchError, BackendUnavailable) as error:
            fail(str(error))
    if as_json:
        payload = {name: [a.to_json() for a in alerts] for name, alerts in report.items()}
        click.echo(json_text(payload))
        return
    for name, alerts in report.items():
        click.echo(f"{name}: {len(alerts)} new")
        for alert in alerts:
            click.echo(printable(f"  {alert.doc_id}  {alert.date or '?'}  {alert.title}"))


def watch_json(watch: Watch) -> dict:
    return {
        "name": watch.name,
        "query": watch.query,
        "proposal": watch.proposal,
        "filters": {k: v for k, v in asdict(watch.filters).items() if v},
        "created_at": watch.created_at,
        "last_run": watch.last_run,
    }


def filters_text(watch: Watch) -> str:
    return " ".join(f"{k}={v}" for k, v in asdict(watch.filters).items() if v) or "-"
