"""The JSON API under /api: thin endpoints over `queries`, parameters checked at the door."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from ..model import Rejected
from ..read import make_article
from ..read.decode import MAX_BYTES
from ..serialize import analysis_to_dict
from . import queries
from .db import connection

router = APIRouter(prefix="/api")

Db = Annotated[sqlite3.Connection, Depends(connection)]
Text = Annotated[str | None, Query(max_length=500)]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166 alpha-3, e.g. UKR")]


def page(
    limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0, le=2**31)] = 0
) -> queries.Page:
    """The `limit` and `offset` every list endpoint takes."""
    return queries.Page(limit, offset)


Paged = Annotated[queries.Page, Depends(page)]


def event_filter(
    since: Day = None, until: Day = None,
    actor: Annotated[str | None, Query(max_length=500, description="An actor id, code (USAGOV) or name")] = None,
    country: Country = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. CONSULT")] = None,
    root: Annotated[str | None, Query(pattern="^[0-9]{2}$", description="CAMEO root, two digits")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass")] = None,
    story: Text = None,
) -> queries.EventFilter:  # fmt: skip
    """The filters the event endpoints share."""
    if since and until and since > until:
        raise HTTPException(status_code=400, detail=f"since ({since}) is after until ({until})")
    return queries.EventFilter(
        since, until, actor or None, country.upper() if country else None, type.upper() if type else None,
        root, quad, story or None,
    )  # fmt: skip


Events = Annotated[queries.EventFilter, Depends(event_filter)]


@router.get("/articles")
def articles(db: Db, page: Paged, q: Text = None, source: Text = None, since: Day = None, until: Day = None,
             story: Text = None) -> dict:  # fmt: skip
    """Articles, newest first; `q` searches title and text (every word must occur)."""
    return queries.articles(db, page, q, source, since, until, story)


@router.get("/articles/{article_id}")
def article(db: Db, article_id: Annotated[str, Path(max_length=200)]) -> dict:
    """One article with all its records and their spans, its story and the story's findings naming it."""
    found = queries.article(db, article_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id!r} in the store")
    return found


@router.get("/events")
def events(db: Db, page: Paged, where: Events) -> dict:
    """Events, latest first, filtered by date range, actor, country, PLOVER type, CAMEO root,
    QuadClass and story."""
    return queries.events(db, page, where)


@router.get("/counts/day")
def counts_by_day(db: Db, where: Events, by: Literal["type", "quad"] = "type") -> dict:
    """Events per day, split by PLOVER type or QuadClass: items of {day, key, count}."""
    return queries.counts_by_day(db, where, by)


@router.get("/network")
def network(db: Db, where: Events) -> dict:
    """The actor network: nodes {id, label, count} and edges {source, target, weight, quad}."""
    return queries.network(db, where)


@router.get("/map")
def places(db: Db, where: Events) -> dict:
    """Geocoded events by place: items of {place, lat, lon, count}."""
    return queries.places(db, where)


@router.get("/actors")
def actors(db: Db, page: Paged, q: Text = None, country: Country = None) -> dict:
    """Actors named in the store, most named first; `q` matches part of a name, id or code."""
    return queries.actors(db, page, q, country.upper() if country else None)


@router.get("/quotes")
def quotes(db: Db, page: Paged, speaker: Text = None, article: Text = None) -> dict:
    """Quotes; `speaker` is an actor id, code or name, `article` an article id."""
    return queries.quotes(db, page, speaker, article)


@router.get("/stances")
def stances(db: Db, page: Paged, holder: Text = None, issue: Text = None) -> dict:
    """Stances; `holder` is an actor id, code or name, `issue` an issue id (e.g. ceasefire)."""
    return queries.stances(db, page, holder, issue)


@router.get("/stances/matrix")
def stance_matrix(db: Db) -> dict:
    """Holders by issues, each cell counting polarities with the evidence."""
    return queries.stance_matrix(db)


@router.get("/findings")
def findings(db: Db, page: Paged, severity: Literal["info", "warning", "error"] | None = None, kind: Text = None,
             story: Text = None) -> dict:  # fmt: skip
    """Findings, most severe first; `severity` keeps that level and those above it."""
    return queries.findings(db, page, severity, kind, story)


@router.get("/stories")
def stories(db: Db, page: Paged) -> dict:
    """Stories, largest first, with their articles and outlets."""
    return queries.stories(db, page)


class Submission(BaseModel):
    """One article to analyse: its text and what the input knows about it."""

    text: str = Field(max_length=MAX_BYTES)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or an ISO date and time")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=200)


_analysing = threading.Lock()


@router.post("/analyze")
def analyze(submission: Submission, request: Request) -> dict:
    """The `--json` analysis of one article, not stored. The text is analysed as given: nothing is fetched."""
    article = make_article(
        submission.text, "<api>", title=submission.title, source=submission.source, published=submission.published
    )
    with _analysing:  # one spaCy pipeline, one article at a time
        pipeline = request.app.state.pipeline()
        [result] = list(pipeline.stream([article]))
    if isinstance(result, Rejected):
        raise HTTPException(status_code=422, detail=result.reason)
    return analysis_to_dict(result)
