"""Reading the store back for the exports: one bundle per article, in ingest order, filtered.

The store is read in one pass: the articles and each child table are read in the same
order (the article's rowid), so every article's records are gathered without a query
per article and memory holds one article at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from ..errors import AccordError
from ..store import Store
from ..store.db import RECORD_TABLES


class ExportError(AccordError):
    """An export cannot be written as asked (a filter that names nothing, an output that will not do)."""


@dataclass(frozen=True)
class Filters:
    """Which records an export keeps.

    `since`/`until` keep the articles published in that range (inclusive; undated articles are
    left out when either is given); `story` keeps one story's articles; `actor` (an actor id
    or code) keeps the articles that name it and, of their events, actors, quotes and
    stances, the ones it takes part in."""

    since: date | None = None
    until: date | None = None
    story: str | None = None
    actor: str | None = None


@dataclass
class Bundle:
    """One stored article with everything extracted from it, as read from the store."""

    article: dict
    actors: dict[str, dict]  # actor_id -> the actors row
    mentions: list[dict]
    dates: list[dict]
    records: dict[str, list[dict]]  # events, sentences, quotes, stances, claims, findings: the JSON records
    matching: set[str] | None = None  # the actor ids the actor filter names here; None without one
    counts: dict[str, int] = field(default_factory=dict)  # mentions per actor id

    def keeps(self, *ids: str | None) -> bool:
        """True when the actor filter is off or names one of these actor ids."""
        return self.matching is None or any(i in self.matching for i in ids)


_ARTICLES = (
    "SELECT a.id, m.story_id, a.origin, a.url, a.source, a.title, a.published, a.published_at, a.as_of, "
    "a.as_of_rule, a.language, a.text, a.headings, a.stages, a.ingested_at "
    "FROM articles a LEFT JOIN story_members m ON m.article_id = a.id ORDER BY a.rowid"
)
_ARTICLE_KEYS = ("id", "story_id", "origin", "url", "source", "title", "published", "published_at", "as_of",
                 "as_of_rule", "language", "text", "headings", "stages", "ingested_at")  # fmt: skip
_CHILDREN = {
    "actors": ("actor_id, name, kind, code, country, sector, role", "t.rowid"),
    "mentions": ("span_start, span_end, text, actor_id, kind, rule, role, role_valid", "t.rowid"),
    "dates": ("span_start, span_end, text, date_start, date_end, granularity, rule", "t.rowid"),
    **{table: ("n, record", "t.n") for table in RECORD_TABLES},
}
CHILD_TABLES = tuple(_CHILDREN)  # the tables read beside each article


class _Grouped:
    """The rows of one child table, handed out article by article in the articles' order."""

    def __init__(self, store: Store, table: str):
        columns, order = _CHILDREN[table]
        self.keys = [c.strip() for c in columns.split(",")]
        self.rows = store.db.execute(
            f"SELECT t.article_id, {', '.join('t.' + k for k in self.keys)} FROM {table} t "
            f"JOIN articles a ON a.id = t.article_id ORDER BY a.rowid, {order}"
        )
        self.head = next(self.rows, None)

    def take(self, article_id: str) -> list[dict]:
        """This article's rows (the cursor is at them: rows of earlier articles were taken)."""
        found = []
        while self.head is not None and self.head[0] == article_id:
            found.append(dict(zip(self.keys, self.head[1:])))
            self.head = next(self.rows, None)
        return found


class Selection:
    """The store's articles and records that pass the filters."""

    def __init__(self, store: Store, filters: Filters = Filters(), reads: tuple[str, ...] = CHILD_TABLES):
        """`reads` names the child tables a format needs (actors always); the others stay empty."""
        self.store, self.filters = store, filters
        self.reads = {"actors", *reads}
        self._check(filters)
        self.stories: set[str] = set()  # the stories of the articles handed out so far

    def _check(self, f: Filters) -> None:
        db = self.store.db
        if f.since and f.until and f.since > f.until:
            raise ExportError(f"--since {f.since} is after --until {f.until}: nothing can match")
        if f.story and not db.execute("SELECT 1 FROM story_members WHERE story_id = ?", (f.story,)).fetchone():
            raise ExportError(f"no story {f.story!r} in the store: `accord stories` lists them")
        if f.actor and not db.execute(
            "SELECT 1 FROM actors WHERE actor_id = ? OR code = ?", (f.actor, f.actor.upper())
        ).fetchone():
            raise ExportError(f"no actor with the id or code {f.actor!r} in the store")

    def _passes(self, article: dict) -> bool:
        f = self.filters
        if f.story and article["story_id"] != f.story:
            return False
        if f.since or f.until:
            day = date.fromisoformat(article["published"]) if article["published"] else None
            if day is None or (f.since and day < f.since) or (f.until and day > f.until):
                return False
        return True

    def __iter__(self) -> Iterator[Bundle]:
        # The cursors stay open together, so they read one snapshot even while an ingest writes.
        children = {table: _Grouped(self.store, table) for table in _CHILDREN if table in self.reads}
        for row in self.store.db.execute(_ARTICLES):
            article = dict(zip(_ARTICLE_KEYS, row))
            taken = {table: children[table].take(article["id"]) if table in children else [] for table in _CHILDREN}
            if not self._passes(article):
                continue
            actors = {a["actor_id"]: a for a in taken["actors"]}
            matching = None
            if self.filters.actor:
                key = self.filters.actor
                matching = {i for i, a in actors.items() if i == key or a["code"] == key.upper()}
                if not matching:
                    continue
            counts: dict[str, int] = {}
            for m in taken["mentions"]:
                counts[m["actor_id"]] = counts.get(m["actor_id"], 0) + 1
            records = {t: [json.loads(r["record"]) for r in taken[t]] for t in RECORD_TABLES}
            if article["story_id"]:
                self.stories.add(article["story_id"])
            yield Bundle(article, actors, taken["mentions"], taken["dates"], records, matching, counts)

    def story_findings(self) -> Iterator[tuple[str, int, dict]]:
        """(story id, n, finding) across the outlets of the stories handed out; call after iterating."""
        for story, n, record in self.store.db.execute("SELECT story_id, n, record FROM story_findings ORDER BY story_id, n"):
            if story in self.stories:
                yield story, n, json.loads(record)
