"""The learned sentence classifier: TF-IDF over parse features, one linear model per head.

Heads: `plover` (a PLOVER type, or NONE when the sentence reports no event), `penta` (CAMEO's
five-way class, 0 statement to 4 material conflict) and `acled` (an ACLED sub-event type, or
NONE). The artifact (model/events.npz) holds the vocabulary, the IDF weights and each head's
weights; it is read once, with numpy alone, so coding needs neither scikit-learn nor a network.
`accord train` writes it (see model/MODEL_CARD.md).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span as SpacySpan

from ...errors import AccordError
from .features import sentence_features
from .verbs import VerbLexicon
from .verbs import load as load_verbs

ARTIFACT = Path(__file__).resolve().parent / "model" / "events.npz"
HEADS = ("plover", "penta", "acled")
NONE = "NONE"


@dataclass(frozen=True)
class Guess:
    """One head's answer for one sentence: the label and the model's probability for it."""

    label: str
    confidence: float


@dataclass(frozen=True)
class Prediction:
    plover: Guess  # the likeliest label, NONE (no event) included
    typed: Guess  # the likeliest PLOVER type, NONE left out
    no_event: float  # the probability that the sentence reports no event
    penta: Guess
    acled: Guess
    types: dict[str, float]  # every PLOVER type (NONE left out) with its probability


class SentenceClassifier:
    """Types sentences with the trained artifact."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, heads: dict, meta: dict, verbs: VerbLexicon):
        self.vocabulary = vocabulary
        self.idf = idf
        self.heads = heads  # name -> (labels, coef [features x labels], intercept)
        self.meta = meta
        self.verbs = verbs

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The sentence's TF-IDF vector as (feature indices, l2-normalised weights)."""
        counts = Counter(i for f in features if (i := self.vocabulary.get(f)) is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        index = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[index]
        return index, weights / np.linalg.norm(weights)

    def probabilities(self, head: str, index: np.ndarray, weights: np.ndarray) -> dict[str, float]:
        """Each label of one head with its probability."""
        labels, coef, intercept = self.heads[head]
        scores = weights @ coef[index] + intercept if len(index) else intercept.copy()
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(labels, scores.tolist()))

    def predict(self, sentence: SpacySpan) -> Prediction:
        """The label and confidence of every head for one parsed sentence."""
        index, weights = self.vector(sentence_features(sentence, self.verbs))
        probs = {head: self.probabilities(head, index, weights) for head in HEADS}
        guesses = {head: Guess(max(p, key=p.get), round(max(p.values()), 4)) for head, p in probs.items()}
        types = {t: p for t, p in probs["plover"].items() if t != NONE}
        typed = max(types, key=types.get)
        return Prediction(typed=Guess(typed, round(types[typed], 4)), no_event=round(probs["plover"].get(NONE, 0.0), 4), types=types, **guesses)


def from_arrays(arrays, verbs: VerbLexicon) -> SentenceClassifier:
    """A classifier from the artifact's arrays (an open npz or a dict of arrays)."""
    vocabulary = {word: i for i, word in enumerate(arrays["vocabulary"].tolist())}
    heads = {
        head: (arrays[f"{head}_labels"].tolist(), arrays[f"{head}_coef"].astype(np.float32), arrays[f"{head}_intercept"].astype(np.float32))
        for head in HEADS
    }  # fmt: skip
    meta = json.loads(str(arrays["meta"]))
    return SentenceClassifier(vocabulary, arrays["idf"].astype(np.float32), heads, meta, verbs)


@lru_cache(maxsize=1)
def load(path: Path = ARTIFACT) -> SentenceClassifier:
    """The bundled classifier, loaded once; an AccordError says how to rebuild a missing one."""
    if not path.is_file():
        raise AccordError(f"{path}: the event classifier is missing; rebuild it with `accord train`")
    with np.load(path, allow_pickle=False) as arrays:
        return from_arrays(arrays, load_verbs())
