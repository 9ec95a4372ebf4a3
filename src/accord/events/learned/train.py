"""`accord train`: fit the event classifier and write its artifact and model card.

Needs the `train` extra (scikit-learn). Seeded: the same data and seed give the same weights.
Every head is a multinomial logistic regression over one TF-IDF vocabulary of parse features
(features.py); classes are balanced so rare types count. Five-fold cross-validated scores of
each head go into the artifact's metadata and the model card.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from ... import nlp
from ...datafiles import read_jsonl
from ...model import Analysis
from ..codebook import load as load_codebook
from .card import write_card
from .classifier import ARTIFACT, HEADS, from_arrays
from .corpora import Example, all_examples
from .features import sentence_features
from .verbs import load as load_verbs

REPO = Path(__file__).resolve().parents[4]  # the checkout: train/ and ../shared/train lie beside it
SEED = 13
FOLDS = 5
C = {"plover": 4.0, "penta": 4.0, "acled": 4.0}
MIN_DF = 2


def featurize(texts: list[str]) -> list[list[str]]:
    """The features of each text, parsed as one span (a training text is one sentence or note)."""
    verbs = load_verbs()
    return [sentence_features(doc[:], verbs) for doc in nlp.load().pipe(texts, batch_size=64)]


def _fit(x, y, weights, head: str, seed: int):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C[head], max_iter=3000, class_weight="balanced", random_state=seed)
    return model.fit(x, y, sample_weight=weights)


def pattern_precision(examples: list[Example]) -> dict[str, float]:
    """How often the triggers alone are right, by the PLOVER type they give a sentence's main event."""
    from ...evaluate.events import main_event
    from ...pipeline import Pipeline
    from ...errors import InputRejected
    from ...read import make_article

    articles, kept = [], []
    for i, example in enumerate(examples):
        try:
            articles.append(make_article(example.text, f"train-{i}"))
            kept.append(example)
        except InputRejected:  # a sentence the reader would not analyse (another language, say)
            continue
    found, right = Counter(), Counter()
    for example, analysis in zip(kept, Pipeline(rules_only=True).stream(articles)):
        event = main_event(analysis) if isinstance(analysis, Analysis) else None
        if event is not None:
            found[event.type] += 1
            right[event.type] += event.type == example.labels["plover"]
    return {t: round((right[t] + 1) / (found[t] + 2), 4) for t in sorted(found)}  # Laplace: few cases say little


def cross_validate(x, y, weights, head: str, seed: int, folds: int = FOLDS) -> dict:
    """Accuracy and macro-F1 of one head, cross-validated (stratified folds)."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    predicted = np.empty_like(y)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        predicted[test] = _fit(x[train], y[train], weights[train], head, seed).predict(x[test])
    return {"accuracy": round(float(accuracy_score(y, predicted)), 4), "macro_f1": round(float(f1_score(y, predicted, average="macro")), 4)}


def train(repo_train: Path, shared: Path | None, out: Path = ARTIFACT, seed: int = SEED, folds: int = FOLDS) -> dict:
    """Fit every head on the examples that label it, write the artifact, and return its metadata."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    examples = all_examples(repo_train, shared, load_codebook(), seed)
    features = featurize([e.text for e in examples])
    vectorizer = TfidfVectorizer(analyzer=lambda f: f, min_df=MIN_DF, sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(features)
    arrays: dict[str, np.ndarray] = {
        "vocabulary": np.array(vectorizer.get_feature_names_out(), dtype=str),
        "idf": vectorizer.idf_.astype(np.float32),
    }
    meta = {"trained": date.today().isoformat(), "seed": seed, "features": len(arrays["vocabulary"]), "heads": {}}
    meta["sources"] = dict(sorted(Counter(e.source for e in examples).items()))
    for head in HEADS:
        rows = [i for i, e in enumerate(examples) if head in e.labels]
        x, y = matrix[rows], [examples[i].labels[head] for i in rows]
        weights = np.array([examples[i].weight for i in rows], dtype=np.float64)
        team_rows = [j for j, i in enumerate(rows) if examples[i].source.startswith("team/")]
        scores = {"all": cross_validate(x, y, weights, head, seed, folds)} if folds > 1 else {}
        if folds > 1 and len({y[j] for j in team_rows}) > 1:
            scores["team"] = cross_validate(x[team_rows], [y[j] for j in team_rows], weights[team_rows], head, seed, folds)
        model = _fit(x, y, weights, head, seed)
        arrays[f"{head}_labels"] = np.array(model.classes_, dtype=str)
        arrays[f"{head}_coef"] = model.coef_.T.astype(np.float16)
        arrays[f"{head}_intercept"] = model.intercept_.astype(np.float32)
        meta["heads"][head] = {"examples": len(rows), "labels": dict(sorted(Counter(y).items())), "cross_validated": scores}
    meta["pattern_precision"] = pattern_precision([e for e in examples if e.source.startswith("team/") and "plover" in e.labels])
    held_out(arrays, meta, repo_train.parent / "tests" / "data" / "heldout")
    arrays["meta"] = np.array(json.dumps(meta))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    write_card(meta, out.parent / "MODEL_CARD.md", out.stat().st_size)
    return meta


def held_out(arrays: dict, meta: dict, folder: Path) -> None:
    """Score each head alone on the held-out sets (measuring only: nothing here is trained on)."""
    from sklearn.metrics import accuracy_score, f1_score

    sets = {"acled": ("acled.jsonl", "sub_event_type"), "penta": ("plover.jsonl", "penta"), "plover": ("plover.jsonl", "event")}
    classifier = from_arrays({**arrays, "meta": np.array("{}")}, load_verbs())
    for head, (name, field) in sets.items():
        path = folder / name
        if not path.is_file():
            continue
        records = [r for r in read_jsonl(path) if r.get(field) is not None]
        gold = [{"STATEMENT": "NONE"}.get(str(r[field]), str(r[field])) for r in records]
        found = [getattr(classifier.predict(doc[:]), head).label for doc in nlp.load().pipe([r["text"] for r in records])]
        meta["heads"][head]["held_out"] = {name: {"accuracy": round(float(accuracy_score(gold, found)), 4),
                                                  "macro_f1": round(float(f1_score(gold, found, average="macro")), 4)}}  # fmt: skip

