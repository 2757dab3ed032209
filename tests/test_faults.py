"""Faults on purpose: `import`, `reindex` and `crawl` SIGKILLed at seeded random points, an
import and a reindex at once, a disk that fills up during an import and an export. Afterwards
the archive and the index agree (every archived document indexed once, no other), and a
search finds what it found before (a crawl: the documents of a crawl in one piece).

The homes live on a tmpfs of their own (fast, and resizable to play a full disk), so these
tests need root to mount one; elsewhere they are skipped, saying so. The faults are struck
inside a real `fiche-search` process by tests/fault_harness.py.
"""

import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_helpers import ROOT, run_cli, run_cli_here, run_json_here
from conftest import CORPUS
from crawl_helpers import FAST
from replay.server import ReplayServer

from index.archive.database import Archive
from index.search.embedded import EmbeddedBackend
from index.search.query import parse_query

# 21 files, 10 documents: Kamerstukken in XML, HTML and ODT with metadata, the seed fiche, SRU
# records. Small enough that every process here takes seconds.
SMALL = [CORPUS / "kamerstukken", CORPUS / "seed", CORPUS / "sru", CORPUS / "tk-odata"]
QUERIES = ("blauwe kaart", "kabinet", "richtlijn")
RANDOM = random.Random(26)  # issue 26: the same points on every run
HARNESS = ROOT / "tests" / "fault_harness.py"

# (function, before/after its call, how many calls a run makes): where a kill can strike.
IMPORT_POINTS = [
    ("index.archive.database:Archive.store_raw", "after", 21),  # raw bytes written, no row yet
    ("index.archive.database:Archive.store_documents", "before", 8),  # a file parsed, not archived
    ("index.archive.importer:Importer.stored", "after", 21),  # archived, not yet indexed
    ("index.search.embedded:EmbeddedBackend.commit", "after", 1),  # indexed, the archive not told
    ("index.archive.database:Archive.mark_indexed", "after", 1),  # all done but closing
]
REINDEX_POINTS = [
    ("index.search.embedded:EmbeddedBackend.clear", "after", 1),  # a new, empty folder
    ("index.search.embedded:EmbeddedBackend.add", "after", 1),  # documents added, not committed
    ("index.search.embedded:EmbeddedBackend.commit", "after", 1),  # complete, not yet in use
    ("index.search.generations:point_at", "before", 1),  # about to swap
    ("index.search.generations:point_at", "after", 1),  # swapped, the old folder still there
    ("index.archive.database:Archive.replace_indexed", "before", 1),  # swapped, not yet recorded
]


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    """A tmpfs mounted for this module (unmounted after it)."""
    folder = tmp_path_factory.mktemp("tmpfs")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (root needed): {mounted.stderr.strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture(scope="module")
def reference(disk) -> Path:
    """SMALL imported in one piece: what every faulty run must end up with."""
    home = disk / "reference"
    ok(run_cli_here("import", *map(str, SMALL), home=home))
    return home


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def one_line_error(result, *words: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def found(home: Path) -> dict[str, tuple[int, list[str]]]:
    """Per query: the total and the ids of the first hits, as the command line shows them."""
    results = {q: run_json_here("search", q, "--limit", "20", home=home) for q in QUERIES}
    return {q: (r["total"], [hit["id"] for hit in r["hits"]]) for q, r in results.items()}


def assert_archive_equals_index(home: Path) -> None:
    """Every archived document is in the index, with each of its sections once, and nothing
    else is."""
    archive = Archive(home)
    index = EmbeddedBackend(home / "index" / "tantivy")
    try:
        assert sorted(index.matching_documents(parse_query(""))) == archive.document_ids()
        assert index.section_count() == archive.statistics.section_count()
        assert archive.pending_index(index.name) == []
    finally:
        index.close()
        archive.close()


def harness(point: str, when: str, nth: int, action: str, *arguments: str, home: Path):
    command = [sys.executable, str(HARNESS), point, when, str(nth), action, "--", *arguments]
    env = dict(os.environ, FICHE_HOME=str(home), FAULT_RESUME=str(home) + ".resume")
    env.pop("FICHE_BACKEND", None)
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def killed(point: str, when: str, nth: int, *arguments: str, home: Path) -> None:
    process = harness(point, when, nth, "kill", *arguments, home=home)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == -9, f"not killed at {point} #{nth}: {stderr}"


@contextmanager
def paused(point: str, nth: int, *arguments: str, home: Path) -> Iterator[None]:
    """A command that holds still at the Nth call of POINT while the block runs, and then
    completes (exit 0)."""
    process = harness(point, "after", nth, "pause", *arguments, home=home)
    said = process.stderr.readline()
    assert "harness: paused" in said, said + process.stderr.read()
    try:
        yield
    finally:
        Path(str(home) + ".resume").touch()
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr


def archived_ids(home: Path) -> list[str]:
    archive = Archive(home)
    try:
        return archive.document_ids()
    finally:
        archive.close()


def kill_points(points: list, count: int) -> list[tuple[str, str, int]]:
    """`count` of the points, each with the call it strikes at, chosen by the seeded RANDOM."""
    return [
        (point, when, RANDOM.randint(1, calls))
        for point, when, calls in RANDOM.sample(points, count)
    ]


@pytest.mark.parametrize("point, when, nth", kill_points(IMPORT_POINTS, 2))
def test_an_import_killed_at_a_random_point_completes_on_the_next_run(
    reference, disk, point, when, nth
):
    home = disk / f"import-{point.split(':')[1]}"
    killed(point, when, nth, "import", *map(str, SMALL), home=home)
    again = run_json_here("import", *map(str, SMALL), home=home)
    assert again["failures"] == []
    assert archived_ids(home) == archived_ids(reference)
    assert_archive_equals_index(home)
    assert found(home) == found(reference)


@pytest.mark.parametrize("point, when, nth", kill_points(REINDEX_POINTS, 3))
def test_a_reindex_killed_at_a_random_point_leaves_an_index_that_finds_the_same(
    reference, disk, point, when, nth
):
    home = disk / f"reindex-{point.split(':')[1]}-{when}"
    shutil.copytree(reference, home)
    killed(point, when, nth, "reindex", home=home)
    assert found(home) == found(reference)  # the old index, or the new one complete
    assert_archive_equals_index(home)
    ok(run_cli_here("reindex", home=home))  # and the next reindex cleans up after it
    assert found(home) == found(reference)
    folders = sorted(p.name for p in (home / "index").iterdir() if p.is_dir())
    assert len(folders) == 1 and folders[0].startswith("tantivy-"), folders


def test_a_search_during_a_reindex_finds_what_the_old_index_found(reference, disk):
    home = disk / "during"
    shutil.copytree(reference, home)
    before = found(home)
    extra = disk / "extra" / "brief.txt"
    extra.parent.mkdir()
    extra.write_text("Brief over de kwartelkoning.\n", encoding="utf-8")
    with paused("index.search.embedded:EmbeddedBackend.add", 1, "reindex", home=home):
        assert found(home) == before  # the new index holds every document by now
        # an import meanwhile is refused, in one line, and keeps what it archived
        one_line_error(run_cli_here("import", str(extra), home=home), "another fiche-search")
    assert found(home) == before
    ok(run_cli_here("import", str(extra), home=home))  # archived before, indexed now
    assert run_json_here("kwartelkoning", home=home)["total"] == 1
    assert_archive_equals_index(home)


def test_a_reindex_while_an_import_writes_is_refused_in_one_line(disk):
    home = disk / "import-first"
    with paused(
        "index.search.embedded:EmbeddedBackend.add", 1, "import", *map(str, SMALL), home=home
    ):
        refused = run_cli_here("reindex", home=home)
        one_line_error(refused, "another fiche-search", "index in use is unchanged")
    assert_archive_equals_index(home)


def test_a_full_disk_stops_an_import_in_one_line_and_loses_nothing(reference, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=450k", "tmpfs", str(small)])
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs (root needed)")
    try:
        home = small / "home"
        full = run_cli("import", *map(str, SMALL), home=home)  # a process, as a user runs it
        one_line_error(full, "the disk is full", str(home), "free", "import stopped")
        archived = archived_ids(home)
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        ok(run_cli_here("import", *map(str, SMALL), home=home))
        assert set(archived) <= set(archived_ids(home))
        assert archived_ids(home) == archived_ids(reference)
        assert_archive_equals_index(home)
    finally:
        subprocess.run(["umount", "-l", str(small)], check=False)


def test_an_export_to_a_full_disk_leaves_no_partial_file(reference, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40k", "tmpfs", str(small)])
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs (root needed)")
    try:
        out = small / "export"
        failed = run_cli_here("export", str(out), "--format", "csv", home=reference)
        one_line_error(failed, "the disk is full", str(out), "free")
        assert list(out.iterdir()) == []
    finally:
        subprocess.run(["umount", "-l", str(small)], check=False)


# A crawl of the replayed Kamerstukken listing: where a kill can strike while files arrive.
CRAWL_POINTS = [
    ("index.archive.database:Archive.store_raw", "after", 4),  # fetched and kept, not parsed
    ("index.archive.database:Archive.store_documents", "before", 3),  # parsed, not archived
    ("index.search.embedded:EmbeddedBackend.commit", "after", 1),  # indexed, the archive not told
]


@pytest.fixture(scope="module")
def replay():
    with ReplayServer() as server:
        yield server


def crawl_arguments(replay) -> list[str]:
    return [
        "crawl",
        "officielebekendmakingen",
        "--since",
        "2000-01-01",
        "--base-url",
        replay.url,
        "--json",
        *FAST,
    ]


@pytest.fixture(scope="module")
def crawled_reference(replay, disk) -> Path:
    """One crawl of the replay in one piece: what a crawl killed and run again must give."""
    home = disk / "crawled-reference"
    ok(run_cli(*crawl_arguments(replay), home=home))
    return home


@pytest.mark.parametrize("point, when, nth", kill_points(CRAWL_POINTS, 2))
def test_a_crawl_killed_at_a_random_point_completes_on_the_next_crawl(
    replay, crawled_reference, disk, point, when, nth
):
    home = disk / f"crawl-{point.split(':')[1]}-{when}"
    killed(point, when, nth, *crawl_arguments(replay), home=home)
    ok(run_cli(*crawl_arguments(replay), home=home))
    assert archived_ids(home) == archived_ids(crawled_reference)
    assert_archive_equals_index(home)
