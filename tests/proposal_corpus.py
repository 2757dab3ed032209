"""Archives for the proposal tests, from real documents.

The corpus has no revised fiche. `revised_fiche` makes one from the seed's real fiche: the
fiche part of the seed file, its heading "Fiche 1: ..." printed as "Herzien fiche: ...", with
ONE verdict changed (the overall position: the recommendation "sluit ... in belangrijke mate
aan bij" Dutch policy becomes "sluit ... niet aan bij" it). Nothing else is edited.
"""

import shutil
from pathlib import Path

from cli_helpers import run_cli_here
from conftest import CORPUS

SEED = CORPUS / "seed" / "000_ca383b1a1cb74577.txt"
MIFIR = (
    CORPUS
    / "fiches"
    / "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf"
)
FICHE_HEADING = "Fiche 1: Aanbeveling aantrekken van talent voor innovatie"
VERDICT = ("in belangrijke mate aan bij", "niet aan bij")


def fiche_lines() -> tuple[list[str], list[str]]:
    """The seed's cover letter and its fiche (from its heading to the beslisnota), as lines."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = lines.index(FICHE_HEADING)
    end = next(i for i, line in enumerate(lines) if line.startswith("Minister van Asiel"))
    return lines[:start], lines[start:end]


def revised_fiche(folder):
    """The seed's fiche alone, as a revised fiche with its overall position changed."""
    _, lines = fiche_lines()
    text = "\n".join(lines).replace("Fiche 1: ", "Herzien fiche: ", 1)
    assert text.count(VERDICT[0]) == 1
    text = text.replace(*VERDICT)
    path = folder / "herzien-fiche-talent.txt"
    path.write_text(text, encoding="utf-8")
    return path


def proposal_archive(inbox: Path, home: Path, extra: list[Path] = ()) -> Path:
    """The seed, its revised fiche and the Cellar procedure notices, imported into home."""
    for path in [SEED, *sorted((CORPUS / "eurlex").glob("cellar_notice_*.xml")), *extra]:
        shutil.copy(path, inbox)
    revised_fiche(inbox)
    result = run_cli_here("import", str(inbox), home=home)
    assert result.returncode == 0, result.stderr
    return home
