"""Saved searches: a new document alerts exactly once, across re-imports; the feed is Atom."""

import json
from xml.etree import ElementTree as ET

import pytest
from cli_helpers import run_cli_here, run_json_here
from starlette.testclient import TestClient

from web.app import BASE_URL, create_app

ATOM = "{http://www.w3.org/2005/Atom}"
WORD = "kwartelkoning"


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def new_ids(home, name="vogels"):
    report = run_json_here("watch", "run", home=home)
    return [alert["doc_id"] for alert in report[name]]


def test_a_new_document_alerts_exactly_once_across_imports(home, tmp_path):
    ok(run_cli_here("watch", "add", "vogels", WORD, "--include-existing", home=home))
    first = write(tmp_path / "a", "een.txt", f"Brief over de {WORD} in Drenthe.\n")
    ok(run_cli_here("import", str(first), home=home))
    reported = new_ids(home)
    assert len(reported) == 1
    assert new_ids(home) == []  # nothing new
    ok(run_cli_here("import", str(first), home=home))  # the same file again: never re-alerts
    assert new_ids(home) == []
    copy = write(tmp_path / "b", "een.txt", f"Brief over de {WORD} in Drenthe.\n")
    ok(run_cli_here("import", str(copy), home=home))  # the same bytes from elsewhere
    assert new_ids(home) == []
    second = write(tmp_path / "c", "twee.txt", f"Nieuwe brief: de {WORD} broedt weer.\n")
    write(second, "anders.txt", "Brief over iets anders.\n")
    ok(run_cli_here("import", str(second), home=home))
    latest = new_ids(home)
    assert len(latest) == 1 and latest != reported
    assert new_ids(home) == []


def test_add_takes_what_matches_now_as_baseline(home, tmp_path):
    ok(run_cli_here("import", str(write(tmp_path / "a", "een.txt", f"De {WORD}.\n")), home=home))
    added = ok(run_cli_here("watch", "add", "vogels", WORD, home=home))
    assert "1 documents match now" in added.stdout
    assert new_ids(home) == []
    ok(
        run_cli_here(
            "import", str(write(tmp_path / "b", "twee.txt", f"Weer de {WORD}.\n")), home=home
        )
    )
    assert len(new_ids(home)) == 1


def test_filters_are_saved_and_applied(home, tmp_path):
    ok(run_cli_here("import", str(write(tmp_path / "a", "een.txt", f"De {WORD}.\n")), home=home))
    ok(
        run_cli_here(
            "watch", "add", "fiches", WORD, "--type", "fiche", "--include-existing", home=home
        )
    )
    assert new_ids(home, "fiches") == []  # a txt letter is no fiche
    listed = run_json_here("watch", "list", home=home)
    assert listed[0]["filters"] == {"doc_types": ["fiche"]}


def test_list_remove_and_errors(home):
    ok(run_cli_here("watch", "add", "vogels", WORD, home=home))
    assert "vogels" in ok(run_cli_here("watch", "list", home=home)).stdout
    again = run_cli_here("watch", "add", "vogels", "iets", home=home)
    assert again.returncode == 2 and "exists" in again.stderr
    bad_name = run_cli_here("watch", "add", "../x", "iets", home=home)
    assert bad_name.returncode == 2 and "bad watch name" in bad_name.stderr
    bad_query = run_cli_here("watch", "add", "x", "iets", "--stance", "negatif", home=home)
    assert bad_query.returncode == 2 and "unknown stance" in bad_query.stderr
    ok(run_cli_here("watch", "remove", "vogels", home=home))
    assert run_json_here("watch", "list", home=home) == []
    missing = run_cli_here("watch", "remove", "vogels", home=home)
    assert missing.returncode == 1 and "no watch" in missing.stderr
    assert "Traceback" not in missing.stderr + bad_query.stderr


def test_text_report(home, tmp_path):
    ok(run_cli_here("watch", "add", "vogels", WORD, "--include-existing", home=home))
    ok(run_cli_here("import", str(write(tmp_path / "a", "een.txt", f"De {WORD}.\n")), home=home))
    report = ok(run_cli_here("watch", "run", home=home)).stdout
    assert "vogels: 1 new" in report


def test_the_feed_is_valid_atom_with_the_alerts(home, tmp_path):
    ok(run_cli_here("watch", "add", "vogels", WORD, "--include-existing", home=home))
    letter = write(tmp_path / "a", "een.txt", f"Over <de {WORD} & co>\n")
    ok(run_cli_here("import", str(letter), home=home))
    alerts = json.loads(ok(run_cli_here("watch", "run", "--json", home=home)).stdout)["vogels"]
    client = TestClient(create_app(home), base_url=BASE_URL)
    response = client.get("/watch/vogels.xml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{child}") is not None, child
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(alerts) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}id").text.endswith(alerts[0]["doc_id"])
    assert entry.find(f"{ATOM}updated").text
    link = entry.find(f"{ATOM}link").get("href")
    assert client.get(link).status_code == 200  # the entry opens the document page
    assert client.get("/watch/onbekend.xml").status_code == 404
    assert "vogels" in client.get("/watches").text
