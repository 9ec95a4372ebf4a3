"""The readable terminal report of one analysis."""

from __future__ import annotations

from collections import defaultdict

from .model import Analysis

WIDTH = 88


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(analysis: Analysis) -> str:
    """Return the report: article header, then one section per stage, "none found" when empty."""
    a = analysis.article
    lines = [
        "=" * WIDTH,
        f"{a.title or _clip(a.text.split(chr(10))[0])}",
        f"  id {a.id}  from {a.origin}",
        f"  source {a.source or '-'}   published {a.published or 'unknown'}   "
        f"roles as of {analysis.as_of or 'unknown'} ({analysis.as_of_rule})",
        f"  {len(a.text.split())} words, {len(a.paragraphs)} paragraphs, {len(a.headings)} headings"
        + (": " + "; ".join(_clip(h.text_in(a.text), 40) for h in a.headings) if a.headings else ""),
    ]
    for title, body in (
        ("Actors", _actors(analysis)),
        ("Dates", _dates(analysis)),
        ("Events", _records(analysis, "events")),
        ("Quotes", _records(analysis, "quotes")),
        ("Stances", _records(analysis, "stances")),
        ("Findings", _records(analysis, "findings")),
    ):
        lines += ["", f"{title}:"] + ["  " + line for line in body]
    return "\n".join(lines)


def _actors(analysis: Analysis) -> list[str]:
    if not analysis.actors:
        return ["none found"]
    by_actor = defaultdict(list)
    for m in analysis.mentions:
        by_actor[m.actor].append(m)
    out = []
    for actor in sorted(analysis.actors, key=lambda x: (x.kind != "person", x.code or "~", x.name)):
        role = f" — {actor.role}" if actor.role else ""
        out.append(f"{actor.code or '-':<8} {actor.name}{role}")
        texts = []
        for m in by_actor[actor.id]:
            flag = f" [title '{m.role}' not held then]" if m.role_valid is False else ""
            texts.append(f"“{_clip(m.text, 40)}”{flag}")
        out.append(" " * 9 + _clip("; ".join(dict.fromkeys(texts)), WIDTH - 11))
    return out


def _dates(analysis: Analysis) -> list[str]:
    if not analysis.dates:
        return ["none found"]
    out = []
    for d in analysis.dates:
        when = d.start.isoformat() if d.start else "unresolved"
        if d.end and d.end != d.start:
            when += f" to {d.end.isoformat()}"
        out.append(f"“{d.text}” -> {when} ({d.rule})")
    return out


def _records(analysis: Analysis, stage: str) -> list[str]:
    if stage not in analysis.stages:
        return ["not run: this stage is not built yet"]
    items = getattr(analysis, stage)
    return [repr(item) for item in items] or ["none found"]
