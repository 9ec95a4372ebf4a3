"""The API's reads of the store: every value travels as a bound SQL parameter, never in the text."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..store.db import RECORD_TABLES
from ..store.queries import findings as stored_findings

MAX_NETWORK_EDGES = 300  # the heaviest edges; a bigger graph cannot be read
MAX_CELL_EVIDENCE = 5  # sentences of evidence per stance-matrix cell; the counts count them all


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return."""

    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class EventFilter:
    """What the event endpoints filter on; None leaves a field free."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None  # an actor id, code (USAGOV) or name
    country: str | None = None  # ISO 3166 alpha-3 of the source, the target or the place
    type: str | None = None  # PLOVER type
    root: str | None = None  # CAMEO root, two digits
    quad: int | None = None  # QuadClass 1..4
    story: str | None = None

    def table(self) -> str:
        """The table to read events from: event_countries (one stretch per country) when
        filtering by country, else event_index; both have the columns `where` names."""
        return "event_countries" if self.country else "event_index"

    def where(self, table: str = "event_index") -> tuple[str, list]:
        """The SQL condition on events read from `table` (event_index or, for `table()`'s
        choice, event_countries) as `e`, and its parameters."""
        terms, params = ["1"], []
        if self.since:
            terms.append("e.day >= ?")
            params.append(self.since.isoformat())
        if self.until:
            terms.append("e.day > '' AND e.day <= ?")  # event_countries holds no day as ''
            params.append(self.until.isoformat())
        if self.actor:
            terms.append(
                "(e.article_id, e.n) IN (SELECT article_id, n FROM event_actors "
                "WHERE actor_id = ? OR code = ? OR name = ? COLLATE NOCASE)"
            )
            params += [self.actor] * 3
        if self.country and table == "event_countries":
            terms.append("e.country = ?")
            params.append(self.country)
        elif self.country:
            terms.append("(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)")
            params += [self.country] * 3
        for column, value in (("type", self.type), ("root", self.root), ("quad", self.quad)):
            if value is not None:
                terms.append(f"e.{column} = ?")
                params.append(value)
        if self.story:
            terms.append("e.article_id IN (SELECT article_id FROM story_members WHERE story_id = ?)")
            params.append(self.story)
        return " AND ".join(terms), params

    def only_days_and_type(self) -> bool:
        """True when the event_days summary can answer (no actor, country, root, quad or story)."""
        return not (self.actor or self.country or self.root or self.quad is not None or self.story)


def _count(db: sqlite3.Connection, table: str, where: str, params: list) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0]


def _page(db: sqlite3.Connection, columns: str, table: str, where: str, params: list, order: str, page: Page) -> tuple[int, list]:
    total = _count(db, table, where, params)
    rows = db.execute(
        f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, page.limit, page.offset]
    )
    return total, rows.fetchall()


def _listing(total: int, items: list) -> dict:
    return {"total": total, "items": items}


def fts_query(words: str) -> str:
    """A free-text search as an FTS5 query that cannot be a syntax error: every word a quoted
    phrase, with no control characters (SQLite ends a query string at a NUL)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in words)
    terms = ['"' + term.replace('"', '""') + '"' for term in printable.split()]
    return " ".join(terms) or '""'


def articles(
    db: sqlite3.Connection, page: Page, q: str | None = None, source: str | None = None,
    since: date | None = None, until: date | None = None, story: str | None = None,
) -> dict:  # fmt: skip
    """Articles, newest first, matching a full-text search over title and text and the filters."""
    terms, params = ["1"], []
    if q and q.strip():
        terms.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(q))
    for condition, value in (("a.source = ?", source), ("a.published >= ?", since), ("a.published <= ?", until)):
        if value:
            terms.append(condition)
            params.append(value.isoformat() if isinstance(value, date) else value)
    if story:
        terms.append("a.id IN (SELECT article_id FROM story_members WHERE story_id = ?)")
        params.append(story)
    columns = "a.id, a.title, a.source, a.published, a.url, a.origin"
    total, rows = _page(db, columns, "articles a", " AND ".join(terms), params, "a.published DESC, a.rowid DESC", page)
    return _listing(total, [dict(row) for row in rows])


def article(db: sqlite3.Connection, article_id: str) -> dict | None:
    """One article with every record extracted from it, its story and the story's findings naming it."""
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    found = {k: row[k] for k in ("id", "origin", "url", "source", "title", "published", "published_at",
                                  "as_of", "as_of_rule", "language", "text", "ingested_at")}  # fmt: skip
    found["headings"] = [{"start": s, "end": e} for s, e in json.loads(row["headings"])]
    found["stages"] = json.loads(row["stages"])
    found["actors"] = [
        dict(r) for r in db.execute(
            "SELECT actor_id AS id, name, kind, code, country, sector, role FROM actors WHERE article_id = ?", (article_id,))
    ]  # fmt: skip
    found["mentions"] = [
        {"span": {"start": r["span_start"], "end": r["span_end"], "text": r["text"]}, "actor": r["actor_id"],
         "kind": r["kind"], "rule": r["rule"], "role": r["role"],
         "role_valid": None if r["role_valid"] is None else bool(r["role_valid"])}
        for r in db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY span_start", (article_id,))
    ]  # fmt: skip
    found["dates"] = [
        {"span": {"start": r["span_start"], "end": r["span_end"], "text": r["text"]}, "start": r["date_start"],
         "end": r["date_end"], "granularity": r["granularity"], "rule": r["rule"]}
        for r in db.execute("SELECT * FROM dates WHERE article_id = ? ORDER BY span_start", (article_id,))
    ]  # fmt: skip
    for table in RECORD_TABLES:
        found[table] = [
            json.loads(r[0]) for r in db.execute(f"SELECT record FROM {table} WHERE article_id = ? ORDER BY n", (article_id,))
        ]  # fmt: skip
    story = db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
    found["story"] = story[0] if story else None
    found["story_findings"] = []
    if story:
        for (record,) in db.execute("SELECT record FROM story_findings WHERE story_id = ? ORDER BY n", (story[0],)):
            finding = json.loads(record)
            if any(e.get("article") == article_id for e in finding.get("evidence", ())):
                found["story_findings"].append(finding)
    return found


def events(db: sqlite3.Connection, page: Page, where: EventFilter) -> dict:
    """Events, latest day first, with their codes, actors, place and first evidence sentence."""
    condition, params = where.where(where.table())
    table = where.table()
    total = _count(db, f"{table} e", condition, params)
    rows = db.execute(
        f"SELECT i.*, r.record FROM {table} e JOIN event_index i ON i.article_id = e.article_id AND i.n = e.n "
        f"JOIN events r ON r.article_id = e.article_id AND r.n = e.n WHERE {condition} "
        "ORDER BY e.day DESC, e.article_id DESC, e.n DESC LIMIT ? OFFSET ?", [*params, page.limit, page.offset],
    ).fetchall()  # fmt: skip
    return _listing(total, [_event(row) for row in rows])


def _event(row: sqlite3.Row) -> dict:
    record = json.loads(row["record"])
    evidence = (record.get("evidence") or [None])[0]
    return {
        "article_id": row["article_id"], "n": row["n"], "date": row["day"], "type": row["type"],
        "mode": record.get("mode"), "cameo": record.get("cameo"), "root": row["root"], "quad": row["quad"],
        "goldstein": record.get("goldstein"), "source": row["source_label"], "target": row["target_label"],
        "source_actors": record.get("source", []), "target_actors": record.get("target", []),
        "source_country": row["source_country"], "target_country": row["target_country"],
        "place": row["place"], "lat": row["lat"], "lon": row["lon"], "acled": record.get("acled"),
        "evidence": evidence and {k: evidence[k] for k in ("start", "end", "text")},
    }  # fmt: skip


def counts_by_day(db: sqlite3.Connection, where: EventFilter, by: str = "type") -> dict:
    """How many events each day, split by PLOVER type or by QuadClass."""
    key = "type" if by == "type" else "quad"
    condition, params = where.where(where.table())
    if where.only_days_and_type():  # the daily totals the triggers keep
        sql = f"SELECT e.day, e.{key}, SUM(e.count) FROM event_days e WHERE {condition}"
    else:
        sql = f"SELECT e.day, e.{key}, COUNT(*) FROM {where.table()} e WHERE {condition} AND e.day > ''"
    rows = db.execute(f"{sql} GROUP BY e.day, e.{key} ORDER BY e.day", params)
    items = [{"day": day, "key": value, "count": count} for day, value, count in rows]
    return _listing(len(items), items)


def network(db: sqlite3.Connection, where: EventFilter) -> dict:
    """Who acts on whom: actors as nodes, source -> target edges weighted by events, with their
    commonest QuadClass; the heaviest edges only."""
    if where == EventFilter():
        rows = db.execute(
            "SELECT source, target, count, q1, q2, q3, q4 FROM pair_totals ORDER BY count DESC LIMIT ?", (MAX_NETWORK_EDGES,)
        ).fetchall()  # fmt: skip
    else:
        condition, params = where.where(where.table())
        rows = db.execute(
            "SELECT p.source, p.target, COUNT(*) AS count, SUM(e.quad = 1), SUM(e.quad = 2), SUM(e.quad = 3), SUM(e.quad = 4) "
            f"FROM {where.table()} e JOIN event_pairs p ON p.article_id = e.article_id AND p.n = e.n "
            f"WHERE {condition} GROUP BY p.source, p.target ORDER BY count DESC LIMIT ?", [*params, MAX_NETWORK_EDGES],
        ).fetchall()  # fmt: skip
    edges = [
        {"source": source, "target": target, "weight": weight, "quad": 1 + max(range(4), key=lambda q: quads[q])}
        for source, target, weight, *quads in rows
    ]  # fmt: skip
    counts: Counter = Counter()
    for edge in edges:
        counts[edge["source"]] += edge["weight"]
        counts[edge["target"]] += edge["weight"]
    nodes = [{"id": actor, "label": _actor_label(db, actor), "count": n} for actor, n in counts.most_common()]
    return {"nodes": nodes, "edges": edges}


def _actor_label(db: sqlite3.Connection, actor_id: str) -> str:
    row = db.execute("SELECT name, code FROM actors WHERE actor_id = ? LIMIT 1", (actor_id,)).fetchone()
    return (row[0] or row[1]) if row else actor_id


def places(db: sqlite3.Connection, where: EventFilter) -> dict:
    """Geocoded events counted by place."""
    if where == EventFilter():
        rows = db.execute("SELECT place, lat, lon, count FROM place_totals ORDER BY count DESC")
    else:
        condition, params = where.where(where.table())
        rows = db.execute(
            f"SELECT e.place, e.lat, e.lon, COUNT(*) AS count FROM {where.table()} e WHERE {condition} AND e.lat IS NOT NULL "
            "GROUP BY e.place, e.lat, e.lon ORDER BY count DESC",
            params,
        )  # fmt: skip
    items = [dict(row) for row in rows]
    return _listing(len(items), items)


def actors(db: sqlite3.Connection, page: Page, q: str | None = None, country: str | None = None) -> dict:
    """Actors across the store with the number of articles naming them, most named first."""
    terms, params = ["1"], []
    if q:
        terms.append("(name LIKE ? ESCAPE '\\' OR actor_id LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')")
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern] * 3
    if country:
        terms.append("country = ?")
        params.append(country)
    condition = " AND ".join(terms)
    total = db.execute(f"SELECT COUNT(DISTINCT actor_id) FROM actors WHERE {condition}", params).fetchone()[0]
    rows = db.execute(
        "SELECT actor_id AS id, MAX(name) AS name, MAX(kind) AS kind, MAX(code) AS code, MAX(country) AS country, "
        f"COUNT(*) AS articles FROM actors WHERE {condition} GROUP BY actor_id ORDER BY articles DESC, id "
        "LIMIT ? OFFSET ?", [*params, page.limit, page.offset],
    )  # fmt: skip
    return _listing(total, [dict(row) for row in rows])


def _actor_match(column: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM actors a WHERE a.article_id = r.article_id AND a.actor_id = {column} "
        "AND (a.actor_id = ? OR a.code = ? OR a.name = ? COLLATE NOCASE))"
    )


def _records(db: sqlite3.Connection, table: str, page: Page, terms: list[str], params: list, holder: str) -> dict:
    condition = " AND ".join(["1", *terms])
    total = db.execute(f"SELECT COUNT(*) FROM {table} r WHERE {condition}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT r.article_id, r.n, r.record, a.name FROM {table} r LEFT JOIN actors a "
        f"ON a.article_id = r.article_id AND a.actor_id = json_extract(r.record, '$.{holder}') "
        f"WHERE {condition} ORDER BY r.rowid LIMIT ? OFFSET ?", [*params, page.limit, page.offset],
    )  # fmt: skip
    items = [{"article_id": aid, "n": n, **json.loads(record), f"{holder}_name": name} for aid, n, record, name in rows]
    return _listing(total, items)


def quotes(db: sqlite3.Connection, page: Page, speaker: str | None = None, article_id: str | None = None) -> dict:
    """Quotes with their speaker, cue and kind; `speaker` is an actor id, code or name."""
    terms, params = [], []
    if speaker:
        terms.append(_actor_match("json_extract(r.record, '$.speaker')"))
        params += [speaker] * 3
    if article_id:
        terms.append("r.article_id = ?")
        params.append(article_id)
    return _records(db, "quotes", page, terms, params, "speaker")


def stances(db: sqlite3.Connection, page: Page, holder: str | None = None, issue: str | None = None) -> dict:
    """Stances with their evidence; `holder` is an actor id, code or name."""
    terms, params = [], []
    if holder:
        terms.append(_actor_match("json_extract(r.record, '$.holder')"))
        params += [holder] * 3
    if issue:
        terms.append("json_extract(r.record, '$.issue') = ?")
        params.append(issue)
    return _records(db, "stances", page, terms, params, "holder")


def stance_matrix(db: sqlite3.Connection) -> dict:
    """Holders (by actor code, else name) by issues: the polarities counted, with the first
    sentences of evidence of each cell (GET /api/stances?holder=&issue= has them all)."""
    cells = {
        (row["holder"], row["issue"]): {**dict(row), "evidence": []}
        for row in db.execute("SELECT * FROM stance_cells ORDER BY holder, issue")
    }  # fmt: skip
    for (holder, issue), cell in cells.items():
        rows = db.execute(
            "SELECT r.article_id, r.record FROM stance_index i JOIN stances r ON r.article_id = i.article_id AND r.n = i.n "
            "WHERE i.holder = ? AND i.issue = ? LIMIT ?", (holder, issue, MAX_CELL_EVIDENCE),
        )  # fmt: skip
        for article_id, record in rows:
            room = MAX_CELL_EVIDENCE - len(cell["evidence"])
            cell["evidence"] += [{"article_id": article_id, **e} for e in json.loads(record)["evidence"][:room]]
    return {
        "holders": sorted({h for h, _ in cells}),
        "issues": sorted({i for _, i in cells}),
        "cells": list(cells.values()),
    }


class _StoreView:
    """What accord.store.queries needs of a Store: its connection."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db


def findings(db: sqlite3.Connection, page: Page, severity: str | None, kind: str | None, story: str | None) -> dict:
    """Findings inside articles and across outlets, most severe first."""
    found = stored_findings(_StoreView(db), severity=severity, kind=kind, story=story)
    return _listing(len(found), found[page.offset : page.offset + page.limit])


def stories(db: sqlite3.Connection, page: Page) -> dict:
    """Stories, largest first, each with its articles, outlets and number of findings."""
    total = db.execute("SELECT COUNT(DISTINCT story_id) FROM story_members").fetchone()[0]
    chosen = db.execute(
        "SELECT story_id, COUNT(*) AS size FROM story_members GROUP BY story_id ORDER BY size DESC, story_id "
        "LIMIT ? OFFSET ?", (page.limit, page.offset),
    ).fetchall()  # fmt: skip
    items = []
    for story_id, _ in chosen:
        members = db.execute(
            "SELECT a.id, a.source, COALESCE(a.published_at, a.published) AS published, a.title, a.origin, m.copy_of "
            "FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.published, a.rowid", (story_id,),
        ).fetchall()  # fmt: skip
        outlets = list(dict.fromkeys(m["source"] for m in members if m["source"]))
        count = db.execute("SELECT COUNT(*) FROM story_findings WHERE story_id = ?", (story_id,)).fetchone()[0]
        items.append({"story": story_id, "articles": [dict(m) for m in members], "outlets": outlets, "findings": count})
    return _listing(total, items)
