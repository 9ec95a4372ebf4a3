"""What the story clusterer keeps of an article: a MinHash of its word shingles (for wire
copies) and its weightiest terms (for linking reports of the same event).

A term weighs by its count and by how rare it is in English at large (wordfreq's Zipf
scale: 7 for "the", about 3 for "Kharkiv", 0 for a word it has never seen), so a corpus of
five articles weighs its words as a corpus of a million would."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

NUM_PERM = 64
SEED, SCHEME = 7, "affine32"  # stored hash values are only comparable under the same two
SHINGLE = 5  # words per shingle
TERMS = 40  # terms kept per article
POSSESSIVE = re.compile(r"'s?$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
ACTOR_WEIGHT = 2.0  # an actor or an event's place counts as two words
GENERIC_ACTORS = ("joint:", "group:")
COMMONEST = 7.0  # the Zipf value of the commonest English words
FLOOR = 0.5  # the least weight a word keeps
CODED = 2.0  # the rarity given to an actor id or an event's place: that of a name in the news


@dataclass(frozen=True)
class Profile:
    article: str
    seq: int  # ingest order: the first article of a story founds it
    source: str | None
    published: date | None
    published_at: datetime | None
    hashes: np.ndarray  # MinHash values of the 5-word shingles
    shingles: int  # how many distinct shingles the text has
    terms: dict[str, float]  # term -> weight (count and rarity), the article's TERMS weightiest
    days: tuple[tuple[date, str], ...] = ()  # (day, event type) its text gives its happenings ("struck on Saturday")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def term(word: str) -> str:
    """A word as the clusterer counts it, spelling variants folded: "Houthis'" and "Houthi",
    "Sana'a" and "Sanaa", "Zelenskyy" and "Zelensky" count as one term."""
    word = re.sub(r"['-]", "", POSSESSIVE.sub("", word))
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us")):
        word = word[:-1]
    return re.sub(r"(.)\1+", r"\1", word)


def minhash(tokens: list[str]) -> tuple[np.ndarray, int]:
    grams = {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(max(1, len(tokens) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(grams))
    return m.hashvalues.copy(), len(grams)


def sketch(hashes: np.ndarray) -> MinHash:
    """The MinHash of stored hash values."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=hashes, scheme=SCHEME, permutations=_permutations())


@lru_cache(maxsize=1)
def _permutations():
    """The hash permutations, drawn once (a MinHash draws them anew each time it is made)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def profile(
    article: str, seq: int, text: str, source: str | None, published: date | None, published_at: datetime | None,
    actors: list[str], places: list[str], days: tuple[tuple[date, str], ...] = (),
) -> Profile:
    """The clusterer's view of one article: its text, its actor ids, its events' places and the
    days its text gives them, with their types."""
    tokens = words(text)
    hashes, shingles = minhash(tokens)
    counts: Counter[str] = Counter()
    rare: dict[str, float] = {}  # a term is as rare as the commonest way it is written
    for w in tokens:
        if w not in STOP_WORDS and len(w) > 2 and not w[0].isdigit():
            t = term(w)
            counts[t] += 1
            rare[t] = min(rare.get(t, COMMONEST), rarity(w))
    for actor in actors:
        if not actor.startswith(GENERIC_ACTORS):
            counts[f"actor:{actor}"] += ACTOR_WEIGHT
    for place in places:
        counts[f"place:{place.lower()}"] += ACTOR_WEIGHT
    weighed = {t: (1 + math.log(c)) * rare.get(t, CODED) for t, c in counts.items()}
    kept = sorted(weighed, key=lambda t: -weighed[t])[:TERMS]
    return Profile(article, seq, source, published, published_at, hashes, shingles, {t: weighed[t] for t in kept},
                   tuple(sorted(set(days))))


def weights(terms: dict[str, float]) -> dict[str, float]:
    """A profile's term weights scaled to unit length."""
    length = norm(terms)
    return {t: v / length for t, v in terms.items()}


def norm(terms: dict[str, float]) -> float:
    """The length of a vector of term weights (1 for an empty one)."""
    return math.sqrt(sum(v * v for v in terms.values())) or 1.0


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How much a word says about what an article reports: rarer words say more."""
    return max(FLOOR, COMMONEST - zipf_frequency(word, "en"))
