"""Stories: articles that report the same event, grouped one article at a time.

Each new article is first checked for being a copy (MinHash LSH over word shingles: a
wire copy or a trimmed reprint of an article already seen), then linked to the articles
published within a few days whose weightiest terms it shares (an inverted index over
terms, so an article is compared with its candidates only, never with the whole corpus).
Linked articles join one story; a story keeps the id of the first article that founded
it, and when an article links two stories the older id survives, so ids are stable as a
corpus grows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHashLSH

from .profile import NUM_PERM, Profile, sketch

COPY_CANDIDATE = 0.4  # LSH Jaccard threshold for copy candidates
COPY_CONTAINMENT = 0.8  # share of the shorter text's shingles the longer one holds
LINK = 0.3  # cosine of tf-idf term weights that makes two articles one story
WINDOW_DAYS = 3  # articles published further apart are not linked
QUERY_TERMS = 12  # an article looks up candidates by its rarest weighty terms
BUSY_TERM = 400  # terms in more articles than this find no candidates (they say little)
MAX_CANDIDATES = 200


@dataclass(frozen=True)
class Membership:
    article: str
    story: str
    copy_of: str | None = None


class StoryIndex:
    """Groups profiles into stories as they are added."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=COPY_CANDIDATE, num_perm=NUM_PERM)
        self.profiles: dict[str, Profile] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.df: dict[str, int] = defaultdict(int)
        self.parent: dict[str, str] = {}  # union-find over story ids
        self.founded: dict[str, int] = {}  # story id -> seq of its founding article
        self.story_of: dict[str, str] = {}  # article -> the story it joined (follow `parent`)
        self.copy_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.profiles)

    # -- stories -------------------------------------------------------------------------

    def story(self, article: str) -> str:
        return self._root(self.story_of[article])

    def _root(self, story: str) -> str:
        while self.parent[story] != story:
            self.parent[story] = self.parent[self.parent[story]]
            story = self.parent[story]
        return story

    def _merge(self, stories: set[str]) -> str:
        roots = {self._root(s) for s in stories}
        oldest = min(roots, key=lambda s: self.founded[s])
        for s in roots:
            self.parent[s] = oldest
        return oldest

    def members(self) -> dict[str, list[str]]:
        """Story id -> its articles in ingest order."""
        out: dict[str, list[str]] = defaultdict(list)
        for article in sorted(self.profiles, key=lambda a: self.profiles[a].seq):
            out[self.story(article)].append(article)
        return dict(out)

    def membership(self, article: str) -> Membership:
        return Membership(article, self.story(article), self.copy_of.get(article))

    # -- adding ----------------------------------------------------------------------------

    def add(self, p: Profile, story: str | None = None, copy_of: str | None = None) -> tuple[Membership, set[str]]:
        """Place one article; return its membership and the story ids it merged away.

        `story` and `copy_of` restore a membership read back from the store."""
        if p.article in self.profiles:
            return self.membership(p.article), set()
        if story:
            original, linked = copy_of, {story}
            self.parent.setdefault(story, story)
            self.founded.setdefault(story, p.seq)
        else:
            original = self._original(p)
            linked = {self.story(original)} if original else self._linked(p)
        if not linked:
            own = f"st-{p.article[:12]}"
            self.parent[own], self.founded[own] = own, p.seq
            linked = {own}
        roots = {self._root(s) for s in linked}
        root = self._merge(roots)
        self._insert(p)
        self.story_of[p.article] = root
        if original:
            self.copy_of[p.article] = original
        return self.membership(p.article), roots - {root}

    def _insert(self, p: Profile) -> None:
        self.profiles[p.article] = p
        self.lsh.insert(p.article, sketch(p.hashes), check_duplication=False)
        for term in p.terms:
            self.df[term] += 1
            if self.df[term] <= BUSY_TERM:
                self.postings[term].append(p.article)

    def _original(self, p: Profile) -> str | None:
        """The earliest article this one copies, if any."""
        found = []
        for other in self.lsh.query(sketch(p.hashes)):
            q = self.profiles[other]
            jaccard = float(np.mean(q.hashes == p.hashes))
            smaller = min(p.shingles, q.shingles)
            containment = jaccard * (p.shingles + q.shingles) / (1 + jaccard) / smaller if smaller else 0.0
            if containment >= COPY_CONTAINMENT:
                found.append(q)
        if not found:
            return None
        first = min(found, key=_age)
        return self.copy_of.get(first.article, first.article)

    def _idf(self, term: str) -> float:
        return math.log((1 + len(self.profiles)) / (1 + self.df.get(term, 0))) + 1.0

    def _weights(self, p: Profile) -> dict[str, float]:
        w = {t: (1 + math.log(c)) * self._idf(t) for t, c in p.terms.items()}
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        return {t: v / norm for t, v in w.items()}

    def _linked(self, p: Profile) -> set[str]:
        """The stories of the articles this one reports the same event as."""
        mine = self._weights(p)
        rare = sorted((t for t in p.terms if 0 < self.df.get(t, 0) <= BUSY_TERM), key=lambda t: -mine[t])[:QUERY_TERMS]
        candidates: dict[str, int] = defaultdict(int)
        for term in rare:
            for other in self.postings.get(term, ()):
                candidates[other] += 1
        best = sorted(candidates, key=lambda a: -candidates[a])[:MAX_CANDIDATES]
        stories = set()
        for other in best:
            q = self.profiles[other]
            if not _close_in_time(p.published, q.published):
                continue
            theirs = self._weights(q)
            if sum(v * theirs.get(t, 0.0) for t, v in mine.items()) >= LINK:
                stories.add(self.story(other))
        return stories


def _age(p: Profile) -> tuple:
    """Earliest published first; the ingest order breaks ties."""
    return (p.published or date.max, p.published_at.timestamp() if p.published_at else 0.0, p.seq)


def _close_in_time(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS
