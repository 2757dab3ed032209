"""`watch add NAME --proposal REF`: one Atom entry per new document about the proposal and per
position change, exactly once across imports and re-parses. The revised fiche is made from
the seed's real fiche with one verdict changed (see proposal_corpus.py)."""

import shutil
from xml.etree import ElementTree as ET

from cli_helpers import run_cli_here, run_json_here
from proposal_corpus import SEED, revised_fiche
from starlette.testclient import TestClient

from web.app import BASE_URL, create_app

ATOM = "{http://www.w3.org/2005/Atom}"


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def test_new_documents_and_position_changes_alert_once(tmp_path):
    home, first, later = tmp_path / "home", tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    shutil.copy(SEED, first)
    revised_fiche(later)
    ok(run_cli_here("import", str(first), home=home))
    added = ok(run_cli_here("watch", "add", "talent", "--proposal", "COM (2026) 462", home=home))
    assert "following COM(2026) 462" in added.stdout
    assert run_json_here("watch", "run", home=home) == {"talent": []}  # the seed is the baseline

    ok(run_cli_here("import", str(later), home=home))
    alerts = run_json_here("watch", "run", home=home)["talent"]
    [document] = [a for a in alerts if a["doc_type"] == "fiche"]
    [change] = [a for a in alerts if a["doc_type"] == "change"]
    assert len(alerts) == 2
    assert "Herzien" in document["title"]
    assert change["title"].startswith("positie: steunt_onder_voorwaarden -> kritisch")
    assert change["doc_id"] == document["doc_id"]

    ok(run_cli_here("import", str(first), str(later), home=home))
    ok(run_cli_here("reparse", "--all", home=home))
    assert run_json_here("watch", "run", home=home) == {"talent": []}

    feed = TestClient(create_app(home), base_url=BASE_URL).get("/watch/talent.xml")
    entries = ET.fromstring(feed.content).findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == 2 and len(set(ids)) == 2
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert any(t.startswith("positie: steunt_onder_voorwaarden -> kritisch") for t in titles)
    listed = run_json_here("watch", "list", home=home)
    assert listed[0]["proposal"] == "COM (2026) 462"


def test_a_proposal_not_archived_yet_is_followed_from_its_first_document(tmp_path):
    home, inbox = tmp_path / "home", tmp_path / "inbox"
    inbox.mkdir()
    ok(run_cli_here("watch", "add", "talent", "--proposal", "COM(2026) 462", home=home))
    shutil.copy(SEED, inbox)
    ok(run_cli_here("import", str(inbox), home=home))
    alerts = run_json_here("watch", "run", home=home)["talent"]
    assert {a["doc_type"] for a in alerts} >= {"fiche", "kamerbrief", "beslisnota"}


def test_bad_usage(tmp_path):
    home = tmp_path / "home"
    malformed = run_cli_here("watch", "add", "x", "--proposal", "blauwe kaart", home=home)
    assert malformed.returncode == 2 and "a COM number" in malformed.stderr
    both = run_cli_here("watch", "add", "x", "kaart", "--proposal", "COM(2026) 462", home=home)
    assert both.returncode == 2 and "one of the two" in both.stderr
    neither = run_cli_here("watch", "add", "x", home=home)
    assert neither.returncode == 2
    # A filter would be ignored by a proposal watch: it is refused, not silently dropped.
    narrowed = run_cli_here(
        "watch", "add", "x", "--proposal", "COM(2026) 462", "--type", "fiche", home=home
    )
    assert narrowed.returncode == 2 and "filters narrow a QUERY" in narrowed.stderr
    assert "Traceback" not in narrowed.stderr
