"""`accord eval quotes`: content spans, speakers and kinds against a quote gold set (JSON Lines).

Each gold line holds `doc`, `published`, `text` and `quotes` (GUIDELINES.md in
../shared/eval/quotes). Predicted and gold contents are paired one to one, best overlap first;
a pair counts at exact match and at overlap (intersection over union >= 0.5). Speaker and kind
accuracy are over the overlap pairs: the speaker is right when the resolved actor's name equals
the gold canonical name (case and accents folded), or both are null.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..actors.spelling import fold
from ..errors import AccordError, InputRejected
from ..model import Analysis, Article, Quote, Span
from ..read import make_article
from ..read.dates import parse_published
from .gold import gold_files

OVERLAP = 0.5
MERGED_KINDS = {"partial": "mixed"}  # the boundary annotators disagree on most (GUIDELINES 8)


def load_documents(path: Path) -> list[dict]:
    """Every gold document under `path` (a .jsonl file or a directory of them)."""
    documents = []
    for file in gold_files(path):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise AccordError(f"{file}:{n}: not JSON ({err.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not isinstance(record.get("quotes"), list):
                raise AccordError(f"{file}:{n}: expected an object with text and quotes")
            documents.append(record)
    return documents


def locate(text: str, words: str, near: int) -> Span | None:
    """The occurrence of `words` in `text` nearest offset `near` (gold offsets predate normalising)."""
    hits, at = [], text.find(words)
    while at >= 0:
        hits.append(at)
        at = text.find(words, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return Span(best, best + len(words))


def same_name(found: str | None, gold: str | None) -> bool:
    """Names match when equal but for case and accents ("Erdoğan" is "Erdogan"), joint names in
    any order ("Russia and Ukraine" is "Ukraine and Russia"); None matches None."""
    def parts(name: str | None) -> frozenset[str]:  # "the United States and Russia" is a set of two
        return frozenset(part.strip().removeprefix("the ") for part in fold(name or "").split(" and "))

    return parts(found) == parts(gold)


def iou(a: Span, b: Span) -> float:
    """Intersection over union of two spans."""
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def pair(gold: list[Span], found: list[Span]) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, found index, IoU) pairs with IoU > 0, best first."""
    options = sorted(((iou(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)), reverse=True)
    pairs, used_gold, used_found = [], set(), set()
    for score, i, j in options:
        if score > 0 and i not in used_gold and j not in used_found:
            pairs.append((i, j, score))
            used_gold.add(i)
            used_found.add(j)
    return pairs


def _prf(right: int, gold: int, found: int) -> dict:
    precision = right / found if found else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _article(document: dict, n: int) -> Article | None:
    try:
        return make_article(document["text"], document.get("doc", f"doc-{n}"), published=parse_published(document.get("published")))
    except InputRejected:
        return None  # its gold quotes count as missed


def _analyses(documents: list[dict], pipeline) -> Iterator[tuple[dict, Article | None, tuple[Quote, ...], dict[str, str]]]:
    """(gold document, article, quotes, actor names by id) for each document, parsed in one stream."""
    articles = [_article(d, n) for n, d in enumerate(documents)]
    analyses = iter(pipeline.stream(a for a in articles if a is not None))
    for document, article in zip(documents, articles):
        result = next(analyses) if article is not None else None
        if not isinstance(result, Analysis):
            yield document, None, (), {}
            continue
        yield document, result.article, result.quotes, {a.id: a.name for a in result.actors}


def evaluate_quotes(path: Path, pipeline) -> dict:
    """Content precision/recall/F1 (exact and overlap), speaker and kind accuracy on the gold under `path`."""
    documents = load_documents(path)
    totals = {"gold": 0, "found": 0, "exact": 0, "overlap": 0, "speaker": 0, "kind": 0, "kind_merged": 0}
    misses = []
    for document, article, quotes, names in _analyses(documents, pipeline):
        gold = document["quotes"]
        text = article.text if article else ""
        spans = [locate(text, g["content"], g.get("content_start", 0)) or Span(0, 0) for g in gold]
        found = [q.content for q in quotes]
        totals["gold"] += len(gold)
        totals["found"] += len(found)
        paired = pair(spans, found)
        totals["exact"] += sum(1 for i, j, _ in paired if spans[i] == found[j])
        matched = set()
        for i, j, score in paired:
            if score < OVERLAP:
                continue
            matched.update({("gold", i), ("found", j)})
            totals["overlap"] += 1
            g, q = gold[i], quotes[j]
            name = names.get(q.speaker, q.speaker) if q.speaker else None
            speaker_right = same_name(name, g.get("speaker"))
            totals["speaker"] += speaker_right
            totals["kind"] += q.kind == g["kind"]
            totals["kind_merged"] += MERGED_KINDS.get(q.kind, q.kind) == MERGED_KINDS.get(g["kind"], g["kind"])
            if not speaker_right or q.kind != g["kind"]:
                misses.append({"doc": document.get("doc"), "content": g["content"], "speaker": [g.get("speaker"), name], "kind": [g["kind"], q.kind]})
        misses += [{"doc": document.get("doc"), "missed": g["content"], "kind": g["kind"]} for i, g in enumerate(gold) if ("gold", i) not in matched]
        misses += [{"doc": document.get("doc"), "invented": q.content.text_in(text), "kind": q.kind} for j, q in enumerate(quotes) if ("found", j) not in matched]
    pairs = totals["overlap"]
    return {
        "documents": len(documents),
        "gold": totals["gold"],
        "found": totals["found"],
        "exact": _prf(totals["exact"], totals["gold"], totals["found"]),
        "overlap": _prf(pairs, totals["gold"], totals["found"]),
        "exact_f1": _prf(totals["exact"], totals["gold"], totals["found"])["f1"],
        "overlap_f1": _prf(pairs, totals["gold"], totals["found"])["f1"],
        "speaker_accuracy": round(totals["speaker"] / pairs, 4) if pairs else 0.0,
        "kind_accuracy": round(totals["kind"] / pairs, 4) if pairs else 0.0,
        "kind_accuracy_merged": round(totals["kind_merged"] / pairs, 4) if pairs else 0.0,
        "misses": misses,
    }
