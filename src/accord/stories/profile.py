"""What the story clusterer keeps of an article: a MinHash of its word shingles (for wire
copies) and its weightiest terms (for linking reports of the same event)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from datasketch import MinHash
from spacy.lang.en.stop_words import STOP_WORDS

NUM_PERM = 64
SEED, SCHEME = 7, "affine32"  # stored hash values are only comparable under the same two
SHINGLE = 5  # words per shingle
TERMS = 40  # terms kept per article
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
ACTOR_WEIGHT = 2.0  # an actor or an event type counts as two words
GENERIC_ACTORS = ("joint:", "group:")


@dataclass(frozen=True)
class Profile:
    article: str
    seq: int  # ingest order: the first article of a story founds it
    source: str | None
    published: date | None
    published_at: datetime | None
    hashes: np.ndarray  # MinHash values of the 5-word shingles
    shingles: int  # how many distinct shingles the text has
    terms: dict[str, float]  # term -> count, the article's TERMS weightiest


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def minhash(tokens: list[str]) -> tuple[np.ndarray, int]:
    grams = {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(max(1, len(tokens) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(list(grams))
    return m.hashvalues.copy(), len(grams)


def sketch(hashes: np.ndarray) -> MinHash:
    """The MinHash of stored hash values."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=hashes, scheme=SCHEME)


def profile(
    article: str, seq: int, text: str, source: str | None, published: date | None, published_at: datetime | None,
    actors: list[str], events: list[tuple[str, str | None]],
) -> Profile:
    """The clusterer's view of one article: its text, its actor ids and its events' (type, place)."""
    tokens = words(text)
    hashes, shingles = minhash(tokens)
    counts: Counter[str] = Counter(w for w in tokens if w not in STOP_WORDS and len(w) > 2 and not w[0].isdigit())
    for actor in actors:
        if not actor.startswith(GENERIC_ACTORS):
            counts[f"actor:{actor}"] += ACTOR_WEIGHT
    for kind, place in events:
        counts[f"event:{kind}"] += ACTOR_WEIGHT / 2
        if place:
            counts[f"place:{place.lower()}"] += ACTOR_WEIGHT
    return Profile(article, seq, source, published, published_at, hashes, shingles, dict(counts.most_common(TERMS)))
