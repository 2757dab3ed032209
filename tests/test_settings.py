"""`fiche-search --help-settings`: every limit and setting, read from the module that uses it."""

from dataclasses import fields

import pytest
from click.testing import CliRunner

from cli.main import cli
from crawler import settings as crawler_settings
from fiche_search.settings import LIMITS, SETTINGS
from index.search import query
from parsers.limits import Limits


def help_settings() -> str:
    result = CliRunner().invoke(cli, ["--help-settings"])
    assert result.exit_code == 0, result.output
    return result.output


def test_help_settings_prints_each_setting_with_its_live_value():
    text = help_settings()
    assert f"MAX_QUERY_CHARS = {query.MAX_QUERY_CHARS}" in text
    assert f"FICHE_FIRST_CRAWL_DAYS = {crawler_settings.FICHE_FIRST_CRAWL_DAYS}" in text
    assert "change: crawl -s FICHE_POLITE=VALUE" in text
    for setting in SETTINGS:
        assert f"  {setting.name} = " in text, setting.name


@pytest.mark.parametrize(
    "name", [n for n in vars(crawler_settings) if n.startswith("FICHE_") and not n.endswith("_")]
)
def test_every_fiche_crawler_setting_is_listed(name):
    assert name in {setting.name for setting in SETTINGS}, name


def test_each_setting_says_what_it_does_and_how_to_change_it():
    for setting in SETTINGS:
        assert setting.what and setting.change and setting.where.endswith(".py"), setting


def test_every_limit_is_listed_with_the_variable_that_changes_it():
    assert set(LIMITS) == {spec.name for spec in fields(Limits)}
    text = help_settings()
    assert f"FICHE_LIMIT_MAX_DOCUMENT_BYTES = {Limits().max_document_bytes}" in text
    assert "change: $FICHE_LIMIT_MAX_OCR_PAGES (parsers/limits.py)" in text
