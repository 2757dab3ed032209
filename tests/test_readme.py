"""README documents every command and every filter (as sqlite-utils tests its docs): a
command or filter added without a line in README fails here."""

import re
from pathlib import Path

import pytest

from cli.main import cli
from fiche_search.surface import FILTERS, SOURCES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_readme(name):
    if name == "search":  # the default command: `fiche-search QUERY`
        assert "fiche-search QUERY" in README
        return
    assert re.search(rf"fiche-search {re.escape(name)}\b", README), name


@pytest.mark.parametrize("spec", FILTERS, ids=lambda spec: spec.name)
def test_every_filter_is_in_readme_as_option_and_query_syntax(spec):
    assert f"--{spec.name}" in README, spec.name
    assert f"{spec.name}:" in README, spec.name


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_option_of_every_command_is_in_readme(name):
    for param in cli.commands[name].params:
        for option in getattr(param, "opts", []):
            if option.startswith("--") and option not in ("--help", "--home"):
                assert option in README, (name, option)


def test_the_source_filter_names_every_source_in_readme():
    """parsers/sources.py is the one list; README's `--source` row names all of it."""
    row = next(line for line in README.splitlines() if "--source SOURCE" in line)
    assert row.rstrip().endswith(", ".join(SOURCES)), row


def test_the_settings_option_is_in_readme():
    assert "fiche-search --help-settings" in README
