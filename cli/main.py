"""The `fiche-search` command. A search is the default: `fiche-search "blauwe kaart"`."""

from __future__ import annotations

import difflib
import sys

import click

from cli.archive_commands import (
    import_command,
    reindex_command,
    reparse_command,
    show_command,
    stats_command,
)
from cli.context import backend_options, home_option
from cli.crawl_command import crawl_command
from cli.export_command import export_command
from cli.parse_command import parse_command
from cli.proposal_command import proposal_command
from cli.search_commands import search_command, stances_command
from cli.serve_command import serve_command
from cli.votes_command import votes_command
from cli.watch_command import watch_command
from fiche_search import LimitSettingError, StorageError, current_limits
from fiche_search.surface import IndexBusy


class DefaultToSearch(click.Group):
    """`fiche-search QUERY` runs `search QUERY` when QUERY is not a command name."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands:
            # `serach kabinet`, `stat`: searched for, and if that finds nothing, the search
            # asks whether a command was meant (cli.context.did_you_mean)
            close = difflib.get_close_matches(args[0], list(self.commands), n=1, cutoff=0.7)
            if close:
                ctx.meta["did_you_mean"] = " ".join([close[0], *args[1:]])
            args = ["search", *args]
        return super().resolve_command(ctx, args)


def print_settings(ctx: click.Context, param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    from fiche_search.settings import settings_text  # reads every module that holds one

    click.echo(settings_text())
    ctx.exit()


@click.group(cls=DefaultToSearch, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--help-settings",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_settings,
    help="Print every limit and setting, its value, what it does and how to change it.",
)
@home_option
@backend_options
@click.pass_context
def cli(ctx: click.Context, home, backend, es_url) -> None:
    """Search the Dutch government's positions on EU proposals.

    `fiche-search QUERY` searches (the `search` command is the default). --home, --backend
    and --es-url go before the command or after it."""
    ctx.obj = {"home": home, "backend": backend, "es_url": es_url}


for command in (
    search_command,
    import_command,
    parse_command,
    show_command,
    stats_command,
    stances_command,
    reparse_command,
    reindex_command,
    crawl_command,
    export_command,
    serve_command,
    watch_command,
    proposal_command,
    votes_command,
):
    cli.add_command(command)


def main() -> None:
    try:
        current_limits()  # a FICHE_LIMIT_ variable that is no number is said before any work
    except LimitSettingError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    try:
        cli()
    except (IndexBusy, StorageError) as error:  # one line, no traceback
        click.echo(f"error: {error}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
