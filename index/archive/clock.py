"""The archive's timestamps: UTC, to the second, ISO 8601 (they sort as text)."""

from datetime import UTC, datetime


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
