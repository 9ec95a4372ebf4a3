"""The members of a story as the comparer sees them, and their tolls: which report gave which
figure when, whether a later report's higher toll says it rose, and which figures are parts
of a toll ("killed 14, including three children")."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from ..checks.values import TOLLS
from ..model import Claim, Span


@dataclass(frozen=True)
class Member:
    article: str
    source: str | None
    published: date | None
    published_at: datetime | None
    text: str
    claims: tuple[Claim, ...]
    copy_of: str | None = None


def tolls_by_sentence(m: Member) -> dict[Span, list[Claim]]:
    """An article's death and injury tolls by sentence."""
    found: dict[Span, list[Claim]] = defaultdict(list)
    for c in m.claims:
        if c.kind == "number" and c.what.startswith(TOLLS):
            found[c.sentence].append(c)
    return found


def parts_of_other_tolls(a: Claim, am: Member, a_tolls: dict, b: Claim, bm: Member, b_tolls: dict) -> bool:
    """Whether two figures are parts of tolls ("killed at least 14, including three children") and
    the tolls are other figures too: the part grew with its toll, and the toll's own finding says so."""
    if a.what.startswith(TOLLS) or not (a_tolls.get(a.sentence) and b_tolls.get(b.sentence)):
        return False
    return not any(x.low == y.low for x in a_tolls[a.sentence] for y in b_tolls[b.sentence])


def published_order(m: Member) -> tuple:
    """Earliest published first; on one day, a report that gives no time before those that do."""
    return (m.published or date.max, m.published_at.timestamp() if m.published_at else 0.0)


def top(group, by_article) -> float:
    """The highest figure a group of articles gives."""
    return max((c.high if c.high is not None else c.low or 0) for a in group for c, _ in by_article[a])


def later_is_higher(groups, by_article, members) -> bool:
    """True when every report of a higher toll was published after every report of a lower one."""
    ordered = sorted(groups, key=lambda g: top(g, by_article))
    for low, high in zip(ordered, ordered[1:]):
        if not all(members[a].published_at or members[a].published for a in (*low, *high)):
            return False
        if max(published_order(members[a]) for a in low) >= min(published_order(members[a]) for a in high):
            return False
    return True


def said_to_rise(groups, by_article, rose: re.Pattern) -> bool:
    """Whether the tolls rose from report to report and every report of a higher toll says it
    rose (`rose`: the words that say so): the reports agree on how the count grew."""
    members = {a: items[0][1] for a, items in by_article.items()}
    if not later_is_higher(groups, by_article, members):
        return False
    lowest = min(groups, key=lambda g: top(g, by_article))
    return all(rose.search(m.text[max(c.sentence.start, c.span.start - 60) : c.span.end + 30])
               for g in groups if g is not lowest for a in g for c, m in by_article[a])  # fmt: skip
