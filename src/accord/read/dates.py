"""Publication dates from the many shapes metadata gives them in."""

import time
from datetime import date, datetime, timezone

from ..errors import InputRejected


def parse_published(value) -> date | None:
    """Return a date from an ISO string, datetime, date or struct_time; None for empty values."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputRejected(f"publication date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_moment(value) -> datetime | None:
    """The publication time in UTC when the value carries a time of day, else None."""
    if isinstance(value, time.struct_time):
        value = datetime(*value[:6], tzinfo=timezone.utc)
    elif isinstance(value, str) and len(value.strip()) > 10:
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return aware.astimezone(timezone.utc)
