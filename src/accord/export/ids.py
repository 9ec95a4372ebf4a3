"""What every event export shares: a stable event number and the day an event is dated."""

from __future__ import annotations

import hashlib

from .select import Bundle


def event_id(article_id: str, n: int) -> int:
    """A stable positive 56-bit integer for event `n` of an article (GDELT's GLOBALEVENTID)."""
    digest = hashlib.blake2b(f"{article_id}#{n}".encode(), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def event_day(bundle: Bundle, event: dict) -> str | None:
    """The event's ISO day: its own date, else the article's publication date, else None."""
    return event.get("when") or bundle.article["published"]
