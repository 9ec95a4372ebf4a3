"""`accord eval actors`: do the gold source and target actors resolve to their country codes?

For each gold actor the words of its `actorText` are found in the sentence; the actor is
right when a mention inside those words resolves to any of the gold codes of that role
(country part; "IGO"/"NGO" for international and non-governmental organisations).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Analysis
from ..pipeline import Pipeline
from .gold import actors_of, analyze_records, country, load_records


@dataclass
class RoleScore:
    right: int = 0
    total: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def find_words(text: str, words: str) -> tuple[int, int] | None:
    """The offsets of `words` in `text`, exactly, case-folded, or the closest fuzzy match."""
    at = text.find(words)
    if at < 0:
        at = text.lower().find(words.lower())
    if at >= 0:
        return at, at + len(words)
    match = difflib.SequenceMatcher(None, text.lower(), words.lower(), autojunk=False).find_longest_match()
    if match.size >= max(4, len(words) // 2):
        start = max(0, match.a - match.b)
        return start, min(len(text), start + len(words))
    return None


def resolved_codes(analysis: Analysis, start: int, end: int, pipeline: Pipeline) -> list[str]:
    """The country codes of the mentions inside [start, end), in text order."""
    actors = {a.id: a for a in analysis.actors}
    codes = []
    for m in analysis.mentions:
        if m.span.start < end and m.span.end > start and m.kind != "pronoun":
            code = country_part(actors[m.actor].code, pipeline)
            if code:
                codes.append(code)
    return codes


def country_part(code: str | None, pipeline: Pipeline) -> str | None:
    """The country part of an actor code: an ISO code; for organisations with no country, NGO,
    IMG (CAMEO's international militarized groups: al-Qaeda, mercenary firms) or IGO."""
    if not code:
        return None
    orgs = pipeline.kb.organisations
    if code not in orgs and code[:3] in pipeline.kb.countries:  # "ECU" is Ecuador, not the EC's
        return code[:3]
    for n in range(len(code), 1, -1):
        org = orgs.get(code[:n])
        if org:
            return org.country or {"NGO": "NGO", "REB": "IMG", "PMC": "IMG"}.get(org.kind, "IGO")
    return code[:3]


def evaluate_actors(path: Path, pipeline: Pipeline | None = None) -> dict:
    """Source and target country-code accuracy on the gold records under `path`."""
    pipeline = pipeline or Pipeline()
    records = load_records(path)
    scores = {"source": RoleScore(), "target": RoleScore()}
    for record, analysis in zip(records, analyze_records(records, pipeline)):
        for role, score in scores.items():
            gold = actors_of(record, role)
            if not gold:
                continue
            wanted = {country(a["code"]) for a in gold}
            found = []
            for actor in gold if analysis else ():
                where = find_words(analysis.article.text, actor["actorText"])
                if where:
                    found += resolved_codes(analysis, *where, pipeline)
            score.total += 1
            if wanted & set(found):
                score.right += 1
            else:
                score.misses.append({"id": record.get("id"), "gold": sorted(wanted), "found": found,
                                     "actors": [a["actorText"] for a in gold]})  # fmt: skip
    return {
        "records": len(records),
        **{f"{role}_accuracy": round(s.accuracy, 4) for role, s in scores.items()},
        **{f"{role}_total": s.total for role, s in scores.items()},
        "misses": {role: s.misses for role, s in scores.items()},
    }
