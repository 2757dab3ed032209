"""Dutch dates in running text ("29 januari 2026", "juli 2019", "24-03-2026", "24/3/2026",
"24.03.2026", "2026-03-24") as ISO strings. A numeric date is day-month-year, the Dutch order,
unless it starts with the year (ISO)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
# One separator throughout ("12-03-2015", "12/3/2015", "12.03.2015"), so that "2012/0123/COD"
# or "1.2.3" are no dates; the digits around may not run on ("kst-22112-12-3-2015" is none).
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/-])")
_ISO = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")


def parse_dutch_date(text: str) -> str:
    """The first date in the text: "yyyy-mm-dd", or "yyyy-mm" when only month and year are
    printed (never a guessed day), or "" when there is none."""
    found = [
        (m.start(), _iso(m.group(3), MONTHS[m.group(2).lower()], m.group(1)))
        for m in _FULL.finditer(text)
    ]
    found += numeric_dates(text)
    valid = sorted((start, iso) for start, iso in found if iso)
    if valid:
        return valid[0][1]
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return f"{month_year.group(2)}-{MONTHS[month_year.group(1).lower()]:02d}"
    return ""


def numeric_date(text: str) -> str:
    """The first numeric date in the text ("12-03-2015", "12/3/2015", "2015-03-12"), ISO."""
    valid = sorted((start, iso) for start, iso in numeric_dates(text) if iso)
    return valid[0][1] if valid else ""


def numeric_dates(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date or "" when impossible) of every numeric date in the text."""
    found = [
        (m.start(), _iso(m.group(4), m.group(3), m.group(1)))
        for m in _DAY_MONTH_YEAR.finditer(text)
    ]
    found += [(m.start(), _iso(m.group(1), m.group(2), m.group(3))) for m in _ISO.finditer(text)]
    return found


def _iso(year: str | int, month: str | int, day: str | int) -> str:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
