"""Conversions between table rows and domain values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def now_iso() -> str:
    """UTC timestamp with microseconds, so two quick changes still sort in order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def to_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def from_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def row_dict(cursor: Any, row: tuple) -> dict[str, Any]:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}
