import json
import subprocess
import sys

from conftest import SEED


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, timeout=120
    )


def test_parse_json_prints_an_array_of_documents():
    result = run_cli("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)
    assert isinstance(documents, list) and documents
    assert {"id", "source", "doc_type", "title", "date", "url", "metadata", "sections"} <= set(
        documents[0]
    )


def test_parse_empty_file_is_one_clear_line_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("parse", str(empty))
    assert result.returncode == 1
    assert "empty file" in result.stderr
    assert "Traceback" not in result.stderr
