"""The dashboard: one page at `/` and its files under `/static/`, all read from inside the package,
and the reads it needs beyond the API, all narrowed to the articles whose events match the
dashboard's filters: which articles those are, their list, and their stance matrix."""

from __future__ import annotations

import json
import mimetypes
from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from . import queries
from .api import Db, Events, Paged, Text

router = APIRouter()
POLARITIES = ("support", "oppose", "conditional", "neutral")

# Every file the page loads comes from accord itself: the policy forbids anything else.
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".html": "text/html"}


def static_files() -> dict[str, bytes]:
    """The dashboard's files by name (index.html, app.js, ...), read once from the package."""
    folder = resources.files("accord.serve") / "static"
    return {item.name: item.read_bytes() for item in folder.iterdir() if item.is_file() and item.name[0] != "."}


FILES = static_files()


def _response(name: str) -> Response:
    if name not in FILES:
        raise HTTPException(status_code=404, detail=f"no dashboard file named {name!r}")
    suffix = name[name.rfind(".") :] if "." in name else ""
    media = TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media.startswith("text/") or media == "application/json":
        media += "; charset=utf-8"
    return Response(FILES[name], media_type=media, headers=HEADERS)


@router.get("/", include_in_schema=False)
def index() -> Response:
    """The dashboard page."""
    return _response("index.html")


@router.get("/static/{name}", include_in_schema=False)
def static(name: str) -> Response:
    """One of the dashboard's files (scripts, style sheet, the world outline)."""
    return _response(name)


def in_view(column: str, where: queries.EventFilter) -> tuple[str, list]:
    """An SQL condition keeping the rows whose `column` is an article with an event matching
    `where`, and its parameters."""
    condition, params = where.where()
    return f"{column} IN (SELECT e.article_id FROM event_index e WHERE {condition})", params


@router.get("/api/dashboard/scope")
def articles_in_scope(db: Db, where: Events) -> dict:
    """The articles the event filters keep (those with a matching event): `articles` is null when
    nothing is filtered. The dashboard narrows its finding and story views to them."""
    if where == queries.EventFilter():
        return {"filtered": False, "articles": None}
    condition, params = in_view("a.id", where)
    rows = db.execute(f"SELECT a.id FROM articles a WHERE {condition}", params)
    return {"filtered": True, "articles": [row[0] for row in rows]}


@router.get("/api/dashboard/articles")
def articles_in_view(db: Db, page: Paged, where: Events, q: Text = None) -> dict:
    """Articles (as /api/articles) with an event matching the filters, newest first; `q` searches
    title and text."""
    terms, params = ["1"], []
    if where != queries.EventFilter():
        condition, params = in_view("a.id", where)
        terms.append(condition)
    if q and q.strip():
        terms.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(queries.fts_query(q))
    columns = "a.id, a.title, a.source, a.published, a.url, a.origin"
    order = "a.published DESC, a.rowid DESC"
    total, rows = queries._page(db, columns, "articles a", " AND ".join(terms), params, order, page)
    return {"total": total, "items": [dict(row) for row in rows]}


@router.get("/api/dashboard/stances/matrix")
def stance_matrix(db: Db, where: Events) -> dict:
    """The stance matrix (as /api/stances/matrix) of the articles the event filters keep."""
    if where == queries.EventFilter():
        return queries.stance_matrix(db)
    condition, params = in_view("i.article_id", where)
    rows = db.execute(
        "SELECT i.holder, i.issue, i.article_id, json_extract(r.record, '$.polarity'), r.record FROM stance_index i "
        f"JOIN stances r ON r.article_id = i.article_id AND r.n = i.n WHERE {condition} "
        "ORDER BY i.holder, i.issue, i.article_id, i.n", params,
    )  # fmt: skip
    cells: dict[tuple[str, str], dict] = {}
    for holder, issue, article_id, polarity, record in rows:
        cell = cells.setdefault((holder, issue), {"holder": holder, "issue": issue, **dict.fromkeys(POLARITIES, 0),
                                                  "evidence": []})  # fmt: skip
        cell[polarity] += 1
        room = queries.MAX_CELL_EVIDENCE - len(cell["evidence"])
        if room > 0:
            cell["evidence"] += [{"article_id": article_id, **span} for span in json.loads(record)["evidence"][:room]]
    return {"holders": sorted({h for h, _ in cells}), "issues": sorted({i for _, i in cells}),
            "cells": list(cells.values())}  # fmt: skip
