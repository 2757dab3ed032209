"""The benchmark suite runs (on a tiny slice), so it cannot rot. No timing is asserted."""

import subprocess
import sys

from cli_helpers import ROOT


def test_benchmark_runs_on_a_tiny_slice(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--sizes",
            "200",
            "--no-parse",
            "--cluster",
            "",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "import+index:" in out and "sections/s" in out
    assert "embedded warm" in out and "fts5 warm" in out
    assert "x the input" in out
