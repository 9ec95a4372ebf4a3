"""Content spans and kinds (GUIDELINES.md sections 2 and 3): what a report's complement becomes.

A complement that is one quotation, give or take a determiner or "that", is its words between
the marks: direct when they hold a verb phrase, partial when they are a term. A complement that
mixes paraphrase and quotation keeps its marks and is mixed (a quoted verb phrase) or partial;
one without marks is indirect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Span
from .marks import Quoted

LEAD = " \t\n,;:—–-"
TRAIL = " \t\n,.;:—–-"
IGNORABLE = {"DET", "PUNCT", "SPACE"}
NOT_VERBS = {"amod", "acomp", "compound"}
MODIFIERS = {"compound", "amod", "nmod", "nummod"}


@dataclass(frozen=True)
class Piece:
    """One record's worth of a report: its content, kind and the quotations it used."""

    content: Span
    kind: str
    quotations: tuple[Quoted, ...]


def widen(start: int, end: int, quotations: list[Quoted]) -> tuple[int, int]:
    """Widen a span over every quotation it overlaps, marks included."""
    changed = True
    while changed:
        changed = False
        for q in quotations:
            outer = q.outer
            if outer.start < end and outer.end > start and (outer.start < start or outer.end > end):
                start, end, changed = min(start, outer.start), max(end, outer.end), True
    return start, end


def cut_background(text: str, start: int, end: int, background: re.Pattern, quotations: list[Quoted]) -> int:
    """The end of a complement without its trailing background (", which ...", outside quotations)."""
    for match in background.finditer(text, start, end):
        cut = match.end("mark") if match.group("mark") else match.start()
        if not any(q.start <= cut < q.end for q in quotations):
            return cut
    return end


def trim(doc: Doc, start: int, end: int) -> Span:
    """Drop a leading complementizer and edge punctuation outside the marks."""
    text = doc.text
    while start < end and text[start] in LEAD:
        start += 1
    first = tokens(doc, start, start + 1)
    if first and first[0].lower_ == "that" and first[0].dep_ == "mark":
        start = first[0].idx + len(first[0])
        while start < end and text[start] in LEAD:
            start += 1
    while end > start and text[end - 1] in TRAIL:
        end -= 1
    return Span(start, end)


def tokens(doc: Doc, start: int, end: int) -> list:
    """The tokens that start inside [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return [t for t in span if start <= t.idx < end] if span is not None else []


def has_verb(doc: Doc, start: int, end: int) -> bool:
    """Do the words hold a verb phrase (not a lone verb or an adjectival participle)?"""
    words = [t for t in tokens(doc, start, end) if not t.is_punct and not t.is_space]
    return len(words) > 1 and any(t.pos_ in ("VERB", "AUX") and t.dep_ not in NOT_VERBS for t in words)


def is_label(doc: Doc, q: Quoted) -> bool:
    """Is the quotation a name or label modifying the noun after it ("1,000-for-1,000" prisoners)?"""
    inside = tokens(doc, q.start, q.end)
    heads = [t for t in inside if not q.start <= t.head.idx < q.end]
    return bool(heads) and all(t.dep_ in MODIFIERS and t.head.idx >= q.end for t in heads)


def _sole_quotation(doc: Doc, start: int, end: int, inside: list[Quoted]) -> bool:
    """Is the span one quotation with at most a determiner, "that" or punctuation around it?"""
    if len(inside) != 1:
        return False
    outer = inside[0].outer
    rest = [t for t in tokens(doc, start, end) if not outer.start <= t.idx < outer.end]
    return all(t.pos_ in IGNORABLE or t.lower_ == "that" and t.dep_ == "mark" for t in rest)


def shape(doc: Doc, pieces: list[tuple[int, int]], quotations: list[Quoted], dash: bool) -> list[Piece]:
    """The records of one report: one per contiguous piece, all with the report's kind."""
    text = doc.text
    spans = [widen(s, e, quotations) for s, e in pieces]
    used = [[q for q in quotations if s <= q.outer.start and q.outer.end <= e] for s, e in spans]
    sole = [_sole_quotation(doc, s, e, u) for (s, e), u in zip(spans, used)]
    all_used = [q for u in used for q in u]
    verb = any(has_verb(doc, q.start, q.end) for q in all_used)
    if all_used and all(sole):
        kind = "direct" if verb else "partial"
    elif all_used:
        kind = "mixed" if verb else "partial"
    else:
        kind = "direct" if dash else "indirect"
    out = []
    for (s, e), u, alone in zip(spans, used, sole):
        if alone:
            content = Span(u[0].start, _inner_end(text, u[0]))
        else:
            content = trim(doc, s, e)
        if content.end > content.start:
            out.append(Piece(content, kind, tuple(u)))
    return out


def _inner_end(text: str, q: Quoted) -> int:
    end = q.end
    while end > q.start and text[end - 1].isspace():
        end -= 1
    return end
