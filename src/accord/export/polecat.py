"""POLECAT-style PLOVER event records, one JSON object per line.

Each record carries the PLOVER coding (event type, mode, context), every source and target
actor with its code, the dates, the location, the evidence text with its offsets, and the
CAMEO, QuadClass, Goldstein and ACLED codes beside them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from .ids import event_day, event_id
from .select import Bundle

ACTOR_KEYS = ("name", "kind", "code", "country", "sector", "role")


def write_polecat(bundles: Iterable[Bundle], out: TextIO) -> int:
    """Write every event of the bundles as a POLECAT-style JSON line; return how many."""
    written = 0
    for bundle in bundles:
        for n, event in enumerate(bundle.records["events"]):
            if bundle.keeps(*event["source"], *event["target"]):
                out.write(json.dumps(polecat_record(bundle, n, event), ensure_ascii=False) + "\n")
                written += 1
    return written


def polecat_record(bundle: Bundle, n: int, event: dict) -> dict:
    """One event as a POLECAT-style PLOVER record."""
    a = bundle.article
    place = event.get("place")
    acled = event.get("acled")
    evidence = event["evidence"]
    return {
        "event_id": event_id(a["id"], n),
        "article_id": a["id"],
        "event_number": n,
        "story_id": a["story_id"],
        "story_date": a["published"],
        "event_date": event_day(bundle, event),
        "event_date_end": event.get("when_end"),
        "date_rule": event["when_rule"],
        "event_type": event["type"],
        "event_mode": event.get("mode"),
        "event_context": event.get("context", []),
        "cameo": event["cameo"],
        "quad_class": event["quad_class"],
        "goldstein": event["goldstein"],
        "acled_event_type": acled[0] if acled else None,
        "acled_sub_event_type": acled[1] if acled else None,
        "source": [_actor(bundle, i) for i in event["source"]],
        "target": [_actor(bundle, i) for i in event["target"]],
        "source_text": (event.get("source_span") or {}).get("text"),
        "target_text": (event.get("target_span") or {}).get("text"),
        "location": None if place is None else {
            "name": place["name"], "country": place["country"], "lat": place["lat"], "lon": place["lon"],
            "rule": place["rule"], "start": place["span"]["start"], "end": place["span"]["end"],
        },
        "event_text": evidence[0]["text"] if evidence else None,
        "evidence": evidence,
        "trigger": event["trigger"],
        "negated": event["negated"],
        "hedged": event["hedged"],
        "reciprocal": event["reciprocal"],
        "decided_by": event["decided_by"],
        "confidence": event["confidence"],
        "url": a["url"],
        "outlet": a["source"],
        "headline": a["title"],
    }  # fmt: skip


def _actor(bundle: Bundle, actor_id: str) -> dict:
    row = bundle.actors.get(actor_id) or {}
    return {"id": actor_id, **{k: row.get(k) for k in ACTOR_KEYS}}
