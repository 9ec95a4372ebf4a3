"""`accord eval acled` and `accord eval penta`: one class per text, scored per class.

- acled: JSON Lines with `text` and ACLED `sub_event_type`. The predicted type is the ACLED
  sub-event type of the text's first event that has one (events come in text order, the main
  one of each sentence first); a text with none scores as NONE.
- penta: JSON Lines (`text` and `label`, `penta` or `class`) or TSV (`sentence<TAB>label`), the
  label CAMEO's five-way class 0-4. The predicted class is the five-way class of the text's
  sentence label the classifier is surest of (0, a statement, included: PLOVER counts no
  statements as events). On unseen real news (a fifth of ConfliBERT's sentences kept out of
  training) this scored 85% against 75% for the main event's QuadClass (rules and classifier
  together), so the sentence label, not the event, answers for the class.

Scores: accuracy, per-class precision, recall and F1 with their macro average over the gold
classes, and the confusion table (gold -> predicted -> count).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..datafiles import read_jsonl
from ..errors import AccordError
from ..model import Analysis
from ..pipeline import Pipeline
from .events import main_event
from .gold import analyze_records

NONE = "NONE"
PENTA_FIELDS = ("label", "penta", "class")


def per_class(pairs: list[tuple[str, str]]) -> dict:
    """Accuracy, per-class P/R/F1, macro-F1 over the gold classes and the confusion table of (gold, predicted) pairs."""
    gold, predicted, right = Counter(g for g, _ in pairs), Counter(p for _, p in pairs), Counter(g for g, p in pairs if g == p)
    table = {}
    for name in sorted(gold):
        p = right[name] / predicted[name] if predicted[name] else 0.0
        r = right[name] / gold[name]
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": gold[name], "predicted": predicted[name]}
    confusion: dict[str, dict[str, int]] = {}
    for (g, p), n in sorted(Counter(pairs).items()):
        confusion.setdefault(g, {})[p] = n
    n = len(pairs)
    return {
        "records": n,
        "accuracy": round(sum(right.values()) / n, 4) if n else 0.0,
        "macro_f1": round(sum(v["f1"] for v in table.values()) / len(table), 4) if table else 0.0,
        "per_class": table,
        "confusion": confusion,
    }


def _jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file, or of every .jsonl file of a directory."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return [record for file in files for record in read_jsonl(file)]


def acled_of(analysis: Analysis | None) -> str:
    """The ACLED sub-event type of a text: its first event's that has one, else NONE."""
    return next((e.acled[1] for e in analysis.events if e.acled and not e.negated), NONE) if analysis else NONE


def penta_of(analysis: Analysis | None) -> str:
    """CAMEO's five-way class of a text: the class of its surest sentence label, else its main
    event's QuadClass, else 0 (a statement)."""
    if analysis is None:
        return "0"
    if analysis.sentences:
        return str(max(analysis.sentences, key=lambda s: s.penta_confidence).penta)
    event = main_event(analysis)
    return str(event.quad_class) if event else "0"


def evaluate_acled(path: Path, pipeline: Pipeline | None = None) -> dict:
    """Per-sub-event-type scores of the ACLED types accord gives the gold texts."""
    records = [r for r in _jsonl(path) if r.get("text") and r.get("sub_event_type")]
    if not records:
        raise AccordError(f"{path}: no records with text and sub_event_type")
    analyses = analyze_records(records, pipeline or Pipeline())
    return per_class([(r["sub_event_type"], acled_of(a)) for r, a in zip(records, analyses)])


def load_penta(path: Path) -> list[dict]:
    """Five-way gold records from JSON Lines or TSV, as {text, label} with the label "0"-"4"."""
    if path.suffix.lower() in (".tsv", ".txt"):
        with open(path, encoding="utf-8") as f:
            rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 2]
        records = [{"text": r[0], "label": r[1].strip()} for r in rows]
    else:
        records = [{"text": r.get("text"), "label": str(next((r[k] for k in PENTA_FIELDS if r.get(k) is not None), ""))} for r in _jsonl(path)]
    records = [r for r in records if r["text"] and r["label"] in ("0", "1", "2", "3", "4")]
    if not records:
        raise AccordError(f"{path}: no records with a text and a five-way class 0-4")
    return records


def evaluate_penta(path: Path, pipeline: Pipeline | None = None) -> dict:
    """Per-class scores of the CAMEO five-way class accord gives the gold sentences."""
    records = load_penta(path)
    analyses = analyze_records(records, pipeline or Pipeline())
    return per_class([(r["label"], penta_of(a)) for r, a in zip(records, analyses)])
