"""Roles in time: what a person held on a date, and when an undated article was written."""

from __future__ import annotations

from datetime import date

from .kb import KnowledgeBase, Person, Tenure


def describe_role(kb: KnowledgeBase, person: Person, day: date | None) -> str | None:
    """The offices `person` held on `day`, or their last office marked former, or None."""
    if day is None:
        return None
    current = kb.roles_on(person, day)
    if current:
        return "; ".join(_office_text(kb, t) for t in current)
    past = [t for t in person.roles if t.end and t.end <= day]
    if past:
        last = max(past, key=lambda t: t.end)
        return f"former {_office_text(kb, last)}"
    return None


def _office_text(kb: KnowledgeBase, tenure: Tenure) -> str:
    span = f"since {tenure.start}" if tenure.end is None else f"{tenure.start} to {tenure.end}"
    acting = "acting " if tenure.acting else ""
    return f"{acting}{kb.offices[tenure.office].name} ({span})"


def infer_window(claims: list[list[Tenure]]) -> tuple[date, date | None] | None:
    """The period in which most of the claimed roles were held at once.

    Each claim is the list of tenures that could make one "title + name" mention true.
    Returns (first day, first day after or None if still open), the latest such period on
    a tie, or None when there are no dated claims.
    """
    bounds = sorted({d for claim in claims for t in claim for d in (t.start, t.end) if d})
    if not bounds:
        return None
    best, best_count = None, 0
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else None
        count = sum(any(t.held_on(start) for t in claim) for claim in claims)
        if count >= best_count and count:
            if best and best_count == count and best[1] == start:
                best = (best[0], end)  # extend a run of equally good periods
            else:
                best = (start, end)
            best_count = count
    return best
