"""The readable terminal report of one analysis."""

from __future__ import annotations

import textwrap
from collections import defaultdict

from .model import Analysis
from .stances.matrix import stance_matrix, summarise

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
        ("Events", _stage(analysis, "events", _events)),
        ("Quotes", _stage(analysis, "quotes", _quotes)),
        ("Stances", _stage(analysis, "stances", _stances)),
        ("Findings", _findings(analysis)),
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


def _stage(analysis: Analysis, stage: str, rows) -> list[str]:
    """A stage's rows, or why there are none: the stage did not run, or found nothing."""
    if stage not in analysis.stages:
        return ["not run: this stage is not built yet"]
    return rows(analysis) if getattr(analysis, stage) else ["none found"]


def _findings(analysis: Analysis) -> list[str]:
    if "checks" not in analysis.stages:
        return ["not run: this stage is not built yet"]
    if not analysis.findings:
        return ["none found inside the article (outlets are compared when articles are ingested: see `accord findings`)"]
    rows = []
    for f in analysis.findings:
        rows += textwrap.wrap(f"{f.severity.upper()} {f.kind}: {f.explanation}", WIDTH - 2, subsequent_indent="  ")
        rows.append(f"  evidence: {'; '.join(f'“{_clip(e.text, 50)}” [{e.start}:{e.end}]' for e in f.evidence)}")
        rows.append(f"  rule: {f.rule}")
    return rows


def _events(analysis: Analysis) -> list[str]:
    names = {a.id: a.code or a.name for a in analysis.actors}
    text = analysis.article.text
    rows = [f"{'date':11} {'source':14} {'type (CAMEO/mode)':26} {'target':14} {'place':16} evidence"]
    for e in analysis.events:
        kind = f"{e.type} {e.cameo}" + (f"/{e.mode}" if e.mode else "")
        flags = "".join(f" [{f}]" for f, on in (("negated", e.negated), ("hedged", e.hedged), ("both ways", e.reciprocal)) if on)
        when = e.when.isoformat() if e.when else "?"
        when += "*" if e.when_rule == "publication date" else ""
        place = e.place.name if e.place else "-"
        rows.append(
            f"{when:11} {_clip(', '.join(names[a] for a in e.source) or '-', 14):14} {_clip(kind + flags, 26):26} "
            f"{_clip(', '.join(names[a] for a in e.target) or '-', 14):14} {_clip(place, 16):16} "
            f"“{_clip(e.evidence[0].text_in(text), 44)}”"
        )
        notes = [f"ACLED {e.acled[0]}: {e.acled[1]}"] if e.acled else []
        notes += [f"typed by the classifier ({e.confidence:.2f})"] if e.decided_by == "model" else []
        notes += ["no source named"] if not e.source else []
        if notes:
            rows.append(f"{'':11} {'; '.join(notes)}")
    return rows + ["(* dated by publication; evidence: first sentence of each)"]


def _quotes(analysis: Analysis) -> list[str]:
    text = analysis.article.text
    names = {a.id: a.name for a in analysis.actors}
    rows = []
    for q in analysis.quotes:
        speaker = names.get(q.speaker, "unattributed") if q.speaker else "unattributed"
        cue = q.cue.text_in(text) if q.cue else "-"
        rows.append(f"{_clip(speaker, 22):22} {q.kind:8} {_clip(cue, 12):12} “{_clip(q.content.text_in(text), 44)}”")
    return rows


def _stances(analysis: Analysis) -> list[str]:
    text = analysis.article.text
    actors = {a.id: a for a in analysis.actors}
    rows = []
    for s in analysis.stances:
        who = actors[s.holder]
        rows.append(f"{who.code or '-':8} {_clip(who.name, 22):22} {s.polarity:11} {s.issue:18} “{_clip(s.evidence[0].text_in(text), 36)}”")
    matrix = stance_matrix([analysis])
    issues = sorted({i for cells in matrix.values() for i in cells})
    rows += ["", "matrix (holders by actor code):", f"{'':10}" + "".join(f"{i[:14]:16}" for i in issues)]
    for holder, cells in sorted(matrix.items()):
        rows.append(f"{holder[:9]:10}" + "".join(f"{_clip(summarise(cells[i]), 15) if i in cells else '-':16}" for i in issues))
    return rows


