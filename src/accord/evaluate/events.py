"""`accord eval events`: PLOVER types and (source, type, target) triples against gold records.

Each gold record is one sentence coded with one event. The predicted event of a
sentence is its main one: the event whose trigger is nearest the root of the parse
(PLOVER types; the gold file's 0.5 names are mapped to 0.8). Scores: per-type
precision, recall and F1, their macro average, type accuracy, and triple accuracy, where
a triple is right when the type matches, the source country is one of the gold source
codes and, when the gold record has targets, the target country is one of them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import Analysis, Event
from ..pipeline import Pipeline
from .actors import resolved_codes
from .gold import PLOVER_RENAMES, actors_of, analyze_records, country, load_records


def main_event(analysis: Analysis) -> Event | None:
    """The first event that happened: the coder reads each sentence's triggers from the root down."""
    return next((e for e in analysis.events if not e.negated), None)


def _countries(analysis: Analysis, actor_ids: tuple[str, ...], pipeline: Pipeline) -> set[str]:
    spans = [m.span for m in analysis.mentions if m.actor in actor_ids]
    return {c for s in spans for c in resolved_codes(analysis, s.start, s.end, pipeline)}


def evaluate_events(path: Path, pipeline: Pipeline | None = None) -> dict:
    """Per-type P/R/F1, macro F1, type accuracy and triple accuracy on the gold records."""
    pipeline = pipeline or Pipeline()
    records = load_records(path)
    gold_counts, predicted_counts, right_counts = Counter(), Counter(), Counter()
    type_right = triple_right = 0
    confusions = Counter()
    for record, analysis in zip(records, analyze_records(records, pipeline)):
        gold = PLOVER_RENAMES.get(record["event"], record["event"])
        event = main_event(analysis) if analysis else None
        predicted = event.type if event else "NONE"
        gold_counts[gold] += 1
        predicted_counts[predicted] += 1
        if predicted == gold:
            right_counts[gold] += 1
            type_right += 1
            if event is None:  # a gold record of no event, and none coded
                triple_right += 1
                continue
            sources = {country(a["code"]) for a in actors_of(record, "source")}
            targets = {country(a["code"]) for a in actors_of(record, "target")}
            got_source = _countries(analysis, event.source, pipeline)
            got_target = _countries(analysis, event.target, pipeline)
            if (not sources or sources & got_source) and (not targets or targets & got_target):
                triple_right += 1
        else:
            confusions[(gold, predicted)] += 1
    per_type = {}
    for t in sorted(gold_counts):
        p = right_counts[t] / predicted_counts[t] if predicted_counts[t] else 0.0
        r = right_counts[t] / gold_counts[t]
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_type[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": gold_counts[t]}
    n = len(records)
    return {
        "records": n,
        "type_accuracy": round(type_right / n, 4) if n else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per_type.values()) / len(per_type), 4) if per_type else 0.0,
        "triple_accuracy": round(triple_right / n, 4) if n else 0.0,
        "no_event": predicted_counts["NONE"],
        "per_type": per_type,
        "confusions": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(15)],
    }
