"""An analyst's days are local days; the library stores UTC timestamps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

# Bounds for days at the ends of the calendar (``--since 0001-01-01``, ``to:9999``), where the
# conversion to UTC leaves the range ``datetime`` can hold. Stored timestamps are ISO strings
# compared as text: every one sorts after the first bound and before the second.
BEFORE_ALL = "0000-00-00T00:00:00.000000+00:00"
AFTER_ALL = "9999-99-99T00:00:00.000000+00:00"


def day_start(day: date) -> str:
    """Local midnight at the start of ``day``, as the UTC ISO timestamp stored rows compare with."""
    try:
        return (
            datetime.combine(day, time.min)
            .astimezone()
            .astimezone(UTC)
            .isoformat(timespec="microseconds")
        )
    except (ValueError, OverflowError):  # year 1 or 9999 shifted out of range by the offset
        return BEFORE_ALL if day.year < 5000 else AFTER_ALL


def day_end(day: date) -> str:
    """Local midnight at the end of ``day`` (exclusive bound), as a UTC ISO timestamp."""
    if day >= date.max:
        return AFTER_ALL
    return day_start(day + timedelta(days=1))
