"""An analyst's days are local days; the library stores UTC timestamps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def day_start(day: date) -> str:
    """Local midnight at the start of ``day``, as the UTC ISO timestamp stored rows compare with."""
    return (
        datetime.combine(day, time.min)
        .astimezone()
        .astimezone(UTC)
        .isoformat(timespec="microseconds")
    )


def day_end(day: date) -> str:
    """Local midnight at the end of ``day`` (exclusive bound), as a UTC ISO timestamp."""
    return day_start(day + timedelta(days=1))
