"""Dutch dates in running text ("29 januari 2026", "juli 2019", "24-03-2026") as ISO strings."""

from __future__ import annotations

import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")


def parse_dutch_date(text: str) -> str:
    """The first date in the text: "yyyy-mm-dd", or "yyyy-mm" when only month and year are
    printed (never a guessed day), or "" when there is none."""
    full = _FULL.search(text)
    if full:
        day, month, year = int(full.group(1)), MONTHS[full.group(2).lower()], full.group(3)
        return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else ""
    numeric = _NUMERIC.search(text)
    if numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else ""
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        return f"{month_year.group(2)}-{MONTHS[month_year.group(1).lower()]:02d}"
    return ""
