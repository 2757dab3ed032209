"""Archives for the proposal tests, from real documents.

The corpus has no revised fiche. `revised_fiche` makes one from the seed's real fiche: the
fiche part of the seed file, retitled "Herzien fiche", with ONE verdict changed (the
grondhouding on subsidiariteit from positief to negatief). Nothing else is edited.
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
SUBSIDIARITY = "De grondhouding van het kabinet ten aanzien van de subsidiariteit is positief."


def revised_fiche(folder):
    """The seed's fiche alone, as a revised fiche with the subsidiarity verdict changed."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Fiche 1: Aanbeveling"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Minister van Asiel"))
    text = "\n".join(lines[start:end])
    text = text.replace("Fiche 1: Aanbeveling", "Fiche 1: Herzien fiche Aanbeveling", 1)
    assert text.count(SUBSIDIARITY[:-1]) == 1
    text = text.replace(SUBSIDIARITY[:-1], SUBSIDIARITY[:-1].replace("positief", "negatief"))
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
