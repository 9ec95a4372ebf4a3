"""Stories in the store: every stored article is placed in a story, and the findings across
outlets are recomputed for the stories an ingest touched.

Placing reads the article back from the store, so an article stored by a run that was
stopped before it was placed is placed by the next run: nothing is lost or placed twice.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np

from ..checks.vocabulary import load as load_vocabulary
from ..serialize import claim_from_dict, record_to_dict
from ..stories.compare import Member, StoryComparer
from ..stories.index import StoryIndex
from ..stories.profile import Profile, profile
from ..timex import ONE_DAY
from .db import Store


class StoryBook:
    """The store's stories, held in a StoryIndex while a run adds articles."""

    def __init__(self, store: Store):
        self.db = store.db
        self.index = StoryIndex()
        self.touched: set[str] = set()
        for row in self.db.execute(
            "SELECT p.article_id, p.seq, a.source, a.published, a.published_at, p.hashes, p.shingles, p.terms, p.days, "
            "m.story_id, m.copy_of FROM profiles p JOIN articles a ON a.id = p.article_id "
            "LEFT JOIN story_members m ON m.article_id = p.article_id ORDER BY p.seq"
        ):  # fmt: skip
            article, seq, source, published, published_at, hashes, shingles, terms, days, story, copy_of = row
            p = Profile(article, seq, source, _day(published), _moment(published_at), np.frombuffer(hashes, dtype=np.uint32),
                        shingles, json.loads(terms), tuple((date.fromisoformat(d), t) for d, t in json.loads(days)))  # fmt: skip
            if story:
                self.index.add(p, story, copy_of)
            else:
                self._join(p)
        for (article,) in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM profiles) ORDER BY rowid"
        ).fetchall():  # fmt: skip
            self.place(article)

    def place(self, article: str) -> str:
        """Put one stored article in a story; return the story id."""
        a = self.db.execute("SELECT text, source, published, published_at FROM articles WHERE id = ?", (article,)).fetchone()
        actors = [r[0] for r in self.db.execute("SELECT actor_id FROM actors WHERE article_id = ?", (article,))]
        events = [json.loads(r[0]) for r in self.db.execute("SELECT record FROM events WHERE article_id = ? ORDER BY n", (article,))]
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM profiles").fetchone()[0]
        p = profile(article, seq, a[0], a[1], _day(a[2]), _moment(a[3]), actors,
                    [place for e in events if (place := (e.get("place") or {}).get("name"))],
                    tuple((date.fromisoformat(e["when"]), e["type"]) for e in events if e.get("when") and e.get("when_rule") in ONE_DAY))  # fmt: skip
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "INSERT INTO profiles VALUES (?,?,?,?,?,?)",
                (p.article, p.seq, p.hashes.astype(np.uint32).tobytes(), p.shingles, json.dumps(p.terms),
                 json.dumps([(d.isoformat(), t) for d, t in p.days])),
            )
            story = self._join(p)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return story

    def _join(self, p: Profile) -> str:
        membership = self.index.add(p)
        self.db.execute("INSERT OR REPLACE INTO story_members VALUES (?,?,?)", (p.article, membership.story, membership.copy_of))
        self.touched.add(membership.story)
        return membership.story

    def refresh(self) -> int:
        """Recompute the findings of the touched stories; return how many findings they have."""
        comparer = StoryComparer(load_vocabulary(), self._names())
        total = 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for story in sorted(self.touched):
                findings = comparer(story, self._members(story))
                self.db.execute("DELETE FROM story_findings WHERE story_id = ?", (story,))
                self.db.executemany(
                    "INSERT INTO story_findings VALUES (?,?,?)",
                    [(story, n, json.dumps(record_to_dict(f), ensure_ascii=False)) for n, f in enumerate(findings)],
                )
                total += len(findings)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.touched = set()
        return total

    def _members(self, story: str) -> list[Member]:
        rows = self.db.execute(
            "SELECT a.id, a.source, a.published, a.published_at, a.text, m.copy_of FROM story_members m "
            "JOIN articles a ON a.id = m.article_id JOIN profiles p ON p.article_id = a.id "
            "WHERE m.story_id = ? ORDER BY p.seq", (story,),
        ).fetchall()  # fmt: skip
        members = []
        for article, source, published, published_at, text, copy_of in rows:
            claims = tuple(claim_from_dict(json.loads(r[0])) for r in self.db.execute(
                "SELECT record FROM claims WHERE article_id = ? ORDER BY n", (article,)))  # fmt: skip
            members.append(Member(article, source, _day(published), _moment(published_at), text, claims, copy_of))
        return members

    def _names(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT actor_id, name FROM actors WHERE kind = 'person' GROUP BY actor_id"))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
