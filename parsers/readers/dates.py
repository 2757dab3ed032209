"""Printed dates to ISO: "6 juli 2021", "12 December 2001", "13. Juni 2002", "22.1.2025"."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
    # German
    "januar": 1, "februar": 2, "märz": 3, "mai": 5, "dezember": 12,
}  # fmt: skip
_WORD_DATE = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-zäÄ]+)\s+(\d{4})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def iso_date(year: int, month: int, day: int) -> str:
    """ISO yyyy-mm-dd, or "" for an impossible date."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_word_date(text: str) -> str:
    """The first "6 juli 2021" / "12 December 2001" / "13. Juni 2002" in text, as ISO."""
    for day, month_name, year in _WORD_DATE.findall(text):
        month = _MONTHS.get(month_name.lower())
        if month:
            found = iso_date(int(year), month, int(day))
            if found:
                return found
    return ""


def find_numeric_date(text: str) -> str:
    """The first "22.1.2025" (day.month.year) in text, as ISO."""
    for day, month, year in _NUMERIC_DATE.findall(text):
        found = iso_date(int(year), int(month), int(day))
        if found:
            return found
    return ""
