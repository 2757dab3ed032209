"""A hostile file name, URL or error message in an import or crawl report is shown escaped:
it cannot clear the screen, move the cursor or start a line of its own that looks like another
entry of the report; a file name that is no UTF-8 is imported and named, not a traceback."""

import os

from cli_helpers import run_cli_here, run_json_here
from conftest import SEED

from cli.crawl_command import print_report as print_crawl_report
from parsers.characters import one_line

CUT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"  # no trailer: cannot be read
# clears the screen, homes the cursor, then fakes a report line of its own
HOSTILE = "evil\x1b[2J\x1b[H\n  failed: innocent.pdf: it was this one.pdf"


def folder_with(tmp_path, name: str):
    files = tmp_path / "files"
    files.mkdir()
    (files / name).write_bytes(CUT_PDF)
    (files / "seed.txt").write_bytes(SEED.read_bytes())
    return files


def test_a_hostile_file_name_is_one_escaped_line_of_the_import_report(tmp_path):
    result = run_cli_here("import", str(folder_with(tmp_path, HOSTILE)), home=tmp_path / "home")
    assert result.returncode == 1  # the cut PDF failed; the seed landed
    assert "\x1b" not in result.stderr + result.stdout
    failed = [line for line in result.stderr.splitlines() if "failed:" in line]
    assert len(failed) == 1
    assert "evil\\x1b[2J\\x1b[H\\n  failed: innocent.pdf" in failed[0]
    assert "Traceback" not in result.stderr


def test_the_json_report_keeps_the_name_and_no_raw_escape(tmp_path):
    home = tmp_path / "home"
    report = run_json_here("import", str(folder_with(tmp_path, HOSTILE)), home=home, exit_code=1)
    [failure] = report["failures"]
    assert failure["file"].endswith(HOSTILE)  # JSON escapes it; a reader gets it back as it is


def test_a_file_name_that_is_no_utf8_is_imported_and_named(tmp_path):
    name = os.fsdecode(b"caf\xe9.pdf")  # Latin-1, as an old archive or a zip may hold it
    files = folder_with(tmp_path, name)
    (files / os.fsdecode(b"seed-\xe9.txt")).write_bytes(SEED.read_bytes())
    result = run_cli_here("import", str(files), home=tmp_path / "home")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "caf\\xe9.pdf: corrupt or truncated PDF" in result.stderr
    again = run_cli_here("import", str(files), home=tmp_path / "home")
    assert "2 files unchanged" in again.stdout  # the seed and its copy, named the same each run


def test_a_hostile_url_and_reason_from_a_crawl_stay_on_their_line(capsys):
    entry = {
        "source": "tweedekamer",
        "listed": 3, "fetched": 2, "unchanged": 0, "skipped": 0, "failed": 1, "complete": True,
        "open_failures": [
            {"url": "http://host/x\x1b]8;;http://evil\x07", "reason": "HTTP 500\r\nfailed: 0"}
        ],
        "listing_error": "bad page\x9b2J", "alarm": "", "errors": ["\u202etxt.exe"],
    }  # fmt: skip
    print_crawl_report([entry], indexed=2, as_json=False)
    printed = capsys.readouterr()
    stderr = printed.err.splitlines()
    assert stderr == [
        "  failed: http://host/x\\x1b]8;;http://evil\\x07: HTTP 500\\r\\nfailed: 0",
        "error: tweedekamer: listing incomplete: bad page\\x9b2J",
        "error: tweedekamer: \\u202etxt.exe",
    ]


def test_one_line_leaves_ordinary_text_alone():
    assert (
        one_line("kst-32545-143 (Déjà vu).pdf: HTTP 404") == "kst-32545-143 (Déjà vu).pdf: HTTP 404"
    )
    assert one_line("a\tb\u2028c") == "a\\tb\\u2028c"
