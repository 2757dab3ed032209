"""The reference patterns are tried only where a cheap literal scan says they can match
(parsers/links.py): on real EUR-Lex and Tweede Kamer texts, and on look-alikes that overlap,
that must find exactly what a scan of every position (finditer) finds."""

import gzip
import json
import re
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest
from conftest import CORPUS, SHARED

from benchmarks.links_equivalence import PARTS
from parsers import links, parse_file

ROOT = Path(__file__).resolve().parents[1]

EDGE_CASES = [
    "SEC(2020) 5 en C(2021)(2022) 7, Com (2019) 12 en JOIN/2020/5 in uri=COM:2021:0726:FIN",
    "EUCOM(2020) 1, ECLI:EU:C:2020:559, C :2020: 5 en SWD\n(2021) 346",
    "12022PC05461234 en CELEX%3A52022PC0546, 2222A22223B1234 en 1111AA2222BB3333",
    "(29754, nr. 113), 31700 VII nr. 72, 21501-07, nr. 1395, 123456 nr. 3",
    "moties 30420, nrs 100 en 101, 32 123 XVI, nr. 30 en 12345  ,  nr. 4",
    "Zij krijgt nr. 1136 (32847). Nr. 5 (21501-20) en xnr. 7 (12345)",
    "30569-8, 31700-B-14, 12345-67-8, 1234567-8, 21501-07- Besluit, 29861-187/2",
]


def scale_texts(count: int) -> list[str]:
    with gzip.open(SHARED / "scale" / "eurlex-nl.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in islice(lines, count)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """EUR-Lex texts, Tweede Kamer texts with dossier numbers, and the edge cases."""
    parliamentary = []
    for name in (
        "kamerstukken/kst-32545-143.xml",
        "kamerstukken/ah-tk-20202021-3235.xml",
        "pdf/tk_besluitenlijst_example1.pdf",
        "pdf/tk_handelingen_2024_tweeminutendebat_volkshuisvesting_40993d1c.pdf",
    ):
        for doc in parse_file(CORPUS / name):
            parliamentary.append("\n\n".join(section.text for section in doc.sections))
    return scale_texts(300) + parliamentary + EDGE_CASES


def spans(matches) -> list[tuple]:
    return [(match.span(), match.groups()) for match in matches]


@pytest.mark.parametrize(
    "pattern, starts",
    [
        (links._COM, links._com_starts),
        (links._CELEX_TAIL, lambda text: links._literal_hits(links._CELEX_TAIL_STARTS, text)),
        (links._DOSSIER_NR, links._dossier_nr_starts),
        (links._NUMBER_DOSSIER, lambda text: links._literal_hits(links._NR_DOT, text)),
        (
            links._DOSSIER_DASH,
            lambda text: (m.start() - 5 for m in links._DASH_AFTER_FIVE_DIGITS.finditer(text)),
        ),
    ],
    ids=["com", "celex", "dossier-nr", "number-dossier", "dossier-dash"],
)
def test_tried_where_the_literal_scan_says_finds_what_finditer_finds(texts, pattern, starts):
    found = 0
    for text in texts:
        expected = spans(pattern.finditer(text))
        assert spans(links._matches_at(pattern, text, starts(text))) == expected
        found += len(expected)
    assert found > 0


def test_the_act_before_a_number_is_the_one_a_search_of_every_position_finds(texts):
    """_act_before skips the search, and positions where no act word or parties begin: what
    it finds must be what the whole pattern finds whenever that holds a word or parties."""
    lookahead, whole = links._ACT_BEFORE.pattern.split(")", 1)  # without "(?=[...]"
    assert lookahead.startswith("(?=[")
    everywhere = re.compile(whole, re.IGNORECASE)
    acts = others = 0
    for text in texts:
        for slash in links._SLASH.finditer(text):
            start = links._number_start(text, slash.start())
            if start < 0:
                continue
            full = everywhere.search(text, max(0, start - links._ACT_LOOKBACK), start)
            fast = links._act_before(text, start)
            if full.group(1) or full.group(2):
                acts += 1
                assert (fast.start(), fast.groups()) == (full.start(), full.groups())
            else:
                others += 1
                assert fast is None or not (fast.group(1) or fast.group(2))
    assert acts > 300 and others > 300


def test_equivalence_benchmark_compares_old_and_new_and_counts_differences():
    """benchmarks/links_equivalence.py against HEAD's links.py, on a few texts."""
    command = [sys.executable, "-m", "benchmarks.links_equivalence", "--rev", "HEAD"]
    command += ["--texts", "30", "--corpus-files", "3", "--parts"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "scale: 30 texts" in result.stdout
    rows = [line for line in result.stdout.splitlines() if "differing texts   old" in line]
    assert len(rows) == 2 * (4 + len(PARTS))  # scale and corpus, each run and each part
    assert result.stdout.strip().endswith("differing texts in all: 0")
