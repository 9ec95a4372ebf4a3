"""The full analyses, one JSON object per line in the `--json` schema, rebuilt from the store.

The store keeps every record of an analysis but the role window (the span of dates an
undated article's roles allow), so `window` is null in the export. Paragraphs are not
stored either: they are found again from the text, as the reader found them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..read.text import layout
from ..serialize import SCHEMA_VERSION
from ..store.db import RECORD_TABLES
from .select import Bundle


def write_analyses(bundles: Iterable[Bundle], out: TextIO) -> int:
    """Write each bundle's analysis as a JSON line; return how many."""
    written = 0
    for bundle in bundles:
        out.write(json.dumps(analysis_dict(bundle), ensure_ascii=False) + "\n")
        written += 1
    return written


def analysis_dict(bundle: Bundle) -> dict:
    """The article's analysis as `accord analyze --json` prints it (schema 1.4), `window` null."""
    a = bundle.article
    text = a["text"]

    def span(start: int, end: int) -> dict:
        return {"start": start, "end": end, "text": text[start:end]}

    paragraphs, _ = layout(text)
    article = {
        "id": a["id"], "text": text, "origin": a["origin"], "url": a["url"], "source": a["source"],
        "title": a["title"], "published": a["published"], "published_at": a["published_at"],
        "language": a["language"], "headings": [span(s, e) for s, e in json.loads(a["headings"])],
        "paragraphs": [span(p.start, p.end) for p in paragraphs],
    }  # fmt: skip
    return {
        "schema_version": SCHEMA_VERSION,
        "article": article,
        "stages": json.loads(a["stages"]),
        "as_of": a["as_of"],
        "as_of_rule": a["as_of_rule"],
        "window": None,
        "dates": [
            {"span": span(d["span_start"], d["span_end"]), "text": d["text"], "start": d["date_start"],
             "end": d["date_end"], "granularity": d["granularity"], "rule": d["rule"]}
            for d in bundle.dates
        ],  # fmt: skip
        "actors": [{"id": k, **{c: v for c, v in row.items() if c != "actor_id"}} for k, row in bundle.actors.items()],
        "mentions": [
            {"span": span(m["span_start"], m["span_end"]), "text": m["text"], "actor": m["actor_id"], "kind": m["kind"],
             "rule": m["rule"], "role": m["role"], "role_valid": None if m["role_valid"] is None else bool(m["role_valid"])}
            for m in bundle.mentions
        ],  # fmt: skip
        **{table: bundle.records[table] for table in RECORD_TABLES},
    }
