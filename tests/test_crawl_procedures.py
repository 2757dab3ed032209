"""The EU procedure of each proposal a fiche cites, crawled from the Cellar notices through the
replay server: the real branch notice of 52018PC0340 and tree notice of 2009/0162(COD).

The corpus has no fiche on either proposal. The test makes one from the seed's real fiche: its
COM number replaced by COM(2018) 340, and one footnote added that cites procedure
2009/0162(COD). Nothing else is edited."""

from __future__ import annotations

import subprocess

import pytest
from cli_helpers import ROOT, run_cli_here, run_json_here
from crawl_helpers import crawl_command, failed_paths, query
from proposal_corpus import SEED
from replay.server import ReplayServer

TREE_2018 = "/resource/procedure/2018_172"  # not in the corpus: the replay answers 404


def made_fiche(folder):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Fiche 1: Aanbeveling"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Minister van Asiel"))
    text = "\n".join(lines[start:end]).replace("COM (2026) 462", "COM(2018) 340")
    text += "\n\n¹ Vergelijk de macrofinanciële bijstand aan Oekraïne, procedure 2009/0162(COD).\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fiche-com-2018-340.txt").write_text(text, encoding="utf-8")
    return folder


def crawl(replay, home):
    command = crawl_command(replay.url, home, "eurlex", "--since", "2020-01-01")
    command[command.index("FICHE_EURLEX_PROCEDURES=0")] = "FICHE_EURLEX_PROCEDURES=1"
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "Traceback" not in result.stderr
    return result


def notice_requests(replay):
    return sorted(r for r in replay.document_requests() if r.startswith("/resource/"))


@pytest.fixture
def replay():
    with ReplayServer() as server:
        yield server


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "archive"
    assert run_cli_here("import", str(made_fiche(tmp_path / "inbox")), home=home).returncode == 0
    return home


def test_procedures_of_cited_proposals_are_crawled_archived_and_parsed(replay, home):
    crawl(replay, home)
    assert notice_requests(replay) == [
        "/resource/celex/52018PC0340",
        "/resource/procedure/2009_162",
        TREE_2018,  # followed from the branch notice's procedure reference
    ]
    formats = dict(query(home, "SELECT id, format FROM documents WHERE doc_type = 'eu-procedure'"))
    assert formats == {
        "procedure-2018-0172-cod": "cellar-branch",
        "procedure-2009-0162-cod": "cellar-tree",
    }
    assert failed_paths(home) == {TREE_2018: "HTTP 404"}  # recorded, not a crash
    raw = query(home, "SELECT COUNT(*) FROM fetches WHERE location LIKE '%/resource/%'")
    assert raw == [(2,)]  # both notices kept raw

    timeline = run_json_here("proposal", "COM(2018) 340", home=home)
    assert timeline["procedure"] == "2018/0172(COD)"
    assert "32019L0904" in timeline["celex"]
    assert {e["relation"] for e in timeline["timeline"]} >= {"fiche", "commission"}
    events = run_json_here("proposal", "2009/0162(COD)", home=home)["timeline"]
    steps = [e["relation"] for e in events if e["kind"] == "event"]
    assert steps == ["commission", "parliament", "council", "signature"]
    assert [e["relation"] for e in events if e["kind"] == "document"] == ["cites"]

    replay.reset_counts()
    crawl(replay, home)  # same month: only the failed notice is asked for again
    assert notice_requests(replay) == [TREE_2018]


def test_an_unreadable_notice_is_a_recorded_failure(replay, home):
    replay.inject("/resource/procedure/2009_162", "malformed")
    crawl(replay, home)
    assert failed_paths(home)["/resource/procedure/2009_162"] == "malformed XML"
    ids = {row[0] for row in query(home, "SELECT id FROM documents")}
    assert "procedure-2018-0172-cod" in ids and "procedure-2009-0162-cod" not in ids
