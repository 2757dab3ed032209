"""The archive's schema version (PRAGMA user_version) and its migrations: an archive made by
the release before versions opens, upgraded in place; a fresh archive and an upgraded one have
the same tables; an archive from a newer release is refused with one line."""

import sqlite3
from pathlib import Path

import pytest
from cli_helpers import run_cli

import fiche_search
from index.archive import migrations
from index.archive.database import DATABASE, Archive
from index.archive.migrations import SCHEMA_VERSION, ArchiveTooNew, Migration, migrate

ARCHIVES = Path(__file__).parent / "archives"
RELEASE_0_1_0 = ARCHIVES / "release-0.1.0.sql"
# the tables as each earlier commit that changed them made them (tests/archives/schema-*.sql)
EARLIER_SCHEMAS = sorted(ARCHIVES.glob("schema-*.sql"))


def archive_from_dump(home: Path, dump: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(home / DATABASE)
    db.executescript(dump.read_text())
    db.close()
    return home


def version_of(home: Path) -> int:
    with sqlite3.connect(home / DATABASE) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def columns_of(home: Path) -> dict[str, set[tuple]]:
    """Per table, its columns (name, type, not null, default), in any order: a column added by
    a migration comes last."""
    db = sqlite3.connect(home / DATABASE)
    tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {t: {row[1:5] for row in db.execute(f"PRAGMA table_info({t})")} for t in tables}
    db.close()
    return found


def test_an_archive_of_release_0_1_0_opens_upgraded_with_its_documents_and_watches(tmp_path):
    home = archive_from_dump(tmp_path / "old", RELEASE_0_1_0)
    assert version_of(home) == 0

    with fiche_search.open(home) as archive:
        document = archive.document("kst-32545-143")
        watches = archive.watches()

    assert version_of(home) == SCHEMA_VERSION
    assert document.title.startswith("Motie van de leden Inge van Dijk en Grinwis")
    assert [watch.name for watch in watches] == ["steun"]


def test_every_migration_runs_once_in_order(tmp_path):
    home = archive_from_dump(tmp_path / "old", RELEASE_0_1_0)
    db = sqlite3.connect(home / DATABASE)
    assert [m.version for m in migrate(db)] == list(range(1, SCHEMA_VERSION + 1))
    assert migrate(db) == []
    db.close()


def test_a_fresh_archive_and_an_upgraded_one_have_the_same_tables(tmp_path):
    upgraded = archive_from_dump(tmp_path / "old", RELEASE_0_1_0)
    Archive(upgraded).close()
    fresh = tmp_path / "fresh"
    Archive(fresh).close()
    assert columns_of(fresh) == columns_of(upgraded)
    assert "watches" in columns_of(fresh)  # migration 2: no longer made on first use


@pytest.mark.parametrize("dump", EARLIER_SCHEMAS, ids=lambda path: path.stem)
def test_an_archive_of_each_earlier_schema_opens_with_todays_tables(tmp_path, dump):
    old = archive_from_dump(tmp_path / "old", dump)
    Archive(old).close()
    fresh = tmp_path / "fresh"
    Archive(fresh).close()
    assert version_of(old) == SCHEMA_VERSION
    # every table and column of today's schema; a table no release reads any more (the
    # first day's `sections`) is left as it was
    upgraded = columns_of(old)
    assert columns_of(fresh).keys() <= upgraded.keys()
    for table, columns in columns_of(fresh).items():
        names = {column[0] for column in columns}
        assert names == {column[0] for column in upgraded[table]}, table


def test_the_first_archives_get_their_section_counts(tmp_path):
    home = archive_from_dump(tmp_path / "old", ARCHIVES / "schema-d05ca54.sql")
    with fiche_search.open(home) as archive:
        document = archive.document("kst-32545-143")
        sections = archive.stats()["sections"]
    assert sections == len(document.sections) == 3


def test_a_migration_that_fails_leaves_the_archive_at_the_version_before(tmp_path, monkeypatch):
    home = tmp_path / "fresh"
    Archive(home).close()
    broken = Migration(SCHEMA_VERSION + 1, "a table and a typo", "CREATE TABLE t (a); CREAT x;")
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", broken.version)
    db = sqlite3.connect(home / DATABASE)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    db.close()
    assert version_of(home) == SCHEMA_VERSION
    assert "t" not in columns_of(home)


def test_an_archive_of_a_newer_release_is_refused_with_one_line(tmp_path):
    home = tmp_path / "newer"
    Archive(home).close()
    with sqlite3.connect(home / DATABASE) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with pytest.raises(ArchiveTooNew, match="made by a newer fiche-search"):
        Archive(home)

    result = run_cli("stats", home=home)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: the archive in {home} has schema version {SCHEMA_VERSION + 1}, made by a newer"
        f" fiche-search; this one reads up to version {SCHEMA_VERSION}: upgrade fiche-search"
        " to open it"
    ]
    assert version_of(home) == SCHEMA_VERSION + 1, "refused, not touched"
