"""Council votes beside the cabinet's fiche: `crawl consilium` through the replay server, which
serves the Council's dump zip around tests/replay/data/consilium/turtle-dump.ttl (hand-written
in the dump's codi: vocabulary; its member-state positions are test data).

The archive holds a fiche on COM(2018) 340 (the seed's real fiche with its COM number replaced,
as in test_crawl_procedures.py) and Cellar's real branch notice of 52018PC0340, which names its
procedure, 2018/0172(COD). The dump votes on that procedure (NL against, HU and PL abstaining,
MT not taking part), on 2009/0162(COD) and on 2023/0079(COD), which no archived document names.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile

import pytest
from cli_helpers import ROOT, run_cli_here, run_json_here
from conftest import CORPUS
from crawl_helpers import crawl_command, failed_paths, query
from replay.server import COUNCIL_DUMP, ReplayServer, council_dump
from starlette.testclient import TestClient
from test_crawl_procedures import made_fiche

import fiche_search
from index.features.said_and_did import said_and_did
from parsers.council_votes import DumpError, read_dump
from web.app import BASE_URL, create_app

BRANCH_NOTICE = CORPUS / "eurlex" / "cellar_notice_branch_52018PC0340.xml"
EVERY_RUN = ("-s", "FICHE_CONSILIUM_DAILY=0")  # not once a day: each crawl asks (conditionally)


def crawl(replay, home, *settings: str) -> dict:
    command = crawl_command(replay.url, home, "consilium", *settings)
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "Traceback" not in result.stderr, result.stderr
    [summary] = json.loads(result.stdout)["sources"]
    return summary


def dump_requests(replay) -> list[str]:
    return [r for r in replay.requests if r == COUNCIL_DUMP]


def stored_votes(home) -> list[tuple]:
    return query(home, "SELECT procedure, date FROM council_votes ORDER BY date")


@pytest.fixture(scope="module")
def fiche_home(tmp_path_factory):
    """An archive of the fiche and the branch notice, never crawled: copied by each test."""
    folder = tmp_path_factory.mktemp("votes")
    inbox = made_fiche(folder / "inbox")
    shutil.copy(BRANCH_NOTICE, inbox)
    home = folder / "home"
    result = run_cli_here("import", str(inbox), home=home)
    assert result.returncode == 0, result.stderr
    return home


@pytest.fixture
def home(fiche_home, tmp_path):
    return shutil.copytree(fiche_home, tmp_path / "home")


@pytest.fixture
def replay():
    with ReplayServer() as server:
        yield server


@pytest.fixture(scope="module")
def crawled(fiche_home, tmp_path_factory):
    """The fiche archive after one crawl of the replayed dump (read-only for the tests)."""
    home = shutil.copytree(fiche_home, tmp_path_factory.mktemp("crawled") / "home")
    with ReplayServer() as server:
        summary = crawl(server, home)
    assert summary["fetched"] == 1 and summary["complete"], summary
    return home


def test_the_proposal_shows_the_vote_nl_s_position_and_said_and_did(crawled):
    timeline = run_json_here("proposal", "COM(2018) 340", home=crawled)
    [vote] = timeline["council_votes"]
    assert vote["procedure"] == "2018/0172(COD)" == timeline["procedure"]
    assert (vote["date"], vote["outcome"]) == ("2019-05-21", "Adoption of the legislative act")
    assert vote["rule"] == "Qualified majority"
    assert vote["configuration"] == "Economic and Financial Affairs Council"
    assert vote["document"] == "PE-CONS 11 2019 INIT"
    assert vote["nl"] == "against" and vote["against"] == ["NL"]
    assert vote["abstained"] == ["HU", "PL"]
    assert vote["not_participating"] == ["MT"]
    assert len(vote["in_favour"]) == 23  # the other member states
    [event] = [e for e in timeline["timeline"] if e["kind"] == "council-vote"]
    assert event["date"] == "2019-05-21" and "NL against" in event["title"]
    said = timeline["said_and_did"]
    assert said["position"] == timeline["position"]["positie"]["label"]
    assert said["position"] == "steunt_onder_voorwaarden"  # support written ...
    assert said["vote"] == "against"  # ... against voted
    assert said["differs"] is True
    assert said["evidence"] == timeline["position"]["positie"]["evidence"]


def test_votes_differs_lists_the_vote_that_contradicts_the_fiche(crawled):
    [row] = run_json_here("votes", "--differs", home=crawled)
    assert row["procedure"] == "2018/0172(COD)" and row["com_numbers"] == ["COM(2018) 340"]
    assert (row["position"], row["vote"], row["differs"]) == (
        "steunt_onder_voorwaarden",
        "against",
        True,
    )
    every = run_json_here("votes", home=crawled)
    assert [r["date"] for r in every] == ["2024-03-12", "2019-05-21", "2009-12-16"]
    hungary = run_json_here("votes", "--country", "hu", "--differs", home=crawled)
    assert [(r["country"], r["vote"]) for r in hungary] == [("HU", "abstained")]
    table = run_cli_here("votes", "--csv", "--since", "2019-01-01", home=crawled)
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["procedure"] for r in rows] == ["2023/0079(COD)", "2018/0172(COD)"]


def test_bad_votes_options_are_one_line_and_exit_2(crawled):
    for args, said in (
        (("--country", "NLD"), "two-letter"),
        (("--since", "2019-13-01"), "a date like"),
    ):
        result = run_cli_here("votes", *args, home=crawled)
        assert result.returncode == 2, result.stderr
        assert said in result.stderr and "Traceback" not in result.stderr


def procedures(home, *args: str) -> list[str]:
    return [row["procedure"] for row in run_json_here("votes", *args, home=home)]


def test_votes_take_the_search_s_filters_whatever_the_case_and_accents(crawled):
    # a proposal in any form `proposal` takes: COM, CELEX, procedure
    for ref in ("COM(2018) 340", "com/2018/340 final", "52018PC0340", "2018/0172(COD)"):
        assert procedures(crawled, "--proposal", ref) == ["2018/0172(COD)"], ref
    assert procedures(crawled, "--proposal", "2023/0079(COD)") == ["2023/0079(COD)"]
    ecofin = ("--configuration", "ECONOMIC and Financial Affairs Cöuncil")
    assert procedures(crawled, *ecofin) == ["2023/0079(COD)", "2018/0172(COD)"]
    assert procedures(crawled, *ecofin, "--vote", "Abstained") == ["2023/0079(COD)"]
    assert procedures(crawled, "--vote", "against", "--vote", "abstained") == [
        "2023/0079(COD)",
        "2018/0172(COD)",
    ]
    outcome = ("--outcome", "adoption of the legislative act")
    assert len(procedures(crawled, *outcome)) == 3
    # the fiche's ministerie, short as the search's facet shows it
    [row] = run_json_here(
        "votes", "--ministerie", "ministerie van justitie en veiligheid", home=crawled
    )
    assert (row["procedure"], row["ministerie"]) == (
        "2018/0172(COD)",
        "Ministerie van Justitie en Veiligheid",
    )
    # dates as the search takes them: --until 2019 is the whole year
    assert procedures(crawled, "--until", "2019") == ["2018/0172(COD)", "2009/0162(COD)"]
    assert procedures(crawled, "--since", "2019-05", "--until", "2019-05") == ["2018/0172(COD)"]
    table = run_cli_here("votes", "--csv", "--proposal", "COM(2018) 340", home=crawled).stdout
    [csv_row] = csv.DictReader(io.StringIO(table))
    assert csv_row["ministerie"] == "Ministerie van Justitie en Veiligheid"


def test_the_api_takes_each_votes_filter_as_a_value_or_a_list(crawled):
    with fiche_search.open(crawled) as archive:
        rows = archive.council_votes(vote=["Against", "abstained"], until="2019")
        assert [(r.procedure, r.vote) for r in rows] == [("2018/0172(COD)", "against")]
        [row] = archive.council_votes(proposal=["52018PC0340"])
        assert row.ministerie == "Ministerie van Justitie en Veiligheid"
        with pytest.raises(fiche_search.BadVoteFilter, match="^--vote 'ja': votes are"):
            archive.council_votes(vote="ja")


def test_an_unknown_votes_filter_value_names_those_that_exist(crawled):
    for args, code, said in (
        (("--configuration", "Ecofin"), 2, "configuration values that exist, closest first: "),
        (("--outcome", "rejected"), 2, "'Adoption of the legislative act'"),
        (("--vote", "yes"), 2, "votes are, closest first: "),
        (("--ministerie", "Justitie"), 2, "'Ministerie van Justitie en Veiligheid'"),
        (("--proposal", "not a ref!"), 2, "not a proposal reference"),
        (("--proposal", "COM(2099) 1"), 1, "no document in the archive names COM(2099) 1"),
    ):
        result = run_cli_here("votes", *args, home=crawled)
        assert result.returncode == code, (args, result.stderr)
        [line] = result.stderr.splitlines()
        assert line.startswith("error: ") and said in line, line
    unknown = run_cli_here("votes", "--configuration", "Ecofin", home=crawled).stderr
    assert "no Council vote has configuration 'Ecofin'" in unknown
    assert "'Economic and Financial Affairs Council'" in unknown


def test_stats_counts_the_votes_and_those_that_join_a_proposal_or_a_fiche(crawled, fiche_home):
    # 2018/0172(COD): the fiche's proposal; 2009/0162(COD): only cited by the fiche (a
    # proposal in the archive, not the fiche's); 2023/0079(COD): named by nothing
    counts = run_json_here("stats", home=crawled)["council_votes"]
    assert counts == {"votes": 3, "linked": 2, "with_fiche": 1}
    every = run_json_here("votes", home=crawled)  # the same counts as its rows
    assert [r["procedure"] for r in every if r["linked"]] == ["2018/0172(COD)", "2009/0162(COD)"]
    assert sum(r["fiche"] is not None for r in every) == counts["with_fiche"]
    line = run_cli_here("stats", home=crawled).stdout.splitlines()[-1]
    assert line == "Council votes: 3, 2 on a proposal in the archive, 1 on one with a fiche"
    never = run_cli_here("stats", home=fiche_home).stdout.splitlines()[-1]
    assert never == "Council votes: none (fetch them with `fiche-search crawl consilium`)"


def test_a_vote_on_a_procedure_no_document_names_is_kept_linked_to_nothing(crawled):
    [row] = [r for r in run_json_here("votes", home=crawled) if r["date"] == "2024-03-12"]
    assert row["procedure"] == "2023/0079(COD)"
    assert (row["com_numbers"], row["position"], row["fiche"]) == ([], None, None)
    assert row["linked"] is False
    assert (row["vote"], row["differs"]) == ("abstained", False)
    alone = run_json_here("proposal", "2023/0079(COD)", home=crawled)
    assert [v["abstained"] for v in alone["council_votes"]] == [["NL", "SE"]]
    assert alone["said_and_did"] == {
        "position": None,
        "evidence": None,
        "vote": "abstained",
        "differs": False,
    }


def test_the_proposal_page_has_a_council_row_nl_first(crawled):
    client = TestClient(create_app(crawled), base_url=BASE_URL)
    page = client.get("/proposal", params={"ref": "COM(2018) 340"})
    assert page.status_code == 200
    row = page.text[page.text.index('<tr class="council">') :]
    row = row[: row.index("</tr>")]
    assert row.index("NL against") < row.index("AT in favour") < row.index("HU abstained")
    assert row.count('class="vote ') == 27
    assert "differs</strong> from what the fiche wrote" in page.text


def test_the_export_has_a_votes_table(crawled, tmp_path):
    result = run_cli_here("export", str(tmp_path), "--format", "csv", home=crawled)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "votes.csv").open(encoding="utf-8")))
    assert [r["procedure"] for r in rows] == ["2009/0162(COD)", "2018/0172(COD)", "2023/0079(COD)"]
    assert (rows[1]["nl"], rows[1]["abstained"]) == ("against", '["HU", "PL"]')


def test_the_dump_is_archived_raw_asked_for_conditionally_and_alerts_a_watch_once(replay, home):
    added = run_cli_here("watch", "add", "plastics", "--proposal", "COM(2018) 340", home=home)
    assert added.returncode == 0, added.stderr
    assert run_json_here("watch", "run", home=home) == {"plastics": []}

    assert crawl(replay, home)["fetched"] == 1
    [(sha,)] = query(home, "SELECT sha256 FROM fetches WHERE location LIKE ?", f"%{COUNCIL_DUMP}")
    assert sha in {path.name.split(".")[0] for path in (home / "raw").rglob("*") if path.is_file()}
    assert len(stored_votes(home)) == 3
    [alert] = run_json_here("watch", "run", home=home)["plastics"]
    assert alert["doc_type"] == "council-vote"
    assert alert["title"] == (
        "Council vote on 2018/0172(COD): Adoption of the legislative act; NL against"
    )
    assert alert["doc_id"] == "procedure-2018-0172-cod"

    again = crawl(replay, home)  # the same day: not asked for at all
    if again["skipped"] != 1:  # midnight (UTC) fell between the two crawls: a new day's ask
        assert (again["unchanged"], len(dump_requests(replay))) == (1, 2)
        again = crawl(replay, home)
    asked = len(dump_requests(replay))
    assert again["skipped"] == 1 and asked in (1, 2)
    unchanged = crawl(replay, home, *EVERY_RUN)  # asked for, with its ETag: 304
    assert (unchanged["fetched"], unchanged["unchanged"]) == (0, 1)
    assert len(dump_requests(replay)) == asked + 1
    assert len(stored_votes(home)) == 3
    assert run_json_here("watch", "run", home=home) == {"plastics": []}

    # reparse reads the dump's votes again; it is never taken for a document
    assert run_cli_here("reparse", home=home).returncode == 0
    assert run_cli_here("reparse", "--all", home=home).returncode == 0
    assert query(home, "SELECT COUNT(*) FROM parse_failures") == [(0,)]
    assert query(home, "SELECT documents FROM parses WHERE sha256 = ?", sha) == [(0,)]
    assert len(stored_votes(home)) == 3


def test_a_broken_zip_or_turtle_is_a_recorded_failure_retried_with_the_archive_intact(replay, home):
    crawl(replay, home)
    documents = query(home, "SELECT id, sha256 FROM documents ORDER BY id")
    fetches = query(home, "SELECT location, sha256 FROM fetches ORDER BY location")

    replay.inject(COUNCIL_DUMP, "malformed")  # half the zip and some garbage
    assert crawl(replay, home, *EVERY_RUN)["failed"] == 1
    assert failed_paths(home)[COUNCIL_DUMP].startswith("not a readable zip archive")

    good = replay.replay.council_turtle
    replay.replay.council_turtle = b"@prefix codi: <http://data.consilium.europa.eu/def/codi/> .\n"
    replay.replay.council_turtle += b"<http://x/vote> codi:forInterInstitutionalCode ;;; .\n"
    assert crawl(replay, home, *EVERY_RUN)["failed"] == 1
    assert failed_paths(home)[COUNCIL_DUMP].startswith("Turtle syntax error in turtle-dump.ttl")

    assert len(stored_votes(home)) == 3
    assert query(home, "SELECT id, sha256 FROM documents ORDER BY id") == documents
    assert query(home, "SELECT location, sha256 FROM fetches ORDER BY location") == fetches

    replay.replay.council_turtle = good  # retried on the next crawl, and settled
    retried = crawl(replay, home, *EVERY_RUN)
    assert (retried["failed"], retried["unchanged"]) == (0, 1)
    assert COUNCIL_DUMP not in failed_paths(home)


def test_read_dump_says_in_one_line_why_a_dump_cannot_be_read():
    with pytest.raises(DumpError, match="^not a readable zip archive"):
        read_dump(b"PK\x03\x04 not really")
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("README.txt", "no dump here")
    with pytest.raises(DumpError, match="holds no turtle-dump.ttl"):
        read_dump(empty.getvalue())
    votes = read_dump(
        council_dump((ROOT / "tests/replay/data/consilium/turtle-dump.ttl").read_bytes())
    )
    assert [v.procedure for v in votes] == ["2009/0162(COD)", "2018/0172(COD)", "2023/0079(COD)"]


@pytest.mark.parametrize(
    ("written", "voted", "differs"),
    [
        ("steunt", "against", True),
        ("steunt_onder_voorwaarden", "abstained", True),
        ("steunt", "in_favour", False),
        ("verwerpt", "in_favour", True),
        ("verwerpt", "against", False),
        ("kritisch", "against", False),  # criticism commits to no vote
        ("terughoudend", "in_favour", False),
        (None, "against", False),  # no fiche: nothing said to differ from
        ("steunt", "", False),  # the country is not listed in the vote
    ],
)
def test_said_and_did_differs_only_where_support_or_rejection_meets_the_opposite_vote(
    written, voted, differs
):
    compared = said_and_did(written, "Het kabinet ...", voted)
    assert (compared.position, compared.vote, compared.differs) == (written, voted, differs)
