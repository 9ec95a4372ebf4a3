"""Reading stories and findings back from the store, for `accord stories` and `accord findings`."""

from __future__ import annotations

import json

from .db import Store

SEVERITIES = ("info", "warning", "error")


def stories(store: Store, story: str | None = None) -> list[dict]:
    """Every story with its articles (outlet, date, title, copy_of), largest first."""
    rows = store.db.execute(
        "SELECT m.story_id, a.id, a.source, a.published, a.published_at, a.title, a.origin, m.copy_of, "
        "(SELECT COUNT(*) FROM story_findings f WHERE f.story_id = m.story_id) "
        "FROM story_members m JOIN articles a ON a.id = m.article_id JOIN profiles p ON p.article_id = a.id "
        "WHERE ? IS NULL OR m.story_id = ? ORDER BY p.seq", (story, story),
    ).fetchall()  # fmt: skip
    found: dict[str, dict] = {}
    for story_id, article, source, published, published_at, title, origin, copy_of, findings in rows:
        entry = found.setdefault(story_id, {"story": story_id, "articles": [], "outlets": [], "findings": findings})
        entry["articles"].append({"id": article, "source": source, "published": published_at or published,
                                  "title": title, "origin": origin, "copy_of": copy_of})  # fmt: skip
        if source and source not in entry["outlets"]:
            entry["outlets"].append(source)
    return sorted(found.values(), key=lambda s: (-len(s["articles"]), s["story"]))


def findings(store: Store, severity: str | None = None, kind: str | None = None, story: str | None = None) -> list[dict]:
    """Findings inside articles and across outlets, most severe first, filtered as asked.

    `severity` keeps that level and the ones above it ("warning": warnings and errors)."""
    rows = []
    if story is None:
        rows += [
            (json.loads(record), None)
            for (record,) in store.db.execute("SELECT record FROM findings ORDER BY rowid")
        ]  # fmt: skip
    else:
        rows += [
            (json.loads(record), story)
            for (record,) in store.db.execute(
                "SELECT f.record FROM findings f JOIN story_members m ON m.article_id = f.article_id "
                "WHERE m.story_id = ? ORDER BY f.rowid", (story,))
        ]  # fmt: skip
    rows += [
        (json.loads(record), story_id)
        for story_id, record in store.db.execute(
            "SELECT story_id, record FROM story_findings WHERE ? IS NULL OR story_id = ? ORDER BY story_id, n", (story, story))
    ]  # fmt: skip
    floor = SEVERITIES.index(severity) if severity else 0
    out = []
    for record, story_id in rows:
        if SEVERITIES.index(record["severity"]) < floor or (kind and record["kind"] != kind):
            continue
        out.append({**record, "story": record.get("story") or story_id or _story_of(store, record)})
    return sorted(out, key=lambda r: -SEVERITIES.index(r["severity"]))


def _story_of(store: Store, record: dict) -> str | None:
    article = record["evidence"][0]["article"] if record.get("evidence") else None
    row = store.db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article,)).fetchone()
    return row[0] if row else None
