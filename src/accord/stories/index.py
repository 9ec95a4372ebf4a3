"""Stories: articles that report the same event, grouped one article at a time.

Each new article is first checked for being a copy (MinHash LSH over word shingles: a
wire copy or a trimmed reprint of an article already seen), then joins the story whose
centroid its weightiest terms are closest to, among the stories with an article published
within a few days. Terms are weighed by how rare they are in English at large (not in the
corpus, which may hold a handful of articles), so place names, people and the words of one
happening count and the vocabulary of every war report does not. Candidate stories come
from an inverted index over terms, so an article is compared with its candidates only,
never with the whole corpus. The days an article's text gives its happenings weigh too: an
article that reports a happening of its own day, more than a day from every day a story
gives, is another event however alike the words (the next strike on a town, the next round
of talks), and a happening day shared with the article that founded a story counts a little
towards joining it (with its founder's, not any member's: one look-alike that joined must not
draw its own story's reports after it). A story keeps the id of the article that founded
it, so ids are stable as a corpus grows; an article joins one story and never merges two,
so one look-alike article cannot chain two events together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHashLSH

from .profile import NUM_PERM, Profile, norm, sketch, weights

COPY_CANDIDATE = 0.25  # LSH Jaccard threshold for copy candidates
COPY_CONTAINMENT = 0.6  # share of the shorter text's shingles the longer one holds
LINK = 0.2  # cosine between an article and a story's centroid that makes it join the story
LINK_UNDATED = 0.5  # an undated article has no time window to keep it apart: only a close rewrite joins
WINDOW_DAYS = 3  # a story takes an article only if one of its articles is this close in time
LATE_DAYS = 10  # ... or, if the article is as close as a rewrite (LINK_UNDATED), this close: a follow-up
FRESH_DAYS = 1  # ... unless it dates a happening of its own to its publication day or the day before
APART_DAYS = 1  # a happening of the article's own days this far from all the story's days is another event
RECURRING = ("ASSAULT", "COERCE")  # happenings that recur at one place as other events: strikes, abductions
SAME_DAY = 0.03  # a happening day shared with a story's founding article: the words may differ, the day agrees
QUERY_TERMS = 12  # an article looks up candidates by its weightiest terms
BUSY_TERM = 400  # terms in more articles than this find no candidates (they say little)
MAX_CANDIDATES = 200
CENTROID_TERMS = 200  # terms a story's centroid keeps
PAIR_MARGIN = 0.1  # one close article also links, if closer than LINK by this margin


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
        self.norms: dict[str, float] = {}  # article -> the length of its term weights
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.df: dict[str, int] = defaultdict(int)
        self.story_of: dict[str, str] = {}
        self.copy_of: dict[str, str] = {}
        self.centroids: dict[str, dict[str, float]] = defaultdict(dict)  # story -> summed term weights
        self.days: dict[str, list[date]] = defaultdict(list)  # story -> its articles' publication days
        self.happened: dict[str, set[date]] = defaultdict(set)  # story -> the days its articles give happenings
        self.first_days: dict[str, set[date]] = {}  # story -> the days its founding article gives happenings

    def __len__(self) -> int:
        return len(self.profiles)

    def story(self, article: str) -> str:
        return self.story_of[article]

    def members(self) -> dict[str, list[str]]:
        """Story id -> its articles in ingest order."""
        out: dict[str, list[str]] = defaultdict(list)
        for article in sorted(self.profiles, key=lambda a: self.profiles[a].seq):
            out[self.story(article)].append(article)
        return dict(out)

    def membership(self, article: str) -> Membership:
        return Membership(article, self.story(article), self.copy_of.get(article))

    def add(self, p: Profile, story: str | None = None, copy_of: str | None = None) -> Membership:
        """Place one article and return its membership; `story` and `copy_of` restore a
        membership read back from the store."""
        if p.article in self.profiles:
            return self.membership(p.article)
        mine = weights(p.terms)
        if not story:
            copy_of = self._original(p)
            story = self.story(copy_of) if copy_of else self._closest(p, mine) or f"st-{p.article[:12]}"
        self._insert(p, story, mine)
        if copy_of:
            self.copy_of[p.article] = copy_of
        return self.membership(p.article)

    def _insert(self, p: Profile, story: str, mine: dict[str, float]) -> None:
        self.profiles[p.article] = p
        self.norms[p.article] = norm(p.terms)
        self.story_of[p.article] = story
        self.lsh.insert(p.article, sketch(p.hashes), check_duplication=False)
        for term in p.terms:
            self.df[term] += 1
            if self.df[term] <= BUSY_TERM:
                self.postings[term].append(p.article)
        centroid = self.centroids[story]
        for term, value in mine.items():
            centroid[term] = centroid.get(term, 0.0) + value
        if len(centroid) > CENTROID_TERMS:
            self.centroids[story] = dict(sorted(centroid.items(), key=lambda x: -x[1])[:CENTROID_TERMS])
        if p.published:
            self.days[story].append(p.published)
        self.happened[story].update(d for d, _ in p.days)
        self.first_days.setdefault(story, {d for d, _ in p.days})

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

    def _closest(self, p: Profile, mine: dict[str, float]) -> str | None:
        """The story whose centroid is closest to this article, if close enough."""
        query = sorted((t for t in mine if 0 < self.df.get(t, 0) <= BUSY_TERM), key=lambda t: -mine[t])[:QUERY_TERMS]
        hits: dict[str, int] = defaultdict(int)
        for term in query:
            for other in self.postings.get(term, ()):
                hits[other] += 1
        own = _fresh(p)  # the happenings of the article's own days
        strikes = [d for d, t in own if t in RECURRING]
        days = {d for d, _ in p.days}
        scores: dict[str, float] = {}
        ruled_out: set[str] = set()
        for other in sorted(hits, key=lambda a: -hits[a])[:MAX_CANDIDATES]:
            story = self.story_of[other]
            if story in ruled_out:
                continue
            if story not in scores:
                late = not self._near(story, p.published)
                if not self._near(story, p.published, LATE_DAYS) or (late and own) or _another_happening(strikes, self.happened[story]):
                    ruled_out.add(story)  # too far in time, news of its own days, or another strike
                    continue
                scores[story] = _cosine(mine, self.centroids[story], norm(self.centroids[story]))
                if late:  # a follow-up days later joins only as close as a rewrite
                    scores[story] -= LINK_UNDATED - LINK
            if _close(self.profiles[other].published, p.published):
                pair = _cosine(mine, self.profiles[other].terms, self.norms[other])
                scores[story] = max(scores[story], pair - PAIR_MARGIN)
        for story in scores:  # with no date on one side, no time window keeps two events apart
            scores[story] -= 0.0 if p.published and self.days.get(story) else LINK_UNDATED - LINK
            scores[story] += SAME_DAY if self.first_days[story] & days else 0.0
        best = max(scores, key=lambda s: scores[s], default=None)
        return best if best is not None and scores[best] >= LINK else None

    def _near(self, story: str, day: date | None, window: int = WINDOW_DAYS) -> bool:
        days = self.days.get(story)
        return day is None or not days or any(_close(day, d, window) for d in days)


def _age(p: Profile) -> tuple:
    """Earliest published first; the ingest order breaks ties."""
    return (p.published or date.max, p.published_at.timestamp() if p.published_at else 0.0, p.seq)


def _cosine(unit: dict[str, float], other: dict[str, float], length: float) -> float:
    """The cosine of unit-length weights and other weights of the given length."""
    return sum(v * other.get(t, 0.0) for t, v in unit.items()) / length


def _fresh(p: Profile) -> list[tuple[date, str]]:
    """The happenings the article dates to the day it was published or the day before: news of
    its own, not a follow-up of a story days older. A second round of talks a week after the
    first reads like the first, but happened on its own day."""
    return [(d, t) for d, t in p.days if p.published is not None and 0 <= (p.published - d).days <= FRESH_DAYS]


def _another_happening(strikes: list[date], happened: set[date]) -> bool:
    """Whether the strikes or abductions an article reports on its own days (`strikes`) lie more
    than a day away from every day its candidate story gives a happening: the next strike on
    the same town, the next school abduction, which read like the story but are other events.
    Talks or aid the day after a strike are the story's sequel."""
    return bool(strikes and happened) and all(min(abs((d - h).days) for h in happened) > APART_DAYS for d in strikes)


def _close(a: date | None, b: date | None, window: int = WINDOW_DAYS) -> bool:
    return a is None or b is None or abs((a - b).days) <= window
