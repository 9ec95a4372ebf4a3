"""The stance matrix: holders (grouped by actor code, as of each article's date) by issues."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Analysis


def stance_matrix(analyses: Iterable[Analysis], by: str = "code") -> dict[str, dict[str, Counter]]:
    """holder -> issue -> Counter of polarities; `by` is "code" (USAGOV) or "actor" (a name)."""
    matrix: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for analysis in analyses:
        actors = {a.id: a for a in analysis.actors}
        for stance in analysis.stances:
            actor = actors[stance.holder]
            row = (actor.code or actor.name) if by == "code" else actor.name
            matrix[row][stance.issue][stance.polarity] += 1
    return {row: dict(cells) for row, cells in matrix.items()}


def summarise(cell: Counter) -> str:
    """One cell as text: "support", "oppose", "mixed (1 support, 1 oppose)"."""
    kinds = [k for k, n in cell.items() if n]
    if len(kinds) == 1:
        return kinds[0] + (f" x{cell[kinds[0]]}" if cell[kinds[0]] > 1 else "")
    return "mixed (" + ", ".join(f"{n} {k}" for k, n in sorted(cell.items())) + ")"
